"""A user's named filters of a register view: save, list, restore, delete.

Saved per user (each person keeps their own), checked through ``column_filter`` on save so a
saved filter always opens; a register's saved filter from an older version that no longer
makes sense is dropped from the list rather than failing the view."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlalchemy import select

from msk_desktop.domain.errors import FieldError, Message, NotFound, ValidationError
from msk_desktop.ops.browse import Browse, QuickFilter, column_filter
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.permissions import require
from msk_desktop.store.models import SavedFilter

MAX_NAME = 80


@dataclass(frozen=True)
class NamedFilter:
    id: str
    name: str
    browse: Browse


def _settings(browse: Browse) -> str:
    fields = asdict(browse)
    fields.pop("register")
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def _browse(register_name: str, settings: str) -> Browse | None:
    try:
        fields = json.loads(settings)
        quick = fields.pop("quick", None)
        browse = Browse(register_name, quick=QuickFilter(quick) if quick else None, **fields)
        if browse.column:
            column_filter(register_name, browse.column, browse.column_value or "")
    except (ValueError, TypeError, ValidationError):
        return None
    return browse


def save_filter(ctx: OpContext, name: str, browse: Browse) -> str:
    """Save the view's filters under ``name`` (replacing this user's filter of that name)."""
    require(ctx, "read_registers")
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise ValidationError(
            [
                FieldError(
                    "name",
                    Message(
                        f"नाम लिखें ({MAX_NAME} अक्षर तक)", f"Give a name (up to {MAX_NAME} letters)"
                    ),
                )
            ]
        )
    if browse.column:
        column_filter(browse.register, browse.column, browse.column_value or "")
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        saved = tx.session.scalar(
            select(SavedFilter).where(
                SavedFilter.user_id == ctx.actor.user_id,
                SavedFilter.register == browse.register,
                SavedFilter.name == name,
            )
        )
        if saved is None:
            saved = SavedFilter(user_id=ctx.actor.user_id, register=browse.register, name=name)
            tx.session.add(saved)
        saved.settings = _settings(browse)
        tx.session.flush()
        return saved.id


def saved_filters(ctx: OpContext, register_name: str) -> list[NamedFilter]:
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        rows = session.scalars(
            select(SavedFilter)
            .where(SavedFilter.user_id == ctx.actor.user_id, SavedFilter.register == register_name)
            .order_by(SavedFilter.name)
        ).all()
        found = [(row.id, row.name, _browse(register_name, row.settings)) for row in rows]
    return [NamedFilter(id_, name, browse) for id_, name, browse in found if browse is not None]


def delete_filter(ctx: OpContext, filter_id: str) -> None:
    require(ctx, "read_registers")
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        saved = tx.session.get(SavedFilter, filter_id)
        if saved is None or saved.user_id != ctx.actor.user_id:
            raise NotFound(Message("सहेजा गया फ़िल्टर नहीं मिला", "Saved filter not found"))
        tx.session.delete(saved)
