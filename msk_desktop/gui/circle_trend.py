"""A small line chart of one measure over twelve months: the circle's line and one station's.

Drawn with QPainter (QtCharts is not in PySide6-Essentials). Each line has its own marker as
well as its own colour and pen, so it reads without colour too. The points are kept as given
(``series``), so a test can compare them with the figures they came from.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from msk_desktop.reports.formatting import format_rate

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 28, 28, 28
GRID_LINES = 4
STYLES = (
    (QColor("#1F4E79"), Qt.PenStyle.SolidLine),
    (QColor("#C55A11"), Qt.PenStyle.DashLine),
)


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]  # one per month; None where there is nothing to divide by


class TrendChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("circle_trend_chart")
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.months: tuple[str, ...] = ()
        self.series: tuple[Series, ...] = ()
        self.rates = False
        self.message = ""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 220)

    def show_series(self, months: Sequence[str], series: Sequence[Series], *, rates: bool) -> None:
        """``months`` are the axis labels; ``rates`` (shares 0..1) are labelled as percentages."""
        self.months, self.series, self.rates, self.message = tuple(months), tuple(series), rates, ""
        self.update()

    def show_message(self, text: str) -> None:
        """Instead of lines: why there are none (yet)."""
        self.months, self.series, self.message = (), (), text
        self.update()

    def _scale(self) -> tuple[float, int]:
        """The value at the top of the chart and the gridlines beneath it, at round steps
        (1, 2 or 5 times a power of ten; a quarter for rates)."""
        values = [v for s in self.series for v in s.values if v is not None]
        largest = max(values, default=0.0)
        if self.rates:
            step = 0.25
        else:
            wanted = max(largest / GRID_LINES, 1.0)
            power = 10.0 ** math.floor(math.log10(wanted))
            step = next(m * power for m in (1, 2, 5, 10) if m * power >= wanted)
        lines = max(GRID_LINES if self.rates else 1, math.ceil(largest / step))
        return step * lines, lines

    def _label(self, value: float) -> str:
        return format_rate(value) if self.rates else f"{value:g}"

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text_colour = self.palette().text().color()
        if self.message or not self.months:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)
            return
        plot = QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM),
        )
        top, lines = self._scale()
        grid = QPen(QColor("#CCCCCC"))
        for step in range(lines + 1):
            y = plot.bottom() - plot.height() * step / lines
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y - 8, MARGIN_LEFT - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self._label(top * step / lines),
            )
        gap = plot.width() / max(1, len(self.months) - 1)

        def point(index: int, value: float) -> QPointF:
            return QPointF(plot.left() + gap * index, plot.bottom() - plot.height() * value / top)

        for index, month in enumerate(self.months):
            painter.drawText(
                QRectF(plot.left() + gap * index - 24, plot.bottom() + 4, 48, 16),
                Qt.AlignmentFlag.AlignCenter,
                month,
            )
        legend_x = plot.left()
        for number, line in enumerate(self.series):
            colour, style = STYLES[number % len(STYLES)]
            pen = QPen(colour, 2, style)
            painter.setPen(pen)
            previous: QPointF | None = None
            for index, value in enumerate(line.values):
                if value is None:
                    previous = None  # a gap: nothing to divide by that month
                    continue
                here = point(index, value)
                if previous is not None:
                    painter.drawLine(previous, here)
                previous = here
            painter.setBrush(colour)
            for index, value in enumerate(line.values):
                if value is not None:
                    _marker(painter, point(index, value), number)
            painter.drawLine(QPointF(legend_x, 12), QPointF(legend_x + 24, 12))
            _marker(painter, QPointF(legend_x + 12, 12), number)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(text_colour)
            width = painter.fontMetrics().horizontalAdvance(line.label)
            painter.drawText(QPointF(legend_x + 30, 16), line.label)
            legend_x += 30 + width + 24


def _marker(painter: QPainter, at: QPointF, number: int) -> None:
    """A filled circle for the first line, a square for the second."""
    if number % 2 == 0:
        painter.drawEllipse(at, 3.5, 3.5)
    else:
        painter.drawRect(QRectF(at.x() - 3.5, at.y() - 3.5, 7, 7))
