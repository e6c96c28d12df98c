"""BENCHMARKS.md from one run's figures: the targets table, the growth curve, and the notes
(bench/findings.md, written by hand after profiling, is carried over unchanged)."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench import fiveyear
from bench.circles import CircleFigures, DistrictFigures
from bench.imports import ImportFigures
from bench.inprocess import Paired, StationFigures
from bench.measure import Result, at_least, ms, ratio, secs, verdict, within, within_ratio
from bench.syncing import ManyFigures, PushFigures
from msk_desktop.sync.protocol import MAX_BATCH

FINDINGS = Path(__file__).resolve().parent / "findings.md"
MIB = 2**20
PLAIN = "QSqlTableModel + QTableView, plain SQLite copy"
REGISTER_NAMES = {"fir": "FIRs", "helpdesk_application": "help desk applications"}


@dataclass(frozen=True)
class Config:
    sizes: tuple[int, ...]  # FIRs of the stress stations; the last is the headline size
    runs: int  # of each in-process measure (medians)
    process_runs: int  # of each fresh-process measure (start-up, memory)
    save_runs: int  # saves timed for the p95
    scale: float  # of the five-year station (1.0: PERFORMANCE.md's busy station)
    import_rows: int  # rows of each spreadsheet imported
    import_runs: int
    sync_small: int  # ops of the small push (PERFORMANCE.md: 1,000)
    sync_large: int  # ops of a station's first sync (50,000)
    sync_runs: int  # of the small push; the large push runs once (minutes each)
    sync_stations: int  # stations syncing at once (50)
    sync_requests: int  # push requests of 50 ops each of them sends
    circle_stations: int  # on the circle officer's file (10)
    district_stations: int  # on the district's file (50)


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
    imports: tuple[ImportFigures, ...]
    circle: CircleFigures
    district: DistrictFigures
    push_small: PushFigures
    push_large: PushFigures
    many: ManyFigures
    sync_database: str  # what the district server ran on
    generated: dict[str, float | None]  # seconds each generated data set took, by name
    # The 1-minute load average when the run began and when it ended: on a shared machine it
    # says how far the absolute figures are from an idle one (None: a run before it was kept).
    load: tuple[float, float] | None = None


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
    else:
        rows.append(
            Result(
                "packaged app (PyInstaller one folder, this OS)",
                "no build in dist/ to measure",
                "≤ 250 MiB",
                "—",
                "—",
                "— (`tests/packaging` builds it and fails over 250 MiB)",
            )
        )
    rows += [_import_row(m, figures) for figures in m.imports]
    rows += _many_station_rows(m)
    rows += _sync_rows(m)
    return rows


def _import_row(m: Measured, f: ImportFigures) -> Result:
    return Result(
        f"import {f.rows:,} {REGISTER_NAMES[f.register]} from a spreadsheet (read, map, dry run, "
        f"confirm; median of {f.runs}; dry run alone {secs(f.dry_run)})",
        f"{f.rate:,.0f} rows/s",
        "≥ 2,000 rows/s",
        f"raw sqlite3 executemany + commit into the plain copy: {f.base_rate:,.0f} rows/s",
        ratio(f.seconds, f.base_seconds) + " (time)",
        verdict([at_least(f.rate, 2000, "rows/s")]),
    )


def _many_station_rows(m: Measured) -> list[Result]:
    c, d = m.circle, m.district
    return [
        Result(
            f"circle view (`circle_summary`, a month), {c.stations} five-year stations "
            f"on the file (median of {c.runs})",
            ms(c.view_ms),
            "≤ 1,000 ms",
            "—",
            "—",
            verdict([within(c.view_ms, 1000)]),
        ),
        Result(
            f"district consolidated report, {d.stations} five-year stations, data + PDF "
            f"({d.pages} pages; median of {d.runs})",
            ms(d.pdf_ms),
            "≤ 10,000 ms",
            f"— (data alone, once: {ms(d.data_ms)})",
            "—",
            verdict([within(d.pdf_ms, 10_000)]),
        ),
    ]


def _push_row(what: str, seconds: float, limit: float, note: str) -> Result:
    return Result(
        what,
        secs(seconds),
        f"≤ {limit:g} s",
        note,
        "—",
        verdict([within(seconds * 1000, limit * 1000)]),
    )


def _sync_rows(m: Measured) -> list[Result]:
    small, large, many = m.push_small, m.push_large, m.many
    return [
        _push_row(
            f"sync: push {small.ops:,} ops over loopback, durable on both ends (one sync; "
            f"median of {m.config.sync_runs})",
            small.push_seconds,
            0.3,
            f"— (the sync also pulls back the {small.pulled_back:,} rows it sent)",
        ),
        _push_row(
            f"sync: push {large.ops:,} ops, a station's first sync (one run)",
            large.push_seconds,
            6,
            f"— (the sync also pulls back the {large.pulled_back:,} rows it sent)",
        ),
        _push_row(
            f"sync: first pull of a station with {large.ops:,} ops, a new PC (one run)",
            large.pull_seconds or 0.0,
            6,
            f"— ({large.pulled:,} rows pulled)",
        ),
        Result(
            f"sync bytes on the wire per op (gzip request bodies, {large.ops:,} ops)",
            f"{large.gzip_bytes_per_op:,.0f} B",
            "≤ 200 B",
            f"the same ops as uncompressed JSON: {large.json_bytes_per_op:,.0f} B",
            ratio(large.gzip_bytes_per_op, large.json_bytes_per_op),
            verdict([within(large.gzip_bytes_per_op, 200, "B")]),
        ),
        Result(
            f"district server: {many.stations} stations syncing at once, {many.requests:,} "
            "pushes of 50 ops (timed inside the server)",
            f"{many.per_second:,.0f} push/s, p95 {ms(many.p95_ms)}",
            "≥ 100 push/s, p95 ≤ 500 ms",
            f"— (p95 as the clients waited: {ms(many.client_p95_ms)})",
            "—",
            verdict([at_least(many.per_second, 100, "push/s"), within(many.p95_ms, 500)]),
        ),
    ]


def _machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores, {memory:.0f} GiB memory, {platform.system()} "
        f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    )


def _load(m: Measured) -> str:
    if m.load is None:
        return "The machine's load during the run was not recorded."
    start, end = m.load
    return (
        f"Load average (1 min) at the start and the end of the run: {start:.1f} and {end:.1f} "
        f"on {os.cpu_count()} cores; above about 1, other work slowed the absolute figures."
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


def _generated(m: Measured, name: str) -> str:
    seconds = m.generated.get(name)
    return "cached from an earlier run" if seconds is None else f"generated in {seconds:,.0f} s"


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
        "rather than absolute figures across runs. " + _load(m),
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
        f"- Busy station (the monthly report, the imports, the sync pushes): `bench/fiveyear.py` "
        f"`five_year_station` at scale {m.config.scale:g} of PERFORMANCE.md's five busy years, "
        f"seed 38 ({busy}; with their sections, victims and pseudonymised identities, accused, "
        "milestones, follow-ups, counselling sessions, PPK referrals, roster assignments and "
        f"staff), written with SQLAlchemy Core in batches; {_generated(m, 'station')}.",
        f"- Files of many stations (`many_stations`): {m.config.circle_stations} stations in "
        f"one circle ({_generated(m, 'circle')}) and {m.config.district_stations} over "
        f"{fiveyear.CIRCLES} circles ({_generated(m, 'district')}). One station is generated and "
        "copied in SQL for the others, every id remapped and its search documents copied: "
        "generating each would take as long per station for rows that differ only in their "
        "ids. Every station of a file therefore has the same figures.",
        f"- Sync: the district server (`bench/district_server.py`: the app's `create_app` under "
        f"uvicorn, in its own process) on {m.sync_database}, in a schema of its own dropped "
        "after; station PCs sync with the app's engine and client over loopback HTTP. A push "
        "is one `sync` of a station whose first N rows wait in the outbox (token, audit push, "
        "push, outcomes recorded, pull), timed until both ends have committed. Bytes are the "
        "request bodies as the server received them (HTTP headers left out: about 300 B a "
        f"request of {MAX_BATCH} ops). The many-station load: one thread per station in the "
        "benchmark's process, each with its own enrolled device; both processes share the "
        "machine's cores.",
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
