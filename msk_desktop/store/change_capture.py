"""Turns every flushed change of a synced row into an outbox op and an audit diff.

It runs as a ``before_flush`` hook, so no write path can forget the outbox: whatever an op does
through the session, the op rows are written by the same flush, hence the same transaction.
They are written at the end of the flush (``after_flush``) with one executemany, not as an ORM
object each: an import of 10,000 FIRs makes 30,000 ops, and the objects were a fifth of it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Mapper, Session, UOWTransaction

from msk_desktop.store.base import SyncedRow, SyncState
from msk_desktop.store.clock import HybridClock
from msk_desktop.store.ids import new_id
from msk_desktop.store.jsonvalue import to_json_value
from msk_desktop.store.models import IDENTITY_FIELDS, OutboxState, ProtectedIdentity, SyncOutbox
from msk_desktop.store.types import utc_now

MASK = "•••"


@dataclass
class RowChange:
    table: str
    row_id: str
    operation: str  # insert, update, delete
    fields: dict[str, Any]  # new values (JSON form)
    old: dict[str, Any] = field(default_factory=dict)


@dataclass
class CaptureContext:
    """What the hook needs to know about the transaction it runs in."""

    user_id: str | None
    clock: HybridClock
    schema_version: str
    changes: list[RowChange] = field(default_factory=list)
    # False while an import's dry run flushes: it is rolled back, so its outbox ops and the
    # audit's list of changes would be thrown away unmade; the rows themselves still get their
    # defaults and stamps, so the database checks them as it will at the confirmed import.
    record: bool = True
    # Ops of the flush in progress, written by ``write_outbox`` once its rows are.
    unwritten: list[dict[str, Any]] = field(default_factory=list)


def _python_default(column: Any) -> Any:
    default = column.default
    if default is None or (not default.is_scalar and not default.is_callable):
        return None
    if default.is_callable:
        return default.arg({})
    return default.arg


# Per class, once: an import of 10,000 FIRs captures 30,000 rows, and walking each mapper's
# columns again for every row was a tenth of the import.
@cache
def _defaulted_columns(mapper: Mapper[Any]) -> tuple[tuple[str, Any], ...]:
    """(attribute, column) of the columns that have a Python-side default."""
    return tuple(
        (attr.key, attr.columns[0])
        for attr in mapper.column_attrs
        if attr.columns[0].default is not None
    )


@cache
def _synced_keys(mapper: Mapper[Any]) -> tuple[str, ...]:
    return tuple(a.key for a in mapper.column_attrs if a.key not in SyncedRow.SYNC_BOOKKEEPING)


def _fill_defaults(row: SyncedRow) -> None:
    # Column defaults are applied only at INSERT time; the outbox needs the values now. A new
    # row's values are all in its __dict__ (an attribute never set is missing, i.e. None).
    values = row.__dict__
    for key, column in _defaulted_columns(inspect(type(row))):
        if values.get(key) is None:
            value = _python_default(column)
            if value is not None:
                setattr(row, key, value)


def _insert_change(row: SyncedRow) -> RowChange:
    given = row.__dict__  # as in _fill_defaults: a new row, nothing expired or deferred
    values = {key: to_json_value(given.get(key)) for key in _synced_keys(inspect(type(row)))}
    return RowChange(type(row).__tablename__, row.id, "insert", values)


def _update_change(row: SyncedRow) -> RowChange | None:
    state = inspect(row)
    new, old = {}, {}
    for attr in state.mapper.column_attrs:
        if attr.key in SyncedRow.SYNC_BOOKKEEPING:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        before = history.deleted[0] if history.deleted else None
        after = history.added[0] if history.added else None
        if before == after:
            continue
        new[attr.key], old[attr.key] = to_json_value(after), to_json_value(before)
    if not new:
        return None
    operation = "delete" if old.get("deleted_at") is None and "deleted_at" in new else "update"
    return RowChange(type(row).__tablename__, row.id, operation, new, old)


def capture_changes(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    context: CaptureContext | None = session.info.get("capture")
    if context is None:
        return
    if any(isinstance(obj, SyncedRow) for obj in session.deleted):
        raise RuntimeError("synced rows are soft-deleted (deleted_at), never deleted")
    context.unwritten = []  # a failed earlier flush rolled the transaction back, ops included
    now = utc_now()
    for obj in list(session.new):
        if isinstance(obj, SyncedRow):
            _fill_defaults(obj)
            obj.created_by = obj.updated_by = context.user_id
            obj.created_at = obj.updated_at = now
            if context.record:
                _record(context, _insert_change(obj), base_version=0)
    for obj in list(session.dirty):
        if isinstance(obj, SyncedRow) and session.is_modified(obj, include_collections=False):
            change = _update_change(obj)
            if change is not None:
                obj.updated_by, obj.updated_at = context.user_id, now
                obj.sync_state = SyncState.DIRTY
                _record(context, change, base_version=obj.version)


def _record(context: CaptureContext, change: RowChange, base_version: int) -> None:
    if not context.record:
        return
    context.changes.append(change)
    context.unwritten.append(
        {
            "op_id": new_id(),
            "table_name": change.table,
            "row_id": change.row_id,
            "operation": change.operation,
            "fields": json.dumps(change.fields, ensure_ascii=False),
            "base_version": base_version,
            "hlc": context.clock.stamp(),
            "user_id": context.user_id,
            "schema_version": context.schema_version,
            "state": OutboxState.PENDING,
            "created_at": utc_now(),
        }
    )


def write_outbox(session: Session, flush_context: UOWTransaction) -> None:
    """The ``after_flush`` half: the flush's ops after its rows (and after any op an ORM object
    of its own, such as a conflict's resolve op), in the order they were captured."""
    context: CaptureContext | None = session.info.get("capture")
    if context is None or not context.unwritten:
        return
    rows, context.unwritten = context.unwritten, []
    session.connection().execute(insert(SyncOutbox), rows)


def masked_for_audit(change: RowChange) -> dict[str, Any]:
    """The audit's view of a change: identity values never enter the log, only that they changed."""
    is_identity = change.table == ProtectedIdentity.__tablename__

    def mask(values: dict[str, Any]) -> dict[str, Any]:
        if not is_identity:
            return values
        return {
            k: (MASK if k in IDENTITY_FIELDS and v is not None else v) for k, v in values.items()
        }

    entry: dict[str, Any] = {"table": change.table, "id": change.row_id, "op": change.operation}
    if change.operation == "insert":
        entry["new"] = mask(change.fields)
    else:
        entry["old"], entry["new"] = mask(change.old), mask(change.fields)
    return entry
