"""The roster week grid through real widgets: shifts × days, warnings of the circular, adding a
shift, changing who is on it, the squad's report, copying last week, navigation, language."""

from __future__ import annotations

import dataclasses
from datetime import date, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from msk_desktop.domain.roster_rules import Roster
from msk_desktop.gui.language import Language
from msk_desktop.gui.roster_grid import RosterGrid
from msk_desktop.gui.transliteration import TransliterationMode
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.rosters import add_roster_slot
from msk_desktop.store.models import DutyRosterSlot

MONDAY = date(2025, 11, 17)  # the week of the fixture clock's 20-11-2025
LAST_MONDAY = MONDAY - timedelta(days=7)


def staff(ctx: OpContext, name: str, gender: str, rank: str = "constable") -> str:
    values = {"name": name, "rank": rank, "gender": gender, "posted_on": "01-01-2025"}
    return create_entry(ctx, "staff_member", values).entity_id


@pytest.fixture
def people(ctx: OpContext) -> dict[str, str]:
    return {
        "ramesh": staff(ctx, "रमेश (काल्पनिक)", "male"),
        "asha": staff(ctx, "आशा (काल्पनिक)", "female"),
        "sunita": staff(ctx, "सुनीता (काल्पनिक)", "female", "head_constable"),
    }


def slot(
    ctx: OpContext,
    day: date,
    staff_ids: list[str],
    roster: str = "help_desk",
    hours: tuple[str, str] = ("08:00", "14:00"),
    **extra: Any,
) -> str:
    values = {
        "roster": roster,
        "duty_on": day,
        "starts_at": hours[0],
        "ends_at": hours[1],
        "place": "हेल्प डेस्क",
        **extra,
    }
    return add_roster_slot(ctx, values, staff_ids).entity_id


def grid_of(qtbot: QtBot, ctx: OpContext, language: Language) -> RosterGrid:
    grid = RosterGrid(ctx, language, TransliterationMode())
    qtbot.addWidget(grid)
    grid.show()  # on screen: it refreshes on every roster change
    return grid


def cell_text(grid: RosterGrid, row: int, column: int) -> str:
    item = grid.table.item(row, column)
    return item.text() if item is not None else ""


def warning_texts(grid: RosterGrid) -> list[str]:
    return [grid.warnings.item(i).text() for i in range(grid.warnings.count())]


def slots_in_db(ctx: OpContext) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count(DutyRosterSlot.id))) or 0)


def test_an_empty_week_shows_every_day_uncovered(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    grid = grid_of(qtbot, ctx, hindi)
    assert grid.week_label.text() == "17-11-2025 – 23-11-2025 (यह सप्ताह)"
    assert grid.table.rowCount() == 0
    assert not grid.empty_note.isHidden()
    assert grid.warnings_title.text() == "चेतावनियाँ (7)"
    assert warning_texts(grid)[0] == "सोमवार 17-11-2025: हेल्प डेस्क की कोई पाली नहीं"
    assert not grid.copy_button.isEnabled()  # nothing last week to copy
    header = grid.table.horizontalHeaderItem(4)
    assert header is not None and header.text() == "गुरुवार\n20-11-2025 (आज)"


def test_shifts_are_rows_and_days_are_columns_with_names(
    qtbot: QtBot, ctx: OpContext, hindi: Language, people: dict[str, str]
) -> None:
    for day in range(7):
        slot(ctx, MONDAY + timedelta(days=day), [people["asha"]])
        slot(ctx, MONDAY + timedelta(days=day), [people["sunita"]], hours=("20:00", "08:00"))
    grid = grid_of(qtbot, ctx, hindi)
    assert grid.table.rowCount() == 2
    assert cell_text(grid, 0, 0) == "08:00–14:00\nहेल्प डेस्क"
    assert cell_text(grid, 1, 0) == "20:00–08:00\nहेल्प डेस्क"
    assert cell_text(grid, 0, 1) == "आशा (काल्पनिक)"
    assert cell_text(grid, 1, 7) == "सुनीता (काल्पनिक)"
    assert grid.warnings_title.text() == "चेतावनी नहीं: रोस्टर परिपत्र के अनुसार है"
    assert grid.warnings.isHidden()


def test_warnings_for_unstaffed_and_men_only_desk_shifts(
    qtbot: QtBot, ctx: OpContext, hindi: Language, people: dict[str, str]
) -> None:
    for day in range(7):
        staffed = [] if day == 1 else [people["ramesh"]] if day == 2 else [people["asha"]]
        slot(ctx, MONDAY + timedelta(days=day), staffed)
    grid = grid_of(qtbot, ctx, hindi)
    assert warning_texts(grid) == [
        "मंगलवार 18-11-2025, 08:00–14:00: हेल्प डेस्क पाली पर कोई कर्मी नियुक्त नहीं",
        "बुधवार 19-11-2025, 08:00–14:00: हेल्प डेस्क पाली पर कोई महिला कर्मी नहीं",
    ]
    assert cell_text(grid, 0, 2) == "— कोई नहीं —"
    flagged = grid.table.item(0, 2)
    fine = grid.table.item(0, 1)
    assert flagged is not None and fine is not None
    assert flagged.background().color() != fine.background().color()
    # Choosing a warning selects its shift.
    grid._warning_chosen(grid.warnings.item(1))
    selected = grid.selected_shift()
    assert selected is not None and selected.duty_on == date(2025, 11, 19)


def test_add_a_shift_with_women_first(
    qtbot: QtBot, ctx: OpContext, hindi: Language, people: dict[str, str]
) -> None:
    grid = grid_of(qtbot, ctx, hindi)
    dialog = grid.add_shift()
    assert dialog.inputs["duty_on"].value() == "17-11-2025"
    names = [item.text() for item in dialog.staff_choices.rows()]
    assert names == [
        "सुनीता (काल्पनिक) — मुख्य आरक्षी, महिला",
        "आशा (काल्पनिक) — आरक्षी, महिला",
        "रमेश (काल्पनिक) — आरक्षी",
    ]
    for name, value in {
        "duty_on": "19-11-2025",
        "starts_at": "14:00",
        "ends_at": "20:00",
        "place": "महिला हेल्प डेस्क",
    }.items():
        dialog.inputs[name].set_value(value)
    dialog.staff_choices.rows()[1].setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.try_save()
    # Refreshed by the op's announcement.
    assert grid.table.rowCount() == 1
    assert cell_text(grid, 0, 0) == "14:00–20:00\nमहिला हेल्प डेस्क"
    assert cell_text(grid, 0, 3) == "आशा (काल्पनिक)"
    assert len(grid.week.warnings if grid.week else ()) == 6  # the other days


@pytest.mark.parametrize(
    ("roster", "fields"),
    [
        (Roster.HELP_DESK, ["duty_on", "starts_at", "ends_at", "place"]),
        (Roster.ANTI_ROMEO, ["duty_on", "starts_at", "ends_at", "team_name", "place"]),
        (Roster.WOMEN_BEAT, ["duty_on", "starts_at", "ends_at", "place", "area"]),
    ],
)
def test_the_new_shift_form_fits_the_roster(
    qtbot: QtBot, ctx: OpContext, hindi: Language, roster: Roster, fields: list[str]
) -> None:
    grid = grid_of(qtbot, ctx, hindi)
    grid.set_roster(roster)
    dialog = grid.add_shift()
    assert list(dialog.inputs) == fields
    assert dialog.windowTitle().startswith("नई पाली — ")


def test_a_bad_shift_is_refused_beside_its_field(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    grid = grid_of(qtbot, ctx, hindi)
    dialog = grid.add_shift()
    dialog.inputs["starts_at"].set_value("25:00")
    dialog.inputs["ends_at"].set_value("08:00")
    dialog.try_save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.errors["starts_at"].isHidden()
    assert dialog.errors["starts_at"].text().endswith("समय HH:MM में लिखें")
    assert slots_in_db(ctx) == 0


def test_place_can_be_typed_in_roman(qtbot: QtBot, ctx: OpContext, hindi: Language) -> None:
    grid = RosterGrid(ctx, hindi, TransliterationMode(enabled=True))
    qtbot.addWidget(grid)
    dialog = grid.add_shift()
    place = dialog.inputs["place"].widget
    qtbot.keyClicks(place, "mahila thana ")
    assert dialog.inputs["place"].value() == "महिला थाना "


def test_change_who_is_on_a_shift(
    qtbot: QtBot, ctx: OpContext, hindi: Language, people: dict[str, str]
) -> None:
    slot_id = slot(ctx, MONDAY, [people["ramesh"]])
    grid = grid_of(qtbot, ctx, hindi)
    assert grid.change_staff() is None  # nothing selected yet
    grid.select_shift(slot_id)
    dialog = grid.change_staff()
    assert dialog is not None
    ticked = dialog.checklist.ticked()
    assert ticked == [people["ramesh"]]
    for item in dialog.checklist.rows():
        is_asha = item.text().startswith("आशा")
        item.setCheckState(Qt.CheckState.Checked if is_asha else Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.try_save()
    assert cell_text(grid, 0, 1) == "आशा (काल्पनिक)"
    assert not any("महिला कर्मी नहीं" in text for text in warning_texts(grid))


def test_squads_of_one_are_flagged_and_reports_recorded(
    qtbot: QtBot, ctx: OpContext, hindi: Language, people: dict[str, str]
) -> None:
    team = "एण्टी रोमियो टीम-1"
    pair = slot(ctx, MONDAY, [people["asha"], people["ramesh"]], "anti_romeo", team_name=team)
    slot(ctx, MONDAY + timedelta(days=1), [people["asha"]], "anti_romeo", team_name=team)
    grid = grid_of(qtbot, ctx, hindi)
    assert grid.report_button.isHidden()  # the help desk files no report
    grid.set_roster(Roster.ANTI_ROMEO)
    assert not grid.report_button.isHidden()
    assert grid.table.rowCount() == 1
    assert cell_text(grid, 0, 0) == f"08:00–14:00\n{team}"
    assert cell_text(grid, 0, 1) == "हेल्प डेस्क\nआशा (काल्पनिक)\nरमेश (काल्पनिक)"
    assert warning_texts(grid) == [
        "मंगलवार 18-11-2025, 08:00–14:00: एण्टी रोमियो स्क्वाड में 1 कर्मी (कम से कम 2 चाहिए)"
    ]
    grid.select_shift(pair)
    dialog = grid.record_report()
    assert dialog is not None
    dialog.inputs["report"].set_value("विद्यालय गेट पर 2 युवकों को चेतावनी दी गई")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.try_save()
    assert cell_text(grid, 0, 1).endswith("✓ आख्या")
    item = grid.table.item(0, 1)
    assert item is not None and "चेतावनी दी गई" in item.toolTip()


def test_copy_last_week_into_an_empty_week_then_asks_before_adding_more(
    qtbot: QtBot, ctx: OpContext, hindi: Language, people: dict[str, str]
) -> None:
    for day in range(7):
        slot(ctx, LAST_MONDAY + timedelta(days=day), [people["asha"]])
    grid = grid_of(qtbot, ctx, hindi)
    assert grid.copy_button.isEnabled()
    assert grid.copy_last_week() is None  # the week was empty: copied at once
    assert grid.table.rowCount() == 1
    assert all(cell_text(grid, 0, c) == "आशा (काल्पनिक)" for c in range(1, 8))
    assert grid.notice.text() == "पिछले सप्ताह की 7 पालियाँ इस सप्ताह में उतारी गईं।"
    assert grid.warnings.isHidden()
    box = grid.copy_last_week()
    assert isinstance(box, QMessageBox)
    assert "पहले से 7 पालियाँ" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert slots_in_db(ctx) == 14
    box = grid.copy_last_week()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert slots_in_db(ctx) == 21
    assert grid.table.rowCount() == 2  # a second shift in each cell gets a row of its own


def test_week_navigation(qtbot: QtBot, ctx: OpContext, hindi: Language) -> None:
    slot(ctx, LAST_MONDAY + timedelta(days=2), [], hours=("09:00", "17:00"))
    grid = grid_of(qtbot, ctx, hindi)
    assert not grid.this_week_button.isEnabled()
    grid.previous_button.click()
    assert grid.week_label.text() == "10-11-2025 – 16-11-2025"
    assert grid.this_week_button.isEnabled()
    assert cell_text(grid, 0, 3) == "— कोई नहीं —"
    grid.next_button.click()
    grid.next_button.click()
    assert grid.week_label.text() == "24-11-2025 – 30-11-2025"
    grid.this_week_button.click()
    assert grid.monday == MONDAY


def test_refreshes_when_another_window_changes_the_roster(
    qtbot: QtBot, ctx: OpContext, hindi: Language, people: dict[str, str]
) -> None:
    grid = grid_of(qtbot, ctx, hindi)
    slot(ctx, MONDAY + timedelta(days=3), [people["sunita"]], hours=("20:00", "08:00"))
    assert cell_text(grid, 0, 4) == "सुनीता (काल्पनिक)"
    create_entry(
        ctx,
        "staff_member",
        {
            "name": "नई (काल्पनिक)",
            "rank": "constable",
            "gender": "female",
            "posted_on": "01-11-2025",
        },
    )
    assert grid.week is not None and any(p.name == "नई (काल्पनिक)" for p in grid.week.staff)


def test_a_closed_grid_is_not_called_back(
    qtbot: QtBot, ctx: OpContext, hindi: Language, people: dict[str, str]
) -> None:
    grid = RosterGrid(ctx, hindi)
    gone: list[bool] = []
    grid.destroyed.connect(lambda: gone.append(True))
    grid.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=2000)
    slot(ctx, MONDAY, [people["asha"]])  # raises if the deleted grid is called back


def test_switches_language(qtbot: QtBot, ctx: OpContext, people: dict[str, str]) -> None:
    language = Language("hi")
    slot(ctx, MONDAY, [])
    grid = grid_of(qtbot, ctx, language)
    language.set("en")
    assert grid.heading.text() == "Duty rosters"
    assert grid.roster_choice.currentText() == "Women help desk"
    assert cell_text(grid, 0, 1) == "— nobody —"
    assert warning_texts(grid)[0] == "Monday 17-11-2025, 08:00–14:00: nobody on the help desk shift"
    header = grid.table.horizontalHeaderItem(1)
    assert header is not None and header.text() == "Monday\n17-11-2025"
    assert grid.copy_button.text() == "Copy last week"


def test_roles_that_may_not_write_rosters_only_read(
    qtbot: QtBot, ctx: OpContext, hindi: Language, people: dict[str, str]
) -> None:
    for day in range(2):
        slot(ctx, LAST_MONDAY + timedelta(days=day), [people["asha"]])
    desk = dataclasses.replace(ctx, actor=dataclasses.replace(ctx.actor, role=Role.HELPDESK))
    grid = grid_of(qtbot, desk, hindi)
    grid.show_week(LAST_MONDAY)
    grid.table.setCurrentCell(0, 1)
    assert grid.selected_shift() is not None
    for button in (grid.add_button, grid.staff_button, grid.copy_button):
        assert not button.isEnabled()
    grid._activated(0, 1)  # Enter on a cell opens nothing for a reader
    assert grid.findChildren(QDialog) == []


def test_night_shift_hours_read_across_midnight(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    slot(ctx, MONDAY, [], hours=("20:00", "08:00"))
    grid = grid_of(qtbot, ctx, hindi)
    assert grid.week is not None
    assert grid.week.lines[0].starts_at == time(20)
    assert cell_text(grid, 0, 0).startswith("20:00–08:00")
