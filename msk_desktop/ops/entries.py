"""Create, edit and soft-delete entries of any register: one transaction each, with the audit
entry and the outbox ops; bad input raises ValidationError and writes nothing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msk_desktop.domain.entry_rules import as_day, check_entry
from msk_desktop.domain.errors import FieldError, Message, ValidationError
from msk_desktop.domain.fields import clean
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.lookups import check_references, load
from msk_desktop.ops.permissions import require_write
from msk_desktop.ops.register_hooks import hooks_for
from msk_desktop.ops.registers import register
from msk_desktop.store.database import Transaction
from msk_desktop.store.ids import new_id
from msk_desktop.store.serials import next_serial


def pseudonym(prefix: str, year: int, number: int) -> str:
    """The name a protected person goes by outside the identity table: "पीड़िता-2025-0012"."""
    return f"{prefix}-{year}-{number:04d}"


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def announce(
    ctx: OpContext, tx: Transaction, entity_id: str, serial: str | None = None
) -> OpResult:
    result = OpResult(entity_id, frozenset(c.table for c in tx.changes), serial)
    ctx.notifier.announce(result)
    return result


def validated(
    ctx: OpContext, register_name: str, values: Mapping[str, Any], *, partial: bool = False
) -> dict[str, Any]:
    """Clean the form values and, for a whole entry, check its cross-field rules; errors are
    raised before any transaction starts. An edit's rules are checked on the merged entry."""
    spec = register(register_name)
    cleaned, errors = clean(spec.form, values, today=ctx.today(), now=ctx.now(), partial=partial)
    if not errors and not partial:
        errors = check_entry(register_name, cleaned)
    raise_if(errors)
    return cleaned


def insert_entry(
    ctx: OpContext,
    tx: Transaction,
    register_name: str,
    cleaned: dict[str, Any],
    extra: Mapping[str, Any] | None = None,
) -> tuple[Any, str]:
    """Add a validated entry inside ``tx`` with its serial number; returns (entry, "no/year").
    ``extra`` holds values the caller derived itself (an FIR's crime head from its sections)."""
    spec = register(register_name)
    hooks = hooks_for(register_name)
    session = tx.session
    raise_if(
        check_references(session, cleaned, ctx.actor.station_id)
        + hooks.validate(session, ctx, cleaned)
    )
    derived = hooks.derive(session, ctx, cleaned, None) | dict(extra or {})
    day = as_day(cleaned[spec.year_field])
    assert day is not None  # the year field is a required date
    number = next_serial(session, ctx.actor.station_id, register_name, day.year, spec.model)
    entry = spec.model(
        id=new_id(),  # given now, not at flush: a bulk import flushes once per batch
        station_id=ctx.actor.station_id,
        serial_year=day.year,
        serial_no=number,
        serial_confirmed=True,
        **cleaned,
        **derived,
    )
    if spec.pseudonym is not None:
        field, prefix = spec.pseudonym
        setattr(entry, field, pseudonym(prefix, day.year, number))
    session.add(entry)
    return entry, f"{number}/{day.year}"


# Registers whose new entries need more than the form (an FIR's sections and victims).
OWN_CREATE_OP = {"fir": "msk_desktop.ops.fir.register_fir"}


def create_entry(ctx: OpContext, register_name: str, values: Mapping[str, Any]) -> OpResult:
    require_write(ctx, register_name)
    if register_name in OWN_CREATE_OP:
        raise ValueError(f"a new {register_name} entry is made with {OWN_CREATE_OP[register_name]}")
    cleaned = validated(ctx, register_name, values)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        entry, serial = insert_entry(ctx, tx, register_name, cleaned)
        tx.audit(f"{register_name}.create", register_name, entry.id, serial=serial)
    return announce(ctx, tx, entry.id, serial)


def edit_entry(
    ctx: OpContext, register_name: str, entry_id: str, changes: Mapping[str, Any]
) -> OpResult:
    require_write(ctx, register_name)
    spec = register(register_name)
    hooks = hooks_for(register_name)
    cleaned = validated(ctx, register_name, changes, partial=True)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        entry = load(tx.session, spec.model, entry_id, ctx.actor.station_id)
        hooks.guard_edit(entry)
        merged = {s.name: getattr(entry, s.name) for s in spec.form} | cleaned | {"id": entry.id}
        raise_if(
            check_entry(register_name, merged)
            + check_references(tx.session, cleaned, ctx.actor.station_id)
            + hooks.validate(tx.session, ctx, merged)
        )
        for name, value in (cleaned | hooks.derive(tx.session, ctx, merged, entry)).items():
            setattr(entry, name, value)
        tx.audit(f"{register_name}.edit", register_name, entry.id)
    return announce(ctx, tx, entry_id)


def delete_entry(ctx: OpContext, register_name: str, entry_id: str, reason: str) -> OpResult:
    """Soft delete: the row stays (and syncs) with ``deleted_at``; the reason is audited."""
    require_write(ctx, register_name)
    if not reason.strip():
        raise ValidationError(
            [FieldError("reason", Message("हटाने का कारण लिखें", "give a reason for deleting"))]
        )
    spec = register(register_name)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        entry = load(tx.session, spec.model, entry_id, ctx.actor.station_id)
        hooks_for(register_name).guard_edit(entry)
        entry.deleted_at = ctx.now()
        tx.audit(f"{register_name}.delete", register_name, entry.id, reason=reason.strip())
    return announce(ctx, tx, entry_id)
