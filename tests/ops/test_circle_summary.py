"""The circle view over a database holding three stations (as a circle officer's laptop does
after sync): one line each, equal to the station's own monthly figures and worked out by hand
(today is 16-03-2026, the month March 2026)."""

from __future__ import annotations

from typing import Any

import pytest

from msk_desktop.domain.checklist import PointCode
from msk_desktop.domain.errors import NotFound
from msk_desktop.ops.checklist import inspection_checklist
from msk_desktop.ops.circle import circle_stations, station_context
from msk_desktop.ops.context import Actor, OpContext, Role
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.inspection import record_inspection
from msk_desktop.reports.circle_data import CircleRow, circle_summary
from msk_desktop.reports.monthly_data import ReportMonth, build_monthly_report
from msk_desktop.store.database import Author
from msk_desktop.store.models import Station
from tests.ops.conftest import StationHandle, fixed_clock, new_fir, sample

MARCH = ReportMonth(2026, 3)


def _third_station(station: StationHandle) -> OpContext:
    with station.db.write(Author(None, "test")) as tx:
        row = Station(
            code="LKO-MSK-03",
            name_hi="तीसरा थाना",
            name_en="Third Thana",
            district="Lucknow",
            circle="Test Circle",
        )
        tx.session.add(row)
        tx.session.flush()
        tx.audit("station.setup", "station", row.id, code=row.code)
    user = station.users[Role.IN_CHARGE]
    actor = Actor(user.id, "third.incharge", "Third Incharge", Role.IN_CHARGE, row.id)
    return OpContext(station.db, actor, clock=fixed_clock)


def _fir(ctx: OpContext, crime_no: int, registered: str, **values: Any) -> str:
    return new_fir(
        ctx,
        crime_no=crime_no,
        crime_year=2026,
        registered_at=f"{registered} 10:00",
        offence_date=registered,
        sections=("BNS 64",),
        **values,
    ).entity_id


def _by_code(rows: list[CircleRow]) -> dict[str, CircleRow]:
    return {row.station.code: row for row in rows}


@pytest.fixture
def circle(station: StationHandle) -> dict[str, OpContext]:
    a, b = station.ctx, station.other_station()
    c = _third_station(station)
    # Station A: overdue (due 02-03), due soon (due 21-03), and one chargesheeted on 02-03
    # within its 60 days (due 06-03); two applications still pending.
    _fir(a, 1, "2026-01-01")
    _fir(a, 2, "2026-01-20")
    _fir(
        a,
        3,
        "2026-01-05",
        status="chargesheeted",
        chargesheet_no="CS-3",
        chargesheet_on="2026-03-02",
    )
    for day in ("2026-02-02", "2026-02-20"):
        values = sample("helpdesk_application", received_at=f"{day} 11:00")
        create_entry(a, "helpdesk_application", values)
    # Station B: an FIR of 01-03 (due 30-04), a PPK referral without outcome, and a direction
    # 15 days past its date.
    _fir(b, 1, "2026-03-01")
    create_entry(b, "ppk_referral", sample("ppk_referral", referred_on="2026-02-10"))
    record_inspection(
        station_context(station.as_role(Role.CIRCLE_OFFICER), b.actor.station_id),
        sample("inspection_entry", visited_on="2026-02-01"),
        [{"direction": "पीपीके सन्दर्भों का अनुश्रवण करें", "due_on": "2026-03-01"}],
    )
    # Station C: nothing entered yet.
    return {"LKO-MSK-01": a, "LKO-MSK-02": b, "LKO-MSK-03": c}


def test_one_line_per_station_worked_by_hand(
    station: StationHandle, circle: dict[str, OpContext]
) -> None:
    officer = station.as_role(Role.CIRCLE_OFFICER)
    rows = circle_summary(officer, MARCH)
    assert [row.station.code for row in rows] == ["LKO-MSK-01", "LKO-MSK-02", "LKO-MSK-03"]
    a, b, c = (_by_code(rows)[code] for code in circle)

    assert (a.overdue_investigations, a.due_soon_investigations) == (1, 1)
    assert (a.deadlines_on_time, a.deadlines_late) == (1, 0)
    assert (a.applications_pending, a.ppk_pending) == (2, 0)
    # ITSSO: 3 pending on 28-02, none received in March, 1 disposed, 2 pending at the end; the
    # one finished was within its 60 days.
    assert (a.rates.pending_at_start, a.rates.received, a.rates.disposed) == (3, 0, 1)
    assert a.rates.disposal_rate == pytest.approx(1 / 3)
    assert a.rates.pendency_rate == pytest.approx(2 / 3)
    assert a.rates.compliance_rate == 1.0

    assert (b.overdue_investigations, b.due_soon_investigations) == (0, 0)
    assert (b.ppk_pending, b.applications_pending) == (1, 0)
    assert (b.directions_open, b.directions_overdue) == (1, 1)
    assert (b.rates.received, b.rates.pendency_rate, b.rates.compliance_rate) == (1, 1.0, None)

    assert (c.overdue_investigations, c.applications_pending, c.directions_open) == (0, 0, 0)
    assert c.rates.disposal_rate is None
    assert c.roster_coverage is None
    # Nobody posted: no in-charge, and too few sub-inspectors, constables and home guards.
    assert (c.staff_violations, c.staff_warnings) == (4, 0)


def test_each_line_equals_the_stations_own_monthly_report(
    station: StationHandle, circle: dict[str, OpContext]
) -> None:
    rows = _by_code(circle_summary(station.as_role(Role.CIRCLE_OFFICER), MARCH))
    for code, ctx in circle.items():
        report = build_monthly_report(ctx, MARCH)
        row = rows[code]
        assert row.station_id == ctx.actor.station_id
        assert row.rates == report.rates_month
        assert row.applications_pending == report.helpdesk.pending_at_end
        assert row.ppk_pending == report.ppk.pending_at_end
        assert row.directions_open == report.directions.open_at_end
        assert row.overdue_investigations == sum(
            line.state == "overdue" for line in report.investigations
        )
        assert row.staff_violations == sum(f.violation for f in report.staff_findings)
        # The station's checklist, drilled down to, agrees on what is overdue today.
        overdue = [
            e
            for e in inspection_checklist(ctx).point(PointCode.INVESTIGATIONS).evidence
            if e.urgent
        ]
        assert len(overdue) == row.overdue_investigations


def test_stations_listed_and_unknown_station_refused(
    station: StationHandle, circle: dict[str, OpContext]
) -> None:
    officer = station.as_role(Role.CIRCLE_OFFICER)
    assert [s.code for s in circle_stations(officer)] == list(circle)
    with pytest.raises(NotFound):
        station_context(officer, "no-such-station")
