"""Two PCs of one station and the circle officer's laptop edit offline and sync in different
orders: all end with the same rows, nothing lost, nothing doubled, one conflict per clash."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from msk_desktop.ops.entries import create_entry, delete_entry, edit_entry
from msk_desktop.ops.inspection import record_inspection
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.station import login
from msk_desktop.store.base import SyncState
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import AwarenessProgramme, HelpdeskApplication, InspectionEntry
from tests.district.conftest import District
from tests.ops.conftest import SAMPLES, make_entry, new_fir
from tests.sync.conftest import (
    PASSWORD,
    Pc,
    circle_laptop,
    conflicts,
    joining_pc,
    outbox_states,
    snapshot,
)

CIRCLE_TABLES = {"station", "inspection_entry", "inspection_direction", "helpdesk_application"}


def _synced_all(*pcs: Pc, rounds: int = 2) -> None:
    for _ in range(rounds):
        for pc in pcs:
            pc.sync()


def test_a_new_pc_of_the_station_gets_everything_and_its_user_can_log_in(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    report = station_a.sync()
    assert report.pushed > 0 and report.rejected == 0
    second = joining_pc(tmp_path / "a2", district, "LKO-A")
    _synced_all(second, station_a, rounds=1)  # the login on the new PC travels too
    assert snapshot(second.db) == snapshot(station_a.db)
    assert second.ctx.actor.username == "incharge"
    assert outbox_states(station_a.db) == {"applied": outbox_states(station_a.db)["applied"]}


def test_two_pcs_and_the_circle_officer_converge_in_any_order(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    base = create_entry(station_a.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    station_a.sync()
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    co = circle_laptop(tmp_path / "co", district, "LKO-A")

    # Offline: each works on its own.
    for n in range(3):
        create_entry(
            station_a.ctx,
            "awareness_programme",
            SAMPLES["awareness_programme"] | {"people_reached": n + 1},
        )
        create_entry(
            pc2.ctx,
            "awareness_programme",
            SAMPLES["awareness_programme"] | {"people_reached": 50 + n},
        )
    edit_entry(station_a.ctx, "helpdesk_application", base.entity_id, {"assigned_to": "HC Meena"})
    edit_entry(pc2.ctx, "helpdesk_application", base.entity_id, {"summary": "सारांश बदला गया"})
    record_inspection(co.ctx, SAMPLES["inspection_entry"], [{"direction": "रजिस्टर पूर्ण करें"}])

    # Sync in a mixed order, twice round.
    _synced_all(pc2, co, station_a, rounds=2)

    a, b = snapshot(station_a.db), snapshot(pc2.db)
    assert a == b
    circle_view = snapshot(co.db, CIRCLE_TABLES)
    assert circle_view == {k: v for k, v in a.items() if k[0] in CIRCLE_TABLES}

    with station_a.db.read() as session:
        programmes = session.execute(select(AwarenessProgramme)).scalars().all()
        numbers = sorted(p.serial_no for p in programmes)
        application = session.get_one(HelpdeskApplication, base.entity_id)
        edited = (application.assigned_to, application.summary)
        inspections = len(session.execute(select(InspectionEntry)).scalars().all())
        states = {p.sync_state for p in programmes}
        confirmed = {p.serial_confirmed for p in programmes}
    # Six entries, no two with the same final number: the later PC's were renumbered.
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert confirmed == {True}
    assert states == {SyncState.SYNCED}
    # Edits of different fields of one entry both survive, without a conflict.
    assert edited == ("HC Meena", "सारांश बदला गया")
    assert inspections == 1
    assert conflicts(station_a.db) == {}
    for pc in (station_a, pc2, co):
        assert set(outbox_states(pc.db)) == {"applied"}


def test_same_field_edited_on_two_pcs_is_one_conflict_everywhere_until_resolved(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    from msk_desktop.ops.conflicts import list_conflicts, resolve_conflict  # noqa: PLC0415

    base = create_entry(station_a.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    station_a.sync()
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    edit_entry(station_a.ctx, "helpdesk_application", base.entity_id, {"assigned_to": "HC Meena"})
    edit_entry(pc2.ctx, "helpdesk_application", base.entity_id, {"assigned_to": "HC Rekha"})
    station_a.sync()  # arrives first: its value is kept
    report = pc2.sync()
    assert report.conflicts == 1
    station_a.sync()

    for pc in (station_a, pc2):
        found = list_conflicts(pc.ctx)
        assert len(found) == 1
        assert (found[0].field, found[0].kept_value, found[0].other_value) == (
            "assigned_to",
            "HC Meena",
            "HC Rekha",
        )
        with pc.db.read() as session:
            row = session.get_one(HelpdeskApplication, base.entity_id)
            assert (row.assigned_to, row.sync_state) == ("HC Meena", SyncState.CONFLICT)
    assert snapshot(station_a.db) == snapshot(pc2.db)

    # The in-charge on PC2 keeps the other value; the choice travels to every PC.
    conflict_id = list_conflicts(pc2.ctx)[0].id
    resolve_conflict(pc2.ctx, conflict_id, "other")
    _synced_all(pc2, station_a)
    for pc in (station_a, pc2):
        assert list_conflicts(pc.ctx) == []
        with pc.db.read() as session:
            row = session.get_one(HelpdeskApplication, base.entity_id)
            assert (row.assigned_to, row.sync_state) == ("HC Rekha", SyncState.SYNCED)
    assert snapshot(station_a.db) == snapshot(pc2.db)


def test_delete_against_an_edit_is_a_conflict_not_a_silent_loss(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    base = create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    station_a.sync()
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    edit_entry(station_a.ctx, "awareness_programme", base.entity_id, {"staff_names": "HC Meena"})
    delete_entry(pc2.ctx, "awareness_programme", base.entity_id, "duplicate entry")
    _synced_all(station_a, pc2)
    for pc in (station_a, pc2):
        with pc.db.read() as session:
            row = session.get_one(AwarenessProgramme, base.entity_id)
            assert (row.deleted_at, row.staff_names) == (None, "HC Meena")
        assert [c[1] for c in conflicts(pc.db).values()] == ["deleted_at"]


def test_a_pc_that_logs_in_again_reopens_with_the_district_data(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    station_a.sync()
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    pc2.db.close()
    again = Pc("again", login(DataLayout(tmp_path / "a2"), "incharge", PASSWORD))
    try:
        _synced_all(again, station_a, rounds=1)
        assert snapshot(again.db) == snapshot(station_a.db)
    finally:
        again.db.close()


def test_an_entry_of_every_register_travels_whole(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    for register in REGISTERS:
        extra = {"bond_amount": 25000} if register == "preventive_action" else {}
        make_entry(station_a.ctx, register, **extra)
    new_fir(station_a.ctx, victims=({"age": 19, "gender": "female", "identity": {"name": "X"}},))
    report = station_a.sync()
    assert (report.rejected, outbox_states(station_a.db).get("pending")) == (0, None)
    second = joining_pc(tmp_path / "a2", district, "LKO-A")
    _synced_all(second, station_a, rounds=1)
    assert snapshot(second.db) == snapshot(station_a.db)
