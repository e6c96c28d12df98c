"""`msk-district`: run the district sync server and administer its stations and devices.

The database URL comes from --db or MSK_DISTRICT_DB, e.g.
``postgresql+psycopg://msk@db.example/district`` (or ``sqlite:///district.db`` for a laptop demo).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from msk_desktop.district import admin, report_cli
from msk_desktop.district.errors import DistrictError
from msk_desktop.district.tables import SCHEMA_VERSION
from msk_desktop.domain.dates import format_date
from msk_desktop.domain.errors import MskError
from msk_desktop.sync import syncfile

T = TypeVar("T")


def _engine(url: str) -> Engine:
    # SQLite (the laptop demo): a pull waits for a push's commit instead of failing "locked".
    waits = {"timeout": 30} if url.startswith("sqlite") else {}
    return create_engine(url, pool_pre_ping=True, connect_args=waits)


def _in_transaction(engine: Engine, work: Callable[[Session], T]) -> T:
    with Session(engine) as session, session.begin():
        return work(session)


def cmd_init(args: argparse.Namespace, engine: Engine) -> int:
    done = admin.initialise(engine)
    print(
        {
            "created": "district database set up",
            "upgraded": f"district database upgraded to version {SCHEMA_VERSION}",
            "current": "district database was already set up",
        }[done]
    )
    return 0


def cmd_serve(args: argparse.Namespace, engine: Engine) -> int:
    import uvicorn  # noqa: PLC0415 - only the server needs it

    from msk_desktop.district.app import create_app  # noqa: PLC0415

    admin.check_schema(engine)
    if bool(args.tls_cert) != bool(args.tls_key):
        print("give both --tls-cert and --tls-key, or neither", file=sys.stderr)
        return 2
    uvicorn.run(
        create_app(engine),
        host=args.host,
        port=args.port,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        log_level="info",
    )
    return 0


def cmd_add_station(args: argparse.Namespace, engine: Engine) -> int:
    _in_transaction(engine, lambda s: admin.add_station(s, args.code, args.name, args.circle))
    print(f"station {args.code} added (circle {args.circle})")
    return 0


def cmd_enrol_code(args: argparse.Namespace, engine: Engine) -> int:
    code = _in_transaction(engine, lambda s: admin.enrol_code(s, args.station, args.role))
    print(f"one-time enrolment code for {args.station} ({args.role}), valid 7 days:")
    print(f"    {code}")
    return 0


def cmd_devices(args: argparse.Namespace, engine: Engine) -> int:
    with Session(engine) as session:
        for device in admin.devices(session):
            state = (
                f"revoked {format_date(device.revoked_at.date())}"
                if device.revoked_at
                else "active"
            )
            seen = device.last_push_at or device.last_pull_at
            last = seen.isoformat(timespec="seconds") if seen else "-"
            print(
                f"{device.device_id}  {device.station_code:<14} {device.role:<8} {state:<20} "
                f"last sync {last:<26} {device.label}"
            )
    return 0


def cmd_revoke(args: argparse.Namespace, engine: Engine) -> int:
    _in_transaction(engine, lambda s: admin.revoke(s, args.device))
    print(f"device {args.device} revoked")
    return 0


def cmd_status(args: argparse.Namespace, engine: Engine) -> int:
    with Session(engine) as session:
        print(f"{'station':<14} {'circle':<16} {'devices':>7}  {'last sync':<26} conflicts")
        for row in admin.status(session):
            last = row.last_sync.isoformat(timespec="seconds") if row.last_sync else "-"
            print(
                f"{row.code:<14} {row.circle:<16} {row.devices:>7}  {last:<26} {row.open_conflicts}"
            )
    return 0


def cmd_new_epoch(args: argparse.Namespace, engine: Engine) -> int:
    epoch = _in_transaction(engine, admin.new_epoch)
    print(f"new server epoch {epoch}: devices will send their changes again and re-pull")
    return 0


def cmd_import_syncfile(args: argparse.Namespace, engine: Engine) -> int:
    """A station PC's offline sync file: applied, and its answer written for the PC."""
    from msk_desktop.district.offline import answer_station_file  # noqa: PLC0415

    out = Path(args.answer)
    try:
        syncfile.check_writable(out)
        data = syncfile.read_file(Path(args.file))
        answered = _in_transaction(engine, lambda s: answer_station_file(s, data))
        syncfile.write_file(out, answered.data)
    except MskError as exc:
        print(f"{exc.message.hi}\n{exc.message.en}", file=sys.stderr)
        return 2
    except DistrictError as exc:
        print(f"{exc.body.reason.hi}\n{exc.body.reason.en}", file=sys.stderr)
        return 2
    counts = ", ".join(f"{status} {n}" for status, n in sorted(answered.outcomes.items()))
    print(
        f"device {answered.device_id} ({answered.station_code}): changes {counts or 'none'}; "
        f"{answered.rows} rows to send back"
    )
    print(f"answer file written: {out}  (take it to the PC: msk-desktop sync-import-answer)")
    return 0


def cmd_audit_verify(args: argparse.Namespace, engine: Engine) -> int:
    """Per device: the district's copy of its audit chain walked, then the alarms of PCs whose
    entries did not continue their copy. Exit 1 when anything is wrong."""
    from msk_desktop.district import audit_chain  # noqa: PLC0415

    with Session(engine) as session:
        try:
            devices = [
                (d.device_id, d.station_code)
                for d in audit_chain.station_devices(session, args.station)
            ]
        except DistrictError as exc:
            print(f"{exc.body.reason.hi}\n{exc.body.reason.en}", file=sys.stderr)
            return 2
        broken = False
        for device_id, station in devices:
            report = audit_chain.verify_copy(session, device_id)
            if report.ok:
                print(f"{device_id}  {station:<14} OK ({report.entries} entries)")
            else:
                broken = True
                print(
                    f"{device_id}  {station:<14} BROKEN at entry {report.first_broken_seq}: "
                    f"{report.reason} ({report.entries} entries hold before it)"
                )
        alarms = audit_chain.alarms(session, [device_id for device_id, _ in devices])
    for alarm in alarms:
        first, last = (t.isoformat(timespec="seconds") for t in (alarm.first_at, alarm.last_at))
        print(
            f"ALARM {alarm.device_id}: entry {alarm.seq} sent by the PC did not continue the "
            f"district's copy ({alarm.reason}); first {first}, last {last}, {alarm.times} time(s)"
        )
    return 1 if broken or alarms else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="msk-district", description="MSK district sync server")
    parser.add_argument("--db", default=os.environ.get("MSK_DISTRICT_DB"), help="database URL")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(
        name: str, handler: Callable[[argparse.Namespace, Engine], int], text: str
    ) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("--db", default=argparse.SUPPRESS, help="database URL")
        cmd.set_defaults(handler=handler)
        return cmd

    command("init", cmd_init, "create the district tables (safe to run again)")
    serve = command("serve", cmd_serve, "run the sync server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--tls-cert")
    serve.add_argument("--tls-key")
    station = command("add-station", cmd_add_station, "register a police station")
    station.add_argument("--code", required=True)
    station.add_argument("--name", required=True)
    station.add_argument("--circle", required=True)
    code = command("enrol-code", cmd_enrol_code, "issue a one-time enrolment code")
    code.add_argument("--station", required=True, help="station code")
    code.add_argument("--role", choices=("station", "circle"), default="station")
    command("devices", cmd_devices, "list enrolled devices")
    revoke = command("revoke", cmd_revoke, "revoke a device")
    revoke.add_argument("device", help="device id")
    command("status", cmd_status, "per station: devices, last sync, open conflicts")
    command("new-epoch", cmd_new_epoch, "after restoring the database from a backup")
    offline = command(
        "import-syncfile", cmd_import_syncfile, "apply a station PC's offline sync file"
    )
    offline.add_argument("file", help="the sync file the PC wrote (msk-desktop sync-export)")
    offline.add_argument("--answer", required=True, help="answer file to write for the PC")
    report_cli.add_commands(command)
    audit = command(
        "audit-verify", cmd_audit_verify, "check the district's copies of the PCs' audit chains"
    )
    audit.add_argument("--station", help="station code (default: every station)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.db:
        print("give --db URL or set MSK_DISTRICT_DB", file=sys.stderr)
        return 2
    engine = _engine(args.db)
    try:
        return int(args.handler(args, engine))
    except DistrictError as exc:
        print(exc.body.reason.en, file=sys.stderr)
        return 2
    except OperationalError as exc:
        print(f"cannot use the database: {exc.orig}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
