"""Duty rosters: shifts (slots) of the help desk, anti-Romeo squad and women beat, who is on
each, what they reported, and copying a week forward."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from msk_desktop.domain import forms
from msk_desktop.domain.entry_rules import check_entry
from msk_desktop.domain.errors import FieldError, Message
from msk_desktop.domain.fields import clean
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import announce, raise_if
from msk_desktop.ops.lookups import find, load
from msk_desktop.ops.permissions import require_write
from msk_desktop.store.database import Transaction
from msk_desktop.store.models import DutyRosterAssignment, DutyRosterSlot, StaffMember

REGISTER = "duty_roster_slot"


def _assign(
    tx: Transaction, ctx: OpContext, slot: DutyRosterSlot, staff_ids: Sequence[str]
) -> None:
    missing = [
        s for s in staff_ids if find(tx.session, StaffMember, s, ctx.actor.station_id) is None
    ]
    raise_if(
        [FieldError("staff", Message("कर्मी नहीं मिला", "no such staff member"))] if missing else []
    )
    for staff_id in dict.fromkeys(staff_ids):
        tx.session.add(
            DutyRosterAssignment(
                station_id=ctx.actor.station_id, slot_id=slot.id, staff_id=staff_id
            )
        )


def add_roster_slot(
    ctx: OpContext, values: Mapping[str, Any], staff_ids: Sequence[str] = ()
) -> OpResult:
    require_write(ctx, REGISTER)
    cleaned, errors = clean(forms.DUTY_ROSTER_SLOT, values, today=ctx.today(), now=ctx.now())
    raise_if(errors or check_entry(REGISTER, cleaned))
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        slot = DutyRosterSlot(station_id=ctx.actor.station_id, **cleaned)
        tx.session.add(slot)
        tx.session.flush()
        _assign(tx, ctx, slot, staff_ids)
        tx.audit("roster.slot.add", REGISTER, slot.id, roster=cleaned["roster"])
    return announce(ctx, tx, slot.id)


def set_slot_staff(ctx: OpContext, slot_id: str, staff_ids: Sequence[str]) -> OpResult:
    """Who is on a shift: assignments not in ``staff_ids`` are removed, new ones added."""
    require_write(ctx, REGISTER)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        slot = load(tx.session, DutyRosterSlot, slot_id, ctx.actor.station_id)
        current = tx.session.scalars(
            select(DutyRosterAssignment).where(
                DutyRosterAssignment.slot_id == slot.id, DutyRosterAssignment.deleted_at.is_(None)
            )
        ).all()
        keep = set(staff_ids)
        for row in current:
            if row.staff_id not in keep:
                row.deleted_at = ctx.now()
        present = {row.staff_id for row in current}
        _assign(tx, ctx, slot, [s for s in staff_ids if s not in present])
        tx.audit("roster.slot.staff", REGISTER, slot.id, staff=len(keep))
    return announce(ctx, tx, slot_id)


def record_slot_report(ctx: OpContext, slot_id: str, report: str) -> OpResult:
    """What the squad or beat reported after its shift."""
    require_write(ctx, REGISTER)
    cleaned, errors = clean(
        forms.DUTY_ROSTER_SLOT, {"report": report}, today=ctx.today(), now=ctx.now(), partial=True
    )
    raise_if(errors)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        slot = load(tx.session, DutyRosterSlot, slot_id, ctx.actor.station_id)
        slot.report = cleaned["report"]
        tx.audit("roster.slot.report", REGISTER, slot.id)
    return announce(ctx, tx, slot_id)


def _week_slots(tx: Transaction, ctx: OpContext, roster: str, monday: date) -> list[DutyRosterSlot]:
    return list(
        tx.session.scalars(
            select(DutyRosterSlot).where(
                DutyRosterSlot.station_id == ctx.actor.station_id,
                DutyRosterSlot.roster == roster,
                DutyRosterSlot.deleted_at.is_(None),
                DutyRosterSlot.duty_on >= monday,
                DutyRosterSlot.duty_on < monday + timedelta(days=7),
            )
        )
    )


def copy_roster_week(
    ctx: OpContext,
    roster: str,
    from_monday: date,
    to_monday: date,
    *,
    add_to_existing: bool = False,
) -> OpResult:
    """Copy a week's shifts and people to another week (the usual way a roster is drawn up).

    A week that already has shifts is refused unless the user confirmed adding to it
    (``add_to_existing``), because copying twice doubles every shift of that week."""
    require_write(ctx, REGISTER)
    if from_monday.weekday() != 0 or to_monday.weekday() != 0 or from_monday == to_monday:
        raise_if(
            [
                FieldError(
                    "week",
                    Message(
                        "दो अलग सप्ताहों के सोमवार चुनें", "choose the Mondays of two different weeks"
                    ),
                )
            ]
        )
    shift = to_monday - from_monday
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        if not add_to_existing and _week_slots(tx, ctx, roster, to_monday):
            raise_if(
                [
                    FieldError(
                        "week",
                        Message("उस सप्ताह का रोस्टर पहले से बना है", "that week already has a roster"),
                    )
                ]
            )
        slots = _week_slots(tx, ctx, roster, from_monday)
        for slot in slots:
            copy = DutyRosterSlot(
                station_id=slot.station_id,
                roster=slot.roster,
                duty_on=slot.duty_on + shift,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                place=slot.place,
                area=slot.area,
                team_name=slot.team_name,
            )
            tx.session.add(copy)
            tx.session.flush()
            staff = tx.session.scalars(
                select(DutyRosterAssignment.staff_id).where(
                    DutyRosterAssignment.slot_id == slot.id,
                    DutyRosterAssignment.deleted_at.is_(None),
                )
            ).all()
            _assign(tx, ctx, copy, staff)
        tx.audit(
            "roster.copy_week",
            REGISTER,
            None,
            roster=roster,
            slots=len(slots),
            from_week=from_monday.isoformat(),
            to_week=to_monday.isoformat(),
        )
    return announce(ctx, tx, roster)
