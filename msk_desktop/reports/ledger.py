"""A register printout: A4 landscape, ruled like the paper register, headings repeated on
every page, and the in-charge's signature block after the last entry."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, Paragraph, Spacer

from msk_desktop.domain.dates import format_date
from msk_desktop.domain.errors import Message
from msk_desktop.reports.blocks import Cell, nil_row, ruled_table, signature_block
from msk_desktop.reports.ledger_data import LedgerData
from msk_desktop.reports.pages import SIDE_MARGIN, PageFurniture, RenderedPdf, render_pdf
from msk_desktop.reports.styles import ReportStyles, bilingual, markup, report_styles

WIDTH = landscape(A4)[0] - 2 * SIDE_MARGIN


def period_of(ledger: LedgerData) -> Message:
    first, last = format_date(ledger.first), format_date(ledger.last)
    return Message(f"{first} से {last} तक", f"{first} to {last}")


def ledger_story(ledger: LedgerData, styles: ReportStyles) -> list[Flowable]:
    widths = [WIDTH * share for share in ledger.shares]
    rows: list[list[Cell]] = [list(row) for row in ledger.rows]
    rows = rows or [nil_row(len(ledger.headings), styles)]
    count = len(ledger.rows)
    return [
        Paragraph(bilingual(ledger.title), styles.title),
        Paragraph(bilingual(period_of(ledger)), styles.subtitle),
        ruled_table(ledger.headings, rows, widths, styles, split_rows=True),
        Spacer(1, 3),
        Paragraph(markup(f"कुल प्रविष्टियाँ / Entries: {count}"), styles.body),
        signature_block(ledger.station.in_charge, ledger.station.name, styles, WIDTH),
    ]


def render_ledger(
    ledger: LedgerData, printed: Message, styles: ReportStyles | None = None
) -> RenderedPdf:
    # Ledger cells are narrow: a size smaller than the reports' tables fits a register's columns.
    styles = styles or report_styles(cell_size=7.5)
    furniture = PageFurniture(
        station=ledger.station.name,
        title=ledger.title,
        period=period_of(ledger),
        printed=printed,
        styles=styles,
    )
    return render_pdf(ledger_story(ledger, styles), furniture, wide=True)
