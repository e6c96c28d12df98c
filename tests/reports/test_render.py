"""The monthly report as it prints: page 1's Hindi heading block rendered to an image and
compared with a reference image a person has checked (matras and conjuncts shaped, Hindi and
English side by side, nothing overlapping). Broken shaping moves glyphs and fails the test.

To regenerate the reference after a deliberate change of the layout, run
``MSK_UPDATE_REFERENCE=1 .venv/bin/pytest tests/reports/test_render.py``, look at
``tests/reports/reference/monthly_heading.png`` with your own eyes, and commit it (see
``tests/reports/reference/README.md``).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from msk_desktop.domain.errors import Message
from msk_desktop.reports import styles
from msk_desktop.reports.jobs import RegisterRequest, render_report
from msk_desktop.reports.monthly_data import ReportMonth, build_monthly_report
from msk_desktop.reports.monthly_pdf import render_monthly
from msk_desktop.reports.styles import report_styles
from tests.ops.conftest import StationHandle
from tests.reports.pdf_tools import grey_page, share_of_pixels_differing

REFERENCE = Path(__file__).parent / "reference" / "monthly_heading.png"
DPI = 100
# Page header, title, month, station, district line and the first section heading of page 1
# (A4 at 100 dpi is 827 pixels wide).
HEADING_BLOCK = QRect(0, 0, 827, 250)
TOLERANCE = 0.005  # share of pixels allowed to differ (anti-aliasing of other PDFium builds)
STAMP = Message("मुद्रित: परीक्षण", "printed: test")


def _heading_block(october: StationHandle, *, shaping: bool = True) -> QImage:
    report = build_monthly_report(october.ctx, ReportMonth(2025, 10))
    rendered = render_monthly(report, STAMP, report_styles(shaping=shaping))
    return grey_page(rendered.data, 0, DPI, HEADING_BLOCK)


def test_the_hindi_heading_block_matches_the_checked_reference(october: StationHandle) -> None:
    image = _heading_block(october)
    if os.environ.get("MSK_UPDATE_REFERENCE") == "1":
        REFERENCE.parent.mkdir(exist_ok=True)
        assert image.save(str(REFERENCE))
        pytest.skip(f"reference written to {REFERENCE}: look at it before committing")
    reference = QImage(str(REFERENCE)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not reference.isNull(), f"missing reference image {REFERENCE}"
    assert share_of_pixels_differing(image, reference) <= TOLERANCE


def test_the_comparison_catches_unshaped_hindi(october: StationHandle) -> None:
    """The same block without HarfBuzz shaping (short-i matra after its consonant, conjuncts
    broken apart) differs from the reference by far more than the tolerance."""
    reference = QImage(str(REFERENCE)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert share_of_pixels_differing(_heading_block(october, shaping=False), reference) > (
        5 * TOLERANCE
    )


def test_cells_sharing_a_layout_print_exactly_as_laid_out_afresh(
    october: StationHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cells with the same text share their laid-out lines (``CellParagraph``); the pages must
    come out pixel for pixel as when every cell is laid out on its own."""
    request = RegisterRequest("duty_roster_slot", date(2025, 10, 1), date(2025, 10, 31))
    shared = render_report(october.ctx, request)

    class NothingShared:
        def setdefault(self, _style: object, _empty: object) -> dict[object, object]:
            return {}

    monkeypatch.setattr(styles, "_LAYOUTS", NothingShared())
    afresh = render_report(october.ctx, request)
    assert shared.pages == afresh.pages
    for page in range(shared.pages):
        assert grey_page(shared.data, page, DPI) == grey_page(afresh.data, page, DPI)
