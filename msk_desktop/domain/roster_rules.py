"""Duty rosters (duties i-iii of DG circular 38/2025): what a week's roster must show and what
the in-charge should be warned about, and the week laid out as the paper roster is drawn.

The circular wants every help desk shift staffed, and the help desk is a women's desk, so a
staffed shift with no woman on it is flagged too; an anti-Romeo squad goes out at least two
strong. Weeks run Monday to Sunday, as rosters are drawn up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from msk_desktop.domain.dates import format_date
from msk_desktop.domain.errors import Message
from msk_desktop.domain.staffing import RANK_TITLES, Gender, Rank


class Roster(StrEnum):
    HELP_DESK = "help_desk"
    ANTI_ROMEO = "anti_romeo"
    WOMEN_BEAT = "women_beat"


WEEKDAYS: tuple[Message, ...] = (
    Message("सोमवार", "Monday"),
    Message("मंगलवार", "Tuesday"),
    Message("बुधवार", "Wednesday"),
    Message("गुरुवार", "Thursday"),
    Message("शुक्रवार", "Friday"),
    Message("शनिवार", "Saturday"),
    Message("रविवार", "Sunday"),
)
DAYS_IN_WEEK = 7
MIN_SQUAD = 2  # anti-Romeo squads patrol in pairs at least


@dataclass(frozen=True)
class RosterPerson:
    staff_id: str
    name: str
    rank: Rank
    gender: Gender

    @property
    def is_woman(self) -> bool:
        return self.gender is Gender.FEMALE

    def describe(self) -> Message:
        """ "नाम — आरक्षी, महिला": what a chooser shows, so women can be picked at a glance."""
        rank = RANK_TITLES[self.rank]
        woman = Message(", महिला", ", woman") if self.is_woman else Message("", "")
        return Message(f"{self.name} — {rank.hi}{woman.hi}", f"{self.name} — {rank.en}{woman.en}")


@dataclass(frozen=True)
class RosterShift:
    """One slot of a roster: a shift at one place on one day, and who is on it."""

    slot_id: str
    roster: Roster
    duty_on: date
    starts_at: time
    ends_at: time
    place: str | None = None
    area: str | None = None
    team_name: str | None = None
    report: str | None = None
    staff: tuple[RosterPerson, ...] = ()

    @property
    def hours(self) -> str:
        return time_range(self.starts_at, self.ends_at)

    @property
    def line_label(self) -> str:
        """What the shift's row of the week is called: a squad by its team, else the place."""
        return self.team_name or self.place or ""


@dataclass(frozen=True)
class RosterWarning:
    code: str  # unstaffed, desk_no_woman, squad_short, desk_day_uncovered
    message: Message
    day: date
    slot_id: str | None = None


@dataclass(frozen=True)
class GridLine:
    """One row of the week: the same hours and team or place each day; ``cells[i]`` is the
    shift on the i-th day of the week, or None."""

    starts_at: time
    ends_at: time
    label: str
    cells: tuple[RosterShift | None, ...]

    @property
    def hours(self) -> str:
        return time_range(self.starts_at, self.ends_at)


def time_range(starts_at: time, ends_at: time) -> str:
    # A shift ending at or before it starts runs past midnight (the 20:00–08:00 night shift).
    return f"{starts_at:%H:%M}–{ends_at:%H:%M}"


def week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_days(monday: date) -> tuple[date, ...]:
    return tuple(monday + timedelta(days=i) for i in range(DAYS_IN_WEEK))


def day_name(day: date) -> Message:
    """ "सोमवार 17-11-2025"."""
    name = WEEKDAYS[day.weekday()]
    return Message(f"{name.hi} {format_date(day)}", f"{name.en} {format_date(day)}")


def in_week(shifts: Iterable[RosterShift], monday: date) -> list[RosterShift]:
    """The week's shifts in the order a roster reads: by day, then hours, then row label."""
    days = set(week_days(monday))
    return sorted(
        (s for s in shifts if s.duty_on in days),
        key=lambda s: (s.duty_on, s.starts_at, s.ends_at, s.line_label, s.slot_id),
    )


def _when(shift: RosterShift) -> Message:
    day = day_name(shift.duty_on)
    return Message(f"{day.hi}, {shift.hours}", f"{day.en}, {shift.hours}")


def _shift_warnings(shift: RosterShift) -> list[RosterWarning]:
    when, count = _when(shift), len(shift.staff)
    if shift.roster is Roster.ANTI_ROMEO:
        if count >= MIN_SQUAD:
            return []
        message = Message(
            f"{when.hi}: एण्टी रोमियो स्क्वाड में {count} कर्मी (कम से कम {MIN_SQUAD} चाहिए)",
            f"{when.en}: anti-Romeo squad of {count} (at least {MIN_SQUAD} needed)",
        )
        return [RosterWarning("squad_short", message, shift.duty_on, shift.slot_id)]
    if count == 0:
        what = (
            Message("हेल्प डेस्क पाली", "help desk shift")
            if shift.roster is Roster.HELP_DESK
            else Message("बीट", "beat")
        )
        message = Message(
            f"{when.hi}: {what.hi} पर कोई कर्मी नियुक्त नहीं",
            f"{when.en}: nobody on the {what.en}",
        )
        return [RosterWarning("unstaffed", message, shift.duty_on, shift.slot_id)]
    if shift.roster is Roster.HELP_DESK and not any(p.is_woman for p in shift.staff):
        message = Message(
            f"{when.hi}: हेल्प डेस्क पाली पर कोई महिला कर्मी नहीं",
            f"{when.en}: no woman on the help desk shift",
        )
        return [RosterWarning("desk_no_woman", message, shift.duty_on, shift.slot_id)]
    return []


def roster_warnings(
    roster: Roster, monday: date, shifts: Sequence[RosterShift]
) -> list[RosterWarning]:
    """What the in-charge should fix in one roster's week, by day: unstaffed shifts, help
    desk shifts without a woman, short squads, and days with no help desk shift at all."""
    week = [s for s in in_week(shifts, monday) if s.roster is roster]
    warnings = [w for shift in week for w in _shift_warnings(shift)]
    if roster is Roster.HELP_DESK:
        covered = {s.duty_on for s in week}
        for day in week_days(monday):
            if day not in covered:
                name = day_name(day)
                message = Message(
                    f"{name.hi}: हेल्प डेस्क की कोई पाली नहीं",
                    f"{name.en}: no help desk shift at all",
                )
                warnings.append(RosterWarning("desk_day_uncovered", message, day))
    return sorted(warnings, key=lambda w: w.day)  # stable: a day's shifts stay in hour order


def week_grid(monday: date, shifts: Sequence[RosterShift]) -> list[GridLine]:
    """The week as rows of recurring shifts (same hours and team or place) by seven days.

    A second shift with the same hours and label on the same day gets a row of its own below,
    so every cell holds at most one shift and can be acted on."""
    rows: dict[tuple[time, time, str], list[list[RosterShift | None]]] = {}
    for shift in in_week(shifts, monday):
        column = (shift.duty_on - monday).days
        lines = rows.setdefault((shift.starts_at, shift.ends_at, shift.line_label), [])
        free = next((line for line in lines if line[column] is None), None)
        if free is None:
            free = [None] * DAYS_IN_WEEK
            lines.append(free)
        free[column] = shift
    return [
        GridLine(starts_at, ends_at, label, tuple(cells))
        for (starts_at, ends_at, label), lines in sorted(rows.items(), key=lambda kv: kv[0])
        for cells in lines
    ]


_RANK_ORDER = {rank: index for index, rank in enumerate(Rank)}


def women_first(people: Iterable[RosterPerson]) -> list[RosterPerson]:
    """Choosers list women first (the help desk and beats need them), then by rank and name;
    each person once."""
    unique = {p.staff_id: p for p in people}
    return sorted(
        unique.values(), key=lambda p: (not p.is_woman, _RANK_ORDER[p.rank], p.name, p.staff_id)
    )


def choosable_staff(
    serving: Iterable[RosterPerson], assigned: Iterable[RosterPerson]
) -> list[RosterPerson]:
    """Who can be ticked for a shift: the staff serving that week, plus anyone already on it
    (a person since transferred must still be removable)."""
    return women_first([*serving, *assigned])
