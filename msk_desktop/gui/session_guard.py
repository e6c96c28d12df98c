"""Guarding a logged-in session on a shared thana PC: the screen locks after idle time and only
the same user's password unlocks it; after login the user sees when they last logged in and how
many wrong passwords were typed for their account since.

Idle time is measured by an event filter on the whole application, so typing or clicking in any
window or dialog counts as activity, not only in the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.dates import format_moment
from msk_desktop.domain.errors import MskError
from msk_desktop.gui.identity_reveal import IdentityReveal
from msk_desktop.gui.language import Language
from msk_desktop.gui.password_forms import ERROR_STYLE, password_input
from msk_desktop.gui.worker import run_in_background
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.station_settings import security_settings
from msk_desktop.ops.users import LoginSummary, lock_screen, login_summary, unlock_screen

USER_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def summary_text(summary: LoginSummary, language: Language) -> str:
    if summary.previous_login_at is None:
        last = language("पिछला लॉगिन: पहली बार", "Last login: first time")
    else:
        when = format_moment(summary.previous_login_at)
        last = language(f"पिछला लॉगिन: {when}", f"Last login: {when}")
    count = summary.failed_attempts
    return last + language(f"; तब से गलत पासवर्ड प्रयास: {count}", f"; wrong passwords since: {count}")


def show_login_summary(window: QMainWindow, ctx: OpContext, language: Language) -> QLabel:
    """A permanent status-bar note; red when someone typed wrong passwords for this account."""
    summary = login_summary(ctx)
    label = QLabel(summary_text(summary, language))
    label.setObjectName("login_summary")
    if summary.failed_attempts:
        label.setStyleSheet("color: #a61b1b; font-weight: bold;")
    window.statusBar().addWidget(label)
    return label


class LockDialog(QDialog):
    """Covers the session until the same user's password is typed; it cannot be closed."""

    def __init__(self, ctx: OpContext, language: Language, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx, self.language = ctx, language
        self.setModal(True)
        self.setWindowTitle(language("स्क्रीन लॉक है", "Screen locked"))
        who = QLabel(
            language(
                f"{ctx.actor.full_name} ({ctx.actor.username}) — जारी रखने के लिए पासवर्ड लिखें",
                f"{ctx.actor.full_name} ({ctx.actor.username}) — type your password to continue",
            )
        )
        who.setWordWrap(True)
        self.password = password_input("unlock_password")
        self.message = QLabel()
        self.message.setObjectName("unlock_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.unlock_button = QPushButton(language("खोलें", "Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.quit_button = QPushButton(language("ऐप बंद करें", "Quit the app"))
        self.quit_button.clicked.connect(QApplication.quit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QVBoxLayout(self)
        box.addWidget(who)
        box.addWidget(self.password)
        box.addWidget(self.message)
        box.addLayout(buttons)
        self.resize(460, 180)

    def try_unlock(self) -> None:
        self.unlock_button.setEnabled(False)
        self.message.clear()
        password = self.password.text()
        run_in_background(lambda: unlock_screen(self.ctx, password), self._unlocked, self._refused)

    def _unlocked(self, _result: object) -> None:
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(
            self.language.text(error.message)
            if isinstance(error, MskError)
            else f"{type(error).__name__}"
        )

    def reject(self) -> None:
        """Esc does not close the lock."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        event.ignore()


class IdleLock(QObject):
    """Locks ``window`` after the station's idle time without user input anywhere in the app."""

    def __init__(
        self,
        window: QMainWindow,
        ctx: OpContext,
        language: Language,
        timeout_ms: int | None = None,  # tests pass a short time; else the station's setting
    ) -> None:
        super().__init__(window)
        self.window, self.ctx, self.language = window, ctx, language
        if timeout_ms is None:
            timeout_ms = security_settings(ctx).idle_lock_minutes * 60_000
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may be 5 % late
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.lock)
        self.dialog: LockDialog | None = None
        self.hidden: list[QWidget] = []  # other windows (open entries) hidden while locked
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in USER_INPUT and not self.locked:
            self.timer.start()  # restarts the countdown
        return False  # only watching; the event goes on as usual

    def lock(self) -> LockDialog:
        if self.dialog is not None:
            return self.dialog
        # Nothing of the registers stays readable behind the lock, and a revealed identity
        # in an open entry is hidden now rather than when its own time runs out.
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        for widget in QApplication.allWidgets():
            if isinstance(widget, IdentityReveal):
                widget.hide_identity()
        self.hidden = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.window
        ]
        for widget in self.hidden:
            widget.hide()
        self.dialog = LockDialog(self.ctx, self.language, self.window)
        self.dialog.accepted.connect(self._unlocked)
        # Application-modal: an open entry window must not take input while locked either.
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.show()
        try:
            lock_screen(self.ctx)  # after locking: a failed audit write must not keep it open
        except MskError as exc:
            self.dialog.message.setText(self.language.text(exc.message))
        return self.dialog

    def _unlocked(self) -> None:
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        for widget in self.hidden:
            widget.show()
        self.hidden = []
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
