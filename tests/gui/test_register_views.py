"""Every register through real widgets: add, edit, find; bad input shown, nothing saved."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from msk_desktop.gui import register_model, register_view
from msk_desktop.gui.dashboard import TARGET_ROLE, Dashboard
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.language import Language
from msk_desktop.gui.register_model import PAGE_SIZE
from msk_desktop.gui.register_view import RegisterView
from msk_desktop.gui.search_dialog import SearchDialog
from msk_desktop.ops.browse import QUICK_LABELS, Browse, QuickFilter, entry_values
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.store.models import AuditEntry, SyncOutbox
from tests.gui.conftest import child, top

# What a user types into a new entry of each register (text, as typed in the form).
TYPED: dict[str, dict[str, Any]] = {
    "fir": {
        "crime_no": "101",
        "crime_year": "2025",
        "registered_at": "05-03-2025 14:30",
        "offence_date": "04-03-2025",
        "status": "under_investigation",
        "io_name": "SI Fake",
        "sections": "BNS 74, BNS 78",
        "victim_age": "19",
        "victim_gender": "female",
    },
    "preventive_action": {
        "person_name": "काल्पनिक व्यक्ति",
        "action_code": "bond_peace",
        "action_on": "01-06-2025",  # six months: the bond runs out on 01-12-2025
        "bond_months": "6",
        "status": "active",
    },
    "helpdesk_application": {
        "received_at": "01-06-2025 11:00",
        "category": "dowry",
        "summary": "दहेज की माँग (काल्पनिक)",
        "status": "pending",
    },
    "counselling_case": {
        "opened_on": "02-06-2025",
        "case_kind": "elopement",
        "counsellor": "Counsellor Kalpit",
        "status": "open",
    },
    "ppk_referral": {
        "referred_on": "03-06-2025",
        "ppk_centre": "PPK Demo",
        "reason": "पारिवारिक विवाद",
        "status": "referred",
    },
    "support_referral": {
        "referred_on": "04-06-2025",
        "service": "osc",
        "service_asked": "आश्रय",
        "status": "referred",
    },
    "staff_deployment": {
        "deployed_on": "05-06-2025",
        "purpose": "medical_exam",
        "place": "जिला चिकित्सालय (काल्पनिक)",
    },
    "awareness_programme": {
        "held_on": "06-06-2025",
        "place": "डेमो विद्यालय",
        "kind": "cyber_safety",
        "audience": "students",
        "people_reached": "140",
    },
    "staff_member": {
        "name": "काल्पनिक आरक्षी",
        "rank": "constable",
        "gender": "female",
        "posted_on": "01-01-2025",
    },
    "inspection_entry": {
        "visited_on": "07-06-2025",
        "officer_name": "Fake CO",
        "officer_rank": "क्षेत्राधिकारी",
        "observations": "अभिलेख अद्यतन",
    },
}
# A word of each sample that global search (Ctrl+K) must find, Hindi or English as typed.
SEARCHED: dict[str, str] = {
    "fir": "Fake",
    "preventive_action": "काल्पनिक",
    "helpdesk_application": "दहेज",
    "counselling_case": "Kalpit",
    "ppk_referral": "पारिवारिक",
    "support_referral": "आश्रय",
    "staff_deployment": "चिकित्सालय",
    "awareness_programme": "विद्यालय",
    "staff_member": "आरक्षी",
    "inspection_entry": "अद्यतन",
}
# The dashboard section where each register's sample is due on 20-11-2025 (the GUI tests'
# today): the FIR's victim update (90 days), follow-ups of applications and referrals, the bond
# running out, the lone constable without her iGOT certificate. Counselling cases, deployments,
# programmes and inspection entries fall due through their parts (sessions, directions).
DUE_IN: dict[str, str] = {
    "fir": "समय-सीमा पार या निकट",
    "preventive_action": "समाप्त होने वाले बंधपत्र",
    "helpdesk_application": "अनुवर्ती कार्यवाही देय",
    "ppk_referral": "अनुवर्ती कार्यवाही देय",
    "support_referral": "अनुवर्ती कार्यवाही देय",
    "staff_member": "कर्मचारी व्यवस्था (परिपत्र)",
}
# One text field per register to change in the edit test.
EDITED: dict[str, tuple[str, str]] = {
    "fir": ("io_name", "SI Changed"),
    "preventive_action": ("order_ref", "ORD-42"),
    "helpdesk_application": ("assigned_to", "HC Fake"),
    "counselling_case": ("counsellor", "Fake Counsellor"),
    "ppk_referral": ("ppk_centre", "PPK Other"),
    "support_referral": ("service_asked", "विधिक सहायता"),
    "staff_deployment": ("place", "न्यायालय"),
    "awareness_programme": ("place", "ग्राम सभा"),
    "staff_member": ("mobile", "9000000001"),
}


def _fill(dialog: EntryDialog, typed: dict[str, Any]) -> None:
    for name, value in typed.items():
        dialog.inputs[name].set_value(value)


def _rows(ctx: OpContext, model: Any) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_typed_samples_cover_every_register() -> None:
    assert set(TYPED) == set(REGISTERS) == set(SEARCHED)


def _found_by_search(qtbot: QtBot, ctx: OpContext, language: Language, word: str) -> list[str]:
    """Registers whose results list the word (one group per register)."""
    dialog = SearchDialog(ctx, language, lambda _register, _entry: None)
    qtbot.addWidget(dialog)
    dialog.query.insert(word)  # as an input method commits Hindi
    dialog.run_search()
    return [top(dialog.results, i).text(0) for i in range(dialog.results.topLevelItemCount())]


def _dashboard_items(dashboard: Dashboard, section_title: str) -> dict[Any, QTreeWidgetItem]:
    """The items of a dashboard section by the entry each opens."""
    tree = dashboard.tree
    for i in range(tree.topLevelItemCount()):
        section = top(tree, i)
        if section.text(0).startswith(section_title + " ("):
            items = [child(section, j) for j in range(section.childCount())]
            return {tuple(item.data(0, TARGET_ROLE) or ()): item for item in items}
    raise AssertionError(f"no dashboard section {section_title!r}")


@pytest.mark.parametrize("register_name", sorted(REGISTERS))
def test_add_then_find_then_edit(
    qtbot: QtBot, ctx: OpContext, hindi: Language, register_name: str
) -> None:
    view = RegisterView(ctx, register_name, hindi)
    qtbot.addWidget(view)
    view.show()  # views refresh on a change while on screen
    assert view.model.total == 0
    dialog = view.new_entry()
    _fill(dialog, TYPED[register_name])
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.try_save()
    # The announcement refreshed the view: no manual reload.
    assert view.model.total == 1 and view.model.rowCount() == 1
    title = hindi.text(REGISTERS[register_name].title)
    assert title in _found_by_search(qtbot, ctx, hindi, SEARCHED[register_name])
    if register_name in DUE_IN:
        opened: list[tuple[str, str]] = []
        dashboard = Dashboard(ctx, hindi, lambda *target: opened.append(target))
        qtbot.addWidget(dashboard)
        due = (register_name, view.model.entry_id(0))
        items = _dashboard_items(dashboard, DUE_IN[register_name])
        assert due in items
        dashboard.tree.itemDoubleClicked.emit(items[due], 0)
        assert opened == [due]
    year = "2025"
    view.search.setText(f"1/{year}")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.model.rowCount() == 1
    view.search.setText("999/2025")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.model.rowCount() == 0
    view.search.setText("")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    if register_name not in EDITED:
        return  # a signed inspection entry cannot be edited (tested below)
    field, new_value = EDITED[register_name]
    entry_id = view.model.entry_id(0)
    edit = view.edit_entry(entry_id)
    edit.inputs[field].set_value(new_value)
    with qtbot.waitSignal(edit.accepted, timeout=5000):
        edit.try_save()
    assert entry_values(ctx, register_name, entry_id)[field] == new_value


@pytest.mark.parametrize("register_name", sorted(REGISTERS))
def test_empty_form_shows_errors_in_hindi_and_saves_nothing(
    qtbot: QtBot, ctx: OpContext, hindi: Language, register_name: str
) -> None:
    view = RegisterView(ctx, register_name, hindi)
    qtbot.addWidget(view)
    view.show()  # views refresh on a change while on screen
    before = (
        _rows(ctx, REGISTERS[register_name].model),
        _rows(ctx, AuditEntry),
        _rows(ctx, SyncOutbox),
    )
    dialog = view.new_entry()
    dialog.try_save()
    shown = [label.text() for label in dialog.errors.values() if not label.isHidden()]
    assert shown, "required fields must be flagged"
    assert all("आवश्यक" in text for text in shown)
    assert dialog.isVisible() and dialog.result() == 0
    after = (
        _rows(ctx, REGISTERS[register_name].model),
        _rows(ctx, AuditEntry),
        _rows(ctx, SyncOutbox),
    )
    assert after == before


def test_cross_field_error_is_shown_next_to_its_field(qtbot: QtBot, ctx: OpContext) -> None:
    english = Language("en")
    view = RegisterView(ctx, "fir", english)
    qtbot.addWidget(view)
    dialog = view.new_entry()
    _fill(dialog, {**TYPED["fir"], "offence_date": "06-03-2025"})  # after the registration
    dialog.try_save()
    error = dialog.errors["registered_at"]
    assert not error.isHidden() and "before the date of offence" in error.text()
    assert view.model.total == 0


def test_signed_inspection_entry_refuses_edits(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    view = RegisterView(ctx, "inspection_entry", hindi)
    qtbot.addWidget(view)
    view.show()
    dialog = view.new_entry()
    _fill(dialog, TYPED["inspection_entry"])
    dialog.try_save()
    edit = view.edit_entry(view.model.entry_id(0))
    edit.inputs["observations"].set_value("बदला गया")
    edit.try_save()
    assert not edit.summary.isHidden() and "हस्ताक्षरित" in edit.summary.text()
    values = entry_values(ctx, "inspection_entry", view.model.entry_id(0))
    assert values["observations"] == "अभिलेख अद्यतन"


def test_table_pages_instead_of_loading_everything(
    qtbot: QtBot, ctx: OpContext, hindi: Language
) -> None:
    for n in range(PAGE_SIZE + 50):
        create_entry(
            ctx,
            "awareness_programme",
            {
                "held_on": "2025-02-01",
                "place": f"विद्यालय {n}",
                "kind": "women_safety",
                "audience": "students",
                "people_reached": n,
            },
        )
    view = RegisterView(ctx, "awareness_programme", hindi)
    qtbot.addWidget(view)
    assert view.model.total == PAGE_SIZE + 50
    assert view.model.rowCount() == PAGE_SIZE
    assert view.model.canFetchMore()
    view.model.fetchMore()
    assert view.model.rowCount() == PAGE_SIZE + 50
    assert not view.model.canFetchMore()
    # Newest first, as a register is read; sorting by a column re-queries.
    assert view.model.data(view.model.index(0, 0)) == f"{PAGE_SIZE + 50}/2025"
    reached = 1 + [c.name for c in view.model.columns].index("people_reached")
    view.model.sort(reached)
    assert view.model.data(view.model.index(0, reached)) == "0"


def test_a_filter_count_past_the_cap_says_more_than_until_paged_to_the_end(
    qtbot: QtBot, ctx: OpContext, hindi: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter's count stops at the cap (10,000 in the app; 20 here, for 30 entries): the
    label says "more than", every row still pages in, and the last page makes it exact."""
    monkeypatch.setattr(register_model, "COUNT_CAP", 20)
    monkeypatch.setattr(register_view, "COUNT_CAP", 20)
    for n in range(30):
        values = {
            "held_on": "2025-02-01",
            "place": f"विद्यालय {n}",
            "kind": "women_safety",
            "audience": "students",
            "people_reached": n,
        }
        create_entry(ctx, "awareness_programme", values)
    view = RegisterView(ctx, "awareness_programme", hindi)
    qtbot.addWidget(view)
    assert view.model.counted and view.count.text() == "30 प्रविष्टियाँ"  # unfiltered: exact
    statuses = view.filters.status
    statuses.setCurrentIndex(statuses.findText(hindi.text(QUICK_LABELS[QuickFilter.UNSYNCED])))
    assert view.model.browse == Browse("awareness_programme", quick=QuickFilter.UNSYNCED)
    assert not view.model.counted and view.model.total == 21
    assert view.count.text() == "20 से अधिक प्रविष्टियाँ"
    assert view.model.rowCount() == 30 and view.model.canFetchMore()
    view.model.fetchMore()
    assert view.model.counted and view.model.total == 30 and not view.model.canFetchMore()
    assert view.count.text() == "30 प्रविष्टियाँ"
    hindi.set("en")
    assert view.count.text() == "30 entries"
