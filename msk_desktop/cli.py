"""`msk-desktop`: the command line of the station app (the GUI entry point joins it later).

Passwords come from MSK_PASSWORD or a prompt, never from an argument (arguments show in the
process list). Every error a user can cause is printed in their language with a non-zero exit,
never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from msk_desktop.demo.seed import DEMO_PASSWORD, DEMO_USERNAME, seed_demo
from msk_desktop.domain.dates import format_date, parse_date
from msk_desktop.domain.errors import Message, MskError, ValidationError
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.deadlines import DeadlineItem, station_deadlines
from msk_desktop.ops.maintenance import backup_station, check_station, restore_station
from msk_desktop.ops.report_data import PRINTABLE
from msk_desktop.ops.station import login, setup_station
from msk_desktop.ops.today import TodaysWork, todays_work
from msk_desktop.store.layout import DataLayout, default_data_dir

if TYPE_CHECKING:
    from msk_desktop.reports.jobs import PrintedReport

EXIT_USER_ERROR = 2


class Console:
    """Prints in the chosen language; Hindi unless --lang en or MSK_LANG=en."""

    def __init__(self, language: str) -> None:
        self.language = language

    def say(self, message: Message) -> None:
        print(message.in_language(self.language))

    def error(self, message: Message) -> None:
        print(message.in_language(self.language), file=sys.stderr)


def _secret(prompt: Message, console: Console, confirm: bool = False) -> str:
    from_env = os.environ.get("MSK_PASSWORD")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise MskError(
            Message(
                "पासवर्ड MSK_PASSWORD में दें या टर्मिनल से चलाएँ।",
                "Give the password in MSK_PASSWORD or run from a terminal.",
            )
        )
    first = getpass.getpass(prompt.in_language(console.language) + ": ")
    if (
        confirm
        and getpass.getpass(
            Message("दोबारा लिखें", "Type it again").in_language(console.language) + ": "
        )
        != first
    ):
        raise MskError(Message("दोनों पासवर्ड भिन्न हैं।", "The two passwords differ."))
    return first


def _username(args: argparse.Namespace, console: Console) -> str:
    name = args.user or os.environ.get("MSK_USER")
    if name:
        return str(name)
    if not sys.stdin.isatty():
        raise MskError(Message("--user या MSK_USER दें।", "Give --user or MSK_USER."))
    return input(Message("उपयोगकर्ता नाम", "User name").in_language(console.language) + ": ")


def _layout(args: argparse.Namespace) -> DataLayout:
    return DataLayout(Path(args.data_dir) if args.data_dir else default_data_dir())


def _login(args: argparse.Namespace, console: Console) -> OpContext:
    layout = _layout(args)
    if not layout.exists():
        raise MskError(
            Message(
                f"यहाँ कोई थाना स्थापित नहीं है: {layout.root} (पहले init चलाएँ)",
                f"No station is set up here: {layout.root} (run init first)",
            )
        )
    user = _username(args, console)
    return login(layout, user, _secret(Message("पासवर्ड", "Password"), console))


def _show_recovery_key(console: Console, key: str) -> None:
    console.say(
        Message(
            "रिकवरी कुंजी (केवल एक बार दिखाई जाएगी; छापकर सील बंद लिफाफे में सुरक्षित रखें):",
            "Recovery key (shown once only; print it and keep it sealed in a safe place):",
        )
    )
    print(f"\n    {key}\n")


# ---- commands ------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, console: Console) -> int:
    station = {
        "code": args.code,
        "name_hi": args.name_hi,
        "name_en": args.name_en,
        "district": args.district,
        "circle": args.circle,
    }
    password = _secret(
        Message("प्रभारी का नया पासवर्ड", "New password of the in-charge"), console, confirm=True
    )
    ctx, key = setup_station(_layout(args), station, args.user, args.full_name, password)
    ctx.db.close()
    console.say(
        Message(
            f"थाना {args.code} स्थापित हुआ: {_layout(args).root}",
            f"Station {args.code} is set up in {_layout(args).root}",
        )
    )
    _show_recovery_key(console, key)
    return 0


def cmd_seed_demo(args: argparse.Namespace, console: Console) -> int:
    layout = _layout(args)
    if layout.exists():
        console.say(
            Message(f"डेमो डेटा पहले से है: {layout.root}", f"Demo data already exists in {layout.root}")
        )
        return 0
    today = date.fromisoformat(args.today) if args.today else date.today()
    summary = seed_demo(
        layout,
        today=today,
        scale=args.scale,
        progress=lambda step: print(f"  … {step}", file=sys.stderr),
    )
    console.say(
        Message(f"डेमो थाना बनाया गया: {layout.root}", f"Demo station created in {layout.root}")
    )
    for register, count in summary.counts().items():
        print(f"  {register:<24} {count:>6}")
    console.say(
        Message(
            f"लॉगिन: {DEMO_USERNAME} / {DEMO_PASSWORD}", f"Login: {DEMO_USERNAME} / {DEMO_PASSWORD}"
        )
    )
    _show_recovery_key(console, summary.recovery_key)
    return 0


def _deadline_json(item: DeadlineItem) -> dict[str, object]:
    status = item.status
    described = status.describe()
    return {
        "fir_id": item.fir_id,
        "serial": item.serial,
        "crime_no": item.crime_no,
        "crime_head": item.crime_head,
        "io_name": item.io_name,
        "rule": str(status.rule),
        "state": str(status.state),
        "days": status.days,
        "due_on": status.due_on.isoformat() if status.due_on else None,
        "done_on": status.done_on.isoformat() if status.done_on else None,
        "description_hi": described.hi,
        "description_en": described.en,
    }


def cmd_deadlines(args: argparse.Namespace, console: Console) -> int:
    ctx = _login(args, console)
    today = date.fromisoformat(args.today) if args.today else None
    items = station_deadlines(ctx, today, all_firs=True)
    ctx.db.close()
    if args.json:
        print(json.dumps([_deadline_json(i) for i in items], ensure_ascii=False, indent=1))
        return 0
    if not items:
        console.say(Message("कोई समय-सीमा पार या निकट नहीं।", "Nothing overdue or due soon."))
    for item in items:
        text = item.status.describe().in_language(console.language)
        label = Message("मु0अ0सं0", "Crime no.").in_language(console.language)
        print(f"{label} {item.crime_no:<10} {item.io_name or '-':<24} {text}")
    return 0


def _print_todays_work(work: TodaysWork, console: Console) -> None:
    def heading(hi: str, en: str, count: int) -> None:
        print()
        console.say(Message(f"== {hi} ({count})", f"== {en} ({count})"))

    heading(
        "समय-सीमा पार / निकट (विवेचना, चिकित्सा, सूचना)",
        "Deadlines overdue or due soon",
        len(work.deadlines),
    )
    crime = Message("मु0अ0सं0", "Crime no.").in_language(console.language)
    for item in work.deadlines:
        text = item.status.describe().in_language(console.language)
        print(f"  {crime} {item.crime_no:<10} {item.io_name or '-':<22} {text}")
    heading("अनुवर्ती कार्यवाही देय", "Follow-ups due", len(work.follow_ups))
    for due in work.follow_ups:
        print(f"  {due.register:<22} {due.serial:<10} {due.label:<28} {format_date(due.due_on)}")
    heading("समाप्त होने वाले बंधपत्र", "Bonds expiring", len(work.bonds))
    for bond in work.bonds:
        print(f"  {bond.serial:<10} {bond.label:<16} {format_date(bond.due_on)}")
    heading("कर्मचारी व्यवस्था (परिपत्र के अनुसार)", "Staffing against the circular", len(work.staffing))
    for finding in work.staffing:
        print(f"  [{finding.severity}] {finding.message.in_language(console.language)}")
    heading("निरीक्षण निर्देश जिनका अनुपालन शेष", "Inspection directions open", len(work.directions))
    for direction in work.directions:
        comply_by = format_date(direction.due_on) if direction.due_on else "-"
        flag = "!" if direction.overdue else " "
        print(f"  {flag} {comply_by:<11} {direction.direction[:70]}")


def cmd_today(args: argparse.Namespace, console: Console) -> int:
    ctx = _login(args, console)
    today = date.fromisoformat(args.today) if args.today else None
    work = todays_work(ctx, today)
    ctx.db.close()
    console.say(
        Message(
            f"आज का कार्य — {format_date(work.today)}", f"Today's work — {format_date(work.today)}"
        )
    )
    _print_todays_work(work, console)
    return 0


def cmd_demo(args: argparse.Namespace, console: Console) -> int:
    """The newcomer's first look: the demo station (created on first run) and today's work."""
    layout = DataLayout(Path(args.data_dir) if args.data_dir else default_data_dir() / "demo")
    if not layout.exists():
        console.say(Message("डेमो थाना बनाया जा रहा है…", "Creating the demo station…"))
        summary = seed_demo(
            layout, today=date.today(), progress=lambda step: print(f"  … {step}", file=sys.stderr)
        )
        _show_recovery_key(console, summary.recovery_key)
    ctx = login(layout, DEMO_USERNAME, DEMO_PASSWORD)
    work = todays_work(ctx)
    ctx.db.close()
    console.say(
        Message(
            f"डेमो थाना ({layout.root}) — लॉगिन {DEMO_USERNAME} / {DEMO_PASSWORD}",
            f"Demo station ({layout.root}) — login {DEMO_USERNAME} / {DEMO_PASSWORD}",
        )
    )
    console.say(
        Message(
            f"आज का कार्य — {format_date(work.today)}", f"Today's work — {format_date(work.today)}"
        )
    )
    _print_todays_work(work, console)
    return 0


def cmd_check(args: argparse.Namespace, console: Console) -> int:
    ctx = _login(args, console)
    health = check_station(ctx)
    ctx.db.close()
    rows = [
        (Message("अखण्डता जाँच", "Integrity check"), health.integrity),
        (
            Message("स्कीमा संस्करण", "Schema version"),
            f"{health.schema_version} (head {health.schema_head})",
        ),
        (
            Message("अंतिम बैकअप", "Last backup"),
            f"{format_date(health.last_backup_at.date())} ({health.backups})"
            if health.last_backup_at
            else "-",
        ),
        (
            Message("ऑडिट श्रृंखला", "Audit chain"),
            f"ok ({health.audit.entries})"
            if health.audit.ok
            else f"BROKEN at entry {health.audit.first_broken_seq}: {health.audit.reason}",
        ),
        (Message("भेजने हेतु शेष बदलाव", "Changes not yet sent"), str(health.pending_changes)),
    ]
    for label, value in rows:
        print(f"{label.in_language(console.language):<28} {value}")
    return 0 if health.ok else 1


def cmd_audit_verify(args: argparse.Namespace, console: Console) -> int:
    ctx = _login(args, console)
    audit = check_station(ctx).audit
    ctx.db.close()
    if audit.ok:
        console.say(
            Message(
                f"ऑडिट श्रृंखला सही है ({audit.entries} प्रविष्टियाँ)।",
                f"The audit chain is intact ({audit.entries} entries).",
            )
        )
        return 0
    console.error(
        Message(
            f"ऑडिट श्रृंखला टूटी है: प्रविष्टि {audit.first_broken_seq} ({audit.reason})",
            f"The audit chain is broken at entry {audit.first_broken_seq} ({audit.reason})",
        )
    )
    return 1


def cmd_backup(args: argparse.Namespace, console: Console) -> int:
    ctx = _login(args, console)
    made = backup_station(ctx)
    ctx.db.close()
    console.say(Message(f"बैकअप बना: {made.path}", f"Backup written: {made.path}"))
    return 0


def cmd_restore(args: argparse.Namespace, console: Console) -> int:
    source = Path(args.source)
    if not source.is_file():
        raise MskError(Message(f"फ़ाइल नहीं मिली: {source}", f"No such file: {source}"))
    ctx = _login(args, console)
    kept = restore_station(ctx, source)
    console.say(
        Message(
            f"बैकअप से पुनर्स्थापित; पिछला डेटाबेस यहाँ रखा है: {kept}",
            f"Restored from the backup; the previous database is kept in {kept}",
        )
    )
    return 0


def _printed(console: Console, printed: PrintedReport) -> None:
    console.say(
        Message(
            f"रिपोर्ट लिखी गई: {printed.path} ({printed.pages} पृष्ठ)",
            f"Report written: {printed.path} ({printed.pages} pages)",
        )
    )


def _day(text: str, flag: str) -> date:
    try:
        return parse_date(text)
    except ValueError:
        raise MskError(
            Message(
                f"{flag}: तिथि YYYY-MM-DD या DD-MM-YYYY में दें, न कि {text!r}",
                f"{flag}: give the date as YYYY-MM-DD or DD-MM-YYYY, not {text!r}",
            )
        ) from None


def cmd_report_monthly(args: argparse.Namespace, console: Console) -> int:
    # Imported here so that commands which print nothing (and the GUI) never load ReportLab.
    from msk_desktop.reports.jobs import print_monthly_report  # noqa: PLC0415
    from msk_desktop.reports.monthly_data import ReportMonth  # noqa: PLC0415

    month = ReportMonth.parse(args.month)
    ctx = _login(args, console)
    try:
        printed = print_monthly_report(ctx, month, Path(args.out))
    finally:
        ctx.db.close()
    _printed(console, printed)
    return 0


def cmd_report_register(args: argparse.Namespace, console: Console) -> int:
    from msk_desktop.reports.jobs import print_register  # noqa: PLC0415

    first, last = _day(args.first, "--from"), _day(args.last, "--to")
    ctx = _login(args, console)
    try:
        printed = print_register(ctx, args.register, first, last, Path(args.out))
    finally:
        ctx.db.close()
    _printed(console, printed)
    return 0


def cmd_report_inspection(args: argparse.Namespace, console: Console) -> int:
    from msk_desktop.reports.jobs import print_inspection  # noqa: PLC0415

    ctx = _login(args, console)
    try:
        printed = print_inspection(ctx, args.entry, Path(args.out))
    finally:
        ctx.db.close()
    _printed(console, printed)
    return 0


# ---- parser --------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="msk-desktop", description="Mission Shakti Kendra registers (मिशन शक्ति केन्द्र रजिस्टर)"
    )
    parser.add_argument("--lang", choices=("hi", "en"), default=os.environ.get("MSK_LANG", "hi"))
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on the demo station (created on first run)",
    )
    parser.add_argument(
        "--data-dir",
        dest="app_data_dir",
        help="station data folder for the app (default: the user's data folder)",
    )
    # No command: the desktop app opens.
    sub = parser.add_subparsers(dest="command")

    def command(
        name: str,
        handler: Callable[[argparse.Namespace, Console], int],
        text: str,
        needs_user: bool = True,
    ) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("--data-dir", help="station data folder (default: the user's data folder)")
        if needs_user:
            cmd.add_argument("--user", help="user name (or MSK_USER)")
        cmd.set_defaults(handler=handler)
        return cmd

    init = command("init", cmd_init, "set up a station and its in-charge", needs_user=False)
    for flag in (
        "--code",
        "--name-hi",
        "--name-en",
        "--district",
        "--circle",
        "--user",
        "--full-name",
    ):
        init.add_argument(flag, required=True)
    seed = command(
        "seed-demo",
        cmd_seed_demo,
        "create a demo station with two years of synthetic data",
        needs_user=False,
    )
    seed.add_argument("--today", help="last day of the demo data (YYYY-MM-DD; default today)")
    seed.add_argument(
        "--scale", type=float, default=1.0, help="size factor (1.0 = a mid-size station)"
    )
    deadlines = command("deadlines", cmd_deadlines, "investigations overdue and due soon")
    deadlines.add_argument("--json", action="store_true")
    deadlines.add_argument("--today", help="evaluate as of this day (YYYY-MM-DD)")
    today = command("today", cmd_today, "today's work: deadlines, follow-ups, bonds, staffing")
    today.add_argument("--today", help="as of this day (YYYY-MM-DD)")
    command(
        "demo",
        cmd_demo,
        "open the demo station (created on first run) and show today's work",
        needs_user=False,
    )
    command("check", cmd_check, "integrity, schema, backups, audit chain")
    audit = sub.add_parser("audit", help="audit log tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="verify the hash chain")
    verify.add_argument("--data-dir")
    verify.add_argument("--user")
    verify.set_defaults(handler=cmd_audit_verify)
    command("backup", cmd_backup, "write a backup now")
    restore = command("restore", cmd_restore, "replace the database with a backup")
    restore.add_argument("--from", dest="source", required=True, help="backup file (.msk)")
    report = sub.add_parser("report", help="print a report to a PDF file")
    report_sub = report.add_subparsers(dest="report_command", required=True)

    def report_command(
        name: str, handler: Callable[[argparse.Namespace, Console], int], text: str
    ) -> argparse.ArgumentParser:
        cmd = report_sub.add_parser(name, help=text, description=text)
        cmd.add_argument("--data-dir", help="station data folder (default: the user's data folder)")
        cmd.add_argument("--user", help="user name (or MSK_USER)")
        cmd.add_argument("--out", required=True, help="PDF file to write")
        cmd.set_defaults(handler=handler)
        return cmd

    monthly = report_command(
        "monthly", cmd_report_monthly, "monthly progress report (मासिक प्रगति रिपोर्ट)"
    )
    monthly.add_argument("--month", required=True, help="YYYY-MM")
    register = report_command(
        "register", cmd_report_register, "a register for a date range, as a ruled ledger"
    )
    register.add_argument("--register", required=True, choices=sorted(PRINTABLE))
    register.add_argument("--from", dest="first", required=True, help="first day (YYYY-MM-DD)")
    register.add_argument("--to", dest="last", required=True, help="last day (YYYY-MM-DD)")
    inspection = report_command(
        "inspection", cmd_report_inspection, "the inspection report of one inspection book entry"
    )
    inspection.add_argument("--entry", required=True, help="id of the inspection book entry")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console(args.lang)
    if args.command is None:
        # Imported here so the command line never loads Qt.
        from msk_desktop.gui.app import run_gui  # noqa: PLC0415

        data_dir = Path(args.app_data_dir) if args.app_data_dir else None
        return run_gui(data_dir, args.demo, args.lang)
    try:
        return int(args.handler(args, console))
    except ValidationError as exc:
        for error in exc.errors:
            console.error(
                Message(
                    f"  {error.field}: {error.message.hi}", f"  {error.field}: {error.message.en}"
                )
            )
        return EXIT_USER_ERROR
    except MskError as exc:
        console.error(exc.message)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
