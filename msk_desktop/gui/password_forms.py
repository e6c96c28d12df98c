"""Small forms that take a new password: typed twice, hidden, checked by the op (the rules live
in ``ops.station.check_password``), errors shown in the user's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.errors import MskError
from msk_desktop.gui.language import Language
from msk_desktop.ops.station import MIN_PASSWORD_LENGTH

ERROR_STYLE = "color: #a61b1b;"


def password_input(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class FormDialog(QDialog):
    """Rows of labelled inputs, a message line and Save/Cancel; ``save`` runs the op and any
    bilingual error it raises is shown, leaving the dialog open."""

    def __init__(
        self,
        title: str,
        language: Language,
        save: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.language, self._save = language, save
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("form_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(language("सहेजें", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            language("रद्द करें", "Cancel")
        )
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.message)
        box.addWidget(self.buttons)

    def try_save(self) -> None:
        try:
            self._save()
        except MskError as exc:
            self.message.setText(self.language.text(exc.message))
        else:
            self.accept()


class PasswordFormDialog(FormDialog):
    """A form that also takes a new password, typed twice; ``add_password_rows`` places the
    two fields after the subclass's own rows."""

    def __init__(
        self,
        title: str,
        language: Language,
        save: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, language, save, parent)
        self.password = password_input("new_password")
        self.repeat = password_input("repeat_password")

    def add_password_rows(self) -> None:
        lang = self.language
        self.form.addRow(
            lang(
                f"नया पासवर्ड (कम से कम {MIN_PASSWORD_LENGTH} अक्षर)",
                f"New password ({MIN_PASSWORD_LENGTH}+ characters)",
            ),
            self.password,
        )
        self.form.addRow(lang("पासवर्ड दोबारा", "Password again"), self.repeat)

    def try_save(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(
                self.language("दोनों पासवर्ड एक जैसे नहीं हैं।", "The two passwords differ.")
            )
            return
        super().try_save()


class NewPasswordDialog(PasswordFormDialog):
    """A new password for one account (reset, or enabling a disabled one)."""

    def __init__(
        self,
        title: str,
        language: Language,
        save: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, language, lambda: save(self.password.text()), parent)
        self.add_password_rows()
