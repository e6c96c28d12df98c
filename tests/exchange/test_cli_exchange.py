"""`msk-desktop export` and `msk-desktop import` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msk_desktop.cli import main
from msk_desktop.ops.context import Role
from msk_desktop.store.models import Fir
from tests.exchange.test_export import PASSWORD as EXPORT_PASSWORD
from tests.exchange.test_export import open_csv_zip, open_xlsx
from tests.ops.conftest import ACCOUNTS, StationHandle, rows


@pytest.fixture
def cli(station: StationHandle, monkeypatch: pytest.MonkeyPatch) -> StationHandle:
    account = ACCOUNTS[Role.IN_CHARGE]
    monkeypatch.setenv("MSK_USER", account.username)
    monkeypatch.setenv("MSK_PASSWORD", account.password)
    monkeypatch.setenv("MSK_EXPORT_PASSWORD", EXPORT_PASSWORD)
    return station


def _import(station: StationHandle, data: Path, *extra: str) -> list[str]:
    return [
        "--lang",
        "en",
        "import",
        "--data-dir",
        str(station.layout.root),
        "--register",
        "fir",
        "--file",
        str(data / "fir_register.xlsx"),
        *extra,
    ]


def test_import_is_a_dry_run_by_default_and_lists_the_bad_rows(
    cli: StationHandle, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = cli.counts()
    assert main(_import(cli, data)) == 1  # some rows were rejected
    out = capsys.readouterr().out
    assert "  row 8: Date of offence: write the date as DD-MM-YYYY" in out
    assert "  row 9: Sections: " in out and "BNS 999" in out
    assert "  row 10: Status: is required" in out
    assert "  row 11: the same entry as row 2" in out
    assert "6 new entries to import" in out
    assert "nothing was saved" in out
    assert "  पीड़िता का नाम → —" in out  # the victim's name column is not imported
    after = cli.counts()
    for log in ("audit_log", "sync_outbox"):  # the command's login is audited (and synced)
        assert after.pop(log) == before.pop(log) + 1
    assert after == before


def test_import_with_commit_writes_and_a_second_run_finds_them_present(
    cli: StationHandle, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_import(cli, data, "--commit")) == 1
    assert sorted(f.crime_no for f in rows(cli.db, Fir)) == [201, 202, 203, 204, 205, 206]
    capsys.readouterr()
    assert main(_import(cli, data, "--commit")) == 1
    assert "0 new entries imported; 7 already present" in capsys.readouterr().out
    assert len(rows(cli.db, Fir)) == 6


def test_a_mapping_given_as_json_leaves_out_a_column(
    cli: StationHandle, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = json.dumps({"स्थिति": None}, ensure_ascii=False)
    main(_import(cli, data, "--mapping", mapping))
    out = capsys.readouterr().out
    assert "  स्थिति → —" in out
    assert "0 new entries to import" in out and "10 with errors" in out  # none has a status


def test_a_bad_mapping_is_a_clear_error(
    cli: StationHandle, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_import(cli, data, "--mapping", "[1, 2]")) == 2
    assert "--mapping" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_writes_a_protected_file(
    cli: StationHandle, data: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(_import(cli, data, "--commit"))
    out = tmp_path / f"firs.{fmt}"
    args = ["--lang", "en", "export", "--data-dir", str(cli.layout.root), "--register", "fir"]
    assert main([*args, "--format", fmt, "--out", str(out)]) == 0
    assert "6 entries written" in capsys.readouterr().out
    opened = open_xlsx if fmt == "xlsx" else open_csv_zip
    assert len(opened(out, EXPORT_PASSWORD)) == 7


def test_export_refuses_a_short_password(
    cli: StationHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MSK_EXPORT_PASSWORD", "short")
    out = tmp_path / "x.xlsx"
    args = ["export", "--data-dir", str(cli.layout.root), "--register", "fir"]
    assert main([*args, "--format", "xlsx", "--out", str(out)]) == 2
    assert not out.exists()
