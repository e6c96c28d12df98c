"""Sync conflicts: a field two PCs changed differently. Both values are shown side by side and
a person keeps one; the choice travels to the district and every other PC with the next sync.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.dates import format_moment
from msk_desktop.domain.errors import Message, MskError
from msk_desktop.gui.language import Language
from msk_desktop.gui.password_forms import ERROR_STYLE
from msk_desktop.ops.conflicts import Choice, ConflictView, list_conflicts, resolve_conflict
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.registers import REGISTERS

COLUMNS = (
    Message("रजिस्टर", "Register"),
    Message("फ़ील्ड", "Field"),
    Message("रखा गया मान (पहले पहुँचा)", "Value kept (arrived first)"),
    Message("किसने / कब", "By / when"),
    Message("दूसरा मान", "Other value"),
    Message("किसने / कब", "By / when"),
)


def _shown(value: Any) -> str:
    return "—" if value is None else str(value)


class ConflictsDialog(QDialog):
    def __init__(self, ctx: OpContext, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.language = ctx, language
        lang = language
        self.setWindowTitle(lang("सिंक विरोध", "Sync conflicts"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([lang.text(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keep_button = QPushButton(lang("रखा गया मान रखें", "Keep the kept value"))
        self.other_button = QPushButton(lang("दूसरा मान चुनें", "Use the other value"))
        self.keep_button.clicked.connect(lambda: self.resolve("kept"))
        self.other_button.clicked.connect(lambda: self.resolve("other"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                lang(
                    "दो पीसी ने एक ही फ़ील्ड अलग-अलग बदला। दोनों मान सुरक्षित हैं; एक चुनें।",
                    "Two PCs changed the same field differently. Both values are kept; choose one.",
                )
            )
        )
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.conflicts: list[ConflictView] = []
        self.resize(1000, 420)
        self.refresh()

    def refresh(self) -> None:
        self.conflicts = list_conflicts(self.ctx)
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            spec = REGISTERS.get(conflict.table)
            cells = (
                self.language.text(spec.title) if spec else conflict.table,
                conflict.field,
                _shown(conflict.kept_value),
                self._who(conflict.kept_by, conflict.kept_at),
                _shown(conflict.other_value),
                self._who(conflict.other_by, conflict.other_at),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        has_any = bool(self.conflicts)
        self.keep_button.setEnabled(has_any)
        self.other_button.setEnabled(has_any)
        if has_any:
            self.table.selectRow(0)
        else:
            self.message.setStyleSheet("")
            self.message.setText(self.language("कोई खुला विरोध नहीं।", "No open conflicts."))

    def _who(self, user: str | None, at: datetime | None) -> str:
        when = format_moment(at) if at else ""
        return f"{user or '—'} {when}".strip()

    def resolve(self, choice: Choice) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        try:
            resolve_conflict(self.ctx, self.conflicts[row].id, choice)
        except MskError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.language.text(exc.message))
            return
        self.message.setStyleSheet("")
        self.message.setText(
            self.language(
                "चुनाव सहेजा गया; अगले सिंक में सभी पीसी तक जाएगा।",
                "Choice saved; the next sync takes it to every PC.",
            )
        )
        self.refresh()
