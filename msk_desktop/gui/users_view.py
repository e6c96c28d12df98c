"""The in-charge's screen for the station's accounts (add, disable, enable, reset a password)
and the PC's security settings. Every action is an op: permission-checked and audited there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.dates import IST, format_date
from msk_desktop.domain.errors import Message, MskError
from msk_desktop.gui.language import Language
from msk_desktop.gui.password_forms import ERROR_STYLE, NewPasswordDialog, PasswordFormDialog
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.station import add_user
from msk_desktop.ops.station_settings import (
    LIMITS,
    SecuritySettings,
    security_settings,
    set_security_settings,
)
from msk_desktop.ops.users import UserRow, disable_user, enable_user, list_users, reset_password
from msk_desktop.store.keyslots import KdfCost

ROLE_NAMES: dict[Role, Message] = {
    Role.IN_CHARGE: Message("प्रभारी", "In-charge"),
    Role.SUB_INSPECTOR: Message("उप निरीक्षक", "Sub-inspector"),
    Role.HELPDESK: Message("हेल्प डेस्क आरक्षी", "Help desk constable"),
    Role.CIRCLE_OFFICER: Message("क्षेत्राधिकारी", "Circle officer"),
}


class AddUserDialog(PasswordFormDialog):
    def __init__(
        self, ctx: OpContext, language: Language, cost: KdfCost | None, parent: QWidget
    ) -> None:
        super().__init__(
            language("नया उपयोगकर्ता", "New user"),
            language,
            lambda: add_user(
                ctx,
                self.username.text(),
                self.full_name.text(),
                Role(self.role.currentData()),
                self.password.text(),
                cost,
            ),
            parent,
        )
        self.username = QLineEdit()
        self.username.setObjectName("new_username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("new_full_name")
        self.role = QComboBox()
        self.role.setObjectName("new_role")
        for role, name in ROLE_NAMES.items():
            self.role.addItem(language.text(name), str(role))
        self.role.setCurrentIndex(self.role.findData(str(Role.SUB_INSPECTOR)))
        self.form.addRow(language("उपयोगकर्ता नाम", "User name"), self.username)
        self.form.addRow(language("पूरा नाम", "Full name"), self.full_name)
        self.form.addRow(language("भूमिका", "Role"), self.role)
        self.add_password_rows()


class UsersDialog(QDialog):
    COLUMNS = (
        Message("उपयोगकर्ता नाम", "User name"),
        Message("पूरा नाम", "Full name"),
        Message("भूमिका", "Role"),
        Message("स्थिति", "Status"),
        Message("अंतिम लॉगिन", "Last login"),
    )

    def __init__(
        self,
        ctx: OpContext,
        language: Language,
        parent: QWidget | None = None,
        cost: KdfCost | None = None,  # tests pass a cheap key derivation
    ) -> None:
        super().__init__(parent)
        self.ctx, self.language, self.cost = ctx, language, cost
        lang = language
        self.setWindowTitle(lang("उपयोगकर्ता", "Users"))
        self.users: list[UserRow] = []
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels([lang.text(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.add_button = QPushButton(lang("नया उपयोगकर्ता", "Add user"))
        self.disable_button = QPushButton(lang("निष्क्रिय करें", "Disable"))
        self.enable_button = QPushButton(lang("सक्रिय करें", "Enable"))
        self.reset_button = QPushButton(lang("पासवर्ड बदलें", "Reset password"))
        self.add_button.clicked.connect(self.add)
        self.disable_button.clicked.connect(self.disable)
        self.enable_button.clicked.connect(self.enable)
        self.reset_button.clicked.connect(self.reset)
        bar = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.enable_button, self.reset_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("users_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.table)
        box.addWidget(self.message)
        box.addWidget(self._settings_group())
        self.refresh()
        self.resize(820, 520)

    # ---- accounts ---------------------------------------------------------------------------

    def refresh(self) -> None:
        lang = self.language
        self.users = list_users(self.ctx)
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            last = user.last_login_at.astimezone(IST) if user.last_login_at else None
            cells = (
                user.username,
                user.full_name,
                lang.text(ROLE_NAMES[user.role]),
                lang("सक्रिय", "Active") if user.active else lang("निष्क्रिय", "Disabled"),
                f"{format_date(last.date())} {last:%H:%M}" if last else "-",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._enable_buttons()

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def select_user(self, username: str) -> None:
        names = [u.username for u in self.users]
        self.table.selectRow(names.index(username))

    def _enable_buttons(self) -> None:
        user = self.selected()
        self_selected = user is not None and user.id == self.ctx.actor.user_id
        self.disable_button.setEnabled(user is not None and user.active and not self_selected)
        self.enable_button.setEnabled(user is not None and not user.active)
        self.reset_button.setEnabled(user is not None and user.active)

    def _after(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def add(self) -> QDialog:
        return self._after(AddUserDialog(self.ctx, self.language, self.cost, self))

    def enable(self) -> QDialog | None:
        return self._new_password(
            lambda name: (f"{name} को सक्रिय करें", f"Enable {name}"), enable_user
        )

    def reset(self) -> QDialog | None:
        return self._new_password(
            lambda name: (f"{name} का नया पासवर्ड", f"New password for {name}"), reset_password
        )

    def _new_password(
        self,
        title: Callable[[str], tuple[str, str]],
        action: Callable[[OpContext, str, str, KdfCost | None], object],
    ) -> QDialog | None:
        """Ask the selected user's new password, then ``action`` (enable or reset) with it."""
        user = self.selected()
        if user is None:
            return None
        return self._after(
            NewPasswordDialog(
                self.language(*title(user.username)),
                self.language,
                lambda password: action(self.ctx, user.id, password, self.cost),
                self,
            )
        )

    def disable(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            disable_user(self.ctx, user.id)
        except MskError as exc:
            self._tell(self.language.text(exc.message), ERROR_STYLE)
            return
        self.message.clear()
        self.refresh()

    def _tell(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)

    # ---- settings ---------------------------------------------------------------------------

    def _settings_group(self) -> QGroupBox:
        lang = self.language
        current = security_settings(self.ctx)
        group = QGroupBox(lang("सुरक्षा सेटिंग (यह कंप्यूटर)", "Security settings (this PC)"))
        form = QFormLayout(group)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idle_lock_minutes")
        self.idle_minutes.setRange(*LIMITS["idle_lock_minutes"])
        self.idle_minutes.setValue(current.idle_lock_minutes)
        self.reveal_seconds = QSpinBox()
        self.reveal_seconds.setObjectName("reveal_seconds")
        self.reveal_seconds.setRange(*LIMITS["reveal_seconds"])
        self.reveal_seconds.setValue(current.reveal_seconds)
        self.save_settings_button = QPushButton(lang("सेटिंग सहेजें", "Save settings"))
        self.save_settings_button.clicked.connect(self.save_settings)
        form.addRow(
            lang("इतने मिनट निष्क्रिय रहने पर स्क्रीन लॉक", "Lock the screen after idle minutes"),
            self.idle_minutes,
        )
        form.addRow(
            lang("खोली गई पहचान इतने सेकंड दिखे", "Show a revealed identity for seconds"),
            self.reveal_seconds,
        )
        form.addRow(self.save_settings_button)
        return group

    def save_settings(self) -> None:
        try:
            set_security_settings(
                self.ctx, SecuritySettings(self.idle_minutes.value(), self.reveal_seconds.value())
            )
        except MskError as exc:
            self._tell(self.language.text(exc.message), ERROR_STYLE)
            return
        self._tell(
            self.language(
                "सहेजा गया; स्क्रीन लॉक का समय अगले लॉगिन से लागू होगा।",
                "Saved; the idle lock time applies from the next login.",
            ),
            "color: #1b6e1b;",
        )
