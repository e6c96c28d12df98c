"""The main window: navigation on the left (today's work, then every register), the chosen view
on the right, the user and unsent changes in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from msk_desktop.domain.errors import Message, MskError, StoreProblem
from msk_desktop.gui.dashboard import Dashboard
from msk_desktop.gui.language import ENGLISH, HINDI, Language
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.gui.search_dialog import SearchDialog
from msk_desktop.gui.worker import run_in_background
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.maintenance import pending_changes, startup_checks
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.store.database import StartupReport

DASHBOARD = "dashboard"
NAV_KEY = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    def __init__(self, ctx: OpContext, language: Language, station_name: str) -> None:
        super().__init__()
        self.ctx, self.language, self.station_name = ctx, language, station_name
        self.views: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(260)
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.pending = QLabel()
        self.statusBar().addPermanentWidget(self.pending)
        self.who = QLabel()
        self.statusBar().addWidget(self.who)
        self._language_menu()
        search = QAction(self)
        search.setShortcut(QKeySequence("Ctrl+K"))
        search.triggered.connect(self.open_search)
        self.addAction(search)
        self.search_action = search
        for key in (DASHBOARD, *REGISTERS):
            item = QListWidgetItem()
            item.setData(NAV_KEY, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        language.changed.connect(self.retranslate)
        ctx.notifier.subscribe(self._on_change)
        self.retranslate()
        self.nav.setCurrentRow(0)
        self.resize(1280, 720)  # fits the common 1366×768 thana monitor with the taskbar

    def start_background_checks(self) -> None:
        """The integrity check and daily backup, after the window is up (seconds on a big
        station: never before the user can work)."""
        self.statusBar().showMessage(
            self.language("डेटाबेस की जाँच चल रही है…", "Checking the database…")
        )
        run_in_background(lambda: startup_checks(self.ctx), self._checks_done, self._checks_failed)

    def _checks_done(self, report: object) -> None:
        assert isinstance(report, StartupReport)
        lang = self.language
        if report.ok:
            done = lang("डेटाबेस ठीक है", "Database OK")
            if report.backup is not None:
                done += lang(
                    f"; बैकअप बना: {report.backup.path.name}",
                    f"; backup written: {report.backup.path.name}",
                )
            self.statusBar().showMessage(done, 15000)
            return
        self._checks_failed(
            StoreProblem(
                Message(
                    f"डेटाबेस की जाँच विफल: {report.integrity}. प्रभारी से बैकअप पुनर्स्थापित कराएँ "
                    "(msk-desktop restore)।",
                    f"The database failed its check: {report.integrity}. "
                    "Ask the in-charge to restore a backup (msk-desktop restore).",
                )
            )
        )

    def _checks_failed(self, error: Exception) -> None:
        text = (
            self.language.text(error.message)
            if isinstance(error, MskError)
            else f"{type(error).__name__}: {error}"
        )
        self.statusBar().showMessage(text)
        QMessageBox.critical(self, self.language("डेटाबेस", "Database"), text)

    def _language_menu(self) -> None:
        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in ((HINDI, "हिन्दी"), (ENGLISH, "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == self.language.code)
            action.triggered.connect(lambda _checked=False, c=code: self.language.set(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def retranslate(self, _code: str = "") -> None:
        lang = self.language
        self.setWindowTitle(
            lang(
                f"मिशन शक्ति केन्द्र — {self.station_name}",
                f"Mission Shakti Kendra — {self.station_name}",
            )
        )
        self.language_menu.setTitle(lang("भाषा", "Language"))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            key = item.data(NAV_KEY)
            item.setText(
                lang("आज का कार्य", "Today's work")
                if key == DASHBOARD
                else lang.text(REGISTERS[key].title)
            )
        actor = self.ctx.actor
        self.who.setText(f"{actor.full_name} ({actor.role}) — {self.station_name}")
        self._show_pending()

    def _show_pending(self) -> None:
        count = pending_changes(self.ctx)
        self.pending.setText(
            self.language(f"भेजने हेतु शेष बदलाव: {count}", f"Changes not yet sent: {count}")
        )

    def _on_change(self, _result: OpResult) -> None:
        self._show_pending()

    def view(self, key: str) -> QWidget:
        if key not in self.views:
            widget: QWidget
            if key == DASHBOARD:
                widget = Dashboard(self.ctx, self.language, self.open_entry)
            else:
                widget = RegisterView(self.ctx, key, self.language)
            self.views[key] = widget
            self.stack.addWidget(widget)
        return self.views[key]

    def _show_row(self, row: int) -> None:
        self.stack.setCurrentWidget(self.view(self.nav.item(row).data(NAV_KEY)))

    def show_register(self, key: str) -> QWidget:
        keys = [self.nav.item(r).data(NAV_KEY) for r in range(self.nav.count())]
        self.nav.setCurrentRow(keys.index(key))
        return self.view(key)

    def open_search(self) -> SearchDialog:
        dialog = SearchDialog(self.ctx, self.language, self.open_entry)
        dialog.setParent(self, dialog.windowFlags())
        dialog.open()
        return dialog

    def open_entry(self, register_name: str, entry_id: str) -> None:
        view = self.show_register(register_name)
        if isinstance(view, RegisterView):
            view.edit_entry(entry_id)
