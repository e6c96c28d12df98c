"""The station database's side of sync: what to send, what the district answered, and the
pulled rows applied together with the cursor that says they were applied.

Lessons of SYNC.md kept here: an op stays "pending" until the district has answered it (never
"sent" on hope); a pulled page and the cursor move in one transaction; a pulled row never
overwrites a field this PC changed and has not yet had answered; a new server epoch sends the
whole outbox again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect, select, text, update
from sqlalchemy.orm import Session

from msk_desktop.ops.context import OpContext
from msk_desktop.store.base import Base, RegisterEntry, SyncedRow, SyncState
from msk_desktop.store.change_capture import RowChange
from msk_desktop.store.database import Author, StationDatabase
from msk_desktop.store.ids import new_id
from msk_desktop.store.models import (
    AppUser,
    DeviceSyncState,
    OutboxState,
    SerialCounter,
    Station,
    SyncConflict,
    SyncOutbox,
)
from msk_desktop.store.search_index import update_search_index
from msk_desktop.store.types import UtcDateTime, utc_now
from msk_desktop.sync.protocol import (
    CONFLICT_TABLE,
    ConflictInfo,
    EnrolResponse,
    Op,
    OpOutcome,
    PulledRow,
    PullResponse,
)

MODELS: dict[str, type[SyncedRow]] = {
    m.class_.__tablename__: m.class_
    for m in Base.registry.mappers
    if issubclass(m.class_, SyncedRow)
}

_STATE_OF = {
    "applied": OutboxState.APPLIED,
    "duplicate": OutboxState.APPLIED,
    "conflict": OutboxState.CONFLICT,
    "rejected": OutboxState.REJECTED,
}


def from_json_value(model: type[SyncedRow], name: str, value: Any) -> Any:
    """A value as the outbox and the district carry it, back in the column's Python type."""
    column = inspect(model).columns.get(name)
    if value is None or column is None:
        return value
    if isinstance(column.type, UtcDateTime):
        return datetime.fromisoformat(value).astimezone(UTC)
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return value
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is time:
        return time.fromisoformat(value)
    if python_type is Decimal:
        return Decimal(value)
    return value


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    server_url: str
    station_code: str
    role: str
    private_key: str  # raw Ed25519 key, base64
    server_cert: str | None
    server_epoch: str | None
    cursor: int
    last_sync_at: datetime | None
    district_box_key: str | None  # for the offline sync file (None: enrolled before it)
    district_sign_key: str | None


def _state(session: Session) -> DeviceSyncState:
    return session.get_one(DeviceSyncState, 1)


def enrolment(db: StationDatabase) -> Enrolment | None:
    with db.read() as session:
        row = _state(session)
        if not (row.server_url and row.device_key and row.station_code and row.device_role):
            return None
        return Enrolment(
            row.device_id,
            row.server_url,
            row.station_code,
            row.device_role,
            row.device_key,
            row.server_cert,
            row.server_epoch,
            row.pulled_through_seq,
            row.last_sync_at,
            row.district_box_key,
            row.district_sign_key,
        )


def last_sync_time(ctx: OpContext) -> datetime | None:
    """When this PC last finished a sync (the status bar shows it beside the unsent count)."""
    with ctx.db.read() as session:
        return _state(session).last_sync_at


def local_station_id(db: StationDatabase) -> str | None:
    with db.read() as session:
        return session.execute(select(Station.id).order_by(Station.created_at).limit(1)).scalar()


def has_user(db: StationDatabase, username: str) -> bool:
    name = username.strip().casefold()
    with db.read() as session:
        found = session.execute(select(AppUser.id).where(AppUser.username == name)).first()
        return found is not None


def save_enrolment(
    db: StationDatabase,
    author: Author,
    server_url: str,
    answer: EnrolResponse,
    private_key: str,
    server_cert: str | None,
) -> None:
    with db.write(author) as tx:
        row = _state(tx.session)
        row.server_url = server_url
        row.station_code = answer.station_code
        row.device_role = answer.role
        row.device_key = private_key
        row.server_cert = server_cert
        row.district_box_key = answer.district_box_key
        row.district_sign_key = answer.district_sign_key
        row.server_epoch = answer.server_epoch
        row.pulled_through_seq = 0
        tx.audit("sync.enrol", None, None, server=server_url, station=answer.station_code)


def begin_epoch(db: StationDatabase, author: Author, epoch: str) -> bool:
    """Note the district's epoch. A different one means the district was restored from a
    backup: every op it may have lost goes again (its op id makes a repeat harmless) and every
    row is pulled afresh. True when that happened."""
    with db.write(author, replica=True) as tx:
        row = _state(tx.session)
        if row.server_epoch == epoch:
            return False
        changed = row.server_epoch is not None
        row.server_epoch = epoch
        row.pulled_through_seq = 0
        if changed:
            tx.session.execute(
                update(SyncOutbox)
                .where(SyncOutbox.state.in_((OutboxState.APPLIED, OutboxState.CONFLICT)))
                .values(state=OutboxState.PENDING)
            )
            tx.audit("sync.new_epoch", None, None, epoch=epoch)
        return changed


def _op(row: SyncOutbox) -> Op:
    return Op(
        op_id=row.op_id,
        table=row.table_name,
        row_id=row.row_id,
        operation=row.operation,  # type: ignore[arg-type]  # written by change capture
        fields=json.loads(row.fields),
        base_version=row.base_version,
        hlc=row.hlc,
        user_id=row.user_id,
        schema_version=row.schema_version,
    )


def pending_ops(db: StationDatabase, limit: int) -> list[Op]:
    """The oldest unanswered ops first (an entry's creation before its edits)."""
    with db.read() as session:
        rows = session.execute(
            select(SyncOutbox)
            .where(SyncOutbox.state == OutboxState.PENDING)
            .order_by(SyncOutbox.local_seq)
            .limit(limit)
        ).scalars()
        return [_op(r) for r in rows]


def keep_local(db: StationDatabase, author: Author, writable: frozenset[str]) -> int:
    """A circle officer's laptop sends only what it may write; its other ops (its own login
    times) are marked as kept here, with the reason, rather than refused by the district."""
    with db.write(author, replica=True) as tx:
        result = tx.session.execute(
            update(SyncOutbox)
            .where(SyncOutbox.state == OutboxState.PENDING, SyncOutbox.table_name.not_in(writable))
            .values(
                state=OutboxState.REJECTED,
                server_answer=json.dumps({"status": "kept_local", "reason": "circle device"}),
            )
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


Key = tuple[str, str]  # (table, row id)
CHUNK = 500  # ids per IN (...) query


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _pending_fields(session: Session, keys: Iterable[Key]) -> dict[Key, set[str]]:
    """The fields of these rows that this PC changed and the district has not yet answered."""
    found: dict[Key, set[str]] = {}
    for ids in _chunks(sorted({row_id for _, row_id in keys})):
        for table, row_id, text_ in session.execute(
            select(SyncOutbox.table_name, SyncOutbox.row_id, SyncOutbox.fields).where(
                SyncOutbox.state == OutboxState.PENDING, SyncOutbox.row_id.in_(ids)
            )
        ):
            found.setdefault((table, row_id), set()).update(json.loads(text_))
    return found


def _open_conflicts(session: Session, keys: Iterable[Key]) -> set[Key]:
    found: set[Key] = set()
    for ids in _chunks(sorted({row_id for _, row_id in keys})):
        found.update(
            (table, row_id)
            for table, row_id in session.execute(
                select(SyncConflict.table_name, SyncConflict.row_id).where(
                    SyncConflict.status == "open", SyncConflict.row_id.in_(ids)
                )
            )
        )
    return found


def settle_row_states(session: Session, rows: list[SyncedRow]) -> None:
    """A row is "conflict" while a conflict on it is open, "dirty" while it has unanswered
    ops, else "synced"."""
    session.flush()
    keys = [(type(row).__tablename__, row.id) for row in rows]
    pending, conflicted = _pending_fields(session, keys), _open_conflicts(session, keys)
    for key, row in zip(keys, rows, strict=True):
        if key in conflicted:
            row.sync_state = SyncState.CONFLICT
        elif key in pending:
            row.sync_state = SyncState.DIRTY
        else:
            row.sync_state = SyncState.SYNCED


def _load_rows(session: Session, keys: Iterable[Key]) -> dict[Key, SyncedRow]:
    by_table: dict[str, list[str]] = {}
    for table, row_id in keys:
        if table in MODELS:
            by_table.setdefault(table, []).append(row_id)
    found: dict[Key, SyncedRow] = {}
    for table, ids in by_table.items():
        model: Any = MODELS[table]
        for chunk in _chunks(ids):
            for row in session.execute(select(model).where(model.id.in_(chunk))).scalars():
                found[(table, row.id)] = row
    return found


def _note_serial(session: Session, row: SyncedRow) -> None:
    """Keep this PC's counter past any number the district gave out, so the next entry made
    here does not reuse it."""
    if not isinstance(row, RegisterEntry):
        return
    counter = session.get(SerialCounter, (row.station_id, type(row).__tablename__, row.serial_year))
    if counter is not None and counter.last_no < row.serial_no:
        counter.last_no = row.serial_no


@dataclass
class OutcomeCounts:
    applied: int = 0
    duplicate: int = 0
    conflict: int = 0
    rejected: int = 0


def record_outcomes(
    db: StationDatabase, author: Author, outcomes: Iterable[OpOutcome]
) -> OutcomeCounts:
    """Store the district's answers; the op stays in the outbox, marked, never deleted."""
    counts = OutcomeCounts()
    answers = {outcome.op_id: outcome for outcome in outcomes}
    with db.write(author, replica=True) as tx:
        session = tx.session
        ops: list[SyncOutbox] = []
        for ids in _chunks(list(answers)):
            ops += session.execute(select(SyncOutbox).where(SyncOutbox.op_id.in_(ids))).scalars()
        rows = _load_rows(session, [(op.table_name, op.row_id) for op in ops])
        touched: dict[Key, SyncedRow] = {}
        for op in ops:
            outcome = answers[op.op_id]
            setattr(counts, outcome.status, getattr(counts, outcome.status) + 1)
            op.state = _STATE_OF[outcome.status]
            op.server_answer = outcome.model_dump_json()
            row = rows.get((op.table_name, op.row_id))
            if row is None:
                continue
            with session.no_autoflush:
                _take_server_fields(session, row, outcome.server_fields)
            _note_serial(session, row)
            touched[(op.table_name, op.row_id)] = row
        settle_row_states(session, list(touched.values()))
    return counts


def _take_server_fields(session: Session, row: SyncedRow, fields: dict[str, Any]) -> None:
    """Values the district set itself: a renumbered entry takes its final number, and an entry
    made here that still holds that number becomes provisional until the district numbers it
    too (its own push answer brings that)."""
    number = fields.get("serial_no")
    if isinstance(row, RegisterEntry) and isinstance(number, int):
        model: Any = type(row)
        holder = session.execute(
            select(model).where(
                model.station_id == row.station_id,
                model.serial_year == row.serial_year,
                model.serial_no == number,
                model.serial_confirmed.is_(True),
                model.id != row.id,
            )
        ).scalar_one_or_none()
        if holder is not None:
            holder.serial_confirmed = False
            session.flush()
        row.serial_confirmed = True
    for name, value in fields.items():
        setattr(row, name, from_json_value(type(row), name, value))
    session.flush()


def _hlc_time(stamp: str | None) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(str(stamp).split(":")[0]) / 1000, UTC)
    except ValueError:
        return None


def _keep_conflict(session: Session, table: str, row_id: str, info: ConflictInfo) -> bool:
    """Store the district's conflict on this PC; True when it is new here."""
    local = session.get(SyncConflict, info.id)
    new = local is None
    if local is None:
        local = SyncConflict(
            id=info.id, table_name=table, row_id=row_id, field=info.field, status="open"
        )
        session.add(local)
    local.server_value = json.dumps(info.kept_value, ensure_ascii=False)
    local.local_value = json.dumps(info.other_value, ensure_ascii=False)
    local.server_author, local.server_at = info.kept_author, _hlc_time(info.kept_at)
    local.local_author, local.local_at = info.other_author, _hlc_time(info.other_at)
    if info.status == "resolved" and local.status != "resolved":
        local.status, local.resolution = "resolved", info.resolution
    return new and info.status == "open"


Serial = tuple[str, str, int, int]  # (table, station, year, number)


def _unsent_serials(session: Session) -> dict[Serial, SyncedRow]:
    """Final numbers held by entries made here that the district has not yet accepted."""
    inserts = session.execute(
        select(SyncOutbox.table_name, SyncOutbox.row_id).where(
            SyncOutbox.state == OutboxState.PENDING, SyncOutbox.operation == "insert"
        )
    )
    found: dict[Serial, SyncedRow] = {}
    for row in _load_rows(session, [(table, row_id) for table, row_id in inserts]).values():
        if isinstance(row, RegisterEntry) and row.serial_confirmed:
            found[(type(row).__tablename__, row.station_id, row.serial_year, row.serial_no)] = row
    return found


@dataclass
class PageCounts:
    rows: int = 0
    new_conflicts: int = 0
    skipped_tables: set[str] = field(default_factory=set)


@dataclass
class _Page:
    """What applying one page needs to know, read once for the whole page."""

    rows: dict[Key, SyncedRow]
    pending: dict[Key, set[str]]
    unsent_serials: dict[Serial, SyncedRow]
    counts: PageCounts = field(default_factory=PageCounts)


def _make_room_for_serial(
    session: Session, page: _Page, change: PulledRow, values: dict[str, Any]
) -> None:
    """A row of this PC not yet at the district may hold the number the district just gave
    another PC's entry: it becomes provisional (before the pulled number is written, as the
    unique index wants), and the district numbers it when it arrives."""
    if not values.get("serial_confirmed"):
        return
    key = (change.table, values["station_id"], values["serial_year"], values["serial_no"])
    clash = page.unsent_serials.get(key)
    if isinstance(clash, RegisterEntry) and clash.id != change.row_id:
        clash.serial_confirmed = False
        del page.unsent_serials[key]
        session.flush()


def _apply_row(session: Session, page: _Page, change: PulledRow) -> SyncedRow | None:
    model = MODELS.get(change.table)
    if model is None:
        page.counts.skipped_tables.add(change.table)  # a table of a newer app version
        return None
    columns = {a.key for a in inspect(model).column_attrs} - SyncedRow.SYNC_BOOKKEEPING
    values = {
        k: from_json_value(model, k, v)
        for k, v in change.data.items()
        if k in columns and k != "id"
    }
    key = (change.table, change.row_id)
    row = page.rows.get(key)
    _make_room_for_serial(session, page, change, values)
    if row is None:
        row = model(id=change.row_id, **values)
        session.add(row)
        page.rows[key] = row
    else:
        unsent = page.pending.get(key, set())
        for name, value in values.items():
            if name not in unsent:  # never overwrite what this PC has not yet sent
                setattr(row, name, value)
    row.version = change.version  # the base of this PC's next edit of the row
    for info in change.conflicts:
        page.counts.new_conflicts += _keep_conflict(session, change.table, change.row_id, info)
    _note_serial(session, row)
    page.counts.rows += 1
    return row


def apply_page(db: StationDatabase, author: Author, page: PullResponse) -> PageCounts:
    """Apply one pulled page and move the cursor past it, in one transaction."""
    with db.write(author, replica=True) as tx:
        session = tx.session
        # Rows of a page may refer to each other in any order; SQLite checks the foreign keys
        # at commit instead, when the whole page is in.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        keys = [(r.table, r.row_id) for r in page.rows]
        work = _Page(
            _load_rows(session, keys), _pending_fields(session, keys), _unsent_serials(session)
        )
        with session.no_autoflush:
            applied = [row for r in page.rows if (row := _apply_row(session, work, r))]
        settle_row_states(session, applied)
        update_search_index(
            session, [RowChange(r.table, r.row_id, "update", r.data) for r in page.rows]
        )
        _state(session).pulled_through_seq = page.next_since
    return work.counts


def finish_sync(db: StationDatabase, author: Author, summary: dict[str, int]) -> datetime:
    now = utc_now()
    with db.write(author, replica=True) as tx:
        _state(tx.session).last_sync_at = now
        tx.audit("sync.run", None, None, **summary)
    return now


def resolve_op(
    db: StationDatabase, conflict_id: str, choice: str, user_id: str | None
) -> SyncOutbox:
    """The outbox op that tells the district (and through it every PC) a conflict is settled."""
    return SyncOutbox(
        op_id=new_id(),
        table_name=CONFLICT_TABLE,
        row_id=conflict_id,
        operation="resolve",
        fields=json.dumps({"choice": choice}),
        base_version=0,
        hlc=db.clock.stamp(),
        user_id=user_id,
        schema_version=db.schema_version,
        state=OutboxState.PENDING,
        created_at=utc_now(),
    )
