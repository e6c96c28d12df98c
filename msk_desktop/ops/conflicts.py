"""Sync conflicts a person must settle: both values were kept (SYNC.md); here they are listed,
and one is chosen. The choice is itself sent to the district, which tells every other PC."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select

from msk_desktop.domain.errors import Message, NotFound
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import announce
from msk_desktop.ops.permissions import WRITE_ROLES, require, require_write
from msk_desktop.ops.replica import MODELS, from_json_value, resolve_op, settle_row_states
from msk_desktop.store.change_capture import MASK
from msk_desktop.store.models import IDENTITY_FIELDS, AppUser, ProtectedIdentity, SyncConflict
from msk_desktop.store.types import utc_now

Choice = Literal["kept", "other"]


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    row_id: str
    field: str
    kept_value: Any  # on the row now: the value that reached the district first
    other_value: Any  # the value that came second, kept here until a person chooses
    kept_by: str | None
    kept_at: datetime | None
    other_by: str | None
    other_at: datetime | None


def _masked(table: str, field: str, value: Any) -> Any:
    """A victim's identity is never shown in a list; the choice can still be made."""
    hidden = table == ProtectedIdentity.__tablename__ and field in IDENTITY_FIELDS
    return MASK if hidden and value is not None else value


def list_conflicts(ctx: OpContext) -> list[ConflictView]:
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        names: dict[str, str] = {
            r.id: r.username for r in session.execute(select(AppUser.id, AppUser.username))
        }
        found = session.execute(
            select(SyncConflict)
            .where(SyncConflict.status == "open")
            .order_by(SyncConflict.local_at, SyncConflict.id)
        ).scalars()
        return [
            ConflictView(
                c.id,
                c.table_name,
                c.row_id,
                c.field,
                _masked(c.table_name, c.field, json.loads(c.server_value or "null")),
                _masked(c.table_name, c.field, json.loads(c.local_value or "null")),
                names.get(c.server_author or "", c.server_author),
                c.server_at,
                names.get(c.local_author or "", c.local_author),
                c.local_at,
            )
            for c in found
        ]


def _may_resolve(ctx: OpContext, table: str) -> None:
    if table in WRITE_ROLES:
        require_write(ctx, table)
    else:
        require(ctx, "manage_users")  # accounts, identities, rows without a register of their own


def resolve_conflict(ctx: OpContext, conflict_id: str, choice: Choice) -> OpResult:
    """Keep the value on the row (``kept``) or put the other one back (``other``)."""
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        conflict = tx.session.get(SyncConflict, conflict_id)
        if conflict is None or conflict.status != "open":
            raise NotFound(
                Message("यह विरोध नहीं मिला या पहले ही सुलझ चुका है।", "No such open conflict.")
            )
        _may_resolve(ctx, conflict.table_name)
        model = MODELS[conflict.table_name]
        row = tx.session.get_one(model, conflict.row_id)
        if choice == "other":
            value = json.loads(conflict.local_value or "null")
            setattr(row, conflict.field, from_json_value(model, conflict.field, value))
        conflict.status, conflict.resolution = "resolved", choice
        conflict.resolved_by, conflict.resolved_at = ctx.actor.user_id, utc_now()
        tx.session.add(resolve_op(ctx.db, conflict.id, choice, ctx.actor.user_id))
        settle_row_states(tx.session, [row])
        tx.audit(
            "sync.conflict.resolve",
            conflict.table_name,
            conflict.row_id,
            field=conflict.field,
            choice=choice,
        )
    return announce(ctx, tx, conflict.row_id)
