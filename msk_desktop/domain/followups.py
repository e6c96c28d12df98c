"""When each register's open entries next need a follow-up."""

from __future__ import annotations

from datetime import date, timedelta

from msk_desktop.domain.deadlines import DeadlineState, open_state

FOLLOW_UP_INTERVAL_DAYS: dict[str, int] = {
    "helpdesk_application": 7,
    "ppk_referral": 15,
    "support_referral": 15,
    "preventive_action": 30,
    "counselling_case": 7,
}


def next_follow_up_due(register: str, last_activity_on: date) -> date:
    interval = FOLLOW_UP_INTERVAL_DAYS.get(register)
    if interval is None:
        raise ValueError(f"register {register!r} has no follow-up interval")
    return last_activity_on + timedelta(days=interval)


def follow_up_status(due_on: date, today: date) -> DeadlineState:
    """OVERDUE, DUE_SOON or PENDING, on the same scale as the legal time limits."""
    return open_state(due_on, today)
