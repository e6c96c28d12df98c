"""The district consolidated report over a database holding three stations in two circles (as
the district's report copy or a circle officer's laptop does): every circle and district figure
is the sum of its station lines, rates come from summed counts, the oldest overdue
investigations and last month's directions are worked out by hand, and the PDF shows it all
without any victim's identity (today is 16-03-2026, the month March 2026)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from msk_desktop.domain.errors import Message, ValidationError
from msk_desktop.gui.language import Language
from msk_desktop.gui.reports_dialog import CIRCLE, ReportsDialog
from msk_desktop.ops.circle import station_context
from msk_desktop.ops.context import Actor, OpContext, Role
from msk_desktop.ops.inspection import record_compliance, record_inspection
from msk_desktop.reports.circle_data import CircleRow, circle_summary
from msk_desktop.reports.district_data import (
    DistrictReport,
    build_district_report,
)
from msk_desktop.reports.district_pdf import render_district_pdf
from msk_desktop.reports.monthly_data import ReportMonth, build_monthly_report
from msk_desktop.store.database import Author
from msk_desktop.store.models import AuditEntry, InspectionDirection, Station
from tests.ops.conftest import (
    IDENTITY_STRINGS,
    StationHandle,
    detail_of,
    fixed_clock,
    new_fir,
    rows,
    sample,
)
from tests.reports.pdf_tools import grey_page, pdf_text

MARCH = ReportMonth(2026, 3)
NORTH = "North Circle"
PRINTED = Message("मुद्रित: परीक्षण", "printed: test")


def _fir(ctx: OpContext, crime_no: int, registered: str) -> None:
    new_fir(
        ctx,
        crime_no=crime_no,
        crime_year=int(registered[:4]),
        registered_at=f"{registered} 10:00",
        offence_date=registered,
        sections=("BNS 64",),
    )


def _north_station(station: StationHandle) -> OpContext:
    with station.db.write(Author(None, "test")) as tx:
        row = Station(
            code="LKO-MSK-03",
            name_hi="उत्तरी थाना",
            name_en="North Thana",
            district="Lucknow",
            circle=NORTH,
        )
        tx.session.add(row)
        tx.session.flush()
        tx.audit("station.setup", "station", row.id, code=row.code)
    user = station.users[Role.IN_CHARGE]
    actor = Actor(user.id, "north.incharge", "North Incharge", Role.IN_CHARGE, row.id)
    return OpContext(station.db, actor, clock=fixed_clock)


def _directions(ctx: OpContext, entry_id: str) -> list[str]:
    with ctx.db.read() as session:
        return list(
            session.scalars(
                select(InspectionDirection.id)
                .where(InspectionDirection.entry_id == entry_id)
                .order_by(InspectionDirection.due_on)
            )
        )


def _inspect(
    station: StationHandle, at: OpContext, visited: str, due: tuple[str, ...]
) -> list[str]:
    officer = station_context(station.as_role(Role.CIRCLE_OFFICER), at.actor.station_id)
    entry = record_inspection(
        officer,
        sample("inspection_entry", visited_on=visited),
        [{"direction": f"निर्देश {day}", "due_on": day} for day in due],
    )
    return _directions(at, entry.entity_id)


@pytest.fixture
def district(world: StationHandle) -> OpContext:
    """The world station (its FIR carries a victim's identity) and a second
    station in Test Circle; a third in North Circle."""
    a, b, c = world.ctx, world.other_station(), _north_station(world)
    _fir(a, 1, "2026-01-01")  # due 02-03: overdue by 14 days
    _fir(a, 2, "2026-01-20")  # due 21-03: due soon
    _fir(b, 1, "2025-12-20")  # due 18-02: overdue by 26 days
    _fir(c, 1, "2025-11-01")  # due 31-12: overdue by 75 days
    # February's directions: B two (one complied late on 05-03, one in time on 18-02), C one
    # still open; a January direction of C complied in March is not last month's.
    late, in_time = _inspect(world, b, "2026-02-10", ("2026-02-20", "2026-02-25"))
    record_compliance(b, late, {"compliance_status": "complied", "complied_on": "2026-03-05"})
    record_compliance(b, in_time, {"compliance_status": "complied", "complied_on": "2026-02-18"})
    _inspect(world, c, "2026-02-03", ("2026-03-01",))
    (january,) = _inspect(world, c, "2026-01-15", ("2026-01-30",))
    record_compliance(c, january, {"compliance_status": "complied", "complied_on": "2026-03-02"})
    return world.as_role(Role.CIRCLE_OFFICER)


def _counts(line: CircleRow) -> dict[str, Any]:
    names = [f.name for f in fields(CircleRow) if f.type == "int"]
    assert "overdue_investigations" in names and "directions_open" in names
    rates = line.rates
    return {name: getattr(line, name) for name in names} | {
        f"rates.{f.name}": getattr(rates, f.name) for f in fields(rates) if f.name != "period"
    }


def _summed(lines: list[CircleRow]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for line in lines:
        for name, value in _counts(line).items():
            found[name] = found.get(name, 0) + value
    return found


def test_totals_are_the_sums_of_the_station_lines(district: OpContext) -> None:
    report = build_district_report(district, MARCH)
    stations = circle_summary(district, MARCH)
    assert [b.circle for b in report.circles] == ["North Circle", "Test Circle"]
    assert [[r.station.code for r in b.rows] for b in report.circles] == [
        ["LKO-MSK-03"],
        ["LKO-MSK-01", "LKO-MSK-02"],
    ]
    for block in report.circles:
        assert _counts(block.total) == _summed(list(block.rows))
    assert _counts(report.total) == _summed(stations)
    assert len(report.stations) == 3
    # The station lines are the circle view's, which are each station's own monthly report.
    for row in report.stations:
        own = build_monthly_report(station_context(district, row.station_id), MARCH)
        assert row.rates == own.rates_month
    # Rates of the sum, not the average of the stations' rates.
    total = report.total.rates
    workload = sum(r.rates.pending_at_start + r.rates.received for r in stations)
    assert total.disposal_rate == sum(r.rates.disposed for r in stations) / workload
    assert total.pendency_rate == sum(r.rates.pending_at_end for r in stations) / workload
    assert report.total.overdue_investigations == 3


def test_oldest_overdue_and_last_months_directions_by_hand(district: OpContext) -> None:
    report = build_district_report(district, MARCH)
    lines = [(o.station_code, o.crime_no, o.days_overdue) for o in report.oldest_overdue]
    # The world's FIR (BNS 85) is under no 60-day rule.
    assert lines == [
        ("LKO-MSK-03", "1/2025", 75),
        ("LKO-MSK-02", "1/2025", 26),
        ("LKO-MSK-01", "1/2026", 14),
    ]
    assert len(report.oldest_overdue) == report.total.overdue_investigations
    assert report.oldest_overdue[0].circle == NORTH
    north, test = report.circles
    assert (north.directions.given, north.directions.complied, north.directions.open) == (1, 0, 1)
    given = test.directions
    assert (given.given, given.complied_in_time, given.complied_late, given.open) == (2, 1, 1, 0)
    assert report.directions.given == 3 and report.directions.compliance_rate == 2 / 3


def test_one_circle_and_the_districts_own_circles(district: OpContext) -> None:
    north = build_district_report(district, MARCH, NORTH)
    assert [r.station.code for r in north.stations] == ["LKO-MSK-03"]
    assert north.total.overdue_investigations == 1
    assert [o.crime_no for o in north.oldest_overdue] == ["1/2025"]
    # The district registered LKO-MSK-02 in North Circle: its register decides.
    moved = build_district_report(district, MARCH, NORTH, circles={"LKO-MSK-02": NORTH})
    assert [r.station.code for r in moved.stations] == ["LKO-MSK-02", "LKO-MSK-03"]
    assert moved.directions.given == 3


def test_a_month_not_begun_is_refused(district: OpContext) -> None:
    with pytest.raises(ValidationError):
        build_district_report(district, ReportMonth(2026, 4))


def _pdf_checks(report: DistrictReport, data: bytes, english: bool) -> str:
    text = pdf_text(data)
    for secret in IDENTITY_STRINGS:
        assert secret not in text
    for code in ("LKO-MSK-01", "LKO-MSK-02", "LKO-MSK-03", "1/2026", NORTH):
        assert code in text
    # The Hindi page number stands before the English one in brackets.
    assert ("(Page 1 of" in text) is not english
    return text


def test_pdf_pages_in_hindi_and_english(district: OpContext, tmp_path: Path) -> None:
    report = build_district_report(district, MARCH)
    hindi = render_district_pdf(report, PRINTED)
    english = render_district_pdf(report, PRINTED, "en")
    # A page per circle, then totals with directions, then the oldest overdue.
    assert hindi.pages == english.pages == 4
    text = _pdf_checks(report, hindi.data, english=False)
    assert "Page 1 of 4" in text and "Page 4 of 4" in text
    text = _pdf_checks(report, english.data, english=True)
    assert "District consolidated monthly report" in text
    assert "Compliance with last month's (February 2026) inspection directions" in text
    pages = text.split("Page ")
    assert "Circle: North Circle" in pages[0] and "Circle: Test Circle" in text
    for index in range(hindi.pages):
        image = grey_page(hindi.data, index, 110)
        assert image.width() > image.height()  # landscape
        image.save(str(tmp_path / f"district-{index + 1}.png"))


def test_the_circle_officer_prints_it_from_the_reports_dialog(
    qtbot: QtBot, world: StationHandle, district: OpContext, tmp_path: Path
) -> None:
    station_pc = ReportsDialog(world.ctx, Language("en"))
    qtbot.addWidget(station_pc)
    assert station_pc.kind.findData(CIRCLE) == -1  # the in-charge has one station only
    dialog = ReportsDialog(district, Language("en"))
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(CIRCLE))
    circles = [dialog.circle.itemData(i) for i in range(dialog.circle.count())]
    assert circles == [NORTH, "Test Circle"]
    dialog.circle.setCurrentIndex(circles.index(NORTH))
    dialog.circle_month.setText("2026-03")
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.generate_button.isEnabled, timeout=20000)
    assert dialog.rendered is not None and dialog.rendered.pages == 3
    text = pdf_text(dialog.rendered.data)
    assert "Circle consolidated monthly report" in text and "LKO-MSK-03" in text
    assert "LKO-MSK-01" not in text and "(Page 1 of" not in text  # English alone
    saved: list[object] = []
    dialog.save_to(tmp_path / "north.pdf", saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    prints = [detail_of(e) for e in rows(world.db, AuditEntry, AuditEntry.action == "report.print")]
    assert prints[-1] == {
        "report": "district",
        "pages": 3,
        "output": "pdf",
        "month": "2026-03",
        "circle": NORTH,
    }
    dialog.circle_month.setText("2026-13")
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert "YYYY-MM" in dialog.message.text()
    dialog.reject()  # lets go of the rendered pages
