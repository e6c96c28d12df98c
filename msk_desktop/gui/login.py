"""The login window. Unwrapping the key costs Argon2 time, so it runs off the UI thread.

It is the first window and waits only for Qt and itself: the ops (and through them SQLAlchemy)
are imported by the login itself, off the UI thread, and meanwhile by gui/app.py's preload.

After repeated wrong passwords the account waits (the wait is kept in the key-slot file and
enforced there); the window shows the time left and keeps the button off until it has passed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from msk_desktop.domain.dates import IST
from msk_desktop.domain.errors import LoginDelayed, MskError
from msk_desktop.gui.language import ENGLISH, HINDI, Language
from msk_desktop.gui.worker import run_in_background
from msk_desktop.store.layout import DataLayout

if TYPE_CHECKING:
    from msk_desktop.gui.recover_password import RecoverPasswordDialog
    from msk_desktop.ops.context import OpContext

# The time as ops.context.now_ist gives it, without importing the ops for it.
NOW_IST = partial(datetime.now, IST)


def _log_in(
    layout: DataLayout, username: str, password: str, clock: Callable[[], datetime]
) -> OpContext:
    """On the worker thread: the import waits for the preload if it is still running."""
    from msk_desktop.ops.station import login  # noqa: PLC0415

    return login(layout, username, password, clock)


class LoginDialog(QDialog):
    logged_in = Signal(object)  # OpContext

    def __init__(
        self,
        layout: DataLayout,
        language: Language,
        station_label: str,
        clock: Callable[[], datetime] = NOW_IST,
    ) -> None:
        super().__init__()
        self.layout_, self.language, self.clock = layout, language, clock
        self.context: OpContext | None = None
        self.wait_until: datetime | None = None
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(1000)
        self.wait_timer.timeout.connect(self.tick)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.station = QLabel(station_label)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.languages = QComboBox()
        self.languages.addItem("हिन्दी", HINDI)
        self.languages.addItem("English", ENGLISH)
        self.languages.setCurrentIndex(self.languages.findData(language.code))
        self.languages.currentIndexChanged.connect(
            lambda _i: language.set(self.languages.currentData())
        )
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setStyleSheet("color: #a61b1b;")
        self.message.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("login_button")
        self.button.setDefault(True)  # Enter logs in
        self.button.clicked.connect(self.try_login)
        self.forgot_button = QPushButton()
        self.forgot_button.setObjectName("forgot_button")
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(self.recover)
        self.labels = (QLabel(), QLabel(), QLabel())
        form = QFormLayout()
        for label, field in zip(
            self.labels, (self.username, self.password, self.languages), strict=True
        ):
            form.addRow(label, field)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.station)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(self.button)
        box.addWidget(self.forgot_button)
        language.changed.connect(self.retranslate)
        self.retranslate()
        self.resize(420, 260)

    def retranslate(self, _code: str = "") -> None:
        lang = self.language
        self.setWindowTitle(lang("लॉगिन — मिशन शक्ति केन्द्र", "Login — Mission Shakti Kendra"))
        self.title.setText(lang("मिशन शक्ति केन्द्र", "Mission Shakti Kendra"))
        labels = (
            lang("उपयोगकर्ता नाम", "User name"),
            lang("पासवर्ड", "Password"),
            lang("भाषा", "Language"),
        )
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.button.setText(lang("लॉगिन करें", "Log in"))
        self.forgot_button.setText(
            lang(
                "प्रभारी का पासवर्ड भूल गए? (रिकवरी कुंजी)",
                "In-charge forgot the password? (recovery key)",
            )
        )

    def try_login(self) -> None:
        if self.wait_until is not None:
            return  # still waiting (Enter in the password field while the button is off)
        self.message.clear()
        self.button.setEnabled(False)
        username, password = self.username.text(), self.password.text()
        run_in_background(
            lambda: _log_in(self.layout_, username, password, self.clock),
            self._succeeded,
            self._failed,
        )

    def tick(self) -> None:
        """Once a second during a wait: the time left, then the button back on."""
        if self.wait_until is None:
            return
        left = int((self.wait_until - self.clock()).total_seconds() + 0.999)
        if left <= 0:
            self.wait_until = None
            self.wait_timer.stop()
            self.message.clear()
            self.button.setEnabled(True)
            return
        self.message.setText(self.language.text(LoginDelayed(left).message))

    def recover(self) -> RecoverPasswordDialog:
        from msk_desktop.gui.recover_password import RecoverPasswordDialog  # noqa: PLC0415

        dialog = RecoverPasswordDialog(self.layout_, self.language, self, self.clock)
        dialog.recovered.connect(self._succeeded)
        dialog.open()
        return dialog

    def _succeeded(self, context: object) -> None:
        from msk_desktop.ops.context import OpContext  # noqa: PLC0415 - loaded by the login

        assert isinstance(context, OpContext)
        self.context = context
        self.logged_in.emit(context)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(error, LoginDelayed):
            self.button.setEnabled(False)
            self.wait_until = self.clock() + timedelta(seconds=error.seconds)
            self.wait_timer.start()
            self.tick()
        elif isinstance(error, MskError):
            self.message.setText(self.language.text(error.message))
        else:
            self.message.setText(
                self.language("लॉगिन नहीं हो सका।", "Login failed.") + f" ({type(error).__name__})"
            )
