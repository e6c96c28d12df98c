"""Starting the desktop app: first-run setup, login, or straight into the demo station.

The login window shows after Qt and the window itself are imported, nothing more: the ops (and
through them SQLAlchemy and Alembic), every view and what they use (openpyxl, pydantic,
ReportLab) took a second before it showed. They are imported on a thread while the user types
(``preload``), and where they are used.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from msk_desktop.domain.errors import MskError
from msk_desktop.gui.fonts import install_fonts
from msk_desktop.gui.language import Language
from msk_desktop.gui.login import LoginDialog
from msk_desktop.gui.translations import QtTranslations
from msk_desktop.gui.worker import run_in_background
from msk_desktop.store.layout import DataLayout, default_data_dir

if TYPE_CHECKING:
    from msk_desktop.ops.context import OpContext

T = TypeVar("T")
# Set for bench/ only: the start-up benchmark times the app to its first window exactly as it
# times a bare PySide6 window (bench/startup.py), so both say "shown" the same way and quit.
EXIT_WHEN_SHOWN = "MSK_EXIT_WHEN_SHOWN"


def demo_layout(data_dir: Path | None) -> DataLayout:
    return DataLayout(data_dir or default_data_dir() / "demo")


def _wait_for(work: Callable[[], T], language: Language, hi: str, en: str) -> T:
    """Run ``work`` off the UI thread behind a progress dialog; return its result or raise."""
    progress = QProgressDialog(language(hi, en), "", 0, 0)
    progress.setCancelButton(None)
    # Application-modal; not through the Qt namespace, whose first use costs 20 ms at start-up.
    progress.setModal(True)
    progress.show()
    loop = QEventLoop()
    results: list[T] = []
    errors: list[Exception] = []

    def done(result: T) -> None:
        results.append(result)
        loop.quit()

    def failed(error: Exception) -> None:
        errors.append(error)
        loop.quit()

    run_in_background(work, done, failed)
    loop.exec()
    progress.close()
    if errors:
        raise errors[0]
    return results[0]


def _import_after_login() -> None:
    """What the app needs once logged in: the ops and the main window with every view. Python
    imports only, no widget is made, so it runs on a thread; an import of one of these
    elsewhere meanwhile waits for this one to finish it."""
    import msk_desktop.gui.main_window  # noqa: PLC0415
    import msk_desktop.gui.session_guard  # noqa: PLC0415
    import msk_desktop.ops.station  # noqa: F401, PLC0415


def preload(login_window: QDialog) -> None:
    """Once the login window is up: import the rest while the user types the password. Not a
    daemon thread: closing the app meanwhile waits for it rather than ending the interpreter
    under an import."""
    if login_window.isVisible():
        threading.Thread(target=_import_after_login, name="msk-preload").start()


def _demo_context(layout: DataLayout, language: Language) -> OpContext:
    from msk_desktop.demo.seed import DEMO_PASSWORD, DEMO_USERNAME, seed_demo  # noqa: PLC0415
    from msk_desktop.ops.station import login  # noqa: PLC0415

    if not layout.exists():
        _wait_for(
            lambda: seed_demo(layout, today=date.today()),
            language,
            "डेमो थाना बनाया जा रहा है…",
            "Creating the demo station…",
        )
    return _wait_for(
        lambda: login(layout, DEMO_USERNAME, DEMO_PASSWORD), language, "खोला जा रहा है…", "Opening…"
    )


def _first_run(layout: DataLayout, language: Language) -> OpContext | None:
    from msk_desktop.gui.setup import RecoveryKeyDialog, SetupDialog  # noqa: PLC0415
    from msk_desktop.ops.station import station_name  # noqa: PLC0415

    setup = SetupDialog(layout, language)
    if setup.exec() != QDialog.DialogCode.Accepted or setup.context is None:
        return None
    RecoveryKeyDialog(setup.recovery_key, station_name(setup.context), language).exec()
    return setup.context


def _login(layout: DataLayout, language: Language) -> OpContext | None:
    dialog = LoginDialog(layout, language, str(layout.root))
    QTimer.singleShot(0, lambda: preload(dialog))  # after the window's first turn
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.context


def _exit_when_shown(app: QApplication) -> None:
    """Once the first window is up and its event loop runs, print "shown" and close it as
    Cancel would."""

    def shown() -> None:
        window = app.activeModalWidget()
        print(f"shown {window.windowTitle() if window else '-'}", flush=True)
        if isinstance(window, QDialog):
            window.reject()

    QTimer.singleShot(0, shown)


def run_gui(data_dir: Path | None, demo: bool, language_code: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("msk-desktop")
    install_fonts(app)
    language = Language(language_code)
    translations = QtTranslations(app, language)
    try:
        if demo:
            ctx: OpContext | None = _demo_context(demo_layout(data_dir), language)
        else:
            layout = DataLayout(data_dir or default_data_dir())
            if os.environ.get(EXIT_WHEN_SHOWN):
                _exit_when_shown(app)
            ctx = _login(layout, language) if layout.exists() else _first_run(layout, language)
    except MskError as exc:
        QMessageBox.critical(None, "msk-desktop", language.text(exc.message))
        return 2
    if ctx is None:
        return 0
    from msk_desktop.gui.main_window import MainWindow  # noqa: PLC0415
    from msk_desktop.gui.session_guard import IdleLock, show_login_summary  # noqa: PLC0415
    from msk_desktop.ops.station import station_name  # noqa: PLC0415

    window = MainWindow(ctx, language, station_name(ctx))
    window.show()
    window.start_background_checks()
    show_login_summary(window, ctx, language)
    idle_lock = IdleLock(window, ctx, language)
    code = app.exec()
    idle_lock.stop()
    del translations  # kept alive until the app closes
    ctx.db.close()
    return code
