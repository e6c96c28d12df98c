"""Run in a fresh process by bench/processes.py (never imported by the app).

``bare``: the baseline, a bare PySide6 script that shows a QMainWindow and says "shown" once its
event loop runs (the app says it the same way under MSK_EXIT_WHEN_SHOWN, gui/app.py).
``bare-rss`` / ``app-rss DIR PASSWORD``: the resident memory (RSS) of the bare window, and of the
app with a station open on today's work, then its FIR register scrolled through ten pages, then
a global search. Prints "rss <bytes>".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

PAGES_SCROLLED = 10


def rss_bytes() -> int:
    """Resident set size now (Linux /proc; the benchmarks run on Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def bare(app: QApplication) -> None:
    window = QMainWindow()
    window.show()

    def shown() -> None:
        print("shown bare", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


def bare_rss(app: QApplication) -> None:
    window = QMainWindow()
    window.resize(1280, 720)
    window.show()
    app.processEvents()
    print(f"rss {rss_bytes()}", flush=True)


def app_rss(app: QApplication, folder: Path, password: str) -> None:
    from bench.fiveyear import USERNAME  # noqa: PLC0415
    from bench.measure import clock  # noqa: PLC0415
    from msk_desktop.gui.fonts import install_fonts  # noqa: PLC0415
    from msk_desktop.gui.language import Language  # noqa: PLC0415
    from msk_desktop.gui.main_window import MainWindow  # noqa: PLC0415
    from msk_desktop.gui.register_view import RegisterView  # noqa: PLC0415
    from msk_desktop.ops.search import global_search  # noqa: PLC0415
    from msk_desktop.ops.station import login, station_name  # noqa: PLC0415
    from msk_desktop.store.layout import DataLayout  # noqa: PLC0415

    install_fonts(app)
    ctx = login(DataLayout(folder), USERNAME, password, clock)
    window = MainWindow(ctx, Language("hi"), station_name(ctx))
    window.resize(1280, 720)
    window.show()
    app.processEvents()
    view = window.show_register("fir")
    assert isinstance(view, RegisterView)
    app.processEvents()
    for _ in range(PAGES_SCROLLED):
        view.model.fetchMore()
    view.table.scrollToBottom()
    app.processEvents()
    global_search(ctx, "डेमो")
    app.processEvents()
    print(f"rss {rss_bytes()}", flush=True)
    ctx.db.close()
    # Measured; leave without interpreter teardown, which can crash in a C extension's
    # deallocation with a large station open (bench/findings.md).
    os._exit(0)


def main(argv: list[str]) -> None:
    app = QApplication(sys.argv[:1])
    match argv:
        case ["bare"]:
            bare(app)
        case ["bare-rss"]:
            bare_rss(app)
        case ["app-rss", folder, password]:
            app_rss(app, Path(folder), password)
        case _:
            raise SystemExit(f"usage: python -m bench.probe bare|bare-rss|app-rss DIR PW: {argv}")


if __name__ == "__main__":
    main(sys.argv[1:])
