"""`msk-district report monthly` (the consolidated PDF for the nodal officer's meeting) and
`msk-district overview` (one line per station on the terminal): both catch the district's
report copy up with the stations' latest changes first (``report_replica``)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from msk_desktop.district import admin, report_replica
from msk_desktop.domain.errors import Message, MskError
from msk_desktop.ops.context import OpContext
from msk_desktop.reports.circle_data import CircleRow, circle_summary
from msk_desktop.reports.formatting import EMPTY, format_moment, format_rate
from msk_desktop.reports.jobs import DistrictRequest, print_report
from msk_desktop.reports.monthly_data import ReportMonth
from msk_desktop.store.database import StationDatabase

Command = Callable[[str, Callable[[argparse.Namespace, Engine], int], str], argparse.ArgumentParser]


def _fail(message: Message) -> int:
    print(f"{message.hi}\n{message.en}", file=sys.stderr)
    return 2


def _replica_folder(args: argparse.Namespace) -> Path:
    folder = args.replica or os.environ.get("MSK_DISTRICT_REPLICA")
    if not folder:
        raise MskError(
            Message(
                "रिपोर्ट प्रति का फ़ोल्डर --replica DIR से दें या MSK_DISTRICT_REPLICA रखें।",
                "Give the report copy's folder with --replica DIR or set MSK_DISTRICT_REPLICA.",
            )
        )
    return Path(folder)


@dataclass
class _Copy:
    db: StationDatabase
    ctx: OpContext
    caught_up: report_replica.CatchUp


def _caught_up_copy(args: argparse.Namespace, engine: Engine) -> _Copy:
    db = report_replica.open_replica(_replica_folder(args), engine)
    try:
        caught_up = report_replica.catch_up(db, engine)
        ctx = report_replica.district_context(db)
    except BaseException:
        db.close()
        raise
    if ctx is None:
        db.close()
        raise MskError(
            Message(
                "अभी किसी थाने ने सिंक नहीं किया है; रिपोर्ट के लिए कोई आँकड़ा नहीं।",
                "No station has synced yet: there is nothing to report.",
            )
        )
    print(
        f"report copy: {caught_up.rows} changed rows applied in {caught_up.pages} page(s), "
        f"up to district change {caught_up.cursor}",
        file=sys.stderr,
    )
    return _Copy(db, ctx, caught_up)


def cmd_report_monthly(args: argparse.Namespace, engine: Engine) -> int:
    started = time.perf_counter()
    try:
        month = ReportMonth.parse(args.month)  # before anything is read or written
        out = Path(args.out or f"district-{month.year}-{month.month:02d}.pdf")
        copy = _caught_up_copy(args, engine)
        try:
            circles = tuple(sorted(report_replica.circles_of(engine).items()))
            request = DistrictRequest(month, args.circle, args.lang, circles)
            printed = print_report(copy.ctx, request, out)
        finally:
            copy.db.close()
    except MskError as exc:
        return _fail(exc.message)
    seconds = time.perf_counter() - started
    print(f"written: {printed.path} ({printed.pages} pages, {seconds:.1f} s)")
    return 0


@dataclass(frozen=True)
class _Line:
    row: CircleRow
    circle: str
    last_sync: datetime | None


def _worst_first(value: float | None) -> float:
    """Sort key putting the lowest share first and a missing one last."""
    return 2.0 if value is None else value


# --sort: the worst station first for each figure.
SORTS: dict[str, Callable[[_Line], Any]] = {
    "station": lambda x: x.row.station.code,
    "circle": lambda x: (x.circle, x.row.station.code),
    "overdue": lambda x: -x.row.overdue_investigations,
    "late": lambda x: -x.row.deadlines_late,
    "pending": lambda x: -(x.row.applications_pending + x.row.ppk_pending),
    "coverage": lambda x: _worst_first(x.row.roster_coverage),
    "staff": lambda x: -x.row.staff_violations,
    "last-sync": lambda x: x.last_sync.timestamp() if x.last_sync else 0.0,
    "directions": lambda x: -x.row.directions_open,
    "disposal": lambda x: _worst_first(x.row.rates.disposal_rate),
    "pendency": lambda x: -(x.row.rates.pendency_rate or 0.0),
    "compliance": lambda x: _worst_first(x.row.rates.compliance_rate),
}
COLUMNS = (
    ("station", 12),
    ("circle", 14),
    ("overdue", 7),
    ("on time/late", 12),
    ("apps", 5),
    ("ppk", 4),
    ("roster", 7),
    ("staff v/w", 9),
    ("directions o/od", 15),
    ("disposal", 8),
    ("pendency", 8),
    ("60-day", 7),
    ("last sync", 16),
)


def _cells(line: _Line) -> list[str]:
    row, rates = line.row, line.row.rates
    return [
        row.station.code,
        line.circle,
        str(row.overdue_investigations),
        f"{row.deadlines_on_time}/{row.deadlines_late}",
        str(row.applications_pending),
        str(row.ppk_pending),
        format_rate(row.roster_coverage),
        f"{row.staff_violations}/{row.staff_warnings}",
        f"{row.directions_open}/{row.directions_overdue}",
        format_rate(rates.disposal_rate),
        format_rate(rates.pendency_rate),
        format_rate(rates.compliance_rate),
        format_moment(line.last_sync) if line.last_sync else EMPTY,
    ]


def _print_table(lines: list[_Line]) -> None:
    def out(cells: list[str]) -> None:
        # Names to the left, figures to the right.
        padded = (
            f"{cell:<{width}}" if index < 2 else f"{cell:>{width}}"
            for index, (cell, (_, width)) in enumerate(zip(cells, COLUMNS, strict=True))
        )
        print("  ".join(padded).rstrip())

    out([name for name, _ in COLUMNS])
    for line in lines:
        out(_cells(line))


def cmd_overview(args: argparse.Namespace, engine: Engine) -> int:
    try:
        month = ReportMonth.parse(args.month)
        copy = _caught_up_copy(args, engine)
        try:
            rows = circle_summary(copy.ctx, month)
        finally:
            copy.db.close()
    except MskError as exc:
        return _fail(exc.message)
    with Session(engine) as session:
        health = {h.code: h for h in admin.status(session)}
    lines = [
        _Line(
            row,
            health[row.station.code].circle if row.station.code in health else row.station.circle,
            health[row.station.code].last_sync if row.station.code in health else None,
        )
        for row in rows
    ]
    lines = [line for line in lines if args.circle is None or line.circle == args.circle]
    key = SORTS[args.sort]
    _print_table(sorted(lines, key=lambda line: (key(line), line.row.station.code)))
    print(f"{month.name.en}: {len(lines)} stations")
    return 0


def add_commands(command: Command) -> None:
    """The two commands, on ``msk-district``'s parser."""
    report = command("report", cmd_report_monthly, "the district consolidated report (PDF)")
    kinds = report.add_subparsers(dest="report", required=True)
    monthly = kinds.add_parser(
        "monthly", help="the monthly consolidated report", description="the monthly report"
    )
    monthly.add_argument("--db", default=argparse.SUPPRESS, help="database URL")
    monthly.add_argument("--month", required=True, help="YYYY-MM")
    monthly.add_argument("--lang", choices=("hi", "en"), default="hi")
    monthly.add_argument("--out", help="PDF to write (default district-YYYY-MM.pdf)")
    monthly.add_argument("--circle", help="one circle only")
    monthly.add_argument("--replica", help="folder of the report copy ($MSK_DISTRICT_REPLICA)")
    overview = command("overview", cmd_overview, "one line per station for a month")
    overview.add_argument("--month", required=True, help="YYYY-MM")
    overview.add_argument("--sort", choices=tuple(SORTS), default="circle")
    overview.add_argument("--circle", help="one circle only")
    overview.add_argument("--replica", help="folder of the report copy ($MSK_DISTRICT_REPLICA)")
