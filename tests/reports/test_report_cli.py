"""`msk-desktop report monthly|register|inspection` as a user runs them: real login, real
files; bad input gets a clear message and exit code 2, and no file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msk_desktop.cli import main
from msk_desktop.ops.context import Role
from msk_desktop.store.models import AuditEntry
from tests.ops.conftest import ACCOUNTS, StationHandle, rows
from tests.reports.pdf_tools import page_count, pdf_text


@pytest.fixture
def cli(october: StationHandle, monkeypatch: pytest.MonkeyPatch) -> StationHandle:
    account = ACCOUNTS[Role.IN_CHARGE]
    monkeypatch.setenv("MSK_USER", account.username)
    monkeypatch.setenv("MSK_PASSWORD", account.password)
    return october


def _report(station: StationHandle, *args: str) -> int:
    return main(
        ["--lang", "en", "report", args[0], "--data-dir", str(station.layout.root), *args[1:]]
    )


def _prints(station: StationHandle) -> list[dict[str, object]]:
    entries = rows(station.db, AuditEntry, AuditEntry.action == "report.print")
    return [json.loads(e.detail) for e in sorted(entries, key=lambda e: e.seq)]


def test_monthly_report_is_written_and_recorded(
    cli: StationHandle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "monthly.pdf"
    assert _report(cli, "monthly", "--month", "2025-10", "--out", str(out)) == 0
    pages = page_count(out.read_bytes())
    assert f"Report written: {out} ({pages} pages)" in capsys.readouterr().out
    text = pdf_text(out.read_bytes())
    assert "Monthly progress report" in text
    assert "October 2025" in text
    assert f"Page 1 of {pages}" in text
    assert _prints(cli)[-1] == {
        "report": "monthly",
        "pages": pages,
        "output": "pdf",
        "month": "2025-10",
    }


def test_register_printout_is_a_landscape_ledger(cli: StationHandle, tmp_path: Path) -> None:
    out = tmp_path / "fir.pdf"
    code = _report(
        cli,
        "register",
        "--register",
        "fir",
        "--from",
        "2025-10-01",
        "--to",
        "31-10-2025",
        "--out",
        str(out),
    )
    assert code == 0
    text = pdf_text(out.read_bytes())
    # October's FIRs 3 and 4 only, with the ledger's furniture.
    assert "3/2025" in text and "4/2025" in text
    assert "1/2025" not in text and "5/2025" not in text
    assert "Parallel FIR register" in text
    assert "Test Thana" in text
    assert "Signature" in text
    assert "Page 1 of 1" in text
    import pypdfium2 as pdfium  # noqa: PLC0415 - only this test reads the page size

    document = pdfium.PdfDocument(out.read_bytes())
    width, height = document[0].get_size()
    document.close()
    assert width > height
    assert _prints(cli)[-1]["register"] == "fir"


@pytest.mark.parametrize("entry", ["2/2025", "id"])
def test_inspection_report_of_one_visit(cli: StationHandle, tmp_path: Path, entry: str) -> None:
    """The visit is named by its serial in the book, or by its id."""
    out = tmp_path / "visit.pdf"
    visit = cli.ids["visit_october"]
    code = _report(
        cli, "inspection", "--entry", visit if entry == "id" else entry, "--out", str(out)
    )
    assert code == 0
    text = pdf_text(out.read_bytes())
    assert "CO Fictional" in text
    assert "10-10-2025" in text
    assert "D1" in text and "D4" not in text  # October's directions, not August's
    record = _prints(cli)[-1]
    assert record["report"] == "inspection"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("monthly", "--month", "2025-13"), "write the month as YYYY-MM"),
        (("monthly", "--month", "2099-01"), "has not begun yet"),
        (
            ("register", "--register", "fir", "--from", "31-02-2025", "--to", "2025-10-31"),
            "--from: give the date as YYYY-MM-DD or DD-MM-YYYY",
        ),
        (
            ("register", "--register", "fir", "--from", "2025-10-31", "--to", "2025-10-01"),
            "the end date is before the start date",
        ),
        (("inspection", "--entry", "9/2025"), "The inspection book has no entry 9/2025"),
    ],
)
def test_bad_input_is_refused_with_a_message(
    cli: StationHandle,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    out = tmp_path / "refused.pdf"
    assert _report(cli, *args, "--out", str(out)) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert _prints(cli) == []


def test_an_unknown_register_is_refused(
    cli: StationHandle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "refused.pdf"
    with pytest.raises(SystemExit) as caught:
        _report(
            cli,
            "register",
            "--register",
            "diary",
            "--from",
            "2025-10-01",
            "--to",
            "2025-10-31",
            "--out",
            str(out),
        )
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'diary'" in err
    assert "helpdesk_application" in err  # the registers one can choose are listed
    assert not out.exists()
