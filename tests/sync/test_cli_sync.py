"""The commands a newcomer types: `msk-district` to run the district, `msk-desktop enrol` and
`msk-desktop sync` on the station PCs."""

from __future__ import annotations

from pathlib import Path

import pytest

from msk_desktop.cli import main as desktop
from msk_desktop.district.cli import main as district_cli
from tests.district.conftest import District, database_url

PASSWORD = "cli-sync-pass-1"


def _code(capsys: pytest.CaptureFixture[str], db: str, station: str) -> str:
    assert district_cli(["--db", db, "enrol-code", "--station", station]) == 0
    return capsys.readouterr().out.strip().splitlines()[-1].strip()


def test_district_and_two_pcs_from_the_command_line(
    tmp_path: Path,
    district: District,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MSK_PASSWORD", PASSWORD)
    db = database_url(district.engine)
    assert district_cli(["--db", db, "init"]) == 0
    assert (
        district_cli(
            ["--db", db, "add-station", "--code", "LKO-C", "--name", "Thana C", "--circle", "C1"]
        )
        == 0
    )
    pc1, pc2 = str(tmp_path / "pc1"), str(tmp_path / "pc2")
    assert desktop(
        [
            "--lang", "en", "init", "--data-dir", pc1, "--code", "LKO-C", "--name-hi", "थाना सी",
            "--name-en", "Thana C", "--district", "Lucknow", "--circle", "C1",
            "--user", "incharge", "--full-name", "Kalpana Incharge",
        ]
    ) == 0  # fmt: skip
    code = _code(capsys, db, "LKO-C")
    enrol = [
        "--lang",
        "en",
        "enrol",
        "--server",
        district.url,
        "--code",
        code,
        "--user",
        "incharge",
    ]
    assert desktop([*enrol, "--data-dir", pc1]) == 0
    assert "Enrolled: station LKO-C" in capsys.readouterr().out
    assert desktop(["--lang", "en", "sync", "--data-dir", pc1, "--user", "incharge"]) == 0
    assert "pushed: " in capsys.readouterr().out

    # The second PC starts from an empty folder and gets the station and its accounts.
    second = ["--lang", "en", "enrol", "--server", district.url, "--user", "incharge"]
    assert desktop([*second, "--code", _code(capsys, db, "LKO-C"), "--data-dir", pc2]) == 0
    out = capsys.readouterr().out
    assert "Recovery key" in out and "pulled: " in out
    assert desktop(["--lang", "en", "sync", "--data-dir", pc2, "--user", "incharge"]) == 0

    assert district_cli(["--db", db, "status"]) == 0
    status = capsys.readouterr().out
    assert "LKO-C" in status and " 2 " in status
    assert district_cli(["--db", db, "devices"]) == 0
    devices = capsys.readouterr().out.strip().splitlines()
    assert len(devices) == 2
    assert district_cli(["--db", db, "revoke", devices[0].split()[0]]) == 0
    capsys.readouterr()

    # The revoked PC is told why, with a non-zero exit; its changes stay to send.
    assert desktop(["--lang", "en", "sync", "--data-dir", pc1, "--user", "incharge"]) != 0
    assert "revoked" in capsys.readouterr().err


def test_sync_before_enrolment_and_without_a_server_fail_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MSK_PASSWORD", PASSWORD)
    pc = str(tmp_path / "pc")
    assert desktop(
        [
            "--lang", "en", "init", "--data-dir", pc, "--code", "LKO-D", "--name-hi", "थाना डी",
            "--name-en", "Thana D", "--district", "Lucknow", "--circle", "C1",
            "--user", "incharge", "--full-name", "Kalpana Incharge",
        ]
    ) == 0  # fmt: skip
    capsys.readouterr()
    assert desktop(["--lang", "en", "sync", "--data-dir", pc, "--user", "incharge"]) == 2
    assert "not enrolled" in capsys.readouterr().err
    enrol = ["--lang", "en", "enrol", "--server", "http://127.0.0.1:9", "--code", "AAAA-BBBB-CCCC"]
    assert desktop([*enrol, "--data-dir", pc, "--user", "incharge"]) == 2
    assert "Cannot reach the district server" in capsys.readouterr().err
