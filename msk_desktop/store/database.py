"""One station's database: create, open with a password or the recovery key, and run
transactions that write the audit entry and the sync outbox with the change."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from msk_desktop.domain.errors import Message, StoreProblem
from msk_desktop.store import backup, migrate
from msk_desktop.store.audit import append_audit
from msk_desktop.store.change_capture import (
    CaptureContext,
    RowChange,
    capture_changes,
    masked_for_audit,
    write_outbox,
)
from msk_desktop.store.clock import HybridClock
from msk_desktop.store.engine import IMMEDIATE, check_key, create_empty, open_engine
from msk_desktop.store.ids import new_id
from msk_desktop.store.keyslots import (
    RECOVERY_SLOT,
    KdfCost,
    KeySlotFile,
    new_database_key,
    new_recovery_key,
    normalise_recovery_key,
    unwrap,
    user_slot,
    wrap,
)
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import DeviceSyncState, SyncOutbox
from msk_desktop.store.search_index import rebuild_search_index, update_search_index

event.listen(Session, "before_flush", capture_changes)
event.listen(Session, "after_flush", write_outbox)


@dataclass(frozen=True)
class StartupReport:
    integrity: str  # "ok", or SQLite's first complaint
    backup: backup.BackupFile | None  # the daily backup made now, if one was due

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


@dataclass(frozen=True)
class Author:
    """Who a write is attributed to in the audit log and the outbox."""

    user_id: str | None
    username: str | None


SYSTEM = Author(user_id=None, username="system")


class Transaction:
    """A write in progress. The op names its action once; the captured row changes are attached
    to that audit entry at commit."""

    def __init__(self, session: Session, capture: CaptureContext, station_id: str | None) -> None:
        self.session = session
        self.capture = capture
        self.station_id = station_id
        self._action: tuple[str, str | None, str | None, dict[str, Any]] | None = None

    def audit(
        self,
        action: str,
        entity_table: str | None = None,
        entity_id: str | None = None,
        **detail: Any,
    ) -> None:
        self._action = (action, entity_table, entity_id, detail)

    @property
    def changes(self) -> list[RowChange]:
        return self.capture.changes

    def _finish(self, author: Author) -> None:
        self.session.flush()
        update_search_index(self.session, self.capture.changes)
        if self._action is None:
            if self.capture.changes:
                raise RuntimeError("a write changed rows without naming its audit action")
            return
        action, table, entity_id, detail = self._action
        detail = dict(detail)
        if self.capture.changes:
            detail["changes"] = [masked_for_audit(c) for c in self.capture.changes]
        append_audit(
            self.session,
            action=action,
            station_id=self.station_id,
            user_id=author.user_id,
            username=author.username,
            entity_table=table,
            entity_id=entity_id,
            detail=detail,
        )


def _driver_text(exc: Exception) -> str:
    """The database driver's own words, without SQLAlchemy's rendering of the statement and
    its parameters, which may hold a victim's name."""
    return str(getattr(exc, "orig", None) or type(exc).__name__)


def _disk_problem(exc: Exception) -> StoreProblem:
    text = _driver_text(exc).lower()
    if "full" in text:
        message = Message(
            hi="डिस्क भर गई है। कुछ स्थान खाली करें; कुछ भी आधा सहेजा नहीं गया।",
            en="The disk is full. Free some space; nothing was half-saved.",
        )
    elif "readonly" in text or "read-only" in text:
        message = Message(
            hi="डेटा फ़ोल्डर केवल-पठन है; बदलाव सहेजे नहीं जा सके।",
            en="The data folder is read-only; the change was not saved.",
        )
    else:
        message = Message(
            hi="डेटाबेस में लिखते समय समस्या हुई; कुछ भी आधा सहेजा नहीं गया।",
            en=f"The database refused the write; nothing was half-saved ({_driver_text(exc)}).",
        )
    return StoreProblem(message)


class StationDatabase:
    def __init__(self, layout: DataLayout, engine: Engine, key: bytes) -> None:
        self.layout = layout
        self.engine = engine
        self._key = key
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._writer = engine.execution_options(**{IMMEDIATE: True})
        self.schema_version = migrate.current_revision(engine) or "empty"
        with self.read() as session:
            device_id = session.execute(
                select(DeviceSyncState.device_id).where(DeviceSyncState.id == 1)
            ).scalar()
            last = session.execute(
                select(SyncOutbox.hlc).order_by(SyncOutbox.local_seq.desc()).limit(1)
            ).scalar()
        self.device_id = device_id or new_id()
        self.clock = HybridClock(self.device_id, last)

    # ---- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls, layout: DataLayout, username: str, password: str, cost: KdfCost | None = None
    ) -> tuple[StationDatabase, str]:
        """A new, empty database at head with the first user's slot; returns it and the recovery
        key, which is shown once and never stored in clear."""
        if layout.database.exists() or layout.keyslots.exists():
            raise StoreProblem(
                Message(
                    hi=f"इस फ़ोल्डर में पहले से थाने का डेटा है: {layout.root}",
                    en=f"This folder already holds station data: {layout.root}",
                )
            )
        cost = cost or KdfCost()
        layout.root.mkdir(parents=True, exist_ok=True)
        key, recovery = new_database_key(), new_recovery_key()
        slots = KeySlotFile(layout.keyslots)
        slots.slots[user_slot(username)] = wrap(key, password, user_slot(username), cost)
        slots.slots[RECOVERY_SLOT] = wrap(
            key, normalise_recovery_key(recovery), RECOVERY_SLOT, cost
        )
        slots.save()
        create_empty(layout.database, key)
        engine = open_engine(layout.database, key)
        migrate.upgrade(engine)
        db = cls(layout, engine, key)
        with db.write(SYSTEM) as tx:
            tx.session.add(DeviceSyncState(id=1, device_id=db.device_id))
            tx.audit("database.create")
        return db, recovery

    @classmethod
    def open(
        cls, layout: DataLayout, username: str, password: str, now: datetime | None = None
    ) -> tuple[StationDatabase, int]:
        """Open with a user's password. Returns the database and how many failed attempts came
        before this login (to show the user and write in the audit). After repeated failures
        the slot refuses until its wait has passed (``LoginDelayed``)."""
        key, failures = KeySlotFile.load(layout.keyslots).unlock(user_slot(username), password, now)
        return cls._open_with_key(layout, key), failures

    @classmethod
    def open_with_recovery(cls, layout: DataLayout, recovery_key: str) -> StationDatabase:
        slots = KeySlotFile.load(layout.keyslots)
        key = unwrap(
            slots.require(RECOVERY_SLOT), normalise_recovery_key(recovery_key), RECOVERY_SLOT
        )
        return cls._open_with_key(layout, key)

    @classmethod
    def _open_with_key(cls, layout: DataLayout, key: bytes) -> StationDatabase:
        """Open fast: the integrity check and the daily backup take seconds on a large
        station, so they run after login (``startup_maintenance``), not before it. Only a
        migration waits for its backup."""
        check_key(layout.database, key)
        engine = open_engine(layout.database, key)
        migrated = migrate.current_revision(engine) != migrate.head_revision()
        if migrated:
            backup.make_backup(layout, key, reason="premigrate")
            migrate.upgrade(engine)
        db = cls(layout, engine, key)
        if migrated:
            db.rebuild_search_index()
        return db

    def startup_maintenance(self) -> StartupReport:
        """What the app runs in the background after login: SQLite's quick check, then the
        daily backup if one is due (never a backup of a damaged file)."""
        try:
            with self.engine.connect() as conn:
                integrity = str(conn.exec_driver_sql("PRAGMA quick_check").scalar())
        except (DatabaseError, sqlcipher.DatabaseError) as exc:
            integrity = f"unreadable: {exc}"  # damage the check itself trips over
        made = None
        if integrity == "ok" and backup.daily_backup_due(self.layout):
            made = backup.make_backup(self.layout, self._key)
        return StartupReport(integrity, made)

    def close(self) -> None:
        self.engine.dispose()

    # ---- key slots -----------------------------------------------------------------------

    def set_password(self, username: str, password: str, cost: KdfCost | None = None) -> None:
        """Add or re-wrap a user's slot (new user, password change, reset)."""
        slots = KeySlotFile.load(self.layout.keyslots)
        name = user_slot(username)
        slots.slots[name] = wrap(self._key, password, name, cost or KdfCost())
        slots.save()

    def verify_password(self, username: str, password: str, now: datetime | None = None) -> None:
        """Check a user's password against their slot (the screen lock), with the same wait
        and failure count as a login; raises ``WrongPassword`` or ``LoginDelayed``."""
        KeySlotFile.load(self.layout.keyslots).unlock(user_slot(username), password, now)

    def remove_password(self, username: str) -> None:
        slots = KeySlotFile.load(self.layout.keyslots)
        slots.slots.pop(user_slot(username), None)
        slots.save()

    # ---- transactions --------------------------------------------------------------------

    @contextmanager
    def write(
        self, author: Author, station_id: str | None = None, *, replica: bool = False
    ) -> Iterator[Transaction]:
        """One transaction (BEGIN IMMEDIATE … COMMIT). Everything in it, the rows, their outbox
        ops and the audit entry, is saved together or not at all.

        ``replica``: the rows are written as the district sent them, so they make no outbox ops
        (they are another PC's changes, already at the district)."""
        session = self._sessions(bind=self._writer)
        capture = CaptureContext(author.user_id, self.clock, self.schema_version)
        if not replica:
            session.info["capture"] = capture
        tx = Transaction(session, capture, station_id)
        try:
            yield tx
            tx._finish(author)
            session.commit()
        except (OperationalError, sqlcipher.OperationalError, sqlite3.OperationalError) as exc:
            session.rollback()
            # from None: the original carries the statement's parameters (identity, perhaps).
            raise _disk_problem(exc) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def rebuild_search_index(self) -> int:
        with self.write(SYSTEM) as tx:
            count = rebuild_search_index(tx.session)
            tx.audit("search.rebuild", None, None, entries=count)
        return count

    def backup_now(self, reason: str = "manual") -> backup.BackupFile:
        return backup.make_backup(self.layout, self._key, reason)

    def restore(self, backup_path: Path) -> Path:
        """Replace the database with a backup; this object is closed afterwards."""
        self.close()
        return backup.restore_backup(self.layout, backup_path, self._key)
