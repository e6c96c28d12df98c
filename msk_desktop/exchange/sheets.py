"""Reading a station's spreadsheet register (.xlsx or .csv) as a header and numbered rows.

Row numbers are the spreadsheet's own (the header is row 1 in most files), so an error names
the row the user sees in Excel.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from msk_desktop.domain.errors import Message, MskError

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Sheet:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]  # (row number, cell values by column)

    def samples(self, column: int) -> str:
        """The first non-empty value of a column, to help the user recognise it."""
        for _number, cells in self.rows:
            if column < len(cells) and not _blank(cells[column]):
                return str(cells[column])
        return ""


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(value: Any) -> Any:
    """Spreadsheet values as the field cleaner takes them: 12.0 (Excel stores every number
    as a float) is 12; dates and times stay typed; everything else is text."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime | date | time | int | bool) or value is None:
        return value
    return str(value)


def _unreadable(path: Path, why: str) -> MskError:
    return MskError(
        Message(
            f"फ़ाइल पढ़ी नहीं जा सकी: {path.name} ({why})",
            f"The file could not be read: {path.name} ({why})",
        )
    )


def _table(path: Path, raw_rows: list[tuple[int, list[Any]]]) -> Sheet:
    filled = [(n, cells) for n, cells in raw_rows if not all(_blank(c) for c in cells)]
    if not filled:
        raise _unreadable(path, "empty / खाली")
    (_, header), body = filled[0], filled[1:]
    width = max(len(header), *(len(cells) for _, cells in body)) if body else len(header)
    headers = tuple(
        str(h).strip() if not _blank(h) else f"#{i + 1}"
        for i, h in enumerate([*header, *[None] * (width - len(header))])
    )
    rows = tuple(
        (n, tuple(_cell(c) for c in [*cells, *[None] * (width - len(cells))])) for n, cells in body
    )
    return Sheet(headers, rows)


def _read_xlsx(path: Path) -> Sheet:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _unreadable(path, type(exc).__name__) from None
    try:
        sheet = book.worksheets[0]
        rows = [(n, list(cells)) for n, cells in enumerate(sheet.iter_rows(values_only=True), 1)]
    finally:
        book.close()
    return _table(path, rows)


def _read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")  # Excel writes Hindi CSV as UTF-8 with a BOM
    except UnicodeDecodeError:
        raise _unreadable(path, "not UTF-8 / UTF-8 नहीं") from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    # A quoted cell may span lines, yet Excel shows each record as one row: count records.
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    return _table(path, [(n, list(cells)) for n, cells in enumerate(reader, 1)])


def read_sheet(path: Path) -> Sheet:
    if not path.is_file():
        raise MskError(Message(f"फ़ाइल नहीं मिली: {path}", f"No such file: {path}"))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _unreadable(path, "larger than 50 MB / 50 MB से बड़ी")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise MskError(
        Message(
            f"केवल .xlsx या .csv फ़ाइल आयात की जा सकती है, न कि {suffix or path.name}",
            f"Only .xlsx or .csv files can be imported, not {suffix or path.name}",
        )
    )
