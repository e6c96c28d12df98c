from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msk_desktop.domain.dates import (
    IST,
    add_months,
    ascii_digits,
    days_en,
    format_date,
    ist_date,
    parse_date,
    parse_date_span,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2024, 7, 1), "01-07-2024"),
        (date(2025, 12, 31), "31-12-2025"),
        (date(5, 1, 9), "09-01-0005"),
    ],
)
def test_format_date(value: date, expected: str) -> None:
    assert format_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01-07-2024", date(2024, 7, 1)),
        ("1/7/2024", date(2024, 7, 1)),
        ("01.07.2024", date(2024, 7, 1)),
        ("2024-07-01", date(2024, 7, 1)),
        (" 31-12-2025 ", date(2025, 12, 31)),
        ("०१-०७-२०२४", date(2024, 7, 1)),
        ("२९/०२/२०२४", date(2024, 2, 29)),
        ("२०२५-०२-२८", date(2025, 2, 28)),
    ],
)
def test_parse_date_accepts(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "2024/07/01",
        "01-07/2024",
        "1-7-24",
        "31-02-2025",
        "29-02-2025",
        "01-13-2024",
        "2024-13-01",
        "١٢-٠٧-٢٠٢٤",  # Arabic-Indic digits are not what Hindi keyboards type
        "01-07-2024 10:00",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 12, 31), 2, date(2025, 2, 28)),
        (date(2023, 12, 31), 2, date(2024, 2, 29)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2020, 2, 29), 12, date(2021, 2, 28)),
        (date(2024, 5, 10), -17, date(2022, 12, 10)),
        (date(2024, 7, 15), 0, date(2024, 7, 15)),
        (date(2025, 1, 15), 36, date(2028, 1, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(min_value=date(100, 1, 1), max_value=date(9800, 12, 31)), st.integers(-1000, 1000))
def test_add_months_lands_in_the_right_month_and_clamps(start: date, months: int) -> None:
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    month_end = calendar.monthrange(moved.year, moved.month)[1]
    assert moved.day == min(start.day, month_end)


@given(st.dates())
def test_format_then_parse_round_trips(value: date) -> None:
    assert parse_date(format_date(value)) == value


def test_ascii_digits_leaves_other_text_alone() -> None:
    assert ascii_digits("धारा ३७६ (3)") == "धारा 376 (3)"


@pytest.mark.parametrize(("n", "expected"), [(0, "0 days"), (1, "1 day"), (12, "12 days")])
def test_days_en(n: int, expected: str) -> None:
    assert days_en(n) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2025, 3, 1, 20, 0, tzinfo=UTC), date(2025, 3, 2)),
        (datetime(2025, 3, 1, 18, 29, tzinfo=UTC), date(2025, 3, 1)),
        (datetime(2025, 3, 1, 23, 59, tzinfo=IST), date(2025, 3, 1)),
        (datetime(2025, 3, 2, 1, 0, tzinfo=timezone(timedelta(hours=9))), date(2025, 3, 1)),
    ],
)
def test_ist_date(moment: datetime, expected: date) -> None:
    assert ist_date(moment) == expected


def test_ist_date_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError):
        ist_date(datetime(2025, 3, 1, 10, 0))


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("05-11-2025", date(2025, 11, 5), date(2025, 11, 6)),
        ("११-२०२५", date(2025, 11, 1), date(2025, 12, 1)),
        ("12-2025", date(2025, 12, 1), date(2026, 1, 1)),
        ("2024", date(2024, 1, 1), date(2025, 1, 1)),
        ("01-10-2025..10-2025", date(2025, 10, 1), date(2025, 11, 1)),
        (" 2024 .. 2025 ", date(2024, 1, 1), date(2026, 1, 1)),
    ],
)
def test_date_spans_a_filter_means(typed: str, start: date, end: date) -> None:
    assert parse_date_span(typed) == (start, end)


@pytest.mark.parametrize("typed", ["13-2025", "31-02-2025", "abc", "", "2025..2024", "5"])
def test_date_spans_that_make_no_sense_are_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_date_span(typed)
