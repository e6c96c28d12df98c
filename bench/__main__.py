"""Run every benchmark that exists so far and write BENCHMARKS.md (PERFORMANCE.md method:
medians of several runs, each with a baseline measured in the same run)."""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from msk_desktop.domain.dates import IST
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.deadlines import station_deadlines
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.station import login, setup_station
from msk_desktop.store.layout import DataLayout

PASSWORD = "bench-password-1"
ROW = {
    "held_on": "2025-01-15",
    "place": "डेमो विद्यालय (काल्पनिक)",
    "kind": "women_safety",
    "audience": "students",
    "people_reached": 120,
}


@dataclass(frozen=True)
class Result:
    measure: str
    value: str
    target: str
    baseline: str
    ratio: str
    verdict: str


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _station(root: Path) -> OpContext:
    layout = DataLayout(root)
    ctx, _ = setup_station(
        layout,
        {
            "code": "BENCH-1",
            "name_hi": "बेंच थाना",
            "name_en": "Bench",
            "district": "D",
            "circle": "C",
        },
        "bench.incharge",
        "Fake Bench",
        PASSWORD,
    )
    ctx.clock = lambda: datetime(2025, 11, 20, 12, 0, tzinfo=IST)
    return ctx


def bench_save(root: Path, runs: int) -> Result:
    ctx = _station(root / "save")
    create_entry(ctx, "awareness_programme", ROW)  # warm caches
    ours = _timed(lambda: create_entry(ctx, "awareness_programme", ROW), runs)
    ctx.db.close()
    raw = sqlite3.connect(root / "raw.db", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute(
        "CREATE TABLE t (id TEXT, held_on TEXT, place TEXT, kind TEXT, audience TEXT, "
        "people INTEGER)"
    )

    def raw_insert() -> None:
        raw.execute("BEGIN")
        raw.execute("INSERT INTO t VALUES (?,?,?,?,?,?)", (os.urandom(8).hex(), *ROW.values()))
        raw.execute("COMMIT")

    base = _timed(raw_insert, runs)
    p95, base_p95 = _percentile(ours, 95), _percentile(base, 95)
    return Result(
        "save one entry (validation, audit, outbox, fsync), p95",
        f"{p95:.1f} ms",
        "≤ 30 ms",
        f"raw sqlite3 insert+commit p95 {base_p95:.1f} ms",
        f"{p95 / base_p95:.1f}×",
        "met" if p95 <= 30 else f"missed by {p95 - 30:.1f} ms",
    )


def bench_login(root: Path, runs: int) -> Result:
    _station(root / "login").db.close()
    layout = DataLayout(root / "login")

    def one() -> None:
        login(layout, "bench.incharge", PASSWORD).db.close()

    median = statistics.median(_timed(one, runs))
    return Result(
        "login: Argon2id unwrap + open + quick_check + audit, median",
        f"{median:.0f} ms",
        "— (part of ≤ 400 ms login→dashboard)",
        "—",
        "—",
        "information",
    )


def bench_deadlines(root: Path, firs: int, runs: int) -> Result:
    ctx = _station(root / "deadlines")
    start = date(2024, 8, 1)
    for n in range(firs):
        day = start + timedelta(days=n % 450)
        register_fir(
            ctx,
            {
                "crime_no": n + 1,
                "crime_year": day.year,
                "registered_at": datetime(day.year, day.month, day.day, 11, 0),
                "offence_date": day,
                "status": "under_investigation",
            },
            ["BNS 64"],
            [{"age": 20 + n % 30, "gender": "female"}],
        )
    today = date(2025, 11, 20)
    median = statistics.median(_timed(lambda: station_deadlines(ctx, today), runs))
    ctx.db.close()
    return Result(
        f"evaluate all deadlines of {firs:,} FIRs, median",
        f"{median:.0f} ms",
        "— (feeds the ≤ 400 ms dashboard)",
        "—",
        "—",
        "information",
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--firs", type=int, default=1000)
    parser.add_argument("--out", default="BENCHMARKS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        results = [
            bench_save(root, args.runs),
            bench_login(root, 7),
            bench_deadlines(root, args.firs, 7),
        ]
    lines = [
        "# Benchmarks",
        "",
        f"Made {date.today():%d-%m-%Y} with `.venv/bin/python -m bench --runs {args.runs} "
        f"--firs {args.firs}` on {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
        f"{platform.python_implementation()} {platform.python_version()}. Targets: "
        "`../shared/design/PERFORMANCE.md`. The rest of the table (100k-row views, search, "
        "reports, sync) comes with the issues that build those parts.",
        "",
        "| measure | result | target | baseline (same run) | ratio | verdict |",
        "|---|---|---|---|---|---|",
        *(
            f"| {r.measure} | {r.value} | {r.target} | {r.baseline} | {r.ratio} | {r.verdict} |"
            for r in results
        ),
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
