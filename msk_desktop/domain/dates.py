"""Dates as police registers write them (DD-MM-YYYY) and calendar-month arithmetic."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta, timezone

# Every station is in Uttar Pradesh; "the date the FIR was registered" means the Indian date,
# whatever zone a stored timestamp happens to carry.
IST = timezone(timedelta(hours=5, minutes=30), "IST")

_DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def ascii_digits(text: str) -> str:
    """Devanagari digits (which Hindi keyboards type) turned into 0-9."""
    return text.translate(_DEVANAGARI_DIGITS)


def format_date(d: date) -> str:
    # Not strftime: its padding of years below 1000 differs between platforms.
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def parse_date(text: str) -> date:
    cleaned = ascii_digits(text.strip())
    if match := _DAY_FIRST.fullmatch(cleaned):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif match := _ISO.fullmatch(cleaned):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        raise ValueError(f"not a date: {text!r} (expected DD-MM-YYYY)")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"no such date: {text!r} ({exc})") from None


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole calendar months; a day missing in the target month becomes its last."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def days_en(n: int) -> str:
    """English day count with the right plural ("1 day", "2 days"); Hindi "दिन" needs none."""
    return "1 day" if n == 1 else f"{n} days"


def ist_date(moment: datetime) -> date:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a timezone-aware datetime is required")
    return moment.astimezone(IST).date()


_MONTH = re.compile(r"([0-9]{1,2})[-/.]([0-9]{4})")
_YEAR = re.compile(r"[0-9]{4}")


def parse_date_span(text: str) -> tuple[date, date]:
    """The days a filter means, as (first day, day after the last): "05-11-2025" one day,
    "11-2025" a month, "2025" a year, and "A..B" from A's first day to B's last."""
    first, dots, last = ascii_digits(text.strip()).partition("..")
    if dots:
        start, _ = parse_date_span(first)
        _, end = parse_date_span(last)
        if end <= start:
            raise ValueError(f"the range ends before it starts: {text!r}")
        return start, end
    cleaned = first.strip()
    if match := _MONTH.fullmatch(cleaned):
        month, year = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"no such month: {text!r}")
        start = date(year, month, 1)
        return start, add_months(start, 1)
    if _YEAR.fullmatch(cleaned):
        year = int(cleaned)
        return date(year, 1, 1), date(year + 1, 1, 1)
    day = parse_date(cleaned)
    return day, day + timedelta(days=1)


def format_moment(moment: datetime) -> str:
    """A stored moment as Indian time, the way registers write it: "05-11-2025 14:30"."""
    local = moment.astimezone(IST)
    return f"{format_date(local.date())} {local:%H:%M}"
