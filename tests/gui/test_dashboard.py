"""Today's work shows today's rosters with their gaps, and open directions open their entry."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from msk_desktop.domain.roster_rules import Roster
from msk_desktop.gui.dashboard import OVERDUE_RED, TARGET_ROLE, Dashboard
from msk_desktop.gui.language import Language
from msk_desktop.gui.main_window import DASHBOARD, MainWindow
from msk_desktop.gui.roster_grid import RosterGrid
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.inspection import record_inspection
from tests.gui.conftest import NOW, child, top
from tests.gui.test_roster_grid import slot, staff


def section(dashboard: Dashboard, title: str) -> list[tuple[Any, ...]]:
    """(texts..., target) of each row of the section whose title starts with ``title``."""
    tree = dashboard.tree
    for i in range(tree.topLevelItemCount()):
        head = top(tree, i)
        if head.text(0).startswith(title):
            rows = [child(head, j) for j in range(head.childCount())]
            return [
                (*(r.text(c) for c in range(3)), r.data(0, TARGET_ROLE), r.foreground(2).color())
                for r in rows
            ]
    raise AssertionError(f"no section {title!r}")


def test_todays_shifts_with_the_unstaffed_one_in_red(qtbot: QtBot, ctx: OpContext) -> None:
    asha = staff(ctx, "आशा (काल्पनिक)", "female")
    staffed = slot(ctx, NOW.date(), [asha])
    empty = slot(ctx, NOW.date(), [], hours=("14:00", "20:00"))
    slot(ctx, NOW.date().replace(day=21), [], hours=("08:00", "14:00"))  # tomorrow: not listed
    dashboard = Dashboard(ctx, Language("hi"), lambda *_: None)
    qtbot.addWidget(dashboard)
    rows = section(dashboard, "आज का ड्यूटी रोस्टर (2)")
    assert [(r[1], r[2].split("  ")[0], r[3]) for r in rows] == [
        ("08:00–14:00", "आशा (काल्पनिक)", ("duty_roster_slot", staffed)),
        ("14:00–20:00", "— कोई नहीं —", ("duty_roster_slot", empty)),
    ]
    assert rows[1][4] == OVERDUE_RED and rows[0][4] != OVERDUE_RED


def test_an_open_direction_opens_its_inspection_entry(qtbot: QtBot, ctx: OpContext) -> None:
    entry_id = record_inspection(
        ctx,
        {
            "visited_on": "2025-11-10",
            "officer_name": "CO Kalpit",
            "officer_rank": "क्षेत्राधिकारी",
            "observations": "रजिस्टर अद्यतन नहीं",
        },
        [{"direction": "रजिस्टर प्रतिदिन भरें", "due_on": "2025-11-17", "responsible": "प्रभारी"}],
    ).entity_id
    opened: list[tuple[str, str]] = []
    dashboard = Dashboard(ctx, Language("hi"), lambda *target: opened.append(target))
    qtbot.addWidget(dashboard)
    rows = section(dashboard, "निरीक्षण निर्देश (अनुपालन शेष) (1)")
    assert rows[0][1:4] == ("17-11-2025", "रजिस्टर प्रतिदिन भरें", ("inspection_entry", entry_id))
    assert rows[0][4] == OVERDUE_RED  # due on the 17th, today is the 20th
    tree = dashboard.tree
    head = next(
        top(tree, i) for i in range(tree.topLevelItemCount()) if "निरीक्षण" in top(tree, i).text(0)
    )
    tree.itemDoubleClicked.emit(child(head, 0), 0)
    assert opened == [("inspection_entry", entry_id)]


def test_a_shift_on_todays_work_opens_in_its_weeks_grid(qtbot: QtBot, ctx: OpContext) -> None:
    empty = slot(ctx, NOW.date(), [], roster="women_beat", hours=("10:00", "16:00"), area="बाज़ार")
    window = MainWindow(ctx, Language("hi"), "Test Thana")
    qtbot.addWidget(window)
    dashboard = window.view(DASHBOARD)
    assert isinstance(dashboard, Dashboard)
    rows = section(dashboard, "आज का ड्यूटी रोस्टर (1)")
    [row] = [r for r in rows if r[3] is not None]  # besides the day-wide warnings
    assert row[3] == ("duty_roster_slot", empty)
    window.open_entry(*row[3])
    grid = window.stack.currentWidget()
    assert isinstance(grid, RosterGrid)
    assert grid.roster is Roster.WOMEN_BEAT
    shift = grid.selected_shift()
    assert shift is not None and shift.slot_id == empty
