"""Reports over many stations of one file: the circle officer's view (every station of the
circle, this month) and the district's consolidated report (data and PDF), as the app and the
district run them."""

from __future__ import annotations

from dataclasses import dataclass

from bench.fiveyear import PASSWORD, USERNAME
from bench.measure import clock, median, repeated, seconds_of
from msk_desktop.ops.circle import circle_stations
from msk_desktop.ops.station import login
from msk_desktop.reports.circle_data import circle_summary
from msk_desktop.reports.district_data import build_district_report
from msk_desktop.reports.jobs import DistrictRequest, render_report
from msk_desktop.reports.monthly_data import ReportMonth
from msk_desktop.store.layout import DataLayout

REPORT_MONTH = ReportMonth(2025, 10)
BUDGET_S = 120  # of each measure's runs: at 50 stations one report took minutes under load


@dataclass(frozen=True)
class CircleFigures:
    stations: int  # on the file, as stations_on_file lists them
    runs: int
    view_ms: float  # median of circle_summary


@dataclass(frozen=True)
class DistrictFigures:
    stations: int
    runs: int
    pdf_ms: float  # median of the report rendered to PDF, data included
    data_ms: float  # build_district_report alone, once
    pages: int


def measure_circle(layout: DataLayout, runs: int) -> CircleFigures:
    ctx = login(layout, USERNAME, PASSWORD, clock)
    try:
        count = len(circle_stations(ctx))
        view = seconds_of(lambda: circle_summary(ctx, REPORT_MONTH))
        view()  # the first run reads the file from disk
        samples = repeated(view, runs, BUDGET_S)
    finally:
        ctx.db.close()
    return CircleFigures(count, len(samples), median(samples) * 1000)


def measure_district(layout: DataLayout, runs: int) -> DistrictFigures:
    """The consolidated report of the month over every station of the file, data and PDF (the
    fonts are loaded by then: the monthly report is measured first)."""
    ctx = login(layout, USERNAME, PASSWORD, clock)
    try:
        count = len(circle_stations(ctx))
        request = DistrictRequest(REPORT_MONTH)
        pages: list[int] = []
        samples = repeated(
            seconds_of(lambda: pages.append(render_report(ctx, request).pages)), runs, BUDGET_S
        )
        data = seconds_of(lambda: build_district_report(ctx, REPORT_MONTH))()
    finally:
        ctx.db.close()
    return DistrictFigures(count, len(samples), median(samples) * 1000, data * 1000, pages[0])
