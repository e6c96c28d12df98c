"""Paragraph styles of every report, and the helpers that turn text into shaped Paragraphs.

Every Hindi string reaches the page through a Paragraph whose style has ``shaping=1``: without
HarfBuzz shaping, conjuncts fall apart and the short-i matra lands after its consonant (प्रगति
prints with a visible virama). ``shaping=False`` exists only so a test can show the difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from msk_desktop.domain.errors import Message
from msk_desktop.reports.fonts import report_fonts

# Devanagari needs more room between lines than Latin: matras reach above the headline and
# below the baseline.
LEADING = 1.45
Align = Literal["left", "center", "right"]
# ReportLab's TA_LEFT, TA_CENTER, TA_RIGHT: its paragraphs take the numbers, not the names.
_ALIGNMENT: dict[Align, Literal[0, 1, 2]] = {"left": 0, "center": 1, "right": 2}
RULE_COLOUR = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#E8E8E8")
TOTAL_FILL = colors.HexColor("#F3F3F3")


@dataclass(frozen=True)
class ReportStyles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_centre: ParagraphStyle
    header_cell: ParagraphStyle
    page_header: ParagraphStyle
    page_header_right: ParagraphStyle
    page_footer: ParagraphStyle
    page_footer_right: ParagraphStyle


def report_styles(*, shaping: bool = True, cell_size: float = 8.5) -> ReportStyles:
    fonts = report_fonts()
    flag = 1 if shaping else 0

    def style(
        name: str,
        size: float,
        *,
        bold: bool = False,
        align: Align = "left",
        space: float = 0,
        keep_with_next: bool = False,
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=fonts.bold if bold else fonts.regular,
            fontSize=size,
            leading=round(size * LEADING, 1),
            alignment=_ALIGNMENT[align],
            spaceAfter=space,
            keepWithNext=int(keep_with_next),
            shaping=flag,
        )

    return ReportStyles(
        title=style("title", 15, bold=True, align="center", space=2),
        subtitle=style("subtitle", 10.5, align="center", space=6),
        # A section heading never stays behind at the foot of a page without its table.
        heading=style("heading", 11.5, bold=True, space=3, keep_with_next=True),
        body=style("body", 9.5, space=3),
        note=style("note", 8, space=2),
        cell=style("cell", cell_size),
        cell_right=style("cell_right", cell_size, align="right"),
        cell_centre=style("cell_centre", cell_size, align="center"),
        header_cell=style("header_cell", cell_size, bold=True, align="center"),
        page_header=style("page_header", 8.5),
        page_header_right=style("page_header_right", 8.5, align="right"),
        page_footer=style("page_footer", 8),
        page_footer_right=style("page_footer_right", 8, align="right"),
    )


# Lines already laid out, per style, markup and width. A register repeats its dates, names,
# places, heads and statuses hundreds of times; shaping each once is enough. Kept per style
# object, so a cache lives only as long as the styles of the report being rendered.
_LAYOUTS: WeakKeyDictionary[ParagraphStyle, dict[tuple[str, float], tuple[object, float]]] = (
    WeakKeyDictionary()
)


class CellParagraph(Paragraph):
    """A Paragraph whose line layout (HarfBuzz shaping and line breaking, about a millisecond)
    is done once per text, style and width.

    A table wraps each cell to measure its row, again after every page split, and again to
    draw it; and a long printout holds the same texts many times over. The lines depend on the
    text, the style and the width alone, and drawing only reads them, so cells with the same
    text share them."""

    blPara: object  # noqa: N815 - ReportLab's name: the lines laid out by Paragraph.wrap
    _wrapped_for: tuple[float, object] | None = None  # the width, and the lines laid out for it

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        lines = self.__dict__.get("blPara")
        wrapped = self._wrapped_for
        # ReportLab drops or replaces the lines when it splits or moves a paragraph on.
        if wrapped is not None and wrapped[0] == availWidth and wrapped[1] is lines:
            return self.width, self.height
        layouts = _LAYOUTS.setdefault(self.style, {})
        # The pieces ReportLab makes when it splits a paragraph have no text of their own.
        known = layouts.get((self.text, availWidth)) if self.text is not None else None
        if known is None:
            super().wrap(availWidth, availHeight)
            if self.text is not None:
                layouts[(self.text, availWidth)] = (self.blPara, self.height)
        else:
            self.blPara, self.height = known
            self.width = availWidth
            style = self.style
            self._wrapWidths = [
                availWidth - style.leftIndent - style.firstLineIndent - style.rightIndent,
                availWidth - style.leftIndent - style.rightIndent,
            ]
        self._wrapped_for = (availWidth, self.blPara)
        return self.width, self.height


def text(value: str, style: ParagraphStyle) -> Paragraph:
    """Plain text (escaped, line breaks kept) as a shaped Paragraph."""
    return CellParagraph(markup(value), style)


def markup(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def bilingual(message: Message) -> str:
    """Markup of a heading: Hindi first, then English."""
    return f"{markup(message.hi)} / {markup(message.en)}"


def stacked(message: Message, english_size: float = 7) -> str:
    """Markup of a column heading: Hindi in bold on top, English smaller underneath."""
    return f"<b>{markup(message.hi)}</b><br/><font size={english_size}>{markup(message.en)}</font>"
