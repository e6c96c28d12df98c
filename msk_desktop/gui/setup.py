"""First run: set up the station and its in-charge, then show the recovery key once."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from msk_desktop.domain import forms
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.language import Language
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.station import MIN_PASSWORD_LENGTH, setup_station
from msk_desktop.store.layout import DataLayout

ACCOUNT = (
    FieldSpec(
        "username",
        Message("प्रभारी का उपयोगकर्ता नाम", "In-charge's user name"),
        Kind.TEXT,
        required=True,
        max_length=40,
    ),
    FieldSpec(
        "full_name",
        Message("प्रभारी का पूरा नाम", "In-charge's full name"),
        Kind.TEXT,
        required=True,
        max_length=120,
    ),
    FieldSpec(
        "password",
        Message(
            f"पासवर्ड (कम से कम {MIN_PASSWORD_LENGTH} अक्षर)",
            f"Password ({MIN_PASSWORD_LENGTH} characters or more)",
        ),
        Kind.TEXT,
        required=True,
        max_length=200,
    ),
)
TITLE = Message("नया थाना स्थापित करें", "Set up this station")


class SetupDialog(EntryDialog):
    def __init__(self, layout: DataLayout, language: Language) -> None:
        self.context: OpContext | None = None
        self.recovery_key = ""
        self.data_layout = layout
        super().__init__(TITLE, forms.STATION + ACCOUNT, self._setup, language)
        password = self.inputs["password"].widget
        if isinstance(password, QLineEdit):
            password.setEchoMode(QLineEdit.EchoMode.Password)

    def _setup(self, values: dict[str, Any]) -> OpContext:
        account = {k: values.pop(k) for k in ("username", "full_name", "password")}
        self.context, self.recovery_key = setup_station(
            self.data_layout,
            values,
            account["username"] or "",
            account["full_name"] or "",
            account["password"] or "",
        )
        return self.context


class RecoveryKeyDialog(QDialog):
    """Shown once. Continuing needs the officer to confirm the key is written down or printed."""

    def __init__(self, key: str, station: str, language: Language) -> None:
        super().__init__()
        self.key, self.station, self.language = key, station, language
        self.setWindowTitle(language("रिकवरी कुंजी", "Recovery key"))
        explain = QLabel(
            language(
                "यह कुंजी पासवर्ड भूलने पर डेटाबेस खोलती है। यह केवल अभी दिखाई जाएगी: छापकर सील बंद "
                "लिफाफे में सुरक्षित रखें।",
                "This key opens the database if every password is forgotten. It is shown only now: "
                "print it and keep it sealed in a safe place.",
            )
        )
        explain.setWordWrap(True)
        shown = QLabel(key)
        shown.setObjectName("recovery_key")
        shown.setStyleSheet("font-family: monospace; font-size: 16pt; padding: 12px;")
        self.confirm = QCheckBox(
            language("मैंने कुंजी लिख/छाप ली है", "I have written down or printed the key")
        )
        print_button = QPushButton(language("छापें", "Print"))
        print_button.clicked.connect(self.print_key)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(language("आगे बढ़ें", "Continue"))
        self.ok.setEnabled(False)
        self.confirm.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        box = QVBoxLayout(self)
        for widget in (explain, shown, print_button, self.confirm, buttons):
            box.addWidget(widget)

    def print_key(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        painter = QPainter(printer)
        painter.setFont(QFont(self.font().family(), 14))
        lines = [f"मिशन शक्ति केन्द्र — {self.station}", "रिकवरी कुंजी / Recovery key", "", self.key]
        for row, line in enumerate(lines):
            painter.drawText(80, 120 + row * 60, line)  # Qt shapes Devanagari itself
        painter.end()
