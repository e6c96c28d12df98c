"""The circle view and the monthly report over stations of many years (``bulk_stations``):
reading only what a month can count gives the same report as reading every row, and each
station's circle line is its own monthly report's figures."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pytest

from msk_desktop.domain.deadlines import DeadlineState
from msk_desktop.ops.circle import station_context
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.report_data import monthly_source
from msk_desktop.reports.circle_data import circle_summary, circle_trend
from msk_desktop.reports.monthly_data import (
    ReportMonth,
    build_month_figures,
    build_monthly_report,
    compile_monthly,
    counted_since,
    trend_months,
)
from tests.ops.conftest import TODAY, StationHandle
from tests.reports.bulk_stations import Size, add_stations

# The month not yet over, its neighbours, a December and a January (the year-to-date and the
# trend reach back differently), the month the BNS came in, and one years back.
MONTHS = (
    ReportMonth.of(TODAY),
    ReportMonth(2026, 1),
    ReportMonth(2025, 12),
    ReportMonth(2025, 10),
    ReportMonth(2024, 7),
    ReportMonth(2022, 3),
)
EVERYTHING_SINCE = date(1990, 1, 1)


@pytest.fixture
def circle(station: StationHandle) -> Iterator[list[OpContext]]:
    """Three stations of five years each (a small slice of the busy size), data up to today."""
    ids = add_stations(station.db, 3, Size.busy(0.04), TODAY)
    officer = station.as_role(Role.CIRCLE_OFFICER)
    yield [station_context(officer, station_id) for station_id in ids]


@pytest.mark.parametrize("month", MONTHS, ids=str)
def test_reading_only_what_the_month_counts_gives_the_same_report(
    circle: list[OpContext], month: ReportMonth
) -> None:
    as_of = min(month.last_day, TODAY)
    for ctx in circle:
        lean = monthly_source(
            ctx, month.first_day, month.last_day, as_of, since=counted_since(month)
        )
        # Every FIR, and every application, case and referral received by the month's end.
        wide = monthly_source(ctx, EVERYTHING_SINCE, month.last_day, as_of)
        assert len(lean.firs) < len(wide.firs)
        everything = dataclasses.replace(
            lean,
            firs=wide.firs,
            helpdesk=wide.helpdesk,
            counselling=wide.counselling,
            ppk=wide.ppk,
            support=wide.support,
        )
        report = compile_monthly(lean, month, as_of)
        assert report == compile_monthly(everything, month, as_of)
        assert report == build_monthly_report(ctx, month)
        # The circle view's read: only the FIRs still open when the month began, or newer.
        (figures,) = build_month_figures(ctx, [month])
        assert {f.name: getattr(report, f.name) for f in dataclasses.fields(figures)} == {
            f.name: getattr(figures, f.name) for f in dataclasses.fields(figures)
        }


def test_the_data_has_what_the_report_tells_apart(circle: list[OpContext]) -> None:
    """The comparisons mean something only if the months hold such cases."""
    reports = [build_monthly_report(ctx, month) for ctx in circle for month in MONTHS[:4]]
    assert any(r.head_total.received for r in reports)
    assert any(r.head_total.disposed for r in reports)
    assert any(r.rates_year.pending_at_start for r in reports)
    states = {line.state for r in reports for line in r.investigations}
    assert states == {DeadlineState.OVERDUE, DeadlineState.DUE_SOON}
    assert any(t.late for r in reports for t in r.deadlines)
    assert any(r.helpdesk.pending_at_end and r.ppk.pending_at_end for r in reports)
    assert any(r.directions.overdue_at_end for r in reports)


@pytest.mark.parametrize("month", MONTHS[:4], ids=str)
def test_each_circle_line_is_the_stations_own_monthly_report(
    station: StationHandle, circle: list[OpContext], month: ReportMonth
) -> None:
    lines = {row.station_id: row for row in circle_summary(circle[0], month)}
    assert set(lines) == {ctx.actor.station_id for ctx in circle} | {station.station_id}
    for ctx in circle:
        report = build_monthly_report(ctx, month)
        row = lines[ctx.actor.station_id]
        states = [line.state for line in report.investigations]
        assert (row.station, row.as_of, row.rates) == (
            report.station,
            report.as_of,
            report.rates_month,
        )
        assert row.overdue_investigations == states.count(DeadlineState.OVERDUE)
        assert row.due_soon_investigations == states.count(DeadlineState.DUE_SOON)
        assert row.deadlines_on_time == sum(t.on_time for t in report.deadlines)
        assert row.deadlines_late == sum(t.late for t in report.deadlines)
        assert row.applications_pending == report.helpdesk.pending_at_end
        assert row.ppk_pending == report.ppk.pending_at_end
        assert row.roster_shifts == sum(line.shifts for line in report.rosters)
        assert row.roster_staffed == sum(line.staffed for line in report.rosters)
        assert row.staff_violations == sum(f.violation for f in report.staff_findings)
        assert row.staff_warnings == sum(not f.violation for f in report.staff_findings)
        assert row.directions_open == report.directions.open_at_end
        assert row.directions_overdue == report.directions.overdue_at_end


@pytest.mark.parametrize(
    "months", [trend_months(ReportMonth.of(TODAY)), MONTHS], ids=["a year", "years apart"]
)
def test_months_read_together_give_each_months_own_lines(
    circle: list[OpContext], months: tuple[ReportMonth, ...]
) -> None:
    """The trend reads each station once for all its months; every month's lines are still
    those of the circle view of that month alone."""
    together = circle_trend(circle[0], months)
    assert list(together) == list(months)
    for month in months:
        assert together[month] == circle_summary(circle[0], month)
