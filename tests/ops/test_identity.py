"""Revealing a protected identity: the in-charge only, with a reason, audited without the name."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from msk_desktop.domain.errors import PermissionDenied, StoreProblem, ValidationError
from msk_desktop.ops.context import Role
from msk_desktop.ops.identity import RevealedIdentity, reveal_identity
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
