from __future__ import annotations

from datetime import date

import pytest

from msk_desktop.domain.bonds import (
    BOND_EXPIRY_WARNING_DAYS,
    BondState,
    bond_expiry,
    bond_state,
    check_bond_period,
)
from msk_desktop.domain.catalogue import preventive_action_catalogue


@pytest.mark.parametrize(
    ("code", "ordered_on", "months", "expiry"),
    [
        ("bond_peace", date(2025, 1, 1), None, date(2025, 12, 31)),
        ("bond_peace", date(2025, 3, 15), 6, date(2025, 9, 14)),
        ("bond_peace", date(2025, 1, 31), 1, date(2025, 2, 27)),
        ("bond_suspect", date(2024, 7, 1), None, date(2025, 6, 30)),
        ("bond_habitual", date(2024, 2, 29), None, date(2027, 2, 27)),
        ("bond_habitual", date(2025, 6, 10), 24, date(2027, 6, 9)),
        ("inquiry_interim", date(2025, 8, 31), None, date(2026, 2, 27)),
        ("goonda_extern", date(2025, 1, 10), 6, date(2025, 7, 9)),
        ("goonda_extern", date(2025, 1, 10), None, None),
        ("arrest_prevent", date(2025, 1, 10), None, None),
    ],
)
def test_bond_expiry(code: str, ordered_on: date, months: int | None, expiry: date | None) -> None:
    kind = preventive_action_catalogue().require(code)
    assert bond_expiry(kind, ordered_on, months) == expiry


def test_bond_expiry_refuses_an_empty_period() -> None:
    kind = preventive_action_catalogue().require("bond_peace")
    with pytest.raises(ValueError):
        bond_expiry(kind, date(2025, 1, 1), 0)


@pytest.mark.parametrize(
    ("code", "months", "expected"),
    [
        ("bond_peace", None, []),
        ("bond_peace", 1, []),
        ("bond_peace", 12, []),
        ("bond_peace", 13, [("BNSS 126: अधिकतम 12 माह", "BNSS 126: at most 12 months")]),
        ("bond_habitual", 36, []),
        ("bond_habitual", 37, [("BNSS 129: अधिकतम 36 माह", "BNSS 129: at most 36 months")]),
        ("inquiry_interim", 7, [("BNSS 135: अधिकतम 6 माह", "BNSS 135: at most 6 months")]),
        (
            "bond_peace",
            0,
            [("अवधि कम से कम 1 माह होनी चाहिए", "the period must be at least 1 month")],
        ),
        ("goonda_extern", None, []),
        ("goonda_extern", 60, []),
        (
            "goonda_extern",
            61,
            [("अवधि 1 से 60 माह के बीच होनी चाहिए", "the period must be between 1 and 60 months")],
        ),
        (
            "romeo_warning",
            -2,
            [("अवधि 1 से 60 माह के बीच होनी चाहिए", "the period must be between 1 and 60 months")],
        ),
    ],
)
def test_check_bond_period(code: str, months: int | None, expected: list[tuple[str, str]]) -> None:
    kind = preventive_action_catalogue().require(code)
    errors = check_bond_period(kind, months)
    assert [e.field for e in errors] == ["bond_months"] * len(expected)
    assert [(e.message.hi, e.message.en) for e in errors] == expected


@pytest.mark.parametrize(
    ("expiry", "today", "state"),
    [
        (None, date(2025, 6, 1), BondState.NO_EXPIRY),
        (date(2025, 12, 31), date(2025, 11, 30), BondState.ACTIVE),
        (date(2025, 12, 31), date(2025, 12, 1), BondState.EXPIRING),
        (date(2025, 12, 31), date(2025, 12, 31), BondState.EXPIRING),
        (date(2025, 12, 31), date(2026, 1, 1), BondState.EXPIRED),
        (date(2025, 12, 31), date(2025, 1, 1), BondState.ACTIVE),
    ],
)
def test_bond_state(expiry: date | None, today: date, state: BondState) -> None:
    assert BOND_EXPIRY_WARNING_DAYS == 30
    assert bond_state(expiry, today) is state
