"""The entry form of any register: fields from the register's spec, errors shown next to the
field in the user's language, Enter saves, Esc cancels; a rejected save changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.errors import Message, MskError, ValidationError
from msk_desktop.domain.fields import FieldSpec
from msk_desktop.gui.field_widgets import FieldInput
from msk_desktop.gui.language import Language
from msk_desktop.gui.transliteration import TransliterationMode
from msk_desktop.gui.ui_files import load_form

Save = Callable[[dict[str, Any]], object]
ERROR_STYLE = "color: #a61b1b; font-size: 9pt;"


class EntryDialog(QDialog):
    def __init__(
        self,
        title: Message,
        specs: tuple[FieldSpec, ...],
        save: Save,
        language: Language,
        values: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
        typing_mode: TransliterationMode | None = None,
    ) -> None:
        super().__init__(parent)
        self.language, self._save = language, save
        self.form = load_form("entry_form", self)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.result_of_save: object = None
        self.setWindowTitle(language.text(title))
        self._label("title").setText(language.text(title))
        self.summary = self._label("summary")
        self.summary.hide()
        fields = self.form.findChild(QFormLayout, "fields")
        assert fields is not None
        self.inputs: dict[str, FieldInput] = {}
        self.errors: dict[str, QLabel] = {}
        for spec in specs:
            field = FieldInput(spec, language, typing_mode)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setObjectName(f"error_{spec.name}")
            error.hide()
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(field.widget)
            box.addWidget(error)
            mark = " *" if spec.required else ""
            fields.addRow(language.text(spec.label) + mark, holder)
            self.inputs[spec.name], self.errors[spec.name] = field, error
        for name, value in (values or {}).items():
            if name in self.inputs:
                self.inputs[name].set_value(value)
        buttons = self.form.findChild(QDialogButtonBox, "buttons")
        assert buttons is not None
        save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText(language("सहेजें", "Save"))
        save_button.setDefault(True)  # Enter saves
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(language("रद्द करें", "Cancel"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self.resize(640, 620)

    def add_side_panel(self, panel: QWidget) -> None:
        """A panel beside the fields (an entry's history), widening the dialog for it."""
        self.splitter.addWidget(panel)
        self.resize(1180, 620)

    def _label(self, name: str) -> QLabel:
        label = self.form.findChild(QLabel, name)
        assert label is not None
        return label

    def values(self) -> dict[str, Any]:
        return {name: field.value() for name, field in self.inputs.items()}

    def try_save(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.summary.hide()
        try:
            self.result_of_save = self._save(self.values())
        except ValidationError as exc:
            self.show_errors(exc)
        except MskError as exc:
            self.summary.setText(self.language.text(exc.message))
            self.summary.show()
        else:
            self.accept()

    def show_errors(self, exc: ValidationError) -> None:
        unplaced = []
        first: QWidget | None = None
        for error in exc.errors:
            name = error.field.rsplit(".", 1)[-1]
            label = self.errors.get(name)
            if label is None:
                unplaced.append(self.language.text(error.message))
                continue
            label.setText(self.language.text(error.message))
            label.show()
            first = first or self.inputs[name].widget
        if unplaced:
            self.summary.setText("\n".join(unplaced))
            self.summary.show()
        if first is not None:
            first.setFocus()
