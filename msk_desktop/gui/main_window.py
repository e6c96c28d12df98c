"""The main window: navigation on the left (today's work, then every register), the chosen view
on the right, the user and unsent changes in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from msk_desktop.domain.dates import format_moment
from msk_desktop.domain.errors import Message, MskError, StoreProblem
from msk_desktop.gui.audit_view import AuditDialog
from msk_desktop.gui.circle_view import CircleView
from msk_desktop.gui.conflicts_view import ConflictsDialog
from msk_desktop.gui.dashboard import Dashboard
from msk_desktop.gui.inspection_view import InspectionView
from msk_desktop.gui.language import ENGLISH, HINDI, Language
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.gui.roster_grid import RosterGrid
from msk_desktop.gui.search_dialog import SearchDialog
from msk_desktop.gui.sync_log_view import SyncLogDialog
from msk_desktop.gui.sync_runner import SyncRunner
from msk_desktop.gui.users_view import UsersDialog
from msk_desktop.gui.worker import run_in_background
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.maintenance import pending_changes, startup_checks
from msk_desktop.ops.permissions import ACTION_ROLES
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.replica import last_sync_time
from msk_desktop.store.database import StartupReport

DASHBOARD = "dashboard"
ROSTER_WEEK = "roster_week"  # the week grid; the roster register stays a table beside it
INSPECTION = "inspection"
CIRCLE = "circle"
# Inspection mode for the officer who inspects and the in-charge who complies; the circle view
# for the officer whose laptop holds every station of the circle.
SUPERVISION: dict[Role, tuple[str, ...]] = {
    Role.CIRCLE_OFFICER: (INSPECTION, CIRCLE),
    Role.IN_CHARGE: (INSPECTION,),
}
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
        self.reports_menu = self.menuBar().addMenu("")
        self.reports_action = QAction(self)
        self.reports_action.triggered.connect(self.open_reports)
        self.reports_menu.addAction(self.reports_action)
        self._language_menu()
        self._admin_menu()
        self._sync_menu()
        search = QAction(self)
        search.setShortcut(QKeySequence("Ctrl+K"))
        search.triggered.connect(self.open_search)
        self.addAction(search)
        self.search_action = search
        for key in (DASHBOARD, ROSTER_WEEK, *SUPERVISION.get(ctx.actor.role, ()), *REGISTERS):
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
        self.sync_runner.start()

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

    def _admin_menu(self) -> None:
        """Users for the in-charge; the audit log for the in-charge and the circle officer. The
        ops check the role again: a menu entry is a convenience, not the permission."""
        role = self.ctx.actor.role
        self.admin_menu = self.menuBar().addMenu("")
        self.users_action = QAction(self)
        self.users_action.setEnabled(role in ACTION_ROLES["manage_users"])
        self.users_action.triggered.connect(self.open_users)
        self.audit_action = QAction(self)
        self.audit_action.setEnabled(role in ACTION_ROLES["read_audit"])
        self.audit_action.triggered.connect(self.open_audit_log)
        self.admin_menu.addAction(self.users_action)
        self.admin_menu.addAction(self.audit_action)

    def _sync_menu(self) -> None:
        """Sync now (also every few minutes once started), its log, and the conflicts kept."""
        self.sync_runner = SyncRunner(self.ctx, self.language)
        self.sync_runner.said.connect(lambda text: self.statusBar().showMessage(text, 30000))
        self.sync_menu = self.menuBar().addMenu("")
        self.sync_now_action = QAction(self)
        self.sync_now_action.setShortcut(QKeySequence("F5"))
        self.sync_now_action.triggered.connect(self.sync_runner.sync_now)
        self.sync_log_action = QAction(self)
        self.sync_log_action.triggered.connect(self.open_sync_log)
        self.conflicts_action = QAction(self)
        self.conflicts_action.triggered.connect(self.open_conflicts)
        for action in (self.sync_now_action, self.sync_log_action, self.conflicts_action):
            self.sync_menu.addAction(action)

    def open_sync_log(self) -> SyncLogDialog:
        dialog = SyncLogDialog(self.ctx, self.language, self)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.sync_runner.may_quit(self):
            event.accept()
        else:
            event.ignore()

    def open_users(self) -> UsersDialog:
        dialog = UsersDialog(self.ctx, self.language, self)
        dialog.open()
        return dialog

    def open_audit_log(self) -> AuditDialog:
        dialog = AuditDialog(self.ctx, self.language, self)
        dialog.open()
        return dialog

    def open_conflicts(self) -> ConflictsDialog:
        dialog = ConflictsDialog(self.ctx, self.language, self)
        dialog.open()
        return dialog

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
        self.admin_menu.setTitle(lang("प्रशासन", "Administration"))
        self.users_action.setText(lang("उपयोगकर्ता", "Users"))
        self.audit_action.setText(lang("ऑडिट लॉग", "Audit log"))
        self.sync_menu.setTitle(lang("सिंक", "Sync"))
        self.sync_now_action.setText(lang("अभी सिंक करें", "Sync now"))
        self.sync_log_action.setText(lang("सिंक लॉग…", "Sync log…"))
        self.conflicts_action.setText(lang("सिंक विरोध…", "Sync conflicts…"))
        self.reports_menu.setTitle(lang("रिपोर्ट", "Reports"))
        self.reports_action.setText(lang("रिपोर्ट बनाएँ और छापें…", "Generate and print…"))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            key = item.data(NAV_KEY)
            item.setText(
                lang("आज का कार्य", "Today's work")
                if key == DASHBOARD
                else lang("साप्ताहिक ड्यूटी रोस्टर", "Weekly duty roster")
                if key == ROSTER_WEEK
                else lang("निरीक्षण", "Inspection")
                if key == INSPECTION
                else lang("सर्किल के थाने", "Circle stations")
                if key == CIRCLE
                else lang.text(REGISTERS[key].title)
            )
        actor = self.ctx.actor
        self.who.setText(f"{actor.full_name} ({actor.role}) — {self.station_name}")
        self._show_pending()

    def _show_pending(self) -> None:
        count = pending_changes(self.ctx)
        text = self.language(f"भेजने हेतु शेष बदलाव: {count}", f"Changes not yet sent: {count}")
        synced = last_sync_time(self.ctx)
        if synced is not None:
            text += self.language(" — अंतिम सिंक ", " — last sync ") + format_moment(synced)
        self.pending.setText(text)

    def _on_change(self, _result: OpResult) -> None:
        self._show_pending()

    def view(self, key: str) -> QWidget:
        if key not in self.views:
            widget: QWidget
            if key == DASHBOARD:
                widget = Dashboard(self.ctx, self.language, self.open_entry)
            elif key == ROSTER_WEEK:
                widget = RosterGrid(self.ctx, self.language)
            elif key == INSPECTION:
                widget = InspectionView(self.ctx, self.language, self.open_entry)
            elif key == CIRCLE:
                widget = CircleView(self.ctx, self.language, self.show_checklist)
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

    def open_reports(self) -> QDialog:
        # Imported here so that ReportLab loads when a report is asked for, not at start-up.
        from msk_desktop.gui.reports_dialog import ReportsDialog  # noqa: PLC0415

        dialog = ReportsDialog(self.ctx, self.language)
        dialog.setParent(self, dialog.windowFlags())
        dialog.open()
        return dialog

    def open_search(self) -> SearchDialog:
        dialog = SearchDialog(self.ctx, self.language, self.open_entry)
        dialog.setParent(self, dialog.windowFlags())
        dialog.open()
        return dialog

    def show_checklist(self, station_id: str) -> InspectionView:
        """The circle view's drill-down: that station's inspection checklist."""
        view = self.show_register(INSPECTION)
        assert isinstance(view, InspectionView)
        view.show_station(station_id)
        return view

    def open_entry(self, register_name: str, entry_id: str) -> None:
        if register_name == "duty_roster_slot":  # a shift opens in its week's grid
            grid = self.show_register(ROSTER_WEEK)
            assert isinstance(grid, RosterGrid)
            grid.show_shift(entry_id)
            return
        view = self.show_register(register_name)
        if isinstance(view, RegisterView):
            view.edit_entry(entry_id)
