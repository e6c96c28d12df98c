"""Processes killed mid-sync (SIGKILL, no goodbye): the district server while a push is being
applied, and a station PC's `msk-desktop sync` while it pulls. After a restart everything
converges: no change lost, none doubled, every outbox op answered."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import func, select

from msk_desktop.district.tables import RowState
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.maintenance import pending_changes
from msk_desktop.ops.replica import MODELS
from msk_desktop.ops.station import login, setup_station
from msk_desktop.store.database import SYSTEM, StationDatabase
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.types import utc_now
from msk_desktop.sync import engine
from msk_desktop.sync.protocol import API
from tests.district.conftest import District, database_url
from tests.ops.conftest import FAST_KDF, SAMPLES
from tests.sync.conftest import CIRCLE, PASSWORD, Pc, fast_client, snapshot, station_values

FIRST_SYNC = """
import sys
from pathlib import Path
from msk_desktop.store.database import SYSTEM, StationDatabase
from msk_desktop.store.layout import DataLayout
from msk_desktop.sync import engine
from msk_desktop.store.types import utc_now
db, _ = StationDatabase.open(DataLayout(Path(sys.argv[1])), "incharge", sys.argv[2], utc_now())
engine.sync(db, SYSTEM)
"""
ENTRIES = 600  # more than one push batch, so a kill can fall between or inside batches


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(district: District, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "msk_desktop.district.cli",
            "--db",
            database_url(district.engine),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}{API}/meta", timeout=2)
            return server
        except httpx.TransportError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.1)


def _rows_at_district(district: District) -> int:
    with district.session() as session:
        return int(session.execute(select(func.count()).select_from(RowState)).scalar_one())


def _station_with_entries(root: Path, district: District, url: str, code: str) -> Pc:
    district.add_station(code, CIRCLE)
    ctx, _ = setup_station(
        DataLayout(root), station_values(code), "incharge", "Kalpana Incharge", PASSWORD, FAST_KDF
    )
    pc = Pc(f"{code}-pc1", ctx)
    engine.enrol(pc.db, ctx.author, url, district.code(code), pc.name, fast_client)
    for i in range(ENTRIES):
        sample = SAMPLES["helpdesk_application"]
        create_entry(ctx, "helpdesk_application", {**sample, "summary": f"आवेदन {i} (काल्पनिक)"})
    return pc


def test_the_server_killed_while_applying_a_push_loses_nothing(
    tmp_path: Path, district: District
) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = _serve(district, port)
    pc = _station_with_entries(tmp_path / "k1", district, url, "KILL-S")
    failures: list[BaseException] = []

    def run() -> None:
        try:
            pc.sync()
        except Exception as exc:  # the server vanished under it
            failures.append(exc)

    syncing = threading.Thread(target=run)
    syncing.start()
    deadline = time.monotonic() + 60
    while _rows_at_district(district) == 0 and time.monotonic() < deadline:
        time.sleep(0.005)
    server.send_signal(signal.SIGKILL)  # the first batch is in; the rest is on its way
    server.wait(timeout=10)
    syncing.join(timeout=60)
    assert failures, "the sync should have lost its server"
    assert _rows_at_district(district) > 0
    assert pending_changes(pc.ctx) > 0

    server = _serve(district, port)
    try:
        pc.sync()
        pc.sync()
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
    assert pending_changes(pc.ctx) == 0
    # Every entry arrived once: the station row, the user, the entries and nothing more.
    local = snapshot(pc.db)
    assert _rows_at_district(district) == len(local)


def test_a_pc_killed_while_pulling_catches_up_without_doubles(
    tmp_path: Path, district: District
) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = _serve(district, port)
    try:
        first = _station_with_entries(tmp_path / "p1", district, url, "KILL-P")
        first.sync()
        layout = DataLayout(tmp_path / "p2")
        db, _ = StationDatabase.create(layout, "incharge", PASSWORD, FAST_KDF)
        engine.enrol(db, SYSTEM, url, district.code("KILL-P"), "KILL-P-pc2", fast_client)
        db.close()
        # The PC's first sync (its users arrive with it), in a process of its own.
        command = [sys.executable, "-c", FIRST_SYNC, str(layout.root), PASSWORD]
        for delay in (0.8, 1.6, 2.4):  # killed at different points of its first pulls
            child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
        db, _ = StationDatabase.open(layout, "incharge", PASSWORD, utc_now())
        engine.sync(db, SYSTEM, client_factory=fast_client)
        db.close()
        second = Pc("KILL-P-pc2", login(layout, "incharge", PASSWORD))
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
    # The same rows on both PCs (each PC's own login time aside: it is sent on the next sync).
    registers = set(MODELS) - {"app_user"}
    assert snapshot(second.db, registers) == snapshot(first.db, registers)
    assert len(snapshot(second.db, {"helpdesk_application"})) == ENTRIES
    second.db.close()
