"""Writes the sample import files of tests/data (clearly fake data, with some bad rows).

    .venv/bin/python tests/data/make_samples.py                 # the committed samples
    .venv/bin/python tests/data/make_samples.py --big 5000 F.xlsx   # an FIR register to time

The headings are what a station's own spreadsheet might carry: Hindi and English, the app's
labels and common paper-register headings, a column the app does not import (a serial number)
and one it must never import (a victim's name: identity is not taken from spreadsheets).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

HERE = Path(__file__).parent

FIR_HEADERS = (
    "क्र0सं0",
    "मु0अ0सं0",
    "वर्ष",
    "FIR date",
    "घटना तिथि",
    "धारा",
    "पीड़िता की आयु",
    "पीड़िता का लिंग",
    "पीड़िता का नाम",
    "स्थिति",
    "विवेचक",
    "Remarks",
)
# Spreadsheet row 2 is the first data row (the header is row 1). Rows 8 to 11 are bad.
FIR_ROWS: tuple[tuple[Any, ...], ...] = (
    (1, 201, 2025, "05-08-2025 10:30", "04-08-2025", "BNS 74", 24, "महिला", "Fake Name A",
     "विवेचनाधीन", "SI Fakename One", "नमूना प्रविष्टि"),
    (2, 202, 2025, datetime(2025, 8, 9, 14, 0), datetime(2025, 8, 8), "BNS 85", 31, "Female",
     "Fake Name B", "Under investigation", "SI Fakename Two", None),
    (3, 203, 2025, "12-08-2025 09:15", "10-08-2025", "BNS 64, POCSO 4", 15, "महिला",
     "Fake Name C", "विवेचनाधीन", "SI Fakename One", None),
    (4, 204, 2025, "20-08-2025 18:00", "20-08-2025", "BNS 78", 19, "महिला", "Fake Name D",
     "विवेचनाधीन", "SI Fakename Three", None),
    (5, 205, 2025, "02-09-2025 11:00", "01-09-2025", "BNS 79; BNS 296", 40, "महिला",
     "Fake Name E", "विवेचनाधीन", "SI Fakename Two", None),
    (6, 206, 2025, "15-09-2025 12:00", "14-09-2025", "BNS 74", 22, "महिला", "Fake Name F",
     "विवेचनाधीन", "SI Fakename Three", None),
    # bad date of offence
    (7, 207, 2025, "18-09-2025 10:00", "31-02-2025", "BNS 74", 28, "महिला", "Fake Name G",
     "विवेचनाधीन", "SI Fakename One", None),
    # a section that is not in the catalogue
    (8, 208, 2025, "20-09-2025 10:00", "19-09-2025", "BNS 999", 33, "महिला", "Fake Name H",
     "विवेचनाधीन", "SI Fakename Two", None),
    # the status (required) is missing
    (9, 209, 2025, "22-09-2025 10:00", "21-09-2025", "BNS 74", 27, "महिला", "Fake Name I",
     None, "SI Fakename Two", None),
    # the same crime number as row 2
    (10, 201, 2025, "05-08-2025 10:30", "04-08-2025", "BNS 74", 24, "महिला", "Fake Name A",
     "विवेचनाधीन", "SI Fakename One", None),
)  # fmt: skip
FIR_BAD_ROWS = {8: "offence_date", 9: "sections", 10: "status"}
FIR_REPEATED_ROWS = {11: 2}  # spreadsheet row -> the earlier row it repeats

PREVENTIVE_HEADERS = (
    "व्यक्ति का नाम",
    "Parentage",
    "कार्यवाही",
    "कार्यवाही तिथि",
    "बंधपत्र अवधि (माह)",
    "Bond amount (₹)",
    "स्थिति",
)
PREVENTIVE_ROWS: tuple[tuple[Any, ...], ...] = (
    ("Fakeperson Alpha", "Fakefather Alpha", "BNSS 126", "03-07-2025", 6, 10000, "प्रभावी"),
    ("Fakeperson Beta", None, "bond_suspect", "10-07-2025", 12, 20000, "In force"),
    ("Fakeperson Gamma", None, "CrPC 110", "15-07-2025", 24, 50000, "प्रभावी"),
    # a bond of 24 months under BNSS 126 (at most 12)
    ("Fakeperson Delta", None, "BNSS 126", "20-07-2025", 24, 10000, "प्रभावी"),
    # no person's name
    (None, None, "BNSS 126", "22-07-2025", 6, 10000, "प्रभावी"),
)
PREVENTIVE_BAD_ROWS = {5: "bond_months", 6: "person_name"}

AWARENESS_HEADERS = ("Date", "स्थान", "Programme", "Audience", "People reached", "Staff present")
AWARENESS_ROWS: tuple[tuple[Any, ...], ...] = (
    ("01-08-2025", "Fake Girls Inter College", "साइबर सुरक्षा", "Students", 150, "HC Fake One"),
    ("08-08-2025", "Fakepur village chaupal", "Women safety", "महिलाएँ", 60, "C Fake Two"),
    ("15-08-2025", "Fake Degree College", "Self-defence training", "Students", "many", None),
)
AWARENESS_BAD_ROWS = {4: "people_reached"}

HELPDESK_HEADERS = ("Received at", "प्रकृति", "Summary", "स्थिति", "Assigned to")
HELPDESK_ROWS: tuple[tuple[Any, ...], ...] = (
    ("01-08-2025 10:00", "दहेज उत्पीड़न", "नमूना शिकायत: दहेज की माँग", "लम्बित", "HC Fake One"),
    ("02-08-2025 11:30", "Cyber crime", "Sample complaint: fake profile", "Pending", None),
    ("03-08-2025 12:15", "घरेलू हिंसा", "नमूना शिकायत: मारपीट", "लम्बित", "HC Fake One"),
    # a date that does not exist
    ("32-08-2025 09:00", "अन्य", "नमूना शिकायत: गलत तिथि", "लम्बित", None),
    # the summary (required) is missing
    ("05-08-2025 09:00", "अन्य", "", "लम्बित", None),
    # a category that is not in the list
    ("06-08-2025 09:00", "Unknown category", "नमूना शिकायत: अज्ञात प्रकृति", "लम्बित", None),
)
HELPDESK_BAD_ROWS = {5: "received_at", 6: "summary", 7: "category"}

SAMPLES = {
    "fir_register.xlsx": (FIR_HEADERS, FIR_ROWS),
    "preventive_actions.xlsx": (PREVENTIVE_HEADERS, PREVENTIVE_ROWS),
    "awareness_programmes.xlsx": (AWARENESS_HEADERS, AWARENESS_ROWS),
    "helpdesk_applications.csv": (HELPDESK_HEADERS, HELPDESK_ROWS),
}


def write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(["" if v is None else v for v in row] for row in rows)


def write_samples(folder: Path = HERE) -> None:
    for name, (headers, rows) in SAMPLES.items():
        write = write_xlsx if name.endswith(".xlsx") else write_csv
        write(folder / name, headers, rows)


def big_fir_rows(count: int) -> list[tuple[Any, ...]]:
    """``count`` valid FIRs of 2025 (crime numbers 1..count), a few a day from 1 July."""
    start = datetime(2025, 7, 1, 10, 0)
    rows = []
    for number in range(1, count + 1):
        registered = start + timedelta(minutes=50 * number)
        rows.append(
            (number, number, 2025, registered, registered.date() - timedelta(days=1), "BNS 74",
             20 + number % 30, "महिला", None, "विवेचनाधीन", f"SI Fakename {number % 7}", None)
        )  # fmt: skip
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--big":
        write_xlsx(Path(sys.argv[3]), FIR_HEADERS, big_fir_rows(int(sys.argv[2])))
    else:
        write_samples()
