"""The station's deadline list, read from FIRs entered through the ops, on a fixed day."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from msk_desktop.domain.deadlines import DeadlineRule, DeadlineState
from msk_desktop.ops.context import Role
from msk_desktop.ops.deadlines import DeadlineItem, station_deadlines
from msk_desktop.ops.entries import delete_entry, edit_entry
from msk_desktop.ops.fir import add_milestone, set_fir_sections
from tests.ops.conftest import StationHandle, new_fir

TODAY = date(2025, 11, 10)
INVESTIGATION = DeadlineRule.INVESTIGATION_60
MEDICAL_EXAM = DeadlineRule.MEDICAL_EXAM_24H
MET = (DeadlineState.MET_ON_TIME, DeadlineState.MET_LATE)


def _rape_case(
    st: StationHandle,
    crime_no: int,
    registered_at: str,
    *,
    examined_at: str | None = None,
    status: str = "under_investigation",
    offence_date: str = "2025-08-30",
    **values: Any,
) -> str:
    """A BNS 64 case; unless told otherwise the medical examination and its report were on
    time, so only the investigation deadline is left to watch."""
    day = registered_at[:10]
    fir_id = new_fir(
        st.ctx,
        crime_no=crime_no,
        registered_at=registered_at,
        offence_date=offence_date,
        sections=("BNS 64",),
        io_name=f"IO {crime_no}",
        status=status,
        **values,
    ).entity_id
    add_milestone(
        st.ctx, fir_id, {"kind": "medical_exam", "happened_at": examined_at or f"{day} 20:00"}
    )
    add_milestone(
        st.ctx, fir_id, {"kind": "medical_report_forwarded", "happened_at": f"{day} 23:00"}
    )
    return fir_id


def _summary(items: list[DeadlineItem]) -> list[tuple[str, DeadlineRule, DeadlineState, int]]:
    return [(i.crime_no, i.status.rule, i.status.state, i.status.days) for i in items]


def test_overdue_and_due_soon_investigations(station: StationHandle) -> None:
    overdue = _rape_case(station, 11, "2025-09-01 10:00")  # due 31-10-2025
    soon = _rape_case(station, 12, "2025-09-12 10:00")  # due 11-11-2025
    _rape_case(station, 13, "2025-09-01 10:00", status="transferred")
    _rape_case(station, 14, "2025-10-01 10:00")  # due 30-11-2025: 20 days left, not listed
    items = station_deadlines(station.ctx, TODAY)
    assert _summary(items) == [
        ("11/2025", INVESTIGATION, DeadlineState.OVERDUE, 10),
        ("12/2025", INVESTIGATION, DeadlineState.DUE_SOON, 1),
    ]
    first, second = items
    assert (first.fir_id, first.serial, first.crime_head, first.io_name) == (
        overdue,
        "1/2025",
        "rape",
        "IO 11",
    )
    assert first.status.due_on == date(2025, 10, 31)
    assert first.status.describe().en == "Investigation (60 days): overdue by 10 days"
    assert second.fir_id == soon and second.status.due_on == date(2025, 11, 11)


def test_a_transferred_case_has_no_deadlines_left(station: StationHandle) -> None:
    _rape_case(station, 13, "2025-09-01 10:00", status="transferred")
    every_state = list(DeadlineState)
    items = station_deadlines(station.ctx, TODAY, every_state)
    open_items = [i for i in items if i.status.state not in MET]
    assert {i.status.state for i in open_items} == {DeadlineState.NOT_APPLICABLE}
    assert station_deadlines(station.ctx, TODAY) == []


def test_the_most_overdue_come_first(station: StationHandle) -> None:
    for crime_no, day in (
        (21, "2025-09-05"),
        (22, "2025-08-31"),
        (23, "2025-09-10"),
        (24, "2025-09-14"),
        (25, "2025-09-03"),
    ):
        _rape_case(station, crime_no, f"{day} 10:00")
    assert _summary(station_deadlines(station.ctx, TODAY)) == [
        ("22/2025", INVESTIGATION, DeadlineState.OVERDUE, 11),
        ("25/2025", INVESTIGATION, DeadlineState.OVERDUE, 8),
        ("21/2025", INVESTIGATION, DeadlineState.OVERDUE, 6),
        ("23/2025", INVESTIGATION, DeadlineState.OVERDUE, 1),
        ("24/2025", INVESTIGATION, DeadlineState.DUE_SOON, 3),
    ]


@pytest.mark.parametrize(
    ("examined_at", "state", "days"),
    [
        ("2025-09-01 18:00", DeadlineState.MET_ON_TIME, 1),
        ("2025-09-02 09:59", DeadlineState.MET_ON_TIME, 0),
        ("2025-09-02 10:00", DeadlineState.MET_ON_TIME, 0),
        ("2025-09-02 10:30", DeadlineState.MET_LATE, 1),
        ("2025-09-05 08:00", DeadlineState.MET_LATE, 3),
    ],
)
def test_medical_examination_within_24_hours(
    station: StationHandle, examined_at: str, state: DeadlineState, days: int
) -> None:
    _rape_case(station, 31, "2025-09-01 10:00", examined_at=examined_at)
    items = [i for i in station_deadlines(station.ctx, TODAY, MET) if i.status.rule is MEDICAL_EXAM]
    assert _summary(items) == [("31/2025", MEDICAL_EXAM, state, days)]
    assert items[0].status.due_on == date(2025, 9, 2)


def test_a_missing_medical_examination_is_overdue(station: StationHandle) -> None:
    new_fir(
        station.ctx,
        crime_no=41,
        registered_at="2025-11-07 10:00",
        offence_date="2025-11-06",
        sections=("BNS 64",),
    )
    assert _summary(station_deadlines(station.ctx, TODAY)) == [
        ("41/2025", MEDICAL_EXAM, DeadlineState.OVERDUE, 2),
        ("41/2025", DeadlineRule.MEDICAL_REPORT_7D, DeadlineState.DUE_SOON, 4),
    ]


def test_a_late_chargesheet_is_completed_late(station: StationHandle) -> None:
    fir_id = _rape_case(station, 51, "2025-08-31 10:00")  # due 30-10-2025
    edit_entry(
        station.ctx,
        "fir",
        fir_id,
        {"status": "chargesheeted", "chargesheet_no": "CS 9", "chargesheet_on": "2025-11-14"},
    )
    assert station_deadlines(station.ctx, date(2025, 11, 20)) == []
    items = [
        i
        for i in station_deadlines(station.ctx, date(2025, 11, 20), MET)
        if i.status.rule is INVESTIGATION
    ]
    assert _summary(items) == [("51/2025", INVESTIGATION, DeadlineState.MET_LATE, 15)]


def test_days_count_from_the_indian_date_of_registration(station: StationHandle) -> None:
    # 00:30 IST on 1 Sep is 31 Aug in UTC; the 60 days run from 1 Sep, so due on 31 Oct.
    _rape_case(station, 61, "2025-09-01 00:30")
    assert _summary(station_deadlines(station.ctx, date(2025, 11, 1))) == [
        ("61/2025", INVESTIGATION, DeadlineState.OVERDUE, 1)
    ]


def test_deleted_and_reclassified_cases_drop_out(station: StationHandle) -> None:
    deleted = _rape_case(station, 71, "2025-09-01 10:00")
    reclassified = _rape_case(station, 72, "2025-09-01 10:00")
    assert len(station_deadlines(station.ctx, TODAY)) == 2
    delete_entry(station.ctx, "fir", deleted, "entered twice")
    set_fir_sections(station.ctx, reclassified, ["BNS 74"])  # no 60-day limit for BNS 74
    assert station_deadlines(station.ctx, TODAY) == []


def test_today_defaults_to_the_clock(station: StationHandle) -> None:
    _rape_case(station, 3, "2026-01-05 10:00", crime_year=2026, offence_date="2026-01-04")
    # The fixed clock says 16-03-2026; due on 06-03-2026.
    assert _summary(station_deadlines(station.ctx)) == [
        ("3/2026", INVESTIGATION, DeadlineState.OVERDUE, 10)
    ]


def test_another_station_has_its_own_list(station: StationHandle) -> None:
    _rape_case(station, 11, "2025-09-01 10:00")
    assert station_deadlines(station.other_station(), TODAY) == []


def test_the_circle_officer_reads_the_list(station: StationHandle) -> None:
    _rape_case(station, 11, "2025-09-01 10:00")
    items = station_deadlines(station.as_role(Role.CIRCLE_OFFICER), TODAY)
    assert _summary(items) == [("11/2025", INVESTIGATION, DeadlineState.OVERDUE, 10)]
