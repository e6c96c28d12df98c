from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msk_desktop.domain.catalogue import SectionRef, offence_catalogue
from msk_desktop.domain.dates import IST
from msk_desktop.domain.deadlines import (
    DUE_SOON_DAYS,
    RULE_INFO,
    CaseFacts,
    DeadlineRule,
    DeadlineState,
    DeadlineStatus,
    case_deadlines,
    evaluate,
    open_state,
)

S = DeadlineState
R = DeadlineRule
INV = R.INVESTIGATION_60


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=IST)


def facts(*sections: str, **changes: Any) -> CaseFacts:
    base = CaseFacts(
        registered_at=at(2025, 3, 1, 10),
        offence_date=date(2025, 2, 28),
        sections=tuple(SectionRef.parse(s) for s in sections),
        investigation_done_on=None,
        first_victim_update_on=None,
        medical_exam_at=None,
        medical_report_forwarded_on=None,
        cwc_reported_at=None,
        closed_without_investigation=False,
    )
    return replace(base, **changes)


Row = tuple[DeadlineRule, DeadlineState, date | None, date | None, int]


def table(statuses: list[DeadlineStatus]) -> list[Row]:
    return [(s.rule, s.state, s.due_on, s.done_on, s.days) for s in statuses]


def not_applicable(rule: DeadlineRule) -> Row:
    return (rule, S.NOT_APPLICABLE, None, None, 0)


# --- evaluate ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("done_on", "today", "state", "days"),
    [
        (date(2025, 5, 15), date(2025, 6, 1), S.MET_LATE, 15),
        (date(2025, 5, 1), date(2025, 5, 1), S.MET_LATE, 1),
        (date(2025, 4, 30), date(2025, 6, 1), S.MET_ON_TIME, 0),
        (date(2025, 4, 20), date(2025, 4, 20), S.MET_ON_TIME, 10),
        (date(2025, 4, 1), date(2026, 1, 1), S.MET_ON_TIME, 29),
        (None, date(2025, 5, 12), S.OVERDUE, 12),
        (None, date(2025, 5, 1), S.OVERDUE, 1),
        (None, date(2025, 4, 30), S.DUE_SOON, 0),
        (None, date(2025, 4, 23), S.DUE_SOON, 7),
        (None, date(2025, 4, 22), S.PENDING, 8),
        (None, date(2025, 3, 1), S.PENDING, 60),
    ],
)
def test_evaluate(done_on: date | None, today: date, state: DeadlineState, days: int) -> None:
    status = evaluate(INV, date(2025, 4, 30), done_on, today)
    assert (status.rule, status.state, status.due_on, status.done_on, status.days) == (
        INV,
        state,
        date(2025, 4, 30),
        done_on,
        days,
    )


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2025, 1, 1), S.PENDING),
        (date(2025, 1, 2), S.DUE_SOON),
        (date(2025, 1, 9), S.DUE_SOON),
        (date(2025, 1, 10), S.OVERDUE),
    ],
)
def test_open_state(today: date, state: DeadlineState) -> None:
    assert open_state(date(2025, 1, 9), today) is state


def test_due_soon_window_is_a_week() -> None:
    assert DUE_SOON_DAYS == 7


def test_every_rule_has_a_title_and_source() -> None:
    assert set(RULE_INFO) == set(DeadlineRule)
    assert RULE_INFO[R.INVESTIGATION_60].source == "BNSS 193(2); CrPC 173(1A)"
    assert RULE_INFO[R.VICTIM_UPDATE_90].source == "BNSS 193(3)(ii)"
    assert RULE_INFO[R.MEDICAL_REPORT_7D].source == "BNSS 184(6)"
    assert RULE_INFO[R.POCSO_CWC_24H].source == "POCSO 19(6)"
    for info in RULE_INFO.values():
        assert info.title.hi and info.title.en and info.title.hi != info.title.en


@pytest.mark.parametrize(
    ("status", "hi", "en"),
    [
        (
            DeadlineStatus(INV, S.OVERDUE, date(2025, 4, 30), None, 12),
            "विवेचना (60 दिन): 12 दिन से समय-सीमा पार",
            "Investigation (60 days): overdue by 12 days",
        ),
        (
            DeadlineStatus(INV, S.MET_LATE, date(2025, 4, 30), date(2025, 5, 15), 15),
            "विवेचना (60 दिन): समय-सीमा के 15 दिन बाद पूर्ण",
            "Investigation (60 days): completed late by 15 days",
        ),
        (
            DeadlineStatus(INV, S.MET_LATE, date(2025, 4, 30), date(2025, 5, 1), 1),
            "विवेचना (60 दिन): समय-सीमा के 1 दिन बाद पूर्ण",
            "Investigation (60 days): completed late by 1 day",
        ),
        (
            DeadlineStatus(INV, S.MET_ON_TIME, date(2025, 4, 30), date(2025, 4, 30), 0),
            "विवेचना (60 दिन): अंतिम तिथि को पूर्ण",
            "Investigation (60 days): completed on the due date",
        ),
        (
            DeadlineStatus(INV, S.MET_ON_TIME, date(2025, 4, 30), date(2025, 4, 20), 10),
            "विवेचना (60 दिन): समय-सीमा से 10 दिन पूर्व पूर्ण",
            "Investigation (60 days): completed 10 days before the due date",
        ),
        (
            DeadlineStatus(INV, S.DUE_SOON, date(2025, 4, 30), None, 0),
            "विवेचना (60 दिन): अंतिम तिथि आज",
            "Investigation (60 days): due today",
        ),
        (
            DeadlineStatus(INV, S.DUE_SOON, date(2025, 4, 30), None, 3),
            "विवेचना (60 दिन): अंतिम तिथि 30-04-2025 (3 दिन शेष)",
            "Investigation (60 days): due on 30-04-2025 (3 days left)",
        ),
        (
            DeadlineStatus(R.VICTIM_UPDATE_90, S.PENDING, date(2025, 5, 30), None, 40),
            "पीड़िता को विवेचना की प्रगति की सूचना (90 दिन): अंतिम तिथि 30-05-2025 (40 दिन शेष)",
            "Victim told of progress (90 days): due on 30-05-2025 (40 days left)",
        ),
        (
            DeadlineStatus(R.POCSO_CWC_24H, S.NOT_APPLICABLE, None, None, 0),
            "बाल कल्याण समिति एवं विशेष न्यायालय को सूचना (24 घण्टे): लागू नहीं",
            "Report to the CWC and Special Court (24 hours): does not apply",
        ),
    ],
)
def test_describe(status: DeadlineStatus, hi: str, en: str) -> None:
    assert (status.describe().hi, status.describe().en) == (hi, en)


@pytest.mark.parametrize(
    ("state", "due_on", "done_on", "days"),
    [
        (S.OVERDUE, date(2025, 4, 30), None, -1),
        (S.OVERDUE, date(2025, 4, 30), date(2025, 5, 1), 1),
        (S.MET_LATE, date(2025, 4, 30), None, 3),
        (S.MET_LATE, date(2025, 4, 30), date(2025, 4, 30), 0),
        (S.PENDING, None, None, 10),
        (S.NOT_APPLICABLE, date(2025, 4, 30), None, 0),
        (S.NOT_APPLICABLE, None, None, 4),
    ],
)
def test_inconsistent_statuses_cannot_be_built(
    state: DeadlineState, due_on: date | None, done_on: date | None, days: int
) -> None:
    with pytest.raises(ValueError):
        DeadlineStatus(INV, state, due_on, done_on, days)


# --- case_deadlines ----------------------------------------------------------------------------


CASES: list[tuple[str, CaseFacts, date, list[Row]]] = [
    (
        "rape FIR, chargesheet on day 75, everything else on time",
        facts(
            "BNS 64",
            investigation_done_on=date(2025, 5, 15),
            first_victim_update_on=date(2025, 4, 15),
            medical_exam_at=at(2025, 3, 1, 18),
            medical_report_forwarded_on=date(2025, 3, 5),
        ),
        date(2025, 6, 1),
        [
            (R.INVESTIGATION_60, S.MET_LATE, date(2025, 4, 30), date(2025, 5, 15), 15),
            (R.VICTIM_UPDATE_90, S.MET_ON_TIME, date(2025, 5, 30), date(2025, 4, 15), 45),
            (R.MEDICAL_EXAM_24H, S.MET_ON_TIME, date(2025, 3, 2), date(2025, 3, 1), 1),
            (R.MEDICAL_REPORT_7D, S.MET_ON_TIME, date(2025, 3, 8), date(2025, 3, 5), 3),
            not_applicable(R.POCSO_CWC_24H),
        ],
    ),
    (
        "POCSO 8 the next day: CWC report due today, no medical rule",
        facts("POCSO 8"),
        date(2025, 3, 2),
        [
            (R.INVESTIGATION_60, S.PENDING, date(2025, 4, 30), None, 59),
            (R.VICTIM_UPDATE_90, S.PENDING, date(2025, 5, 30), None, 89),
            not_applicable(R.MEDICAL_EXAM_24H),
            not_applicable(R.MEDICAL_REPORT_7D),
            (R.POCSO_CWC_24H, S.DUE_SOON, date(2025, 3, 2), None, 0),
        ],
    ),
    (
        "POCSO 8 two days on: CWC report overdue",
        facts("POCSO 8"),
        date(2025, 3, 3),
        [
            (R.INVESTIGATION_60, S.PENDING, date(2025, 4, 30), None, 58),
            (R.VICTIM_UPDATE_90, S.PENDING, date(2025, 5, 30), None, 88),
            not_applicable(R.MEDICAL_EXAM_24H),
            not_applicable(R.MEDICAL_REPORT_7D),
            (R.POCSO_CWC_24H, S.OVERDUE, date(2025, 3, 2), None, 1),
        ],
    ),
    (
        "POCSO 4: medical exam 23 hours late, report 2 days late, CWC an hour late",
        facts(
            "POCSO 4",
            medical_exam_at=at(2025, 3, 3, 9),
            medical_report_forwarded_on=date(2025, 3, 12),
            cwc_reported_at=at(2025, 3, 2, 11),
        ),
        date(2025, 3, 20),
        [
            (R.INVESTIGATION_60, S.PENDING, date(2025, 4, 30), None, 41),
            (R.VICTIM_UPDATE_90, S.PENDING, date(2025, 5, 30), None, 71),
            (R.MEDICAL_EXAM_24H, S.MET_LATE, date(2025, 3, 2), date(2025, 3, 3), 1),
            (R.MEDICAL_REPORT_7D, S.MET_LATE, date(2025, 3, 10), date(2025, 3, 12), 2),
            (R.POCSO_CWC_24H, S.MET_LATE, date(2025, 3, 2), date(2025, 3, 2), 1),
        ],
    ),
    (
        "POCSO 6: CWC told a minute before the 24 hours ran out (reported in UTC)",
        facts("POCSO 6", cwc_reported_at=datetime(2025, 3, 2, 4, 29, tzinfo=UTC)),
        date(2025, 3, 2),
        [
            (R.INVESTIGATION_60, S.PENDING, date(2025, 4, 30), None, 59),
            (R.VICTIM_UPDATE_90, S.PENDING, date(2025, 5, 30), None, 89),
            (R.MEDICAL_EXAM_24H, S.DUE_SOON, date(2025, 3, 2), None, 0),
            (R.MEDICAL_REPORT_7D, S.DUE_SOON, date(2025, 3, 8), None, 6),
            (R.POCSO_CWC_24H, S.MET_ON_TIME, date(2025, 3, 2), date(2025, 3, 2), 0),
        ],
    ),
    (
        "BNS 69 has no 60-day rule but is a rape case",
        facts("BNS 69"),
        date(2025, 3, 12),
        [
            not_applicable(R.INVESTIGATION_60),
            (R.VICTIM_UPDATE_90, S.PENDING, date(2025, 5, 30), None, 79),
            (R.MEDICAL_EXAM_24H, S.OVERDUE, date(2025, 3, 2), None, 10),
            (R.MEDICAL_REPORT_7D, S.OVERDUE, date(2025, 3, 8), None, 4),
            not_applicable(R.POCSO_CWC_24H),
        ],
    ),
    (
        "registered 30 Jun 2024: CrPC, so no 90-day update rule",
        facts("IPC 376", registered_at=at(2024, 6, 30, 10), offence_date=date(2024, 6, 29)),
        date(2024, 8, 1),
        [
            (R.INVESTIGATION_60, S.PENDING, date(2024, 8, 29), None, 28),
            not_applicable(R.VICTIM_UPDATE_90),
            (R.MEDICAL_EXAM_24H, S.OVERDUE, date(2024, 7, 1), None, 31),
            (R.MEDICAL_REPORT_7D, S.OVERDUE, date(2024, 7, 7), None, 25),
            not_applicable(R.POCSO_CWC_24H),
        ],
    ),
    (
        "19:00 UTC on 30 Jun 2024 is 1 Jul in India: BNSS",
        facts(
            "IPC 354",
            registered_at=datetime(2024, 6, 30, 19, 0, tzinfo=UTC),
            offence_date=date(2024, 6, 20),
        ),
        date(2024, 9, 25),
        [
            not_applicable(R.INVESTIGATION_60),
            (R.VICTIM_UPDATE_90, S.DUE_SOON, date(2024, 9, 29), None, 4),
            not_applicable(R.MEDICAL_EXAM_24H),
            not_applicable(R.MEDICAL_REPORT_7D),
            not_applicable(R.POCSO_CWC_24H),
        ],
    ),
    (
        "cruelty case: only the 90-day update applies",
        facts("BNS 85", "BNS 316(2)", first_victim_update_on=date(2025, 6, 2)),
        date(2025, 7, 1),
        [
            not_applicable(R.INVESTIGATION_60),
            (R.VICTIM_UPDATE_90, S.MET_LATE, date(2025, 5, 30), date(2025, 6, 2), 3),
            not_applicable(R.MEDICAL_EXAM_24H),
            not_applicable(R.MEDICAL_REPORT_7D),
            not_applicable(R.POCSO_CWC_24H),
        ],
    ),
    (
        "transferred rape case keeps what was done, drops the rest",
        facts("BNS 64", medical_exam_at=at(2025, 3, 1, 14), closed_without_investigation=True),
        date(2025, 6, 1),
        [
            not_applicable(R.INVESTIGATION_60),
            not_applicable(R.VICTIM_UPDATE_90),
            (R.MEDICAL_EXAM_24H, S.MET_ON_TIME, date(2025, 3, 2), date(2025, 3, 1), 1),
            not_applicable(R.MEDICAL_REPORT_7D),
            not_applicable(R.POCSO_CWC_24H),
        ],
    ),
]


@pytest.mark.parametrize(
    ("case", "today", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_case_deadlines(case: CaseFacts, today: date, expected: list[Row]) -> None:
    assert table(case_deadlines(case, today, offence_catalogue())) == expected


def test_case_deadlines_refuses_unknown_sections() -> None:
    with pytest.raises(KeyError):
        case_deadlines(facts("BNS 999"), date(2025, 3, 2), offence_catalogue())


@pytest.mark.parametrize("name", ["registered_at", "medical_exam_at", "cwc_reported_at"])
def test_case_facts_need_aware_datetimes(name: str) -> None:
    with pytest.raises(ValueError, match=name):
        facts("BNS 64", **{name: datetime(2025, 3, 1, 10, 0)})


# --- properties --------------------------------------------------------------------------------

some_dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@given(some_dates, st.none() | some_dates, some_dates)
def test_evaluate_partitions_the_possibilities(
    due_on: date, done_on: date | None, today: date
) -> None:
    status = evaluate(INV, due_on, done_on, today)
    conditions = {
        S.MET_ON_TIME: done_on is not None and done_on <= due_on,
        S.MET_LATE: done_on is not None and done_on > due_on,
        S.OVERDUE: done_on is None and today > due_on,
        S.DUE_SOON: done_on is None and 0 <= (due_on - today).days <= DUE_SOON_DAYS,
        S.PENDING: done_on is None and (due_on - today).days > DUE_SOON_DAYS,
    }
    assert [state for state, holds in conditions.items() if holds] == [status.state]
    assert (status.state in (S.MET_ON_TIME, S.MET_LATE)) == (done_on is not None)
    assert status.days >= 0


ORDER = {S.PENDING: 0, S.DUE_SOON: 1, S.OVERDUE: 2}


@given(some_dates, some_dates, st.integers(min_value=0, max_value=400))
def test_time_only_moves_a_deadline_towards_overdue(due_on: date, today: date, later: int) -> None:
    before = evaluate(INV, due_on, None, today).state
    after = evaluate(INV, due_on, None, today + timedelta(days=later)).state
    assert ORDER[after] >= ORDER[before]
    if before is S.OVERDUE:
        assert after is S.OVERDUE


zones = st.sampled_from([IST, UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=9))])
moments = st.builds(
    lambda day, minutes, tz: (
        datetime(day.year, day.month, day.day, tzinfo=tz) + timedelta(minutes=minutes)
    ),
    st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)),
    st.integers(min_value=0, max_value=24 * 60 - 1),
    zones,
)
maybe_dates = st.none() | st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 12, 31))
catalogue_refs = st.sampled_from([entry.ref for entry in offence_catalogue().sections])


case_facts = st.builds(
    CaseFacts,
    registered_at=moments,
    offence_date=st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)),
    sections=st.lists(catalogue_refs, min_size=1, max_size=4).map(tuple),
    investigation_done_on=maybe_dates,
    first_victim_update_on=maybe_dates,
    medical_exam_at=st.none() | moments,
    medical_report_forwarded_on=maybe_dates,
    cwc_reported_at=st.none() | moments,
    closed_without_investigation=st.booleans(),
)


@given(case_facts, st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 12, 31)))
def test_case_deadlines_always_reports_every_rule_consistently(
    case: CaseFacts, today: date
) -> None:
    statuses = case_deadlines(case, today, offence_catalogue())
    assert [s.rule for s in statuses] == list(DeadlineRule)
    assert all(s.days >= 0 for s in statuses)
    if case.closed_without_investigation:
        assert all(s.state not in (S.OVERDUE, S.DUE_SOON, S.PENDING) for s in statuses)
    else:
        exam, report = statuses[2], statuses[3]
        assert (exam.state is S.NOT_APPLICABLE) == (report.state is S.NOT_APPLICABLE)
