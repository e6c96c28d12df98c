"""Revealing an FIR's protected identities in its history pane, and (for the in-charge)
lifting or restoring a case's non-statutory protection.

Only for a role that may reveal (the op checks again and audits the reason); a case whose
protection was lifted reveals without a reason, to the station's staff. What is revealed
stays on screen for the station's reveal time, then the panel is emptied; hiding the pane
(closing the entry) empties it at once, so a name is never left behind on a shared screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from msk_desktop.gui.language import Language
from msk_desktop.gui.password_forms import FormDialog
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.identity import (
    RevealedIdentity,
    identity_lifted,
    lift_identity_protection,
    may_lift_identity,
    restore_identity_protection,
    reveal_case_identities,
)
from msk_desktop.ops.permissions import ACTION_ROLES
from msk_desktop.ops.station_settings import security_settings


class ReasonDialog(FormDialog):
    """Asks the reason the audit log records, then runs ``act`` with it."""

    def __init__(self, panel: IdentityReveal, title: str, act: Callable[[str], object]) -> None:
        lang = panel.language
        self.reason = QLineEdit()
        self.reason.setObjectName("reveal_reason")
        super().__init__(title, lang, lambda: act(self.reason.text()), panel)
        self.form.addRow(
            lang("कारण (ऑडिट में दर्ज होगा)", "Reason (goes into the audit log)"), self.reason
        )


class IdentityReveal(QWidget):
    def __init__(self, ctx: OpContext, fir_id: str, language: Language) -> None:
        super().__init__()
        self.ctx, self.fir_id, self.language = ctx, fir_id, language
        self.button = QPushButton()
        self.button.setObjectName("reveal_button")
        self.button.clicked.connect(self.ask)
        self.lift_button = QPushButton()
        self.lift_button.setObjectName("lift_button")
        self.lift_button.clicked.connect(self.lift_or_restore)
        self.shown = QLabel()
        self.shown.setObjectName("revealed_identity")
        self.shown.setWordWrap(True)
        self.shown.setStyleSheet("background: #fff4c2; padding: 6px;")
        self.shown.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide_identity)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.button)
        box.addWidget(self.lift_button)
        box.addWidget(self.shown)
        self.show_state()

    def show_state(self) -> None:
        lang = self.language
        self.lifted = identity_lifted(self.ctx, self.fir_id)
        may_reveal = (
            self.ctx.actor.role
            in ACTION_ROLES["see_lifted_identity" if self.lifted else "reveal_identity"]
        )
        self.button.setText(
            lang("पहचान देखें (संरक्षण हटाया गया)", "Show identity (protection lifted)")
            if self.lifted
            else lang("पहचान देखें (कारण सहित)", "Reveal identity")
        )
        in_charge = self.ctx.actor.role in ACTION_ROLES["lift_identity_protection"]
        self.lift_button.setText(
            lang("पहचान संरक्षण पुनः लागू करें", "Protect the identity again")
            if self.lifted
            else lang("पहचान संरक्षण हटाएँ (कारण सहित)", "Lift identity protection")
        )
        self.lift_button.setVisible(
            in_charge and (self.lifted or may_lift_identity(self.ctx, self.fir_id))
        )
        self.button.setVisible(may_reveal)
        self.setVisible(may_reveal or in_charge)

    def ask(self) -> ReasonDialog | None:
        if self.lifted:
            self.show_identity(reveal_case_identities(self.ctx, self.fir_id, ""))
            return None
        dialog = ReasonDialog(
            self,
            self.language("पहचान देखने का कारण", "Reason for seeing the identity"),
            lambda reason: self.show_identity(
                reveal_case_identities(self.ctx, self.fir_id, reason)
            ),
        )
        dialog.open()
        return dialog

    def lift_or_restore(self) -> ReasonDialog | None:
        self.hide_identity()
        if self.lifted:
            restore_identity_protection(self.ctx, self.fir_id)
            self.show_state()
            return None
        dialog = ReasonDialog(
            self,
            self.language("पहचान संरक्षण हटाने का कारण", "Reason for lifting the protection"),
            lambda reason: lift_identity_protection(self.ctx, self.fir_id, reason),
        )
        dialog.accepted.connect(self.show_state)
        dialog.open()
        return dialog

    def show_identity(self, revealed: list[tuple[str, RevealedIdentity]]) -> None:
        lang = self.language
        seconds = security_settings(self.ctx).reveal_seconds
        lines = [
            f"{who}: "
            + ", ".join(v for v in (p.name, p.parentage, p.address, p.phone, p.school) if v)
            for who, p in revealed
        ] or [lang("इस FIR में कोई संरक्षित पहचान दर्ज नहीं है।", "No protected identity is recorded.")]
        note = lang(f"({seconds} सेकंड बाद छिप जाएगी)", f"(hidden again after {seconds} seconds)")
        self.shown.setText("\n".join([*lines, note]))
        self.shown.show()
        self.timer.start(seconds * 1000)

    def hide_identity(self) -> None:
        self.timer.stop()
        self.shown.clear()
        self.shown.hide()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.hide_identity()
        super().hideEvent(event)
