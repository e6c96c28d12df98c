"""Inspection mode and the circle view, driven through real widgets: the circle officer logs in,
sees the checklist, opens an entry behind a point, writes a signed inspection with a direction;
the in-charge sees it on the dashboard and records compliance from the same screen."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from msk_desktop.domain.checklist import PointCode
from msk_desktop.gui.circle_view import CircleView
from msk_desktop.gui.dashboard import Dashboard
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.inspection_view import TARGET_ROLE, InspectionDialog, InspectionView
from msk_desktop.gui.language import Language
from msk_desktop.gui.main_window import CIRCLE, INSPECTION, MainWindow
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.station import add_user, login
from msk_desktop.store.database import Author
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import InspectionDirection, InspectionEntry, Station
from tests.gui.conftest import NOW, child, top

CO_PASSWORD = "circle-officer-pass"
POINTS = list(PointCode)


@pytest.fixture
def officer(ctx: OpContext, layout: DataLayout, fast_cost: KdfCost) -> Iterator[OpContext]:
    """The circle officer, logged in with a password of his own on the station's file."""
    add_user(
        ctx, "fake.co", "Fake Circle Officer (काल्पनिक)", Role.CIRCLE_OFFICER, CO_PASSWORD, fast_cost
    )
    context = login(layout, "fake.co", CO_PASSWORD)
    context.clock = lambda: NOW
    yield context
    context.db.close()


def _overdue_fir(ctx: OpContext, crime_no: int = 7) -> str:
    # Registered 01-08-2025: 60 days → due 30-09-2025, 51 days overdue on 20-11-2025.
    return register_fir(
        ctx,
        {
            "crime_no": crime_no,
            "crime_year": 2025,
            "registered_at": "2025-08-01 10:00",
            "offence_date": "2025-07-31",
            "status": "under_investigation",
            "io_name": "SI Fake",
        },
        ["BNS 64"],
        [{"age": 24, "gender": "female"}],
    ).entity_id


def _rows(ctx: OpContext, model: type[InspectionEntry] | type[InspectionDirection]) -> int:
    with ctx.db.read() as session:
        return session.query(model).count()


def test_officer_sees_the_checklist_and_opens_an_entry(
    qtbot: QtBot, ctx: OpContext, officer: OpContext
) -> None:
    fir_id = _overdue_fir(ctx)
    window = MainWindow(officer, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    keys = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert keys[2:4] == ["Inspection", "Circle stations"]
    view = window.show_register(INSPECTION)
    assert isinstance(view, InspectionView)
    assert view.tree.topLevelItemCount() == len(POINTS)
    investigations = top(view.tree, POINTS.index(PointCode.INVESTIGATIONS))
    assert investigations.text(0) == "Investigations overdue or due this week (1)"
    evidence = child(investigations, 0)
    assert evidence.text(0) == "7/2025"
    assert evidence.text(1) == "Investigation (60 days): overdue by 51 days"
    assert evidence.data(0, TARGET_ROLE) == ("fir", fir_id)
    view.tree.itemDoubleClicked.emit(evidence, 0)
    fir_view = window.views["fir"]
    assert isinstance(fir_view, RegisterView)
    assert window.stack.currentWidget() is fir_view
    dialogs = [d for d in fir_view.findChildren(EntryDialog) if d.isVisible()]
    assert any(d.inputs["crime_no"].value() == "7" for d in dialogs)
    # The officer writes; only the in-charge records compliance.
    assert view.write_button.isEnabled() and not view.comply_button.isEnabled()
    # Recounted (after a save), the checklist keeps open the points that were open.
    investigations.setExpanded(True)
    _overdue_fir(ctx, 8)
    view.refresh()
    investigations = top(view.tree, POINTS.index(PointCode.INVESTIGATIONS))
    assert investigations.text(0).endswith("(2)") and investigations.isExpanded()
    assert not top(view.tree, POINTS.index(PointCode.MILESTONES)).isExpanded()


def test_write_inspection_then_in_charge_records_compliance(
    qtbot: QtBot, ctx: OpContext, officer: OpContext
) -> None:
    view = InspectionView(officer, Language("en"), lambda _r, _i: None)
    qtbot.addWidget(view)
    view.show()
    dialog = view.write_inspection()
    assert isinstance(dialog, InspectionDialog)
    assert dialog.inputs["officer_name"].value() == "Fake Circle Officer (काल्पनिक)"
    assert dialog.inputs["visited_on"].value() == "20-11-2025"  # the day of the visit: today
    dialog.inputs["officer_rank"].set_value("Deputy SP")
    dialog.inputs["observations"].set_value("रजिस्टर अद्यावधिक पाए गए; रोस्टर अपूर्ण")
    editor = dialog.directions_editor
    # A direction with a date but no text is refused, and nothing is written.
    editor.set_row(0, "", "MSK in-charge", "30-11-2025")
    dialog.try_save()
    assert dialog.isVisible() and dialog.summary.isVisibleTo(dialog)
    assert _rows(ctx, InspectionEntry) == 0
    editor.set_row(0, "हेल्प डेस्क का साप्ताहिक रोस्टर लगाएँ", "MSK in-charge", "30-11-2025")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.set_row(1, "बीट सूची अद्यावधिक करें", "", "")
    dialog.try_save()
    assert not dialog.isVisible()
    assert (_rows(ctx, InspectionEntry), _rows(ctx, InspectionDirection)) == (1, 2)
    with ctx.db.read() as session:
        entry = session.query(InspectionEntry).one()
        assert entry.signed_by == officer.actor.user_id
    # The view refreshed on the save: the directions wait for compliance.
    assert view.directions.rowCount() == 2
    directions = top(view.tree, POINTS.index(PointCode.DIRECTIONS_OPEN))
    assert directions.text(0).endswith("(2)")

    # The in-charge's day starts with them on the dashboard ...
    dashboard = Dashboard(ctx, Language("en"), lambda _r, _i: None)
    qtbot.addWidget(dashboard)
    dashboard.show()
    sections = [top(dashboard.tree, i).text(0) for i in range(dashboard.tree.topLevelItemCount())]
    assert "Inspection directions open (2)" in sections
    # ... and compliance is recorded from the same inspection screen.
    mine = InspectionView(ctx, Language("en"), lambda _r, _i: None)
    qtbot.addWidget(mine)
    mine.show()
    assert mine.comply_button.isEnabled()
    texts = [mine.directions.item(r, 1).text() for r in range(mine.directions.rowCount())]  # type: ignore[union-attr]
    mine.directions.selectRow(texts.index("हेल्प डेस्क का साप्ताहिक रोस्टर लगाएँ"))
    compliance = mine.record_compliance()
    assert compliance is not None
    compliance.inputs["compliance_status"].set_value("complied")
    compliance.inputs["compliance_note"].set_value("रोस्टर लगा दिया गया")
    compliance.inputs["complied_on"].set_value("20-11-2025")
    compliance.try_save()
    assert not compliance.isVisible()
    assert mine.directions.rowCount() == 1
    sections = [top(dashboard.tree, i).text(0) for i in range(dashboard.tree.topLevelItemCount())]
    assert "Inspection directions open (1)" in sections


def test_signed_entry_cannot_be_changed_from_its_register(
    qtbot: QtBot, ctx: OpContext, officer: OpContext
) -> None:
    view = InspectionView(officer, Language("en"), lambda _r, _i: None)
    qtbot.addWidget(view)
    dialog = view.write_inspection()
    dialog.inputs["visited_on"].set_value("19-11-2025")
    dialog.inputs["officer_rank"].set_value("Deputy SP")
    dialog.inputs["observations"].set_value("सब ठीक")
    dialog.try_save()
    with ctx.db.read() as session:
        entry_id = session.query(InspectionEntry.id).scalar()
    register_view = RegisterView(ctx, "inspection_entry", Language("en"))
    qtbot.addWidget(register_view)
    edit = register_view.edit_entry(entry_id)
    edit.inputs["observations"].set_value("बाद में बदला गया")
    edit.try_save()
    assert edit.isVisible()
    assert "A signed inspection entry cannot be changed" in edit.summary.text()
    with ctx.db.read() as session:
        assert session.get(InspectionEntry, entry_id).observations == "सब ठीक"  # type: ignore[union-attr]


def test_circle_view_sorts_and_drills_down_to_a_station(
    qtbot: QtBot, ctx: OpContext, officer: OpContext
) -> None:
    with ctx.db.write(Author(None, "test")) as tx:
        other = Station(
            code="GUI-02", name_hi="दूसरा थाना", name_en="Other Thana", district="D", circle="C"
        )
        tx.session.add(other)
        tx.session.flush()
        tx.audit("station.setup", "station", other.id, code=other.code)
        other_id = other.id
    _overdue_fir(ctx, 7)
    _overdue_fir(ctx, 8)
    # The other station's own work, as a sync would bring it to the officer's laptop.
    there = OpContext(ctx.db, dataclasses.replace(ctx.actor, station_id=other_id), ctx.clock)
    _overdue_fir(there, 9)
    window = MainWindow(officer, Language("en"), "Test Thana")
    qtbot.addWidget(window)
    circle = window.view(CIRCLE)
    assert isinstance(circle, CircleView)
    qtbot.waitSignal(circle.loaded, timeout=10000).wait()
    assert circle.table.rowCount() == 2
    header = circle.table.horizontalHeaderItem(1)
    assert header is not None and header.text() == "Investigations overdue"
    circle.table.sortItems(1, Qt.SortOrder.DescendingOrder)
    cells = [circle.table.item(r, 1).text() for r in range(2)]  # type: ignore[union-attr]
    assert cells == ["2", "1"]
    assert circle.station_at(1) == other_id
    circle.table.cellDoubleClicked.emit(1, 0)
    view = window.stack.currentWidget()
    assert isinstance(view, InspectionView)
    assert view.station_id == other_id
    investigations = top(view.tree, POINTS.index(PointCode.INVESTIGATIONS))
    assert investigations.text(0).endswith("(1)")
    # An entry of another station opens in a form of its own, read from that station.
    view.tree.itemDoubleClicked.emit(child(investigations, 0), 0)
    opened = [d for d in view.findChildren(EntryDialog) if d.isVisible()]
    assert [d.inputs["crime_no"].value() for d in opened] == ["9"]
    view.show_station(officer.actor.station_id)
    assert top(view.tree, POINTS.index(PointCode.INVESTIGATIONS)).text(0).endswith("(2)")
    assert not any(
        isinstance(w, QPushButton) and w.text() == "" for w in view.findChildren(QPushButton)
    )


def test_a_hidden_view_catches_up_when_shown(qtbot: QtBot, ctx: OpContext) -> None:
    view = InspectionView(ctx, Language("en"), lambda _r, _i: None)
    qtbot.addWidget(view)
    investigations = POINTS.index(PointCode.INVESTIGATIONS)
    assert top(view.tree, investigations).text(0).endswith("(0)")
    _overdue_fir(ctx)
    assert top(view.tree, investigations).text(0).endswith("(0)")  # not on screen: not recounted
    view.show()
    assert top(view.tree, investigations).text(0).endswith("(1)")
