"""What the printed reports read: register entries of a date range with the labels of what they
point at, and the rows behind the monthly progress report.

Nothing here reads ``protected_identity``: a report names protected people by their pseudonyms
only (BNS 72, POCSO 23). Reads are bounded by the report's period wherever the arithmetic allows,
so a five-year station costs little more than a new one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    exists,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from msk_desktop.domain.dates import IST
from msk_desktop.store.base import RegisterEntry, StationScoped
from msk_desktop.store.models import (
    AwarenessProgramme,
    CounsellingCase,
    DutyRosterAssignment,
    DutyRosterSlot,
    Fir,
    FirMilestone,
    FirSection,
    FirVictim,
    HelpdeskApplication,
    InspectionDirection,
    InspectionEntry,
    PpkReferral,
    PreventiveAction,
    StaffDeploymentMember,
    StaffMember,
    Station,
    SupportReferral,
)
from msk_desktop.store.types import UtcDateTime

# Ids per IN (...) list: well under SQLite's limit on bound parameters.
ID_CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), ID_CHUNK):
        yield unique[start : start + ID_CHUNK]


def _start_of(day: date) -> datetime:
    """The first moment of an Indian calendar day (stored timestamps are UTC)."""
    return datetime.combine(day, time(), IST)


def _within(column: InstrumentedAttribute[Any], first: date, last: date) -> ColumnElement[bool]:
    """``column`` (a date, or a UTC timestamp read as an IST day) falls in [first, last]."""
    if isinstance(column.type, UtcDateTime):
        return and_(column >= _start_of(first), column < _start_of(last + timedelta(days=1)))
    return column.between(first, last)


# ---- the station -------------------------------------------------------------------------


@dataclass(frozen=True)
class StationRow:
    code: str
    name_hi: str
    name_en: str
    district: str
    circle: str


def station_row(session: Session, station_id: str) -> StationRow:
    station = session.get(Station, station_id)
    if station is None:
        raise LookupError(f"no station {station_id}")
    return StationRow(
        station.code, station.name_hi, station.name_en, station.district, station.circle
    )


def in_charge_name(session: Session, station_id: str, on: date) -> str | None:
    """The in-charge serving on ``on`` by the staff register (who signs a printout)."""
    return session.execute(
        select(StaffMember.name)
        .where(
            StaffMember.station_id == station_id,
            StaffMember.deleted_at.is_(None),
            StaffMember.is_in_charge.is_(True),
            StaffMember.posted_on <= on,
            or_(StaffMember.removed_on.is_(None), StaffMember.removed_on > on),
        )
        .order_by(StaffMember.posted_on.desc())
        .limit(1)
    ).scalar()


# ---- register printouts ------------------------------------------------------------------


def entries_between(
    session: Session,
    model: type[StationScoped],
    station_id: str,
    fields: Sequence[str],
    day_field: str,
    first: date,
    last: date,
) -> list[dict[str, Any]]:
    """Entries dated ``first``..``last`` by ``day_field``, in register order, as dicts of
    ``id`` (and ``serial_no``/``serial_year`` for numbered registers) and ``fields``."""
    columns: list[InstrumentedAttribute[Any]] = [getattr(model, name) for name in fields]
    day = getattr(model, day_field)
    keys: list[InstrumentedAttribute[Any]] = [model.id]
    order: list[Any]
    if issubclass(model, RegisterEntry):
        keys += [model.serial_no, model.serial_year]
        order = [model.serial_year, model.serial_no]
    else:
        order = [day, model.id]
    condition = _within(day, first, last)
    if model is StaffMember:
        # A staff register printout shows everyone who served during the period.
        condition = and_(
            StaffMember.posted_on <= last,
            or_(StaffMember.removed_on.is_(None), StaffMember.removed_on >= first),
        )
    rows = session.execute(
        select(*keys, *columns)
        .where(model.station_id == station_id, model.deleted_at.is_(None), condition)
        .order_by(*order)
    ).all()
    return [dict(row._mapping) for row in rows]


def crime_numbers(session: Session, fir_ids: Sequence[str]) -> dict[str, str]:
    """FIR id -> "crime no./year" as the police station's own register writes it."""
    found: dict[str, str] = {}
    for chunk in _chunks(fir_ids):
        for fir_id, number, year in session.execute(
            select(Fir.id, Fir.crime_no, Fir.crime_year).where(Fir.id.in_(chunk))
        ):
            found[fir_id] = f"{number}/{year}"
    return found


def serial_numbers(
    session: Session, model: type[RegisterEntry], ids: Sequence[str]
) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in _chunks(ids):
        for entry_id, number, year in session.execute(
            select(model.id, model.serial_no, model.serial_year).where(model.id.in_(chunk))
        ):
            found[entry_id] = f"{number}/{year}"
    return found


def section_labels(session: Session, fir_ids: Sequence[str]) -> dict[str, list[str]]:
    """FIR id -> its sections in the order entered ("BNS 64", "POCSO 4")."""
    found: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(fir_ids):
        for fir_id, law, section in session.execute(
            select(FirSection.fir_id, FirSection.law, FirSection.section)
            .where(FirSection.fir_id.in_(chunk), FirSection.deleted_at.is_(None))
            .order_by(FirSection.fir_id, FirSection.ordinal)
        ):
            found[fir_id].append(f"{law} {section}")
    return found


@dataclass(frozen=True)
class VictimLabel:
    """What a printout may say about a victim: the pseudonym and the age."""

    pseudonym: str
    age: int | None


def victims_of(session: Session, fir_ids: Sequence[str]) -> dict[str, list[VictimLabel]]:
    found: dict[str, list[VictimLabel]] = defaultdict(list)
    for chunk in _chunks(fir_ids):
        for fir_id, pseudonym, age in session.execute(
            select(FirVictim.fir_id, FirVictim.pseudonym, FirVictim.age)
            .where(FirVictim.fir_id.in_(chunk), FirVictim.deleted_at.is_(None))
            .order_by(FirVictim.fir_id, FirVictim.pseudonym)
        ):
            found[fir_id].append(VictimLabel(pseudonym, age))
    return found


def victim_pseudonyms(session: Session, victim_ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in _chunks(victim_ids):
        for victim_id, pseudonym in session.execute(
            select(FirVictim.id, FirVictim.pseudonym).where(FirVictim.id.in_(chunk))
        ):
            found[victim_id] = pseudonym
    return found


def staff_on(
    session: Session,
    link: type[DutyRosterAssignment] | type[StaffDeploymentMember],
    parent_field: str,
    ids: Sequence[str],
) -> dict[str, list[str]]:
    """Roster slot or deployment id -> names of the staff on it (in staff register order);
    ``link`` is the assignment table and ``parent_field`` its column naming the slot or
    deployment."""
    parent = getattr(link, parent_field)
    found: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(ids):
        for parent_id, name in session.execute(
            select(parent, StaffMember.name)
            .join(StaffMember, StaffMember.id == link.staff_id)
            .where(parent.in_(chunk), link.deleted_at.is_(None))
            .order_by(parent, StaffMember.serial_year, StaffMember.serial_no)
        ):
            found[parent_id].append(name)
    return found


@dataclass(frozen=True)
class DirectionRow:
    id: str
    entry_id: str
    entry_serial: str
    visited_on: date
    direction: str
    responsible: str | None
    due_on: date | None
    compliance_status: str
    compliance_note: str | None
    complied_on: date | None


def _direction_rows(session: Session, *conditions: ColumnElement[bool]) -> list[DirectionRow]:
    rows = session.execute(
        select(
            InspectionDirection.id,
            InspectionDirection.entry_id,
            InspectionEntry.serial_no,
            InspectionEntry.serial_year,
            InspectionEntry.visited_on,
            InspectionDirection.direction,
            InspectionDirection.responsible,
            InspectionDirection.due_on,
            InspectionDirection.compliance_status,
            InspectionDirection.compliance_note,
            InspectionDirection.complied_on,
        )
        .join(InspectionEntry, InspectionEntry.id == InspectionDirection.entry_id)
        .where(
            InspectionDirection.deleted_at.is_(None),
            InspectionEntry.deleted_at.is_(None),
            *conditions,
        )
        # Directions have no number of their own: the book's order is the order written. The
        # directions of one visit are written in one transaction, at the same moment and in the
        # same millisecond of their UUIDv7 ids (whose low bits are random), so only SQLite's
        # rowid keeps the order in which they were added.
        .order_by(
            InspectionEntry.serial_year,
            InspectionEntry.serial_no,
            InspectionDirection.created_at,
            literal_column("inspection_direction.rowid"),
        )
    ).all()
    return [
        DirectionRow(
            r.id,
            r.entry_id,
            f"{r.serial_no}/{r.serial_year}",
            r.visited_on,
            r.direction,
            r.responsible,
            r.due_on,
            r.compliance_status,
            r.compliance_note,
            r.complied_on,
        )
        for r in rows
    ]


def directions_of(session: Session, entry_ids: Sequence[str]) -> dict[str, list[DirectionRow]]:
    found: dict[str, list[DirectionRow]] = defaultdict(list)
    for chunk in _chunks(entry_ids):
        for row in _direction_rows(session, InspectionDirection.entry_id.in_(chunk)):
            found[row.entry_id].append(row)
    return found


@dataclass(frozen=True)
class VisitRow:
    """One visit of the inspection book, as a list to choose a visit from shows it."""

    id: str
    serial: str
    visited_on: date
    officer_name: str
    officer_rank: str


def inspection_visits(session: Session, station_id: str) -> list[VisitRow]:
    """Every visit of the station's inspection book, the latest first."""
    rows = session.execute(
        select(
            InspectionEntry.id,
            InspectionEntry.serial_no,
            InspectionEntry.serial_year,
            InspectionEntry.visited_on,
            InspectionEntry.officer_name,
            InspectionEntry.officer_rank,
        )
        .where(InspectionEntry.station_id == station_id, InspectionEntry.deleted_at.is_(None))
        .order_by(InspectionEntry.visited_on.desc(), InspectionEntry.serial_no.desc())
    ).all()
    return [
        VisitRow(
            r.id, f"{r.serial_no}/{r.serial_year}", r.visited_on, r.officer_name, r.officer_rank
        )
        for r in rows
    ]


def directions_until(session: Session, station_id: str, last: date) -> list[DirectionRow]:
    """Every direction of visits on or before ``last``."""
    return _direction_rows(
        session, InspectionEntry.station_id == station_id, InspectionEntry.visited_on <= last
    )


# ---- the monthly progress report ---------------------------------------------------------


def firs_counted(station_id: str, since: date, first: date, last: date) -> Select[str]:
    """Ids of the FIRs a report of ``first``..``last`` can count when none of its periods
    begins before ``since``: those registered by ``last`` that were registered since ``since``,
    were still under investigation on ``since`` (no chargesheet or final report before it), or
    have a milestone in ``first``..``last`` (a deadline met in the month). An FIR closed before
    ``since`` with no milestone in the month is in no count of the report, and a five-year
    station has thousands of those."""
    open_on_since = and_(
        or_(Fir.chargesheet_on.is_(None), Fir.chargesheet_on >= since),
        or_(Fir.final_report_on.is_(None), Fir.final_report_on >= since),
    )
    milestone_in_month = select(FirMilestone.fir_id).where(
        FirMilestone.station_id == station_id,
        FirMilestone.deleted_at.is_(None),
        _within(FirMilestone.happened_at, first, last),
    )
    return select(Fir.id).where(
        Fir.station_id == station_id,
        Fir.deleted_at.is_(None),
        Fir.registered_at < _start_of(last + timedelta(days=1)),
        or_(Fir.registered_at >= _start_of(since), open_on_since, Fir.id.in_(milestone_in_month)),
    )


@dataclass(frozen=True)
class HelpdeskRow:
    received_at: datetime
    status: str
    disposed_on: date | None
    fir_registered_at: datetime | None  # of the FIR registered on the application, if any


def helpdesk_rows(session: Session, station_id: str, first: date, last: date) -> list[HelpdeskRow]:
    """Applications received by ``last`` that were still open on ``first`` or later."""
    app = HelpdeskApplication
    columns = (app.received_at, app.status, app.disposed_on, Fir.registered_at)
    received_by_last = (
        app.station_id == station_id,
        app.deleted_at.is_(None),
        app.received_at < _start_of(last + timedelta(days=1)),
    )
    # Two disjoint halves, each found through ix_helpdesk_application_open without reading
    # the years of applications disposed before ``first``.
    disposed_since = (
        select(*columns)
        .outerjoin(Fir, Fir.id == app.fir_id)
        .where(*received_by_last, app.disposed_on >= first)
    )
    no_disposal_date = (
        select(*columns)
        .outerjoin(Fir, Fir.id == app.fir_id)
        .where(
            *received_by_last,
            app.disposed_on.is_(None),
            # One closed without a disposal date (referred, or an FIR registered on it) closed
            # on the day it came or its FIR's day: it was open on ``first`` only if either day
            # is ``first`` or later.
            or_(
                app.status == "pending",
                app.received_at >= _start_of(first),
                Fir.registered_at >= _start_of(first),
            ),
        )
    )
    rows = session.execute(union_all(disposed_since, no_disposal_date)).all()
    return [HelpdeskRow(*row) for row in rows]


@dataclass(frozen=True)
class CounsellingRow:
    opened_on: date
    case_kind: str
    mandatory: bool
    outcome: str | None
    closed_on: date | None


def counselling_rows(
    session: Session, station_id: str, first: date, last: date
) -> list[CounsellingRow]:
    """Cases opened by ``last`` and not closed before ``first``."""
    rows = session.execute(
        select(
            CounsellingCase.opened_on,
            CounsellingCase.case_kind,
            CounsellingCase.mandatory,
            CounsellingCase.outcome,
            CounsellingCase.closed_on,
        ).where(
            CounsellingCase.station_id == station_id,
            CounsellingCase.deleted_at.is_(None),
            CounsellingCase.opened_on <= last,
            or_(CounsellingCase.closed_on.is_(None), CounsellingCase.closed_on >= first),
        )
    ).all()
    return [CounsellingRow(*row) for row in rows]


@dataclass(frozen=True)
class ReferralRow:
    """A PPK or support-service referral: when it went, where, and what came back when."""

    referred_on: date
    service: str  # the PPK centre, or the support service's code
    outcome: str | None
    outcome_on: date | None


def referral_rows(
    session: Session,
    model: type[PpkReferral] | type[SupportReferral],
    station_id: str,
    first: date,
    last: date,
) -> list[ReferralRow]:
    """Referrals made by ``last`` whose outcome had not come back before ``first``."""
    if model is PpkReferral:
        service, outcome, outcome_on = PpkReferral.ppk_centre, model.outcome, model.outcome_on
    else:
        service, outcome, outcome_on = (
            SupportReferral.service,
            SupportReferral.result,
            SupportReferral.result_on,
        )
    rows = session.execute(
        select(model.referred_on, service, outcome, outcome_on).where(
            model.station_id == station_id,
            model.deleted_at.is_(None),
            model.referred_on <= last,
            or_(outcome_on.is_(None), outcome_on >= first),
        )
    ).all()
    return [ReferralRow(*row) for row in rows]


def preventive_actions_by_kind(
    session: Session, station_id: str, first: date, last: date
) -> dict[str, int]:
    rows = session.execute(
        select(PreventiveAction.action_code, func.count())
        .where(
            PreventiveAction.station_id == station_id,
            PreventiveAction.deleted_at.is_(None),
            PreventiveAction.action_on.between(first, last),
        )
        .group_by(PreventiveAction.action_code)
    ).all()
    return {code: int(count) for code, count in rows}


@dataclass(frozen=True)
class AwarenessRow:
    kind: str
    programmes: int
    people_reached: int


def awareness_by_kind(
    session: Session, station_id: str, first: date, last: date
) -> list[AwarenessRow]:
    rows = session.execute(
        select(
            AwarenessProgramme.kind,
            func.count(),
            func.coalesce(func.sum(AwarenessProgramme.people_reached), 0),
        )
        .where(
            AwarenessProgramme.station_id == station_id,
            AwarenessProgramme.deleted_at.is_(None),
            AwarenessProgramme.held_on.between(first, last),
        )
        .group_by(AwarenessProgramme.kind)
    ).all()
    return [AwarenessRow(kind, int(count), int(people)) for kind, count, people in rows]


@dataclass(frozen=True)
class ShiftCount:
    roster: str
    shifts: int
    staffed: int  # shifts with at least one person on them


def roster_coverage(session: Session, station_id: str, first: date, last: date) -> list[ShiftCount]:
    someone_on = exists().where(
        DutyRosterAssignment.slot_id == DutyRosterSlot.id,
        DutyRosterAssignment.deleted_at.is_(None),
    )
    rows = session.execute(
        select(
            DutyRosterSlot.roster,
            func.count(),
            func.coalesce(func.sum(case((someone_on, 1), else_=0)), 0),
        )
        .where(
            DutyRosterSlot.station_id == station_id,
            DutyRosterSlot.deleted_at.is_(None),
            DutyRosterSlot.duty_on.between(first, last),
        )
        .group_by(DutyRosterSlot.roster)
    ).all()
    return [ShiftCount(roster, int(shifts), int(staffed)) for roster, shifts, staffed in rows]
