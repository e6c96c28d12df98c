"""Today's work (आज का कार्य): what the in-charge must see first when the day starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from msk_desktop.domain.bonds import BOND_EXPIRY_WARNING_DAYS
from msk_desktop.domain.deadlines import DUE_SOON_DAYS
from msk_desktop.domain.staffing import StaffingFinding, staffing_report
from msk_desktop.ops.conflicts import list_conflicts
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.deadlines import DeadlineItem, station_deadlines
from msk_desktop.ops.maintenance import pending_changes
from msk_desktop.ops.permissions import require
from msk_desktop.ops.replica import enrolment, last_sync_time
from msk_desktop.ops.roster_week import RostersToday, rosters_on
from msk_desktop.store.queries.due_items import (
    DueEntry,
    bonds_expiring,
    follow_ups_due,
    open_directions,
    postings,
)


@dataclass(frozen=True)
class OpenDirection:
    direction_id: str
    entry_id: str  # the inspection entry that gave it, where compliance is recorded
    direction: str
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool  # with a district server (else nothing is sent anywhere)
    pending: int  # changes saved here, not yet accepted by the district
    last_sync: datetime | None
    conflicts: int  # kept for a person to choose


def sync_status(ctx: OpContext) -> SyncStatus:
    return SyncStatus(
        enrolled=enrolment(ctx.db) is not None,
        pending=pending_changes(ctx),
        last_sync=last_sync_time(ctx),
        conflicts=len(list_conflicts(ctx)),
    )


@dataclass(frozen=True)
class TodaysWork:
    today: date
    deadlines: list[DeadlineItem]
    follow_ups: list[DueEntry]
    bonds: list[DueEntry]
    staffing: list[StaffingFinding]
    directions: list[OpenDirection]
    rosters: RostersToday
    sync: SyncStatus


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
            OpenDirection(
                d.id, d.entry_id, d.direction, d.due_on, d.due_on is not None and d.due_on < today
            )
            for d in open_directions(session, station)
        ]
        staff = postings(session, station)
    return TodaysWork(
        today=today,
        deadlines=station_deadlines(ctx, today),
        follow_ups=follow_ups,
        bonds=bonds,
        staffing=staffing_report(staff, today),
        directions=directions,
        rosters=rosters_on(ctx, today),
        sync=sync_status(ctx),
    )
