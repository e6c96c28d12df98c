"""Accounts (list, disable, enable, reset, recovery), password rules, the login wait after
wrong passwords, the login summary, and the station's security settings."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from msk_desktop.domain.errors import (
    LoginDelayed,
    NotFound,
    PermissionDenied,
    ValidationError,
    WrongPassword,
)
from msk_desktop.ops.context import Role
from msk_desktop.ops.station import add_user, check_password, login, setup_station
from msk_desktop.ops.station_settings import (
    SecuritySettings,
    security_settings,
    set_security_settings,
)
from msk_desktop.ops.users import (
    disable_user,
    enable_user,
    list_users,
    login_summary,
    recover_in_charge,
    reset_password,
)
from msk_desktop.store.keyslots import KeySlotFile, login_wait, user_slot
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import AppUser
from tests.ops.conftest import (
    ACCOUNTS,
    FAST_KDF,
    NOW,
    STATION_VALUES,
    StationHandle,
    assert_bilingual,
    audit_after,
    detail_of,
    get_row,
    last_audit_seq,
)

SI = ACCOUNTS[Role.SUB_INSPECTOR]
IC = ACCOUNTS[Role.IN_CHARGE]
NEW_PASSWORD = "a new phrase for si"


class Clock:
    """An injectable clock the tests move by hand (no real waiting)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _si_id(station: StationHandle) -> str:
    return station.users[Role.SUB_INSPECTOR].id


def test_the_in_charge_lists_every_account(station: StationHandle) -> None:
    users = list_users(station.ctx)
    assert sorted(u.username for u in users) == sorted(a.username for a in ACCOUNTS.values())
    assert all(u.active for u in users)
    assert {u.role for u in users} == set(Role)


def test_disable_removes_the_slot_and_refuses_login(station: StationHandle) -> None:
    seq = last_audit_seq(station.db)
    disable_user(station.ctx, _si_id(station))
    assert not get_row(station.db, AppUser, _si_id(station)).active
    assert user_slot(SI.username) not in KeySlotFile.load(station.layout.keyslots).slots
    # The old password no longer opens the file at all.
    with pytest.raises(WrongPassword):
        login(station.layout, SI.username, SI.password)
    (audit,) = audit_after(station.db, seq)
    assert (audit.action, audit.entity_id) == ("user.disable", _si_id(station))


def test_enable_needs_a_new_password_which_then_logs_in(station: StationHandle) -> None:
    disable_user(station.ctx, _si_id(station))
    seq = last_audit_seq(station.db)
    enable_user(station.ctx, _si_id(station), NEW_PASSWORD, FAST_KDF)
    assert get_row(station.db, AppUser, _si_id(station)).active
    ctx = login(station.layout, SI.username, NEW_PASSWORD)
    assert ctx.actor.role is Role.SUB_INSPECTOR
    ctx.db.close()
    assert audit_after(station.db, seq)[0].action == "user.enable"


def test_reset_rewraps_the_slot(station: StationHandle) -> None:
    seq = last_audit_seq(station.db)
    reset_password(station.ctx, _si_id(station), NEW_PASSWORD, FAST_KDF)
    with pytest.raises(WrongPassword):
        login(station.layout, SI.username, SI.password)
    login(station.layout, SI.username, NEW_PASSWORD).db.close()
    actions = [a.action for a in audit_after(station.db, seq)]
    assert actions[0] == "user.password_reset"
    assert NEW_PASSWORD not in json.dumps([a.detail for a in audit_after(station.db, seq)])


def test_the_in_charge_cannot_disable_themself(station: StationHandle) -> None:
    before = station.counts()
    with pytest.raises(ValidationError) as refused:
        disable_user(station.ctx, station.ctx.actor.user_id)
    assert_bilingual(refused.value)
    assert station.counts() == before


@pytest.mark.parametrize(
    "run",
    [
        lambda s: disable_user(s.ctx, s.users[Role.IN_CHARGE].id),
        lambda s: reset_password(s.ctx, s.users[Role.SUB_INSPECTOR].id, "short", FAST_KDF),
        lambda s: enable_user(s.ctx, s.users[Role.SUB_INSPECTOR].id, NEW_PASSWORD, FAST_KDF),
    ],
    ids=["self", "short password", "already enabled"],
)
def test_bad_user_changes_write_nothing(
    station: StationHandle, run: Callable[[StationHandle], object]
) -> None:
    before = station.counts()
    slots = station.layout.keyslots.read_bytes()
    with pytest.raises(ValidationError) as refused:
        run(station)
    assert_bilingual(refused.value)
    assert station.counts() == before
    assert station.layout.keyslots.read_bytes() == slots


def test_an_unknown_user_is_not_found(station: StationHandle) -> None:
    with pytest.raises(NotFound):
        reset_password(station.ctx, "01a20000-0000-7000-8000-000000000000", NEW_PASSWORD)


@pytest.mark.parametrize("role", [Role.SUB_INSPECTOR, Role.HELPDESK, Role.CIRCLE_OFFICER])
def test_only_the_in_charge_manages_accounts(station: StationHandle, role: Role) -> None:
    ctx = station.as_role(role)
    target = station.users[Role.HELPDESK if role is not Role.HELPDESK else Role.SUB_INSPECTOR].id
    before = station.counts()
    for attempt in (
        lambda: list_users(ctx),
        lambda: disable_user(ctx, target),
        lambda: enable_user(ctx, target, NEW_PASSWORD, FAST_KDF),
        lambda: reset_password(ctx, target, NEW_PASSWORD, FAST_KDF),
        lambda: set_security_settings(ctx, SecuritySettings(5, 30)),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert station.counts() == before


# ---- recovery key ----------------------------------------------------------------------------


def test_the_recovery_key_sets_a_new_in_charge_password(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path / "s")
    ctx, recovery = setup_station(
        layout, STATION_VALUES, "boss", "Fake Boss", "forgotten-password", FAST_KDF
    )
    add_user(ctx, "si.one", "Fake SI", Role.SUB_INSPECTOR, "si-one-password", FAST_KDF)
    ctx.db.close()
    with pytest.raises(WrongPassword):
        recover_in_charge(layout, "AAAA-" + recovery[5:], "boss", "remembered-phrase")
    with pytest.raises(ValidationError):  # only an in-charge, and refused before any change
        recover_in_charge(layout, recovery, "si.one", "remembered-phrase", FAST_KDF).db.close()
    with pytest.raises(ValidationError):
        recover_in_charge(layout, recovery, "boss", "short", FAST_KDF)
    recovered = recover_in_charge(layout, recovery.lower(), "Boss", "remembered-phrase", FAST_KDF)
    assert recovered.actor.role is Role.IN_CHARGE
    seq = last_audit_seq(recovered.db)
    (audit,) = audit_after(recovered.db, seq - 1)
    assert audit.action == "user.password_recovered"
    recovered.db.close()
    login(layout, "boss", "remembered-phrase").db.close()
    with pytest.raises(WrongPassword):
        login(layout, "boss", "forgotten-password")
    login(layout, "si.one", "si-one-password").db.close()  # other accounts untouched


# ---- password rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("short", "10"),
        ("123456789", "10"),
        ("si.verma.x", "user name"),
        ("aaaaaaaaaaaa", "repeated"),
    ],
)
def test_password_rules(password: str, words: str) -> None:
    username = "si.verma.x"
    (error,) = check_password(password, username)
    assert words in error.message.en
    assert any("\u0900" <= ch <= "\u097f" for ch in error.message.hi)


@pytest.mark.parametrize("password", ["meri chhoti bitiya", "1234567890", "पासवर्ड लम्बा है"])
def test_long_passwords_need_no_symbols(password: str) -> None:
    assert check_password(password, "someone") == []


# ---- login wait ---------------------------------------------------------------------------------


def test_login_wait_grows_and_is_capped() -> None:
    waits = [login_wait(n).total_seconds() for n in range(4, 12)]
    assert waits == [0, 30, 60, 120, 240, 480, 900, 900]
    assert login_wait(1000) == timedelta(minutes=15)


def _wrong(station: StationHandle, clock: Clock) -> None:
    with pytest.raises(WrongPassword) as refused:
        login(station.layout, SI.username, "not the password", clock)
    assert not isinstance(refused.value, LoginDelayed)


def test_five_wrong_passwords_start_a_growing_wait(station: StationHandle) -> None:
    clock = Clock(NOW)
    for _ in range(5):
        _wrong(station, clock)
    # Now even the right password waits 30 s; the refusal says how long, in both languages.
    with pytest.raises(LoginDelayed) as delayed:
        login(station.layout, SI.username, SI.password, clock)
    assert delayed.value.seconds == 30
    assert "0:30" in delayed.value.message.en and "0:30" in delayed.value.message.hi
    clock.advance(29)
    with pytest.raises(LoginDelayed) as delayed:
        login(station.layout, SI.username, SI.password, clock)
    assert delayed.value.seconds == 1
    # A try during the wait is not counted: the wait does not grow by being asked.
    assert (
        KeySlotFile.load(station.layout.keyslots).slots[user_slot(SI.username)].failed_attempts == 5
    )
    clock.advance(1)
    _wrong(station, clock)  # the sixth failure: 60 s
    with pytest.raises(LoginDelayed) as delayed:
        login(station.layout, SI.username, SI.password, clock)
    assert delayed.value.seconds == 60
    clock.advance(60)
    ctx = login(station.layout, SI.username, SI.password, clock)
    assert login_summary(ctx).failed_attempts == 6
    ctx.db.close()
    # A good login clears the count: the next wrong password does not wait.
    _wrong(station, clock)
    login(station.layout, SI.username, SI.password, clock).db.close()


def test_the_wait_survives_a_restart(station: StationHandle) -> None:
    clock = Clock(NOW)
    for _ in range(5):
        _wrong(station, clock)
    # "Restart": nothing in memory; the slot file alone carries the wait.
    reloaded = KeySlotFile.load(station.layout.keyslots)
    until = reloaded.slots[user_slot(SI.username)].may_try_at()
    assert until == NOW + timedelta(seconds=30)
    with pytest.raises(LoginDelayed):
        login(station.layout, SI.username, SI.password, clock)


def test_the_wait_is_per_account(station: StationHandle) -> None:
    clock = Clock(NOW)
    for _ in range(5):
        _wrong(station, clock)
    login(station.layout, IC.username, IC.password, clock).db.close()


def test_a_reset_ends_the_wait(station: StationHandle) -> None:
    clock = Clock(NOW)
    for _ in range(7):
        with pytest.raises(WrongPassword):
            login(station.layout, SI.username, "not the password", clock)
        clock.advance(600)
    reset_password(station.ctx, _si_id(station), NEW_PASSWORD, FAST_KDF)
    login(station.layout, SI.username, NEW_PASSWORD, clock).db.close()


def test_login_and_the_failures_before_it_are_audited(station: StationHandle) -> None:
    clock = Clock(NOW)
    _wrong(station, clock)
    _wrong(station, clock)
    ctx = login(station.layout, SI.username, SI.password, clock)
    seq = last_audit_seq(ctx.db)
    (audit,) = audit_after(ctx.db, seq - 1)
    assert (audit.action, audit.entity_id) == ("login", ctx.actor.user_id)
    assert detail_of(audit)["failed_attempts_before"] == 2
    summary = login_summary(ctx)
    assert summary.failed_attempts == 2
    assert summary.previous_login_at is None  # the template's users never logged in
    ctx.db.close()
    again = login(station.layout, SI.username, SI.password, clock)
    summary = login_summary(again)
    assert summary.failed_attempts == 0 and summary.previous_login_at is not None
    again.db.close()


def test_a_disabled_account_that_still_had_a_slot_is_refused_and_audited(
    station: StationHandle,
) -> None:
    """Belt and braces: an account marked inactive is refused even if its slot was restored."""
    with station.db.write(station.ctx.author, station.station_id) as tx:
        user = tx.session.get(AppUser, _si_id(station))
        assert user is not None
        user.active = False
        tx.audit("test.deactivate", "app_user", user.id)
    with pytest.raises(PermissionDenied):
        login(station.layout, SI.username, SI.password)
    (audit,) = audit_after(station.db, last_audit_seq(station.db) - 1)
    assert audit.action == "login.refused"


# ---- settings -----------------------------------------------------------------------------------


def test_security_settings_default_and_change(station: StationHandle) -> None:
    assert security_settings(station.ctx) == SecuritySettings(10, 60)
    seq = last_audit_seq(station.db)
    set_security_settings(station.ctx, SecuritySettings(5, 30))
    assert security_settings(station.as_role(Role.HELPDESK)) == SecuritySettings(5, 30)
    (audit,) = audit_after(station.db, seq)
    assert detail_of(audit) == {
        "old": {"idle_lock_minutes": 10, "reveal_seconds": 60},
        "new": {"idle_lock_minutes": 5, "reveal_seconds": 30},
    }
    set_security_settings(station.ctx, SecuritySettings(15, 45))
    assert security_settings(station.ctx) == SecuritySettings(15, 45)


@pytest.mark.parametrize(
    "settings", [SecuritySettings(0, 60), SecuritySettings(10, 5), SecuritySettings(61, 601)]
)
def test_settings_out_of_range_are_refused(
    station: StationHandle, settings: SecuritySettings
) -> None:
    before = station.counts()
    with pytest.raises(ValidationError) as refused:
        set_security_settings(station.ctx, settings)
    assert_bilingual(refused.value)
    assert station.counts() == before
