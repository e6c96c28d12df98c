"""An entry's history pane: its parts, its audit trail, adding parts; never a victim's name."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.history_pane import HistoryPane
from msk_desktop.gui.language import Language
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.ops.browse import Browse, entry_values, page_of_entries
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.fir import register_fir
from tests.gui.conftest import child, top

SECRET_NAME = "गीता काल्पनिक"


def _click(pane: HistoryPane, button: str) -> EntryDialog:
    """Press one of the pane's add buttons and return the form it opened."""
    pane.buttons[button].click()
    return next(d for d in pane.findChildren(EntryDialog) if d.isVisible())


def _texts(item: QTreeWidgetItem) -> list[str]:
    return [item.text(0)] + [t for i in range(item.childCount()) for t in _texts(child(item, i))]


def _pane_text(pane: HistoryPane) -> str:
    tree = pane.tree
    return "\n".join(t for i in range(tree.topLevelItemCount()) for t in _texts(top(tree, i)))


def test_fir_history_shows_pseudonym_not_name_and_adds_a_milestone(
    qtbot: QtBot, ctx: OpContext
) -> None:
    fir_id = register_fir(
        ctx,
        {
            "crime_no": 3,
            "crime_year": 2025,
            "registered_at": "2025-10-01 09:00",
            "offence_date": "2025-09-30",
            "status": "under_investigation",
        },
        ["BNS 64"],
        [{"age": 22, "gender": "female", "identity": {"name": SECRET_NAME}}],
        [
            {"named": False, "status": "at_large"},
            {"named": True, "name": "Kalpit Accused", "status": "at_large"},
        ],
    ).entity_id
    view = RegisterView(ctx, "fir", Language("hi"))
    qtbot.addWidget(view)
    dialog = view.edit_entry(fir_id)
    pane = dialog.findChild(HistoryPane)
    assert pane is not None
    text = _pane_text(pane)
    assert "पीड़िता-2025-0001" in text and SECRET_NAME not in text
    assert "अभियुक्त (2)" in text and "गिरफ्तारी शेष" in text
    # A yes/no field reads as its label when yes, and is left out when no.
    assert text.count("नामजद") == 1 and "हाँ" not in text and "नहीं" not in text
    assert "fir.register" in text
    add = _click(pane, "Add milestone")
    add.inputs["kind"].set_value("medical_exam")
    add.inputs["happened_at"].set_value("01-10-2025 16:00")
    with qtbot.waitSignal(add.accepted, timeout=3000):
        add.try_save()
    text = _pane_text(pane)
    assert "प्रक्रम (1)" in text and "चिकित्सीय परीक्षण" in text and "fir.milestone.add" in text


def test_follow_up_from_the_pane_moves_the_next_due_date(qtbot: QtBot, ctx: OpContext) -> None:
    app_id = create_entry(
        ctx,
        "helpdesk_application",
        {
            "received_at": "2025-11-01 10:00",
            "category": "harassment",
            "summary": "रास्ते में छेड़छाड़ (काल्पनिक)",
            "status": "pending",
        },
    ).entity_id
    pane = HistoryPane(ctx, "helpdesk_application", app_id, Language("en"))
    qtbot.addWidget(pane)
    dialog = _click(pane, "Add follow-up")
    dialog.inputs["kind"].set_value("victim_update")
    dialog.inputs["done_on"].set_value("10-11-2025")
    dialog.inputs["note"].set_value("Told her the accused was warned")
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        dialog.try_save()
    assert "Follow-ups (1)" in _pane_text(pane)
    # The help desk's usual 7 days, counted from this follow-up.
    rows = page_of_entries(ctx, Browse("helpdesk_application"), 0, 1)
    assert str(rows[0][-1]) == "2025-11-17"
    assert entry_values(ctx, "helpdesk_application", app_id)["status"] == "pending"


def test_sections_are_shown_and_changed_from_the_fir_page(qtbot: QtBot, ctx: OpContext) -> None:
    fir_id = register_fir(
        ctx,
        {
            "crime_no": 9,
            "crime_year": 2025,
            "registered_at": "2025-10-05 09:00",
            "offence_date": "2025-10-04",
            "status": "under_investigation",
        },
        ["BNS 74"],
        [{"age": 19, "gender": "female"}],
    ).entity_id
    pane = HistoryPane(ctx, "fir", fir_id, Language("hi"))
    qtbot.addWidget(pane)
    assert "धाराएँ (1)" in _pane_text(pane) and "BNS 74 — " in _pane_text(pane)
    change = _click(pane, "Change sections")
    assert change.inputs["sections"].value() == "BNS 74"
    change.inputs["sections"].set_value("BNS 74, BNS 79, IPC 999")
    change.try_save()
    assert change.isVisible()  # an unknown section: told, nothing changed
    assert "IPC 999" in change.errors["sections"].text()
    assert "धाराएँ (1)" in _pane_text(pane)
    change.inputs["sections"].set_value("BNS 74, BNS 79")
    with qtbot.waitSignal(change.accepted, timeout=3000):
        change.try_save()
    text = _pane_text(pane)
    assert "धाराएँ (2)" in text and "BNS 79 — " in text and "fir.sections" in text
