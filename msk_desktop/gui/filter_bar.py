"""The filters above a register's table: words, status or a rule (overdue, due soon, unsent),
one column narrowed by what the user types or picks, and filters saved under a name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from msk_desktop.domain.errors import MskError
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.gui.entry_dialog import ERROR_STYLE
from msk_desktop.gui.language import Language
from msk_desktop.ops.browse import QUICK_LABELS, Browse, QuickFilter, quick_filters, table_columns
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.saved_filters import delete_filter, save_filter, saved_filters

STATUS, QUICK = "status:", "quick:"
PICKED_KINDS = (Kind.CHOICE, Kind.BOOL)

# Applies a Browse to the table; raises MskError (e.g. a date that is no date) to refuse it.
Apply = Callable[[Browse], None]
# What the table shows now (its sort is set by clicking a header, not here).
Current = Callable[[], Browse]


def _hint(spec: FieldSpec, lang: Language) -> str:
    if spec.kind in (Kind.DATE, Kind.DATETIME):
        return lang("11-2025 या 01-10-2025..31-10-2025 ↵", "11-2025 or 01-10-2025..31-10-2025 ↵")
    if spec.kind is Kind.INT:
        return lang("संख्या ↵", "number ↵")
    return lang("शब्द का भाग ↵", "part of the text ↵")


class FilterBar(QWidget):
    def __init__(
        self,
        ctx: OpContext,
        register_name: str,
        language: Language,
        current: Current,
        apply: Apply,
    ) -> None:
        super().__init__()
        self.ctx, self.register_name, self.language = ctx, register_name, language
        self._current, self._apply = current, apply
        self.status_spec = next(
            (c for c in table_columns(register_name) if c.name == "status"), None
        )
        self.columns = tuple(c for c in table_columns(register_name) if c.kind is not Kind.REF)

        self.search = QLineEdit()
        self.search.setObjectName("register_filter")
        self.search.returnPressed.connect(self._changed)
        self.status = QComboBox()
        self.status.setObjectName("status_filter")
        self.status.currentIndexChanged.connect(self._changed)
        self.column = QComboBox()
        self.column.setObjectName("column_choice")
        self.column.currentIndexChanged.connect(self._column_chosen)
        self.value_text = QLineEdit()
        self.value_text.setObjectName("column_value")
        self.value_text.returnPressed.connect(self._changed)
        self.value_pick = QComboBox()
        self.value_pick.setObjectName("column_pick")
        self.value_pick.currentIndexChanged.connect(self._changed)
        self.saved = QComboBox()
        self.saved.setObjectName("saved_filters")
        self.saved.activated.connect(self._saved_chosen)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_filter")
        self.save_button.clicked.connect(self.ask_name_and_save)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("delete_filter")
        self.delete_button.clicked.connect(self.delete_chosen)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0)
        grid.addWidget(self.status, 0, 1)
        grid.addWidget(self.column, 0, 2)
        grid.addWidget(self.value_text, 0, 3)
        grid.addWidget(self.value_pick, 0, 3)
        grid.addWidget(self.saved, 1, 1)
        grid.addWidget(self.save_button, 1, 2)
        grid.addWidget(self.delete_button, 1, 3)
        grid.addWidget(self.message, 1, 0)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(3, 1)
        language.changed.connect(self.retranslate)
        self.retranslate()

    # ---- labels ----------------------------------------------------------------------------

    def retranslate(self, _code: str = "") -> None:
        lang = self.language
        self.search.setPlaceholderText(
            lang("खोजें (क्रमांक 12/2025 या शब्द) ↵", "Filter (serial 12/2025 or words) ↵")
        )
        self._quietly(self.status, self._fill_status)
        self._quietly(self.column, self._fill_columns)
        self._column_chosen(keep_value=True)
        self.save_button.setText(lang("फ़िल्टर सहेजें", "Save filter"))
        self.delete_button.setText(lang("हटाएँ", "Delete"))
        self._fill_saved()

    @staticmethod
    def _quietly(combo: QComboBox, fill: Callable[[], None]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        fill()
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _fill_status(self) -> None:
        lang = self.language
        self.status.addItem(lang("सभी प्रविष्टियाँ", "All entries"), None)
        for choice in self.status_spec.choices if self.status_spec else ():
            self.status.addItem(lang.text(choice.label), STATUS + choice.code)
        self.status.insertSeparator(self.status.count())
        for quick in quick_filters(self.register_name):
            self.status.addItem(lang.text(QUICK_LABELS[quick]), QUICK + quick.value)

    def _fill_columns(self) -> None:
        self.column.addItem(self.language("स्तम्भ से छाँटें…", "Filter a column…"), None)
        for spec in self.columns:
            self.column.addItem(self.language.text(spec.label), spec.name)

    def _fill_picks(self, spec: FieldSpec) -> None:
        lang = self.language
        self.value_pick.addItem(lang("— चुनें —", "— choose —"), None)
        if spec.kind is Kind.BOOL:
            self.value_pick.addItem(lang("हाँ", "Yes"), "yes")
            self.value_pick.addItem(lang("नहीं", "No"), "no")
        for choice in spec.choices:
            self.value_pick.addItem(lang.text(choice.label), choice.code)

    def _fill_saved(self) -> None:
        self.saved.clear()
        self.saved.addItem(self.language("सहेजे फ़िल्टर…", "Saved filters…"), None)
        for named in saved_filters(self.ctx, self.register_name):
            self.saved.addItem(named.name, named)
        self.delete_button.setEnabled(self.saved.count() > 1)

    # ---- what the user set -----------------------------------------------------------------

    def _chosen_spec(self) -> FieldSpec | None:
        name = self.column.currentData()
        return next((c for c in self.columns if c.name == name), None)

    def _column_chosen(self, _index: int = 0, keep_value: bool = False) -> None:
        spec = self._chosen_spec()
        picked = spec is not None and spec.kind in PICKED_KINDS
        self.value_text.setVisible(spec is not None and not picked)
        self.value_pick.setVisible(picked)
        if spec is not None and picked:
            self._quietly(self.value_pick, lambda: self._fill_picks(spec))
        elif spec is not None:
            self.value_text.setPlaceholderText(_hint(spec, self.language))
        if not keep_value:
            self.value_text.clear()
            self._changed()

    def wanted(self) -> Browse:
        """The Browse the widgets describe, keeping the table's sort."""
        status = self.status.currentData() or ""
        spec = self._chosen_spec()
        value = None
        if spec is not None:
            value = (
                self.value_pick.currentData()
                if spec.kind in PICKED_KINDS
                else self.value_text.text().strip()
            )
        return replace(
            self._current(),
            text=self.search.text().strip() or None,
            status=status.removeprefix(STATUS) if status.startswith(STATUS) else None,
            quick=QuickFilter(status.removeprefix(QUICK)) if status.startswith(QUICK) else None,
            column=spec.name if spec is not None and value else None,
            column_value=value or None,
        )

    def _changed(self, *_args: object) -> None:
        self.show_browse(self.wanted())

    def show_browse(self, browse: Browse) -> bool:
        """Apply ``browse`` to the table; on a refusal say why and keep the table as it was."""
        try:
            self._apply(browse)
        except MskError as exc:
            self.message.setText(self.language.text(exc.message))
            self.message.show()
            return False
        self.message.hide()
        return True

    # ---- saved filters ---------------------------------------------------------------------

    def _set_widgets(self, browse: Browse) -> None:
        for widget in (self.search, self.status, self.column, self.value_pick):
            widget.blockSignals(True)
        self.search.setText(browse.text or "")
        code = (
            STATUS + browse.status
            if browse.status
            else QUICK + browse.quick.value
            if browse.quick
            else None
        )
        self.status.setCurrentIndex(max(0, self.status.findData(code)))
        self.column.setCurrentIndex(max(0, self.column.findData(browse.column)))
        self._column_chosen(keep_value=True)
        self.value_text.setText(browse.column_value or "")
        self.value_pick.setCurrentIndex(max(0, self.value_pick.findData(browse.column_value)))
        for widget in (self.search, self.status, self.column, self.value_pick):
            widget.blockSignals(False)

    def _saved_chosen(self, index: int) -> None:
        named = self.saved.itemData(index)
        if named is not None and self.show_browse(named.browse):
            self._set_widgets(named.browse)

    def save_as(self, name: str) -> bool:
        try:
            save_filter(self.ctx, name, self._current())
        except MskError as exc:
            self.message.setText(self.language.text(exc.message))
            self.message.show()
            return False
        self._fill_saved()
        self.saved.setCurrentIndex(max(0, self.saved.findText(" ".join(name.split()))))
        return True

    def ask_name_and_save(self) -> None:
        lang = self.language
        name, ok = QInputDialog.getText(self, lang("फ़िल्टर सहेजें", "Save filter"), lang("नाम", "Name"))
        if ok:
            self.save_as(name)

    def delete_chosen(self) -> None:
        named = self.saved.currentData()
        if named is not None:
            delete_filter(self.ctx, named.id)
            self._fill_saved()
