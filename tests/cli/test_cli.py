"""The `msk-desktop` command as a user runs it: real key derivation, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from msk_desktop.cli import main
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.station import login
from msk_desktop.store.layout import DataLayout

PASSWORD = "cli-test-password"
INIT = [
    "init",
    "--code",
    "CLI-01",
    "--name-hi",
    "परीक्षण थाना",
    "--name-en",
    "Test Thana",
    "--district",
    "डेमो जनपद",
    "--circle",
    "Demo Circle",
    "--user",
    "fake.incharge",
    "--full-name",
    "Fake In-charge",
]


@pytest.fixture
def station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MSK_PASSWORD", PASSWORD)
    monkeypatch.setenv("MSK_USER", "fake.incharge")
    data = tmp_path / "station"
    assert main([*INIT[:1], "--data-dir", str(data), *INIT[1:]]) == 0
    return data


def test_init_prints_the_recovery_key_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MSK_PASSWORD", PASSWORD)
    data = tmp_path / "s"
    assert main(["--lang", "en", "init", "--data-dir", str(data), *INIT[1:]]) == 0
    out = capsys.readouterr().out
    key_lines = [line.strip() for line in out.splitlines() if line.strip().count("-") == 7]
    assert len(key_lines) == 1
    assert key_lines[0] not in (data / "keyslots.json").read_text("utf-8")


def test_init_refuses_a_short_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MSK_PASSWORD", "short")
    assert main(["init", "--data-dir", str(tmp_path / "s"), *INIT[1:]]) == 2
    assert "10" in capsys.readouterr().err
    assert not (tmp_path / "s" / "station.msk").exists()


def test_deadlines_json_lists_an_overdue_investigation(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = login(DataLayout(station), "fake.incharge", PASSWORD)
    register_fir(
        ctx,
        {
            "crime_no": 41,
            "crime_year": 2025,
            "registered_at": "2025-01-10 11:00",
            "offence_date": "2025-01-09",
            "status": "under_investigation",
            "io_name": "SI Fake",
        },
        ["BNS 74"],
        [{"age": 15, "gender": "female"}],
    )
    ctx.db.close()
    capsys.readouterr()
    assert main(["deadlines", "--data-dir", str(station), "--json", "--today", "2025-03-20"]) == 0
    items = json.loads(capsys.readouterr().out)
    by_rule = {i["rule"]: i for i in items}
    # BNS 74 has no 60-day rule; the 90-day victim update (BNSS) is due on 10-04: 21 days left.
    assert "investigation_60" not in by_rule
    assert items == [] or all(i["state"] in ("overdue", "due_soon") for i in items)
    assert main(["deadlines", "--data-dir", str(station), "--json", "--today", "2025-04-15"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [(i["rule"], i["state"], i["days"]) for i in items] == [
        ("victim_update_90", "overdue", 5)
    ]
    assert items[0]["crime_no"] == "41/2025" and "5" in items[0]["description_hi"]


def test_check_and_audit_verify_find_tampering(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data-dir", str(station)]) == 0
    assert main(["audit", "verify", "--data-dir", str(station), "--user", "fake.incharge"]) == 0
    ctx = login(DataLayout(station), "fake.incharge", PASSWORD)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action='nothing.happened' WHERE seq=2"))
    ctx.db.close()
    capsys.readouterr()
    assert (
        main(
            [
                "--lang",
                "en",
                "audit",
                "verify",
                "--data-dir",
                str(station),
                "--user",
                "fake.incharge",
            ]
        )
        == 1
    )
    assert "broken at entry 2" in capsys.readouterr().err
    assert main(["check", "--data-dir", str(station)]) == 1


def test_backup_then_restore(station: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "backup", "--data-dir", str(station)]) == 0
    written = Path(capsys.readouterr().out.split("Backup written: ")[1].strip())
    assert written.exists()
    assert (
        main(["--lang", "en", "restore", "--data-dir", str(station), "--from", str(written)]) == 0
    )
    assert "Restored" in capsys.readouterr().out
    assert main(["check", "--data-dir", str(station)]) == 0


def test_wrong_password_is_a_message_not_a_traceback(station: Path) -> None:
    command = Path(sys.executable).parent / "msk-desktop"
    result = subprocess.run(
        [str(command), "--lang", "en", "deadlines", "--data-dir", str(station)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "MSK_PASSWORD": "not-the-password", "MSK_USER": "fake.incharge"},
    )
    assert result.returncode == 2
    assert "password" in result.stderr.lower() and "wrong" in result.stderr.lower()
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_station_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MSK_PASSWORD", PASSWORD)
    assert main(["--lang", "en", "today", "--data-dir", str(tmp_path / "none"), "--user", "x"]) == 2
    assert "No station is set up" in capsys.readouterr().err
