"""Sync in the app: "Sync now", a run every few minutes while the app is open, and a question
before quitting with changes not yet sent. Runs off the UI thread; when it ends, every open
view refreshes through the one change notification (pulled rows change any register)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from msk_desktop.domain.errors import Message, MskError
from msk_desktop.gui.language import Language
from msk_desktop.gui.worker import run_in_background
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.maintenance import pending_changes
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.replica import enrolment
from msk_desktop.sync.engine import SyncReport, sync

EVERY_MINUTES = 5
# What a pull may have changed: every register and the parts shown beside them.
PULLED_TABLES = frozenset(
    {*REGISTERS, "fir_victim", "fir_accused", "fir_milestone", "fir_section", "follow_up"}
    | {"counselling_session", "inspection_direction", "duty_roster_slot"}
    | {"duty_roster_assignment", "staff_deployment_member"}
)


def describe(report: SyncReport) -> Message:
    # The district refusing the audit log is rare and serious: it is said after the counts.
    audit = report.audit_refused or Message("", "")
    return Message(
        f"सिंक पूर्ण: भेजे {report.pushed}, प्राप्त {report.pulled}, विरोध {report.conflicts}, "
        f"अस्वीकृत {report.rejected}" + (f" — {audit.hi}" if audit.hi else ""),
        f"Sync done: sent {report.pushed}, received {report.pulled}, "
        f"conflicts {report.conflicts}, refused {report.rejected}"
        + (f" — {audit.en}" if audit.en else ""),
    )


class SyncRunner(QObject):
    said = Signal(str)  # a line for the status bar, in the user's language

    def __init__(self, ctx: OpContext, language: Language) -> None:
        super().__init__()
        self.ctx, self.language = ctx, language
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MINUTES * 60 * 1000)
        self.timer.timeout.connect(self.sync_now)

    @property
    def enrolled(self) -> bool:
        return enrolment(self.ctx.db) is not None

    def start(self) -> None:
        """Sync every few minutes, if this PC is enrolled with a district server."""
        if self.enrolled:
            self.timer.start()

    def sync_now(self) -> bool:
        """Start a run in the background; False when one is running or the PC is not
        enrolled (then the status bar says so)."""
        if self.running:
            return False
        if not self.enrolled:
            self.said.emit(
                self.language(
                    "यह पीसी जिला सर्वर से नामांकित नहीं है (msk-desktop enrol)।",
                    "This PC is not enrolled with a district server (msk-desktop enrol).",
                )
            )
            return False
        self.running = True
        self.said.emit(self.language("जिले से सिंक हो रहा है…", "Syncing with the district…"))
        run_in_background(lambda: sync(self.ctx.db, self.ctx.author), self._done, self._failed)
        return True

    def _done(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        self.running = False
        self.ctx.notifier.announce(OpResult("", PULLED_TABLES))
        self.said.emit(self.language.text(describe(report)))

    def _failed(self, error: Exception) -> None:
        self.running = False
        reason = (
            self.language.text(error.message)
            if isinstance(error, MskError)
            else f"{type(error).__name__}: {error}"
        )
        self.said.emit(self.language("सिंक नहीं हुआ: ", "Sync failed: ") + reason)

    def may_quit(self, parent: QWidget) -> bool:
        """Before quitting with unsent changes on an enrolled PC: sync first, quit anyway, or
        stay. A failed sync says why and leaves the choice to the user again."""
        count = pending_changes(self.ctx)
        if count == 0 or not self.enrolled:
            return True
        lang = self.language
        box = QMessageBox(
            QMessageBox.Icon.Question,
            lang("भेजने हेतु शेष बदलाव", "Changes not yet sent"),
            lang(
                f"{count} बदलाव अभी जिले को नहीं भेजे गए। बंद करने से पहले सिंक करें?",
                f"{count} changes have not been sent to the district. Sync before closing?",
            ),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(
            lang("सिंक करके बंद करें", "Sync, then close")
        )
        box.button(QMessageBox.StandardButton.No).setText(lang("फिर भी बंद करें", "Close anyway"))
        box.button(QMessageBox.StandardButton.Cancel).setText(lang("रुकें", "Stay"))
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.No:
            return True
        try:
            sync(self.ctx.db, self.ctx.author)
        except MskError as exc:
            QMessageBox.warning(parent, lang("सिंक नहीं हुआ", "Sync failed"), lang.text(exc.message))
            return False
        return True
