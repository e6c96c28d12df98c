"""The circle view: one line per station the database holds, for one month.

Every figure is taken from that station's monthly progress report (``monthly_data``), so the
line of a station in the circle view and its own report always agree; nothing is counted here
a second way. It lives beside the monthly report rather than in ``ops`` because ops may not
import reports (the layers point one way).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from msk_desktop.domain.deadlines import DeadlineState
from msk_desktop.ops.circle import circle_stations, station_context
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.report_data import StationInfo
from msk_desktop.reports.monthly_data import (
    MonthlyReport,
    Rates,
    ReportMonth,
    build_monthly_report,
)


@dataclass(frozen=True)
class CircleRow:
    station_id: str
    station: StationInfo
    as_of: date
    overdue_investigations: int
    due_soon_investigations: int
    deadlines_on_time: int  # deadlines of every rule met in the month
    deadlines_late: int
    applications_pending: int
    # PPK referrals whose outcome has not come back (the monthly report keeps no pendency of
    # support referrals; the inspection checklist lists those still unanswered).
    ppk_pending: int
    roster_shifts: int
    roster_staffed: int
    staff_violations: int
    staff_warnings: int
    directions_open: int
    directions_overdue: int
    rates: Rates  # ITSSO-style rates of the month

    @property
    def roster_coverage(self) -> float | None:
        return self.roster_staffed / self.roster_shifts if self.roster_shifts else None


def circle_summary(ctx: OpContext, month: ReportMonth) -> list[CircleRow]:
    """One line per station in the database (by station code) for ``month``, judged on the
    month's last day, or today in the month not yet over."""
    return [
        _row(
            station.station_id,
            build_monthly_report(station_context(ctx, station.station_id), month),
        )
        for station in circle_stations(ctx)
    ]


def _row(station_id: str, report: MonthlyReport) -> CircleRow:
    investigations = [line.state for line in report.investigations]
    return CircleRow(
        station_id=station_id,
        station=report.station,
        as_of=report.as_of,
        overdue_investigations=investigations.count(DeadlineState.OVERDUE),
        due_soon_investigations=investigations.count(DeadlineState.DUE_SOON),
        deadlines_on_time=sum(t.on_time for t in report.deadlines),
        deadlines_late=sum(t.late for t in report.deadlines),
        applications_pending=report.helpdesk.pending_at_end,
        ppk_pending=report.ppk.pending_at_end,
        roster_shifts=sum(line.shifts for line in report.rosters),
        roster_staffed=sum(line.staffed for line in report.rosters),
        staff_violations=sum(f.violation for f in report.staff_findings),
        staff_warnings=sum(not f.violation for f in report.staff_findings),
        directions_open=report.directions.open_at_end,
        directions_overdue=report.directions.overdue_at_end,
        rates=report.rates_month,
    )
