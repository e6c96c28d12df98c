"""Exporting a register view to a spreadsheet that may leave the station PC.

Only the view's own columns go out (pseudonyms, never protected_identity), with bilingual
headings (Hindi first), dates as DD-MM-YYYY and closed lists by their labels. The file is
always protected with a password the user types: an .xlsx is encrypted as Excel encrypts it
(ECMA-376 agile encryption, AES-256), a .csv goes inside an AES-256 zip. Plain files are never
written, not even for a moment, because a temporary file on a shared PC is a leak too.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any

import pyzipper
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook
from openpyxl.styles import Font

from msk_desktop.domain.dates import IST, format_date
from msk_desktop.domain.display import label_of
from msk_desktop.domain.errors import FieldError, Message, ValidationError
from msk_desktop.domain.fields import FieldSpec
from msk_desktop.ops.browse import Browse
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.exchange import export_columns, export_rows, record_export
from msk_desktop.ops.permissions import require

MIN_PASSWORD = 8
SERIAL = Message("क्रमांक", "Serial")
DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def heading(label: Message) -> str:
    return f"{label.hi} / {label.en}"


def cell_value(spec: FieldSpec, value: Any, language: str) -> Any:
    """A stored value as a spreadsheet cell: dates stay dates (Excel sorts them; the cell
    format shows DD-MM-YYYY), times are Indian time, codes become their labels."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(IST).replace(tzinfo=None)
    if isinstance(value, date | time | int | float) and not isinstance(value, bool):
        return value
    label = label_of(spec, value, language)
    return label if label is not None else str(value)


# A typed text that starts like a formula must never run when the file is opened in Excel
# (CSV injection): in a .csv it gets a leading apostrophe, in an .xlsx it is stored as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: Any) -> str:
    """A cell as CSV text: DD-MM-YYYY dates."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return f"'{value}"
    if isinstance(value, datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            [
                FieldError(
                    "password",
                    Message(
                        f"पासवर्ड कम से कम {MIN_PASSWORD} अक्षर का हो",
                        f"the password needs at least {MIN_PASSWORD} characters",
                    ),
                )
            ]
        )


def _xlsx(title: str, headers: list[str], rows: list[list[Any]], password: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = title[:31]  # Excel's limit for a sheet name
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows:
        sheet.append(values)
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
            elif cell.data_type == "f":  # openpyxl takes any text starting with "=" as a formula
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    plain = io.BytesIO()
    book.save(plain)
    plain.seek(0)
    encrypted = io.BytesIO()
    OOXMLFile(plain).encrypt(password, encrypted)
    return encrypted.getvalue()


def _csv_zip(name: str, headers: list[str], rows: list[list[Any]], password: str) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerows([cell_text(v) for v in values] for values in rows)
    archive = io.BytesIO()
    with pyzipper.AESZipFile(
        archive, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as zipped:
        zipped.setpassword(password.encode("utf-8"))
        zipped.setencryption(pyzipper.WZ_AES, nbits=256)
        # UTF-8 with a BOM: Excel then shows the Hindi text rightly.
        zipped.writestr(f"{name}.csv", text.getvalue().encode("utf-8-sig"))
    return archive.getvalue()


def export_register(
    ctx: OpContext,
    browse: Browse,
    file_format: ExportFormat,
    out: Path,
    password: str,
    language: str = "hi",
) -> ExportResult:
    """Write the register view ``browse`` (its filter and sort) to ``out``, protected with
    ``password``, and record the export in the audit log."""
    require(ctx, "export")
    check_password(password)
    columns = export_columns(browse.register)
    headers = [heading(SERIAL), *(heading(c.label) for c in columns)]
    rows = [
        [serial, *(cell_value(spec, v, language) for spec, v in zip(columns, values, strict=True))]
        for serial, values in export_rows(ctx, browse)
    ]
    if file_format is ExportFormat.XLSX:
        data = _xlsx(browse.register, headers, rows, password)
    else:
        data = _csv_zip(browse.register, headers, rows, password)
    out.write_bytes(data)
    record_export(ctx, browse.register, len(rows), str(file_format))
    return ExportResult(out, len(rows))


def suggested_name(register_name: str, file_format: ExportFormat, today: date) -> str:
    """A .csv export is a zip file; the name says so."""
    suffix = "xlsx" if file_format is ExportFormat.XLSX else "csv.zip"
    return f"{register_name}-{today.isoformat()}.{suffix}"
