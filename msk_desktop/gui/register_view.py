"""One register on screen: its filters, the paged table, New and Edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain import forms
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.gui.deadline_preview import DeadlinePreview
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.export_dialog import ExportDialog
from msk_desktop.gui.filter_bar import FilterBar
from msk_desktop.gui.history_pane import HistoryPane
from msk_desktop.gui.import_dialog import ImportDialog
from msk_desktop.gui.language import Language
from msk_desktop.gui.refresh_when_shown import RefreshWhenShown
from msk_desktop.gui.register_model import COUNT_CAP, RegisterTableModel
from msk_desktop.ops.browse import Browse, entry_values
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import create_entry, edit_entry
from msk_desktop.ops.exchange import IMPORT_KEYS
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.registers import register


def _save_new_fir(ctx: OpContext, values: dict[str, Any]) -> OpResult:
    sections = forms.split_sections(str(values.pop("sections") or ""))
    victim = {"age": values.pop("victim_age"), "gender": values.pop("victim_gender")}
    return register_fir(ctx, values, sections, [victim])


MAX_COLUMN_WIDTH = 220
FIT_ROWS = 40  # a 1366×768 screen shows about 25


class RegisterView(QWidget):
    def __init__(self, ctx: OpContext, register_name: str, language: Language) -> None:
        super().__init__()
        self.ctx, self.register_name, self.language = ctx, register_name, language
        self.spec = register(register_name)
        self.model = RegisterTableModel(ctx, register_name, language)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.filters = FilterBar(
            ctx, register_name, language, lambda: self.model.browse, self._show_browse
        )
        self.search = self.filters.search
        self.count = QLabel()
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_entry")
        self.new_button.clicked.connect(self.new_entry)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)
        self.export_button, self.import_button = self._exchange_buttons()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Fitting columns reads a screenful of rows, not every row loaded (BENCHMARKS.md).
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open)

        bar = QHBoxLayout()
        bar.addWidget(self.count)
        bar.addStretch()
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.model.modelReset.connect(self._fit_columns)
        self.model.total_changed.connect(self._show_count)
        self._fit_columns()
        language.changed.connect(self.retranslate)
        self.retranslate()
        # A register of 100,000 rows recounts in tens of ms: only while it is on screen.
        self.when_shown = RefreshWhenShown(self, self._reload)
        ctx.notifier.subscribe(self._on_change)

    def retranslate(self, _code: str = "") -> None:
        lang = self.language
        self.heading.setText(lang.text(self.spec.title))
        self.new_button.setText(lang("नई प्रविष्टि", "New entry"))
        self.edit_button.setText(lang("संशोधन", "Edit"))
        self.export_button.setText(lang("निर्यात", "Export"))
        self.import_button.setText(lang("आयात", "Import"))
        self._show_count()

    def _fit_columns(self) -> None:
        # Fit the first screen's values, but no column may push the others off a 1366 screen.
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))

    def _show_count(self) -> None:
        if self.model.counted:
            total = self.model.total
            self.count.setText(self.language(f"{total} प्रविष्टियाँ", f"{total} entries"))
        else:
            self.count.setText(
                self.language(f"{COUNT_CAP:,} से अधिक प्रविष्टियाँ", f"more than {COUNT_CAP:,} entries")
            )

    def _show_browse(self, browse: Browse) -> None:
        self.model.set_browse(browse)
        self._show_count()

    def _on_change(self, result: OpResult) -> None:
        if self.register_name in result.tables:
            self.when_shown.changed(result)

    def _reload(self) -> None:
        self.model.reload()
        self._show_count()

    # ---- export and import (files that leave or join the register) ------------------------

    def _exchange_buttons(self) -> tuple[QPushButton, QPushButton]:
        export = QPushButton()
        export.setObjectName("export_register")
        export.clicked.connect(self.export_view)
        imports = QPushButton()
        imports.setObjectName("import_register")
        imports.clicked.connect(self.import_file)
        imports.setVisible(self.register_name in IMPORT_KEYS)
        return export, imports

    def export_view(self) -> ExportDialog:
        """The rows as the view shows them now: its filters and its sort."""
        dialog = ExportDialog(self.ctx, self.model.browse, self.language, self)
        dialog.open()
        return dialog

    def import_file(self) -> ImportDialog:
        dialog = ImportDialog(self.ctx, self.register_name, self.language, self)
        dialog.open()
        return dialog

    # ---- entry forms -----------------------------------------------------------------------

    def new_entry(self) -> EntryDialog:
        if self.register_name == "fir":
            specs = self.spec.form + forms.NEW_FIR_EXTRA
            dialog = EntryDialog(
                self.spec.title,
                specs,
                lambda v: _save_new_fir(self.ctx, v),
                self.language,
                {"status": "under_investigation"},
                self,
            )
            DeadlinePreview(dialog, self.ctx, self.language, None)
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
        if self.register_name == "fir":
            DeadlinePreview(dialog, self.ctx, self.language, entry_id)
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
