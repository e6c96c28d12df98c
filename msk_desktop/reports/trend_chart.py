"""The monthly report's 12-month trend: FIRs received per month, a line for each of the busiest
crime heads (the report's table beneath the chart gives every head).

The chart itself carries only digits (month labels, counts), which need no shaping; the head
names go in a legend table of shaped Paragraphs beneath it. Each line has its own marker as well
as its own colour, so the chart still reads on a black-and-white printer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import Marker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from msk_desktop.reports.fonts import report_fonts
from msk_desktop.reports.monthly_data import Trend, TrendSeries
from msk_desktop.reports.styles import ReportStyles, bilingual

SERIES_STYLE = (
    (colors.HexColor("#1F4E79"), "FilledCircle"),
    (colors.HexColor("#C55A11"), "FilledSquare"),
    (colors.HexColor("#548235"), "FilledTriangle"),
    (colors.HexColor("#7030A0"), "FilledDiamond"),
)
CHART_HEIGHT = 55 * mm
CHART_LINES = len(SERIES_STYLE)  # more lines than this would not read


def _axis_step(largest: int) -> int:
    """A whole-number step giving at most about five gridlines."""
    return max(1, math.ceil(largest / 5))


def trend_chart(trend: Trend, styles: ReportStyles, width: float) -> Flowable:
    fonts = report_fonts()
    drawing = Drawing(width, CHART_HEIGHT)
    series = trend.series[:CHART_LINES]
    if not series:
        drawing.add(String(width / 2, CHART_HEIGHT / 2, "-", fontName=fonts.regular))
        return drawing
    chart = HorizontalLineChart()
    chart.x, chart.y = round(12 * mm), round(8 * mm)
    chart.width, chart.height = round(width - 16 * mm), round(CHART_HEIGHT - 12 * mm)
    chart.data = [list(line.counts) for line in series]
    largest = max(max(line.counts) for line in series)
    step = _axis_step(largest)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * max(1, math.ceil(largest / step))
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.gridStrokeColor = colors.HexColor("#CCCCCC")
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = [month.short for month in trend.months]
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 7
    for index in range(len(series)):
        colour, _kind = SERIES_STYLE[index]
        chart.lines[index].strokeColor = colour
        chart.lines[index].strokeWidth = 1.2
        chart.lines[index].symbol = _marker(index)
    drawing.add(chart)
    return KeepTogether([drawing, _legend(series, styles, width)])


def _marker(index: int) -> Marker:
    colour, kind = SERIES_STYLE[index]
    return Marker(kind=kind, size=4, fillColor=colour, strokeColor=colour)


def _swatch(index: int) -> Drawing:
    colour, _kind = SERIES_STYLE[index]
    swatch = Drawing(10 * mm, 4 * mm)
    swatch.add(Line(0, 2 * mm, 10 * mm, 2 * mm, strokeColor=colour, strokeWidth=1.2))
    symbol = _marker(index)
    symbol.x, symbol.y = 5 * mm, 2 * mm
    swatch.add(symbol)
    return swatch


def _legend(series: Sequence[TrendSeries], styles: ReportStyles, width: float) -> Table:
    cells: list[Any] = []
    for index, line in enumerate(series):
        total = sum(line.counts)
        cells += [_swatch(index), Paragraph(f"{bilingual(line.title)} ({total})", styles.note)]
    rows = [cells[i : i + 4] for i in range(0, len(cells), 4)]
    if len(rows[-1]) < 4:
        rows[-1] += [""] * (4 - len(rows[-1]))
    column = width / 2
    return Table(
        rows,
        colWidths=[11 * mm, column - 11 * mm, 11 * mm, column - 11 * mm],
        style=TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
        hAlign="LEFT",
    )
