"""A register printout's content: its headings and every entry's cells, as plain text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from msk_desktop.domain.errors import FieldError, Message, ValidationError
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.report_data import StationInfo, register_extract
from msk_desktop.reports.ledger_columns import LAYOUTS


@dataclass(frozen=True)
class LedgerData:
    register: str
    title: Message
    station: StationInfo
    first: date
    last: date
    headings: tuple[Message, ...]
    shares: tuple[float, ...]  # of the printable width, one per column
    rows: tuple[tuple[str, ...], ...]


def _refuse(field: str, hi: str, en: str) -> ValidationError:
    return ValidationError([FieldError(field, Message(hi, en))])


def build_ledger(ctx: OpContext, register: str, first: date, last: date) -> LedgerData:
    """The printout of ``register`` for entries dated ``first``..``last``."""
    layout = LAYOUTS.get(register)
    if layout is None:
        names = ", ".join(LAYOUTS)
        raise _refuse("register", f"रजिस्टर इनमें से चुनें: {names}", f"choose a register: {names}")
    if last < first:
        raise _refuse("to", "अन्तिम तिथि आरम्भ तिथि से पहले है", "the end date is before the start date")
    extract = register_extract(ctx, register, first, last, layout.fields)
    rows = tuple(
        # Roster slots have no serial number of their own: they are numbered as printed.
        tuple(
            column.write(row) if index or row.serial else str(number)
            for index, column in enumerate(layout.columns)
        )
        for number, row in enumerate(extract.rows, start=1)
    )
    return LedgerData(
        register=register,
        title=layout.title,
        station=extract.station,
        first=first,
        last=last,
        headings=tuple(c.label for c in layout.columns),
        shares=tuple(c.share for c in layout.columns),
        rows=rows,
    )
