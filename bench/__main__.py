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
import pickle
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench import circles, fiveyear, imports, processes, stations, syncing
from bench.fiveyear import PASSWORD
from bench.inprocess import measure_report, measure_save, measure_station
from bench.measure import clock
from bench.table import Config, Measured, write_table
from msk_desktop.gui.fonts import install_fonts
from msk_desktop.ops.station import login

FULL = Config(
    sizes=(1_000, 10_000, 100_000),
    runs=7,
    process_runs=5,
    save_runs=100,
    scale=1.0,
    import_rows=10_000,
    import_runs=3,
    sync_small=1_000,
    sync_large=50_000,
    sync_runs=3,
    sync_stations=50,
    sync_requests=10,
    circle_stations=10,
    district_stations=50,
)
QUICK = Config(
    sizes=(200, 1_000, 5_000),
    runs=3,
    process_runs=3,
    save_runs=30,
    scale=0.05,
    import_rows=300,
    import_runs=1,
    sync_small=100,
    sync_large=1_000,
    sync_runs=2,
    sync_stations=2,
    sync_requests=3,
    circle_stations=2,
    district_stations=3,
)
ROOT = Path(__file__).resolve().parent.parent


def run(config: Config, cache: Path, work: Path, package: Path | None) -> Measured:
    load_at_start = os.getloadavg()[0]
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
    print(f"… five-year station at scale {config.scale:g}", file=sys.stderr, flush=True)
    station = stations.five_year(config.scale, cache)
    busy = stations.working_copy(station, work / "busy")
    ctx = login(busy, fiveyear.USERNAME, fiveyear.PASSWORD, clock)
    try:
        report = measure_report(ctx, config.runs)
        busy_counts = stations.counts(ctx)
    finally:
        ctx.db.close()
    print("… imports", file=sys.stderr, flush=True)
    imported = tuple(
        imports.measure_import(station, register, config.import_rows, config.import_runs, work)
        for register in imports.REGISTERS
    )
    print("… circle and district files", file=sys.stderr, flush=True)
    circle_file = stations.many_stations(config.circle_stations, config.scale, cache)
    district_file = stations.many_stations(config.district_stations, config.scale, cache)
    circle = circles.measure_circle(circle_file, config.runs)
    district = circles.measure_district(district_file, config.runs)
    print("… sync", file=sys.stderr, flush=True)
    small = stations.with_outbox(config.sync_small, config.scale, cache)
    large = stations.with_outbox(config.sync_large, config.scale, cache)
    with syncing.district(work) as server:
        push_small = syncing.measure_push(
            server, small, config.sync_small, config.sync_runs, work, pull=False
        )
        push_large = syncing.measure_push(server, large, config.sync_large, 1, work, pull=True)
        many = syncing.measure_many(server, config.sync_stations, config.sync_requests)
    return Measured(
        config=config,
        figures=tuple(figures),
        save=save,
        startup=startup,
        memory=memory,
        busy_report=report,
        busy_counts=busy_counts,
        package_bytes=_folder_bytes(package) if package and package.is_dir() else None,
        imports=imported,
        circle=circle,
        district=district,
        push_small=push_small,
        push_large=push_large,
        many=many,
        sync_database=server.database,
        load=(load_at_start, os.getloadavg()[0]),
        generated={
            "station": stations.generation_seconds(station),
            "circle": stations.generation_seconds(circle_file),
            "district": stations.generation_seconds(district_file),
        },
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
    parser.add_argument(
        "--table-only",
        action="store_true",
        help="write the table again from the figures of the last run (after changing its text)",
    )
    args = parser.parse_args(argv)
    config = QUICK if args.quick else FULL
    command = "nice -n 10 .venv/bin/python -m bench" + (" --quick" if args.quick else "")
    # The figures of a run take most of an hour: kept, so the table can be written again.
    last = Path(args.cache) / ("last-quick.pickle" if args.quick else "last.pickle")
    if args.table_only:
        measured = pickle.loads(last.read_bytes())
    else:
        with tempfile.TemporaryDirectory(prefix="msk-bench-") as tmp:
            measured = run(config, Path(args.cache), Path(tmp), Path(args.package))
        last.write_bytes(pickle.dumps(measured))
    text = write_table(measured, command, Path(args.out))
    print(text)


if __name__ == "__main__":
    main()
