"""Measures taken inside one process, on a working copy of a station: login to today's work, a
register view (open, sort, filter) against QSqlTableModel, global search against a bare FTS5
MATCH, saving an FIR against a raw sqlite3 insert, and the monthly report."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bench import baselines
from bench.fiveyear import USERNAME
from bench.measure import clock, median, percentile, timed
from msk_desktop.gui.language import Language
from msk_desktop.gui.main_window import MainWindow
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.ops.browse import table_columns
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.search import global_search
from msk_desktop.ops.station import login, station_name
from msk_desktop.reports.jobs import MonthlyRequest, render_report
from msk_desktop.reports.monthly_data import ReportMonth
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.queries.search import fts_query

REGISTER = "fir"
SORT_COLUMN = "io_name"  # no index: both sides sort every row
STATUSES = ("chargesheeted", "under_investigation")
# (typed in the view's filter, the LIKE a plain table would need for the same words)
TEXT_FILTERS = (("बाज़ार", "place LIKE '%बाज़ार%'"), ("College", "place LIKE '%College%'"))
# Global search, Hindi and English: places, IO names, victim pseudonyms, crime heads, sections.
SEARCHES = ("डेमो बाज़ार", "Demo Colony", "उपनिरीक्षक डेमो 7", "पीड़िता-2024", "BNS 85", "kidnapping")
SEARCH_LIMIT = 60
REPORT_MONTH = ReportMonth(2025, 10)


@dataclass(frozen=True)
class Paired:
    """Our figure and the baseline's, both in ms."""

    ours: float
    base: float


@dataclass(frozen=True)
class StationFigures:
    firs: int
    login: float  # median: password to an open database (Argon2id, open, quick check, audit)
    login_to_dashboard: float  # median: password to today's work drawn
    view_open: Paired  # median, first screen drawn
    sort: Paired  # median
    status_filter: Paired  # median
    text_filter: Paired  # median
    search_p95: Paired
    report: float  # median, monthly report rendered to PDF in memory


def _draw() -> None:
    QApplication.processEvents()


def measure_login(layout: DataLayout, password: str, runs: int) -> tuple[float, float]:
    """(login median, login to today's work median): the main window opens on today's work."""
    logins, totals = [], []
    for _ in range(runs):
        start = time.perf_counter()
        ctx = login(layout, USERNAME, password, clock)
        opened = time.perf_counter()
        window = MainWindow(ctx, Language("hi"), station_name(ctx))
        window.resize(1280, 720)
        window.show()
        _draw()
        done = time.perf_counter()
        logins.append((opened - start) * 1000)
        totals.append((done - start) * 1000)
        window.close()
        window.deleteLater()
        ctx.db.close()
        _draw()
    return median(logins), median(totals)


class _Views:
    """Register views opened during a measure, closed together afterwards."""

    def __init__(self, ctx: OpContext) -> None:
        self.ctx, self.language = ctx, Language("hi")
        self.open: list[RegisterView] = []

    def new(self) -> RegisterView:
        view = RegisterView(self.ctx, REGISTER, self.language)
        view.resize(1280, 640)
        view.show()
        _draw()
        self.open.append(view)
        return view

    def close(self) -> None:
        for view in self.open:
            view.close()
            view.deleteLater()
        _draw()


def _alternating(runs: int, act: Callable[[int], object]) -> list[float]:
    """Each run does something different from the last (a repeated sort would be a no-op)."""
    samples = []
    for n in range(runs):
        start = time.perf_counter()
        act(n)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def measure_views(ctx: OpContext, plain: Path, runs: int) -> dict[str, Paired]:
    views = _Views(ctx)
    qt = baselines.QtTable(plain, REGISTER)
    try:
        qt.open()  # warm both sides alike: the first open pays for imports and caches
        views.new()
        ours_open = timed(views.new, runs)
        base_open = timed(qt.open, runs)
        view = views.open[0]
        column = 1 + [c.name for c in table_columns(REGISTER)].index(SORT_COLUMN)

        def sort(n: int) -> None:
            order = Qt.SortOrder.DescendingOrder if n % 2 else Qt.SortOrder.AscendingOrder
            view.table.sortByColumn(column, order)
            _draw()

        ours_sort = _alternating(runs, sort)
        base_sort = _alternating(runs, lambda n: qt.sort(SORT_COLUMN, bool(n % 2)))

        def status(n: int) -> None:
            view.model.set_browse(replace(view.model.browse, status=STATUSES[n % 2]))
            _draw()

        ours_status = _alternating(runs, status)
        base_status = _alternating(runs, lambda n: qt.filter(f"status = '{STATUSES[n % 2]}'"))

        def text(n: int) -> None:
            words = TEXT_FILTERS[n % 2][0]
            view.model.set_browse(replace(view.model.browse, status=None, text=words))
            _draw()

        ours_text = _alternating(runs, text)
        base_text = _alternating(runs, lambda n: qt.filter(TEXT_FILTERS[n % 2][1]))
    finally:
        views.close()
        qt.close()
    return {
        "open": Paired(median(ours_open), median(base_open)),
        "sort": Paired(median(ours_sort), median(base_sort)),
        "status": Paired(median(ours_status), median(base_status)),
        "text": Paired(median(ours_text), median(base_text)),
    }


def measure_search(ctx: OpContext, runs: int) -> Paired:
    """p95 over ``runs`` rounds of every query, each side."""
    ours: list[float] = []
    base: list[float] = []
    matches = [fts_query(q) or "" for q in SEARCHES]
    for _ in range(runs):
        for query, match in zip(SEARCHES, matches, strict=True):
            ours += timed(partial(global_search, ctx, query, SEARCH_LIMIT), 1)
            base += timed(partial(baselines.fts_match, ctx, match, SEARCH_LIMIT), 1)
    return Paired(percentile(ours, 95), percentile(base, 95))


def measure_report(ctx: OpContext, runs: int) -> float:
    request = MonthlyRequest(REPORT_MONTH)
    render_report(ctx, request)  # the first render loads fonts and shaping tables once
    return median(timed(lambda: render_report(ctx, request), runs))


def measure_save(ctx: OpContext, plain: Path, runs: int) -> Paired:
    """p95 of saving one new FIR (validation, audit, outbox, search index, fsync) against a
    raw sqlite3 insert + commit of an FIR row into the same table of the plain copy."""
    # Crime numbers stop at 99,999; the stress stations use fewer than 25,000 a year.
    crime_numbers = iter(range(90_001, 100_000))
    raw_numbers = iter(range(1_000_001, 10**7))

    def save() -> None:
        number = next(crime_numbers)
        register_fir(
            ctx,
            {
                "crime_no": number,
                "crime_year": 2025,
                "registered_at": datetime(2025, 11, 19, 11, 0),
                "offence_date": datetime(2025, 11, 18).date(),
                "place": "डेमो बाज़ार (काल्पनिक)",
                "io_name": "उपनिरीक्षक डेमो 1 (काल्पनिक)",
                "status": "under_investigation",
            },
            ["BNS 74"],
            [{"age": 24, "gender": "female"}],
        )

    save()  # warm
    ours = timed(save, runs)
    raw = baselines.raw_writer(plain)
    try:
        cursor = raw.execute(f"SELECT * FROM {REGISTER} LIMIT 1")
        names = [d[0] for d in cursor.description]
        template = dict(zip(names, cursor.fetchone(), strict=True))
        marks = ", ".join("?" for _ in names)
        statement = f"INSERT INTO {REGISTER} ({', '.join(names)}) VALUES ({marks})"

        def insert() -> None:
            number = next(raw_numbers)
            row: dict[str, Any] = {
                **template,
                "id": str(uuid.uuid4()),
                "serial_no": number,
                "crime_no": number,
            }
            raw.execute("BEGIN")
            raw.execute(statement, [row[n] for n in names])
            raw.execute("COMMIT")

        insert()
        base = timed(insert, runs)
    finally:
        raw.close()
    return Paired(percentile(ours, 95), percentile(base, 95))


def measure_station(
    layout: DataLayout, password: str, firs: int, work: Path, runs: int
) -> tuple[StationFigures, OpContext, Path]:
    """Every in-process measure on ``layout`` (a working copy). Returns the figures and, still
    open, the context and the plain copy, for measures the caller adds."""
    login_median, to_dashboard = measure_login(layout, password, runs)
    ctx = login(layout, USERNAME, password, clock)
    plain = baselines.plain_copy(ctx, work / f"plain-{firs}.db")
    views = measure_views(ctx, plain, runs)
    figures = StationFigures(
        firs=firs,
        login=login_median,
        login_to_dashboard=to_dashboard,
        view_open=views["open"],
        sort=views["sort"],
        status_filter=views["status"],
        text_filter=views["text"],
        search_p95=measure_search(ctx, runs),
        report=measure_report(ctx, max(3, runs // 3)),
    )
    return figures, ctx, plain
