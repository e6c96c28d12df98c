"""Importing a spreadsheet into a register as the import dialog does: read the file, suggest the
column mapping, a dry run, then the confirmed import. The baseline writes the same number of
rows into the same table of a plain copy with one raw sqlite3 executemany and commit."""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from bench import baselines, stations
from bench.fiveyear import PASSWORD, USERNAME
from bench.measure import clock, median, repeated
from msk_desktop.exchange.importing import run_import
from msk_desktop.exchange.mapping import suggest_mapping
from msk_desktop.exchange.sheets import read_sheet
from msk_desktop.ops.exchange import RowState
from msk_desktop.ops.station import login
from msk_desktop.store.layout import DataLayout

# Headings a station's own register might carry (the mapping is suggested from them).
FIR_HEADERS = (
    "मु0अ0सं0",
    "वर्ष",
    "FIR date",
    "घटना तिथि",
    "धारा",
    "पीड़िता की आयु",
    "पीड़िता का लिंग",
    "स्थिति",
    "विवेचक",
)
HELPDESK_HEADERS = ("Received at", "प्रकृति", "Summary", "स्थिति", "Assigned to")
FIRST = datetime(2025, 1, 2, 10, 0)
# Crime numbers above any the five-year station uses, so every row is new.
FIRST_CRIME_NO = 20_001
BUDGET_S = 300  # of imports timed per register: at 60 rows/s one import of 10,000 is 170 s
SECTIONS = ("BNS 74", "BNS 85", "BNS 78", "BNS 75")
CATEGORIES = ("घरेलू हिंसा", "Cyber crime", "दहेज उत्पीड़न", "वैवाहिक विवाद")


def _fir_rows(count: int) -> list[tuple[Any, ...]]:
    span = timedelta(minutes=(datetime(2025, 11, 19) - FIRST).total_seconds() / 60 / count)
    rows = []
    for n in range(count):
        registered = FIRST + span * n
        rows.append(
            (
                FIRST_CRIME_NO + n,
                2025,
                registered,
                registered.date() - timedelta(days=n % 3),
                SECTIONS[n % len(SECTIONS)],
                18 + n % 30,
                "महिला",
                "विवेचनाधीन",
                f"उपनिरीक्षक डेमो {n % 9 + 1} (काल्पनिक)",
            )
        )
    return rows


def _helpdesk_rows(count: int) -> list[tuple[Any, ...]]:
    span = timedelta(minutes=(datetime(2025, 11, 19) - FIRST).total_seconds() / 60 / count)
    return [
        (
            FIRST + span * n,
            CATEGORIES[n % len(CATEGORIES)],
            f"डेमो शिकायत {n + 1} (काल्पनिक) / Demo complaint {n + 1}",
            "लम्बित",
            f"मुख्य आरक्षी डेमो {n % 5 + 1} (काल्पनिक)",
        )
        for n in range(count)
    ]


REGISTERS: dict[str, tuple[tuple[str, ...], Callable[[int], list[tuple[Any, ...]]]]] = {
    "fir": (FIR_HEADERS, _fir_rows),
    "helpdesk_application": (HELPDESK_HEADERS, _helpdesk_rows),
}


def write_sheet(path: Path, register: str, count: int) -> Path:
    headers, make = REGISTERS[register]
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(headers))
    for row in make(count):
        sheet.append(list(row))
    book.save(path)
    return path


@dataclass(frozen=True)
class ImportFigures:
    register: str
    rows: int
    runs: int
    seconds: float  # median: read, map, dry run and confirmed import
    dry_run: float  # median seconds of the dry run alone
    base_seconds: float  # median: raw executemany + commit of as many rows

    @property
    def rate(self) -> float:
        return self.rows / self.seconds

    @property
    def base_rate(self) -> float:
        return self.rows / self.base_seconds


def _import_once(station: DataLayout, sheet_path: Path, register: str) -> tuple[float, float]:
    """(whole import, dry run) seconds on a fresh copy of the station."""
    ctx = login(station, USERNAME, PASSWORD, clock)
    try:
        start = time.perf_counter()
        sheet = read_sheet(sheet_path)
        mapping = suggest_mapping(register, sheet.headers)
        dry_start = time.perf_counter()
        dry = run_import(ctx, register, sheet, mapping, commit=False, source=sheet_path.name)
        dry_seconds = time.perf_counter() - dry_start
        done = run_import(ctx, register, sheet, mapping, commit=True, source=sheet_path.name)
        seconds = time.perf_counter() - start
    finally:
        ctx.db.close()
    new = done.count(RowState.NEW)
    if dry.count(RowState.NEW) != len(sheet.rows) or new != len(sheet.rows):
        raise RuntimeError(f"{register}: {new} of {len(sheet.rows)} rows imported")
    return seconds, dry_seconds


def _raw_insert(plain: Path, register: str, count: int) -> float:
    """Seconds to executemany ``count`` rows (the table's first row, new ids and numbers) and
    commit, durable as the app runs (WAL, synchronous=FULL)."""
    raw = baselines.raw_writer(plain)
    try:
        cursor = raw.execute(f"SELECT * FROM {register} LIMIT 1")
        names = [d[0] for d in cursor.description]
        template = dict(zip(names, cursor.fetchone(), strict=True))
        rows = []
        for n in range(count):
            row = template | {"id": str(uuid.uuid4()), "serial_year": 1999, "serial_no": n + 1}
            rows.append([row[name] for name in names])
        marks = ", ".join("?" for _ in names)
        statement = f"INSERT INTO {register} ({', '.join(names)}) VALUES ({marks})"
        start = time.perf_counter()
        raw.execute("BEGIN")
        raw.executemany(statement, rows)
        raw.execute("COMMIT")
        seconds = time.perf_counter() - start
        raw.execute("BEGIN")
        raw.execute(f"DELETE FROM {register} WHERE serial_year = 1999")
        raw.execute("COMMIT")
        return seconds
    finally:
        raw.close()


def measure_import(
    station: DataLayout, register: str, count: int, runs: int, work: Path
) -> ImportFigures:
    sheet_path = write_sheet(work / f"import-{register}.xlsx", register, count)
    dry: list[float] = []

    def once() -> float:
        copy = stations.working_copy(station, work / f"import-{register}-{len(dry)}")
        seconds, dry_seconds = _import_once(copy, sheet_path, register)
        shutil.rmtree(copy.root)
        dry.append(dry_seconds)
        return seconds

    ours = repeated(once, runs, BUDGET_S)
    ctx = login(station, USERNAME, PASSWORD, clock)
    try:
        plain = baselines.plain_copy(ctx, work / f"import-plain-{register}.db")
    finally:
        ctx.db.close()
    base = [_raw_insert(plain, register, count) for _ in range(runs)]
    return ImportFigures(register, count, len(ours), median(ours), median(dry), median(base))
