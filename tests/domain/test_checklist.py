"""The checklist's own rules, at their boundaries."""

from __future__ import annotations

from datetime import date

from msk_desktop.domain.checklist import (
    HELPDESK_SILENCE_DAYS,
    INVESTIGATION_STATES,
    PointCode,
    bond_lapsed,
    checklist_points,
    days_silent,
    outcome_expected_by,
)
from msk_desktop.domain.deadlines import DeadlineState

TODAY = date(2026, 3, 16)


def test_an_application_is_stale_only_after_the_allowed_silence() -> None:
    assert days_silent(date(2026, 3, 1), TODAY) is None  # exactly 15 days
    assert days_silent(date(2026, 2, 28), TODAY) == HELPDESK_SILENCE_DAYS + 1


def test_outcome_expected_after_one_follow_up_interval_or_the_cooling_off() -> None:
    assert outcome_expected_by("support_referral", date(2026, 3, 1), None) == date(2026, 3, 16)
    assert outcome_expected_by("ppk_referral", date(2026, 3, 1), date(2026, 5, 1)) == date(
        2026, 5, 1
    )
    # A cooling-off already over does not bring the date forward.
    assert outcome_expected_by("ppk_referral", date(2026, 3, 1), date(2026, 3, 2)) == date(
        2026, 3, 16
    )


def test_a_bond_lapses_when_it_ran_out_and_nobody_decided() -> None:
    ran_out, running = date(2026, 3, 15), date(2026, 3, 16)
    assert bond_lapsed("active", ran_out, TODAY)
    assert bond_lapsed("expired", ran_out, TODAY)
    assert not bond_lapsed("active", running, TODAY)  # its last day is today
    assert not any(bond_lapsed(s, ran_out, TODAY) for s in ("renewed", "closed", "breached"))
    assert not bond_lapsed("active", None, TODAY)  # an order with no period never runs out


def test_every_point_in_order_even_without_evidence() -> None:
    points = checklist_points({})
    assert [p.code for p in points] == list(PointCode)
    assert all(p.count == 0 and p.title.hi and p.title.en for p in points)
    assert DeadlineState.OVERDUE in INVESTIGATION_STATES
