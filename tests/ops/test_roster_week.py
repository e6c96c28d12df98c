"""Reading a roster week: only this station's live slots and assignments, the staff serving
that week, last week's count for copying, and who may edit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from msk_desktop.domain.roster_rules import Roster
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.roster_week import roster_week
from msk_desktop.ops.rosters import add_roster_slot, set_slot_staff
from tests.ops.conftest import TODAY, StationHandle

MONDAY = TODAY - timedelta(days=TODAY.weekday())


def person(ctx: OpContext, name: str, gender: str, **dates: str) -> str:
    values = {"name": name, "rank": "constable", "gender": gender, "posted_on": "01-01-2025"}
    return create_entry(ctx, "staff_member", values | dates).entity_id


def desk(ctx: OpContext, day: date, staff: list[str], roster: str = "help_desk") -> str:
    values = {"roster": roster, "duty_on": day, "starts_at": "08:00", "ends_at": "14:00"}
    return add_roster_slot(ctx, values, staff).entity_id


def test_week_of_any_day_with_its_shifts_people_and_warnings(station: StationHandle) -> None:
    ctx = station.ctx
    asha, ramesh = person(ctx, "आशा", "female"), person(ctx, "रमेश", "male")
    first = desk(ctx, MONDAY, [ramesh, asha])
    desk(ctx, MONDAY + timedelta(days=1), [ramesh])
    desk(ctx, MONDAY + timedelta(days=7), [])  # next week
    desk(ctx, MONDAY, [], roster="anti_romeo")  # another roster
    week = roster_week(ctx, "help_desk", MONDAY + timedelta(days=4))
    assert week.monday == MONDAY and week.roster is Roster.HELP_DESK
    assert [s.duty_on for s in week.shifts] == [MONDAY, MONDAY + timedelta(days=1)]
    assert week.shifts[0].slot_id == first
    assert [p.name for p in week.shifts[0].staff] == ["आशा", "रमेश"]  # women first
    assert [w.code for w in week.warnings] == ["desk_no_woman"] + ["desk_day_uncovered"] * 5
    assert len(week.lines) == 1
    assert [p.name for p in week.staff] == ["आशा", "रमेश"]
    assert week.shifts_last_week == 0 and week.can_edit


def test_removed_assignments_and_other_stations_stay_out(station: StationHandle) -> None:
    ctx = station.ctx
    asha, ramesh = person(ctx, "आशा", "female"), person(ctx, "रमेश", "male")
    slot_id = desk(ctx, MONDAY, [asha, ramesh])
    set_slot_staff(ctx, slot_id, [asha])
    other = station.other_station()
    desk(other, MONDAY, [])
    week = roster_week(ctx, "help_desk", MONDAY)
    assert [s.slot_id for s in week.shifts] == [slot_id]
    assert [p.name for p in week.shifts[0].staff] == ["आशा"]
    assert roster_week(other, "help_desk", MONDAY).shifts[0].slot_id != slot_id


def test_staff_serving_the_week(station: StationHandle) -> None:
    ctx = station.ctx
    removal = {"removal_kind": "transfer", "removal_approval_ref": "SP/2026/7"}
    week_of = date(2026, 3, 2)  # Monday
    gone = person(ctx, "पुराना", "male", removed_on="28-02-2026", **removal)
    leaving = person(ctx, "जाने वाली", "female", removed_on="04-03-2026", **removal)
    person(ctx, "आशा", "female")
    later = person(ctx, "नई", "female", posted_on="09-03-2026")
    desk(ctx, week_of - timedelta(days=7), [gone])
    desk(ctx, week_of - timedelta(days=6), [])
    week = roster_week(ctx, "help_desk", week_of)
    serving = {p.staff_id for p in week.staff}
    assert gone not in serving and later not in serving
    assert leaving in serving  # serves until Wednesday
    assert week.shifts_last_week == 2
    last_week = roster_week(ctx, "help_desk", week_of - timedelta(days=7))
    assert [p.name for p in last_week.shifts[0].staff] == ["पुराना"]  # shown on shifts worked


@pytest.mark.parametrize(
    ("role", "can_edit"),
    [
        (Role.IN_CHARGE, True),
        (Role.SUB_INSPECTOR, True),
        (Role.HELPDESK, False),
        (Role.CIRCLE_OFFICER, False),
    ],
)
def test_every_role_reads_only_station_staff_edit(
    station: StationHandle, role: Role, can_edit: bool
) -> None:
    assert roster_week(station.as_role(role), "women_beat", MONDAY).can_edit is can_edit


def test_unknown_roster_is_refused(station: StationHandle) -> None:
    with pytest.raises(ValueError, match="night_patrol"):
        roster_week(station.ctx, "night_patrol", MONDAY)
