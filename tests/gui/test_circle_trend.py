"""The circle view's 12-month trend, driven through the real widget over stations of five
years (``bulk_stations``): choose a measure and a station, wait for the chart, and its points
are the circle view's own figures of those months."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from msk_desktop.gui.circle_view import COLUMNS, RATE_COLUMNS, CircleView
from msk_desktop.gui.language import Language
from msk_desktop.ops.context import OpContext
from msk_desktop.reports.circle_data import circle_summary, circle_total
from msk_desktop.reports.monthly_data import ReportMonth, trend_months
from tests.gui.conftest import NOW
from tests.gui.test_inspection_view import _overdue_fir
from tests.reports.bulk_stations import Size, add_stations

TITLES = [title.en for title, _value in COLUMNS]


def _measure(view: CircleView, title: str) -> None:
    view.measure.setCurrentIndex(TITLES.index(title))


def _expected(
    ctx: OpContext, title: str, station_id: str
) -> tuple[list[float | None], list[float | None]]:
    """The circle's and the station's figures of the measure, month by month, from
    ``circle_summary`` itself."""
    _title, value_of = COLUMNS[TITLES.index(title)]
    circle: list[float | None] = []
    station: list[float | None] = []
    for month in trend_months(ReportMonth.of(NOW.date())):
        rows = circle_summary(ctx, month)
        total = circle_total(rows, min(month.last_day, NOW.date()))
        circle.append(value_of(total))
        station.append(value_of(next(r for r in rows if r.station_id == station_id)))
    return circle, station


def test_choosing_a_measure_draws_the_circle_and_the_station_over_twelve_months(
    qtbot: QtBot, ctx: OpContext
) -> None:
    ids = add_stations(ctx.db, 2, Size.busy(0.03), NOW.date())
    view = CircleView(ctx, Language("en"), lambda _station: None)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.trend_drawn, timeout=60000):
        pass  # the first month, then the eleven before it, counted in the background
    assert view.chart.months == tuple(m.short for m in trend_months(ReportMonth.of(NOW.date())))
    assert [s.label for s in view.chart.series] == ["Circle total"]

    # A station chosen in the table: its line joins the circle's, with no recount.
    row = next(r for r in range(view.table.rowCount()) if view.station_at(r) == ids[1])
    with qtbot.waitSignal(view.trend_drawn, timeout=1000):
        view.table.selectRow(row)
    _measure(view, "Applications pending")
    circle, station = view.chart.series
    assert station.label.startswith("BULK-02")
    expected_circle, expected_station = _expected(ctx, "Applications pending", ids[1])
    assert list(circle.values) == expected_circle
    assert list(station.values) == expected_station
    assert any(expected_station) and expected_circle != expected_station
    assert not view.chart.rates

    # A rate: the circle's is worked out from the summed counts, not averaged.
    _measure(view, "Disposal rate")
    assert TITLES.index("Disposal rate") in RATE_COLUMNS and view.chart.rates
    circle, station = view.chart.series
    expected_circle, expected_station = _expected(ctx, "Disposal rate", ids[1])
    assert list(circle.values) == expected_circle
    assert list(station.values) == expected_station


def test_a_save_counts_the_trend_again(qtbot: QtBot, ctx: OpContext) -> None:
    add_stations(ctx.db, 1, Size.busy(0.02), NOW.date())
    view = CircleView(ctx, Language("en"), lambda _station: None)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.trend_drawn, timeout=60000):
        pass
    _measure(view, "Investigations overdue")
    before = view.chart.series[0].values
    # Registered 01-08-2025 under the 60-day rule: due 30-09-2025, so overdue at the end of
    # October and on 20 November (today), and not before.
    with qtbot.waitSignal(view.trend_drawn, timeout=60000):
        _overdue_fir(ctx)
    after = view.chart.series[0].values
    assert after[:-2] == before[:-2]
    assert after[-2:] == tuple(value + 1 for value in before[-2:] if value is not None)
