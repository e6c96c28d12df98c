"""Which spreadsheet column is which field: suggestions from Hindi and English headings, the
user's choices laid over them, and cells put in the form's terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from msk_desktop.domain.errors import MskError
from msk_desktop.exchange.export import heading
from msk_desktop.exchange.mapping import (
    check_mapping,
    mapping_from_headers,
    source_rows,
    suggest_mapping,
)
from msk_desktop.exchange.sheets import Sheet, read_sheet
from msk_desktop.ops.exchange import export_columns
from tests.data import make_samples


def test_the_sample_fir_register_is_mapped_by_its_headings(data: Path) -> None:
    sheet = read_sheet(data / "fir_register.xlsx")
    mapping = dict(zip(sheet.headers, suggest_mapping("fir", sheet.headers), strict=True))
    assert mapping == {
        "क्र0सं0": None,  # the station's own serial: the app numbers entries itself
        "मु0अ0सं0": "crime_no",
        "वर्ष": "crime_year",
        "FIR date": "registered_at",
        "घटना तिथि": "offence_date",
        "धारा": "sections",
        "पीड़िता की आयु": "victim_age",
        "पीड़िता का लिंग": "victim_gender",
        "पीड़िता का नाम": None,  # identity is never imported from a spreadsheet
        "स्थिति": "status",
        "विवेचक": "io_name",
        "Remarks": "remarks",
    }


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("मु.अ.सं.", "crime_no"),  # the abbreviation with dots instead of zeros
        ("  Crime Number ", "crime_no"),
        ("DATE OF OFFENCE", "offence_date"),
        ("io_rank", "io_rank"),  # the field's own name
        ("Sections", "sections"),
    ],
)
def test_headings_are_matched_loosely(header: str, field: str) -> None:
    assert suggest_mapping("fir", [header]) == [field]


def test_an_exported_register_maps_back_by_its_bilingual_headings() -> None:
    headers = [heading(c.label) for c in export_columns("awareness_programme")]
    assert suggest_mapping("awareness_programme", headers) == [
        c.name for c in export_columns("awareness_programme")
    ]


def test_each_field_is_suggested_for_one_column_only() -> None:
    assert suggest_mapping("fir", ["मु0अ0सं0", "Crime no"]) == ["crime_no", None]


def test_the_users_choice_overrides_the_suggestion_and_takes_the_field_away() -> None:
    headers = ["मु0अ0सं0", "FIR No. (new)", "Notes"]
    chosen = {"FIR No. (new)": "crime_no", "Notes": None}
    assert mapping_from_headers("fir", headers, chosen) == [None, "crime_no", None]


def test_a_choice_for_a_column_that_is_not_there_is_refused() -> None:
    with pytest.raises(MskError) as caught:
        mapping_from_headers("fir", ["मु0अ0सं0"], {"Year": "crime_year"})
    assert "Year" in caught.value.message.en


@pytest.mark.parametrize(
    ("mapping", "word"),
    [(["crime_no", "crime_no"], "two columns"), (["no_such_field"], "unknown")],
)
def test_a_bad_mapping_is_refused(mapping: list[str | None], word: str) -> None:
    with pytest.raises(MskError) as caught:
        check_mapping("fir", mapping)
    assert word in caught.value.message.en
    assert caught.value.message.hi != caught.value.message.en


def test_a_crime_number_with_its_year_is_split() -> None:
    sheet = Sheet(("मु0अ0सं0",), ((2, ("45/2025",)),))
    (row,) = source_rows("fir", sheet, ["crime_no"])
    assert (row.number, dict(row.values)) == (2, {"crime_no": "45", "crime_year": "2025"})


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("BNSS 126", "bond_peace"),
        ("CrPC 110", "bond_habitual"),
        ("शांति बनाए रखने हेतु प्रतिभूति (पाबन्द)", "bond_peace"),
        ("bond_suspect", "bond_suspect"),
        ("Something else", "Something else"),  # left for the validation to reject
    ],
)
def test_a_preventive_action_is_read_as_registers_write_it(written: str, code: str) -> None:
    sheet = Sheet(("कार्यवाही",), ((2, (written,)),))
    (row,) = source_rows("preventive_action", sheet, ["action_code"])
    assert row.values["action_code"] == code


def test_the_committed_samples_are_what_the_script_writes(data: Path, tmp_path: Path) -> None:
    make_samples.write_samples(tmp_path)
    for name in make_samples.SAMPLES:
        assert read_sheet(tmp_path / name) == read_sheet(data / name), name


def test_spreadsheet_rows_are_numbered_as_excel_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('a,b\n1,"two\nlines"\n\n3,x\n', encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.rows == ((2, ("1", "two\nlines")), (4, ("3", "x")))


@pytest.mark.parametrize("name", ["register.ods", "missing.xlsx", "broken.xlsx"])
def test_a_file_that_cannot_be_read_gets_a_bilingual_message(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name != "missing.xlsx":
        path.write_bytes(b"not a spreadsheet")
    with pytest.raises(MskError) as caught:
        read_sheet(path)
    message = caught.value.message
    assert message.hi != message.en
    assert any("\u0900" <= ch <= "\u097f" for ch in message.hi)
