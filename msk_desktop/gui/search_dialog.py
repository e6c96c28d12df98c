"""Global search (Ctrl+K): type in Hindi or English; results grouped by register as you type;
Enter or a double click opens the entry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from msk_desktop.domain.display import display
from msk_desktop.gui.language import Language
from msk_desktop.ops.browse import table_columns
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.search import SearchHit, global_search

TARGET_ROLE = Qt.ItemDataRole.UserRole + 3
TYPING_PAUSE_MS = 150  # search when typing pauses, not on every key


class SearchDialog(QDialog):
    def __init__(
        self, ctx: OpContext, language: Language, open_entry: Callable[[str, str], None]
    ) -> None:
        super().__init__()
        self.ctx, self.language, self.open_entry = ctx, language, open_entry
        self.setWindowTitle(language("खोज", "Search"))
        self.query = QLineEdit()
        self.query.setObjectName("search_query")
        self.query.setPlaceholderText(
            language(
                "मु0अ0सं0, नाम, धारा, मोबाइल… (हिन्दी या English)",
                "Crime no., name, section, phone… (Hindi or English)",
            )
        )
        self.results = QTreeWidget()
        self.results.setObjectName("search_results")
        self.results.setHeaderLabels([language("प्रविष्टि", "Entry"), language("विवरण", "Details")])
        self.results.itemActivated.connect(self._activate)
        self.status = QLabel()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self.timer.start())
        self.query.returnPressed.connect(self._open_first)
        box = QVBoxLayout(self)
        for widget in (self.query, self.results, self.status):
            box.addWidget(widget)
        self.resize(900, 520)

    def run_search(self) -> None:
        self.timer.stop()
        hits = global_search(self.ctx, self.query.text()) if self.query.text().strip() else []
        self._show(hits)

    def _show(self, hits: list[SearchHit]) -> None:
        lang = self.language
        self.results.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            group = groups.get(hit.register)
            if group is None:
                group = QTreeWidgetItem([lang.text(REGISTERS[hit.register].title)])
                self.results.addTopLevelItem(group)
                group.setExpanded(True)
                groups[hit.register] = group
            specs = {c.name: c for c in table_columns(hit.register)}
            details = " · ".join(
                shown
                for name, value in hit.values
                if (shown := display(specs[name], value, lang.code))
            )
            if hit.by_identity:
                details += lang("  (पहचान से मिला)", "  (matched a protected identity)")
            row = QTreeWidgetItem([hit.serial, details])
            row.setData(0, TARGET_ROLE, (hit.register, hit.entry_id))
            group.addChild(row)
        self.results.resizeColumnToContents(0)
        self.status.setText(lang(f"{len(hits)} परिणाम", f"{len(hits)} results"))

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET_ROLE)
        if target:
            self.accept()
            self.open_entry(*target)

    def _open_first(self) -> None:
        self.run_search()
        top = self.results.topLevelItem(0)
        first = top.child(0) if top is not None else None
        if first is not None:
            self._activate(first)
