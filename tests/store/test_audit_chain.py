"""Tamper evidence: editing, deleting or reordering audit rows is found, and the first broken
entry is named."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from msk_desktop.store.audit import verify_chain
from msk_desktop.store.database import Author, StationDatabase
from msk_desktop.store.models import ProtectedIdentity, Station

ALICE = Author("user-1", "alice")


def _write_entries(db: StationDatabase, count: int) -> None:
    for n in range(count):
        with db.write(ALICE) as tx:
            tx.session.add(
                Station(code=f"T-{n}", name_hi="थाना", name_en="T", district="D", circle="C")
            )
            tx.audit("test.add", "station", None, n=n)


def _raw(db: StationDatabase, sql: str) -> None:
    # Tampering as an attacker with the key would: straight SQL, bypassing the app.
    with db.engine.begin() as conn:
        conn.execute(text(sql))


def _swap_3_and_4(db: StationDatabase) -> None:
    _raw(db, "UPDATE audit_log SET seq=100 WHERE seq=3")
    _raw(db, "UPDATE audit_log SET seq=3 WHERE seq=4")
    _raw(db, "UPDATE audit_log SET seq=4 WHERE seq=100")


TAMPERING: dict[str, tuple[Callable[[StationDatabase], None], int, str]] = {
    "edit detail": (
        lambda db: _raw(db, "UPDATE audit_log SET detail='{}' WHERE seq=4"),
        4,
        "altered",
    ),
    "edit user": (
        lambda db: _raw(db, "UPDATE audit_log SET username='mallory' WHERE seq=3"),
        3,
        "altered",
    ),
    "delete middle": (lambda db: _raw(db, "DELETE FROM audit_log WHERE seq=5"), 6, "missing"),
    "swap order": (_swap_3_and_4, 3, "link"),
    "rehash one row": (
        lambda db: _raw(db, "UPDATE audit_log SET detail='{}', hash=prev_hash WHERE seq=2"),
        2,
        "altered",
    ),
}


def test_an_untouched_chain_verifies(created: tuple[StationDatabase, str]) -> None:
    db, _ = created
    _write_entries(db, 6)
    with db.read() as session:
        report = verify_chain(session)
    assert report.ok and report.entries == 7  # database.create + 6


@pytest.mark.parametrize("name", list(TAMPERING))
def test_tampering_names_the_first_broken_entry(
    created: tuple[StationDatabase, str], name: str
) -> None:
    db, _ = created
    _write_entries(db, 6)
    tamper, first_broken, reason = TAMPERING[name]
    tamper(db)
    with db.read() as session:
        report = verify_chain(session, batch=2)  # small batches: the walk crosses pages
    assert not report.ok
    assert report.first_broken_seq == first_broken
    assert reason in (report.reason or "")


def test_identity_values_are_masked_in_the_audit(created: tuple[StationDatabase, str]) -> None:
    db, _ = created
    with db.write(ALICE) as tx:
        station = Station(code="T-9", name_hi="थाना", name_en="T", district="D", circle="C")
        tx.session.add(station)
        tx.session.flush()
        tx.session.add(
            ProtectedIdentity(
                station_id=station.id,
                owner_table="fir_victim",
                owner_id=station.id,
                person_role="victim",
                name="Fake Secret Name",
                phone="9999900000",
            )
        )
        tx.audit("test.identity")
    with db.read() as session:
        details = " ".join(session.execute(text("SELECT detail FROM audit_log")).scalars())
    assert "Fake Secret Name" not in details and "9999900000" not in details
    assert "protected_identity" in details  # the change itself is recorded
