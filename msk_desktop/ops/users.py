"""The in-charge manages the station's accounts: list, disable, enable, reset a password; and a
forgotten in-charge password is replaced with the recovery key. Adding a user is
``ops.station.add_user``.

A disabled account loses its key slot, not only its ``active`` flag: the person still knows
the old password, and with a slot that password would still decrypt a copy of the file.
Enabling it again therefore needs a new password.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.domain.errors import (
    FieldError,
    LoginDelayed,
    Message,
    NotFound,
    ValidationError,
    WrongPassword,
)
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import Actor, OpContext, Role, now_ist
from msk_desktop.ops.entries import announce, raise_if
from msk_desktop.ops.permissions import require
from msk_desktop.ops.station import check_password
from msk_desktop.store.database import Author, StationDatabase
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import AppUser
from msk_desktop.store.queries.audit_pages import recent_logins


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    full_name: str
    role: Role
    active: bool
    last_login_at: datetime | None


@dataclass(frozen=True)
class LoginSummary:
    """Shown after a login: when this user last logged in before, and how many wrong
    passwords were typed for the account since then."""

    previous_login_at: datetime | None
    failed_attempts: int


def list_users(ctx: OpContext) -> list[UserRow]:
    require(ctx, "manage_users")
    with ctx.db.read() as session:
        users = session.scalars(
            select(AppUser)
            .where(AppUser.station_id == ctx.actor.station_id, AppUser.deleted_at.is_(None))
            .order_by(AppUser.username)
        ).all()
        return [
            UserRow(u.id, u.username, u.full_name, Role(u.role), u.active, u.last_login_at)
            for u in users
        ]


def _user(session: Session, ctx: OpContext, user_id: str) -> AppUser:
    user = session.get(AppUser, user_id)
    if user is None or user.station_id != ctx.actor.station_id or user.deleted_at is not None:
        raise NotFound(Message("उपयोगकर्ता नहीं मिला।", "The user was not found."))
    return user


def _refuse(field: str, hi: str, en: str) -> ValidationError:
    return ValidationError([FieldError(field, Message(hi, en))])


def disable_user(ctx: OpContext, user_id: str) -> OpResult:
    require(ctx, "manage_users")
    if user_id == ctx.actor.user_id:
        # The station would be left without anyone who may manage users.
        raise _refuse(
            "user", "आप अपना ही खाता निष्क्रिय नहीं कर सकते", "you cannot disable your own account"
        )
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        user = _user(tx.session, ctx, user_id)
        if not user.active:
            raise _refuse("user", "यह खाता पहले से निष्क्रिय है", "this account is already disabled")
        user.active = False
        tx.session.flush()
        # Last inside the transaction: if removing the slot fails, the flag is not saved.
        ctx.db.remove_password(user.username)
        tx.audit("user.disable", "app_user", user.id, username=user.username)
    return announce(ctx, tx, user_id)


def enable_user(
    ctx: OpContext, user_id: str, new_password: str, cost: KdfCost | None = None
) -> OpResult:
    require(ctx, "manage_users")
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        user = _user(tx.session, ctx, user_id)
        if user.active:
            raise _refuse("user", "यह खाता पहले से सक्रिय है", "this account is already enabled")
        raise_if(check_password(new_password, user.username))
        user.active = True
        tx.session.flush()
        ctx.db.set_password(user.username, new_password, cost)
        tx.audit("user.enable", "app_user", user.id, username=user.username)
    return announce(ctx, tx, user_id)


def reset_password(
    ctx: OpContext, user_id: str, new_password: str, cost: KdfCost | None = None
) -> OpResult:
    """A new password for an active user: their slot is re-wrapped with the database key the
    in-charge's own login unlocked (and its failure count and wait start afresh)."""
    require(ctx, "manage_users")
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        user = _user(tx.session, ctx, user_id)
        if not user.active:
            raise _refuse(
                "user",
                "निष्क्रिय खाते को पहले सक्रिय करें",
                "enable the disabled account first",
            )
        raise_if(check_password(new_password, user.username))
        ctx.db.set_password(user.username, new_password, cost)
        tx.audit("user.password_reset", "app_user", user.id, username=user.username)
    return announce(ctx, tx, user_id)


def recover_in_charge(
    layout: DataLayout,
    recovery_key: str,
    username: str,
    new_password: str,
    cost: KdfCost | None = None,
    clock: Callable[[], datetime] = now_ist,
) -> OpContext:
    """An in-charge who forgot the password opens the database with the station's recovery
    key and sets a new password; returns the in-charge's logged-in context."""
    name = username.strip().casefold()
    raise_if(check_password(new_password, name))
    db = StationDatabase.open_with_recovery(layout, recovery_key)
    try:
        with db.write(Author(None, name)) as tx:
            user = tx.session.scalars(select(AppUser).where(AppUser.username == name)).first()
            if user is None or user.role != Role.IN_CHARGE or not user.active:
                raise _refuse(
                    "username",
                    "रिकवरी कुंजी से केवल सक्रिय प्रभारी का पासवर्ड बदला जा सकता है",
                    "the recovery key resets only an active in-charge's password",
                )
            db.set_password(name, new_password, cost)
            tx.station_id = user.station_id
            tx.audit("user.password_recovered", "app_user", user.id, username=name)
    except BaseException:
        db.close()
        raise
    actor = Actor(user.id, user.username, user.full_name, Role.IN_CHARGE, user.station_id)
    return OpContext(db, actor, clock)


def login_summary(ctx: OpContext) -> LoginSummary:
    """From the audit log: the login before this one, and the wrong passwords counted (while
    the database was closed) before this login."""
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        logins = recent_logins(session, ctx.actor.user_id)
    failures = int(json.loads(logins[0].detail).get("failed_attempts_before", 0)) if logins else 0
    previous = logins[1].at if len(logins) > 1 else None
    return LoginSummary(previous, failures)


def lock_screen(ctx: OpContext) -> None:
    """The screen locked itself after idle time (audited: the district sees idle sessions)."""
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        tx.audit("screen.lock", "app_user", ctx.actor.user_id)


def unlock_screen(ctx: OpContext, password: str) -> None:
    """The same user's password unlocks; wrong ones count towards the login wait like a
    failed login, and each is audited (the database is open, unlike at the login window)."""
    try:
        ctx.db.verify_password(ctx.actor.username, password, ctx.now())
    except LoginDelayed:
        raise
    except WrongPassword:
        with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
            tx.audit("screen.unlock_failed", "app_user", ctx.actor.user_id)
        raise
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        tx.audit("screen.unlock", "app_user", ctx.actor.user_id)
