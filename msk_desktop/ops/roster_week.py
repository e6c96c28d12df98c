"""Reading a roster's week for the week grid: its shifts laid out by day, the warnings the
circular calls for, and whom the in-charge can put on a shift."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from msk_desktop.domain.roster_rules import (
    GridLine,
    Roster,
    RosterPerson,
    RosterShift,
    RosterWarning,
    roster_warnings,
    week_grid,
    week_monday,
    women_first,
)
from msk_desktop.domain.staffing import Gender, Rank
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.lookups import load
from msk_desktop.ops.permissions import WRITE_ROLES, require
from msk_desktop.ops.rosters import REGISTER
from msk_desktop.store.models import DutyRosterSlot, StaffMember
from msk_desktop.store.queries.roster_week import (
    count_week_slots,
    slot_staff,
    staff_serving,
    week_slots,
)

# Tables whose changes alter what a roster week shows.
ROSTER_TABLES = frozenset({"duty_roster_slot", "duty_roster_assignment", "staff_member"})


@dataclass(frozen=True)
class RosterWeek:
    roster: Roster
    monday: date
    today: date
    shifts: tuple[RosterShift, ...]
    lines: tuple[GridLine, ...]
    warnings: tuple[RosterWarning, ...]
    staff: tuple[RosterPerson, ...]  # serving some day of the week, women first
    shifts_last_week: int  # what "copy last week" would bring over
    can_edit: bool  # the signed-in role may change rosters (ops check it again)


def _person(row: StaffMember) -> RosterPerson:
    return RosterPerson(row.id, row.name, Rank(row.rank), Gender(row.gender))


def roster_week(ctx: OpContext, roster: str, day: date) -> RosterWeek:
    """The week (Monday to Sunday) of ``roster`` that contains ``day``."""
    require(ctx, "read_registers")
    kind = Roster(roster)
    monday = week_monday(day)
    station = ctx.actor.station_id
    with ctx.db.read() as session:
        slots = week_slots(session, station, kind, monday)
        on_slot: defaultdict[str, list[RosterPerson]] = defaultdict(list)
        for slot_id, row in slot_staff(session, station, [s.id for s in slots]):
            on_slot[slot_id].append(_person(row))
        shifts = [
            RosterShift(
                slot_id=s.id,
                roster=kind,
                duty_on=s.duty_on,
                starts_at=s.starts_at,
                ends_at=s.ends_at,
                place=s.place,
                area=s.area,
                team_name=s.team_name,
                report=s.report,
                staff=tuple(women_first(on_slot[s.id])),
            )
            for s in slots
        ]
        serving = [
            _person(row)
            for row in staff_serving(session, station, monday, monday + timedelta(days=6))
        ]
        last_week = count_week_slots(session, station, kind, monday - timedelta(days=7))
    return RosterWeek(
        roster=kind,
        monday=monday,
        today=ctx.today(),
        shifts=tuple(shifts),
        lines=tuple(week_grid(monday, shifts)),
        warnings=tuple(roster_warnings(kind, monday, shifts)),
        staff=tuple(women_first(serving)),
        shifts_last_week=last_week,
        can_edit=ctx.actor.role in WRITE_ROLES[REGISTER],
    )


@dataclass(frozen=True)
class RostersToday:
    """Every roster's shifts of one day and what the circular finds wrong with them."""

    shifts: tuple[RosterShift, ...]
    warnings: tuple[RosterWarning, ...]


def rosters_on(ctx: OpContext, day: date) -> RostersToday:
    shifts: list[RosterShift] = []
    warnings: list[RosterWarning] = []
    for kind in Roster:
        week = roster_week(ctx, kind, day)
        shifts += [s for s in week.shifts if s.duty_on == day]
        warnings += [w for w in week.warnings if w.day == day]
    return RostersToday(tuple(shifts), tuple(warnings))


def shift_day(ctx: OpContext, slot_id: str) -> tuple[Roster, date]:
    """Which roster and day a shift belongs to (to show it in its week)."""
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        slot = load(session, DutyRosterSlot, slot_id, ctx.actor.station_id)
        return Roster(slot.roster), slot.duty_on
