from __future__ import annotations

from datetime import date

import pytest

from msk_desktop.domain.deadlines import DeadlineState
from msk_desktop.domain.followups import (
    FOLLOW_UP_INTERVAL_DAYS,
    follow_up_status,
    next_follow_up_due,
)


def test_intervals() -> None:
    assert FOLLOW_UP_INTERVAL_DAYS == {
        "helpdesk_application": 7,
        "ppk_referral": 15,
        "support_referral": 15,
        "preventive_action": 30,
        "counselling_case": 7,
    }


@pytest.mark.parametrize(
    ("register", "last_activity_on", "due_on"),
    [
        ("helpdesk_application", date(2025, 2, 25), date(2025, 3, 4)),
        ("counselling_case", date(2024, 12, 28), date(2025, 1, 4)),
        ("ppk_referral", date(2025, 1, 20), date(2025, 2, 4)),
        ("support_referral", date(2024, 2, 20), date(2024, 3, 6)),
        ("preventive_action", date(2025, 1, 31), date(2025, 3, 2)),
    ],
)
def test_next_follow_up_due(register: str, last_activity_on: date, due_on: date) -> None:
    assert next_follow_up_due(register, last_activity_on) == due_on


def test_unknown_register_has_no_follow_up() -> None:
    with pytest.raises(ValueError, match="fir"):
        next_follow_up_due("fir", date(2025, 1, 1))


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2025, 2, 20), DeadlineState.PENDING),
        (date(2025, 2, 25), DeadlineState.DUE_SOON),
        (date(2025, 3, 4), DeadlineState.DUE_SOON),
        (date(2025, 3, 5), DeadlineState.OVERDUE),
        (date(2025, 6, 1), DeadlineState.OVERDUE),
    ],
)
def test_follow_up_status(today: date, state: DeadlineState) -> None:
    assert follow_up_status(date(2025, 3, 4), today) is state
