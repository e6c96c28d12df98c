"""Roster rules: unstaffed shifts, help desk without a woman, short squads, uncovered days, and
the week grid."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from msk_desktop.domain.roster_rules import (
    Roster,
    RosterPerson,
    RosterShift,
    choosable_staff,
    day_name,
    roster_warnings,
    week_days,
    week_grid,
    week_monday,
    women_first,
)
from msk_desktop.domain.staffing import Gender, Rank

MONDAY = date(2025, 11, 17)
ASHA = RosterPerson("s1", "आशा", Rank.CONSTABLE, Gender.FEMALE)
RAMESH = RosterPerson("s2", "रमेश", Rank.CONSTABLE, Gender.MALE)
SUNITA = RosterPerson("s3", "सुनीता", Rank.HEAD_CONSTABLE, Gender.FEMALE)
DESK_HOURS = ((time(8), time(14)), (time(14), time(20)), (time(20), time(8)))


def shift(
    slot_id: str,
    day: int,
    staff: tuple[RosterPerson, ...],
    roster: Roster = Roster.HELP_DESK,
    hours: tuple[time, time] = (time(8), time(14)),
    place: str | None = "हेल्प डेस्क",
    team: str | None = None,
) -> RosterShift:
    return RosterShift(
        slot_id,
        roster,
        MONDAY + timedelta(days=day),
        hours[0],
        hours[1],
        place=place,
        team_name=team,
        staff=staff,
    )


def full_desk_week() -> list[RosterShift]:
    return [
        shift(f"d{day}{n}", day, (ASHA,), hours=hours)
        for day in range(7)
        for n, hours in enumerate(DESK_HOURS)
    ]


def codes(shifts: list[RosterShift], roster: Roster = Roster.HELP_DESK) -> list[tuple[str, str]]:
    return [
        (w.code, w.slot_id or w.day.isoformat()) for w in roster_warnings(roster, MONDAY, shifts)
    ]


def test_weeks_start_on_monday() -> None:
    assert week_monday(date(2025, 11, 20)) == MONDAY  # a Thursday
    assert week_monday(MONDAY) == MONDAY
    assert week_monday(date(2025, 11, 23)) == MONDAY  # Sunday ends the week
    assert week_days(MONDAY)[-1] == date(2025, 11, 23)
    assert day_name(date(2025, 11, 23)).hi == "रविवार 23-11-2025"


def test_a_fully_staffed_desk_week_has_no_warnings() -> None:
    assert codes(full_desk_week()) == []


def test_unstaffed_desk_shift() -> None:
    week = full_desk_week()
    week[4] = shift("gap", 1, (), hours=DESK_HOURS[1])
    warnings = roster_warnings(Roster.HELP_DESK, MONDAY, week)
    assert [(w.code, w.slot_id) for w in warnings] == [("unstaffed", "gap")]
    assert warnings[0].message.hi == (
        "मंगलवार 18-11-2025, 14:00–20:00: हेल्प डेस्क पाली पर कोई कर्मी नियुक्त नहीं"
    )
    assert (
        warnings[0].message.en == "Tuesday 18-11-2025, 14:00–20:00: nobody on the help desk shift"
    )


def test_desk_shift_with_men_only_wants_a_woman() -> None:
    week = full_desk_week()
    week[0] = shift("men", 0, (RAMESH,))
    week[1] = shift("mixed", 0, (RAMESH, SUNITA), hours=DESK_HOURS[1])
    assert codes(week) == [("desk_no_woman", "men")]


def test_days_without_any_desk_shift() -> None:
    week = [s for s in full_desk_week() if s.duty_on.weekday() not in (2, 6)]
    assert codes(week) == [
        ("desk_day_uncovered", "2025-11-19"),
        ("desk_day_uncovered", "2025-11-23"),
    ]


def test_an_empty_week_is_uncovered_every_day() -> None:
    assert [c for c, _ in codes([])] == ["desk_day_uncovered"] * 7


def test_squads_need_two() -> None:
    squad = [
        shift("pair", 0, (ASHA, RAMESH), Roster.ANTI_ROMEO, team="टीम-1"),
        shift("alone", 1, (ASHA,), Roster.ANTI_ROMEO, team="टीम-1"),
        shift("none", 2, (), Roster.ANTI_ROMEO, team="टीम-1"),
    ]
    assert codes(squad, Roster.ANTI_ROMEO) == [("squad_short", "alone"), ("squad_short", "none")]
    warning = roster_warnings(Roster.ANTI_ROMEO, MONDAY, squad)[0]
    assert warning.message.en == (
        "Tuesday 18-11-2025, 08:00–14:00: anti-Romeo squad of 1 (at least 2 needed)"
    )


def test_beats_warn_only_when_unstaffed() -> None:
    beats = [
        shift("b1", 0, (RAMESH,), Roster.WOMEN_BEAT, place="बीट-1"),
        shift("b2", 3, (), Roster.WOMEN_BEAT, place="बीट-1"),
    ]
    assert codes(beats, Roster.WOMEN_BEAT) == [("unstaffed", "b2")]


def test_warnings_ignore_other_weeks_and_rosters() -> None:
    week = full_desk_week()
    next_week = shift("later", 7, ())
    squad = shift("squad", 0, (), Roster.ANTI_ROMEO)
    assert codes([*week, next_week, squad]) == []


def test_warnings_come_by_day() -> None:
    week = [s for s in full_desk_week() if s.duty_on.weekday() != 1]
    week[-1] = shift("sunday-gap", 6, (), hours=DESK_HOURS[2])
    week[0] = shift("monday-gap", 0, ())
    assert codes(week) == [
        ("unstaffed", "monday-gap"),
        ("desk_day_uncovered", "2025-11-18"),
        ("unstaffed", "sunday-gap"),
    ]


def test_grid_rows_are_recurring_shifts_by_day() -> None:
    grid = week_grid(MONDAY, full_desk_week())
    assert [(line.hours, line.label) for line in grid] == [
        ("08:00–14:00", "हेल्प डेस्क"),
        ("14:00–20:00", "हेल्प डेस्क"),
        ("20:00–08:00", "हेल्प डेस्क"),
    ]
    assert all(cell is not None for line in grid for cell in line.cells)
    assert [cell.slot_id for cell in grid[2].cells if cell] == [f"d{d}2" for d in range(7)]


def test_grid_rows_of_a_squad_are_its_teams_whatever_the_hotspot() -> None:
    squads = [
        shift("t1-mon", 0, (), Roster.ANTI_ROMEO, place="विद्यालय गेट", team="टीम-1"),
        shift("t1-tue", 1, (), Roster.ANTI_ROMEO, place="बाज़ार", team="टीम-1"),
        shift("t2-mon", 0, (), Roster.ANTI_ROMEO, (time(13, 30), time(15)), "कॉलेज", "टीम-2"),
    ]
    grid = week_grid(MONDAY, squads)
    assert [line.label for line in grid] == ["टीम-1", "टीम-2"]
    assert [c.slot_id if c else None for c in grid[0].cells[:3]] == ["t1-mon", "t1-tue", None]


def test_two_shifts_in_one_cell_get_rows_of_their_own() -> None:
    grid = week_grid(MONDAY, [shift("b", 2, (ASHA,)), shift("a", 2, ()), shift("c", 3, ())])
    assert [[c.slot_id if c else None for c in line.cells] for line in grid] == [
        [None, None, "a", "c", None, None, None],
        [None, None, "b", None, None, None, None],
    ]
    assert {line.label for line in grid} == {"हेल्प डेस्क"}


def test_grid_leaves_out_other_weeks() -> None:
    assert week_grid(MONDAY, [shift("before", -1, ()), shift("after", 7, ())]) == []


@pytest.mark.parametrize(
    ("people", "order"),
    [
        ([RAMESH, ASHA, SUNITA], ["s3", "s1", "s2"]),  # women first, head constable before
        ([RAMESH, RAMESH], ["s2"]),
    ],
)
def test_women_first(people: list[RosterPerson], order: list[str]) -> None:
    assert [p.staff_id for p in women_first(people)] == order


def test_choosable_staff_keeps_people_already_on_the_shift() -> None:
    transferred = RosterPerson("gone", "पुराना", Rank.CONSTABLE, Gender.MALE)
    assert [p.staff_id for p in choosable_staff([ASHA], [transferred, ASHA])] == ["s1", "gone"]


def test_person_described_for_choosers() -> None:
    assert SUNITA.describe().hi == "सुनीता — मुख्य आरक्षी, महिला"
    assert RAMESH.describe().en == "रमेश — Constable"
