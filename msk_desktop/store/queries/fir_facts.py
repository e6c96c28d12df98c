"""Per-FIR facts that the deadline rules need, read in one pass (no query per FIR)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import case, func, select, type_coerce, union
from sqlalchemy.orm import Session

from msk_desktop.store.models import Fir, FirMilestone, FirSection
from msk_desktop.store.types import UtcDateTime


@dataclass(frozen=True)
class FirFacts:
    fir_id: str
    serial: str
    crime_no: int
    crime_year: int
    crime_head: str
    io_name: str | None
    status: str
    registered_at: datetime
    offence_date: date
    sections: tuple[tuple[str, str], ...]
    chargesheet_on: date | None
    final_report_on: date | None
    first_milestone: dict[str, datetime]  # kind -> earliest time


_KINDS = ("medical_exam", "medical_report_forwarded", "cwc_report", "victim_update")


def fir_facts(
    session: Session,
    station_id: str,
    open_or_registered_since: date | None = None,
    *,
    only_fir: str | None = None,
) -> list[FirFacts]:
    """Facts of the station's FIRs; with ``open_or_registered_since``, only those still under
    investigation or registered since that day (the parts are read for those FIRs only); with
    ``only_fir``, of that one FIR."""
    station = (Fir.station_id == station_id, Fir.deleted_at.is_(None))
    if only_fir is not None:
        chosen_ids = select(Fir.id).where(*station, Fir.id == only_fir).scalar_subquery()
    elif open_or_registered_since is None:
        chosen_ids = select(Fir.id).where(*station).scalar_subquery()
    else:
        since = datetime.combine(open_or_registered_since, time(), tzinfo=UTC)
        # A UNION, not an OR: each half uses its own index instead of reading every FIR.
        chosen_ids = union(
            select(Fir.id).where(*station, Fir.status == "under_investigation"),
            select(Fir.id).where(*station, Fir.registered_at >= since),
        ).scalar_subquery()
    milestone_cols = [
        # type_coerce: the aggregate comes back as an aware datetime, like the column itself.
        type_coerce(
            func.min(case((FirMilestone.kind == kind, FirMilestone.happened_at))), UtcDateTime
        ).label(kind)
        for kind in _KINDS
    ]
    milestones = (
        select(FirMilestone.fir_id, *milestone_cols)
        .where(FirMilestone.deleted_at.is_(None), FirMilestone.fir_id.in_(chosen_ids))
        .group_by(FirMilestone.fir_id)
        .subquery()
    )
    sections = (
        select(
            FirSection.fir_id,
            func.group_concat(FirSection.law + " " + FirSection.section, "|").label("refs"),
        )
        .where(FirSection.deleted_at.is_(None), FirSection.fir_id.in_(chosen_ids))
        .group_by(FirSection.fir_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Fir.id,
            Fir.serial_no,
            Fir.serial_year,
            Fir.crime_no,
            Fir.crime_year,
            Fir.crime_head,
            Fir.io_name,
            Fir.status,
            Fir.registered_at,
            Fir.offence_date,
            Fir.chargesheet_on,
            Fir.final_report_on,
            sections.c.refs,
            *(milestones.c[kind] for kind in _KINDS),
        )
        .outerjoin(sections, sections.c.fir_id == Fir.id)
        .outerjoin(milestones, milestones.c.fir_id == Fir.id)
        .where(Fir.id.in_(chosen_ids))
        .order_by(Fir.registered_at)
    ).all()
    facts = []
    for row in rows:
        refs = tuple(
            (law, section)
            for law, _, section in (ref.partition(" ") for ref in (row.refs or "").split("|"))
            if law
        )
        first = {kind: moment for kind in _KINDS if (moment := row._mapping[kind]) is not None}
        facts.append(
            FirFacts(
                fir_id=row.id,
                serial=f"{row.serial_no}/{row.serial_year}",
                crime_no=row.crime_no,
                crime_year=row.crime_year,
                crime_head=row.crime_head,
                io_name=row.io_name,
                status=row.status,
                registered_at=row.registered_at,
                offence_date=row.offence_date,
                sections=refs,
                chargesheet_on=row.chargesheet_on,
                final_report_on=row.final_report_on,
                first_milestone=first,
            )
        )
    return facts
