"""Inspection mode (निरीक्षण): the checklist computed from the registers, each point opening to
the entries behind it; the officer writes the visit (observations and directions, signed and
closed once saved), and the in-charge records compliance with each direction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain import forms
from msk_desktop.domain.dates import format_date
from msk_desktop.domain.errors import Message
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.history_pane import HistoryPane
from msk_desktop.gui.language import Language
from msk_desktop.gui.refresh_when_shown import RefreshWhenShown
from msk_desktop.ops.browse import entry_values
from msk_desktop.ops.checklist import Checklist, directions_to_comply, inspection_checklist
from msk_desktop.ops.circle import circle_stations, station_context
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import edit_entry
from msk_desktop.ops.inspection import record_compliance, record_inspection
from msk_desktop.ops.permissions import ACTION_ROLES, WRITE_ROLES
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.store.queries.report_queries import DirectionRow

OpenEntry = Callable[[str, str], None]  # (register, entry id), in the user's own station
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
POINT_ROLE = Qt.ItemDataRole.UserRole + 3
URGENT_RED = QColor("#a61b1b")
DIRECTION_COLUMNS = 3  # direction, who must act, comply by
COMPLIANCE = {
    c.code: c.label
    for c in next(f for f in forms.DIRECTION_COMPLIANCE if f.name == "compliance_status").choices
}


class DirectionsEditor(QWidget):
    """The directions of a visit being written: one row each, blank rows ignored."""

    def __init__(self, language: Language) -> None:
        super().__init__()
        self.table = QTableWidget(0, DIRECTION_COLUMNS)
        self.table.setObjectName("new_directions")
        self.table.setHorizontalHeaderLabels(
            [
                language.text(spec.label) + (" (DD-MM-YYYY)" if spec.name == "due_on" else "")
                for spec in forms.INSPECTION_DIRECTION
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(language("निर्देश जोड़ें", "Add direction"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(language("चयनित निर्देश हटाएँ", "Remove selected"))
        self.remove_button.clicked.connect(self._remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(language("निर्देश", "Directions")))
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_row()

    def add_row(self) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(DIRECTION_COLUMNS):
            self.table.setItem(row, column, QTableWidgetItem(""))
        return row

    def _remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def set_row(self, row: int, *texts: str) -> None:
        for column, text in enumerate(texts):
            item = self.table.item(row, column)
            assert item is not None
            item.setText(text)

    def directions(self) -> list[dict[str, str]]:
        names = [spec.name for spec in forms.INSPECTION_DIRECTION]
        found = []
        for row in range(self.table.rowCount()):
            texts = [self._text(row, column) for column in range(DIRECTION_COLUMNS)]
            if any(texts):
                found.append(dict(zip(names, texts, strict=True)))
        return found

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""


class InspectionDialog(EntryDialog):
    """The visit's form with its directions beside it; a saved entry is signed by the writer's
    account and closed (corrections are new entries)."""

    def __init__(self, ctx: OpContext, language: Language, parent: QWidget | None) -> None:
        self.directions_editor = DirectionsEditor(language)
        super().__init__(
            Message("निरीक्षण टिप्पणी (हस्ताक्षरित)", "Inspection entry (signed)"),
            forms.INSPECTION_ENTRY,
            lambda values: record_inspection(ctx, values, self.directions_editor.directions()),
            language,
            {"visited_on": ctx.today(), "officer_name": ctx.actor.full_name},
            parent,
        )
        self.add_side_panel(self.directions_editor)


class InspectionView(QWidget):
    def __init__(self, ctx: OpContext, language: Language, open_entry: OpenEntry) -> None:
        super().__init__()
        self.ctx, self.language, self.open_entry = ctx, language, open_entry
        self.station_id = ctx.actor.station_id
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.stations = QComboBox()
        self.stations.setObjectName("station_choice")
        for station in circle_stations(ctx):
            self.stations.addItem(
                f"{station.code} — {station.name_hi} / {station.name_en}", station.station_id
            )
        self.stations.setCurrentIndex(self.stations.findData(self.station_id))
        self.stations.currentIndexChanged.connect(self._station_chosen)
        self.stations.setVisible(self.stations.count() > 1)
        self.tree = QTreeWidget()
        self.tree.setObjectName("checklist_tree")
        self.tree.setColumnCount(2)
        self.tree.itemDoubleClicked.connect(self._activate)
        self.write_button = QPushButton()
        self.write_button.setObjectName("write_inspection")
        self.write_button.clicked.connect(self.write_inspection)
        self.write_button.setEnabled(ctx.actor.role in WRITE_ROLES["inspection_entry"])
        self.directions_label = QLabel()
        self.directions = QTableWidget(0, 5)
        self.directions.setObjectName("open_directions")
        self.directions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.directions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.directions.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.comply_button = QPushButton()
        self.comply_button.setObjectName("record_compliance")
        self.comply_button.clicked.connect(self.record_compliance)
        self.comply_button.setEnabled(ctx.actor.role in ACTION_ROLES["record_compliance"])
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.stations)
        top.addWidget(self.write_button)
        below = QHBoxLayout()
        below.addWidget(self.directions_label, 1)
        below.addWidget(self.comply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 3)
        layout.addLayout(below)
        layout.addWidget(self.directions, 2)
        self.checklist: Checklist | None = None
        self.open_rows: list[DirectionRow] = []
        language.changed.connect(lambda _code: self.show_checklist())
        self.when_shown = RefreshWhenShown(self, self.refresh)
        ctx.notifier.subscribe(self.when_shown.changed)
        self.refresh()

    @property
    def station_ctx(self) -> OpContext:
        return station_context(self.ctx, self.station_id)

    def show_station(self, station_id: str) -> None:
        """Drill-down from the circle view: this station's checklist."""
        self.stations.setCurrentIndex(self.stations.findData(station_id))

    def _station_chosen(self, index: int) -> None:
        self.station_id = self.stations.itemData(index)
        self.refresh()

    def refresh(self) -> None:
        self.checklist = inspection_checklist(self.ctx, self.station_id)
        self.open_rows = directions_to_comply(self.ctx, self.station_id)
        self.show_checklist()

    def show_checklist(self) -> None:
        checklist, lang = self.checklist, self.language
        if checklist is None:
            return
        self.heading.setText(
            lang(
                f"निरीक्षण जाँच सूची — {format_date(checklist.today)}",
                f"Inspection checklist — {format_date(checklist.today)}",
            )
        )
        self.write_button.setText(lang("निरीक्षण टिप्पणी लिखें…", "Write inspection…"))
        self.comply_button.setText(lang("अनुपालन अंकित करें…", "Record compliance…"))
        # A refresh (after any save) keeps open the points the officer had opened.
        opened = {
            item.data(0, POINT_ROLE)
            for item in (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
            if item is not None and item.isExpanded()
        }
        self.tree.clear()
        self.tree.setHeaderLabels(
            [lang("बिन्दु / प्रविष्टि", "Point / entry"), lang("विवरण", "Details")]
        )
        for point in checklist.points:
            section = QTreeWidgetItem([f"{lang.text(point.title)} ({point.count})"])
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            section.setData(0, POINT_ROLE, point.code.value)
            self.tree.addTopLevelItem(section)
            section.setExpanded(point.code.value in opened)
            for evidence in point.evidence:
                row = QTreeWidgetItem([evidence.label, lang.text(evidence.detail)])
                if evidence.urgent:
                    row.setForeground(1, QBrush(URGENT_RED))
                if evidence.entry_id is not None and evidence.register in REGISTERS:
                    row.setData(0, TARGET_ROLE, (evidence.register, evidence.entry_id))
                section.addChild(row)
        self.tree.resizeColumnToContents(0)
        self._show_directions()

    def _show_directions(self) -> None:
        lang = self.language
        self.directions_label.setText(
            lang(
                f"निर्देश जिनका अनुपालन शेष है ({len(self.open_rows)})",
                f"Directions not yet complied with ({len(self.open_rows)})",
            )
        )
        self.directions.setHorizontalHeaderLabels(
            [
                lang("निरीक्षण", "Inspection"),
                lang("निर्देश", "Direction"),
                lang("अनुपालनकर्ता", "Who must act"),
                lang("अन्तिम तिथि", "Comply by"),
                lang("स्थिति", "Status"),
            ]
        )
        self.directions.setRowCount(len(self.open_rows))
        today = self.checklist.today if self.checklist else None
        for row, d in enumerate(self.open_rows):
            status = COMPLIANCE.get(d.compliance_status, Message(d.compliance_status, ""))
            texts = [
                f"{d.entry_serial} ({format_date(d.visited_on)})",
                d.direction,
                d.responsible or "-",
                format_date(d.due_on) if d.due_on else "-",
                lang.text(status),
            ]
            late = d.due_on is not None and today is not None and d.due_on < today
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if late:
                    item.setForeground(QBrush(URGENT_RED))
                self.directions.setItem(row, column, item)

    def _activate(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, TARGET_ROLE)
        if not target:
            return
        register_name, entry_id = target
        if self.station_id == self.ctx.actor.station_id:
            self.open_entry(register_name, entry_id)
        else:
            self.open_elsewhere(register_name, entry_id)

    def open_elsewhere(self, register_name: str, entry_id: str) -> EntryDialog:
        """An entry of another station of the circle: its form and history, in that station."""
        ctx = self.station_ctx
        dialog = EntryDialog(
            REGISTERS[register_name].title,
            REGISTERS[register_name].form,
            lambda v: edit_entry(ctx, register_name, entry_id, v),
            self.language,
            entry_values(ctx, register_name, entry_id),
            self,
        )
        dialog.add_side_panel(HistoryPane(ctx, register_name, entry_id, self.language))
        dialog.open()
        return dialog

    def write_inspection(self) -> InspectionDialog:
        dialog = InspectionDialog(self.station_ctx, self.language, self)
        dialog.open()
        return dialog

    def record_compliance(self) -> EntryDialog | None:
        row = self.directions.currentRow()
        if not 0 <= row < len(self.open_rows):
            return None
        direction = self.open_rows[row]
        dialog = EntryDialog(
            Message(f"अनुपालन: {direction.direction}", f"Compliance: {direction.direction}"),
            forms.DIRECTION_COMPLIANCE,
            lambda v: record_compliance(self.station_ctx, direction.id, v),
            self.language,
            {"compliance_status": direction.compliance_status, "complied_on": None},
            self,
        )
        dialog.open()
        return dialog
