"""Revealing a protected identity: the in-charge only, with a reason, audited without the name."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from msk_desktop.domain.errors import NotFound, PermissionDenied, StoreProblem, ValidationError
from msk_desktop.ops.context import Role
from msk_desktop.ops.fir import add_victim
from msk_desktop.ops.identity import (
    RevealedIdentity,
    identity_lifted,
    lift_identity_protection,
    may_lift_identity,
    restore_identity_protection,
    reveal_case_identities,
    reveal_identity,
)
from tests.ops.conftest import (
    COMPLAINANT_NAME,
    IDENTITY_STRINGS,
    VICTIM_ADDRESS,
    VICTIM_NAME,
    VICTIM_PARENTAGE,
    VICTIM_PHONE,
    StationHandle,
    audit_after,
    detail_of,
    last_audit_seq,
    last_outbox_seq,
    new_fir,
    outbox_after,
)

REASON = "  आरोप पत्र हेतु पीड़िता की पहचान का सत्यापन  "


def test_the_in_charge_sees_the_victim(world: StationHandle) -> None:
    audit_seq, outbox_seq = last_audit_seq(world.db), last_outbox_seq(world.db)
    revealed = reveal_identity(world.ctx, "fir_victim", world.ids["victim"], REASON)
    assert revealed == [
        RevealedIdentity(
            "victim", VICTIM_NAME, VICTIM_PARENTAGE, VICTIM_ADDRESS, VICTIM_PHONE, None
        )
    ]
    (audit,) = audit_after(world.db, audit_seq)
    assert (audit.action, audit.entity_table, audit.entity_id) == (
        "identity.reveal",
        "fir_victim",
        world.ids["victim"],
    )
    assert (audit.user_id, audit.username) == (world.ctx.actor.user_id, "incharge")
    detail = detail_of(audit)
    assert detail == {"reason": REASON.strip(), "persons": 1}
    for secret in IDENTITY_STRINGS:
        assert secret not in audit.detail
    assert outbox_after(world.db, outbox_seq) == []  # a reveal changes no data


def test_the_complainant_is_kept_on_the_fir(world: StationHandle) -> None:
    revealed = reveal_identity(world.ctx, "fir", world.ids["fir"], REASON)
    assert [(r.person_role, r.name) for r in revealed] == [("complainant", COMPLAINANT_NAME)]
    (audit,) = audit_after(world.db, last_audit_seq(world.db) - 1)
    assert COMPLAINANT_NAME not in audit.detail
    assert detail_of(audit)["persons"] == 1


@pytest.mark.parametrize("reason", ["", "          ", "short", "  nine char  ", "123456789"])
def test_a_reason_of_ten_characters_is_needed(world: StationHandle, reason: str) -> None:
    before = world.counts()
    with pytest.raises(ValidationError) as refused:
        reveal_identity(world.ctx, "fir_victim", world.ids["victim"], reason)
    assert [e.field for e in refused.value.errors] == ["reason"]
    assert "10" in refused.value.errors[0].message.en
    assert "10" in refused.value.errors[0].message.hi
    assert world.counts() == before


def test_ten_characters_are_enough(world: StationHandle) -> None:
    assert len(reveal_identity(world.ctx, "fir_victim", world.ids["victim"], "1234567890")) == 1


@pytest.mark.parametrize("role", [Role.SUB_INSPECTOR, Role.HELPDESK, Role.CIRCLE_OFFICER])
def test_other_roles_may_not_reveal(world: StationHandle, role: Role) -> None:
    before = world.counts()
    with pytest.raises(PermissionDenied) as refused:
        reveal_identity(world.as_role(role), "fir_victim", world.ids["victim"], REASON)
    assert VICTIM_NAME not in str(refused.value)
    assert world.counts() == before


def test_another_station_sees_nothing(world: StationHandle) -> None:
    other = world.other_station()
    assert reveal_identity(other, "fir_victim", world.ids["victim"], REASON) == []
    assert reveal_identity(other, "fir", world.ids["fir"], REASON) == []
    (audit,) = audit_after(world.db, last_audit_seq(world.db) - 1)
    assert detail_of(audit)["persons"] == 0


def test_an_unknown_owner_reveals_nobody_but_is_audited(world: StationHandle) -> None:
    audit_seq = last_audit_seq(world.db)
    assert reveal_identity(world.ctx, "fir_victim", world.ids["fir"], REASON) == []
    (audit,) = audit_after(world.db, audit_seq)
    assert (audit.action, detail_of(audit)["persons"]) == ("identity.reveal", 0)


def test_a_rejected_identity_is_not_echoed(station: StationHandle) -> None:
    secret = "Secret Qwerty " + "x" * 120
    with pytest.raises(ValidationError) as refused:
        new_fir(station.ctx, victims=({"gender": "female", "identity": {"name": secret}},))
    assert "Secret Qwerty" not in refused.value.message.en
    assert "Secret Qwerty" not in refused.value.message.hi


def _break_identity_writes(st: StationHandle) -> None:
    """A fault in the middle of the write: the identity insert fails in SQLite itself."""
    with st.db.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TRIGGER break_identity BEFORE INSERT ON protected_identity "
                "BEGIN INSERT INTO no_such_table VALUES (1); END"
            )
        )


def _fir_with_identity(st: StationHandle) -> None:
    new_fir(st.ctx, victims=({"gender": "female", "identity": {"name": VICTIM_NAME}},))


def test_a_store_fault_during_an_fir_writes_nothing(station: StationHandle) -> None:
    _break_identity_writes(station)
    before = station.counts()
    with pytest.raises(StoreProblem):
        _fir_with_identity(station)
    assert station.counts() == before


def test_a_store_fault_does_not_show_the_identity(station: StationHandle) -> None:
    _break_identity_writes(station)
    with pytest.raises(StoreProblem) as failed:
        _fir_with_identity(station)
    assert VICTIM_NAME not in str(failed.value)
    assert VICTIM_NAME not in failed.value.message.en


def test_a_case_reveal_shows_everyone_of_the_fir_in_one_audit_entry(world: StationHandle) -> None:
    audit_seq = last_audit_seq(world.db)
    revealed = reveal_case_identities(world.ctx, world.ids["fir"], REASON)
    who = [(label, person.name) for label, person in revealed]
    assert who[0] == ("complainant", COMPLAINANT_NAME)
    assert who[1][1] == VICTIM_NAME and who[1][0].startswith("पीड़िता-")  # her pseudonym
    (audit,) = audit_after(world.db, audit_seq)
    assert (audit.action, audit.entity_id) == ("identity.reveal", world.ids["fir"])
    assert detail_of(audit) == {"reason": REASON.strip(), "persons": 2}
    for secret in IDENTITY_STRINGS:
        assert secret not in audit.detail


def test_a_case_reveal_needs_the_role_and_a_reason(world: StationHandle) -> None:
    before = world.counts()
    with pytest.raises(PermissionDenied):
        reveal_case_identities(world.as_role(Role.SUB_INSPECTOR), world.ids["fir"], REASON)
    with pytest.raises(ValidationError):
        reveal_case_identities(world.ctx, world.ids["fir"], "short")
    assert world.counts() == before
    with pytest.raises(NotFound):  # another station's case does not exist for it
        reveal_case_identities(world.other_station(), world.ids["fir"], REASON)


LIFT_REASON = "वयस्क पीड़िता ने स्वयं नाम प्रकट करने की लिखित सहमति दी"


def test_a_lifted_case_shows_its_identities_to_station_staff_without_a_reason(
    world: StationHandle,
) -> None:
    fir_id, si = world.ids["fir"], world.as_role(Role.SUB_INSPECTOR)
    assert may_lift_identity(world.ctx, fir_id)  # BNS 85, an adult: "default" protection
    with pytest.raises(PermissionDenied):
        reveal_case_identities(si, fir_id, REASON)  # before the lift: in-charge only
    lift_identity_protection(world.ctx, fir_id, LIFT_REASON)
    assert identity_lifted(si, fir_id) and not may_lift_identity(world.ctx, fir_id)
    audit_seq = last_audit_seq(world.db)
    seen = reveal_case_identities(si, fir_id, "")
    assert VICTIM_NAME in {p.name for _, p in seen}
    (audit,) = audit_after(world.db, audit_seq)  # still recorded, without the name
    assert audit.action == "identity.reveal" and audit.username == "si.verma"
    assert VICTIM_NAME not in audit.detail
    with pytest.raises(PermissionDenied):  # the help desk sees no identity, lifted or not
        reveal_case_identities(world.as_role(Role.HELPDESK), fir_id, REASON)
    restore_identity_protection(world.ctx, fir_id)
    with pytest.raises(PermissionDenied):
        reveal_case_identities(si, fir_id, REASON)


def test_only_the_in_charge_lifts_and_only_with_a_reason(world: StationHandle) -> None:
    fir_id = world.ids["fir"]
    with pytest.raises(PermissionDenied):
        lift_identity_protection(world.as_role(Role.SUB_INSPECTOR), fir_id, LIFT_REASON)
    with pytest.raises(ValidationError) as caught:
        lift_identity_protection(world.ctx, fir_id, "सहमति")
    assert "संरक्षण हटाने का कारण" in str(caught.value)
    assert not identity_lifted(world.ctx, fir_id)


def test_a_statutory_case_cannot_be_lifted(world: StationHandle) -> None:
    fir_id = new_fir(world.ctx, crime_no=77, sections=("BNS 64",)).entity_id
    assert not may_lift_identity(world.ctx, fir_id)
    audit_seq = last_audit_seq(world.db)
    with pytest.raises(PermissionDenied) as caught:
        lift_identity_protection(world.ctx, fir_id, LIFT_REASON)
    assert "BNS 72" in str(caught.value)
    assert not identity_lifted(world.ctx, fir_id)
    assert audit_after(world.db, audit_seq) == []


def test_a_lift_ends_when_the_case_becomes_statutory(world: StationHandle) -> None:
    fir_id = world.ids["fir"]
    lift_identity_protection(world.ctx, fir_id, LIFT_REASON)
    add_victim(world.ctx, fir_id, {"age": 15, "gender": "female"})  # a child: POCSO 23
    assert not identity_lifted(world.ctx, fir_id)
    with pytest.raises(PermissionDenied):
        lift_identity_protection(world.ctx, fir_id, LIFT_REASON)
