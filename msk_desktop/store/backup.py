"""Backups with SQLite's online backup API: consistent while the app runs, still encrypted with
the same key, and copied with the key slots so a backup can be opened on its own."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from msk_desktop.domain.errors import Message, StoreProblem
from msk_desktop.store.engine import keyed_connection
from msk_desktop.store.layout import DataLayout

DAILY_KEEP = 7  # a week of daily copies
EVENT_KEEP = 5  # copies made before migrations and restores
DAILY = "daily"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    reason: str


def _name(made_at: datetime, reason: str) -> str:
    return f"station-{made_at:%Y%m%d-%H%M%S}-{reason}.msk"


def _parse(path: Path) -> BackupFile | None:
    parts = path.stem.split("-")
    if len(parts) != 4 or parts[0] != "station":
        return None
    try:
        made_at = datetime.strptime(f"{parts[1]}-{parts[2]}", "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
    return BackupFile(path, made_at, parts[3])


def list_backups(layout: DataLayout) -> list[BackupFile]:
    found = (_parse(p) for p in layout.backups_dir.glob("station-*.msk"))
    return sorted((b for b in found if b is not None), key=lambda b: b.made_at, reverse=True)


def copy_database(source: Path, dest: Path, key: bytes) -> None:
    src = keyed_connection(source, key)
    tmp = dest.with_suffix(".partial")
    tmp.unlink(missing_ok=True)
    dst = keyed_connection(tmp, key)
    try:
        src.backup(dst)
        (result,) = dst.execute("PRAGMA integrity_check").fetchone()
        if result != "ok":
            raise StoreProblem(
                Message(hi="बैकअप की जाँच विफल रही।", en=f"Backup check failed: {result}")
            )
    finally:
        dst.close()
        src.close()
    tmp.replace(dest)


def make_backup(layout: DataLayout, key: bytes, reason: str = DAILY) -> BackupFile:
    layout.backups_dir.mkdir(parents=True, exist_ok=True)
    made_at = datetime.now(UTC).replace(microsecond=0)
    dest = layout.backups_dir / _name(made_at, reason)
    try:
        copy_database(layout.database, dest, key)
        shutil.copy2(layout.keyslots, dest.with_suffix(".keys.json"))
    except OSError as exc:
        raise StoreProblem(
            Message(
                hi=f"बैकअप नहीं बन सका (डिस्क भरी या केवल-पठन?): {exc}",
                en=f"The backup could not be written (disk full or read-only?): {exc}",
            )
        ) from exc
    _rotate(layout)
    return BackupFile(dest, made_at, reason)


def _rotate(layout: DataLayout) -> None:
    backups = list_backups(layout)
    daily = [b for b in backups if b.reason == DAILY]
    events = [b for b in backups if b.reason != DAILY]
    for old in daily[DAILY_KEEP:] + events[EVENT_KEEP:]:
        old.path.unlink(missing_ok=True)
        old.path.with_suffix(".keys.json").unlink(missing_ok=True)


def daily_backup_due(layout: DataLayout, now: datetime | None = None) -> bool:
    now = now or datetime.now(UTC)
    daily = [b for b in list_backups(layout) if b.reason == DAILY]
    return not daily or now - daily[0].made_at >= timedelta(days=1)


def restore_backup(layout: DataLayout, backup: Path, key: bytes) -> Path:
    """Put ``backup`` in place of the database (closed). The current file is kept aside first,
    so a restore can itself be undone."""
    check = keyed_connection(backup, key)
    try:
        (result,) = check.execute("PRAGMA integrity_check").fetchone()
    except Exception as exc:
        raise StoreProblem(
            Message(
                hi="यह बैकअप इस थाने की कुंजी से नहीं खुलता या खराब है।",
                en="This backup does not open with this station's key, or it is damaged.",
            )
        ) from exc
    finally:
        check.close()
    if result != "ok":
        raise StoreProblem(Message(hi="बैकअप खराब है।", en=f"The backup is damaged: {result}"))
    kept = make_backup(layout, key, reason="prerestore").path
    for suffix in ("-wal", "-shm"):
        Path(f"{layout.database}{suffix}").unlink(missing_ok=True)
    copy_database(backup, layout.database, key)
    return kept
