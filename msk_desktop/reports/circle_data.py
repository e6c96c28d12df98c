"""The circle view: one line per station the database holds, for one month.

Every figure is taken from that station's monthly progress report (``monthly_data``: the
figures the month alone decides, ``month_figures``, which the full report is built from too),
so the line of a station in the circle view and its own report always agree; nothing is
counted here a second way. Beside the figures, each line carries when the station last synced
with the district (what this database was last told), so the officer sees how fresh they are.
It lives beside the monthly report rather than in ``ops`` because ops may not import reports
(the layers point one way).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime

from msk_desktop.domain.deadlines import DeadlineState
from msk_desktop.domain.errors import Message
from msk_desktop.ops.circle import circle_stations, station_context
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.report_data import StationInfo
from msk_desktop.reports.monthly_data import (
    MonthFigures,
    Rates,
    ReportMonth,
    build_month_figures,
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
    last_sync: datetime | None  # with the district; None: never, or not known here

    @property
    def roster_coverage(self) -> float | None:
        return self.roster_staffed / self.roster_shifts if self.roster_shifts else None


def circle_summary(ctx: OpContext, month: ReportMonth) -> list[CircleRow]:
    """One line per station in the database (by station code) for ``month``, judged on the
    month's last day, or today in the month not yet over."""
    return circle_trend(ctx, [month])[month]


def circle_trend(
    ctx: OpContext, months: Sequence[ReportMonth]
) -> dict[ReportMonth, list[CircleRow]]:
    """The circle view of each of ``months``: the same lines, month by month. Each station's
    registers are read once for all the months."""
    found: dict[ReportMonth, list[CircleRow]] = {month: [] for month in months}
    for station in circle_stations(ctx):
        figures = build_month_figures(station_context(ctx, station.station_id), months)
        for month, month_figures in zip(months, figures, strict=True):
            found[month].append(_row(station.station_id, month_figures, station.last_sync))
    return found


CIRCLE_TOTAL = Message("सर्किल योग", "Circle total")


def circle_total(rows: Sequence[CircleRow], as_of: date) -> CircleRow:
    """The stations' lines as one line: every count summed, and the rates worked out again
    from the summed counts (the rate of the sum, never an average of the stations' rates)."""

    def summed(kind: type[object], lines: Sequence[object]) -> dict[str, int]:
        # Every whole-number field, so a count added to the line later is summed as well.
        return {
            f.name: sum(getattr(line, f.name) for line in lines)
            for f in fields(kind)  # type: ignore[arg-type]
            if f.type == "int"
        }

    circle = {row.station.circle for row in rows}
    district = {row.station.district for row in rows}
    return CircleRow(
        station_id="",
        station=StationInfo(
            "",
            CIRCLE_TOTAL,
            district.pop() if len(district) == 1 else "",
            circle.pop() if len(circle) == 1 else "",
            None,
        ),
        as_of=as_of,
        rates=Rates(
            period=rows[0].rates.period if rows else Message("", ""),
            **summed(Rates, [row.rates for row in rows]),
        ),
        # The circle's figures are only as fresh as its stalest station's: the oldest sync,
        # or none when a station never synced.
        last_sync=_oldest([row.last_sync for row in rows]),
        **summed(CircleRow, rows),
    )


def _oldest(moments: Sequence[datetime | None]) -> datetime | None:
    if not moments or None in moments:
        return None
    return min(m for m in moments if m is not None)


def _row(station_id: str, report: MonthFigures, last_sync: datetime | None) -> CircleRow:
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
        last_sync=last_sync,
    )
