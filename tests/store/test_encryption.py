"""Encryption at rest and key slots (SECURITY.md, "At rest")."""

from __future__ import annotations

import json
import sqlite3

import pytest

from msk_desktop.domain.errors import StoreProblem, WrongPassword
from msk_desktop.store.database import SYSTEM, StationDatabase
from msk_desktop.store.keyslots import KdfCost, KeySlotFile, user_slot
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import Station
from tests.store.conftest import PASSWORD

MARKER = "काल्पनिक-थाना-MARKER-7731"


def _add_station(db: StationDatabase) -> None:
    with db.write(SYSTEM) as tx:
        tx.session.add(
            Station(code="T-1", name_hi=MARKER, name_en=MARKER, district="D", circle="C")
        )
        tx.audit("test.station")


def test_plain_sqlite_cannot_read_the_file(
    created: tuple[StationDatabase, str], layout: DataLayout
) -> None:
    db, _ = created
    _add_station(db)
    db.close()
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(layout.database).execute("SELECT * FROM sqlite_master").fetchall()
    raw = layout.database.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert MARKER.encode() not in raw
    for suffix in ("-wal",):
        wal = layout.database.with_name(layout.database.name + suffix)
        if wal.exists():
            assert MARKER.encode() not in wal.read_bytes()


def test_password_and_recovery_key_both_open(
    created: tuple[StationDatabase, str], layout: DataLayout
) -> None:
    db, recovery = created
    _add_station(db)
    db.close()
    by_password, failures = StationDatabase.open(layout, "InCharge ", PASSWORD)
    with by_password.read() as session:
        assert session.query(Station).one().name_hi == MARKER
    by_password.close()
    assert failures == 0
    # Typed from paper: lower case, without dashes, with spaces.
    by_recovery = StationDatabase.open_with_recovery(layout, recovery.lower().replace("-", " "))
    with by_recovery.read() as session:
        assert session.query(Station).one().code == "T-1"
    by_recovery.close()


def test_wrong_password_is_refused_and_counted(
    created: tuple[StationDatabase, str], layout: DataLayout
) -> None:
    created[0].close()
    for _ in range(2):
        with pytest.raises(WrongPassword) as refused:
            StationDatabase.open(layout, "incharge", "not the password")
        assert "गलत" in refused.value.message.hi and "wrong" in refused.value.message.en
    assert KeySlotFile.load(layout.keyslots).slots[user_slot("incharge")].failed_attempts == 2
    db, failures = StationDatabase.open(layout, "incharge", PASSWORD)
    db.close()
    assert failures == 2
    assert KeySlotFile.load(layout.keyslots).slots[user_slot("incharge")].failed_attempts == 0


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(
    created: tuple[StationDatabase, str], layout: DataLayout
) -> None:
    created[0].close()
    with pytest.raises(WrongPassword) as unknown:
        StationDatabase.open(layout, "nobody", PASSWORD)
    assert "wrong" in unknown.value.message.en


def test_password_change_rewraps_and_removal_deletes_the_slot(
    created: tuple[StationDatabase, str], layout: DataLayout, fast_cost: KdfCost
) -> None:
    db, _ = created
    db.set_password("incharge", "a new long password", fast_cost)
    db.set_password("helper", "helper password 1", fast_cost)
    db.remove_password("helper")
    db.close()
    with pytest.raises(WrongPassword):
        StationDatabase.open(layout, "incharge", PASSWORD)
    reopened, _ = StationDatabase.open(layout, "incharge", "a new long password")
    reopened.close()
    with pytest.raises(WrongPassword):
        StationDatabase.open(layout, "helper", "helper password 1")


def test_slot_file_holds_no_key_in_clear(
    created: tuple[StationDatabase, str], layout: DataLayout
) -> None:
    created[0].close()
    body = json.loads(layout.keyslots.read_text("utf-8"))
    assert set(body["slots"]) == {"user:incharge", "recovery"}
    assert PASSWORD not in layout.keyslots.read_text("utf-8")
    assert not list(layout.root.glob("*.tmp")), "atomic write left a temp file behind"


def test_a_second_create_in_the_same_folder_is_refused(
    created: tuple[StationDatabase, str], layout: DataLayout, fast_cost: KdfCost
) -> None:
    with pytest.raises(StoreProblem):
        StationDatabase.create(layout, "other", "other password", fast_cost)


def test_missing_folder_is_a_clear_problem(tmp_path: object, fast_cost: KdfCost) -> None:
    layout = DataLayout(tmp_path / "nothing-here")  # type: ignore[operator]
    with pytest.raises(StoreProblem) as problem:
        StationDatabase.open(layout, "incharge", PASSWORD)
    assert "No station data" in problem.value.message.en
