"""Import a station's spreadsheet register: choose the file, check which column is which field,
see the dry run's result row by row, then confirm. Reading, checking and writing run off the
UI thread; nothing is written before Confirm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.exchange.importing import STATE_LABELS, describe, run_import, summary
from msk_desktop.exchange.mapping import suggest_mapping
from msk_desktop.exchange.sheets import Sheet, read_sheet
from msk_desktop.gui.export_dialog import ERROR_STYLE, error_text
from msk_desktop.gui.language import Language
from msk_desktop.gui.worker import run_in_background
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.exchange import ImportResult, RowState, import_fields
from msk_desktop.ops.registers import register

SKIP_COLUMN = None  # the field of a column that is not imported


class ImportDialog(QDialog):
    def __init__(
        self, ctx: OpContext, register_name: str, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.register_name, self.language = ctx, register_name, language
        self.sheet: Sheet | None = None
        self.source = ""
        self.outcome: ImportResult | None = None
        self.busy = False
        lang = language
        self.setWindowTitle(
            f"{lang('आयात', 'Import')} — {lang.text(register(register_name).title)}"
        )
        self.resize(900, 640)

        self.path = QLineEdit()
        self.path.setObjectName("import_path")
        self.path.returnPressed.connect(lambda: self.load_file(Path(self.path.text())))
        choose = QPushButton(lang("फ़ाइल चुनें…", "Choose file…"))
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(lang("फ़ाइल (.xlsx / .csv)", "File (.xlsx / .csv)")))
        file_row.addWidget(self.path)
        file_row.addWidget(choose)

        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("import_mapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [
                lang("फ़ाइल का स्तम्भ", "Column in the file"),
                lang("पहला मान", "First value"),
                lang("किस फ़ील्ड में", "Imported as"),
            ]
        )
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.check_button = QPushButton(lang("जाँचें (पूर्वावलोकन)", "Check (dry run)"))
        self.check_button.setObjectName("import_check")
        self.check_button.clicked.connect(self.dry_run)
        self.confirm_button = QPushButton(lang("पुष्टि कर आयात करें", "Confirm import"))
        self.confirm_button.setObjectName("import_confirm")
        self.confirm_button.clicked.connect(self.confirm)

        self.status = QLabel()
        self.status.setObjectName("import_status")
        self.status.setWordWrap(True)
        self.results = QTableWidget(0, 3)
        self.results.setObjectName("import_results")
        self.results.setHorizontalHeaderLabels(
            [lang("पंक्ति", "Row"), lang("परिणाम", "Result"), lang("विवरण", "Details")]
        )
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.mapping_table, 2)
        layout.addLayout(self._button_row())
        layout.addWidget(self.status)
        layout.addWidget(self.results, 3)
        self._enable()

    def _button_row(self) -> QHBoxLayout:
        close = QPushButton(self.language("बंद करें", "Close"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch()
        row.addWidget(self.confirm_button)
        row.addWidget(close)
        return row

    # ---- state -----------------------------------------------------------------------------

    def _enable(self) -> None:
        ready = self.sheet is not None and not self.busy
        self.check_button.setEnabled(ready)
        # Confirm only what a check has just shown: unsaved new rows under this mapping.
        outcome = self.outcome
        unsaved = outcome is not None and not outcome.committed and outcome.count(RowState.NEW) > 0
        self.confirm_button.setEnabled(ready and unsaved)

    def _start(self, text: str) -> None:
        self.busy = True
        self.status.setStyleSheet("")
        self.status.setText(text)
        self._enable()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(error_text(error, self.language))
        self._enable()

    # ---- the file and its columns ----------------------------------------------------------

    def _choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.language("आयात हेतु फ़ाइल", "File to import"),
            str(Path.home()),
            "Excel / CSV (*.xlsx *.csv)",
        )
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        self.path.setText(str(path))
        self.sheet, self.outcome, self.source = None, None, path.name
        self.mapping_table.setRowCount(0)
        self._show_result(None)
        self._start(self.language("फ़ाइल पढ़ी जा रही है…", "Reading the file…"))
        run_in_background(lambda: read_sheet(path), self._loaded, self._failed)

    def _loaded(self, sheet: Sheet) -> None:
        self.busy, self.sheet = False, sheet
        suggested = suggest_mapping(self.register_name, sheet.headers)
        fields = import_fields(self.register_name)
        self.mapping_table.setRowCount(len(sheet.headers))
        for row, (header, field) in enumerate(zip(sheet.headers, suggested, strict=True)):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(header))
            self.mapping_table.setItem(row, 1, QTableWidgetItem(sheet.samples(row)))
            combo = QComboBox()
            combo.addItem(self.language("— आयात न करें —", "— do not import —"), SKIP_COLUMN)
            for spec in fields:
                combo.addItem(self.language.text(spec.label), spec.name)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(row, 2, combo)
        self.status.setStyleSheet("")
        self.status.setText(
            self.language(
                f"{len(sheet.rows)} पंक्तियाँ। स्तम्भों का मिलान देखें, फिर जाँचें।",
                f"{len(sheet.rows)} rows. Check the column mapping, then run the check.",
            )
        )
        self._enable()

    def field_box(self, row: int) -> QComboBox:
        combo = self.mapping_table.cellWidget(row, 2)
        assert isinstance(combo, QComboBox)
        return combo

    def mapping(self) -> list[str | None]:
        return [self.field_box(row).currentData() for row in range(self.mapping_table.rowCount())]

    def _mapping_changed(self) -> None:
        # A new mapping makes the last check's result meaningless: check again before saving.
        self.outcome = None
        self._show_result(None)
        self._enable()

    # ---- checking and importing -------------------------------------------------------------

    def dry_run(self) -> None:
        self._run(commit=False)

    def confirm(self) -> None:
        self._run(commit=True)

    def _run(self, *, commit: bool) -> None:
        sheet, mapping, source = self.sheet, self.mapping(), self.source
        if sheet is None:
            return
        self._start(
            self.language("आयात हो रहा है…", "Importing…")
            if commit
            else self.language("जाँच हो रही है…", "Checking…")
        )
        run_in_background(
            lambda: run_import(
                self.ctx, self.register_name, sheet, mapping, commit=commit, source=source
            ),
            self._checked,
            self._failed,
        )

    def _checked(self, result: ImportResult) -> None:
        self.busy, self.outcome = False, result
        if result.committed:
            self.ctx.notifier.announce(result.announcement())
        self._show_result(result)
        self._enable()

    def _show_result(self, result: ImportResult | None) -> None:
        self.results.setRowCount(0)
        if result is None:
            return
        lang = self.language
        self.status.setStyleSheet("")
        self.status.setText(lang.text(summary(result)))
        # Problems first: they are what the user has to act on.
        shown = sorted(result.rows, key=lambda r: (r.state is RowState.NEW, r.number))
        self.results.setRowCount(len(shown))
        for row, outcome in enumerate(shown):
            cells = (
                str(outcome.number),
                lang.text(STATE_LABELS[outcome.state]),
                lang.text(describe(outcome)),
            )
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(text))
