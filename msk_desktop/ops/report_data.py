"""What the printed reports read, and the audit entry of every print.

Each reader checks the role, reads in one read transaction (so a report shows one consistent
moment of the register), and returns plain frozen data. None of them reads the protected
identity table: printouts carry pseudonyms only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from msk_desktop.domain.dates import ist_date
from msk_desktop.domain.deadlines import CaseFacts
from msk_desktop.domain.errors import Message, NotFound
from msk_desktop.domain.staffing import Posting
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.deadlines import _case_facts
from msk_desktop.ops.lookups import REF_TARGETS, load
from msk_desktop.ops.permissions import require
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.store.base import RegisterEntry, StationScoped
from msk_desktop.store.models import (
    AppUser,
    DutyRosterAssignment,
    DutyRosterSlot,
    Fir,
    FirVictim,
    InspectionEntry,
    PpkReferral,
    StaffDeploymentMember,
    SupportReferral,
)
from msk_desktop.store.queries.due_items import postings
from msk_desktop.store.queries.fir_facts import fir_facts
from msk_desktop.store.queries.report_queries import (
    AwarenessRow,
    CounsellingRow,
    DirectionRow,
    HelpdeskRow,
    ReferralRow,
    ShiftCount,
    VictimLabel,
    VisitRow,
    awareness_by_kind,
    counselling_rows,
    crime_numbers,
    directions_of,
    directions_until,
    entries_between,
    firs_counted,
    helpdesk_rows,
    in_charge_name,
    inspection_visits,
    preventive_actions_by_kind,
    referral_rows,
    roster_coverage,
    section_labels,
    serial_numbers,
    staff_on,
    station_row,
    victim_pseudonyms,
    victims_of,
)

__all__ = [
    "PRINTABLE",
    "AwarenessRow",
    "CounsellingRow",
    "DirectionRow",
    "FigureSource",
    "FirCase",
    "HelpdeskRow",
    "InspectionSource",
    "MonthlySource",
    "Printable",
    "ReferralRow",
    "RegisterExtract",
    "RegisterRow",
    "ShiftCount",
    "StationInfo",
    "VictimLabel",
    "VisitRow",
    "figure_sources",
    "inspection_source",
    "inspection_visit_id",
    "inspection_visit_list",
    "monthly_source",
    "record_print",
    "register_extract",
]


@dataclass(frozen=True)
class Printable:
    """A register that can be printed: its table, its title, and the date that places an
    entry in a period."""

    name: str
    model: type[StationScoped]
    title: Message
    day_field: str


PRINTABLE: dict[str, Printable] = {
    **{
        name: Printable(name, spec.model, spec.title, spec.year_field)
        for name, spec in REGISTERS.items()
    },
    "duty_roster_slot": Printable(
        "duty_roster_slot", DutyRosterSlot, Message("ड्यूटी रोस्टर", "Duty rosters"), "duty_on"
    ),
}


@dataclass(frozen=True)
class StationInfo:
    code: str
    name: Message
    district: str
    circle: str
    in_charge: str | None  # by the staff register, on the day the report speaks of


def _station(session: Session, ctx: OpContext, on: date) -> StationInfo:
    row = station_row(session, ctx.actor.station_id)
    return StationInfo(
        row.code,
        Message(row.name_hi, row.name_en),
        row.district,
        row.circle,
        in_charge_name(session, ctx.actor.station_id, on),
    )


# ---- register printouts ------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    id: str
    serial: str | None  # "12/2025"; None for roster slots, which have no serial number
    values: Mapping[str, Any]  # the fields asked for, as stored
    linked: Mapping[str, str]  # reference field -> crime no., serial or pseudonym it points at
    sections: tuple[str, ...] = ()  # an FIR's sections, "BNS 64"
    victims: tuple[VictimLabel, ...] = ()  # an FIR's victims: pseudonym and age
    staff: tuple[str, ...] = ()  # who was on a roster slot or a deployment
    directions: tuple[DirectionRow, ...] = ()  # an inspection entry's directions


@dataclass(frozen=True)
class RegisterExtract:
    register: Printable
    first: date
    last: date
    station: StationInfo
    rows: tuple[RegisterRow, ...]


def _labels_of(session: Session, field: str, ids: Sequence[str]) -> dict[str, str]:
    target = REF_TARGETS[field]
    if target is Fir:
        return crime_numbers(session, ids)
    if target is FirVictim:
        return victim_pseudonyms(session, ids)
    assert issubclass(target, RegisterEntry)
    return serial_numbers(session, target, ids)


def register_extract(
    ctx: OpContext, register: str, first: date, last: date, fields: Sequence[str]
) -> RegisterExtract:
    """Entries of ``register`` dated ``first``..``last`` (for the staff register: everyone who
    served in the period), with ``fields`` and the labels of what they point at."""
    require(ctx, "read_registers")
    printable = PRINTABLE[register]
    columns = sa_inspect(printable.model).columns
    unknown = [name for name in fields if name not in columns]
    if unknown:
        raise ValueError(f"{register} has no fields {unknown}")
    station_id = ctx.actor.station_id
    with ctx.db.read() as session:
        entries = entries_between(
            session, printable.model, station_id, fields, printable.day_field, first, last
        )
        ids = [e["id"] for e in entries]
        links = {
            name: _labels_of(session, name, [e[name] for e in entries if e[name]])
            for name in fields
            if name in REF_TARGETS
        }
        sections = section_labels(session, ids) if register == "fir" else {}
        victims = victims_of(session, ids) if register == "fir" else {}
        staff: dict[str, list[str]] = {}
        if register == "duty_roster_slot":
            staff = staff_on(session, DutyRosterAssignment, "slot_id", ids)
        elif register == "staff_deployment":
            staff = staff_on(session, StaffDeploymentMember, "deployment_id", ids)
        directions = directions_of(session, ids) if register == "inspection_entry" else {}
        station = _station(session, ctx, min(last, ctx.today()))
    rows = tuple(
        RegisterRow(
            id=e["id"],
            serial=f"{e['serial_no']}/{e['serial_year']}" if "serial_no" in e else None,
            values={name: e[name] for name in fields},
            linked={name: labels[e[name]] for name, labels in links.items() if e[name] in labels},
            sections=tuple(sections.get(e["id"], ())),
            victims=tuple(victims.get(e["id"], ())),
            staff=tuple(staff.get(e["id"], ())),
            directions=tuple(directions.get(e["id"], ())),
        )
        for e in entries
    )
    return RegisterExtract(printable, first, last, station, rows)


# ---- the monthly progress report ---------------------------------------------------------


@dataclass(frozen=True)
class FirCase:
    """One FIR as the monthly report counts it."""

    fir_id: str
    crime_no: str  # "123/2025"
    crime_head: str
    io_name: str | None
    status: str
    registered_on: date  # the Indian calendar day
    facts: CaseFacts  # what the deadline rules need

    @property
    def investigation_done_on(self) -> date | None:
        """Chargesheet or final report, whichever came first: the investigation's end."""
        return self.facts.investigation_done_on


@dataclass(frozen=True)
class FigureSource:
    """The rows behind the figures of ``first``..``last`` that the month alone decides
    (investigations, deadlines, the month's rates, applications, PPK, rosters, staff,
    directions), read at one moment: what the circle view's line of a station needs."""

    station: StationInfo
    # The FIRs the report can count (``firs_counted``): pendency at the start of a period needs
    # the older ones still open then, not the thousands closed long before.
    firs: tuple[FirCase, ...]
    helpdesk: tuple[HelpdeskRow, ...]
    ppk: tuple[ReferralRow, ...]
    rosters: tuple[ShiftCount, ...]
    postings: tuple[Posting, ...]
    directions: tuple[DirectionRow, ...]


@dataclass(frozen=True)
class MonthlySource(FigureSource):
    """Everything the monthly report of ``first``..``last`` counts, read at one moment."""

    preventive: Mapping[str, int]  # action code -> actions in the month
    counselling: tuple[CounsellingRow, ...]
    support: tuple[ReferralRow, ...]
    awareness: tuple[AwarenessRow, ...]


def monthly_source(
    ctx: OpContext, first: date, last: date, as_of: date, *, since: date | None = None
) -> MonthlySource:
    """The rows behind the monthly report of ``first``..``last``; ``as_of`` (the month's last
    day, or today in a month not yet over) names the in-charge who signs. ``since`` is the
    first day of the earliest period the report counts (its year, its trend): older FIRs
    closed before it are left unread. Without it, every FIR is read."""
    require(ctx, "read_registers")
    station_id = ctx.actor.station_id
    with ctx.db.read() as session:
        figures = _figure_source(session, ctx, first, last, as_of, since)
        return MonthlySource(
            **{f.name: getattr(figures, f.name) for f in fields(FigureSource)},
            preventive=preventive_actions_by_kind(session, station_id, first, last),
            counselling=tuple(counselling_rows(session, station_id, first, last)),
            support=tuple(referral_rows(session, SupportReferral, station_id, first, last)),
            awareness=tuple(awareness_by_kind(session, station_id, first, last)),
        )


def figure_sources(
    ctx: OpContext, periods: Sequence[tuple[date, date, date]]
) -> list[FigureSource]:
    """The rows behind the month's own figures of each period (first, last, as_of), read at
    one moment. The rows of the whole span are read once and shared by every period: each
    period's figures count only what its dates select, so more rows change nothing (the
    circle view's twelve-month trend reads a station once, not twelve times). Only the
    in-charge who signs and the shifts, which are counted in SQL, are read period by
    period."""
    require(ctx, "read_registers")
    station_id = ctx.actor.station_id
    first = min(period[0] for period in periods)
    last = max(period[1] for period in periods)
    with ctx.db.read() as session:
        shared = _figure_source(session, ctx, first, last, last, first)
        return [
            replace(
                shared,
                station=_station(session, ctx, as_of),
                rosters=tuple(roster_coverage(session, station_id, start, end)),
            )
            for start, end, as_of in periods
        ]


def _figure_source(
    session: Session, ctx: OpContext, first: date, last: date, as_of: date, since: date | None
) -> FigureSource:
    station_id = ctx.actor.station_id
    among = None if since is None else firs_counted(station_id, since, first, last)
    firs = tuple(
        FirCase(
            f.fir_id,
            f"{f.crime_no}/{f.crime_year}",
            f.crime_head,
            f.io_name,
            f.status,
            ist_date(f.registered_at),
            _case_facts(f),
        )
        for f in fir_facts(session, station_id, among=among)
    )
    return FigureSource(
        station=_station(session, ctx, as_of),
        firs=firs,
        helpdesk=tuple(helpdesk_rows(session, station_id, first, last)),
        ppk=tuple(referral_rows(session, PpkReferral, station_id, first, last)),
        rosters=tuple(roster_coverage(session, station_id, first, last)),
        postings=tuple(postings(session, station_id)),
        directions=tuple(directions_until(session, station_id, last)),
    )


# ---- the inspection report ---------------------------------------------------------------


@dataclass(frozen=True)
class InspectionSource:
    station: StationInfo
    serial: str
    visited_on: date
    officer_name: str
    officer_rank: str
    observations: str
    signed_at: datetime | None
    signed_by: str | None  # the account's full name
    directions: tuple[DirectionRow, ...]


def inspection_source(ctx: OpContext, entry_id: str) -> InspectionSource:
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        entry = load(session, InspectionEntry, entry_id, ctx.actor.station_id)
        signer = session.get(AppUser, entry.signed_by) if entry.signed_by else None
        return InspectionSource(
            station=_station(session, ctx, entry.visited_on),
            serial=f"{entry.serial_no}/{entry.serial_year}",
            visited_on=entry.visited_on,
            officer_name=entry.officer_name,
            officer_rank=entry.officer_rank,
            observations=entry.observations,
            signed_at=entry.signed_at,
            signed_by=signer.full_name if signer else None,
            directions=tuple(directions_of(session, [entry.id]).get(entry.id, ())),
        )


def inspection_visit_list(ctx: OpContext) -> tuple[VisitRow, ...]:
    """The visits an inspection report can be printed for, the latest first."""
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        return tuple(inspection_visits(session, ctx.actor.station_id))


def inspection_visit_id(ctx: OpContext, entry: str) -> str:
    """The id of the visit ``entry`` names, by its serial number ("4/2025") or its id."""
    wanted = entry.strip()
    for visit in inspection_visit_list(ctx):
        if wanted in (visit.serial, visit.id):
            return visit.id
    raise NotFound(
        Message(
            f"निरीक्षण पुस्तिका में प्रविष्टि {wanted} नहीं मिली",
            f"The inspection book has no entry {wanted}",
        )
    )


# ---- the audit entry of a print ----------------------------------------------------------


def record_print(
    ctx: OpContext,
    report: str,
    *,
    pages: int,
    entity_table: str | None = None,
    entity_id: str | None = None,
    **detail: str,
) -> None:
    """Write "report.print" in the audit log: which report, which period or entry, how many
    pages. Only codes and dates go in ``detail``, never a person."""
    require(ctx, "read_registers")
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        tx.audit("report.print", entity_table, entity_id, report=report, pages=pages, **detail)
