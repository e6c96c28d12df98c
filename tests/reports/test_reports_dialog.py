"""The Reports dialog driven through real widgets (offscreen): generate off the UI thread, see
the pages, save or print, and be told about a bad period."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from msk_desktop.gui.language import Language
from msk_desktop.gui.main_window import MainWindow
from msk_desktop.gui.reports_dialog import (
    INSPECTION,
    MONTHLY,
    REGISTER,
    ReportsDialog,
    suggested_file_name,
)
from msk_desktop.reports.jobs import PrintedReport
from msk_desktop.store.models import AuditEntry
from tests.ops.conftest import StationHandle, rows
from tests.reports.pdf_tools import page_count, pdf_text

WAIT_MS = 20000


@pytest.fixture
def dialog(qtbot: QtBot, october: StationHandle) -> Iterator[ReportsDialog]:
    widget = ReportsDialog(october.ctx, Language("en"))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.close()


def _choose(dialog: ReportsDialog, kind: str) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))


def _generate(qtbot: QtBot, dialog: ReportsDialog) -> None:
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.generate_button.isEnabled, timeout=WAIT_MS)


def _prints(station: StationHandle) -> list[dict[str, object]]:
    entries = rows(station.db, AuditEntry, AuditEntry.action == "report.print")
    return [json.loads(e.detail) for e in sorted(entries, key=lambda e: e.seq)]


def test_monthly_report_preview_shows_its_pages(qtbot: QtBot, dialog: ReportsDialog) -> None:
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    _choose(dialog, MONTHLY)
    dialog.month.setText("2025-10")
    _generate(qtbot, dialog)
    assert dialog.rendered is not None and dialog.rendered.pages >= 2
    total = dialog.rendered.pages
    assert dialog.page_label.text() == f"Page 1 of {total}"
    first = dialog.page_view.pixmap()
    assert not first.isNull() and first.height() > first.width()  # A4 portrait
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.page_label.text() == f"Page 2 of {total}"
    assert dialog.previous_button.isEnabled()
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()


def test_save_writes_the_pdf_and_records_it(
    qtbot: QtBot, dialog: ReportsDialog, october: StationHandle, tmp_path: Path
) -> None:
    dialog.month.setText("2025-10")
    _generate(qtbot, dialog)
    assert _prints(october) == []  # a preview is not a copy
    saved: list[PrintedReport] = []
    out = tmp_path / "monthly.pdf"
    dialog.save_to(out, saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)
    assert out.read_bytes().startswith(b"%PDF")
    assert "Monthly progress report" in pdf_text(out.read_bytes())
    assert saved[0].pages == page_count(out.read_bytes())
    assert _prints(october) == [
        {"report": "monthly", "pages": saved[0].pages, "output": "pdf", "month": "2025-10"}
    ]
    assert str(out) in dialog.message.text()
    assert dialog.request is not None
    assert suggested_file_name(dialog.request) == "monthly-2025-10.pdf"


def test_print_sends_every_page_and_records_it(
    qtbot: QtBot, dialog: ReportsDialog, october: StationHandle, tmp_path: Path
) -> None:
    _choose(dialog, INSPECTION)
    assert dialog.visit.count() == 2  # the October and August visits, latest first
    _generate(qtbot, dialog)
    assert dialog.rendered is not None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.print_to(printer)
    assert page_count(out.read_bytes()) == dialog.rendered.pages
    record = _prints(october)[-1]
    assert record["report"] == "inspection" and record["output"] == "printer"


def test_register_printout_for_a_date_range(qtbot: QtBot, dialog: ReportsDialog) -> None:
    _choose(dialog, REGISTER)
    dialog.register.setCurrentIndex(dialog.register.findData("helpdesk_application"))
    dialog.first.setText("01-10-2025")
    dialog.last.setText("31-10-2025")
    _generate(qtbot, dialog)
    assert dialog.rendered is not None
    assert "Help desk applications" in pdf_text(dialog.rendered.data)
    page = dialog.page_view.pixmap()
    assert page.width() > page.height()  # a ledger is landscape
    assert dialog.request is not None
    assert suggested_file_name(dialog.request) == (
        "register-helpdesk_application-2025-10-01-2025-10-31.pdf"
    )


@pytest.mark.parametrize(
    ("kind", "edits", "message"),
    [
        (MONTHLY, {"month": "2025-13"}, "write the month as YYYY-MM"),
        (REGISTER, {"first": "32-10-2025"}, "write the date as DD-MM-YYYY"),
    ],
)
def test_a_badly_written_period_is_told_at_once(
    dialog: ReportsDialog, kind: str, edits: dict[str, str], message: str
) -> None:
    _choose(dialog, kind)
    for name, value in edits.items():
        getattr(dialog, name).setText(value)
    dialog.generate()
    assert message in dialog.message.text()
    assert dialog.rendered is None and dialog.generate_button.isEnabled()


@pytest.mark.parametrize(
    ("kind", "edits", "message"),
    [
        (MONTHLY, {"month": "2027-01"}, "has not begun yet"),
        (REGISTER, {"first": "31-10-2025", "last": "01-10-2025"}, "before the start date"),
    ],
)
def test_a_period_the_report_refuses_is_told(
    qtbot: QtBot, dialog: ReportsDialog, kind: str, edits: dict[str, str], message: str
) -> None:
    _choose(dialog, kind)
    for name, value in edits.items():
        getattr(dialog, name).setText(value)
    _generate(qtbot, dialog)
    assert message in dialog.message.text()
    assert dialog.rendered is None and not dialog.save_button.isEnabled()


def test_the_reports_menu_opens_the_dialog(qtbot: QtBot, october: StationHandle) -> None:
    window = MainWindow(october.ctx, Language("hi"), "परीक्षण थाना / Test Thana")
    qtbot.addWidget(window)
    assert window.reports_menu.title() == "रिपोर्ट"
    assert window.reports_action in window.reports_menu.actions()
    window.language_actions["en"].trigger()
    assert window.reports_menu.title() == "Reports"
    window.reports_action.trigger()
    opened = window.findChild(ReportsDialog)
    assert isinstance(opened, ReportsDialog) and opened.isVisible()
    assert opened.windowTitle() == "Reports"
    opened.close()


def test_an_empty_inspection_book_is_told(qtbot: QtBot, station: StationHandle) -> None:
    dialog = ReportsDialog(station.ctx, Language("hi"))
    qtbot.addWidget(dialog)
    _choose(dialog, INSPECTION)
    assert dialog.visit.count() == 0
    dialog.generate()
    assert dialog.message.text() == "निरीक्षण पुस्तिका में कोई प्रविष्टि नहीं है"
    assert dialog.rendered is None
