"""The circle view (सर्किल): one line per station the database holds for a month, sortable by
any column, with when each station last synced with the district (a station quiet for more
than a week stands out: its figures may be old); double-clicking a station opens its
inspection checklist. Beneath the table, the
twelve months up to the chosen one of a measure chosen from the columns: the circle's line and
the selected station's.

Each month's lines are counted once in the background and kept until the registers change, so
choosing another measure, station or a month already counted redraws at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.dates import format_moment
from msk_desktop.domain.errors import Message, MskError
from msk_desktop.gui.circle_trend import Series, TrendChart
from msk_desktop.gui.language import Language
from msk_desktop.gui.refresh_when_shown import RefreshWhenShown
from msk_desktop.gui.worker import run_in_background
from msk_desktop.ops.context import OpContext
from msk_desktop.reports.circle_data import (
    CIRCLE_TOTAL,
    CircleRow,
    circle_summary,
    circle_total,
    circle_trend,
)
from msk_desktop.reports.formatting import format_rate
from msk_desktop.reports.monthly_data import ReportMonth, trend_months

ShowChecklist = Callable[[str], object]  # station id
STATION_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
MONTHS_OFFERED = 12

COLUMNS: tuple[tuple[Message, Callable[[CircleRow], float | None]], ...] = (
    (Message("विवेचना समय-सीमा पार", "Investigations overdue"), lambda r: r.overdue_investigations),
    (Message("इस सप्ताह देय", "Due this week"), lambda r: r.due_soon_investigations),
    (Message("समय-सीमा में पूर्ण (माह)", "Deadlines met on time"), lambda r: r.deadlines_on_time),
    (Message("विलम्ब से पूर्ण (माह)", "Deadlines met late"), lambda r: r.deadlines_late),
    (Message("लम्बित आवेदन", "Applications pending"), lambda r: r.applications_pending),
    (Message("लम्बित पीपीके सन्दर्भ", "PPK referrals pending"), lambda r: r.ppk_pending),
    (Message("रोस्टर पूर्ति", "Roster coverage"), lambda r: r.roster_coverage),
    (Message("कर्मचारी उल्लंघन", "Staff violations"), lambda r: r.staff_violations),
    (Message("निर्देश अनुपालन शेष", "Directions open"), lambda r: r.directions_open),
    (Message("निर्देश समय-सीमा पार", "Directions overdue"), lambda r: r.directions_overdue),
    (Message("निस्तारण दर", "Disposal rate"), lambda r: r.rates.disposal_rate),
    (Message("लम्बन दर", "Pendency rate"), lambda r: r.rates.pendency_rate),
    (Message("60 दिन अनुपालन दर", "60-day compliance rate"), lambda r: r.rates.compliance_rate),
)
RATE_COLUMNS = frozenset({6, 10, 11, 12})  # 0-based among COLUMNS: shown as percentages
# After the station and COLUMNS; not a measure of the trend, as it has no months.
LAST_SYNC_COLUMN = len(COLUMNS) + 1
LAST_SYNC = Message("अन्तिम सिंक", "Last sync")
NEVER_SYNCED = Message("कभी नहीं", "never")
STALE_AFTER = timedelta(days=7)
STALE_FILL = QColor("#f8d7da")
STALE_TIP = Message(
    "7 दिन से अधिक से सिंक नहीं हुआ: आँकड़े पुराने हो सकते हैं",
    "Not synced for more than 7 days: the figures may be old",
)


class _Cell(QTableWidgetItem):
    """Sorts by the number behind the text ("-" for nothing to divide by sorts first)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if isinstance(mine, str) or isinstance(theirs, str):
            return str(mine) < str(theirs)
        return float(mine if mine is not None else -1) < float(theirs if theirs is not None else -1)


class CircleView(QWidget):
    loaded = Signal()  # the table shows the chosen month
    trend_drawn = Signal()  # the chart shows the chosen measure's twelve months

    def __init__(self, ctx: OpContext, language: Language, show_checklist: ShowChecklist) -> None:
        super().__init__()
        self.ctx, self.language, self.show_checklist = ctx, language, show_checklist
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.status = QLabel()
        self.month = QComboBox()
        self.month.setObjectName("circle_month")
        this_month = ReportMonth.of(ctx.today())
        for back in range(MONTHS_OFFERED):
            month = this_month.shifted(-back)
            self.month.addItem(language.text(month.name), month)
        self.month.currentIndexChanged.connect(lambda _i: self.load_month())
        self.table = QTableWidget(0, LAST_SYNC_COLUMN + 1)
        self.table.setObjectName("circle_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(self._drill_down)
        self.table.itemSelectionChanged.connect(self.show_trend)
        self.trend_title = QLabel()
        self.measure = QComboBox()
        self.measure.setObjectName("circle_measure")
        for title, _value in COLUMNS:
            self.measure.addItem(language.text(title))
        self.measure.currentIndexChanged.connect(lambda _i: self.show_trend())
        self.chart = TrendChart()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.month)
        trend = QHBoxLayout()
        trend.addWidget(self.trend_title)
        trend.addWidget(self.measure)
        trend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.status)
        layout.addLayout(trend)
        layout.addWidget(self.chart, 2)
        self.rows: list[CircleRow] = []
        self.counted: dict[ReportMonth, list[CircleRow]] = {}
        # Counting started before the registers last changed is thrown away when it arrives.
        self.generation = 0
        self.trend_counting = False
        language.changed.connect(lambda _code: self._language_changed())
        # A save here, or a sync bringing other stations' work, changes the figures.
        self.when_shown = RefreshWhenShown(self, self.refresh)
        ctx.notifier.subscribe(self.when_shown.changed)
        self.refresh()

    def chosen_month(self) -> ReportMonth:
        month = self.month.currentData()
        assert isinstance(month, ReportMonth)
        return month

    def refresh(self) -> None:
        """Count again: the registers have changed."""
        self.generation += 1
        self.counted.clear()
        self.load_month()

    def load_month(self) -> None:
        month = self.chosen_month()
        if month in self.counted:
            self._show_month()
            return
        self.status.setText(self.language("गणना हो रही है…", "Counting…"))
        generation = self.generation
        run_in_background(
            lambda: circle_summary(self.ctx, month),
            lambda rows: self._month_done(generation, month, rows),
            self._failed,
        )

    def _month_done(self, generation: int, month: ReportMonth, rows: list[CircleRow]) -> None:
        if generation != self.generation:
            return  # counted before a change; the recount is on its way
        self.counted[month] = rows
        if month == self.chosen_month():
            self._show_month()

    def _show_month(self) -> None:
        self.rows = self.counted[self.chosen_month()]
        self.status.clear()
        self.show_rows()
        self.loaded.emit()
        self.show_trend()

    def _failed(self, error: Exception) -> None:
        self.trend_counting = False
        text = (
            self.language.text(error.message)
            if isinstance(error, MskError)
            else f"{type(error).__name__}: {error}"
        )
        self.status.setText(text)
        self.chart.show_message(text)

    def _language_changed(self) -> None:
        for index, (title, _value) in enumerate(COLUMNS):
            self.measure.setItemText(index, self.language.text(title))
        self.show_rows()
        self.show_trend()

    # ---- the trend -----------------------------------------------------------------------

    def selected_station(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.station_at(rows[0].row()) if rows else None

    def show_trend(self) -> None:
        """Draw the chosen measure's months, counting first the months not yet counted."""
        months = trend_months(self.chosen_month())
        missing = [month for month in months if month not in self.counted]
        if missing:
            self.chart.show_message(self.language("गणना हो रही है…", "Counting…"))
            if not self.trend_counting:
                self.trend_counting = True
                generation = self.generation
                run_in_background(
                    lambda: circle_trend(self.ctx, missing),
                    lambda found: self._trend_done(generation, found),
                    self._failed,
                )
            return
        measure = self.measure.currentIndex()
        _title, value_of = COLUMNS[measure]
        lang = self.language
        today = self.ctx.today()
        series = [
            Series(
                lang.text(CIRCLE_TOTAL),
                tuple(
                    _number(value_of(circle_total(self.counted[m], min(m.last_day, today))))
                    for m in months
                ),
            )
        ]
        station_id = self.selected_station()
        if station_id is not None:
            lines = [{r.station_id: r for r in self.counted[m]}.get(station_id) for m in months]
            named = next(line for line in lines if line is not None)
            series.append(
                Series(
                    f"{named.station.code} — {lang.text(named.station.name)}",
                    tuple(None if line is None else _number(value_of(line)) for line in lines),
                )
            )
        self.chart.show_series([m.short for m in months], series, rates=measure in RATE_COLUMNS)
        self.trend_drawn.emit()

    def _trend_done(self, generation: int, found: dict[ReportMonth, list[CircleRow]]) -> None:
        self.trend_counting = False
        if generation == self.generation:
            self.counted.update(found)
        self.show_trend()  # counts again what a change made stale, or what is still missing

    def show_rows(self) -> None:
        lang = self.language
        self.heading.setText(lang("सर्किल के थाने", "Stations of the circle"))
        self.trend_title.setText(lang("12 माह का रुझान:", "12-month trend:"))
        for index in range(self.month.count()):
            month = self.month.itemData(index)
            self.month.setItemText(index, lang.text(month.name))
        self.table.setSortingEnabled(False)
        self.table.setHorizontalHeaderLabels(
            [
                lang("थाना", "Station"),
                *(lang.text(title) for title, _ in COLUMNS),
                lang.text(LAST_SYNC),
            ]
        )
        self.table.setRowCount(len(self.rows))
        for row, line in enumerate(self.rows):
            name = lang.text(line.station.name)
            station = _Cell(f"{line.station.code} — {name}")
            station.setData(SORT_ROLE, line.station.code)
            station.setData(STATION_ROLE, line.station_id)
            self.table.setItem(row, 0, station)
            for column, (_title, value_of) in enumerate(COLUMNS):
                value = value_of(line)
                text = format_rate(value) if column in RATE_COLUMNS else str(value)
                cell = _Cell(text)
                cell.setData(SORT_ROLE, value)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column + 1, cell)
            self.table.setItem(row, LAST_SYNC_COLUMN, self._last_sync_cell(line))
        self.table.setSortingEnabled(True)

    def _last_sync_cell(self, line: CircleRow) -> QTableWidgetItem:
        """The moment in Indian time, oldest first when sorted (never synced before all)."""
        moment = line.last_sync
        cell = _Cell(format_moment(moment) if moment else self.language.text(NEVER_SYNCED))
        cell.setData(SORT_ROLE, moment.timestamp() if moment else None)
        if moment is None or self.ctx.now() - moment > STALE_AFTER:
            cell.setBackground(QBrush(STALE_FILL))
            cell.setToolTip(self.language.text(STALE_TIP))
        return cell

    def station_at(self, row: int) -> str:
        item = self.table.item(row, 0)
        assert item is not None
        station_id = item.data(STATION_ROLE)
        assert isinstance(station_id, str)
        return station_id

    def _drill_down(self, row: int, _column: int) -> None:
        self.show_checklist(self.station_at(row))


def _number(value: float | None) -> float | None:
    return None if value is None else float(value)
