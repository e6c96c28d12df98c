"""The inspection report of one visit: the officer's entry and where each direction stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from msk_desktop.ops.context import OpContext
from msk_desktop.ops.report_data import StationInfo, inspection_source


@dataclass(frozen=True)
class DirectionStatus:
    number: int
    direction: str
    responsible: str | None
    due_on: date | None
    compliance_status: str  # open, partly_complied, complied
    compliance_note: str | None
    complied_on: date | None
    overdue_days: int | None  # not complied and past its date, judged on the day printed


@dataclass(frozen=True)
class InspectionReport:
    station: StationInfo
    serial: str
    visited_on: date
    officer_name: str
    officer_rank: str
    observations: str
    signed_at: datetime | None
    signed_by: str | None
    as_of: date
    directions: tuple[DirectionStatus, ...]

    @property
    def complied(self) -> int:
        return sum(d.compliance_status == "complied" for d in self.directions)

    @property
    def overdue(self) -> int:
        return sum(d.overdue_days is not None for d in self.directions)


def build_inspection_report(ctx: OpContext, entry_id: str) -> InspectionReport:
    source = inspection_source(ctx, entry_id)
    today = ctx.today()
    directions = tuple(
        DirectionStatus(
            number=number,
            direction=d.direction,
            responsible=d.responsible,
            due_on=d.due_on,
            compliance_status=d.compliance_status,
            compliance_note=d.compliance_note,
            complied_on=d.complied_on,
            overdue_days=(today - d.due_on).days
            if d.compliance_status != "complied" and d.due_on is not None and d.due_on < today
            else None,
        )
        for number, d in enumerate(source.directions, start=1)
    )
    return InspectionReport(
        station=source.station,
        serial=source.serial,
        visited_on=source.visited_on,
        officer_name=source.officer_name,
        officer_rank=source.officer_rank,
        observations=source.observations,
        signed_at=source.signed_at,
        signed_by=source.signed_by,
        as_of=today,
        directions=directions,
    )
