"""Export the register view as shown (its filters and sort) to a password-protected file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.errors import Message, MskError, ValidationError
from msk_desktop.exchange.export import (
    MIN_PASSWORD,
    ExportFormat,
    ExportResult,
    export_register,
    suggested_name,
)
from msk_desktop.gui.language import Language
from msk_desktop.gui.worker import run_in_background
from msk_desktop.ops.browse import Browse
from msk_desktop.ops.context import OpContext

ERROR_STYLE = "color: #a61b1b;"


def error_text(error: Exception, language: Language) -> str:
    """A failure of background work as the user reads it."""
    if isinstance(error, ValidationError):
        return "\n".join(language.text(e.message) for e in error.errors)
    if isinstance(error, MskError):
        return language.text(error.message)
    if isinstance(error, OSError):
        return language(f"फ़ाइल लिखी नहीं जा सकी: {error}", f"The file could not be written: {error}")
    raise error  # a bug, not a user's mistake: let it reach the crash handler


class ExportDialog(QDialog):
    def __init__(
        self, ctx: OpContext, browse: Browse, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.browse, self.language = ctx, browse, language
        self.result_of_export: ExportResult | None = None
        lang = language
        self.setWindowTitle(lang("निर्यात", "Export"))

        self.file_format = QComboBox()
        self.file_format.setObjectName("export_format")
        self.file_format.addItem("Excel (.xlsx)", ExportFormat.XLSX)
        self.file_format.addItem(lang("CSV (ज़िप में)", "CSV (in a zip)"), ExportFormat.CSV)
        self.file_format.currentIndexChanged.connect(self._suggest_path)
        self.path = QLineEdit()
        self.path.setObjectName("export_path")
        choose = QPushButton(lang("चुनें…", "Choose…"))
        choose.clicked.connect(self._choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(choose)
        self.password = QLineEdit()
        self.password.setObjectName("export_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setObjectName("export_password_again")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.addRow(lang("प्रारूप", "Format"), self.file_format)
        form.addRow(lang("फ़ाइल", "File"), path_row)
        form.addRow(lang("पासवर्ड", "Password"), self.password)
        form.addRow(lang("पासवर्ड दोबारा", "Password again"), self.password_again)
        note = QLabel(
            lang(
                f"फ़ाइल पासवर्ड (कम से कम {MIN_PASSWORD} अक्षर) से एन्क्रिप्ट होगी। पीड़िता की पहचान "
                "कभी निर्यात नहीं होती; केवल छद्म नाम। पासवर्ड फ़ाइल के साथ न भेजें।",
                f"The file is encrypted with the password (at least {MIN_PASSWORD} characters). "
                "Victim identity is never exported, only pseudonyms. "
                "Do not send the password with the file.",
            )
        )
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(lang("निर्यात करें", "Export"))
        self.export_button.setObjectName("export_start")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._suggest_path()

    def _format(self) -> ExportFormat:
        return ExportFormat(self.file_format.currentData())

    def _suggest_path(self) -> None:
        folder = Path(self.path.text()).parent if self.path.text() else Path.home()
        name = suggested_name(self.browse.register, self._format(), date.today())
        self.path.setText(str(folder / name))

    def _choose_path(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.language("फ़ाइल सहेजें", "Save file"), self.path.text()
        )
        if chosen:
            self.path.setText(chosen)

    def _refuse(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def start(self) -> None:
        lang = self.language
        if self.password.text() != self.password_again.text():
            self._refuse(lang("दोनों पासवर्ड भिन्न हैं।", "The two passwords differ."))
            return
        if not self.path.text().strip():
            self._refuse(lang("फ़ाइल का नाम दें।", "Give a file name."))
            return
        password, out, file_format = self.password.text(), Path(self.path.text()), self._format()
        self.export_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(lang("निर्यात हो रहा है…", "Exporting…"))
        run_in_background(
            lambda: export_register(
                self.ctx, self.browse, file_format, out, password, self.language.code
            ),
            self._done,
            self._failed,
        )

    def _done(self, result: ExportResult) -> None:
        self.result_of_export = result
        self.password.clear()
        self.password_again.clear()
        self.status.setText(
            self.language.text(
                Message(
                    f"{result.rows} प्रविष्टियाँ लिखी गईं: {result.path}",
                    f"{result.rows} entries written to {result.path}",
                )
            )
        )
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        self._refuse(error_text(error, self.language))
