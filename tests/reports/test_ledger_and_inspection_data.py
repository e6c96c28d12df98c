"""Register printouts and the inspection report, as data and on paper, on the October station
(figures from ``october.py``) and on the ops tests' station with one entry of every register."""

from __future__ import annotations

from datetime import date

import pytest

from msk_desktop.domain.errors import ValidationError
from msk_desktop.ops.inspection import record_inspection
from msk_desktop.ops.report_data import PRINTABLE
from msk_desktop.reports.inspection_data import build_inspection_report
from msk_desktop.reports.jobs import RegisterRequest, render_report
from msk_desktop.reports.ledger_data import build_ledger
from tests.ops.conftest import StationHandle
from tests.reports.pdf_tools import page_count, pdf_text

OCTOBER_FIRST, OCTOBER_LAST = date(2025, 10, 1), date(2025, 10, 31)


def test_fir_ledger_holds_the_entries_of_the_period(october: StationHandle) -> None:
    ledger = build_ledger(october.ctx, "fir", OCTOBER_FIRST, OCTOBER_LAST)
    assert ledger.title.en == "Parallel FIR register"
    assert ledger.station.name.en == "Test Thana"
    assert len(ledger.headings) == len(ledger.shares) == len(ledger.rows[0])
    assert sum(ledger.shares) == pytest.approx(1, abs=0.005)
    crime_numbers = [row[1] for row in ledger.rows]
    assert crime_numbers == ["3/2025", "4/2025"]  # registered 03-10 and 15-10
    assert ledger.rows[0][0] == "3/2025"  # the parallel register's own serial


def test_roster_ledger_numbers_its_slots_as_printed(october: StationHandle) -> None:
    ledger = build_ledger(october.ctx, "duty_roster_slot", OCTOBER_FIRST, OCTOBER_LAST)
    assert [row[0] for row in ledger.rows] == ["1", "2", "3"]
    staffed = [row for row in ledger.rows if "Fictional Constable" in " ".join(row)]
    assert len(staffed) == 2  # the unstaffed help desk shift shows nobody


@pytest.mark.parametrize("register", sorted(PRINTABLE))
def test_every_register_prints_its_entry(world: StationHandle, register: str) -> None:
    rendered = render_report(
        world.ctx, RegisterRequest(register, date(2025, 1, 1), date(2025, 12, 31))
    )
    text = pdf_text(rendered.data)
    assert PRINTABLE[register].title.en in text
    assert "Entries: 1" in text or "Entries: 2" in text  # the staff register has two people
    assert "Signature" in text
    assert f"Page 1 of {rendered.pages}" in text


@pytest.mark.parametrize(
    ("register", "first", "last", "field"),
    [
        ("diary", OCTOBER_FIRST, OCTOBER_LAST, "register"),
        ("fir", OCTOBER_LAST, OCTOBER_FIRST, "to"),
    ],
)
def test_a_bad_printout_request_is_refused(
    october: StationHandle, register: str, first: date, last: date, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        build_ledger(october.ctx, register, first, last)
    assert caught.value.errors[0].field == field


def test_an_entry_taller_than_a_page_continues_on_the_next(october: StationHandle) -> None:
    """Observations of 150 lines: the row splits across pages instead of failing the print,
    and every line is printed."""
    observations = "\n".join(f"अवलोकन{n} observation{n}" for n in range(150))
    record_inspection(
        october.ctx,
        {
            "visited_on": "2025-10-28",
            "officer_name": "CO Fictional",
            "officer_rank": "Deputy SP",
            "observations": observations,
        },
    )
    rendered = render_report(
        october.ctx, RegisterRequest("inspection_entry", OCTOBER_FIRST, OCTOBER_LAST)
    )
    assert page_count(rendered.data) >= 2
    text = pdf_text(rendered.data)
    assert "observation0\r\n" in text and "observation149" in text


def test_inspection_report_of_the_october_visit(october: StationHandle) -> None:
    report = build_inspection_report(october.ctx, october.ids["visit_october"])
    assert (report.serial, report.visited_on) == ("2/2025", date(2025, 10, 10))
    assert report.officer_name == "CO Fictional"
    assert report.signed_by == "Kalpana Incharge"  # the account that wrote the entry
    assert report.as_of == date(2026, 3, 16)  # judged on the day printed
    lines = [
        (d.number, d.direction, d.compliance_status, d.overdue_days) for d in report.directions
    ]
    assert lines == [
        (1, "D1 परीक्षण", "open", 147),  # due 20-10-2025
        (2, "D2 परीक्षण", "open", 121),  # due 15-11-2025
        (3, "D3 परीक्षण", "complied", None),
    ]
    assert (report.complied, report.overdue) == (1, 2)
