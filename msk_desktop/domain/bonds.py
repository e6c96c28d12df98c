"""Periods and expiry of preventive-action bonds (BNSS 126-135)."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from msk_desktop.domain.catalogue import PreventiveActionKind
from msk_desktop.domain.dates import add_months
from msk_desktop.domain.errors import FieldError, Message

# No statutory ceiling applies to these kinds; five years only stops typing slips (120 for 12).
OPEN_ENDED_MAX_MONTHS = 60
BOND_EXPIRY_WARNING_DAYS = 30


class BondState(StrEnum):
    ACTIVE = "active"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    NO_EXPIRY = "no_expiry"


def bond_expiry(kind: PreventiveActionKind, ordered_on: date, months: int | None) -> date | None:
    """Last day the bond binds: a period of N months counts the order date as its first day."""
    period = kind.max_months if months is None else months
    if period is None:
        return None
    if period < 1:
        raise ValueError(f"a bond period must be at least one month, not {period}")
    return add_months(ordered_on, period) - timedelta(days=1)


def check_bond_period(kind: PreventiveActionKind, months: int | None) -> list[FieldError]:
    if months is None:
        return []
    if kind.max_months is None:
        if 1 <= months <= OPEN_ENDED_MAX_MONTHS:
            return []
        message = Message(
            hi=f"अवधि 1 से {OPEN_ENDED_MAX_MONTHS} माह के बीच होनी चाहिए",
            en=f"the period must be between 1 and {OPEN_ENDED_MAX_MONTHS} months",
        )
    elif months < 1:
        message = Message(
            hi="अवधि कम से कम 1 माह होनी चाहिए", en="the period must be at least 1 month"
        )
    elif months > kind.max_months:
        law = f"{kind.law} {kind.section}"
        message = Message(
            hi=f"{law}: अधिकतम {kind.max_months} माह", en=f"{law}: at most {kind.max_months} months"
        )
    else:
        return []
    return [FieldError("bond_months", message)]


def bond_state(expiry: date | None, today: date) -> BondState:
    if expiry is None:
        return BondState.NO_EXPIRY
    remaining = (expiry - today).days
    if remaining < 0:
        return BondState.EXPIRED
    if remaining <= BOND_EXPIRY_WARNING_DAYS:
        return BondState.EXPIRING
    return BondState.ACTIVE
