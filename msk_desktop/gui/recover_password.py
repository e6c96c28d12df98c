"""An in-charge who forgot the password types the station's recovery key (printed at setup)
and a new password; the op checks both and logs them in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from msk_desktop.gui.language import Language
from msk_desktop.gui.password_forms import PasswordFormDialog
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.users import recover_in_charge
from msk_desktop.store.layout import DataLayout


class RecoverPasswordDialog(PasswordFormDialog):
    recovered = Signal(object)  # OpContext

    def __init__(
        self,
        layout: DataLayout,
        language: Language,
        parent: QWidget | None,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__(
            language("रिकवरी कुंजी से नया पासवर्ड", "New password with the recovery key"),
            language,
            self._recover,
            parent,
        )
        self.layout_, self.clock = layout, clock
        self.recovery_key = QLineEdit()
        self.recovery_key.setObjectName("recovery_key")
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.username = QLineEdit()
        self.username.setObjectName("recovery_username")
        self.form.addRow(language("रिकवरी कुंजी", "Recovery key"), self.recovery_key)
        self.form.addRow(
            language("प्रभारी का उपयोगकर्ता नाम", "In-charge's user name"), self.username
        )
        self.add_password_rows()
        self.resize(520, 240)

    def _recover(self) -> OpContext:
        # Argon2 runs twice here (recovery slot, new slot): well under a second, once.
        ctx = recover_in_charge(
            self.layout_,
            self.recovery_key.text(),
            self.username.text(),
            self.password.text(),
            clock=self.clock,
        )
        self.recovered.emit(ctx)
        return ctx
