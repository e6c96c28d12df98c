"""The inspection book: the officer's signed entry with its directions, and the in-charge's
compliance with each direction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from msk_desktop.domain import forms
from msk_desktop.domain.entry_rules import check_entry, not_before
from msk_desktop.domain.errors import FieldError, Message
from msk_desktop.domain.fields import clean
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import announce, insert_entry, raise_if, validated
from msk_desktop.ops.lookups import load
from msk_desktop.ops.permissions import require, require_write
from msk_desktop.store.models import InspectionDirection, InspectionEntry

REGISTER = "inspection_entry"


def record_inspection(
    ctx: OpContext, values: Mapping[str, Any], directions: Sequence[Mapping[str, Any]] = ()
) -> OpResult:
    """Write a visit in the book, signed by the writer's account; it cannot be edited after."""
    require_write(ctx, REGISTER)
    cleaned = validated(ctx, REGISTER, values)
    parts, errors = [], []
    for i, direction in enumerate(directions):
        part, errs = clean(forms.INSPECTION_DIRECTION, direction, today=ctx.today(), now=ctx.now())
        parts.append(part)
        errors += [FieldError(f"directions[{i}].{e.field}", e.message) for e in errs]
    raise_if(errors)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        entry, serial = insert_entry(ctx, tx, REGISTER, cleaned)
        tx.session.flush()
        for part in parts:
            tx.session.add(
                InspectionDirection(
                    station_id=ctx.actor.station_id,
                    entry_id=entry.id,
                    compliance_status="open",
                    **part,
                )
            )
        tx.audit(f"{REGISTER}.create", REGISTER, entry.id, serial=serial, directions=len(parts))
    return announce(ctx, tx, entry.id, serial)


def record_compliance(ctx: OpContext, direction_id: str, values: Mapping[str, Any]) -> OpResult:
    require(ctx, "record_compliance")
    cleaned, errors = clean(forms.DIRECTION_COMPLIANCE, values, today=ctx.today(), now=ctx.now())
    raise_if(errors or check_entry("direction_compliance", cleaned))
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        row = load(tx.session, InspectionDirection, direction_id, ctx.actor.station_id)
        entry = load(tx.session, InspectionEntry, row.entry_id, ctx.actor.station_id)
        raise_if(
            not_before("complied_on", "visited_on", Message("निरीक्षण तिथि", "inspection date"))(
                {**cleaned, "visited_on": entry.visited_on}
            )
        )
        for name, value in cleaned.items():
            setattr(row, name, value)
        tx.audit(
            "inspection_direction.compliance",
            "inspection_direction",
            row.id,
            status=cleaned["compliance_status"],
        )
    return announce(ctx, tx, direction_id)
