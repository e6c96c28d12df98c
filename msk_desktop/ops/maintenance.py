"""Health check, backup and restore, as the in-charge runs them."""

from __future__ import annotations

from pathlib import Path

from msk_desktop.ops.context import OpContext
from msk_desktop.ops.permissions import require
from msk_desktop.store.backup import BackupFile
from msk_desktop.store.database import StartupReport
from msk_desktop.store.health import Health, station_health
from msk_desktop.store.queries.outbox_status import pending_count


def check_station(ctx: OpContext) -> Health:
    require(ctx, "read_registers")
    health = station_health(ctx.db)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        tx.audit("station.check", None, None, ok=health.ok, audit_entries=health.audit.entries)
    return health


def startup_checks(ctx: OpContext) -> StartupReport:
    """Integrity check and daily backup, run off the UI thread after login; a damaged database
    is audited so the district sees it too."""
    require(ctx, "read_registers")
    report = ctx.db.startup_maintenance()
    if not report.ok or report.backup is not None:
        with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
            tx.audit(
                "station.startup_check",
                None,
                None,
                integrity=report.integrity,
                backup=report.backup.path.name if report.backup else None,
            )
    return report


def pending_changes(ctx: OpContext) -> int:
    """Changes saved here and not yet accepted by the district (the status bar's number)."""
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        return pending_count(session)


def backup_station(ctx: OpContext) -> BackupFile:
    require(ctx, "backup_restore")
    made = ctx.db.backup_now("manual")
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        tx.audit("station.backup", None, None, file=made.path.name)
    return made


def restore_station(ctx: OpContext, backup_path: Path) -> Path:
    """Replace the database with ``backup_path``; the context is closed afterwards (log in
    again). Returns where the replaced database was kept."""
    require(ctx, "backup_restore")
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        tx.audit("station.restore", None, None, file=backup_path.name)
    return ctx.db.restore(backup_path)
