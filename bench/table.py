"""BENCHMARKS.md from one run's figures: the targets table, the growth curve, and the notes
(bench/findings.md, written by hand after profiling, is carried over unchanged)."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.inprocess import Paired, StationFigures
from bench.measure import Result, ms, ratio, verdict, within, within_ratio

FINDINGS = Path(__file__).resolve().parent / "findings.md"
MIB = 2**20
PLAIN = "QSqlTableModel + QTableView, plain SQLite copy"
NOT_YET = (
    ("import 10,000 rows from a spreadsheet", "≥ 2,000 rows/s", "raw sqlite3 executemany"),
    ("district consolidated report, 50 stations", "≤ 10 s", "—"),
    ("sync: push 1,000 ops over loopback", "≤ 0.3 s", "—"),
    ("sync: push 50,000 ops / first pull of 50,000 ops", "≤ 6 s each", "—"),
    ("sync bytes on the wire per op (gzip)", "≤ 200 B", "uncompressed JSON"),
    ("district server: 50 stations syncing at once", "≥ 100 push/s, p95 ≤ 500 ms", "—"),
)


@dataclass(frozen=True)
class Config:
    sizes: tuple[int, ...]  # FIRs of the stress stations; the last is the headline size
    runs: int  # of each in-process measure (medians)
    process_runs: int  # of each fresh-process measure (start-up, memory)
    save_runs: int  # saves timed for the p95
    busy: float  # demo seeder scale of the busy station


@dataclass(frozen=True)
class Measured:
    config: Config
    figures: tuple[StationFigures, ...]  # one per size, in order
    save: Paired  # p95 ms, at the largest size
    startup: tuple[float, float]  # (app to login window, bare window) medians, ms
    memory: tuple[int, int]  # (app, bare window) RSS bytes
    busy_report: float  # median ms
    busy_counts: dict[str, int]
    package_bytes: int | None


def _paired_row(
    measure: str, pair: Paired, limit: float, base_label: str, limit_ratio: float | None = None
) -> Result:
    checks = [within(pair.ours, limit)]
    target = f"≤ {limit:,.0f} ms"
    if limit_ratio is not None:
        checks.append(within_ratio(pair.ours, pair.base, limit_ratio))
        target += f" and ≤ {limit_ratio}×"
    return Result(
        measure,
        ms(pair.ours),
        target,
        f"{base_label}: {ms(pair.base)}",
        ratio(pair.ours, pair.base),
        verdict(checks),
    )


def results(m: Measured) -> list[Result]:
    top = m.figures[-1]
    n = f"{top.firs:,} FIRs"
    app_start, bare_start = m.startup
    app_rss, bare_rss = m.memory
    rows = [
        Result(
            "start to the login window (fresh process, median)",
            ms(app_start),
            "≤ 1.5×",
            f"bare PySide6 QMainWindow: {ms(bare_start)}",
            ratio(app_start, bare_start),
            verdict([within_ratio(app_start, bare_start, 1.5)]),
        ),
        Result(
            f"login to today's work drawn, {n} (median)",
            ms(top.login_to_dashboard),
            "≤ 400 ms",
            f"— (of which login alone: {ms(top.login)})",
            "—",
            verdict([within(top.login_to_dashboard, 400)]),
        ),
        _paired_row(
            f"open the FIR register, first screen drawn, {n} (median)",
            top.view_open,
            100,
            PLAIN,
            1.5,
        ),
        _paired_row(f"sort the FIR register by IO, {n} (median)", top.sort, 150, PLAIN),
        _paired_row(
            f"filter the FIR register by status, {n} (median)", top.status_filter, 150, PLAIN
        ),
        _paired_row(
            f"filter the FIR register by a word, {n} (median)",
            top.text_filter,
            150,
            "same, `LIKE '%word%'` on the place",
        ),
        _paired_row(
            f"global search, Hindi and English, {n} (p95)",
            top.search_p95,
            30,
            "bare FTS5 MATCH, same encrypted file, p95",
        ),
        _paired_row(
            f"save one FIR (validation, audit, outbox, search index, fsync), {n} (p95)",
            m.save,
            30,
            "raw sqlite3 insert + commit into the plain copy, p95",
        ),
        Result(
            f"monthly station report PDF, busy station (median of {m.config.runs})",
            ms(m.busy_report),
            "≤ 1,500 ms",
            "—",
            "—",
            verdict([within(m.busy_report, 1500)]),
        ),
        Result(
            f"app memory (RSS), {n} open, register scrolled, one search",
            f"{app_rss / MIB:,.0f} MiB",
            "≤ 300 MiB",
            f"bare PySide6 window: {bare_rss / MIB:,.0f} MiB",
            ratio(app_rss, bare_rss),
            verdict([within(app_rss / MIB, 300, "MiB")]),
        ),
    ]
    if m.package_bytes is not None:
        size = m.package_bytes / MIB
        rows.append(
            Result(
                "packaged app (PyInstaller one folder, this OS)",
                f"{size:,.0f} MiB",
                "≤ 250 MiB",
                "—",
                "—",
                verdict([within(size, 250, "MiB")]),
            )
        )
    rows += [
        Result(what, "not measured yet", target, base, "—", "—") for what, target, base in NOT_YET
    ]
    return rows


def _machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores, {memory:.0f} GiB memory, {platform.system()} "
        f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    )


def _growth(m: Measured) -> list[str]:
    lines = [
        "| FIRs | login → today's work | open register | sort | filter (word) | search p95 "
        "| monthly report |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in m.figures:
        lines.append(
            f"| {f.firs:,} | {ms(f.login_to_dashboard)} | {ms(f.view_open.ours)} | "
            f"{ms(f.sort.ours)} | {ms(f.text_filter.ours)} | {ms(f.search_p95.ours)} | "
            f"{ms(f.report)} |"
        )
    return lines


def render(m: Measured, command: str) -> str:
    busy = ", ".join(f"{table} {count:,}" for table, count in m.busy_counts.items())
    lines = [
        "# Benchmarks",
        "",
        f"Made {date.today():%d-%m-%Y} with `{command}` on {_machine()}. Targets and method: "
        "`shared/design/PERFORMANCE.md`. Each figure is the median (or p95 where the target is "
        f"one) of {m.config.runs} runs ({m.config.process_runs} fresh processes for start-up "
        f"and memory, {m.config.save_runs} saves for the save p95), with its baseline measured "
        "in the same run; the ratio is ours ÷ baseline. The machine is shared: compare ratios "
        "rather than absolute figures across runs.",
        "",
        "| measure | result | target | baseline (same run) | ratio | verdict |",
        "|---|---|---|---|---|---|",
        *(
            f"| {r.measure} | {r.value} | {r.target} | {r.baseline} | {r.ratio} | {r.verdict} |"
            for r in results(m)
        ),
        "",
        "## Growth with the data",
        "",
        "Stress stations (FIRs only, one section and one victim each, five years), medians; "
        "search is p95. Start-up to the login window reads no data, so it does not grow.",
        "",
        *_growth(m),
        "",
        "## Data and baselines",
        "",
        f"- Stress stations: `bench/generate.py` `stress_station`, seed 38, sizes "
        f"{', '.join(f'{s:,}' for s in m.config.sizes)} FIRs.",
        f"- Busy station: the demo seeder at scale {m.config.busy:g} ({busy}).",
        "- Qt's SQLite driver cannot read SQLCipher, so the QSqlTableModel baseline reads a "
        "plain copy of the same station made with `sqlcipher_export` (same schema and "
        "indexes). The FTS5 baseline runs a bare MATCH on the encrypted file itself; the save "
        "baseline inserts the same FIR row into the plain copy with `journal_mode=WAL`, "
        "`synchronous=FULL`, as the app runs.",
        "- Start-up: both processes are started by the benchmark and say `shown` from the "
        "first turn of their event loop after `show()`; the app does so under "
        "`MSK_EXIT_WHEN_SHOWN=1` (`msk_desktop/gui/app.py`), offscreen.",
        "",
    ]
    if FINDINGS.exists():
        lines += [FINDINGS.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(lines)


def write_table(m: Measured, command: str, out: Path) -> str:
    text = render(m, command)
    out.write_text(text, encoding="utf-8")
    return text
