"""The circle officer sees when each station last synced with the district: the district says so
in its pull answers (the latest push or pull of any of the station's PCs), the laptop keeps it,
and the circle view shows it, a station quiet for more than a week highlighted. Real district
server on PostgreSQL, real station PCs and laptop, real widget."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from msk_desktop.district.tables import Device
from msk_desktop.domain.dates import format_moment
from msk_desktop.gui.circle_view import LAST_SYNC_COLUMN, STALE_FILL, CircleView
from msk_desktop.gui.language import Language
from msk_desktop.ops.entries import create_entry
from msk_desktop.reports.circle_data import CircleRow, circle_summary, circle_total
from msk_desktop.reports.monthly_data import ReportMonth
from msk_desktop.store.models import HelpdeskApplication
from msk_desktop.store.types import utc_now
from msk_desktop.sync.client import DistrictClient
from msk_desktop.sync.protocol import PullResponse
from tests.district.conftest import District
from tests.ops.conftest import SAMPLES
from tests.sync.conftest import Pc, circle_laptop, fast_client, first_pc, joining_pc


def _device_times(district: District, pc: Pc) -> tuple[datetime | None, datetime | None]:
    with district.session() as session:
        device = session.get_one(Device, pc.db.device_id)
        return device.last_push_at, device.last_pull_at


def _lines(laptop: Pc) -> dict[str, CircleRow]:
    rows = circle_summary(laptop.ctx, ReportMonth.of(laptop.ctx.today()))
    return {row.station.code: row for row in rows}


def test_the_laptop_shows_each_stations_latest_sync_of_any_of_its_pcs(
    tmp_path: Path, district: District
) -> None:
    a1 = first_pc(tmp_path / "a1", district, "LKO-A")
    b = first_pc(tmp_path / "b", district, "LKO-B")
    create_entry(a1.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    assert a1.sync().pushed > 0
    b.sync()
    laptop = circle_laptop(tmp_path / "co", district, "LKO-A")

    pushed, pulled = _device_times(district, a1)
    assert pushed is not None and pulled is not None and pulled > pushed  # push, then pull
    lines = _lines(laptop)
    b_pulled = _device_times(district, b)[1]
    assert lines["LKO-A"].last_sync == pulled  # to the microsecond, as the district holds it
    assert lines["LKO-B"].last_sync == b_pulled
    # The circle is as fresh as its stalest station.
    assert b_pulled is not None and pulled < b_pulled
    assert circle_total(list(lines.values()), laptop.ctx.today()).last_sync == pulled

    # A second PC of station A syncs later: the station's sync is that PC's, the latest.
    a2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    a2_pulled = _device_times(district, a2)[1]
    assert a2_pulled is not None and a2_pulled > pulled
    laptop.sync()
    assert _lines(laptop)["LKO-A"].last_sync == a2_pulled
    # The laptop's own syncs are no station's: with the stations quiet, nothing moves.
    before = {code: line.last_sync for code, line in _lines(laptop).items()}
    laptop.sync()
    assert {code: line.last_sync for code, line in _lines(laptop).items()} == before


class _OlderServerClient(DistrictClient):
    """The real district's pull answer as a server from before ``station_syncs`` sent it: the
    same JSON without that field."""

    def pull(self, since: int, limit: int) -> PullResponse:
        answer = super().pull(since, limit).model_dump_json(exclude={"station_syncs"})
        assert "station_syncs" not in answer
        return PullResponse.model_validate_json(answer)


def _older_client(url: str, schema: str, cert: str | None) -> DistrictClient:
    return _OlderServerClient(url, schema, server_cert=cert, attempts=3, backoff=0.01, timeout=10)


def test_an_older_servers_answer_still_applies_and_keeps_what_was_known(
    tmp_path: Path, district: District
) -> None:
    a = first_pc(tmp_path / "a", district, "LKO-A")
    a.sync()
    laptop = circle_laptop(tmp_path / "co", district, "LKO-A")
    known = _lines(laptop)["LKO-A"].last_sync
    assert known is not None

    create_entry(a.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    a.sync()
    assert _device_times(district, a)[1] != known  # the district now knows a later sync
    older = Pc(laptop.name, laptop.ctx, _older_client)
    assert older.sync().pulled > 0
    with laptop.db.read() as session:
        assert len(session.execute(select(HelpdeskApplication)).scalars().all()) == 1
    assert _lines(laptop)["LKO-A"].last_sync == known  # not told otherwise: kept, not erased

    # The current server again: the newer sync arrives.
    Pc(laptop.name, laptop.ctx, fast_client).sync()
    assert _lines(laptop)["LKO-A"].last_sync == _device_times(district, a)[1]


def test_the_circle_view_shows_last_sync_and_highlights_a_station_quiet_for_a_week(
    qtbot: QtBot, tmp_path: Path, district: District
) -> None:
    a = first_pc(tmp_path / "a", district, "LKO-A")
    b = first_pc(tmp_path / "b", district, "LKO-B")
    a.sync()
    b.sync()
    # Station B's PC has not been heard from for eight days.
    quiet = utc_now() - timedelta(days=8)
    with district.session() as session, session.begin():
        session.execute(
            update(Device)
            .where(Device.device_id == b.db.device_id)
            .values(last_push_at=quiet, last_pull_at=quiet)
        )
    laptop = circle_laptop(tmp_path / "co", district, "LKO-A")
    a_synced = _device_times(district, a)[1]
    assert a_synced is not None

    view = CircleView(laptop.ctx, Language("en"), lambda _station: None)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show()
    table = view.table
    header = table.horizontalHeaderItem(LAST_SYNC_COLUMN)
    assert header is not None and header.text() == "Last sync"
    cells = {}
    for row in range(table.rowCount()):
        station, cell = table.item(row, 0), table.item(row, LAST_SYNC_COLUMN)
        assert station is not None and cell is not None
        cells[station.text().split(" ")[0]] = cell
    assert cells["LKO-A"].text() == format_moment(a_synced)
    assert cells["LKO-B"].text() == format_moment(quiet)
    assert cells["LKO-A"].background().color() != STALE_FILL
    assert cells["LKO-B"].background().color() == STALE_FILL
    assert "7 days" in cells["LKO-B"].toolTip() and not cells["LKO-A"].toolTip()

    # Sorted by the column, the stalest station comes first.
    table.sortItems(LAST_SYNC_COLUMN)
    first = table.item(0, 0)
    assert first is not None and first.text().startswith("LKO-B")
    table.sortItems(LAST_SYNC_COLUMN, Qt.SortOrder.DescendingOrder)
    first = table.item(0, 0)
    assert first is not None and first.text().startswith("LKO-A")
