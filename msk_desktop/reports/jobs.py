"""Printing a report as a user does it: build the data, render it, write the file or hand it to
a printer, and record the output in the audit log. The command line and the desktop app both
call these.

Rendering alone records nothing: a preview on screen is not a copy that leaves the system. Each
copy saved or printed is recorded (BNS 72: who took which report out, and when).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from msk_desktop.domain.errors import Message, MskError
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.report_data import record_print
from msk_desktop.reports.district_data import build_district_report
from msk_desktop.reports.district_pdf import Lang, render_district_pdf
from msk_desktop.reports.formatting import format_moment
from msk_desktop.reports.inspection_data import build_inspection_report
from msk_desktop.reports.inspection_pdf import render_inspection
from msk_desktop.reports.ledger import render_ledger
from msk_desktop.reports.ledger_data import build_ledger
from msk_desktop.reports.monthly_data import ReportMonth, build_monthly_report
from msk_desktop.reports.monthly_pdf import render_monthly
from msk_desktop.reports.pages import RenderedPdf

Output = Literal["pdf", "printer"]


@dataclass(frozen=True)
class MonthlyRequest:
    month: ReportMonth


@dataclass(frozen=True)
class RegisterRequest:
    register: str
    first: date
    last: date


@dataclass(frozen=True)
class InspectionRequest:
    entry_id: str


@dataclass(frozen=True)
class DistrictRequest:
    """The consolidated report of every station in the database, or of one circle."""

    month: ReportMonth
    circle: str | None = None
    lang: Lang = "hi"
    circles: tuple[tuple[str, str], ...] = ()  # station code -> circle, as the district has them


ReportRequest = MonthlyRequest | RegisterRequest | InspectionRequest | DistrictRequest


@dataclass(frozen=True)
class PrintedReport:
    path: Path
    pages: int


def printed_stamp(ctx: OpContext) -> Message:
    """The footer line saying when and by which account a report was printed."""
    at = format_moment(ctx.now())
    username = ctx.actor.username
    return Message(f"मुद्रित: {at}, {username}", f"printed {at} by {username}")


def render_report(ctx: OpContext, request: ReportRequest) -> RenderedPdf:
    """The report's PDF, in memory; nothing is written or recorded."""
    stamp = printed_stamp(ctx)
    match request:
        case MonthlyRequest(month):
            return render_monthly(build_monthly_report(ctx, month), stamp)
        case RegisterRequest(register, first, last):
            return render_ledger(build_ledger(ctx, register, first, last), stamp)
        case InspectionRequest(entry_id):
            return render_inspection(build_inspection_report(ctx, entry_id), stamp)
        case DistrictRequest(month, circle, lang, circles):
            report = build_district_report(ctx, month, circle, circles=dict(circles))
            return render_district_pdf(report, stamp, lang)


def record_output(ctx: OpContext, request: ReportRequest, pages: int, output: Output) -> None:
    """The audit entry of one copy saved or printed: the report, its period or entry, the
    number of pages, and whether it went to a file or a printer."""
    match request:
        case MonthlyRequest(month):
            record_print(
                ctx,
                "monthly",
                pages=pages,
                output=output,
                month=f"{month.year}-{month.month:02d}",
            )
        case RegisterRequest(register, first, last):
            record_print(
                ctx,
                "register",
                pages=pages,
                output=output,
                register=register,
                first=first.isoformat(),
                last=last.isoformat(),
            )
        case InspectionRequest(entry_id):
            record_print(
                ctx,
                "inspection",
                pages=pages,
                entity_table="inspection_entry",
                entity_id=entry_id,
                output=output,
            )
        case DistrictRequest(month, circle):
            record_print(
                ctx,
                "district",
                pages=pages,
                output=output,
                month=f"{month.year}-{month.month:02d}",
                circle=circle or "*",
            )


def _write(out: Path, rendered: RenderedPdf) -> PrintedReport:
    """Write through a temporary file in the same folder, so a failed print never leaves a
    half-written PDF under the chosen name."""
    folder = out.parent if str(out.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".msk-print-", suffix=".pdf")
        with os.fdopen(handle, "wb") as stream:
            stream.write(rendered.data)
        Path(temporary).replace(out)
    except OSError as exc:
        raise MskError(
            Message(
                f"रिपोर्ट फ़ाइल नहीं लिखी जा सकी: {out} ({exc.strerror})",
                f"Could not write the report file {out} ({exc.strerror})",
            )
        ) from exc
    return PrintedReport(out, rendered.pages)


def save_report(
    ctx: OpContext, request: ReportRequest, rendered: RenderedPdf, out: Path
) -> PrintedReport:
    """Write a rendered report to ``out`` and record the copy."""
    printed = _write(out, rendered)
    record_output(ctx, request, printed.pages, "pdf")
    return printed


def print_report(ctx: OpContext, request: ReportRequest, out: Path) -> PrintedReport:
    """Render the report and write it to ``out`` (what the command line does)."""
    return save_report(ctx, request, render_report(ctx, request), out)
