"""Today's work (आज का कार्य): what the in-charge must see first when the day starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from msk_desktop.domain.bonds import BOND_EXPIRY_WARNING_DAYS
from msk_desktop.domain.deadlines import DUE_SOON_DAYS
from msk_desktop.domain.staffing import Gender, Posting, Rank, StaffingFinding, staffing_report
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.deadlines import DeadlineItem, station_deadlines
from msk_desktop.ops.permissions import require
from msk_desktop.store.queries.due_items import (
    DueEntry,
    bonds_expiring,
    follow_ups_due,
    open_directions,
    staff_postings,
)


@dataclass(frozen=True)
class OpenDirection:
    direction_id: str
    direction: str
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class TodaysWork:
    today: date
    deadlines: list[DeadlineItem]
    follow_ups: list[DueEntry]
    bonds: list[DueEntry]
    staffing: list[StaffingFinding]
    directions: list[OpenDirection]


def todays_work(ctx: OpContext, today: date | None = None) -> TodaysWork:
    require(ctx, "read_registers")
    today = today or ctx.today()
    station = ctx.actor.station_id
    with ctx.db.read() as session:
        follow_ups = follow_ups_due(session, station, today + timedelta(days=DUE_SOON_DAYS))
        bonds = bonds_expiring(
            session, station, today, today + timedelta(days=BOND_EXPIRY_WARNING_DAYS)
        )
        directions = [
            OpenDirection(d.id, d.direction, d.due_on, d.due_on is not None and d.due_on < today)
            for d in open_directions(session, station)
        ]
        postings = [
            Posting(
                staff_id=s.id,
                rank=Rank(s.rank),
                gender=Gender(s.gender),
                is_in_charge=s.is_in_charge,
                posted_on=s.posted_on,
                removed_on=s.removed_on,
                removal_approval_ref=s.removal_approval_ref,
                igot_certified_on=s.igot_certified_on,
            )
            for s in staff_postings(session, station)
        ]
    return TodaysWork(
        today=today,
        deadlines=station_deadlines(ctx, today),
        follow_ups=follow_ups,
        bonds=bonds,
        staffing=staffing_report(postings, today),
        directions=directions,
    )
