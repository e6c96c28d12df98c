"""Pieces every report is made of: section headings, ruled tables whose every cell is a shaped
Paragraph, and the in-charge's signature block."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from msk_desktop.domain.errors import Message
from msk_desktop.reports.styles import (
    HEADER_FILL,
    RULE_COLOUR,
    TOTAL_FILL,
    CellParagraph,
    ReportStyles,
    bilingual,
    markup,
    stacked,
    text,
)

Cell = str | Paragraph


def heading(message: Message, styles: ReportStyles, number: int | None = None) -> Paragraph:
    prefix = f"{number}. " if number is not None else ""
    return Paragraph(prefix + bilingual(message), styles.heading)


def ruled_table(
    header: Sequence[Message],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    styles: ReportStyles,
    *,
    numeric: Sequence[int] = (),
    total_row: bool = False,
    split_rows: bool = False,
    heading_markup: Callable[[Message], str] = stacked,
) -> Table:
    """A table ruled like a paper register: Hindi-over-English column headings, every cell a
    shaped Paragraph, numbers right-aligned, the header repeated on each page it runs onto.
    ``split_rows`` lets one tall entry continue on the next page instead of failing the print;
    ``heading_markup`` sets the column headings otherwise (an English-only report)."""
    if any(len(row) != len(header) for row in rows):
        raise ValueError("every row needs one cell per column")
    # The heading row is drawn again on every page the table runs onto: lay it out once.
    data: list[list[Any]] = [[CellParagraph(heading_markup(h), styles.header_cell) for h in header]]
    for row in rows:
        data.append(
            [
                cell
                if isinstance(cell, Paragraph)
                else text(cell, styles.cell_right if i in numeric else styles.cell)
                for i, cell in enumerate(row)
            ]
        )
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE_COLOUR),
        ("BOX", (0, 0), (-1, -1), 0.9, RULE_COLOUR),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row and rows:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL))
    return Table(
        data,
        colWidths=list(widths),
        repeatRows=1,
        splitInRow=1 if split_rows else 0,
        style=TableStyle(commands),
        hAlign="LEFT",
    )


def nil_row(columns: int, styles: ReportStyles) -> list[Cell]:
    """The one row of an empty table, as a paper register writes "nil"."""
    return [text("शून्य / Nil", styles.cell), *([""] * (columns - 1))]


def signature_block(
    in_charge: str | None, station: Message, styles: ReportStyles, width: float
) -> Flowable:
    """Space to sign for the MSK in-charge, kept on one page with its caption."""
    lines = [
        "",
        "",
        "हस्ताक्षर / Signature: ______________________",
        f"नाम / Name: {in_charge or '______________________'}",
        "प्रभारी, मिशन शक्ति केन्द्र / In-charge, Mission Shakti Kendra",
        f"{station.hi} / {station.en}",
        "दिनांक / Date: ____________",
    ]
    block = Table(
        [[Paragraph("<br/>".join(markup(line) for line in lines), styles.body)]],
        colWidths=[min(width, 95 * mm)],
        hAlign="RIGHT",
    )
    return KeepTogether([Spacer(1, 8 * mm), block])
