"""The filter bar of a register view, driven as a user does: pick a column and type, pick a
rule, save the filters under a name and bring them back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from msk_desktop.gui.language import Language
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.fir import register_fir


def fir(ctx: OpContext, number: int, registered: str, io: str) -> None:
    day = registered.split(maxsplit=1)[0]
    register_fir(
        ctx,
        {
            "crime_no": number,
            "crime_year": int(day[:4]),
            "registered_at": registered,
            "offence_date": day,
            "status": "under_investigation",
            "io_name": io,
        },
        ["BNS 74"],
        [{"age": 30, "gender": "female"}],
    )


def view_of(qtbot: QtBot, ctx: OpContext, language: Language) -> RegisterView:
    # 20-11-2025 is "today" (tests/gui/conftest.py): FIR 1 is overdue, FIR 2 is not.
    fir(ctx, 1, "2025-08-01 10:00", "SI Kalpit Overdue")
    fir(ctx, 2, "2025-11-10 10:00", "SI Kalpit Recent")
    view = RegisterView(ctx, "fir", language)
    qtbot.addWidget(view)
    view.show()
    return view


def choose(combo_owner: RegisterView, name: str, data: object) -> None:
    combo = getattr(combo_owner.filters, name)
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered in {name}"
    combo.setCurrentIndex(index)


def crime_numbers(view: RegisterView) -> list[str]:
    column = 1 + [c.name for c in view.model.columns].index("crime_no")
    return sorted(str(view.model.index(row, column).data()) for row in range(view.model.rowCount()))


def test_a_column_filter_by_month(qtbot: QtBot, ctx: OpContext, hindi: Language) -> None:
    view = view_of(qtbot, ctx, hindi)
    choose(view, "column", "registered_at")
    assert view.filters.value_text.isVisible() and not view.filters.value_pick.isVisible()
    qtbot.keyClicks(view.filters.value_text, "08-2025")
    qtbot.keyClick(view.filters.value_text, Qt.Key.Key_Return)
    assert crime_numbers(view) == ["1"]
    assert view.count.text() == "1 प्रविष्टियाँ"


def test_a_date_that_is_no_date_is_told_and_the_table_stays(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    view = view_of(qtbot, ctx, hindi)
    choose(view, "column", "registered_at")
    qtbot.keyClicks(view.filters.value_text, "32-08-2025")
    qtbot.keyClick(view.filters.value_text, Qt.Key.Key_Return)
    assert view.filters.message.isVisible()
    assert "तिथि 05-11-2025" in view.filters.message.text()
    assert crime_numbers(view) == ["1", "2"]


def test_choices_are_picked_not_typed(qtbot: QtBot, ctx: OpContext, hindi: Language) -> None:
    view = view_of(qtbot, ctx, hindi)
    choose(view, "column", "status")
    assert view.filters.value_pick.isVisible() and not view.filters.value_text.isVisible()
    choose(view, "value_pick", "chargesheeted")
    assert crime_numbers(view) == []
    choose(view, "value_pick", "under_investigation")
    assert crime_numbers(view) == ["1", "2"]


def test_overdue_rule_and_english_labels(qtbot: QtBot, ctx: OpContext) -> None:
    language = Language("hi")
    view = view_of(qtbot, ctx, language)
    choose(view, "status", "quick:overdue")
    assert crime_numbers(view) == ["1"]
    language.set("en")
    assert view.filters.status.currentText() == "Deadline overdue (investigation…)"
    assert crime_numbers(view) == ["1"]


def test_save_a_filter_and_bring_it_back(qtbot: QtBot, ctx: OpContext, hindi: Language) -> None:
    view = view_of(qtbot, ctx, hindi)
    choose(view, "column", "io_name")
    qtbot.keyClicks(view.filters.value_text, "recent")
    qtbot.keyClick(view.filters.value_text, Qt.Key.Key_Return)
    assert crime_numbers(view) == ["2"]
    assert view.filters.save_as("हाल के मामले")
    choose(view, "column", None)  # back to every FIR
    assert crime_numbers(view) == ["1", "2"]

    reopened = RegisterView(ctx, "fir", hindi)  # the next day, say
    qtbot.addWidget(reopened)
    saved = reopened.filters.saved
    assert [saved.itemText(i) for i in range(saved.count())] == ["सहेजे फ़िल्टर…", "हाल के मामले"]
    saved.setCurrentIndex(1)
    saved.activated.emit(1)
    assert crime_numbers(reopened) == ["2"]
    assert reopened.filters.value_text.text() == "recent"
    reopened.filters.delete_chosen()
    assert saved.count() == 1
