"""A duty roster's week as the in-charge draws it on paper: shifts down the side, Monday to
Sunday across, the names of who is on duty in each cell; warnings for the circular's rules below.

Why shifts × days and not people × shifts: a roster has few shifts a week (three help desk
shifts a day, two squad slots, a handful of beats) but up to fifteen people, so shifts × days
fits a whole week on a 1366×768 screen without scrolling, reads like the roster pinned on the
notice board, and an unstaffed shift is an empty red cell rather than a missing mark somewhere
in a person's row. People appear in every cell they work, women first.

Every change goes through ``ops``; the grid reloads when an op announces a roster or staff
change, whichever window made it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain import forms
from msk_desktop.domain.choices import ROSTER
from msk_desktop.domain.dates import format_date
from msk_desktop.domain.errors import Message, MskError
from msk_desktop.domain.roster_rules import (
    WEEKDAYS,
    GridLine,
    Roster,
    RosterPerson,
    RosterShift,
    choosable_staff,
    day_name,
    week_days,
    week_monday,
)
from msk_desktop.gui.entry_dialog import ERROR_STYLE, EntryDialog
from msk_desktop.gui.language import Language
from msk_desktop.gui.refresh_when_shown import RefreshWhenShown
from msk_desktop.gui.transliteration import TransliterationMode
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.roster_week import ROSTER_TABLES, RosterWeek, roster_week, shift_day
from msk_desktop.ops.rosters import (
    add_roster_slot,
    copy_roster_week,
    record_slot_report,
    set_slot_staff,
)

SLOT_ROLE = Qt.ItemDataRole.UserRole
WARNING_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM_FILL = QColor("#f8d7da")  # a cell the warnings point at
TODAY_FILL = QColor("#fff6d5")
WARNING_RED = QColor("#a61b1b")
SHIFT_COLUMN_WIDTH = 200
WARNINGS_MAX_HEIGHT = 130
SLOT_FIELDS = {spec.name: spec for spec in forms.DUTY_ROSTER_SLOT}
# What the in-charge fills in for a new shift of each roster (the rest stays empty).
SHIFT_FORM: dict[Roster, tuple[str, ...]] = {
    Roster.HELP_DESK: ("duty_on", "starts_at", "ends_at", "place"),
    Roster.ANTI_ROMEO: ("duty_on", "starts_at", "ends_at", "team_name", "place"),
    Roster.WOMEN_BEAT: ("duty_on", "starts_at", "ends_at", "place", "area"),
}
REPORTED_ROSTERS = frozenset({Roster.ANTI_ROMEO, Roster.WOMEN_BEAT})


class StaffChecklist(QListWidget):
    """Tick who is on a shift; women are listed first."""

    def __init__(self, people: list[RosterPerson], ticked: set[str], language: Language) -> None:
        super().__init__()
        self.setObjectName("staff_choices")
        for person in people:
            item = QListWidgetItem(language.text(person.describe()))
            item.setData(SLOT_ROLE, person.staff_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person.staff_id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.addItem(item)

    def rows(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def ticked(self) -> list[str]:
        return [
            str(item.data(SLOT_ROLE))
            for item in self.rows()
            if item.checkState() == Qt.CheckState.Checked
        ]


class StaffDialog(QDialog):
    """Change who is on one shift."""

    def __init__(
        self, ctx: OpContext, shift: RosterShift, week: RosterWeek, language: Language
    ) -> None:
        super().__init__()
        self.ctx, self.shift, self.language = ctx, shift, language
        self.setWindowTitle(language("कर्मी बदलें", "Change who is on duty"))
        heading = QLabel(language.text(_describe_shift(shift)))
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        self.checklist = StaffChecklist(
            choosable_staff(week.staff, shift.staff),
            {p.staff_id for p in shift.staff},
            language,
        )
        self.error = QLabel()
        self.error.setObjectName("staff_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(language("सहेजें", "Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(language("रद्द करें", "Cancel"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.checklist)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 520)

    def try_save(self) -> None:
        try:
            set_slot_staff(self.ctx, self.shift.slot_id, self.checklist.ticked())
        except MskError as exc:
            self.error.setText(self.language.text(exc.message))
            self.error.show()
        else:
            self.accept()


def _describe_shift(shift: RosterShift) -> Message:
    """ "सोमवार 17-11-2025 · 08:00–14:00 · टीम · स्थान"."""
    rest = [shift.hours, *(p for p in (shift.team_name, shift.place) if p)]
    day = day_name(shift.duty_on)
    return Message(" · ".join([day.hi, *rest]), " · ".join([day.en, *rest]))


class ShiftDialog(EntryDialog):
    """A new shift of the roster shown: the slot's fields, and who is on it beside them."""

    def __init__(
        self,
        ctx: OpContext,
        week: RosterWeek,
        preset: dict[str, Any],
        language: Language,
        parent: QWidget | None = None,
        typing_mode: TransliterationMode | None = None,
    ) -> None:
        roster = week.roster
        title = next(c.label for c in ROSTER if c.code == roster)
        super().__init__(
            Message(f"नई पाली — {title.hi}", f"New shift — {title.en}"),
            tuple(SLOT_FIELDS[name] for name in SHIFT_FORM[roster]),
            lambda values: add_roster_slot(
                ctx, {**values, "roster": roster.value}, self.staff_choices.ticked()
            ),
            language,
            preset,
            parent,
            typing_mode,
        )
        self.staff_choices = StaffChecklist(choosable_staff(week.staff, ()), set(), language)
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.addWidget(QLabel(language("ड्यूटी पर कर्मी (महिलाएँ पहले)", "On duty (women first)")))
        box.addWidget(self.staff_choices)
        self.add_side_panel(panel)
        # A few fields and a list of names: narrower than an entry beside its history.
        self.resize(900, 560)
        self.splitter.setSizes([400, 500])


def _label(name: str, style: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    return label


def _button(name: str, action: Callable[[], object]) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.clicked.connect(action)
    return button


class RosterGrid(QWidget):
    def __init__(
        self,
        ctx: OpContext,
        language: Language,
        typing_mode: TransliterationMode | None = None,
    ) -> None:
        super().__init__()
        self.ctx, self.language, self.typing_mode = ctx, language, typing_mode
        self.roster = Roster.HELP_DESK
        self.monday = week_monday(ctx.today())
        self.week: RosterWeek | None = None

        self.heading = _label("roster_heading", "font-size: 14pt; font-weight: bold;")
        self.roster_choice = QComboBox()
        self.roster_choice.setObjectName("roster_choice")
        self.roster_choice.currentIndexChanged.connect(self._roster_chosen)
        self.previous_button = _button(
            "previous_week", lambda: self.show_week(self.monday - timedelta(days=7))
        )
        self.this_week_button = _button("this_week", lambda: self.show_week(self.ctx.today()))
        self.next_button = _button(
            "next_week", lambda: self.show_week(self.monday + timedelta(days=7))
        )
        self.week_label = _label("week_label", "font-weight: bold;")
        self.week_label.setWordWrap(False)
        self.add_button = _button("add_shift", self.add_shift)
        self.staff_button = _button("change_staff", self.change_staff)
        self.report_button = _button("record_report", self.record_report)
        self.copy_button = _button("copy_last_week", self.copy_last_week)
        self.table = self._make_table()
        self.empty_note = _label("empty_week", "color: #555555;")
        self.warnings_title = _label("warnings_title", "font-weight: bold;")
        self.warnings = QListWidget()
        self.warnings.setObjectName("roster_warnings")
        self.warnings.itemActivated.connect(self._warning_chosen)
        self.notice = _label("roster_notice", "")
        self._lay_out()
        language.changed.connect(self.retranslate)
        self.when_shown = RefreshWhenShown(self, self.refresh)
        ctx.notifier.subscribe(self._on_change)
        # The notifier outlives views; a closed view must not be called back.
        self.destroyed.connect(lambda: ctx.notifier.unsubscribe(self._on_change))
        self.retranslate()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget()
        table.setObjectName("roster_table")
        table.setColumnCount(1 + len(WEEKDAYS))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(0, SHIFT_COLUMN_WIDTH)
        table.cellActivated.connect(self._activated)
        table.currentCellChanged.connect(lambda *_: self._enable_actions())
        return table

    def _lay_out(self) -> None:
        week_bar = QHBoxLayout()
        for widget in (
            self.roster_choice,
            self.previous_button,
            self.this_week_button,
            self.next_button,
            self.week_label,
        ):
            week_bar.addWidget(widget)
        week_bar.addStretch()
        action_bar = QHBoxLayout()
        for button in (self.add_button, self.staff_button, self.report_button):
            action_bar.addWidget(button)
        action_bar.addStretch()
        action_bar.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(week_bar)
        layout.addLayout(action_bar)
        layout.addWidget(self.table, stretch=1)
        for below in (self.empty_note, self.warnings_title, self.warnings, self.notice):
            layout.addWidget(below)

    # ---- loading and showing ---------------------------------------------------------------

    def _on_change(self, result: OpResult) -> None:
        if result.tables & ROSTER_TABLES:
            self.when_shown.changed(result)

    def refresh(self) -> None:
        self.week = roster_week(self.ctx, self.roster, self.monday)
        self._show_week()

    def show_week(self, day: date) -> None:
        self.monday = week_monday(day)
        self.notice.clear()
        self.refresh()

    def set_roster(self, roster: Roster) -> None:
        self.roster_choice.setCurrentIndex(self.roster_choice.findData(roster.value))

    def _roster_chosen(self, _index: int) -> None:
        chosen = self.roster_choice.currentData()
        if chosen is not None and chosen != self.roster:
            self.roster = Roster(chosen)
            self.notice.clear()
            self.refresh()

    def retranslate(self, _code: str = "") -> None:
        lang = self.language
        self.heading.setText(lang("ड्यूटी रोस्टर", "Duty rosters"))
        self.roster_choice.blockSignals(True)
        self.roster_choice.clear()
        for choice in ROSTER:
            self.roster_choice.addItem(lang.text(choice.label), choice.code)
        self.roster_choice.setCurrentIndex(self.roster_choice.findData(self.roster.value))
        self.roster_choice.blockSignals(False)
        self.previous_button.setText(lang("◀ पिछला सप्ताह", "◀ Previous week"))
        self.this_week_button.setText(lang("यह सप्ताह", "This week"))
        self.next_button.setText(lang("अगला सप्ताह ▶", "Next week ▶"))
        self.add_button.setText(lang("नई पाली", "Add shift"))
        self.staff_button.setText(lang("कर्मी बदलें", "Change who is on duty"))
        self.report_button.setText(lang("आख्या दर्ज करें", "Record report"))
        self.copy_button.setText(lang("पिछले सप्ताह की प्रतिलिपि", "Copy last week"))
        self.copy_button.setToolTip(
            lang(
                "पिछले सप्ताह की सभी पालियाँ और कर्मी इस सप्ताह में उतारें",
                "Bring last week's shifts and people into this week",
            )
        )
        if self.week is None:
            self.refresh()
        else:
            self._show_week()

    def _show_week(self) -> None:
        week, lang = self.week, self.language
        assert week is not None
        days = week_days(week.monday)
        this_week = week_monday(week.today) == week.monday
        span = f"{format_date(days[0])} – {format_date(days[-1])}"
        self.week_label.setText(span + (lang(" (यह सप्ताह)", " (this week)") if this_week else ""))
        self.this_week_button.setEnabled(not this_week)

        uncovered = {w.day for w in week.warnings if w.slot_id is None}
        flagged = {w.slot_id for w in week.warnings if w.slot_id is not None}
        current = (self.table.currentRow(), self.table.currentColumn())
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(len(week.lines))
        headers = [lang("पाली", "Shift")]
        for day in days:
            name = lang.text(WEEKDAYS[day.weekday()])
            headers.append(
                f"{name}\n{format_date(day)}"
                + (lang(" (आज)", " (today)") if day == week.today else "")
            )
        self.table.setHorizontalHeaderLabels(headers)
        for column, day in enumerate(days, start=1):
            header = self.table.horizontalHeaderItem(column)
            assert header is not None
            if day in uncovered:
                header.setForeground(QBrush(WARNING_RED))
                header.setToolTip(
                    lang("इस दिन हेल्प डेस्क की कोई पाली नहीं", "No help desk shift on this day")
                )
        for row, line in enumerate(week.lines):
            self.table.setItem(row, 0, self._line_item(line))
            for column, shift in enumerate(line.cells, start=1):
                item = self._cell_item(line, shift)
                if shift is not None and shift.slot_id in flagged:
                    item.setBackground(QBrush(PROBLEM_FILL))
                elif days[column - 1] == week.today:
                    item.setBackground(QBrush(TODAY_FILL))
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        if 0 <= current[0] < self.table.rowCount() and current[1] >= 0:
            self.table.setCurrentCell(*current)
        self.empty_note.setVisible(not week.lines)
        self.empty_note.setText(
            lang(
                "इस सप्ताह कोई पाली नहीं है: 'नई पाली' से जोड़ें या पिछले सप्ताह की प्रतिलिपि लें।",
                "No shifts this week: add one, or copy last week.",
            )
        )
        self._show_warnings()
        self._enable_actions()

    def _line_item(self, line: GridLine) -> QTableWidgetItem:
        item = QTableWidgetItem("\n".join(t for t in (line.hours, line.label) if t))
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setToolTip(item.text())
        return item

    def _cell_item(self, line: GridLine, shift: RosterShift | None) -> QTableWidgetItem:
        lang = self.language
        if shift is None:
            return QTableWidgetItem("")
        lines = [shift.place] if shift.place and shift.place != line.label else []
        lines += [p.name for p in shift.staff] or [lang("— कोई नहीं —", "— nobody —")]
        if shift.report:
            lines.append(lang("✓ आख्या", "✓ report"))
        item = QTableWidgetItem("\n".join(lines))
        item.setData(SLOT_ROLE, shift.slot_id)
        details = [lang.text(_describe_shift(shift))]
        if shift.area:
            details.append(lang(f"क्षेत्र: {shift.area}", f"Area: {shift.area}"))
        details += [lang.text(p.describe()) for p in shift.staff]
        if shift.report:
            details.append(lang(f"आख्या: {shift.report}", f"Report: {shift.report}"))
        item.setToolTip("\n".join(details))
        return item

    def _show_warnings(self) -> None:
        week, lang = self.week, self.language
        assert week is not None
        self.warnings.clear()
        for warning in week.warnings:
            item = QListWidgetItem(lang.text(warning.message))
            item.setForeground(QBrush(WARNING_RED))
            item.setData(WARNING_ROLE, (warning.slot_id, warning.day))
            self.warnings.addItem(item)
        count = len(week.warnings)
        self.warnings_title.setText(
            lang(f"चेतावनियाँ ({count})", f"Warnings ({count})")
            if count
            else lang(
                "चेतावनी नहीं: रोस्टर परिपत्र के अनुसार है", "No warnings: the roster meets the circular"
            )
        )
        self.warnings.setVisible(bool(count))
        # As tall as its lines, up to a few: the week grid keeps the screen's height.
        lines = sum(self.warnings.sizeHintForRow(row) for row in range(count))
        self.warnings.setFixedHeight(
            min(WARNINGS_MAX_HEIGHT, lines + 2 * self.warnings.frameWidth())
        )

    def _enable_actions(self) -> None:
        week = self.week
        editable = week is not None and week.can_edit
        shift = self.selected_shift()
        self.add_button.setEnabled(editable)
        self.staff_button.setEnabled(editable and shift is not None)
        self.report_button.setVisible(self.roster in REPORTED_ROSTERS)
        self.report_button.setEnabled(editable and shift is not None)
        self.copy_button.setEnabled(editable and week is not None and week.shifts_last_week > 0)

    # ---- selection -------------------------------------------------------------------------

    def selected_shift(self) -> RosterShift | None:
        item = self.table.currentItem()
        slot_id = item.data(SLOT_ROLE) if item is not None else None
        if self.week is None or slot_id is None:
            return None
        return next((s for s in self.week.shifts if s.slot_id == slot_id), None)

    def show_shift(self, slot_id: str) -> None:
        """The shift's roster and week, with the shift selected (from today's work)."""
        roster, day = shift_day(self.ctx, slot_id)
        self.set_roster(roster)
        self.show_week(day)
        self.select_shift(slot_id)

    def select_shift(self, slot_id: str) -> None:
        for row in range(self.table.rowCount()):
            for column in range(1, self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None and item.data(SLOT_ROLE) == slot_id:
                    self.table.setCurrentCell(row, column)
                    return

    def _warning_chosen(self, item: QListWidgetItem) -> None:
        slot_id, day = item.data(WARNING_ROLE)
        if slot_id is not None:
            self.select_shift(slot_id)
        elif self.week is not None:
            self.table.setCurrentCell(0, 1 + (day - self.week.monday).days)
        self.table.setFocus()

    def _activated(self, row: int, column: int) -> None:
        if self.week is None or not self.week.can_edit:
            return
        if self.selected_shift() is not None:
            self.change_staff()
        elif column > 0:
            self.add_shift()

    # ---- actions ---------------------------------------------------------------------------

    def _preset(self) -> dict[str, Any]:
        """A new shift starts as the selected row's shift on the selected day."""
        assert self.week is not None
        row, column = self.table.currentRow(), self.table.currentColumn()
        day_index = column - 1 if column >= 1 else 0
        values: dict[str, Any] = {"duty_on": self.week.monday + timedelta(days=day_index)}
        if 0 <= row < len(self.week.lines):
            line = self.week.lines[row]
            model = next((s for s in line.cells if s is not None), None)
            values |= {"starts_at": line.starts_at, "ends_at": line.ends_at}
            if model is not None:
                values |= {"place": model.place, "team_name": model.team_name, "area": model.area}
        return values

    def add_shift(self) -> ShiftDialog:
        assert self.week is not None
        dialog = ShiftDialog(
            self.ctx, self.week, self._preset(), self.language, self, self.typing_mode
        )
        dialog.open()
        return dialog

    def change_staff(self) -> StaffDialog | None:
        shift = self.selected_shift()
        if shift is None or self.week is None:
            return None
        dialog = StaffDialog(self.ctx, shift, self.week, self.language)
        dialog.setParent(self, dialog.windowFlags())
        dialog.open()
        return dialog

    def record_report(self) -> EntryDialog | None:
        shift = self.selected_shift()
        if shift is None:
            return None
        about = _describe_shift(shift)
        dialog = EntryDialog(
            Message(f"आख्या — {about.hi}", f"Report — {about.en}"),
            (SLOT_FIELDS["report"],),
            lambda values: record_slot_report(self.ctx, shift.slot_id, values["report"]),
            self.language,
            {"report": shift.report},
            self,
            self.typing_mode,
        )
        dialog.open()
        return dialog

    def copy_last_week(self) -> QMessageBox | None:
        """Copy last week's shifts and people into the week shown; asks first when the week
        already has shifts, since copying adds to them."""
        week = self.week
        if week is None or week.shifts_last_week == 0:
            return None
        if not week.shifts:
            self._copy(week)
            return None
        lang = self.language
        box = QMessageBox(
            QMessageBox.Icon.Question,
            lang("पिछले सप्ताह की प्रतिलिपि", "Copy last week"),
            lang(
                f"इस सप्ताह में पहले से {len(week.shifts)} पालियाँ हैं। पिछले सप्ताह की "
                f"{week.shifts_last_week} पालियाँ और जोड़ें?",
                f"This week already has {len(week.shifts)} shifts. Add last week's "
                f"{week.shifts_last_week} as well?",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(lang("हाँ, जोड़ें", "Yes, add"))
        box.button(QMessageBox.StandardButton.No).setText(lang("नहीं", "No"))
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self._copy(week))
        box.open()
        return box

    def _copy(self, week: RosterWeek) -> None:
        lang = self.language
        try:
            copy_roster_week(
                self.ctx,
                week.roster,
                week.monday - timedelta(days=7),
                week.monday,
                add_to_existing=bool(week.shifts),  # the user said yes to adding
            )
        except MskError as exc:
            self._tell(lang.text(exc.message), error=True)
        else:
            self._tell(
                lang(
                    f"पिछले सप्ताह की {week.shifts_last_week} पालियाँ इस सप्ताह में उतारी गईं।",
                    f"Copied last week's {week.shifts_last_week} shifts into this week.",
                )
            )

    def _tell(self, text: str, error: bool = False) -> None:
        self.notice.setStyleSheet(ERROR_STYLE if error else "color: #1d6b2f;")
        self.notice.setText(text)
