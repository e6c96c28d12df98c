"""Reading generated PDFs back in tests with PDFium (pypdfium2 from PyPI, so no poppler is
needed): page count, text, and pages as greyscale images."""

from __future__ import annotations

import io
from typing import cast

import pypdfium2 as pdfium
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate

from msk_desktop.gui.pdf_pages import PdfPages
from msk_desktop.reports.styles import markup, report_styles


def pdf_text(data: bytes) -> str:
    """The text of every page, as PDFium extracts it (Latin letters and digits come back
    exactly; shaped Devanagari comes back as its glyphs' Unicode, not always in order)."""
    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            texts.append(str(page.get_textpage().get_text_range()))
        return "\n".join(texts)
    finally:
        document.close()


def page_count(data: bytes) -> int:
    pages = PdfPages(data)
    try:
        return len(pages)
    finally:
        pages.close()


def grey_page(data: bytes, index: int, dpi: float, region: QRect | None = None) -> QImage:
    pages = PdfPages(data)
    try:
        image = pages.image(index, dpi).convertToFormat(QImage.Format.Format_Grayscale8)
    finally:
        pages.close()
    return image.copy(region) if region is not None else image


def share_of_pixels_differing(first: QImage, second: QImage, threshold: int = 64) -> float:
    """The share of pixels whose grey levels differ by more than ``threshold`` (of 255).
    Anti-aliasing differences between PDFium builds stay far below it; a glyph moved by
    broken shaping does not."""
    if first.size() != second.size():
        return 1.0
    width, height = first.width(), first.height()
    differing = 0
    for y in range(height):
        # PySide6 types a scan line as object; it is a memoryview of the row's bytes.
        row_a = bytes(cast(memoryview, first.constScanLine(y)))[:width]
        row_b = bytes(cast(memoryview, second.constScanLine(y)))[:width]
        differing += sum(abs(a - b) > threshold for a, b in zip(row_a, row_b, strict=True))
    return differing / (width * height)


def as_extracted(value: str) -> str:
    """``value`` as PDFium extracts it from a report: set in the reports' font and shaping and
    read back the same lossy way, so a Hindi string can be looked for in a report's text."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4))
    document.build([Paragraph(markup(value), report_styles().body)])
    return " ".join(pdf_text(buffer.getvalue()).split())
