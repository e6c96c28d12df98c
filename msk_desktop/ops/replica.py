"""What this PC knows of its sync with the district, kept in the station database: its
enrolment, the cursor and epoch it follows, which rows wait to be answered, and the ops it writes
itself (a settled conflict). The protocol's shapes stay in ``sync``: this layer below does not
know them (ARCHITECTURE.md, the layers).

Lessons of SYNC.md kept here: a row stays "dirty" until the district has answered every op on
it; a new server epoch sends the whole outbox again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session

from msk_desktop.ops.context import OpContext
from msk_desktop.store.base import Base, SyncedRow, SyncState
from msk_desktop.store.database import Author, StationDatabase
from msk_desktop.store.ids import new_id
from msk_desktop.store.models import (
    AppUser,
    DeviceSyncState,
    OutboxState,
    Station,
    SyncConflict,
    SyncOutbox,
)
from msk_desktop.store.types import UtcDateTime, utc_now

MODELS: dict[str, type[SyncedRow]] = {
    m.class_.__tablename__: m.class_
    for m in Base.registry.mappers
    if issubclass(m.class_, SyncedRow)
}

# The fields of each synced table that travel between PCs and the district.
SYNCED_FIELDS: dict[str, frozenset[str]] = {
    table: frozenset(a.key for a in inspect(model).column_attrs) - SyncedRow.SYNC_BOOKKEEPING
    for table, model in MODELS.items()
}


def from_json_value(model: type[SyncedRow], name: str, value: Any) -> Any:
    """A value as the outbox and the district carry it, back in the column's Python type."""
    reader = _json_reader(model.__tablename__, name)
    return value if value is None or reader is None else reader(value)


@cache
def _json_reader(table: str, name: str) -> Callable[[Any], Any] | None:
    """How a column's JSON value is read back (None: as it is). Worked out once per column: a
    sync converts every field of every row it pushes or pulls."""
    column = inspect(MODELS[table]).columns.get(name)
    if column is None:
        return None
    if isinstance(column.type, UtcDateTime):
        return lambda value: datetime.fromisoformat(value).astimezone(UTC)
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return None
    readers: dict[type, Callable[[Any], Any]] = {
        date: date.fromisoformat,
        time: time.fromisoformat,
        Decimal: Decimal,
    }
    return readers.get(python_type)


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


def device_state(session: Session) -> DeviceSyncState:
    return session.get_one(DeviceSyncState, 1)


def enrolment(db: StationDatabase) -> Enrolment | None:
    with db.read() as session:
        row = device_state(session)
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


def pull_position(db: StationDatabase) -> tuple[str | None, int]:
    """The district epoch this database follows and the change number it has applied through:
    all a replica the district fills in-process (its report copy) has, with no enrolment."""
    with db.read() as session:
        row = device_state(session)
        return row.server_epoch, row.pulled_through_seq


def last_sync_time(ctx: OpContext) -> datetime | None:
    """When this PC last finished a sync (the status bar shows it beside the unsent count)."""
    with ctx.db.read() as session:
        return device_state(session).last_sync_at


def local_station_id(db: StationDatabase) -> str | None:
    with db.read() as session:
        return session.execute(select(Station.id).order_by(Station.created_at).limit(1)).scalar()


def has_user(db: StationDatabase, username: str) -> bool:
    name = username.strip().casefold()
    with db.read() as session:
        found = session.execute(select(AppUser.id).where(AppUser.username == name)).first()
        return found is not None


def begin_epoch(db: StationDatabase, author: Author, epoch: str) -> bool:
    """Note the district's epoch. A different one means the district was restored from a
    backup: every op it may have lost goes again (its op id makes a repeat harmless) and every
    row is pulled afresh. True when that happened."""
    with db.write(author, replica=True) as tx:
        row = device_state(tx.session)
        if row.server_epoch == epoch:
            return False
        changed = row.server_epoch is not None
        row.server_epoch = epoch
        row.pulled_through_seq = 0
        if changed:
            row.audit_acked_seq = 0  # the restored district may lack audit entries too
            tx.session.execute(
                update(SyncOutbox)
                .where(SyncOutbox.state.in_((OutboxState.APPLIED, OutboxState.CONFLICT)))
                .values(state=OutboxState.PENDING)
            )
            tx.audit("sync.new_epoch", None, None, epoch=epoch)
        return changed


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


def acknowledge_audit(db: StationDatabase, author: Author, held_through: int) -> None:
    """The district holds this PC's chain up to ``held_through`` (it may hold less than this PC
    thought, after a restore: then the entries after it go again)."""
    with db.write(author, replica=True) as tx:
        device_state(tx.session).audit_acked_seq = held_through


Key = tuple[str, str]  # (table, row id)


CHUNK = 500  # ids per IN (...) query


def in_chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def unanswered_fields(session: Session, keys: Iterable[Key]) -> dict[Key, set[str]]:
    """The fields of these rows that this PC changed and the district has not yet answered."""
    found: dict[Key, set[str]] = {}
    for ids in in_chunks(sorted({row_id for _, row_id in keys})):
        for table, row_id, text_ in session.execute(
            select(SyncOutbox.table_name, SyncOutbox.row_id, SyncOutbox.fields).where(
                SyncOutbox.state == OutboxState.PENDING, SyncOutbox.row_id.in_(ids)
            )
        ):
            found.setdefault((table, row_id), set()).update(json.loads(text_))
    return found


def _open_conflicts(session: Session, keys: Iterable[Key]) -> set[Key]:
    found: set[Key] = set()
    for ids in in_chunks(sorted({row_id for _, row_id in keys})):
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
    pending, conflicted = unanswered_fields(session, keys), _open_conflicts(session, keys)
    for key, row in zip(keys, rows, strict=True):
        if key in conflicted:
            row.sync_state = SyncState.CONFLICT
        elif key in pending:
            row.sync_state = SyncState.DIRTY
        else:
            row.sync_state = SyncState.SYNCED


def finish_sync(db: StationDatabase, author: Author, summary: dict[str, int]) -> datetime:
    now = utc_now()
    with db.write(author, replica=True) as tx:
        device_state(tx.session).last_sync_at = now
        tx.audit("sync.run", None, None, **summary)
    return now


def resolve_op(
    db: StationDatabase, conflict_id: str, choice: str, user_id: str | None
) -> SyncOutbox:
    """The outbox op that tells the district (and through it every PC) a conflict is settled."""
    return SyncOutbox(
        op_id=new_id(),
        table_name=SyncConflict.__tablename__,
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
