"""The FIR form shows its deadlines and recomputes them as dates and sections are typed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.language import Language
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.fir import add_milestone, register_fir


def deadlines_of(dialog: EntryDialog) -> QLabel:
    label = dialog.form.findChild(QLabel, "deadlines")
    assert label is not None
    return label


def retype(dialog: EntryDialog, qtbot: QtBot, name: str, text: str) -> None:
    line = dialog.inputs[name].widget
    assert isinstance(line, QLineEdit)
    line.clear()
    qtbot.keyClicks(line, text)


def test_a_new_fir_shows_its_deadlines_as_they_are_typed(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    view = RegisterView(ctx, "fir", hindi)
    qtbot.addWidget(view)
    dialog = view.new_entry()
    label = deadlines_of(dialog)
    assert label.isHidden()  # nothing to judge yet
    # Today is 20-11-2025 (tests/gui/conftest.py).
    retype(dialog, qtbot, "registered_at", "10-11-2025 10:00")
    retype(dialog, qtbot, "offence_date", "09-11-2025")
    assert label.isHidden()  # no sections yet
    retype(dialog, qtbot, "sections", "BNS 64")
    assert not label.isHidden()
    assert "अंतिम तिथि 09-01-2026 (50 दिन शेष)" in label.text()  # 60-day investigation
    # A typo in the year moves the deadline into the past at once.
    retype(dialog, qtbot, "registered_at", "10-11-2024 10:00")
    retype(dialog, qtbot, "offence_date", "09-11-2024")
    assert "दिन से समय-सीमा पार" in label.text()
    hindi.set("en")
    assert "overdue by" in label.text()
    retype(dialog, qtbot, "sections", "BNS")  # half typed: nothing to judge
    assert label.isHidden()


def test_an_fir_being_edited_counts_its_recorded_milestones(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    fir_id = register_fir(
        ctx,
        {
            "crime_no": 12,
            "crime_year": 2025,
            "registered_at": "2025-11-01 09:00",
            "offence_date": "2025-10-31",
            "status": "under_investigation",
        },
        ["BNS 64"],
        [{"age": 20, "gender": "female"}],
    ).entity_id
    view = RegisterView(ctx, "fir", Language("en"))
    qtbot.addWidget(view)
    open_form = deadlines_of(view.edit_entry(fir_id))
    assert "medical examination (24 hours): overdue by 18 days" in open_form.text()
    add_milestone(ctx, fir_id, {"kind": "medical_exam", "happened_at": "2025-11-01 15:00"})
    # The form already open catches up, and so does one opened afresh.
    assert "medical examination (24 hours): completed" in open_form.text()
    after = deadlines_of(view.edit_entry(fir_id)).text()
    assert "medical examination (24 hours): completed" in after
