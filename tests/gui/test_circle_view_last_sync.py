"""The circle view's last-sync column on a PC the district never told anything: every station
reads "never", highlighted, in the chosen language, and the column is no trend measure."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from msk_desktop.gui.circle_view import COLUMNS, LAST_SYNC_COLUMN, STALE_FILL, CircleView
from msk_desktop.gui.language import Language
from msk_desktop.ops.context import OpContext


def test_a_station_never_synced_reads_never_and_stands_out(qtbot: QtBot, ctx: OpContext) -> None:
    language = Language("en")
    view = CircleView(ctx, language, lambda _station: None)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show()
    assert view.table.rowCount() == 1
    cell = view.table.item(0, LAST_SYNC_COLUMN)
    assert cell is not None and cell.text() == "never"
    assert cell.background().color() == STALE_FILL
    assert view.measure.count() == len(COLUMNS)  # a moment has no months to draw

    language.set("hi")
    cell = view.table.item(0, LAST_SYNC_COLUMN)
    header = view.table.horizontalHeaderItem(LAST_SYNC_COLUMN)
    assert cell is not None and cell.text() == "कभी नहीं"
    assert header is not None and header.text() == "अन्तिम सिंक"
