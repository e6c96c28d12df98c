"""The sync log: the last runs with what each sent and received, and every change the district
refused with its reason (which the in-charge then corrects in the entry)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.dates import format_moment
from msk_desktop.gui.language import Language
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.sync_log import sync_log

COUNTS = ("pushed", "pulled", "conflicts", "rejected")


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    return table


class SyncLogDialog(QDialog):
    def __init__(self, ctx: OpContext, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = language
        log = sync_log(ctx)
        self.setWindowTitle(lang("सिंक लॉग", "Sync log"))
        when = [format_moment(r.at) for r in log.runs]
        self.runs = _table(
            [
                lang("समय", "Time"),
                lang("उपयोगकर्ता", "User"),
                lang("भेजे", "Sent"),
                lang("प्राप्त", "Received"),
                lang("विरोध", "Conflicts"),
                lang("अस्वीकृत", "Refused"),
            ],
            [
                [w, r.username or "-", *(str(r.counts.get(k, 0)) for k in COUNTS)]
                for w, r in zip(when, log.runs, strict=True)
            ],
        )
        self.refused = _table(
            [
                lang("रजिस्टर", "Register"),
                lang("बदलाव", "Change"),
                lang("जिले का कारण", "District's reason"),
            ],
            [
                [
                    lang.text(REGISTERS[c.table].title) if c.table in REGISTERS else c.table,
                    c.operation,
                    lang.text(c.reason),
                ]
                for c in log.refused
            ],
        )
        box = QVBoxLayout(self)
        box.addWidget(QLabel(lang("पिछले सिंक", "Recent syncs")))
        box.addWidget(self.runs)
        box.addWidget(QLabel(lang("जिले द्वारा अस्वीकृत बदलाव", "Changes the district refused")))
        box.addWidget(self.refused)
        self.resize(900, 560)
