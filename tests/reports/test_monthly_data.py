"""The monthly report's figures for October 2025 of the October station, against the numbers
worked out by hand in ``october.py``."""

from __future__ import annotations

from datetime import date

import pytest

from msk_desktop.domain.deadlines import DeadlineRule, DeadlineState
from msk_desktop.domain.errors import ValidationError
from msk_desktop.reports.monthly_data import MonthlyReport, ReportMonth, build_monthly_report
from tests.ops.conftest import StationHandle

OCTOBER = ReportMonth(2025, 10)


@pytest.fixture
def report(october: StationHandle) -> MonthlyReport:
    return build_monthly_report(october.ctx, OCTOBER)


def test_the_report_is_judged_on_the_last_day_of_the_month(report: MonthlyReport) -> None:
    assert report.as_of == date(2025, 10, 31)
    assert report.station.name.en == "Test Thana"
    assert report.station.in_charge == "Fictional Incharge"


def test_counts_by_crime_head(report: MonthlyReport) -> None:
    heads = {h.head: (h.received, h.disposed, h.pending_at_end) for h in report.heads}
    assert heads == {
        "rape": (1, 1, 1),  # FIR 3 received and disposed; FIR 1 pending
        "molestation": (0, 1, 0),  # FIR 2 chargesheeted 05-10
        "cruelty": (1, 0, 1),  # FIR 4
        "pocso": (0, 0, 1),  # FIR 5
    }
    total = report.head_total
    assert (total.received, total.disposed, total.pending_at_end) == (2, 2, 3)


def test_investigations_overdue_and_due(report: MonthlyReport) -> None:
    lines = [(i.crime_no, i.state, i.days, i.due_on) for i in report.investigations]
    assert lines == [
        ("1/2025", DeadlineState.OVERDUE, 31, date(2025, 9, 30)),
        ("5/2025", DeadlineState.DUE_SOON, 4, date(2025, 11, 4)),
    ]


def test_time_limits_met_in_the_month(report: MonthlyReport) -> None:
    met = {t.rule: (t.on_time, t.late) for t in report.deadlines}
    # FIR 3 on day 17; FIR 6 finished late but in August; no milestone was recorded.
    assert met[DeadlineRule.INVESTIGATION_60] == (1, 0)
    assert all(met[rule] == (0, 0) for rule in met if rule is not DeadlineRule.INVESTIGATION_60)


def test_itsso_rates_of_the_month(report: MonthlyReport) -> None:
    rates = report.rates_month
    # Pending on 30-09: FIRs 1, 2, 5. Received 3, 4; disposed 2, 3; pending on 31-10: 1, 4, 5.
    assert (rates.pending_at_start, rates.received, rates.disposed, rates.pending_at_end) == (
        3,
        2,
        2,
        3,
    )
    assert rates.disposal_rate == pytest.approx(2 / 5)
    assert rates.pendency_rate == pytest.approx(3 / 5)
    assert (rates.finished_60_day, rates.finished_60_day_in_time) == (1, 1)
    assert rates.compliance_rate == pytest.approx(1.0)


def test_itsso_rates_of_the_year_to_date(report: MonthlyReport) -> None:
    rates = report.rates_year
    # Pending on 31-12-2024: FIR 7. Received in 2025: six. Disposed: 2, 3, 6, 7.
    assert (rates.pending_at_start, rates.received, rates.disposed, rates.pending_at_end) == (
        1,
        6,
        4,
        3,
    )
    assert rates.disposal_rate == pytest.approx(4 / 7)
    assert rates.pendency_rate == pytest.approx(3 / 7)
    # Under the 60-day rule: FIR 3 in time, FIR 6 late.
    assert rates.compliance_rate == pytest.approx(1 / 2)


def test_trend_of_twelve_months_by_head(report: MonthlyReport) -> None:
    assert report.trend.months[0] == ReportMonth(2024, 11)
    assert report.trend.months[-1] == OCTOBER
    assert len(report.trend.months) == 12
    series = {s.head: s.counts for s in report.trend.series}
    index = {m: i for i, m in enumerate(report.trend.months)}

    def only(*months: ReportMonth) -> tuple[int, ...]:
        counts = [0] * 12
        for month in months:
            counts[index[month]] += 1
        return tuple(counts)

    assert series == {
        "rape": only(ReportMonth(2025, 6), ReportMonth(2025, 8), OCTOBER),
        "molestation": only(ReportMonth(2024, 12), ReportMonth(2025, 9)),
        "cruelty": only(OCTOBER),
        "pocso": only(ReportMonth(2025, 9)),
    }


def test_preventive_actions_by_kind(report: MonthlyReport) -> None:
    counts = {t.code: t.count for t in report.preventive if t.count}
    assert counts == {"bond_peace": 2, "bond_suspect": 1}
    assert report.preventive_total == 3


def test_help_desk_applications(report: MonthlyReport) -> None:
    helpdesk = report.helpdesk
    assert (helpdesk.received, helpdesk.disposed, helpdesk.pending_at_end) == (3, 3, 2)
    assert helpdesk.average_days_to_dispose == pytest.approx((10 + 14 + 5) / 3)


def test_counselling_and_ppk(report: MonthlyReport) -> None:
    counselling = report.counselling
    assert (
        counselling.opened,
        counselling.mandatory_opened,
        counselling.closed,
        counselling.open_at_end,
    ) == (2, 1, 2, 1)
    assert {t.code: t.count for t in counselling.outcomes if t.count} == {
        "reconciled": 1,
        "referred_ppk": 1,
    }
    ppk = report.ppk
    assert (ppk.referred, ppk.outcomes_received, ppk.pending_at_end) == (1, 1, 1)
    assert {t.code: t.count for t in ppk.outcomes if t.count} == {"settled": 1}


def test_support_referrals(report: MonthlyReport) -> None:
    lines = {s.service: (s.referred, s.results, s.provided) for s in report.support}
    assert lines["osc"] == (1, 1, 1)
    assert lines["dlsa_compensation"] == (1, 0, 0)
    assert sum(s.referred for s in report.support) == 2


def test_awareness_programmes_and_people_reached(report: MonthlyReport) -> None:
    lines = {a.kind: (a.programmes, a.people_reached) for a in report.awareness}
    assert lines["cyber_safety"] == (2, 200)
    assert lines["women_safety"] == (1, 50)  # the November programme is not counted
    assert sum(a.programmes for a in report.awareness) == 3


def test_roster_coverage(report: MonthlyReport) -> None:
    lines = {r.roster: (r.shifts, r.staffed, r.coverage) for r in report.rosters}
    assert lines == {
        "help_desk": (2, 1, 0.5),
        "anti_romeo": (1, 1, 1.0),
        "women_beat": (0, 0, None),
    }


def test_staff_position_against_the_circular(report: MonthlyReport) -> None:
    lines = [(s.title.en, s.norm, s.posted, s.women) for s in report.staff]
    assert lines == [
        ("In-charge", "1", 1, 1),
        ("Sub-inspectors", "1-4", 0, 0),
        ("Head constables / constables", "4-15", 2, 1),
        ("Women home guards", "1-2", 0, 0),
        ("Counsellors", "-", 0, 0),
    ]
    # Too few sub-inspectors, constables and home guards: the circular is not met.
    assert any(f.violation for f in report.staff_findings)


def test_inspection_directions_and_compliance(report: MonthlyReport) -> None:
    directions = report.directions
    assert (
        directions.given,
        directions.complied,
        directions.open_at_end,
        directions.overdue_at_end,
    ) == (3, 1, 2, 1)
    open_lines = [(d.direction, d.overdue_days) for d in directions.open_lines]
    assert open_lines == [("D1 परीक्षण", 11), ("D2 परीक्षण", None)]


def test_a_month_not_yet_begun_is_refused(october: StationHandle) -> None:
    with pytest.raises(ValidationError) as caught:
        build_monthly_report(october.ctx, ReportMonth(2026, 4))
    assert caught.value.errors[0].field == "month"


@pytest.mark.parametrize("text", ["2025-13", "2025/10", "October", ""])
def test_a_badly_written_month_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        ReportMonth.parse(text)
