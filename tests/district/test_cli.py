"""`msk-district` as an administrator runs it: init, stations, codes, and `serve` as a real
process on SQLite (the laptop demo), answering on its port until stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from msk_desktop.district.cli import main
from msk_desktop.sync.protocol import API, PROTOCOL_VERSION


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_refuses_a_database_never_initialised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    assert main(["--db", db, "serve", "--port", str(_free_port())]) == 2
    assert "msk-district init" in capsys.readouterr().err


def test_admin_commands_refuse_unknown_things_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'district.db'}"
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "init"]) == 0  # safe to run again
    assert main(["--db", db, "enrol-code", "--station", "NOPE"]) == 2
    assert "Unknown station NOPE" in capsys.readouterr().err
    assert main(["--db", db, "revoke", "no-such-device"]) == 2
    assert "Unknown device" in capsys.readouterr().err
    assert main(["--db", db, "add-station", "--code", "S1", "--name", "T", "--circle", "C"]) == 0
    assert main(["--db", db, "add-station", "--code", "S1", "--name", "T", "--circle", "C"]) == 2
    assert main(["status"]) == 2  # no database named


def test_serve_runs_as_a_process_on_sqlite(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    assert main(["--db", db, "init"]) == 0
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "msk_desktop.district.cli",
            "--db",
            db,
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ.copy(),
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}{API}/meta", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert answer.status_code == 200
        assert answer.json()["protocol_version"] == PROTOCOL_VERSION
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
