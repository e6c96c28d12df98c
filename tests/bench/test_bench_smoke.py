"""The benchmark machinery end to end on tiny stations: every row of the table is filled, each
ratio is ours ÷ its baseline, and the growth curve has a line per size. No timing is asserted:
a test never fails because a machine was slow (PERFORMANCE.md)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench import stations
from bench.__main__ import run
from bench.inprocess import Paired
from bench.table import NOT_YET, Config, Measured, results, write_table

TINY = Config(sizes=(20, 40), runs=2, process_runs=1, save_runs=3, busy=0.1)
MEASURED_ROWS = 10  # PERFORMANCE.md targets that can run now (bench/table.py results)


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
    assert len(rows) == MEASURED_ROWS + len(NOT_YET)
    done = rows[:MEASURED_ROWS]
    for row in done:
        assert re.fullmatch(r"[\d,.]+ (ms|MiB)", row.value), row
        assert row.verdict == "MET" or row.verdict.startswith("MISSED ("), row
    with_baseline = [r for r in done if r.baseline != "—" and not r.baseline.startswith("— ")]
    assert len(with_baseline) == 8
    for row in with_baseline:
        assert re.fullmatch(r"\d+\.\d\d×", row.ratio), row

    # The ratio is ours ÷ baseline, as measured (the save row, from its raw figures).
    save = measured.save
    assert isinstance(save, Paired) and save.ours > 0 and save.base > 0
    save_row = next(r for r in done if r.measure.startswith("save one FIR"))
    assert save_row.ratio == f"{save.ours / save.base:.2f}×"

    assert [f.firs for f in measured.figures] == [20, 40]
    assert measured.busy_counts["fir"] > 0
    text = write_table(measured, "python -m bench --quick", tmp_path / "BENCHMARKS.md")
    assert (tmp_path / "BENCHMARKS.md").read_text(encoding="utf-8") == text
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
