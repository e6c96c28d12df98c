"""`msk-district report monthly` and `msk-district overview` against the real district server
(PostgreSQL): three station PCs in two circles push through real sync, the district's report
copy catches up from the district's rows, and the consolidated figures equal what each
station's own PC reports. A second run applies only the changes since the first."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msk_desktop.district import report_replica
from msk_desktop.district.cli import main
from msk_desktop.district.tables import RowState
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.station import setup_station
from msk_desktop.reports.circle_data import circle_summary
from msk_desktop.reports.district_data import build_district_report
from msk_desktop.reports.monthly_data import ReportMonth
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import ProtectedIdentity
from msk_desktop.sync.protocol import CIRCLE_HIDDEN
from tests.district.conftest import District, database_url
from tests.ops.conftest import FAST_KDF, IDENTITY_STRINGS, new_fir
from tests.reports.pdf_tools import pdf_text
from tests.sync.conftest import CIRCLE, PASSWORD, Pc, first_pc, station_values

NORTH = "North Circle"
VICTIM = {
    "age": 17,
    "gender": "female",
    "identity": {"name": IDENTITY_STRINGS[0], "phone": "9876501234"},
}


def _north_pc(root: Path, district: District, code: str) -> Pc:
    district.add_station(code, NORTH)
    ctx, _ = setup_station(
        DataLayout(root),
        station_values(code) | {"circle": NORTH},
        "incharge",
        "North Incharge",
        PASSWORD,
        FAST_KDF,
    )
    pc = Pc(f"{code}-pc1", ctx)
    pc.enrol(district, district.code(code))
    return pc


def _firs(ctx: OpContext, *registered: str) -> None:
    for number, day in enumerate(registered, start=1):
        new_fir(
            ctx,
            crime_no=number,
            crime_year=int(day[:4]),
            registered_at=f"{day} 10:00",
            offence_date=day,
            sections=("BNS 64",),
            victims=(VICTIM,),
        )


@pytest.fixture
def stations(tmp_path: Path, district: District) -> list[Pc]:
    a = first_pc(tmp_path / "a", district, "LKO-01")
    b = first_pc(tmp_path / "b", district, "LKO-02")
    c = _north_pc(tmp_path / "c", district, "LKO-03")
    _firs(a.ctx, "2025-01-05", "2025-02-10")
    _firs(b.ctx, "2025-03-01")
    _firs(c.ctx, "2024-12-01", "2025-04-01", "2025-05-01")
    for pc in (a, b, c):
        pc.sync()
    return [a, b, c]


def _last_month(stations: list[Pc]) -> str:
    month = ReportMonth.of(stations[0].ctx.today()).shifted(-1)
    return f"{month.year}-{month.month:02d}"


def _district(district: District, tmp_path: Path, *words: str) -> int:
    """``msk-district`` on the test database with the report copy in ``tmp_path``."""
    url = database_url(district.engine)
    return main(["--db", url, *words, "--replica", str(tmp_path / "replica")])


def test_report_equals_what_the_stations_report(
    tmp_path: Path,
    district: District,
    stations: list[Pc],
    capsys: pytest.CaptureFixture[str],
) -> None:
    month, out = _last_month(stations), tmp_path / "district.pdf"
    assert (
        _district(district, tmp_path, "report", "monthly", "--month", month, "--out", str(out)) == 0
    )
    assert "written:" in capsys.readouterr().out
    text = pdf_text(out.read_bytes())
    for code in ("LKO-01", "LKO-02", "LKO-03", CIRCLE, NORTH):
        assert code in text
    for secret in IDENTITY_STRINGS:
        assert secret not in text

    db = report_replica.open_replica(tmp_path / "replica", district.engine)
    try:
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(ProtectedIdentity)) == 0
        ctx = report_replica.district_context(db)
        assert ctx is not None
        report = build_district_report(
            ctx, ReportMonth.parse(month), circles=report_replica.circles_of(district.engine)
        )
        # Each station line equals the station's own PC, and the district line their sum.
        own = {
            pc.name.removesuffix("-pc1"): circle_summary(pc.ctx, ReportMonth.parse(month))[0]
            for pc in stations
        }
        for row in report.stations:
            assert row.overdue_investigations == own[row.station.code].overdue_investigations
            assert row.rates == own[row.station.code].rates
        assert (
            report.total.overdue_investigations
            == 6
            == sum(r.overdue_investigations for r in own.values())
        )
        assert report.total.rates.pending_at_end == sum(
            r.rates.pending_at_end for r in own.values()
        )
        assert [b.circle for b in report.circles] == [NORTH, CIRCLE]
        assert report.oldest_overdue[0].station_code == "LKO-03"
        # Nothing new at the district: nothing to apply.
        assert report_replica.catch_up(db, district.engine).rows == 0
    finally:
        db.close()


def test_second_run_applies_only_the_delta(
    tmp_path: Path,
    district: District,
    stations: list[Pc],
    capsys: pytest.CaptureFixture[str],
) -> None:
    month, out = _last_month(stations), tmp_path / "district.pdf"
    words = ("report", "monthly", "--month", month, "--out", str(out), "--lang", "en")
    assert _district(district, tmp_path, *words) == 0
    assert "(of 6)" in pdf_text(out.read_bytes())
    capsys.readouterr()
    with Session(district.engine) as session:
        cursor = session.scalar(select(func.max(RowState.last_seq)))
    _firs(stations[1].ctx, "2026-01-07")
    stations[1].sync()
    with Session(district.engine) as session:
        delta = session.scalar(
            select(func.count())
            .select_from(RowState)
            .where(RowState.last_seq > cursor, RowState.table_name.not_in(CIRCLE_HIDDEN))
        )
    assert delta
    assert _district(district, tmp_path, *words) == 0
    assert f"report copy: {delta} changed rows applied" in capsys.readouterr().err
    assert "(of 7)" in pdf_text(out.read_bytes())  # the new FIR, overdue, is in


def test_bad_month_and_overview(
    tmp_path: Path,
    district: District,
    stations: list[Pc],
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "bad.pdf"
    words = ("report", "monthly", "--month", "2025-13", "--out", str(out))
    assert _district(district, tmp_path, *words) == 2
    err = capsys.readouterr().err
    assert "YYYY-MM" in err and "माह" in err
    assert not out.exists() and not (tmp_path / "replica").exists()

    month = _last_month(stations)
    assert _district(district, tmp_path, "overview", "--month", month, "--sort", "overdue") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["station", "circle", "overdue"]
    assert [line.split()[0] for line in lines[1:4]] == ["LKO-03", "LKO-01", "LKO-02"]
    assert [line.split()[3] for line in lines[1:4]] == ["3", "2", "1"]
    assert lines[-1].endswith("3 stations")
