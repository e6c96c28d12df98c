"""Backups: consistent copies still encrypted, rotation, daily schedule, restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from msk_desktop.domain.errors import StoreProblem
from msk_desktop.store import backup
from msk_desktop.store.database import SYSTEM, StationDatabase
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import Station
from tests.store.conftest import PASSWORD


def _stations(db: StationDatabase) -> list[str]:
    with db.read() as session:
        return sorted(s.code for s in session.query(Station))


def _add(db: StationDatabase, code: str) -> None:
    with db.write(SYSTEM) as tx:
        tx.session.add(Station(code=code, name_hi="थाना", name_en="T", district="D", circle="C"))
        tx.audit("test.station")


def test_backup_is_encrypted_and_restores(
    created: tuple[StationDatabase, str], layout: DataLayout
) -> None:
    db, _ = created
    _add(db, "BEFORE")
    made = db.backup_now("manual")
    assert made.path.exists() and made.path.with_suffix(".keys.json").exists()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(made.path).execute("SELECT * FROM sqlite_master").fetchall()
    _add(db, "AFTER")
    assert _stations(db) == ["AFTER", "BEFORE"]
    kept = db.restore(made.path)
    assert kept.exists()
    restored, _ = StationDatabase.open(layout, "incharge", PASSWORD)
    assert _stations(restored) == ["BEFORE"]
    restored.close()


def test_restore_refuses_a_backup_of_another_station(
    created: tuple[StationDatabase, str], tmp_path: Path, fast_cost: KdfCost
) -> None:
    db, _ = created
    other_layout = DataLayout(tmp_path / "other")
    other, _ = StationDatabase.create(other_layout, "x", "other password", fast_cost)
    foreign = other.backup_now("manual").path
    other.close()
    with pytest.raises(StoreProblem):
        db.restore(foreign)


def test_rotation_keeps_a_week_of_daily_copies(
    layout: DataLayout, created: tuple[StationDatabase, str]
) -> None:
    db, _ = created
    layout.backups_dir.mkdir(exist_ok=True)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    source = db.backup_now("manual").path
    for day in range(10):
        name = f"station-{start + timedelta(days=day):%Y%m%d-%H%M%S}-daily.msk"
        (layout.backups_dir / name).write_bytes(source.read_bytes())
    db.backup_now(backup.DAILY)  # today's daily copy triggers the rotation
    daily = [b for b in backup.list_backups(layout) if b.reason == "daily"]
    assert len(daily) == backup.DAILY_KEEP
    assert daily[-1].made_at == start + timedelta(days=4)  # the oldest three are gone


def test_daily_backup_is_due_after_a_day(
    layout: DataLayout, created: tuple[StationDatabase, str]
) -> None:
    db, _ = created
    db.backup_now(backup.DAILY)
    now = datetime.now(UTC)
    assert not backup.daily_backup_due(layout, now)
    assert backup.daily_backup_due(layout, now + timedelta(days=1, minutes=1))
