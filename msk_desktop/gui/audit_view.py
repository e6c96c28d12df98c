"""The audit log for the in-charge and the circle officer: a page of entries at a time, newest
first, filtered by user, action and dates, and a button that verifies the hash chain.

What it shows comes from ``ops.audit_log``, which never passes on a field's value from a
change, so no protected identity can appear here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.dates import format_date, parse_date
from msk_desktop.domain.errors import Message, MskError
from msk_desktop.gui.language import Language
from msk_desktop.gui.password_forms import ERROR_STYLE
from msk_desktop.ops.audit_log import (
    PAGE_SIZE,
    AuditPage,
    audit_filter_choices,
    read_audit_log,
    verify_audit_chain,
)
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.registers import REGISTERS

COLUMNS = (
    Message("समय", "Time"),
    Message("उपयोगकर्ता", "User"),
    Message("कार्य", "Action"),
    Message("रजिस्टर", "Register"),
    Message("प्रविष्टि", "Entry"),
    Message("विवरण", "Details"),
)


class AuditDialog(QDialog):
    def __init__(
        self,
        ctx: OpContext,
        language: Language,
        parent: QWidget | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.language, self.page_size = ctx, language, page_size
        lang = language
        self.setWindowTitle(lang("ऑडिट लॉग", "Audit log"))
        self.offset = 0
        self.page = AuditPage([], 0, 0)
        filters = self._filter_row()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([lang.text(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.previous_button = QPushButton(lang("← पिछला", "← Newer"))
        self.previous_button.clicked.connect(lambda: self.show_page(self.offset - self.page_size))
        self.next_button = QPushButton(lang("अगला →", "Older →"))
        self.next_button.clicked.connect(lambda: self.show_page(self.offset + self.page_size))
        self.position = QLabel()
        self.position.setObjectName("audit_position")
        self.verify_button = QPushButton(lang("श्रृंखला जाँचें", "Verify chain"))
        self.verify_button.setObjectName("verify_chain")
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verify_result")
        self.verify_result.setWordWrap(True)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        pager = QHBoxLayout()
        pager.addWidget(self.previous_button)
        pager.addWidget(self.position)
        pager.addWidget(self.next_button)
        pager.addStretch(1)
        pager.addWidget(self.verify_button)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.message)
        box.addWidget(self.table)
        box.addLayout(pager)
        box.addWidget(self.verify_result)
        self.username: str | None = None
        self.action: str | None = None
        self.days: tuple[date | None, date | None] = (None, None)
        self.show_page(0)
        self.resize(1100, 640)

    def _filter_row(self) -> QHBoxLayout:
        lang = self.language
        everyone = lang("सभी", "All")
        users, actions = audit_filter_choices(self.ctx)
        self.user_filter = QComboBox()
        self.user_filter.setObjectName("audit_user")
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("audit_action")
        for combo, values in ((self.user_filter, users), (self.action_filter, actions)):
            combo.addItem(everyone, "")
            for value in values:
                combo.addItem(value, value)
        self.first_day = QLineEdit()
        self.first_day.setObjectName("audit_from")
        self.last_day = QLineEdit()
        self.last_day.setObjectName("audit_to")
        for field in (self.first_day, self.last_day):
            field.setPlaceholderText("DD-MM-YYYY")
            field.setMaximumWidth(110)
        self.apply_button = QPushButton(lang("छाँटें", "Filter"))
        self.apply_button.clicked.connect(self.apply_filters)
        filters = QHBoxLayout()
        for label, widget in (
            (lang("उपयोगकर्ता", "User"), self.user_filter),
            (lang("कार्य", "Action"), self.action_filter),
            (lang("दिनांक से", "From"), self.first_day),
            (lang("तक", "To"), self.last_day),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)
        return filters

    def _day(self, field: QLineEdit) -> date | None:
        text = field.text().strip()
        return parse_date(text) if text else None

    def apply_filters(self) -> None:
        try:
            first, last = self._day(self.first_day), self._day(self.last_day)
        except ValueError:
            self.message.setText(
                self.language(
                    "दिनांक DD-MM-YYYY में लिखें (जैसे 05-03-2026)",
                    "write dates as DD-MM-YYYY (e.g. 05-03-2026)",
                )
            )
            return
        self.message.clear()
        self.username = self.user_filter.currentData() or None
        self.action = self.action_filter.currentData() or None
        self.days = (first, last)
        self.show_page(0)

    def show_page(self, offset: int) -> None:
        self.page = read_audit_log(
            self.ctx,
            username=self.username,
            action=self.action,
            first_day=self.days[0],
            last_day=self.days[1],
            offset=max(offset, 0),
            limit=self.page_size,
        )
        self.offset = self.page.offset
        self.table.setRowCount(len(self.page.lines))
        for row, line in enumerate(self.page.lines):
            cells = (
                f"{format_date(line.at.date())} {line.at:%H:%M}",
                line.username,
                line.action,
                self._register_title(line.register),
                line.entry_id[:8] if line.entry_id else "",  # enough to tell entries apart
                line.summary,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4:
                    item.setToolTip(line.entry_id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        total = self.page.total
        shown_to = self.offset + len(self.page.lines)
        self.position.setText(
            self.language(
                f"{self.offset + 1 if total else 0}–{shown_to} / कुल {total}",
                f"{self.offset + 1 if total else 0}–{shown_to} of {total}",
            )
        )
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(shown_to < total)

    def _register_title(self, table: str) -> str:
        spec = REGISTERS.get(table)
        return self.language.text(spec.title) if spec is not None else table

    def verify(self) -> None:
        lang = self.language
        try:
            report = verify_audit_chain(self.ctx)
        except MskError as exc:
            self.verify_result.setText(lang.text(exc.message))
            return
        if report.ok:
            self.verify_result.setStyleSheet("color: #1b6e1b;")
            self.verify_result.setText(
                lang(
                    f"ऑडिट श्रृंखला सही है ({report.entries} प्रविष्टियाँ)।",
                    f"The audit chain is intact ({report.entries} entries).",
                )
            )
        else:
            self.verify_result.setStyleSheet(ERROR_STYLE)
            self.verify_result.setText(
                lang(
                    f"ऑडिट श्रृंखला टूटी है: पहली टूटी प्रविष्टि {report.first_broken_seq} "
                    f"({report.reason})",
                    f"The audit chain is broken at entry {report.first_broken_seq} "
                    f"({report.reason})",
                )
            )
        self.show_page(self.offset)
