"""Sync from the app against the real district server: "Sync now" refreshes every open view,
the sync log lists the run, and closing with unsent changes offers to sync first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from msk_desktop.gui.dashboard import OVERDUE_RED, Dashboard
from msk_desktop.gui.language import Language
from msk_desktop.gui.main_window import MainWindow
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.ops.entries import create_entry, edit_entry
from msk_desktop.ops.maintenance import pending_changes
from msk_desktop.ops.station import setup_station
from msk_desktop.store.layout import DataLayout
from tests.district.conftest import District
from tests.gui.conftest import child, top
from tests.ops.conftest import FAST_KDF, SAMPLES
from tests.sync.conftest import Pc, joining_pc, station_values


def test_sync_now_brings_the_other_pcs_entry_into_the_open_view(
    qtbot: QtBot, tmp_path: Path, district: District, station_a: Pc
) -> None:
    station_a.sync()
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    window = MainWindow(pc2.ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    window.show()
    view = window.show_register("helpdesk_application")
    assert isinstance(view, RegisterView) and view.model.total == 0
    create_entry(station_a.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    station_a.sync()

    window.sync_now_action.trigger()
    qtbot.waitUntil(lambda: "Sync done" in window.statusBar().currentMessage(), timeout=20_000)
    assert view.model.total == 1  # refreshed by the one change notification, no reload here
    log = window.open_sync_log()
    qtbot.addWidget(log)
    runs = log.runs
    assert runs.rowCount() >= 1
    newest = [runs.item(0, c).text() for c in range(runs.columnCount())]  # type: ignore[union-attr]
    assert newest[1] == "incharge" and int(newest[3]) >= 1  # the entry (and its login's row)


def test_a_pc_not_enrolled_is_told_so(qtbot: QtBot, tmp_path: Path) -> None:
    ctx, _ = setup_station(
        DataLayout(tmp_path / "alone"),
        station_values("ALONE-1"),
        "incharge",
        "Kalpana Incharge",
        "alone-password-1",
        FAST_KDF,
    )
    window = MainWindow(ctx, Language("hi"), "अकेला थाना")
    qtbot.addWidget(window)
    assert window.sync_runner.sync_now() is False
    assert "नामांकित नहीं" in window.statusBar().currentMessage()
    create_entry(ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    assert window.sync_runner.may_quit(window)  # nowhere to send to: no question
    ctx.db.close()


def test_closing_with_unsent_changes_offers_to_sync_first(
    qtbot: QtBot, district: District, station_a: Pc
) -> None:
    create_entry(station_a.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    assert pending_changes(station_a.ctx) > 0
    window = MainWindow(station_a.ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    window.show()
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(choice).click()

    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.Cancel))
    assert not window.close()  # "Stay"
    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.Yes))
    assert window.close()  # "Sync, then close"
    assert "have not been sent to the district" in asked[0]
    assert pending_changes(station_a.ctx) == 0


def test_todays_work_shows_sync_state_and_conflicts_waiting(
    qtbot: QtBot, tmp_path: Path, district: District, station_a: Pc
) -> None:
    base = create_entry(station_a.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    station_a.sync()
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    edit_entry(station_a.ctx, "helpdesk_application", base.entity_id, {"assigned_to": "HC Meena"})
    edit_entry(pc2.ctx, "helpdesk_application", base.entity_id, {"assigned_to": "HC Rekha"})
    station_a.sync()
    pc2.sync()
    dashboard = Dashboard(pc2.ctx, Language("en"), lambda *_: None)
    qtbot.addWidget(dashboard)
    tree = dashboard.tree
    [sync] = [
        top(tree, i) for i in range(tree.topLevelItemCount()) if "Sync" in top(tree, i).text(0)
    ]
    rows = {child(sync, j).text(0): child(sync, j) for j in range(sync.childCount())}
    assert "Not enrolled" not in rows
    assert rows["Conflicts waiting"].text(1) == "1"
    assert rows["Conflicts waiting"].foreground(2).color() == OVERDUE_RED
    assert rows["Last sync"].text(1) != "never"
