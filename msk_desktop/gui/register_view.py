"""One register on screen: a text filter, a status filter, the paged table, New and Edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain import forms
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.history_pane import HistoryPane
from msk_desktop.gui.language import Language
from msk_desktop.gui.register_model import RegisterTableModel
from msk_desktop.ops.browse import entry_values
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import create_entry, edit_entry
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.registers import register


# A new FIR is entered with its sections and first victim; more come from the FIR's own page.
def _new_fir_extra() -> tuple[FieldSpec, ...]:
    gender = next(f for f in forms.FIR_VICTIM if f.name == "gender")
    return (
        FieldSpec(
            "sections",
            Message("धाराएँ (जैसे BNS 64, POCSO 4)", "Sections (e.g. BNS 64, POCSO 4)"),
            Kind.TEXT,
            required=True,
        ),
        FieldSpec("victim_age", Message("पीड़िता की आयु", "Victim's age"), Kind.INT),
        FieldSpec(
            "victim_gender",
            Message("पीड़िता का लिंग", "Victim's gender"),
            Kind.CHOICE,
            required=True,
            choices=gender.choices,
        ),
    )


def _save_new_fir(ctx: OpContext, values: dict[str, Any]) -> OpResult:
    sections = [s.strip() for s in str(values.pop("sections") or "").split(",") if s.strip()]
    victim = {"age": values.pop("victim_age"), "gender": values.pop("victim_gender")}
    return register_fir(ctx, values, sections, [victim])


MAX_COLUMN_WIDTH = 220


class RegisterView(QWidget):
    def __init__(self, ctx: OpContext, register_name: str, language: Language) -> None:
        super().__init__()
        self.ctx, self.register_name, self.language = ctx, register_name, language
        self.spec = register(register_name)
        self.model = RegisterTableModel(ctx, register_name, language)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.search = QLineEdit()
        self.search.setObjectName("register_filter")
        self.search.returnPressed.connect(self.apply_filter)
        self.status = QComboBox()
        self.status.setObjectName("status_filter")
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.count = QLabel()
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_entry")
        self.new_button.clicked.connect(self.new_entry)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open)

        bar = QHBoxLayout()
        for widget in (self.search, self.status, self.count):
            bar.addWidget(widget)
        bar.addStretch()
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.model.modelReset.connect(self._fit_columns)
        self._fit_columns()
        language.changed.connect(self.retranslate)
        self.retranslate()
        ctx.notifier.subscribe(self._on_change)

    def retranslate(self, _code: str = "") -> None:
        lang = self.language
        self.heading.setText(lang.text(self.spec.title))
        self.search.setPlaceholderText(
            lang("खोजें (क्रमांक 12/2025 या शब्द) ↵", "Filter (serial 12/2025 or words) ↵")
        )
        self.new_button.setText(lang("नई प्रविष्टि", "New entry"))
        self.edit_button.setText(lang("संशोधन", "Edit"))
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(lang("सभी स्थितियाँ", "All statuses"), None)
        status = next((f for f in self.spec.form if f.name == "status"), None)
        for choice in status.choices if status else ():
            self.status.addItem(lang.text(choice.label), choice.code)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.status.setVisible(status is not None)
        self.status.blockSignals(False)
        self._show_count()

    def _fit_columns(self) -> None:
        # Fit the first screen's values, but no column may push the others off a 1366 screen.
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))

    def _show_count(self) -> None:
        self.count.setText(
            self.language(f"{self.model.total} प्रविष्टियाँ", f"{self.model.total} entries")
        )

    def apply_filter(self) -> None:
        self.model.set_filter(text=self.search.text(), status=self.status.currentData())
        self._show_count()

    def _on_change(self, result: OpResult) -> None:
        if self.register_name in result.tables:
            self.model.reload()
            self._show_count()

    # ---- entry forms -----------------------------------------------------------------------

    def new_entry(self) -> EntryDialog:
        if self.register_name == "fir":
            specs = self.spec.form + _new_fir_extra()
            dialog = EntryDialog(
                self.spec.title,
                specs,
                lambda v: _save_new_fir(self.ctx, v),
                self.language,
                {"status": "under_investigation"},
                self,
            )
        else:
            dialog = EntryDialog(
                self.spec.title,
                self._form_fields(),
                lambda v: create_entry(self.ctx, self.register_name, v),
                self.language,
                parent=self,
            )
        dialog.open()
        return dialog

    def edit_entry(self, entry_id: str) -> EntryDialog:
        values = entry_values(self.ctx, self.register_name, entry_id)
        dialog = EntryDialog(
            self.spec.title,
            self._form_fields(),
            lambda v: edit_entry(self.ctx, self.register_name, entry_id, v),
            self.language,
            values,
            self,
        )
        dialog.add_side_panel(HistoryPane(self.ctx, self.register_name, entry_id, self.language))
        dialog.open()
        return dialog

    def _form_fields(self) -> tuple[FieldSpec, ...]:
        # Links to other entries are chosen from those entries' pages, not typed as ids.
        return tuple(f for f in self.spec.form if f.kind is not Kind.REF)

    def edit_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.edit_entry(self.model.entry_id(rows[0].row()))

    def _open(self, index: QModelIndex) -> None:
        self.edit_entry(self.model.entry_id(index.row()))
