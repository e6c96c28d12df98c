"""Save screenshots of the main screens (run under Xvfb or offscreen) to look at them:

.venv/bin/python -m tests.gui.screenshots OUT_DIR [hi|en]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from msk_desktop.demo.seed import DEMO_CO_USERNAME, DEMO_PASSWORD, DEMO_USERNAME, seed_demo
from msk_desktop.domain.dates import IST
from msk_desktop.gui.circle_view import CircleView
from msk_desktop.gui.fonts import install_fonts
from msk_desktop.gui.language import Language
from msk_desktop.gui.login import LoginDialog
from msk_desktop.gui.main_window import ROSTER_WEEK, MainWindow
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.ops.station import login, station_name
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from tests.reports.bulk_stations import Size, add_stations

SIZE = (1366, 740)  # the common thana monitor, less the taskbar
TODAY = date(2025, 11, 20)  # the demo's last day, so the dashboard shows its designed cases


def _shot(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> None:
    out = Path(sys.argv[1])
    code = sys.argv[2] if len(sys.argv) > 2 else "hi"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    install_fonts(app)
    language = Language(code)
    with tempfile.TemporaryDirectory() as tmp:
        layout = DataLayout(Path(tmp) / "demo")
        seed_demo(
            layout,
            today=date(2025, 11, 20),
            scale=0.4,
            cost=KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1),
        )
        login_window = LoginDialog(layout, language, str(layout.root))
        login_window.show()
        _shot(login_window, out / f"login-{code}.png")
        ctx = login(layout, DEMO_USERNAME, DEMO_PASSWORD)
        ctx.clock = lambda: datetime.combine(TODAY, time(10, 30), tzinfo=IST)
        window = MainWindow(ctx, language, station_name(ctx))
        window.resize(*SIZE)
        window.show()
        _shot(window, out / f"dashboard-{code}.png")
        view = window.show_register("fir")
        _shot(window, out / f"register-fir-{code}.png")
        assert isinstance(view, RegisterView)
        dialog = view.new_entry()
        dialog.try_save()  # an empty form: the inline errors show
        _shot(dialog, out / f"entry-form-errors-{code}.png")
        dialog.close()
        window.show_register("helpdesk_application")
        _shot(window, out / f"register-helpdesk-{code}.png")
        fir_view = window.show_register("fir")
        assert isinstance(fir_view, RegisterView)
        edit = fir_view.edit_entry(fir_view.model.entry_id(0))
        _shot(edit, out / f"entry-form-history-{code}.png")
        edit.close()
        window.show_register(ROSTER_WEEK)
        _shot(window, out / f"roster-week-{code}.png")
        search = window.open_search()
        search.query.setText("क्रूरता" if code == "hi" else "cruelty")
        search.run_search()
        _shot(search, out / f"search-{code}.png")
        ctx.db.close()
        _circle_shot(layout, language, out / f"circle-{code}.png")


def _circle_shot(layout: DataLayout, language: Language, path: Path) -> None:
    """The circle officer's view over the demo station and four synthetic five-year stations,
    with the trend of its first measure and of one station."""
    ctx = login(layout, DEMO_CO_USERNAME, DEMO_PASSWORD)
    ctx.clock = lambda: datetime.combine(TODAY, time(10, 30), tzinfo=IST)
    add_stations(ctx.db, 4, Size.busy(0.1), TODAY)
    view = CircleView(ctx, language, lambda _station: None)
    view.resize(*SIZE)
    view.show()
    drawn = QEventLoop()
    view.trend_drawn.connect(drawn.quit)
    drawn.exec()  # the twelve months are counted in the background
    view.table.selectRow(1)
    _shot(view, path)
    ctx.db.close()


if __name__ == "__main__":
    main()
