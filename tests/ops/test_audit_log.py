"""Reading the audit log page by page with filters, and verifying its chain, as ops."""

from __future__ import annotations

from dataclasses import astuple
from datetime import timedelta

from sqlalchemy import text

from msk_desktop.ops.audit_log import read_audit_log, verify_audit_chain
from msk_desktop.ops.context import Role
from msk_desktop.ops.identity import reveal_case_identities
from tests.ops.conftest import (
    ACCOUNTS,
    IDENTITY_STRINGS,
    StationHandle,
    audit_after,
    detail_of,
    last_audit_seq,
)

REASON = "आरोप पत्र हेतु सत्यापन"


def test_pages_cover_the_log_newest_first_without_identity(world: StationHandle) -> None:
    revealed = reveal_case_identities(world.ctx, world.ids["fir"], REASON)
    assert {r.name for _who, r in revealed} >= {IDENTITY_STRINGS[0], IDENTITY_STRINGS[-1]}
    first = read_audit_log(world.ctx, limit=7)
    assert first.total == last_audit_seq(world.db)
    assert first.lines[0].action == "identity.reveal"
    lines = list(first.lines)
    while len(lines) < first.total:
        lines += read_audit_log(world.ctx, offset=len(lines), limit=7).lines
    assert [line.seq for line in lines] == sorted((line.seq for line in lines), reverse=True)
    shown = " ".join(str(value) for line in lines for value in astuple(line))
    for secret in (*IDENTITY_STRINGS, REASON):
        assert secret not in shown
    fir_line = next(line for line in lines if line.action == "fir.register")
    assert "insert fir:" in fir_line.summary and "crime_no" in fir_line.summary


def test_filters_by_user_action_and_days(world: StationHandle) -> None:
    everything = read_audit_log(world.ctx).total
    by_user = read_audit_log(world.ctx, username=ACCOUNTS[Role.IN_CHARGE].username)
    assert 0 < by_user.total < everything
    assert {line.username for line in by_user.lines} == {ACCOUNTS[Role.IN_CHARGE].username}
    logins = read_audit_log(world.ctx, action="login")
    assert logins.total >= 1 and {line.action for line in logins.lines} == {"login"}
    # Audit entries carry the real time of writing, not the ops' fixed clock.
    written_on = read_audit_log(world.ctx).lines[0].at.date()
    assert read_audit_log(world.ctx, first_day=written_on, last_day=written_on).total > 0
    later = written_on + timedelta(days=1)
    assert read_audit_log(world.ctx, first_day=later).total == 0
    assert read_audit_log(world.ctx, last_day=written_on - timedelta(days=1)).total == 0


def test_the_circle_officer_reads_and_verifies(world: StationHandle) -> None:
    officer = world.as_role(Role.CIRCLE_OFFICER)
    assert read_audit_log(officer).total > 0
    seq = last_audit_seq(world.db)
    report = verify_audit_chain(officer)
    assert report.ok and report.entries == seq
    (audit,) = audit_after(world.db, seq)
    assert audit.action == "audit.verify" and detail_of(audit)["ok"] is True


def test_a_tampered_entry_is_named(world: StationHandle) -> None:
    with world.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET username = 'someone' WHERE seq = 5"))
    report = verify_audit_chain(world.ctx)
    assert not report.ok and report.first_broken_seq == 5
    (audit,) = audit_after(world.db, last_audit_seq(world.db) - 1)
    assert detail_of(audit)["first_broken"] == 5
