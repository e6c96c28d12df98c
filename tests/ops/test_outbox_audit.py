"""Every op writes its outbox ops and one audit entry in the same transaction as its rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import inspect, text

from msk_desktop.domain.errors import ValidationError
from msk_desktop.ops.deployments import record_deployment
from msk_desktop.ops.entries import create_entry, delete_entry, edit_entry
from msk_desktop.ops.fir import add_milestone, add_victim, edit_accused, set_fir_sections
from msk_desktop.ops.follow_ups import add_counselling_session, add_follow_up
from msk_desktop.ops.identity import reveal_identity
from msk_desktop.ops.inspection import record_compliance
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.rosters import add_roster_slot, set_slot_staff
from msk_desktop.store.audit import verify_chain
from msk_desktop.store.base import SyncedRow
from msk_desktop.store.database import SYSTEM
from msk_desktop.store.jsonvalue import to_json_value
from msk_desktop.store.models import (
    AuditEntry,
    DutyRosterAssignment,
    FirVictim,
    HelpdeskApplication,
    ProtectedIdentity,
    SyncOutbox,
)
from tests.ops.conftest import (
    IDENTITY_STRINGS,
    NOW,
    SAMPLES,
    VICTIM_NAME,
    StationHandle,
    audit_after,
    detail_of,
    fields_of,
    get_row,
    last_audit_seq,
    last_outbox_seq,
    make_entry,
    new_fir,
    outbox_after,
    rows,
    sample,
)

GENERIC = [r for r in REGISTERS if r != "fir"]


def _columns(model: type[Any]) -> set[str]:
    return {a.key for a in inspect(model).column_attrs} - SyncedRow.SYNC_BOOKKEEPING


def _set_sync_bookkeeping(st: StationHandle, model: type[Any], row_id: str, version: int) -> None:
    """What a sync would have done: the row is at server version ``version`` and clean."""
    with st.db.write(SYSTEM) as tx:
        row = tx.session.get(model, row_id)
        assert row is not None
        row.version = version
        row.sync_state = "synced"


# ---- inserts -----------------------------------------------------------------------------


@pytest.mark.parametrize("register", GENERIC)
def test_a_create_writes_one_insert_op_with_every_field(
    station: StationHandle, register: str
) -> None:
    seq, audit_seq = last_outbox_seq(station.db), last_audit_seq(station.db)
    result = create_entry(station.ctx, register, SAMPLES[register])
    (op,) = outbox_after(station.db, seq)
    model = REGISTERS[register].model
    assert (op.table_name, op.row_id, op.operation) == (register, result.entity_id, "insert")
    assert (op.base_version, op.state, op.user_id) == (0, "pending", station.ctx.actor.user_id)
    assert op.schema_version == station.db.schema_version
    fields = fields_of(op)
    assert set(fields) == _columns(model)
    row = get_row(station.db, model, result.entity_id)
    assert fields == {name: to_json_value(getattr(row, name)) for name in fields}
    assert fields["serial_no"] == 1 and fields["station_id"] == station.station_id
    assert row.sync_state == "dirty"
    (audit,) = audit_after(station.db, audit_seq)
    assert (audit.action, audit.entity_table, audit.entity_id) == (
        f"{register}.create",
        register,
        result.entity_id,
    )
    assert (audit.user_id, audit.username) == (
        station.ctx.actor.user_id,
        station.ctx.actor.username,
    )
    detail = detail_of(audit)
    assert detail["serial"] == "1/2025"
    (change,) = detail["changes"]
    assert change == {"table": register, "id": result.entity_id, "op": "insert", "new": fields}


def test_an_fir_writes_an_op_per_row(station: StationHandle) -> None:
    seq, audit_seq = last_outbox_seq(station.db), last_audit_seq(station.db)
    result = new_fir(
        station.ctx,
        sections=("BNS 64", "BNS 74"),
        victims=(
            {"age": 15, "gender": "female", "identity": {"name": VICTIM_NAME, "school": "GIC"}},
            {"age": 30, "gender": "female"},
        ),
        accused=({"named": True, "name": "Accused One", "status": "at_large"},),
        complainant={"name": "Complainant Person", "phone": "9000000000"},
    )
    ops = outbox_after(station.db, seq)
    tables = sorted(op.table_name for op in ops)
    assert tables == sorted(
        [
            "fir",
            "fir_section",
            "fir_section",
            "fir_victim",
            "fir_victim",
            "protected_identity",
            "protected_identity",
            "fir_accused",
        ]
    )
    assert {op.operation for op in ops} == {"insert"}
    assert len({op.row_id for op in ops}) == len(ops)
    assert result.tables == frozenset(tables)
    fir_op = next(op for op in ops if op.table_name == "fir")
    fir_fields = fields_of(fir_op)
    assert fir_op.row_id == result.entity_id
    assert (fir_fields["crime_head"], fir_fields["identity_rule"], fir_fields["penal_code"]) == (
        "rape",
        "statutory",
        "BNS",
    )
    for op in ops:
        assert fields_of(op)["id"] == op.row_id
        assert fields_of(op)["station_id"] == station.station_id
    (audit,) = audit_after(station.db, audit_seq)
    assert audit.action == "fir.register"
    detail = detail_of(audit)
    assert detail["sections"] == ["BNS 64", "BNS 74"]
    changed = sorted((c["table"], c["id"], c["op"]) for c in detail["changes"])
    assert changed == sorted((op.table_name, op.row_id, op.operation) for op in ops)


# ---- updates and deletes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("register", "changes", "also_changed"),
    [
        (
            "helpdesk_application",
            {"status": "disposed", "disposed_on": "2025-06-10"},
            {"next_follow_up_on": None},
        ),
        ("preventive_action", {"bond_months": 3}, {"expires_on": "2025-07-31"}),
        ("counselling_case", {"case_kind": "elopement"}, {"mandatory": True}),
        ("awareness_programme", {"people_reached": 75}, {}),
        (
            "fir",
            {
                "io_name": "SI New",
                "status": "chargesheeted",
                "chargesheet_no": "CS 12/25",
                "chargesheet_on": "2025-08-01",
            },
            {},
        ),
        ("staff_member", {"mobile": "9000000009"}, {}),
    ],
)
def test_an_edit_sends_only_the_changed_fields(
    world: StationHandle, register: str, changes: dict[str, Any], also_changed: dict[str, Any]
) -> None:
    entry_id = world.ids[register]
    model = REGISTERS[register].model
    _set_sync_bookkeeping(world, model, entry_id, version=4)
    before = get_row(world.db, model, entry_id)
    seq, audit_seq = last_outbox_seq(world.db), last_audit_seq(world.db)
    edit_entry(world.ctx, register, entry_id, changes)
    (op,) = outbox_after(world.db, seq)
    assert (op.table_name, op.row_id, op.operation) == (register, entry_id, "update")
    assert (op.base_version, op.state) == (4, "pending")
    after = get_row(world.db, model, entry_id)
    expected = {name: to_json_value(getattr(after, name)) for name in changes} | also_changed
    assert fields_of(op) == expected
    assert after.sync_state == "dirty"
    assert after.version == 4  # the server's version; only a sync moves it
    assert after.updated_by == world.ctx.actor.user_id
    (audit,) = audit_after(world.db, audit_seq)
    assert (audit.action, audit.entity_id) == (f"{register}.edit", entry_id)
    (change,) = detail_of(audit)["changes"]
    assert change["op"] == "update"
    assert change["new"] == expected
    assert change["old"] == {name: to_json_value(getattr(before, name)) for name in expected}


def test_an_edit_to_the_same_value_sends_nothing(world: StationHandle) -> None:
    entry_id = world.ids["helpdesk_application"]
    seq = last_outbox_seq(world.db)
    edit_entry(
        world.ctx,
        "helpdesk_application",
        entry_id,
        {"category": SAMPLES["helpdesk_application"]["category"]},
    )
    assert outbox_after(world.db, seq) == []


@pytest.mark.parametrize("register", [r for r in REGISTERS if r != "inspection_entry"])
def test_a_soft_delete_is_a_delete_op(world: StationHandle, register: str) -> None:
    entry_id = world.ids[register]
    model = REGISTERS[register].model
    _set_sync_bookkeeping(world, model, entry_id, version=2)
    seq, audit_seq = last_outbox_seq(world.db), last_audit_seq(world.db)
    delete_entry(world.ctx, register, entry_id, "entered in the wrong station")
    (op,) = outbox_after(world.db, seq)
    assert (op.table_name, op.row_id, op.operation, op.base_version) == (
        register,
        entry_id,
        "delete",
        2,
    )
    assert fields_of(op) == {"deleted_at": to_json_value(NOW)}
    assert get_row(world.db, model, entry_id).sync_state == "dirty"
    (audit,) = audit_after(world.db, audit_seq)
    detail = detail_of(audit)
    assert (audit.action, detail["reason"]) == (
        f"{register}.delete",
        "entered in the wrong station",
    )
    assert [c["op"] for c in detail["changes"]] == ["delete"]


def test_replacing_slot_staff_deletes_one_and_inserts_one(world: StationHandle) -> None:
    slot_id = world.ids["roster_slot"]
    seq = last_outbox_seq(world.db)
    set_slot_staff(world.ctx, slot_id, [world.ids["staff_member_2"]])
    ops = outbox_after(world.db, seq)
    assert sorted((op.table_name, op.operation) for op in ops) == [
        ("duty_roster_assignment", "delete"),
        ("duty_roster_assignment", "insert"),
    ]
    inserted = next(op for op in ops if op.operation == "insert")
    assert fields_of(inserted)["staff_id"] == world.ids["staff_member_2"]
    (assignment,) = rows(world.db, DutyRosterAssignment, DutyRosterAssignment.id == inserted.row_id)
    assert assignment.slot_id == slot_id


# ---- ordering, audit per op, chain -------------------------------------------------------

OpCall = Callable[[StationHandle], Any]

MANY_OPS: list[tuple[str, OpCall]] = [
    ("helpdesk_application.create", lambda w: make_entry(w.ctx, "helpdesk_application")),
    (
        "helpdesk_application.edit",
        lambda w: edit_entry(
            w.ctx, "helpdesk_application", w.ids["helpdesk_application"], {"assigned_to": "HC X"}
        ),
    ),
    (
        "helpdesk_application.follow_up",
        lambda w: add_follow_up(
            w.ctx,
            "helpdesk_application",
            w.ids["helpdesk_application"],
            {"kind": "victim_update", "done_on": "2025-06-04", "note": "सूचित"},
        ),
    ),
    ("fir.register", lambda w: make_entry(w.ctx, "fir")),
    ("fir.sections", lambda w: set_fir_sections(w.ctx, w.ids["fir"], ["BNS 85", "BNS 74"])),
    (
        "fir.victim.add",
        lambda w: add_victim(
            w.ctx, w.ids["fir"], {"age": 9, "gender": "female", "identity": {"name": VICTIM_NAME}}
        ),
    ),
    (
        "fir.accused.edit",
        lambda w: edit_accused(
            w.ctx, w.ids["accused"], {"status": "arrested", "arrested_on": "2025-06-15"}
        ),
    ),
    (
        "fir.milestone.add",
        lambda w: add_milestone(
            w.ctx, w.ids["fir"], {"kind": "victim_update", "happened_at": "2025-07-01 10:00"}
        ),
    ),
    ("preventive_action.create", lambda w: make_entry(w.ctx, "preventive_action")),
    (
        "counselling_case.session",
        lambda w: add_counselling_session(
            w.ctx, w.ids["counselling_case"], {"held_on": "2025-06-04", "note": "सत्र"}
        ),
    ),
    (
        "roster.slot.add",
        lambda w: add_roster_slot(
            w.ctx,
            {
                "roster": "women_beat",
                "duty_on": "2025-06-03",
                "starts_at": "10:00",
                "ends_at": "14:00",
            },
            [w.ids["staff_member"]],
        ),
    ),
    (
        "staff_deployment.create",
        lambda w: record_deployment(w.ctx, SAMPLES["staff_deployment"], [w.ids["staff_member"]]),
    ),
    (
        "inspection_direction.compliance",
        lambda w: record_compliance(
            w.ctx, w.ids["direction"], {"compliance_status": "partly_complied"}
        ),
    ),
    (
        "identity.reveal",
        lambda w: reveal_identity(
            w.ctx, "fir_victim", w.ids["victim"], "न्यायालय में साक्ष्य हेतु पहचान आवश्यक"
        ),
    ),
    (
        "ppk_referral.delete",
        lambda w: delete_entry(w.ctx, "ppk_referral", w.ids["ppk_referral"], "duplicate"),
    ),
]


@pytest.mark.parametrize(("action", "op"), MANY_OPS, ids=[a for a, _ in MANY_OPS])
def test_each_op_writes_one_audit_entry_naming_it(
    world: StationHandle, action: str, op: OpCall
) -> None:
    seq, audit_seq = last_outbox_seq(world.db), last_audit_seq(world.db)
    op(world)
    (audit,) = audit_after(world.db, audit_seq)
    assert audit.action == action
    assert audit.user_id == world.ctx.actor.user_id
    assert audit.station_id == world.station_id
    ops = outbox_after(world.db, seq)
    changes = detail_of(audit).get("changes", [])
    assert sorted((c["table"], c["id"], c["op"]) for c in changes) == sorted(
        (o.table_name, o.row_id, o.operation) for o in ops
    )
    if action != "identity.reveal":
        assert ops, "a writing op must send something"


def test_outbox_sequence_and_clock_increase(world: StationHandle) -> None:
    seq = last_outbox_seq(world.db)
    for _, op in MANY_OPS:
        op(world)
    ops = outbox_after(world.db, seq)
    assert len(ops) >= 20
    seqs = [o.local_seq for o in ops]
    stamps = [o.hlc for o in ops]
    assert seqs == sorted(set(seqs))
    assert stamps == sorted(set(stamps)), "HLC stamps must strictly increase"
    assert len({o.op_id for o in ops}) == len(ops)
    assert {o.state for o in ops} == {"pending"}


def test_the_clock_keeps_increasing_after_a_new_login(world: StationHandle) -> None:
    make_entry(world.ctx, "awareness_programme")
    last = outbox_after(world.db, 0)[-1]
    world.db.close()
    again = world.login(world.ctx.actor.role)
    make_entry(again, "awareness_programme")
    newest = outbox_after(again.db, last.local_seq)
    assert newest and newest[0].hlc > last.hlc and newest[0].local_seq > last.local_seq
    world.ctx = again


def test_the_audit_chain_holds_after_many_ops(world: StationHandle) -> None:
    for _ in range(3):
        for _, op in MANY_OPS[:-2]:
            op(world)
    with world.db.read() as session:
        report = verify_chain(session)
        total = len(session.scalars(text("SELECT seq FROM audit_log")).all())
    assert report.ok, report
    assert report.entries == total > 40


def test_the_audit_chain_names_a_tampered_entry(world: StationHandle) -> None:
    make_entry(world.ctx, "helpdesk_application")
    victim = audit_after(world.db, 0)[5]
    with world.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_log SET detail = '{}' WHERE seq = :seq"), {"seq": victim.seq}
        )
    with world.db.read() as session:
        report = verify_chain(session)
    assert (report.ok, report.first_broken_seq) == (False, victim.seq)


# ---- identity stays out of the audit -----------------------------------------------------


def test_identity_never_reaches_the_audit_log(world: StationHandle) -> None:
    for _, op in MANY_OPS:
        op(world)
    edit_entry(world.ctx, "fir", world.ids["fir"], {"remarks": "पीड़िता का बयान दर्ज"})
    audit_text = "\n".join(a.detail for a in audit_after(world.db, 0))
    outbox_text = "\n".join(o.fields for o in outbox_after(world.db, 0))
    for secret in IDENTITY_STRINGS:
        assert secret not in audit_text, secret
        assert secret.casefold() not in audit_text.casefold(), secret
        assert secret in outbox_text, secret  # the sync needs it (encrypted at rest)
    masked = [
        change
        for entry in rows(world.db, AuditEntry, AuditEntry.action == "fir.register")
        for change in detail_of(entry)["changes"]
        if change["table"] == "protected_identity"
    ]
    assert masked and all(change["new"]["name"] == "•••" for change in masked)
    identities = rows(world.db, ProtectedIdentity)
    assert VICTIM_NAME in {i.name for i in identities}


def test_a_victim_pseudonym_is_all_the_audit_holds(world: StationHandle) -> None:
    audit_seq = last_audit_seq(world.db)
    result = add_victim(
        world.ctx,
        world.ids["fir"],
        {"age": 17, "gender": "female", "identity": {"name": "Unique Qazwsx"}},
    )
    (audit,) = audit_after(world.db, audit_seq)
    assert "Unique Qazwsx" not in audit.detail
    victim = get_row(world.db, FirVictim, result.entity_id)
    assert victim.pseudonym in audit.detail


# ---- a refused op leaves no trace --------------------------------------------------------

REFUSED_INSIDE_THE_TRANSACTION: list[tuple[str, OpCall]] = [
    (
        "unknown staff after a valid one",
        lambda w: record_deployment(
            w.ctx,
            SAMPLES["staff_deployment"],
            [w.ids["staff_member"], "01a20000-0000-7000-8000-000000000000"],
        ),
    ),
    (
        "unknown action code",
        lambda w: create_entry(
            w.ctx, "preventive_action", sample("preventive_action", action_code="bond_nope")
        ),
    ),
    (
        "bond over the maximum",
        lambda w: create_entry(
            w.ctx, "preventive_action", sample("preventive_action", bond_months=24)
        ),
    ),
    ("duplicate crime number", lambda w: new_fir(w.ctx, crime_no=101)),
    (
        "milestone before the offence",
        lambda w: add_milestone(
            w.ctx, w.ids["fir"], {"kind": "arrest", "happened_at": "2025-01-01 10:00"}
        ),
    ),
    ("sections of the wrong code", lambda w: set_fir_sections(w.ctx, w.ids["fir"], ["IPC 498A"])),
    (
        "linked fir missing",
        lambda w: create_entry(
            w.ctx,
            "helpdesk_application",
            sample("helpdesk_application", fir_id="01a20000-0000-7000-8000-000000000000"),
        ),
    ),
    (
        "edit breaks a rule of the whole entry",
        lambda w: edit_entry(w.ctx, "fir", w.ids["fir"], {"status": "final_report"}),
    ),
    (
        "early removal without approval",
        lambda w: edit_entry(
            w.ctx,
            "staff_member",
            w.ids["staff_member"],
            {"removed_on": "2025-08-01", "removal_kind": "de_induction"},
        ),
    ),
    (
        "slot staff unknown",
        lambda w: set_slot_staff(
            w.ctx,
            w.ids["roster_slot"],
            [w.ids["staff_member_2"], "01a20000-0000-7000-8000-000000000000"],
        ),
    ),
]


@pytest.mark.parametrize(
    ("name", "op"),
    REFUSED_INSIDE_THE_TRANSACTION,
    ids=[n for n, _ in REFUSED_INSIDE_THE_TRANSACTION],
)
def test_a_validation_error_mid_op_leaves_audit_and_outbox_untouched(
    world: StationHandle, name: str, op: OpCall
) -> None:
    before = world.counts()
    seq, audit_seq = last_outbox_seq(world.db), last_audit_seq(world.db)
    with pytest.raises(ValidationError):
        op(world)
    assert world.counts() == before
    assert outbox_after(world.db, seq) == [] and audit_after(world.db, audit_seq) == []
    with world.db.read() as session:
        assert verify_chain(session).ok
    # The serial counters did not move either: the next entries get the next numbers.
    assert make_entry(world.ctx, "staff_deployment").serial == "2/2025"
    assert make_entry(world.ctx, "preventive_action").serial == "2/2025"


def test_rows_made_by_ops_are_dirty(world: StationHandle) -> None:
    models: tuple[type[SyncedRow], ...] = (
        HelpdeskApplication,
        FirVictim,
        ProtectedIdentity,
        DutyRosterAssignment,
    )
    states = {row.sync_state for model in models for row in rows(world.db, model)}
    assert states == {"dirty"}
    with world.db.read() as session:
        pending = session.scalars(text("SELECT DISTINCT state FROM sync_outbox")).all()
    assert pending == ["pending"]
    assert rows(world.db, SyncOutbox, SyncOutbox.table_name == "serial_counter") == []
