"""Printing a report as a user does it: build the data, render it, write the file, and record
the print in the audit log. The command line and the desktop app both call these."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from msk_desktop.domain.errors import Message, MskError
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.report_data import record_print
from msk_desktop.reports.formatting import format_moment
from msk_desktop.reports.inspection_data import build_inspection_report
from msk_desktop.reports.inspection_pdf import render_inspection
from msk_desktop.reports.ledger import render_ledger
from msk_desktop.reports.ledger_data import build_ledger
from msk_desktop.reports.monthly_data import ReportMonth, build_monthly_report
from msk_desktop.reports.monthly_pdf import render_monthly
from msk_desktop.reports.pages import RenderedPdf


@dataclass(frozen=True)
class PrintedReport:
    path: Path
    pages: int


def printed_stamp(ctx: OpContext) -> Message:
    """The footer line saying when and by which account a report was printed."""
    at = format_moment(ctx.now())
    username = ctx.actor.username
    return Message(f"मुद्रित: {at}, {username}", f"printed {at} by {username}")


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


def print_monthly_report(ctx: OpContext, month: ReportMonth, out: Path) -> PrintedReport:
    report = build_monthly_report(ctx, month)
    printed = _write(out, render_monthly(report, printed_stamp(ctx)))
    record_print(ctx, "monthly", pages=printed.pages, month=f"{month.year}-{month.month:02d}")
    return printed


def print_register(
    ctx: OpContext, register: str, first: date, last: date, out: Path
) -> PrintedReport:
    ledger = build_ledger(ctx, register, first, last)
    printed = _write(out, render_ledger(ledger, printed_stamp(ctx)))
    record_print(
        ctx,
        "register",
        pages=printed.pages,
        register=register,
        first=first.isoformat(),
        last=last.isoformat(),
    )
    return printed


def print_inspection(ctx: OpContext, entry_id: str, out: Path) -> PrintedReport:
    report = build_inspection_report(ctx, entry_id)
    printed = _write(out, render_inspection(report, printed_stamp(ctx)))
    record_print(
        ctx,
        "inspection",
        pages=printed.pages,
        entity_table="inspection_entry",
        entity_id=entry_id,
    )
    return printed
