"""Roman typing in text fields: words become Devanagari as they end, Backspace brings the Roman
word back, Ctrl+Space switches the shared mode."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from msk_desktop.domain.errors import Message
from msk_desktop.domain.forms import FORMS_BY_TABLE
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.language import Language
from msk_desktop.gui.transliteration import (
    TOOLTIP,
    TransliterationInput,
    TransliterationMode,
    enable_transliteration,
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def line_edit(qtbot: QtBot, enabled: bool = True) -> tuple[QLineEdit, TransliterationInput]:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    hindi_typing = TransliterationInput(edit, TransliterationMode(enabled))
    edit.show()
    edit.setFocus()
    return edit, hindi_typing


def test_words_convert_when_they_end(qtbot: QtBot) -> None:
    edit, _ = line_edit(qtbot)
    qtbot.keyClicks(edit, "mahila thana ")
    assert edit.text() == "महिला थाना "


def test_the_word_being_typed_stays_roman(qtbot: QtBot) -> None:
    edit, _ = line_edit(qtbot)
    qtbot.keyClicks(edit, "mahila tha")
    assert edit.text() == "महिला tha"


def test_punctuation_ends_a_word_and_stays(qtbot: QtBot) -> None:
    edit, _ = line_edit(qtbot)
    qtbot.keyClicks(edit, "pulis, mahila? {SHO} saahab|")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "पुलिस, महिला? SHO साहब।"


def test_braces_keep_several_words_as_typed(qtbot: QtBot) -> None:
    edit, _ = line_edit(qtbot)
    qtbot.keyClicks(edit, "{Mission Shakti} kendra ")
    assert edit.text() == "Mission Shakti केन्द्र "


def test_backspace_after_a_word_brings_the_roman_back(qtbot: QtBot) -> None:
    edit, _ = line_edit(qtbot)
    qtbot.keyClicks(edit, "mahila thaan ")
    assert edit.text() == "महिला थान "
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "महिला thaan"
    qtbot.keyClicks(edit, "a ")
    assert edit.text() == "महिला थाना "
    # Then Backspace is an ordinary one again.
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "महिला thaan"


def test_backspace_elsewhere_is_ordinary(qtbot: QtBot) -> None:
    edit, _ = line_edit(qtbot)
    qtbot.keyClicks(edit, "pulis x")
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "पुलिस "
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "पुलिस"  # the converted word is not brought back once edited past


def test_ctrl_space_switches_the_mode_shared_by_fields(qtbot: QtBot) -> None:
    mode = TransliterationMode()
    first, second = QLineEdit(), QLineEdit()
    for edit in (first, second):
        qtbot.addWidget(edit)
        enable_transliteration(edit, mode=mode)
    qtbot.keyClicks(first, "mahila ")
    assert first.text() == "mahila "  # off until switched on
    qtbot.keyClick(first, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert mode.enabled
    assert first.text() == "mahila "  # the shortcut types nothing
    qtbot.keyClicks(second, "shakti ")
    assert second.text() == "शक्ति "
    qtbot.keyClick(second, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(second, "shakti ")
    assert second.text() == "शक्ति shakti "


def test_the_mark_in_the_field_shows_and_switches_the_mode(qtbot: QtBot) -> None:
    edit, hindi_typing = line_edit(qtbot, enabled=False)
    assert hindi_typing.indicator in edit.actions()
    assert not hindi_typing.indicator.isChecked()
    hindi_typing.indicator.trigger()
    assert hindi_typing.enabled
    assert hindi_typing.indicator.isChecked()


def test_leaving_the_field_converts_the_last_word(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    edit, other = QLineEdit(form), QLineEdit(form)
    QVBoxLayout(form).addWidget(edit)
    TransliterationInput(edit, TransliterationMode(True))
    form.show()
    form.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "peeRita")
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert edit.text() == nfc("पीड़िता")


def test_a_context_menu_does_not_end_the_word(qtbot: QtBot) -> None:
    edit, _ = line_edit(qtbot)
    qtbot.keyClicks(edit, "peeRita")
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.PopupFocusReason))
    assert edit.text() == "peeRita"
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert edit.text() == nfc("पीड़िता")


def test_plain_text_edit_converts_words_and_lines(qtbot: QtBot) -> None:
    notes = QPlainTextEdit()
    qtbot.addWidget(notes)
    TransliterationInput(notes, TransliterationMode(True))
    qtbot.keyClicks(notes, "aavedan praapt")
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    qtbot.keyClicks(notes, "vivechana jaarii ")
    assert notes.toPlainText() == "आवेदन प्राप्त\nविवेचना जारी "
    qtbot.keyClick(notes, Qt.Key.Key_Backspace)
    assert notes.toPlainText() == "आवेदन प्राप्त\nविवेचना jaarii"


def test_editing_in_the_middle_converts_only_the_word_before_the_cursor(qtbot: QtBot) -> None:
    edit, _ = line_edit(qtbot)
    edit.setText("महिला  थाना")
    edit.setCursorPosition(6)
    qtbot.keyClicks(edit, "pulis ")
    assert edit.text() == "महिला पुलिस  थाना"


def test_tooltip_follows_the_language(qtbot: QtBot) -> None:
    language = Language("hi")
    edit = QLineEdit()
    qtbot.addWidget(edit)
    enable_transliteration(edit, language, TransliterationMode())
    assert edit.toolTip() == TOOLTIP.hi
    language.set("en")
    assert edit.toolTip() == TOOLTIP.en


def test_entry_forms_take_roman_typing_in_words_but_not_in_numbers(qtbot: QtBot) -> None:
    specs = FORMS_BY_TABLE["staff_member"]
    dialog = EntryDialog(
        Message("कर्मी", "Staff member"),
        specs,
        lambda _values: None,
        Language("hi"),
        typing_mode=TransliterationMode(True),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    for name, typed, expected in (("name", "mahila ", "महिला "), ("mobile", "98765 ", "98765 ")):
        widget = dialog.inputs[name].widget
        assert isinstance(widget, QLineEdit)
        widget.setFocus()
        qtbot.keyClicks(widget, typed)
        assert widget.text() == expected
    references = [s.name for s in specs if s.reference]
    assert references  # police number, mobile, iGOT certificate…
    for name in references:
        assert not dialog.inputs[name].widget.findChildren(QObject, "transliteration_toggle")
    assert dialog.inputs["name"].widget.findChildren(QObject, "transliteration_toggle")
