"""What an entry's history pane shows: its parts (an FIR's victims by pseudonym, accused,
milestones; follow-ups; counselling sessions; directions) and its audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from msk_desktop.domain.catalogue import SectionRef, offence_catalogue
from msk_desktop.domain.errors import Message
from msk_desktop.domain.forms import FORMS_BY_TABLE
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.lookups import load
from msk_desktop.ops.permissions import require
from msk_desktop.ops.registers import register
from msk_desktop.store.base import StationScoped
from msk_desktop.store.models import (
    CounsellingSession,
    FirAccused,
    FirMilestone,
    FirSection,
    FirVictim,
    FollowUp,
    InspectionDirection,
)
from msk_desktop.store.queries.entry_history import audit_trail, child_rows


@dataclass(frozen=True)
class Part:
    title: Message
    table: str  # its form (FORMS_BY_TABLE) says how to show each value
    rows: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class EntryHistory:
    parts: tuple[Part, ...]
    trail: tuple[tuple[datetime, str | None, str], ...]  # (when, who, action)


# (title, model, parent column, order column) of the parts each register has.
_PARTS: dict[str, tuple[tuple[Message, type[StationScoped], str, str], ...]] = {
    "fir": (
        (Message("पीड़िता (छद्म नाम)", "Victims (pseudonyms)"), FirVictim, "fir_id", "pseudonym"),
        (Message("अभियुक्त", "Accused"), FirAccused, "fir_id", "created_at"),
        (Message("प्रक्रम", "Milestones"), FirMilestone, "fir_id", "happened_at"),
    ),
    "counselling_case": (
        (Message("परामर्श सत्र", "Sessions"), CounsellingSession, "case_id", "held_on"),
    ),
    "inspection_entry": (
        (Message("निर्देश", "Directions"), InspectionDirection, "entry_id", "created_at"),
    ),
}
FOLLOW_UPS = Message("अनुवर्ती कार्यवाही", "Follow-ups")
SECTIONS = Message("धाराएँ", "Sections")
# Shown besides a part's form fields (values the ops set).
_SHOWN_EXTRA = ("pseudonym", "compliance_status", "compliance_note")


def _as_dict(row: StationScoped, table: str) -> dict[str, Any]:
    names = [s.name for s in FORMS_BY_TABLE.get(table, ())] + list(_SHOWN_EXTRA)
    return {n: getattr(row, n) for n in names if hasattr(row, n)}


def _section_rows(rows: list[FirSection]) -> tuple[dict[str, Any], ...]:
    """ "BNS 64 — बलात्संग / Rape": the section with its title from the catalogue."""
    catalogue = offence_catalogue()
    shown = []
    for row in rows:
        ref = SectionRef(row.law, row.section)
        known = catalogue.get(ref)
        title = f" — {known.title_hi} / {known.title_en}" if known else ""
        shown.append({"section": ref.label() + title})
    return tuple(shown)


def fir_sections(ctx: OpContext, fir_id: str) -> list[str]:
    """The FIR's sections as typed in its form ("BNS 64"), in the FIR's order."""
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        load(session, register("fir").model, fir_id, ctx.actor.station_id)
        rows = child_rows(session, FirSection, "fir_id", fir_id, "ordinal")
        return [SectionRef(r.law, r.section).label() for r in rows]


def entry_history(ctx: OpContext, register_name: str, entry_id: str) -> EntryHistory:
    require(ctx, "read_registers")
    spec = register(register_name)
    with ctx.db.read() as session:
        load(session, spec.model, entry_id, ctx.actor.station_id)
        parts = [
            Part(
                title,
                model.__tablename__,
                tuple(
                    _as_dict(r, model.__tablename__)
                    for r in child_rows(session, model, parent, entry_id, order)
                ),
            )
            for title, model, parent, order in _PARTS.get(register_name, ())
        ]
        if register_name == "fir":
            sections = child_rows(session, FirSection, "fir_id", entry_id, "ordinal")
            parts.insert(0, Part(SECTIONS, "fir_section", _section_rows(sections)))
        follow_ups = child_rows(
            session, FollowUp, "parent_id", entry_id, "done_on", {"parent_table": register_name}
        )
        if follow_ups:
            parts.append(
                Part(FOLLOW_UPS, "follow_up", tuple(_as_dict(r, "follow_up") for r in follow_ups))
            )
        trail = tuple(audit_trail(session, entry_id))
    return EntryHistory(tuple(parts), trail)
