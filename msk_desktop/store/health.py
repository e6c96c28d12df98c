"""What `msk-desktop check` reports: integrity, schema, backups, audit chain, unsent changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from msk_desktop.store import backup, migrate
from msk_desktop.store.audit import ChainReport, verify_chain
from msk_desktop.store.database import StationDatabase
from msk_desktop.store.queries.outbox_status import pending_count


@dataclass(frozen=True)
class Health:
    integrity: str  # "ok" or SQLite's first complaint
    schema_version: str | None
    schema_head: str
    last_backup_at: datetime | None
    backups: int
    audit: ChainReport
    pending_changes: int

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.schema_version == self.schema_head and self.audit.ok


def station_health(db: StationDatabase) -> Health:
    with db.engine.connect() as conn:
        integrity = str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
    with db.read() as session:
        audit = verify_chain(session)
        pending = pending_count(session)
    backups = backup.list_backups(db.layout)
    return Health(
        integrity=integrity,
        schema_version=migrate.current_revision(db.engine),
        schema_head=migrate.head_revision(),
        last_backup_at=backups[0].made_at if backups else None,
        backups=len(backups),
        audit=audit,
        pending_changes=pending,
    )
