"""Faults a thana link and a district server really have: a lost answer, a server restored
from an older backup, no server at all; and what a circle officer's laptop must never get."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete, func, insert, select

from msk_desktop.district.tables import ChangeLog, DistrictBase, RowState
from msk_desktop.ops import replica
from msk_desktop.ops.entries import create_entry, edit_entry
from msk_desktop.ops.station import setup_station
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import AppUser, ProtectedIdentity
from msk_desktop.sync import local_store
from msk_desktop.sync.client import SyncUnavailable
from tests.district.conftest import District
from tests.ops.conftest import FAST_KDF, IDENTITY_STRINGS, SAMPLES, VICTIM_NAME, new_fir
from tests.sync.conftest import (
    PASSWORD,
    Pc,
    answers,
    circle_laptop,
    fast_client,
    joining_pc,
    outbox_states,
    snapshot,
    station_values,
)


def district_rows(district: District) -> tuple[int, int]:
    with district.session() as session:
        return (
            session.execute(select(func.count()).select_from(ChangeLog)).scalar_one(),
            session.execute(select(func.count()).select_from(RowState)).scalar_one(),
        )


def test_a_batch_resent_after_a_lost_answer_is_duplicate_not_double(
    district: District, station_a: Pc
) -> None:
    station_a.sync()
    for n in range(3):
        create_entry(
            station_a.ctx,
            "awareness_programme",
            SAMPLES["awareness_programme"] | {"people_reached": n + 1},
        )
    ops = local_store.pending_ops(station_a.db, 100)
    enrolment = replica.enrolment(station_a.db)
    assert enrolment is not None
    # The push reaches the district, but its answer is lost on the way back.
    client = fast_client(district.url, station_a.db.schema_version, None)
    client.authenticate(enrolment.device_id, enrolment.private_key)
    client.push(ops)
    client.close()
    after_lost_answer = district_rows(district)
    assert outbox_states(station_a.db).get("pending") == 3

    report = station_a.sync()
    assert (report.duplicates, report.pushed) == (3, 0)
    assert district_rows(district) == after_lost_answer
    assert outbox_states(station_a.db).get("pending") is None


def _backup(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as conn:
        return {
            t.name: [dict(r) for r in conn.execute(select(t)).mappings()]
            for t in DistrictBase.metadata.sorted_tables
        }


def _restore(engine: Engine, saved: dict[str, list[dict[str, Any]]]) -> None:
    with engine.begin() as conn:
        for table in reversed(DistrictBase.metadata.sorted_tables):
            conn.execute(delete(table))
        for table in DistrictBase.metadata.sorted_tables:
            if saved[table.name]:
                conn.execute(insert(table), saved[table.name])


def test_a_server_restored_from_an_older_backup_gets_everything_again(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    first = create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    station_a.sync()
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    pc2.sync()
    station_a.sync()
    saved = _backup(district.engine)

    # Work the backup does not hold.
    create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    edit_entry(station_a.ctx, "awareness_programme", first.entity_id, {"staff_names": "HC Meena"})
    create_entry(pc2.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    station_a.sync()
    pc2.sync()
    station_a.sync()
    expected = snapshot(station_a.db)

    _restore(district.engine, saved)
    district.new_epoch()
    assert station_a.sync().resent_after_restore
    assert pc2.sync().resent_after_restore
    station_a.sync()
    pc2.sync()

    assert snapshot(station_a.db) == snapshot(pc2.db)
    a_rows = {k: {f: v for f, v in row.items() if f != "version"} for k, row in expected.items()}
    now = {
        k: {f: v for f, v in row.items() if f != "version"}
        for k, row in snapshot(station_a.db).items()
    }
    # Nothing lost: every row and value the PCs had before the restore is back.
    assert now == a_rows
    assert set(outbox_states(station_a.db)) == {"applied"}


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_no_server_means_a_clear_error_and_the_outbox_kept(
    district: District, station_a: Pc
) -> None:
    create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    pending = outbox_states(station_a.db)["pending"]
    gone = f"http://127.0.0.1:{_closed_port()}"
    station_a.factory = lambda url, schema, cert: fast_client(gone, schema, cert)
    with pytest.raises(SyncUnavailable) as caught:
        station_a.sync()
    assert "Cannot reach the district server" in caught.value.message.en
    assert "जिला सर्वर" in caught.value.message.hi
    assert outbox_states(station_a.db)["pending"] == pending


def test_the_circle_officer_never_receives_identities_or_accounts(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    new_fir(
        station_a.ctx,
        victims=({"age": 26, "gender": "female", "identity": {"name": VICTIM_NAME}},),
    )
    station_a.sync()
    co = circle_laptop(tmp_path / "co", district, "LKO-A")
    with co.db.read() as session:
        assert session.execute(select(func.count()).select_from(ProtectedIdentity)).scalar() == 0
        assert session.execute(select(func.count()).select_from(AppUser)).scalar() == 0
    # The station PC of course keeps its own.
    with station_a.db.read() as session:
        assert session.execute(select(func.count()).select_from(ProtectedIdentity)).scalar() == 1
    text_of_circle = repr(snapshot(co.db))
    assert not any(s in text_of_circle for s in IDENTITY_STRINGS)


def test_a_circle_laptop_set_up_as_a_station_keeps_its_own_rows_local(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    station_a.sync()
    ctx, _ = setup_station(
        DataLayout(tmp_path / "co"),
        station_values("CO-LAPTOP"),
        "co.circle",
        "CO Test Circle",
        PASSWORD,
        FAST_KDF,
    )
    laptop = Pc("co", ctx)
    laptop.enrol(district, district.code("LKO-A", "circle"))
    report = laptop.sync()  # would be refused whole (403) if it sent its own station's rows
    assert report.rejected == 0 and report.pulled > 0
    states = outbox_states(laptop.db)
    assert states.get("pending") is None and states["rejected"] >= 2
    assert {a["status"] for a in answers(laptop.db)} == {"kept_local"}
