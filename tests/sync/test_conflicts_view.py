"""The conflicts screen, reached from the main window: both values side by side, one chosen,
and the status bar's last sync time."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from msk_desktop.gui.language import Language
from msk_desktop.gui.main_window import MainWindow
from msk_desktop.ops.conflicts import list_conflicts
from msk_desktop.ops.entries import create_entry, edit_entry
from tests.district.conftest import District
from tests.ops.conftest import SAMPLES
from tests.sync.conftest import Pc, joining_pc


def test_conflicts_screen_shows_both_values_and_resolves_one(
    qtbot: QtBot, tmp_path: Path, district: District, station_a: Pc
) -> None:
    base = create_entry(station_a.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    station_a.sync()
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    edit_entry(station_a.ctx, "helpdesk_application", base.entity_id, {"assigned_to": "HC Meena"})
    edit_entry(pc2.ctx, "helpdesk_application", base.entity_id, {"assigned_to": "HC Rekha"})
    station_a.sync()
    pc2.sync()

    window = MainWindow(pc2.ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    assert "last sync" in window.pending.text()
    assert window.conflicts_action.text() == "Sync conflicts…"
    dialog = window.open_conflicts()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c) for c in (1, 2, 4)]
    shown = [cell.text() if cell else "" for cell in cells]
    assert shown == ["assigned_to", "HC Meena", "HC Rekha"]
    dialog.other_button.click()
    assert dialog.table.rowCount() == 0
    assert dialog.message.text() == "No open conflicts."
    assert list_conflicts(pc2.ctx) == []
    assert pc2.sync().pushed == 2  # the chosen value and the resolution
    station_a.sync()
    assert list_conflicts(station_a.ctx) == []
