"""Page furniture shared by every report (station, title, period, "पृष्ठ x / y") and the one
function that turns a story of flowables into PDF bytes.

The page total is known only when the last page is laid out, so the canvas keeps each page's
drawing state and draws headers and footers when the document is saved (ReportLab's
"canvasmaker" pattern, one pass instead of two). Headers and footers are Paragraphs drawn on the
canvas, not ``drawString``, so their Hindi is shaped like the body's.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from msk_desktop.domain.errors import Message
from msk_desktop.reports.styles import CellParagraph, ReportStyles, bilingual, markup

SIDE_MARGIN = 12 * mm
HEADER_HEIGHT = 17 * mm
FOOTER_HEIGHT = 10 * mm
TOP_MARGIN = 8 * mm
BOTTOM_MARGIN = 7 * mm


@dataclass(frozen=True)
class PageFurniture:
    """What every page of one report carries."""

    station: Message
    title: Message
    period: Message
    printed: Message  # when and by whom it was printed (an account name, never a victim's)
    styles: ReportStyles
    english: bool = False  # English alone, for a report asked for in English

    def words(self, message: Message) -> str:
        return markup(message.en) if self.english else bilingual(message)

    def draw(self, canvas: Canvas, size: tuple[float, float], page: int, total: int) -> None:
        width, height = size
        inner = width - 2 * SIDE_MARGIN
        half = inner / 2
        top = height - TOP_MARGIN
        styles = self.styles
        # The same texts on every page: CellParagraph lays each out once for the whole report.
        left = CellParagraph(f"<b>{self.words(self.station)}</b>", styles.page_header)
        right = CellParagraph(
            f"<b>{self.words(self.title)}</b><br/>{self.words(self.period)}",
            styles.page_header_right,
        )
        _draw_top(canvas, left, SIDE_MARGIN, top, half)
        lowest = _draw_top(canvas, right, SIDE_MARGIN + half, top, half)
        rule_y = min(lowest, top - HEADER_HEIGHT + 2 * mm)
        canvas.setLineWidth(0.6)
        canvas.line(SIDE_MARGIN, rule_y, width - SIDE_MARGIN, rule_y)

        footer_y = BOTTOM_MARGIN + FOOTER_HEIGHT - 3 * mm
        canvas.setLineWidth(0.3)
        canvas.line(SIDE_MARGIN, footer_y + 1 * mm, width - SIDE_MARGIN, footer_y + 1 * mm)
        printed = CellParagraph(self.words(self.printed), styles.page_footer)
        english = f"Page {page} of {total}"
        label = english if self.english else f"पृष्ठ {page} / {total}  ({english})"
        number = Paragraph(markup(label), styles.page_footer_right)
        _draw_top(canvas, printed, SIDE_MARGIN, footer_y, inner * 0.7)
        _draw_top(canvas, number, SIDE_MARGIN + inner * 0.7, footer_y, inner * 0.3)


def _draw_top(canvas: Canvas, paragraph: Paragraph, x: float, top: float, width: float) -> float:
    """Draw with the paragraph's top edge at ``top``; returns where its bottom edge fell."""
    _w, height = paragraph.wrapOn(canvas, width, 100 * mm)
    paragraph.drawOn(canvas, x, top - height)
    return float(top - height)


def _numbered_canvas(furniture: PageFurniture, size: tuple[float, float]) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._page_states.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # the recipe's documented hook

        def save(self) -> None:
            total = len(self._page_states)
            for number, state in enumerate(self._page_states, start=1):
                self.__dict__.update(state)
                furniture.draw(self, size, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


def render_pdf(
    story: Sequence[Flowable], furniture: PageFurniture, *, wide: bool = False
) -> RenderedPdf:
    """Lay ``story`` out on A4 (landscape when ``wide``, as paper registers are kept)."""
    buffer = io.BytesIO()
    size = landscape(A4) if wide else A4
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN + HEADER_HEIGHT,
        bottomMargin=BOTTOM_MARGIN + FOOTER_HEIGHT,
        title=f"{furniture.title.hi} / {furniture.title.en}",
        author=f"{furniture.station.hi} / {furniture.station.en}",
        creator="msk-desktop",
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(story), canvasmaker=_numbered_canvas(furniture, size))
    return RenderedPdf(buffer.getvalue(), int(doc.page))
