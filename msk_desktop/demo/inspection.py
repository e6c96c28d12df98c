"""The inspection book: the circle officer's signed visits, with directions the Kendra complied
with, is still working on, and one it let slip past its date."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from msk_desktop.demo import names
from msk_desktop.demo.world import World
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.inspection import record_compliance, record_inspection
from msk_desktop.ops.report_data import inspection_source


@dataclass(frozen=True)
class DirectionPlan:
    text: int  # index in names.DIRECTIONS
    due_after: int | None  # days after the visit
    complied_after: int | None  # days after the visit; None: not yet complied
    partly: bool = False


@dataclass(frozen=True)
class Visit:
    days_ago: int
    observation: int  # index in names.INSPECTION_OBSERVATIONS
    directions: tuple[DirectionPlan, ...]


D = DirectionPlan
VISITS = (
    Visit(300, 0, (D(0, 15, 10), D(1, 30, 25))),
    Visit(230, 1, (D(2, 15, 21),)),  # complied six days after its date
    Visit(160, 3, (D(3, 15, 12), D(9, None, 40, partly=True))),  # a standing direction
    # The one overdue direction: due 30 days after a visit 95 days ago, so 65 days overdue.
    Visit(95, 2, (D(4, 10, 8), D(8, 30, None))),
    Visit(30, 4, (D(6, 40, None), D(5, None, None))),  # open, not yet due
)
OVERDUE_DIRECTION_DAYS = 95 - 30
MIN_VISITS = 4


def seed_inspections(world: World) -> None:
    visits = VISITS[-max(MIN_VISITS, round(len(VISITS) * world.scale)) :]
    world.progress(f"Inspection book: {len(visits)} visits")
    for visit in visits:
        _enter_visit(world, visit)


def _fixed_clock(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def _enter_visit(world: World, visit: Visit) -> None:
    day = world.days_ago(visit.days_ago)
    # The entry is signed by the officer's account at the moment of writing: during the visit.
    officer = dataclasses.replace(world.co, clock=_fixed_clock(world.at(day, 11, 30)))
    texts = [names.pick(names.DIRECTIONS, d.text) for d in visit.directions]
    directions = [
        {
            "direction": text,
            "responsible": names.bilingual("प्रभारी मिशन शक्ति केन्द्र", "MSK in-charge"),
            "due_on": day + timedelta(days=d.due_after) if d.due_after is not None else None,
        }
        for text, d in zip(texts, visit.directions, strict=True)
    ]
    result = record_inspection(
        officer,
        {
            "visited_on": day,
            "officer_name": names.CIRCLE_OFFICER,
            "officer_rank": names.CIRCLE_OFFICER_RANK,
            "observations": names.pick(names.INSPECTION_OBSERVATIONS, visit.observation),
        },
        directions,
    )
    world.counts["inspection_entry"] += 1
    world.counts["inspection_direction"] += len(directions)
    ids = _direction_ids(world.ctx, result.entity_id)
    for text, plan in zip(texts, visit.directions, strict=True):
        if plan.complied_after is not None:
            record_compliance(
                world.ctx,
                ids[_key(text)],
                {
                    "compliance_status": "partly_complied" if plan.partly else "complied",
                    "compliance_note": names.pick(names.COMPLIANCE_NOTES, 1 if plan.partly else 0),
                    "complied_on": day + timedelta(days=plan.complied_after),
                },
            )


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _direction_ids(ctx: OpContext, entry_id: str) -> dict[str, str]:
    """Direction id by text: record_inspection returns only the entry's id, and
    record_compliance needs the id of each direction."""
    source = inspection_source(ctx, entry_id)
    return {_key(d.direction): d.id for d in source.directions}
