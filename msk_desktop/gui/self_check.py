"""`msk-desktop --self-check`: proves that an installation is complete and works, without a
screen and without touching any real station.

It walks the path a new station takes on its first day, in a temporary folder: a small demo
station is created (migrations, reference catalogues), opened as a user logs in (key unwrap,
integrity check), and today's work, a register and the monthly report are drawn with the
bundled fonts, forms and translations. Each step prints one line; the first failure is
printed with its reason and the exit code is 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from msk_desktop.ops.context import OpContext
from msk_desktop.store.keyslots import KdfCost

# The station lives only as long as the check: a cheap key derivation keeps the check quick.
CHECK_COST = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
CHECK_SCALE = 0.1


class CheckFailed(Exception):
    """A step ran but found something wrong."""


def run_self_check(out: TextIO | None = None) -> int:
    out = out or sys.stdout
    # Before Qt loads: the check must run on a PC without a display, and never show a window.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    step = "start"
    try:
        with tempfile.TemporaryDirectory(prefix="msk-self-check-") as tmp:
            for step, action in _steps(Path(tmp)):
                detail = action()
                print(f"  ok  {step}: {detail}", file=out, flush=True)
    except Exception as exc:
        print(f"FAILED  {step}: {type(exc).__name__}: {exc}", file=out, flush=True)
        return 1
    print("OK", file=out, flush=True)
    return 0


def _steps(folder: Path) -> list[tuple[str, Callable[[], str]]]:
    """The steps in order; later steps use what earlier ones made (kept in ``state``)."""
    # Imported here so that a missing part of the installation is reported as a failed step.
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from msk_desktop.demo.seed import DEMO_PASSWORD, DEMO_USERNAME, seed_demo  # noqa: PLC0415
    from msk_desktop.gui.dashboard import Dashboard  # noqa: PLC0415
    from msk_desktop.gui.fonts import install_fonts  # noqa: PLC0415
    from msk_desktop.gui.language import Language  # noqa: PLC0415
    from msk_desktop.gui.register_view import RegisterView  # noqa: PLC0415
    from msk_desktop.gui.translations import QtTranslations  # noqa: PLC0415
    from msk_desktop.gui.ui_files import load_form  # noqa: PLC0415
    from msk_desktop.ops.station import login  # noqa: PLC0415
    from msk_desktop.store.layout import DataLayout  # noqa: PLC0415

    layout = DataLayout(folder / "station")
    today = date.today()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    language = Language("hi")
    contexts: list[OpContext] = []

    def fonts() -> str:
        family = install_fonts(app)
        if family is None:
            raise CheckFailed("no font with Devanagari in resources/fonts")
        return family

    def translations() -> str:
        if not QtTranslations(app, language).available:
            raise CheckFailed("resources/translations/qt_hi.qm is missing or unreadable")
        return "qt_hi.qm"

    def station() -> str:
        summary = seed_demo(layout, today=today, scale=CHECK_SCALE, cost=CHECK_COST)
        return f"{summary.fir} FIRs, {summary.helpdesk_application} applications"

    def open_database() -> str:
        contexts.append(login(layout, DEMO_USERNAME, DEMO_PASSWORD))
        return str(layout.database.name)

    def dashboard() -> str:
        view = Dashboard(contexts[0], language, lambda _register, _entry: None)
        view.resize(1000, 600)
        if view.grab().isNull() or view.tree.topLevelItemCount() == 0:
            raise CheckFailed("today's work did not draw its sections")
        return f"{view.tree.topLevelItemCount()} sections"

    def register() -> str:
        view = RegisterView(contexts[0], "fir", language)
        if view.grab().isNull() or view.model.rowCount() == 0:
            raise CheckFailed("the FIR register shows no rows")
        form = load_form("entry_form")
        return f"{view.model.rowCount()} rows, form {form.objectName() or 'entry_form'}"

    def report() -> str:
        return _monthly_page(contexts[0], today)

    def close() -> str:
        contexts.pop().db.close()
        return "closed"

    return [
        ("fonts", fonts),
        ("translations", translations),
        ("demo station", station),
        ("open the database", open_database),
        ("today's work", dashboard),
        ("register and form", register),
        ("monthly report", report),
        ("close", close),
    ]


def _monthly_page(ctx: OpContext, today: date) -> str:
    """Render the month's report and draw its first page, as the print preview does."""
    from PySide6.QtGui import QImage  # noqa: PLC0415

    from msk_desktop.gui.pdf_pages import PdfPages  # noqa: PLC0415
    from msk_desktop.reports.jobs import MonthlyRequest, render_report  # noqa: PLC0415
    from msk_desktop.reports.monthly_data import ReportMonth  # noqa: PLC0415

    rendered = render_report(ctx, MonthlyRequest(ReportMonth(today.year, today.month)))
    pages = PdfPages(rendered.data)
    try:
        size = pages.size(0)
        image = pages.image(0, dpi=36).convertToFormat(QImage.Format.Format_Grayscale8)
    finally:
        pages.close()
    darkest = min(
        image.pixelColor(x, y).value()
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )
    if darkest >= 128:
        raise CheckFailed("the first page of the monthly report is blank")
    return f"{rendered.pages} pages, page 1 {size.width():.0f}×{size.height():.0f} pt"
