"""The check after login: a healthy database passes (and gets its daily backup); a damaged
one is reported, not backed up over the good copies."""

from __future__ import annotations

from msk_desktop.store.database import SYSTEM, StationDatabase
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import Station
from tests.store.conftest import PASSWORD


def _fill(db: StationDatabase, n: int) -> None:
    with db.write(SYSTEM) as tx:
        for i in range(n):
            tx.session.add(
                Station(
                    code=f"S-{i}", name_hi="थाना " * 20, name_en="T" * 100, district="D", circle="C"
                )
            )
        tx.audit("test.fill")


def test_healthy_database_passes_and_gets_a_daily_backup(
    created: tuple[StationDatabase, str], layout: DataLayout
) -> None:
    db, _ = created
    report = db.startup_maintenance()
    assert report.ok and report.backup is not None
    assert db.startup_maintenance().backup is None  # once a day


def test_damaged_page_is_reported_and_not_backed_up(
    created: tuple[StationDatabase, str], layout: DataLayout
) -> None:
    db, _ = created
    _fill(db, 400)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    raw = bytearray(layout.database.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 64] = bytes(64)  # a sector of zeros, as a failing disk leaves
    layout.database.write_bytes(bytes(raw))
    damaged, _ = StationDatabase.open(layout, "incharge", PASSWORD)
    report = damaged.startup_maintenance()
    damaged.close()
    assert not report.ok and report.integrity
    assert report.backup is None
