from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msk_desktop.domain.staffing import (
    IGOT_DUE_MONTHS,
    MAX_TENURE_YEARS,
    MIN_TENURE_YEARS,
    RANK_TITLES,
    Gender,
    Posting,
    Rank,
    StaffingFinding,
    check_composition,
    check_igot,
    check_tenure,
    igot_due_on,
    staffing_report,
)

TODAY = date(2025, 10, 1)
POSTED = date(2025, 9, 25)
F, M = Gender.FEMALE, Gender.MALE


def post(
    staff_id: str, rank: Rank, gender: Gender = F, *, in_charge: bool = False, **more: Any
) -> Posting:
    return replace(Posting(staff_id, rank, gender, in_charge, POSTED), **more)


def crew(prefix: str, rank: Rank, women: int, men: int = 0) -> list[Posting]:
    return [post(f"{prefix}{i}", rank, F if i < women else M) for i in range(women + men)]


IN_CHARGE = post("ic", Rank.SUB_INSPECTOR, F, in_charge=True)
COMPLIANT = [
    IN_CHARGE,
    post("si", Rank.SUB_INSPECTOR, M),
    *crew("hc", Rank.HEAD_CONSTABLE, 1, 1),
    *crew("c", Rank.CONSTABLE, 1, 1),
    post("hg", Rank.HOME_GUARD, F),
    post("cs", Rank.COUNSELLOR, M),
]


def codes(findings: list[StaffingFinding]) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.severity, f.staff_id) for f in findings]


def without(*staff_ids: str) -> list[Posting]:
    return [p for p in COMPLIANT if p.staff_id not in staff_ids]


def test_a_compliant_kendra_has_no_findings() -> None:
    assert check_composition(COMPLIANT, TODAY) == []
    assert staffing_report(COMPLIANT, TODAY) == []


COMPOSITION_CASES: list[tuple[str, list[Posting], list[tuple[str, str, str | None]]]] = [
    ("no in-charge", without("ic"), [("no_in_charge", "violation", None)]),
    (
        "two in-charges",
        [*COMPLIANT, post("ic2", Rank.INSPECTOR, F, in_charge=True)],
        [("several_in_charges", "violation", None)],
    ),
    (
        "male in-charge, a woman sub-inspector is there",
        [
            post("ic", Rank.INSPECTOR, M, in_charge=True),
            *without("ic", "si"),
            post("si", Rank.SUB_INSPECTOR, F),
        ],
        [("in_charge_not_woman", "warning", "ic")],
    ),
    (
        "male in-charge and only a male sub-inspector",
        [post("ic", Rank.INSPECTOR, M, in_charge=True), *without("ic")],
        [("in_charge_not_woman", "warning", "ic"), ("no_woman_sub_inspector", "violation", None)],
    ),
    (
        "in-charge of gender 'other' also needs a woman sub-inspector",
        [post("ic", Rank.SUB_INSPECTOR, Gender.OTHER, in_charge=True), *without("ic")],
        [("in_charge_not_woman", "warning", "ic"), ("no_woman_sub_inspector", "violation", None)],
    ),
    (
        "a head constable as in-charge",
        [*without("ic"), post("ic", Rank.HEAD_CONSTABLE, F, in_charge=True)],
        [("in_charge_rank", "violation", "ic")],
    ),
    ("no sub-inspector", without("si"), [("sub_inspectors_count", "violation", None)]),
    (
        "five sub-inspectors",
        [*without("si"), *crew("si", Rank.SUB_INSPECTOR, 2, 3)],
        [("sub_inspectors_count", "violation", None)],
    ),
    (
        "four sub-inspectors besides the in-charge",
        [*without("si"), *crew("si", Rank.SUB_INSPECTOR, 2, 2)],
        [],
    ),
    ("three constables", without("c1"), [("constables_count", "violation", None)]),
    (
        "sixteen constables, half women",
        [*without("c0", "c1"), *crew("c", Rank.CONSTABLE, 7, 7)],
        [("constables_count", "violation", None)],
    ),
    (
        "fifteen constables, 7 women",
        [*without("c0", "c1"), *crew("c", Rank.CONSTABLE, 6, 7)],
        [("constables_women_share", "warning", None)],
    ),
    (
        "one woman of four",
        [*without("c0"), post("c0", Rank.CONSTABLE, M)],
        [("constables_women_share", "warning", None)],
    ),
    ("no home guard", without("hg"), [("home_guards_count", "violation", None)]),
    (
        "three home guards",
        [*COMPLIANT, *crew("hgx", Rank.HOME_GUARD, 2)],
        [("home_guards_count", "violation", None)],
    ),
    (
        "counsellors are not counted",
        [*COMPLIANT, *crew("csx", Rank.COUNSELLOR, 6, 6)],
        [],
    ),
    (
        "removed today is no longer posted",
        [
            *without("hc1"),
            post("hc1", Rank.HEAD_CONSTABLE, M, removed_on=TODAY, removal_approval_ref="R/1"),
        ],
        [("constables_count", "violation", None)],
    ),
    (
        "posted tomorrow is not yet posted",
        [*without("hg"), post("hg", Rank.HOME_GUARD, F, posted_on=date(2025, 10, 2))],
        [("home_guards_count", "violation", None)],
    ),
]


@pytest.mark.parametrize(
    ("postings", "expected"),
    [c[1:] for c in COMPOSITION_CASES],
    ids=[c[0] for c in COMPOSITION_CASES],
)
def test_check_composition(
    postings: list[Posting], expected: list[tuple[str, str, str | None]]
) -> None:
    assert codes(check_composition(postings, TODAY)) == expected


@pytest.mark.parametrize(
    ("postings", "hi", "en"),
    [
        (
            without("si"),
            "उपनिरीक्षक: 0 नियुक्त, परिपत्र के अनुसार 1 से 4 होने चाहिए",
            "sub-inspectors: 0 posted; the circular requires 1 to 4",
        ),
        (
            without("c1"),
            "मुख्य आरक्षी / आरक्षी: 3 नियुक्त, परिपत्र के अनुसार 4 से 15 होने चाहिए",
            "head constables and constables: 3 posted; the circular requires 4 to 15",
        ),
        (
            [*without("c0"), post("c0", Rank.CONSTABLE, M)],
            "मुख्य आरक्षी / आरक्षी: 4 में से 1 महिला; लगभग आधी महिलाएँ होनी चाहिए",
            "head constables and constables: 1 of 4 are women; about half should be",
        ),
        (
            [*COMPLIANT, *crew("hgx", Rank.HOME_GUARD, 2)],
            "होमगार्ड: 3 नियुक्त, परिपत्र के अनुसार 1 से 2 होने चाहिए",
            "home guards: 3 posted; the circular requires 1 to 2",
        ),
        (
            [*COMPLIANT, post("ic2", Rank.INSPECTOR, F, in_charge=True)],
            "2 प्रभारी नियुक्त हैं, परिपत्र के अनुसार केवल 1 होना चाहिए",
            "2 in-charges are posted; the circular allows exactly 1",
        ),
    ],
)
def test_composition_messages_carry_the_numbers(postings: list[Posting], hi: str, en: str) -> None:
    [finding] = check_composition(postings, TODAY)
    assert (finding.message.hi, finding.message.en) == (hi, en)


def test_tenure_constants() -> None:
    assert (MIN_TENURE_YEARS, MAX_TENURE_YEARS, IGOT_DUE_MONTHS) == (3, 5, 1)


JOINED = date(2020, 1, 15)


@pytest.mark.parametrize(
    ("removed_on", "approval", "today", "expected"),
    [
        (date(2022, 6, 1), None, date(2025, 1, 1), [("early_removal", "violation")]),
        (date(2022, 6, 1), "  ", date(2025, 1, 1), [("early_removal", "violation")]),
        (date(2022, 6, 1), "NO-14/2022", date(2025, 1, 1), []),
        (date(2023, 1, 14), None, date(2025, 1, 1), [("early_removal", "violation")]),
        (date(2023, 1, 15), None, date(2025, 1, 1), []),
        (None, None, date(2025, 1, 15), []),
        (None, None, date(2025, 1, 16), [("tenure_exceeded", "warning")]),
        (date(2025, 3, 1), None, date(2025, 6, 1), []),
        (date(2025, 3, 1), None, date(2025, 2, 1), [("tenure_exceeded", "warning")]),
    ],
)
def test_check_tenure(
    removed_on: date | None,
    approval: str | None,
    today: date,
    expected: list[tuple[str, str]],
) -> None:
    posting = post(
        "hc7",
        Rank.HEAD_CONSTABLE,
        posted_on=JOINED,
        removed_on=removed_on,
        removal_approval_ref=approval,
    )
    findings = check_tenure(posting, today)
    assert [(f.code, f.severity) for f in findings] == expected
    assert all(f.staff_id == "hc7" for f in findings)


def test_tenure_messages() -> None:
    early = post("hc7", Rank.HEAD_CONSTABLE, posted_on=JOINED, removed_on=date(2022, 6, 1))
    [finding] = check_tenure(early, date(2025, 1, 1))
    assert finding.message.en == (
        "removed on 01-06-2022, before completing 3 years on 15-01-2023; early removal needs "
        "the nodal officer's approval: record its reference"
    )
    assert "नोडल अधिकारी की स्वीकृति" in finding.message.hi
    assert "01-06-2022" in finding.message.hi
    long_serving = post("hc8", Rank.HEAD_CONSTABLE, posted_on=JOINED)
    [finding] = check_tenure(long_serving, date(2025, 6, 1))
    assert finding.message.en == "completed the 5-year posting on 15-01-2025; due for rotation"
    assert finding.message.hi == "15-01-2025 को 5 वर्ष की तैनाती पूर्ण; स्थानान्तरण देय"


@pytest.mark.parametrize(
    ("posted_on", "due_on"),
    [
        (date(2025, 1, 31), date(2025, 2, 28)),
        (date(2024, 1, 31), date(2024, 2, 29)),
        (date(2025, 3, 15), date(2025, 4, 15)),
        (date(2024, 12, 20), date(2025, 1, 20)),
    ],
)
def test_igot_due_on(posted_on: date, due_on: date) -> None:
    assert igot_due_on(post("x", Rank.CONSTABLE, posted_on=posted_on)) == due_on


@pytest.mark.parametrize(
    ("certified_on", "removed_on", "today", "overdue_days"),
    [
        (None, None, date(2025, 4, 15), None),
        (None, None, date(2025, 4, 16), 1),
        (None, None, date(2025, 5, 27), 42),
        (date(2025, 4, 1), None, date(2025, 6, 1), None),
        (date(2025, 5, 20), None, date(2025, 6, 1), None),
        (None, date(2025, 5, 1), date(2025, 6, 1), None),
    ],
)
def test_check_igot(
    certified_on: date | None, removed_on: date | None, today: date, overdue_days: int | None
) -> None:
    posting = post(
        "c9",
        Rank.CONSTABLE,
        posted_on=date(2025, 3, 15),
        igot_certified_on=certified_on,
        removed_on=removed_on,
        removal_approval_ref="R/9",
    )
    finding = check_igot(posting, today)
    if overdue_days is None:
        assert finding is None
    else:
        assert finding is not None
        assert (finding.code, finding.severity, finding.staff_id) == (
            "igot_overdue",
            "violation",
            "c9",
        )
        assert f"{overdue_days} दिन विलम्ब" in finding.message.hi
        assert finding.message.en.endswith(
            f"was due by 15-04-2025; overdue by {overdue_days} day{'s' if overdue_days > 1 else ''}"
        )


def test_staffing_report_collects_every_kind_of_finding() -> None:
    postings = [
        *without("hg", "c0"),
        post("c0", Rank.CONSTABLE, F, posted_on=date(2025, 8, 1)),
        post(
            "old",
            Rank.CONSTABLE,
            F,
            posted_on=date(2019, 1, 1),
            igot_certified_on=date(2019, 1, 20),
        ),
        post("gone", Rank.CONSTABLE, F, posted_on=date(2024, 1, 1), removed_on=date(2025, 1, 1)),
    ]
    assert codes(staffing_report(postings, TODAY)) == [
        ("home_guards_count", "violation", None),
        ("igot_overdue", "violation", "c0"),
        ("tenure_exceeded", "warning", "old"),
        ("early_removal", "violation", "gone"),
    ]


def test_a_removal_before_the_posting_is_refused() -> None:
    with pytest.raises(ValueError):
        Posting("x", Rank.CONSTABLE, F, False, date(2025, 1, 1), removed_on=date(2024, 12, 31))


def test_every_rank_has_a_bilingual_title() -> None:
    assert set(RANK_TITLES) == set(Rank)
    assert RANK_TITLES[Rank.HEAD_CONSTABLE].hi == "मुख्य आरक्षी"
    assert RANK_TITLES[Rank.SUB_INSPECTOR].hi == "उपनिरीक्षक"


postings_strategy = st.lists(
    st.builds(
        Posting,
        staff_id=st.text(min_size=1, max_size=4),
        rank=st.sampled_from(Rank),
        gender=st.sampled_from(Gender),
        is_in_charge=st.booleans(),
        posted_on=st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31)),
    ),
    max_size=25,
)


@given(postings_strategy, st.integers(min_value=0, max_value=5))
def test_counsellors_never_change_the_composition_findings(
    postings: list[Posting], counsellors: int
) -> None:
    extra = [
        post(f"cs{i}", Rank.COUNSELLOR, M, posted_on=date(2024, 1, 1)) for i in range(counsellors)
    ]
    assert check_composition([*postings, *extra], TODAY) == check_composition(postings, TODAY)


@given(postings_strategy.flatmap(lambda ps: st.tuples(st.just(ps), st.permutations(ps))))
def test_composition_findings_do_not_depend_on_order(
    postings_and_shuffled: tuple[list[Posting], list[Posting]],
) -> None:
    postings, shuffled = postings_and_shuffled
    assert codes(check_composition(shuffled, TODAY)) == codes(check_composition(postings, TODAY))
