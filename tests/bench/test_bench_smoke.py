"""The benchmark machinery end to end on tiny stations: every row of the table is filled, each
ratio is ours ÷ its baseline, and the growth curve has a line per size; the files of many
stations hold copies that the app reads as stations of their own. No timing is asserted: a test
never fails because a machine was slow (PERFORMANCE.md)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench import fiveyear, stations
from bench.__main__ import run
from bench.inprocess import Paired
from bench.measure import clock
from bench.table import Config, Measured, results, write_table
from msk_desktop.ops.circle import circle_stations, station_context
from msk_desktop.ops.search import global_search
from msk_desktop.ops.station import login
from msk_desktop.reports.circle_data import circle_summary
from msk_desktop.reports.monthly_data import ReportMonth

TINY = Config(
    sizes=(20, 40),
    runs=2,
    process_runs=1,
    save_runs=3,
    scale=0.02,
    import_rows=20,
    import_runs=1,
    sync_small=20,
    sync_large=100,
    sync_runs=1,
    sync_stations=2,
    sync_requests=2,
    circle_stations=2,
    district_stations=3,
)
MEASURED_ROWS = 19  # PERFORMANCE.md targets measured (bench/table.py results)
VALUE = r"[\d,.]+ (ms|MiB|s|B|rows/s)|[\d,.]+ push/s, p95 [\d,.]+ ms"


def _run(tmp_path: Path, qapp: QApplication) -> Measured:
    font = qapp.font()
    try:
        return run(TINY, tmp_path / "cache", tmp_path / "work", package=None)
    finally:
        qapp.setFont(font)  # the bench installs the app's font, as the app does


def test_quick_run_fills_every_row_with_its_baseline(tmp_path: Path, qapp: QApplication) -> None:
    (tmp_path / "work").mkdir()
    measured = _run(tmp_path, qapp)
    rows = results(measured)
    # No build in the smoke run: the package row says so instead of showing a size.
    package = [r for r in rows if r.measure.startswith("packaged app")]
    assert [r.value for r in package] == ["no build in dist/ to measure"]
    done = [r for r in rows if r not in package]
    assert len(done) == MEASURED_ROWS
    for row in done:
        assert re.fullmatch(VALUE, row.value), row
        assert row.verdict == "MET" or row.verdict.startswith("MISSED ("), row
    with_baseline = [r for r in done if r.baseline != "—" and not r.baseline.startswith("— ")]
    assert len(with_baseline) == 11  # 8 in-process, 2 imports, the bytes per op
    for row in with_baseline:
        assert re.fullmatch(r"\d+\.\d\d×( \(time\))?", row.ratio), row

    # The ratio is ours ÷ baseline, as measured (the save row, from its raw figures).
    save = measured.save
    assert isinstance(save, Paired) and save.ours > 0 and save.base > 0
    save_row = next(r for r in done if r.measure.startswith("save one FIR"))
    assert save_row.ratio == f"{save.ours / save.base:.2f}×"

    assert [f.firs for f in measured.figures] == [20, 40]
    assert measured.busy_counts["fir"] > 0
    # What each new measure ran on: the sizes asked for, every op pushed and pulled.
    assert [f.rows for f in measured.imports] == [20, 20]
    assert measured.circle.stations == 2 and measured.district.stations == 3
    assert measured.push_small.ops == 20 and measured.push_large.pulled >= 100
    assert measured.many.requests == 2 * 2
    assert 0 < measured.push_large.gzip_bytes_per_op < measured.push_large.json_bytes_per_op
    text = write_table(measured, "python -m bench --quick", tmp_path / "BENCHMARKS.md")
    assert (tmp_path / "BENCHMARKS.md").read_text(encoding="utf-8") == text
    assert measured.load is not None  # the table says how loaded the machine was
    assert f"at the start and the end of the run: {measured.load[0]:.1f} and" in text
    for row in rows:
        assert f"| {row.measure} | {row.value} |" in text
    growth = [line for line in text.splitlines() if re.match(r"\| (20|40) \|", line)]
    assert len(growth) == 2


def test_generated_stations_are_cached_and_reused(tmp_path: Path) -> None:
    first = stations.stress(15, tmp_path)
    built = (
        first.database.stat().st_ino
    )  # each use logs in (and so writes); a rebuild is a new file
    again = stations.stress(15, tmp_path)
    assert again == first
    assert again.database.stat().st_ino == built
    assert not list(tmp_path.glob(".building-*"))


def test_a_file_of_many_stations_holds_copies_the_app_reads_as_stations(tmp_path: Path) -> None:
    layout = stations.many_stations(3, 0.02, tmp_path)
    ctx = login(layout, fiveyear.USERNAME, fiveyear.PASSWORD, clock)
    try:
        listed = circle_stations(ctx)
        assert [s.code for s in listed] == ["DEMO-01", "DEMO-02", "DEMO-03"]
        figures = circle_summary(ctx, ReportMonth(2025, 10))
        # Copies: the same figures at every station, each counted under its own id.
        assert len({f.station_id for f in figures}) == 3
        assert len({(f.applications_pending, f.rates) for f in figures}) == 1
        assert figures[0].applications_pending > 0
        for station in listed:
            hits = global_search(station_context(ctx, station.station_id), "पीड़िता", 500)
            assert hits, station.code
            own = {h.entry_id for h in hits}
            others = [
                global_search(station_context(ctx, s.station_id), "पीड़िता", 500)
                for s in listed
                if s != station
            ]
            assert not own & {h.entry_id for found in others for h in found}
    finally:
        ctx.db.close()
