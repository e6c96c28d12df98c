"""`python -m bench`: every benchmark of PERFORMANCE.md that can run now, each against a baseline
measured in the same run, written to BENCHMARKS.md. Run it niced on a shared machine:

    nice -n 10 .venv/bin/python -m bench            # the full sizes (1k, 10k, 100k FIRs)
    nice -n 10 .venv/bin/python -m bench --quick    # small sizes: a smoke run in a minute

Generated stations are cached in bench/.cache (bench/stations.py).
"""

from __future__ import annotations

import os

# Before Qt loads: the benchmarks draw real widgets, off screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench import processes, stations
from bench.generate import BUSY_SCALE, PASSWORD
from bench.inprocess import measure_report, measure_save, measure_station
from bench.measure import clock
from bench.table import Config, Measured, write_table
from msk_desktop.demo.seed import DEMO_PASSWORD, DEMO_USERNAME
from msk_desktop.gui.fonts import install_fonts
from msk_desktop.ops.station import login

FULL = Config(
    sizes=(1_000, 10_000, 100_000), runs=7, process_runs=5, save_runs=100, busy=BUSY_SCALE
)
QUICK = Config(sizes=(200, 1_000, 5_000), runs=3, process_runs=3, save_runs=30, busy=1.0)
ROOT = Path(__file__).resolve().parent.parent


def run(config: Config, cache: Path, work: Path, package: Path | None) -> Measured:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_fonts(app)  # as the app does: Hindi is drawn with the bundled font
    figures = []
    for size in config.sizes:
        print(f"… {size:,} FIRs", file=sys.stderr, flush=True)
        copy = stations.working_copy(stations.stress(size, cache), work / f"stress-{size}")
        station_figures, ctx, plain = measure_station(copy, PASSWORD, size, work, config.runs)
        figures.append(station_figures)
        if size == config.sizes[-1]:
            save = measure_save(ctx, plain, config.save_runs)
            largest = copy
        ctx.db.close()
    print("… start-up and memory", file=sys.stderr, flush=True)
    startup = processes.startup(largest.root, config.process_runs)
    memory = processes.memory(largest.root, PASSWORD, config.process_runs)
    print(f"… busy station (demo seeder at scale {config.busy:g})", file=sys.stderr, flush=True)
    busy = stations.working_copy(stations.busy(config.busy, cache), work / "busy")
    ctx = login(busy, DEMO_USERNAME, DEMO_PASSWORD, clock)
    try:
        report = measure_report(ctx, config.runs)
        busy_counts = stations.counts(ctx)
    finally:
        ctx.db.close()
    return Measured(
        config=config,
        figures=tuple(figures),
        save=save,
        startup=startup,
        memory=memory,
        busy_report=report,
        busy_counts=busy_counts,
        package_bytes=_folder_bytes(package) if package and package.is_dir() else None,
    )


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, fewer runs")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    parser.add_argument("--cache", default=str(stations.CACHE), help="generated stations")
    parser.add_argument(
        "--package",
        default=str(ROOT / "dist" / "msk-desktop"),
        help="a PyInstaller build to report the size of, when present",
    )
    args = parser.parse_args(argv)
    config = QUICK if args.quick else FULL
    command = "nice -n 10 .venv/bin/python -m bench" + (" --quick" if args.quick else "")
    with tempfile.TemporaryDirectory(prefix="msk-bench-") as tmp:
        measured = run(config, Path(args.cache), Path(tmp), Path(args.package))
    text = write_table(measured, command, Path(args.out))
    print(text)


if __name__ == "__main__":
    main()
