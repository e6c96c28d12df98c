"""Ctrl+K search through the real dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from msk_desktop.gui.language import Language
from msk_desktop.gui.main_window import MainWindow
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.fir import register_fir
from tests.gui.conftest import child, top


def test_ctrl_k_finds_by_hindi_word_and_opens_the_entry(qtbot: QtBot, ctx: OpContext) -> None:
    register_fir(
        ctx,
        {
            "crime_no": 9,
            "crime_year": 2025,
            "registered_at": "2025-04-01 10:00",
            "offence_date": "2025-04-01",
            "status": "under_investigation",
        },
        ["BNS 78"],
        [{"age": 17, "gender": "female"}],
    )
    create_entry(
        ctx,
        "awareness_programme",
        {
            "held_on": "2025-04-02",
            "place": "कन्या विद्यालय",
            "kind": "women_safety",
            "audience": "students",
            "people_reached": 90,
        },
    )
    window = MainWindow(ctx, Language("hi"), "परीक्षण थाना")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = next(d for d in window.findChildren(type(window.open_search())) if d.isVisible())
    dialog.query.insert("पीछा")  # stalking (BNS 78) by its Hindi title, as an input method types
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 1, timeout=3000)
    group = top(dialog.results, 0)
    assert group.text(0) == "समानान्तर एफ0आई0आर0 रजिस्टर"
    assert child(group, 0).text(0) == "1/2025"
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    view = window.views["fir"]
    assert isinstance(view, RegisterView)
    assert window.stack.currentWidget() is view


def test_results_are_grouped_by_register(qtbot: QtBot, ctx: OpContext) -> None:
    create_entry(
        ctx,
        "awareness_programme",
        {
            "held_on": "2025-04-02",
            "place": "Demo College",
            "kind": "cyber_safety",
            "audience": "students",
            "people_reached": 90,
        },
    )
    create_entry(
        ctx,
        "staff_deployment",
        {"deployed_on": "2025-04-03", "purpose": "escort", "place": "Demo College gate"},
    )
    window = MainWindow(ctx, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    dialog = window.open_search()
    dialog.query.setText("college")
    dialog.run_search()
    groups = [top(dialog.results, i).text(0) for i in range(dialog.results.topLevelItemCount())]
    assert groups == ["Women staff deployments", "Awareness programmes"]
    assert dialog.status.text() == "2 results"
