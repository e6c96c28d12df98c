"""One input widget per field kind, with a uniform way to read it and to fill it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from msk_desktop.domain.dates import format_date, format_moment
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.domain.forms import FIR_SECTIONS
from msk_desktop.gui.language import Language
from msk_desktop.gui.section_picker import SectionPicker
from msk_desktop.gui.transliteration import TransliterationMode, enable_transliteration

PLACEHOLDERS = {
    Kind.DATE: "DD-MM-YYYY",
    Kind.DATETIME: "DD-MM-YYYY HH:MM",
    Kind.TIME: "HH:MM",
}


class FieldInput:
    """Wraps the widget of one field: ``value()`` gives raw input for ops' cleaner (text as
    typed, so the cleaner's messages refer to what the user wrote)."""

    def __init__(
        self, spec: FieldSpec, language: Language, typing_mode: TransliterationMode | None = None
    ) -> None:
        self.spec = spec
        self.widget: QWidget
        if spec.kind is Kind.BOOL:
            self.widget = QCheckBox()
        elif spec.kind is Kind.CHOICE:
            combo = QComboBox()
            combo.addItem("", None)
            for choice in spec.choices:
                combo.addItem(language.text(choice.label), choice.code)
            self.widget = combo
        elif spec.multiline:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)  # keyboard-first: Tab moves on, as in every other field
            edit.setFixedHeight(70)
            self.widget = edit
        else:
            line = QLineEdit()
            line.setMaxLength(spec.max_length if spec.kind is Kind.TEXT else 40)
            line.setPlaceholderText(PLACEHOLDERS.get(spec.kind, ""))
            if spec in FIR_SECTIONS:
                line.setPlaceholderText("BNS 64, POCSO 4 …")
                self.section_picker = SectionPicker(line)
            self.widget = line
        self.widget.setObjectName(f"field_{spec.name}")
        if spec.takes_words:
            # Names, places and notes take Roman typing as Hindi (off until the user turns it on:
            # Ctrl+Space or the अ/A mark); numbers and codes are typed as printed.
            assert isinstance(self.widget, QLineEdit | QPlainTextEdit)
            enable_transliteration(self.widget, language, typing_mode)

    def when_changed(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` on every change the user makes (each key typed, each pick)."""
        widget = self.widget
        if isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _on: callback())
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _index: callback())
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(callback)
        else:
            assert isinstance(widget, QLineEdit)
            widget.textChanged.connect(lambda _text: callback())

    def value(self) -> Any:
        widget = self.widget
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_value(self, value: Any) -> None:
        widget = self.widget
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(_as_text(value))


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_moment(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value)
