"""Exports: bilingual headings, DD-MM-YYYY dates, labels for codes, encrypted files that open
only with the password, an audit entry each time, only for the roles allowed, and never a
victim's identity (proved on the whole demo station)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import pyzipper
from msoffcrypto.exceptions import InvalidKeyError
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import load_workbook
from sqlalchemy import select

from msk_desktop.demo import DEMO_PASSWORD, DEMO_USERNAME, seed_demo
from msk_desktop.domain import choices
from msk_desktop.domain.errors import PermissionDenied, ValidationError
from msk_desktop.exchange.export import ExportFormat, export_register
from msk_desktop.exchange.importing import run_import
from msk_desktop.exchange.mapping import suggest_mapping
from msk_desktop.exchange.sheets import read_sheet
from msk_desktop.ops.browse import Browse, count_entries
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.exchange import RowState
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.station import login
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import ProtectedIdentity
from tests.ops.conftest import (
    IDENTITY_STRINGS,
    StationHandle,
    audit_after,
    detail_of,
    last_audit_seq,
    make_entry,
    new_fir,
)

PASSWORD = "fake-export-pass-1"
DATE_CELL = re.compile(r"^\d{2}-\d{2}-\d{4}( \d{2}:\d{2})?$")


def open_xlsx(path: Path, password: str) -> list[list[Any]]:
    with path.open("rb") as handle:
        office = OOXMLFile(handle)
        office.load_key(password=password, verify_password=True)
        plain = io.BytesIO()
        office.decrypt(plain)
    sheet = load_workbook(plain).worksheets[0]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def xlsx_formats(path: Path, password: str) -> set[str]:
    with path.open("rb") as handle:
        office = OOXMLFile(handle)
        office.load_key(password=password)
        plain = io.BytesIO()
        office.decrypt(plain)
    sheet = load_workbook(plain).worksheets[0]
    return {
        c.number_format
        for row in sheet.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, date | datetime)
    }


def open_csv_zip(path: Path, password: str) -> list[list[str]]:
    with pyzipper.AESZipFile(path) as archive:
        archive.setpassword(password.encode())
        (name,) = archive.namelist()
        text = archive.read(name).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _export(ctx: OpContext, browse: Browse, fmt: ExportFormat, out: Path) -> list[list[Any]]:
    export_register(ctx, browse, fmt, out, PASSWORD)
    return open_xlsx(out, PASSWORD) if fmt is ExportFormat.XLSX else open_csv_zip(out, PASSWORD)


# ---- on a small station --------------------------------------------------------------------


@pytest.fixture
def three_firs(station: StationHandle) -> StationHandle:
    victim = {"age": 30, "gender": "female", "identity": {"name": IDENTITY_STRINGS[0]}}
    new_fir(station.ctx, crime_no=11, victims=(victim,), place=IDENTITY_STRINGS[2])
    make_entry(
        station.ctx,
        "fir",
        status="final_report",
        final_report_no="FR-1",
        final_report_on="2025-03-01",
    )
    make_entry(station.ctx, "fir", io_name="SI Fakename Four")
    return station


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_headings_are_bilingual_dates_indian_and_codes_labelled(
    three_firs: StationHandle, tmp_path: Path, fmt: ExportFormat
) -> None:
    table = _export(three_firs.ctx, Browse("fir"), fmt, tmp_path / f"firs.{fmt}")
    header, body = table[0], table[1:]
    assert header[:3] == ["क्रमांक / Serial", "मु0अ0सं0 / Crime number", "वर्ष / Crime year"]
    assert len(body) == 3
    status = header.index("स्थिति / Status")
    labels = {c.label.hi for c in choices.FIR_STATUS}
    assert {row[status] for row in body} <= labels
    registered = header.index("पंजीकरण तिथि-समय / Registered at")
    if fmt is ExportFormat.CSV:
        assert all(DATE_CELL.match(row[registered]) for row in body)
    else:
        assert xlsx_formats(tmp_path / f"firs.{fmt}", PASSWORD) == {
            "DD-MM-YYYY",
            "DD-MM-YYYY HH:MM",
        }


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_the_place_of_offence_and_identity_stay_home(
    three_firs: StationHandle, tmp_path: Path, fmt: ExportFormat
) -> None:
    table = _export(three_firs.ctx, Browse("fir"), fmt, tmp_path / f"firs.{fmt}")
    text = repr(table)
    assert IDENTITY_STRINGS[0] not in text and IDENTITY_STRINGS[2] not in text
    assert "घटनास्थल / Place of offence" not in table[0]


def test_a_text_that_looks_like_a_formula_stays_text(
    station: StationHandle, tmp_path: Path
) -> None:
    formula = '=HYPERLINK("http://fake.example","x")'
    make_entry(station.ctx, "awareness_programme", place=formula)
    xlsx = tmp_path / "a.xlsx"
    export_register(station.ctx, Browse("awareness_programme"), ExportFormat.XLSX, xlsx, PASSWORD)
    with xlsx.open("rb") as handle:
        office = OOXMLFile(handle)
        office.load_key(password=PASSWORD)
        plain = io.BytesIO()
        office.decrypt(plain)
    sheet = load_workbook(plain).worksheets[0]
    (cell,) = [c for row in sheet.iter_rows() for c in row if c.value == formula]
    assert cell.data_type == "s"
    table = _export(station.ctx, Browse("awareness_programme"), ExportFormat.CSV, tmp_path / "z")
    assert f"'{formula}" in table[1]


def test_an_exported_register_imports_back_as_already_present(
    station: StationHandle, tmp_path: Path
) -> None:
    for year in (2025, 2026):
        make_entry(station.ctx, "awareness_programme", year)
    out = tmp_path / "a.xlsx"
    export_register(station.ctx, Browse("awareness_programme"), ExportFormat.XLSX, out, PASSWORD)
    plain = tmp_path / "plain.xlsx"
    with out.open("rb") as handle:
        office = OOXMLFile(handle)
        office.load_key(password=PASSWORD)
        with plain.open("wb") as decrypted:
            office.decrypt(decrypted)
    sheet = read_sheet(plain)
    mapping = suggest_mapping("awareness_programme", sheet.headers)
    assert mapping[0] is None  # the serial: the app numbers entries itself
    result = run_import(
        station.ctx, "awareness_programme", sheet, mapping, commit=False, source="plain.xlsx"
    )
    assert [r.state for r in result.rows] == [RowState.PRESENT, RowState.PRESENT]


def test_the_export_follows_the_views_filter(three_firs: StationHandle, tmp_path: Path) -> None:
    browse = Browse("fir", status="final_report")
    table = _export(three_firs.ctx, browse, ExportFormat.CSV, tmp_path / "f.zip")
    assert len(table) - 1 == count_entries(three_firs.ctx, browse) == 1


def test_an_xlsx_opens_only_with_its_password(three_firs: StationHandle, tmp_path: Path) -> None:
    out = tmp_path / "firs.xlsx"
    export_register(three_firs.ctx, Browse("fir"), ExportFormat.XLSX, out, PASSWORD)
    with pytest.raises(zipfile.BadZipFile):
        load_workbook(out)  # not a plain workbook at all
    with pytest.raises(InvalidKeyError):
        open_xlsx(out, "wrong-password")
    assert len(open_xlsx(out, PASSWORD)) == 4


def test_a_csv_zip_opens_only_with_its_password(three_firs: StationHandle, tmp_path: Path) -> None:
    out = tmp_path / "firs.csv.zip"
    export_register(three_firs.ctx, Browse("fir"), ExportFormat.CSV, out, PASSWORD)
    with zipfile.ZipFile(out) as plain_zip, pytest.raises((RuntimeError, NotImplementedError)):
        plain_zip.read(plain_zip.namelist()[0])
    with pytest.raises(RuntimeError):
        open_csv_zip(out, "wrong-password")
    assert len(open_csv_zip(out, PASSWORD)) == 4


def test_every_export_is_audited_without_the_password(
    three_firs: StationHandle, tmp_path: Path
) -> None:
    seq = last_audit_seq(three_firs.db)
    export_register(three_firs.ctx, Browse("fir"), ExportFormat.CSV, tmp_path / "a.zip", PASSWORD)
    (entry,) = audit_after(three_firs.db, seq)
    assert entry.action == "export"
    assert entry.username == three_firs.ctx.actor.username
    detail = detail_of(entry)
    assert (detail["register"], detail["rows"], detail["format"]) == ("fir", 3, "csv")
    assert PASSWORD not in entry.detail


def test_a_short_password_is_refused_and_nothing_is_written(
    three_firs: StationHandle, tmp_path: Path
) -> None:
    seq = last_audit_seq(three_firs.db)
    out = tmp_path / "short.xlsx"
    with pytest.raises(ValidationError) as caught:
        export_register(three_firs.ctx, Browse("fir"), ExportFormat.XLSX, out, "1234567")
    assert caught.value.errors[0].field == "password"
    assert "8" in caught.value.errors[0].message.en
    assert not out.exists()
    assert audit_after(three_firs.db, seq) == []


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.IN_CHARGE, True),
        (Role.SUB_INSPECTOR, True),
        (Role.HELPDESK, False),
        (Role.CIRCLE_OFFICER, False),
    ],
)
def test_only_station_staff_may_export(
    three_firs: StationHandle, tmp_path: Path, role: Role, allowed: bool
) -> None:
    out = tmp_path / "x.xlsx"
    ctx = three_firs.as_role(role)
    if allowed:
        export_register(ctx, Browse("fir"), ExportFormat.XLSX, out, PASSWORD)
        assert out.exists()
    else:
        with pytest.raises(PermissionDenied):
            export_register(ctx, Browse("fir"), ExportFormat.XLSX, out, PASSWORD)
        assert not out.exists()


# ---- on the demo station -------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpContext]:
    layout = DataLayout(tmp_path_factory.mktemp("demo") / "station")
    cheap = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    seed_demo(layout, today=date(2025, 11, 20), cost=cheap, scale=0.1)
    ctx = login(layout, DEMO_USERNAME, DEMO_PASSWORD)
    yield ctx
    ctx.db.close()


def _identity_strings(ctx: OpContext) -> set[str]:
    with ctx.db.read() as session:
        people = session.scalars(select(ProtectedIdentity)).all()
        values = {
            v
            for p in people
            for v in (p.name, p.parentage, p.address, p.phone, p.school)
            if v and len(v) >= 5
        }
    return values


def test_no_export_of_the_demo_station_holds_any_identity(demo: OpContext, tmp_path: Path) -> None:
    identities = _identity_strings(demo)
    assert len(identities) > 20  # the demo has victims, complainants, applicants, parties
    for register in REGISTERS:
        for fmt in ExportFormat:
            out = tmp_path / f"{register}.{fmt}"
            table = _export(demo, Browse(register), fmt, out)
            assert len(table) - 1 == count_entries(demo, Browse(register)), register
            text = "\n".join(" ".join(str(v) for v in row if v is not None) for row in table)
            leaked = [value for value in identities if value in text]
            assert leaked == [], (register, fmt, leaked[:3])
