"""Duty rosters of the demo Kendra: help desk shifts round the clock, the anti-Romeo squad at
school and college gates, and the women beats, for the last weeks up to the current one.

The first week is drawn up shift by shift and copied forward, as in-charges do; the last two
weeks are drawn up again by hand, with a few help desk shifts left unstaffed on purpose."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from msk_desktop.demo import names
from msk_desktop.demo.world import StaffRecord, World
from msk_desktop.ops.rosters import add_roster_slot, copy_roster_week

WEEKS_AT_FULL_SCALE = 8
HAND_DRAWN_WEEKS = 2  # the last weeks, where the gaps are
# Unstaffed help desk shifts in each hand-drawn week (oldest first).
GAPS_PER_WEEK = (3, 2)
DESK_SHIFTS = ((time(8), time(14)), (time(14), time(20)), (time(20), time(8)))
ROMEO_SLOTS = ((time(7, 30), time(9)), (time(13, 30), time(15)))
BEAT_HOURS = (time(10), time(14))
CONSTABULARY = ("head_constable", "constable")


@dataclass(frozen=True)
class Slot:
    values: dict[str, Any]
    staff: tuple[StaffRecord, ...]


def seed_rosters(world: World) -> None:
    weeks = max(HAND_DRAWN_WEEKS + 1, round(WEEKS_AT_FULL_SCALE * world.scale))
    this_monday = world.today - timedelta(days=world.today.weekday())
    mondays = [this_monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    world.progress(f"Duty rosters: {weeks} weeks")
    for roster, planner in (
        ("help_desk", _desk_week),
        ("anti_romeo", _romeo_week),
        ("women_beat", _beat_week),
    ):
        template = planner(world, mondays[0], 0)
        _add_slots(world, template)
        for monday in mondays[1:-HAND_DRAWN_WEEKS]:
            copy_roster_week(world.ctx, roster, mondays[0], monday)
            world.counts["duty_roster_slot"] += len(template)
        for week, monday in enumerate(mondays[-HAND_DRAWN_WEEKS:]):
            slots = planner(world, monday, week + 1)
            if roster == "help_desk":
                slots = _leave_unstaffed(world, slots, GAPS_PER_WEEK[week])
            _add_slots(world, slots)


def _add_slots(world: World, slots: list[Slot]) -> None:
    for slot in slots:
        add_roster_slot(world.ctx, slot.values, [s.id for s in slot.staff])
        world.counts["duty_roster_slot"] += 1


def _report(world: World, day: date, texts: tuple[tuple[str, str], ...]) -> str | None:
    """What the squad or beat reported, for shifts already over."""
    return names.pick(texts, world.rng.randrange(len(texts))) if day < world.today else None


def _rota(people: list[StaffRecord], index: int, count: int = 1) -> tuple[StaffRecord, ...]:
    if not people:
        return ()
    return tuple(people[(index + i) % len(people)] for i in range(count))


def _on_duty(
    world: World, monday: date, *, ranks: tuple[str, ...], gender: str
) -> list[StaffRecord]:
    """Who can be put on the roster for the whole week."""
    return [
        s
        for s in world.staff_on(monday, ranks=ranks, gender=gender)
        if s.active_on(monday + timedelta(days=6))
    ]


def _desk_week(world: World, monday: date, offset: int) -> list[Slot]:
    women = _on_duty(world, monday, ranks=(*CONSTABULARY, "home_guard"), gender="female")
    slots = []
    for day in range(7):
        for shift, (starts, ends) in enumerate(DESK_SHIFTS):
            index = day * len(DESK_SHIFTS) + shift + offset
            # Two women on the night shift, one by day.
            count = 2 if shift == len(DESK_SHIFTS) - 1 else 1
            values = {
                "roster": "help_desk",
                "duty_on": monday + timedelta(days=day),
                "starts_at": starts,
                "ends_at": ends,
                "place": names.HELP_DESK,
            }
            slots.append(Slot(values, _rota(women, index, count)))
    return slots


def _leave_unstaffed(world: World, slots: list[Slot], gaps: int) -> list[Slot]:
    """Nobody on ``gaps`` shifts, chosen among those already past when there are enough."""
    past = [i for i, s in enumerate(slots) if s.values["duty_on"] < world.today]
    pool = past if len(past) >= gaps else list(range(len(slots)))
    empty = set(world.rng.sample(pool, gaps))
    return [Slot(s.values, ()) if i in empty else s for i, s in enumerate(slots)]


def _romeo_week(world: World, monday: date, offset: int) -> list[Slot]:
    women = _on_duty(world, monday, ranks=CONSTABULARY, gender="female")
    men = _on_duty(world, monday, ranks=CONSTABULARY, gender="male")
    slots = []
    for day in range(6):  # school days
        duty_on = monday + timedelta(days=day)
        for team, (starts, ends) in enumerate(ROMEO_SLOTS):
            index = day * len(ROMEO_SLOTS) + team + offset
            hotspot = names.HOTSPOTS[(2 * team + day) % len(names.HOTSPOTS)]
            values = {
                "roster": "anti_romeo",
                "duty_on": duty_on,
                "starts_at": starts,
                "ends_at": ends,
                "place": names.bilingual(*hotspot),
                "team_name": names.bilingual(
                    f"एण्टी रोमियो टीम-{team + 1}", f"Anti-Romeo team {team + 1}"
                ),
                "report": _report(world, duty_on, names.ROMEO_REPORTS),
            }
            slots.append(Slot(values, _rota(women, index) + _rota(men, index)))
    return slots


def _beat_week(world: World, monday: date, offset: int) -> list[Slot]:
    women = _on_duty(world, monday, ranks=(*CONSTABULARY, "home_guard"), gender="female")
    slots = []
    for beat, (label, villages) in enumerate(names.BEATS):
        for day in (beat, beat + 3):  # each beat twice a week
            duty_on = monday + timedelta(days=day)
            values = {
                "roster": "women_beat",
                "duty_on": duty_on,
                "starts_at": BEAT_HOURS[0],
                "ends_at": BEAT_HOURS[1],
                "place": names.bilingual(*label),
                "area": ", ".join(names.village(v) for v in villages),
                "report": _report(world, duty_on, names.BEAT_REPORTS),
            }
            slots.append(Slot(values, _rota(women, beat * 2 + day + offset, 2)))
    return slots
