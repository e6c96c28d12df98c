"""A roster's week: its slots, who is on each, and the staff serving that week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from msk_desktop.store.models import DutyRosterAssignment, DutyRosterSlot, StaffMember

WEEK = timedelta(days=7)


def week_slots(
    session: Session, station_id: str, roster: str, monday: date
) -> list[DutyRosterSlot]:
    return list(
        session.scalars(
            select(DutyRosterSlot)
            .where(
                DutyRosterSlot.station_id == station_id,
                DutyRosterSlot.roster == roster,
                DutyRosterSlot.deleted_at.is_(None),
                DutyRosterSlot.duty_on >= monday,
                DutyRosterSlot.duty_on < monday + WEEK,
            )
            .order_by(DutyRosterSlot.duty_on, DutyRosterSlot.starts_at)
        )
    )


def count_week_slots(session: Session, station_id: str, roster: str, monday: date) -> int:
    return (
        session.scalar(
            select(func.count(DutyRosterSlot.id)).where(
                DutyRosterSlot.station_id == station_id,
                DutyRosterSlot.roster == roster,
                DutyRosterSlot.deleted_at.is_(None),
                DutyRosterSlot.duty_on >= monday,
                DutyRosterSlot.duty_on < monday + WEEK,
            )
        )
        or 0
    )


def slot_staff(
    session: Session, station_id: str, slot_ids: Sequence[str]
) -> list[tuple[str, StaffMember]]:
    """(slot id, person) for every live assignment of the slots; a person since removed from
    the staff register still shows on the shifts they worked."""
    if not slot_ids:
        return []
    rows = session.execute(
        select(DutyRosterAssignment.slot_id, StaffMember)
        .join(StaffMember, StaffMember.id == DutyRosterAssignment.staff_id)
        .where(
            DutyRosterAssignment.station_id == station_id,
            DutyRosterAssignment.deleted_at.is_(None),
            DutyRosterAssignment.slot_id.in_(slot_ids),
        )
    ).all()
    return [(slot_id, person) for slot_id, person in rows]


def staff_serving(
    session: Session, station_id: str, first_day: date, last_day: date
) -> list[StaffMember]:
    """Staff posted on some day between ``first_day`` and ``last_day`` (removal is the first
    day not served)."""
    return list(
        session.scalars(
            select(StaffMember).where(
                StaffMember.station_id == station_id,
                StaffMember.deleted_at.is_(None),
                StaffMember.posted_on <= last_day,
                or_(StaffMember.removed_on.is_(None), StaffMember.removed_on > first_day),
            )
        )
    )
