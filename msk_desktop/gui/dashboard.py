"""Today's work (आज का कार्य): deadlines, follow-ups, today's rosters and their gaps, bonds,
staffing and directions, each item opening its entry; refreshed whenever any op announces a
change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from msk_desktop.domain import forms
from msk_desktop.domain.dates import format_date, format_moment
from msk_desktop.domain.deadlines import DeadlineState
from msk_desktop.domain.display import display
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.gui.language import Language
from msk_desktop.gui.refresh_when_shown import RefreshWhenShown
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.today import TodaysWork, todays_work

OpenEntry = Callable[[str, str], None]  # (register, entry id)
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_RED = QColor("#a61b1b")
SEVERITY = {
    "violation": Message("उल्लंघन", "Violation"),
    "warning": Message("चेतावनी", "Warning"),
}
ACTION_CODE = next(f for f in forms.PREVENTIVE_ACTION if f.name == "action_code")
ROSTER_KIND = next(f for f in forms.DUTY_ROSTER_SLOT if f.name == "roster")
# What the label of a due follow-up holds, per register, so codes show as their names.
DUE_LABELS = {
    "helpdesk_application": FieldSpec("applicant_pseudonym", Message("", ""), Kind.TEXT),
    "ppk_referral": FieldSpec("ppk_centre", Message("", ""), Kind.TEXT),
    "support_referral": next(f for f in forms.SUPPORT_REFERRAL if f.name == "service"),
}


class Dashboard(QWidget):
    def __init__(self, ctx: OpContext, language: Language, open_entry: OpenEntry) -> None:
        super().__init__()
        self.ctx, self.language, self.open_entry = ctx, language, open_entry
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.tree = QTreeWidget()
        self.tree.setObjectName("dashboard_tree")
        self.tree.setColumnCount(3)
        self.tree.itemDoubleClicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)
        self.work: TodaysWork | None = None
        language.changed.connect(lambda _code: self.show_work())
        self.when_shown = RefreshWhenShown(self, self.refresh)
        ctx.notifier.subscribe(self._on_change)
        self.refresh()

    def _on_change(self, result: OpResult) -> None:
        # Recounting today's work reads every open case: only while it is on screen, else
        # when next shown, so a save made elsewhere does not wait for it.
        self.when_shown.changed(result)

    def refresh(self) -> None:
        self.work = todays_work(self.ctx)
        self.show_work()

    def _section(self, hi: str, en: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem([f"{self.language(hi, en)} ({count})"])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self.tree.addTopLevelItem(item)
        item.setExpanded(True)
        return item

    def show_work(self) -> None:
        work, lang = self.work, self.language
        if work is None:
            return
        self.heading.setText(
            lang(
                f"आज का कार्य — {format_date(work.today)}",
                f"Today's work — {format_date(work.today)}",
            )
        )
        self.tree.clear()
        self.tree.setHeaderLabels(
            [lang("विषय", "Item"), lang("विवेचक / तिथि", "IO / date"), lang("विवरण", "Details")]
        )
        self._deadlines(work)
        self._follow_ups(work)
        self._rosters(work)
        self._bonds(work)
        self._staffing(work)
        self._directions(work)
        self._sync(work)
        for column in (0, 1):
            self.tree.resizeColumnToContents(column)

    def _row(
        self,
        section: QTreeWidgetItem,
        texts: list[str],
        target: tuple[str, str] | None,
        late: bool = False,
    ) -> None:
        row = QTreeWidgetItem(texts)
        if late:
            row.setForeground(1, QBrush(OVERDUE_RED))
            row.setForeground(2, QBrush(OVERDUE_RED))
        if target is not None:
            row.setData(0, TARGET_ROLE, target)
        section.addChild(row)

    def _deadlines(self, work: TodaysWork) -> None:
        lang = self.language
        section = self._section(
            "समय-सीमा पार या निकट", "Deadlines overdue or due soon", len(work.deadlines)
        )
        for item in work.deadlines:
            self._row(
                section,
                [
                    f"{lang('मु0अ0सं0', 'Crime no.')} {item.crime_no}",
                    item.io_name or "-",
                    lang.text(item.status.describe()),
                ],
                ("fir", item.fir_id),
                item.status.state is DeadlineState.OVERDUE,
            )

    def _follow_ups(self, work: TodaysWork) -> None:
        lang = self.language
        section = self._section("अनुवर्ती कार्यवाही देय", "Follow-ups due", len(work.follow_ups))
        for due in work.follow_ups:
            title = lang.text(REGISTERS[due.register].title)
            label = display(DUE_LABELS[due.register], due.label, lang.code)
            self._row(
                section,
                [f"{title} {due.serial}", format_date(due.due_on), label],
                (due.register, due.entry_id),
                due.due_on < work.today,
            )

    def _rosters(self, work: TodaysWork) -> None:
        lang = self.language
        today = work.rosters
        section = self._section("आज का ड्यूटी रोस्टर", "Today's duty rosters", len(today.shifts))
        unstaffed = {w.slot_id for w in today.warnings if w.slot_id}
        for shift in today.shifts:
            roster = display(ROSTER_KIND, shift.roster.value, lang.code)
            people = ", ".join(p.name for p in shift.staff) or lang("— कोई नहीं —", "— nobody —")
            where = " · ".join(p for p in (shift.team_name, shift.place) if p)
            self._row(
                section,
                [roster, shift.hours, f"{people}{'  (' + where + ')' if where else ''}"],
                ("duty_roster_slot", shift.slot_id),
                shift.slot_id in unstaffed,
            )
        for warning in today.warnings:
            if warning.slot_id is None:  # a day-wide gap no single shift shows
                self._row(
                    section, [lang("चेतावनी", "Warning"), "", lang.text(warning.message)], None, True
                )

    def _bonds(self, work: TodaysWork) -> None:
        section = self._section("समाप्त होने वाले बंधपत्र", "Bonds expiring", len(work.bonds))
        for bond in work.bonds:
            kind = display(ACTION_CODE, bond.label, self.language.code)
            self._row(
                section,
                [bond.serial, format_date(bond.due_on), kind],
                ("preventive_action", bond.entry_id),
            )

    def _staffing(self, work: TodaysWork) -> None:
        lang = self.language
        section = self._section(
            "कर्मचारी व्यवस्था (परिपत्र)", "Staffing (circular)", len(work.staffing)
        )
        for finding in work.staffing:
            severity = SEVERITY.get(finding.severity, Message(finding.severity, finding.severity))
            target = ("staff_member", finding.staff_id) if finding.staff_id else None
            self._row(
                section,
                [lang.text(severity), "", lang.text(finding.message)],
                target,
                finding.severity == "violation",
            )

    def _directions(self, work: TodaysWork) -> None:
        lang = self.language
        section = self._section(
            "निरीक्षण निर्देश (अनुपालन शेष)", "Inspection directions open", len(work.directions)
        )
        for direction in work.directions:
            comply_by = format_date(direction.due_on) if direction.due_on else "-"
            self._row(
                section,
                [lang("निर्देश", "Direction"), comply_by, direction.direction],
                ("inspection_entry", direction.entry_id),
                direction.overdue,
            )

    def _sync(self, work: TodaysWork) -> None:
        lang, sync = self.language, work.sync
        section = self._section("जिले से सिंक", "Sync with the district", sync.conflicts)
        if not sync.enrolled:
            self._row(
                section,
                [
                    lang("नामांकित नहीं", "Not enrolled"),
                    "",
                    lang(
                        "यह पीसी अभी किसी जिला सर्वर से नहीं जुड़ा (msk-desktop enrol)।",
                        "This PC is not yet enrolled with a district server (msk-desktop enrol).",
                    ),
                ],
                None,
            )
        last = format_moment(sync.last_sync) if sync.last_sync else lang("कभी नहीं", "never")
        self._row(section, [lang("अंतिम सिंक", "Last sync"), last, ""], None)
        self._row(
            section,
            [lang("भेजने हेतु शेष बदलाव", "Changes not yet sent"), str(sync.pending), ""],
            None,
        )
        self._row(
            section,
            [
                lang("विरोध प्रतीक्षारत", "Conflicts waiting"),
                str(sync.conflicts),
                lang("सिंक → सिंक विरोध… में चुनें", "Choose in Sync → Sync conflicts…")
                if sync.conflicts
                else "",
            ],
            None,
            sync.conflicts > 0,
        )

    def _activate(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, TARGET_ROLE)
        if target:
            register_name, entry_id = target
            self.open_entry(register_name, entry_id)
