"""The station database's side of the sync protocol: the ops and audit entries to send in the
protocol's shapes, the district's answers stored, and the pulled rows applied together with the
cursor that says they were applied.

Lessons of SYNC.md kept here: an op stays "pending" until the district has answered it (never
"sent" on hope); a pulled page and the cursor move in one transaction; a pulled row never
overwrites a field this PC changed and has not yet had answered.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from msk_desktop.ops.replica import (
    MODELS,
    SYNCED_FIELDS,
    Key,
    device_state,
    from_json_value,
    in_chunks,
    settle_row_states,
    unanswered_fields,
)
from msk_desktop.store.audit import entry_fields, verify_chain
from msk_desktop.store.base import RegisterEntry, SyncedRow
from msk_desktop.store.change_capture import RowChange
from msk_desktop.store.database import Author, StationDatabase
from msk_desktop.store.models import (
    AuditEntry,
    OutboxState,
    SerialCounter,
    StationSyncSeen,
    SyncConflict,
    SyncOutbox,
)
from msk_desktop.store.search_index import update_search_index
from msk_desktop.sync.protocol import (
    MAX_AUDIT_BATCH,
    MAX_BODY_BYTES,
    AuditPushRequest,
    AuditRecord,
    ConflictInfo,
    EnrolResponse,
    Op,
    OpOutcome,
    PulledRow,
    PullResponse,
)

_STATE_OF = {
    "applied": OutboxState.APPLIED,
    "duplicate": OutboxState.APPLIED,
    "conflict": OutboxState.CONFLICT,
    "rejected": OutboxState.REJECTED,
}


def save_enrolment(
    db: StationDatabase,
    author: Author,
    server_url: str,
    answer: EnrolResponse,
    private_key: str,
    server_cert: str | None,
) -> None:
    with db.write(author) as tx:
        row = device_state(tx.session)
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


def audit_batch(
    db: StationDatabase, limit: int = MAX_AUDIT_BATCH, budget: int = MAX_BODY_BYTES // 2
) -> AuditPushRequest | None:
    """The audit entries to send next, oldest first: those after the last one the district
    acknowledged. When an entry the district already holds was changed or removed here, the
    batch starts before it instead, so the district sees the difference (and raises its
    alarm) rather than a chain that seems to go on undisturbed."""
    with db.read() as session:
        after = device_state(session).audit_acked_seq
        if after:
            local = verify_chain(session)
            if not local.ok:
                after = min(after, local.entries)
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.seq > after).order_by(AuditEntry.seq).limit(limit)
        ).scalars()
        entries: list[AuditRecord] = []
        for row in rows:
            size = len(row.detail.encode()) + 1024  # the other fields, generously
            if entries and size > budget:
                break
            budget -= size
            entries.append(AuditRecord(**entry_fields(row), prev_hash=row.prev_hash, hash=row.hash))
        return AuditPushRequest(after_seq=after, entries=entries) if entries else None


def _load_rows(session: Session, keys: Iterable[Key]) -> dict[Key, SyncedRow]:
    by_table: dict[str, list[str]] = {}
    for table, row_id in keys:
        if table in MODELS:
            by_table.setdefault(table, []).append(row_id)
    found: dict[Key, SyncedRow] = {}
    for table, ids in by_table.items():
        model: Any = MODELS[table]
        for chunk in in_chunks(ids):
            for row in session.execute(select(model).where(model.id.in_(chunk))).scalars():
                found[(table, row.id)] = row
    return found


def _note_serials(session: Session, rows: Iterable[SyncedRow]) -> None:
    """Keep this PC's counters past any number the district gave out, so the next entry made
    here does not reuse it. Each counter is read once for the highest number of its rows (a
    read per row was much of a sync's time)."""
    highest: dict[tuple[str, str, int], int] = {}
    for row in rows:
        if isinstance(row, RegisterEntry):
            key = (row.station_id, type(row).__tablename__, row.serial_year)
            highest[key] = max(highest.get(key, row.serial_no), row.serial_no)
    for key, number in highest.items():
        counter = session.get(SerialCounter, key)
        if counter is not None and counter.last_no < number:
            counter.last_no = number


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
        for ids in in_chunks(list(answers)):
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
            touched[(op.table_name, op.row_id)] = row
        _note_serials(session, touched.values())
        settle_row_states(session, list(touched.values()))
    return counts


def _take_server_fields(session: Session, row: SyncedRow, fields: dict[str, Any]) -> None:
    """Values the district set itself: a renumbered entry takes its final number, and an entry
    made here that still holds that number becomes provisional until the district numbers it
    too (its own push answer brings that)."""
    if not fields:
        return
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
    # The pulled rows that brought this PC something new. Most of a page is often what this PC
    # itself pushed, coming back: its search documents stand as they are.
    changed: list[PulledRow] = field(default_factory=list)


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
    columns = SYNCED_FIELDS[change.table]
    values = {
        k: from_json_value(model, k, v)
        for k, v in change.data.items()
        if k in columns and k != "id"
    }
    key = (change.table, change.row_id)
    row = page.rows.get(key)
    _make_room_for_serial(session, page, change, values)
    changed = row is None
    if row is None:
        row = model(id=change.row_id, **values)
        session.add(row)
        page.rows[key] = row
    else:
        unsent = page.pending.get(key, set())
        for name, value in values.items():
            # Never overwrite what this PC has not yet sent.
            if name not in unsent and getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
    if changed:
        page.changed.append(change)
    row.version = change.version  # the base of this PC's next edit of the row
    for info in change.conflicts:
        page.counts.new_conflicts += _keep_conflict(session, change.table, change.row_id, info)
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
            _load_rows(session, keys), unanswered_fields(session, keys), _unsent_serials(session)
        )
        with session.no_autoflush:
            applied = [row for r in page.rows if (row := _apply_row(session, work, r))]
        _note_serials(session, applied)
        settle_row_states(session, applied)
        update_search_index(
            session, [RowChange(r.table, r.row_id, "update", r.data) for r in work.changed]
        )
        _note_station_syncs(session, page.station_syncs)
        device_state(session).pulled_through_seq = page.next_since
    return work.counts


def _note_station_syncs(session: Session, seen: dict[str, datetime | None]) -> None:
    """Keep what the district said of each station's last sync. A station it did not name
    (an answer of an older server says nothing) keeps what an earlier answer said."""
    for station_id, last_sync in seen.items():
        row = session.get(StationSyncSeen, station_id)
        if row is None:
            session.add(StationSyncSeen(station_id=station_id, last_sync_at=last_sync))
        else:
            row.last_sync_at = last_sync
