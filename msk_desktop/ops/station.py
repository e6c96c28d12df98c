"""Setting up a station, logging in, and the station's user accounts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select

from msk_desktop.domain import forms
from msk_desktop.domain.dates import IST
from msk_desktop.domain.errors import FieldError, Message, PermissionDenied, ValidationError
from msk_desktop.domain.fields import clean
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import Actor, OpContext, Role, now_ist
from msk_desktop.ops.entries import announce, raise_if
from msk_desktop.ops.permissions import require
from msk_desktop.store.database import Author, StationDatabase
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import AppUser, Station
from msk_desktop.store.types import utc_now

MIN_PASSWORD_LENGTH = 10  # length over complexity: police users remember phrases, not symbols


def _password_error(hi: str, en: str) -> list[FieldError]:
    return [FieldError("password", Message(hi, en))]


def check_password(password: str, username: str) -> list[FieldError]:
    """A phrase of at least 10 characters that is neither the user name nor one repeated
    character; no rules about digits or symbols (they make people write passwords down)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return _password_error(
            f"पासवर्ड कम से कम {MIN_PASSWORD_LENGTH} अक्षर का हो (एक छोटा वाक्य भी चलेगा)",
            f"the password needs at least {MIN_PASSWORD_LENGTH} characters (a phrase is fine)",
        )
    if password.strip().casefold() == username.strip().casefold():
        return _password_error(
            "पासवर्ड उपयोगकर्ता नाम जैसा नहीं हो सकता", "the password cannot be the user name"
        )
    if len(set(password)) == 1:
        return _password_error(
            "पासवर्ड में एक ही अक्षर बार-बार न हो", "the password cannot be one character repeated"
        )
    return []


def _check_user(username: str, full_name: str) -> list[FieldError]:
    errors = []
    if (
        not username.strip()
        or len(username) > 40
        or not username.replace(".", "").replace("_", "").isalnum()
    ):
        errors.append(
            FieldError(
                "username",
                Message(
                    "उपयोगकर्ता नाम में केवल अक्षर, अंक, . और _",
                    "user name: letters, digits, . and _ only",
                ),
            )
        )
    if not full_name.strip():
        errors.append(FieldError("full_name", Message("पूरा नाम लिखें", "enter the full name")))
    return errors


def setup_station(
    layout: DataLayout,
    station: Mapping[str, Any],
    username: str,
    full_name: str,
    password: str,
    cost: KdfCost | None = None,
) -> tuple[OpContext, str]:
    """A new station with its in-charge's account. Returns the logged-in context and the
    recovery key (to show once and print)."""
    now = datetime.now(IST)
    cleaned, errors = clean(forms.STATION, station, today=now.date(), now=now)
    raise_if(errors + _check_user(username, full_name) + check_password(password, username))
    db, recovery_key = StationDatabase.create(layout, username, password, cost)
    with db.write(Author(None, username)) as tx:
        row = Station(**cleaned)
        tx.session.add(row)
        tx.session.flush()
        user = AppUser(
            station_id=row.id,
            username=username.strip().casefold(),
            full_name=full_name.strip(),
            role=Role.IN_CHARGE,
            active=True,
            last_login_at=utc_now(),
        )
        tx.session.add(user)
        tx.session.flush()
        tx.audit("station.setup", "station", row.id, code=cleaned["code"])
    actor = Actor(user.id, user.username, user.full_name, Role.IN_CHARGE, row.id)
    return OpContext(db, actor), recovery_key


def _inactive() -> PermissionDenied:
    return PermissionDenied(Message("यह खाता निष्क्रिय है।", "This account is disabled."))


def login(
    layout: DataLayout,
    username: str,
    password: str,
    clock: Callable[[], datetime] = now_ist,
) -> OpContext:
    """Open the station database with a user's password; the login (and the failed attempts
    before it, counted while the database was closed) go into the audit log. After repeated
    failures the login is refused until a wait has passed (``LoginDelayed``)."""
    db, failures = StationDatabase.open(layout, username, password, clock())
    name = username.strip().casefold()
    with db.write(Author(None, name)) as tx:
        user = tx.session.scalars(select(AppUser).where(AppUser.username == name)).first()
        if user is None or not user.active:
            tx.audit("login.refused", "app_user", user.id if user else None)
            refused = True
        else:
            user.last_login_at = utc_now()
            tx.audit("login", "app_user", user.id, failed_attempts_before=failures)
            refused = False
    if refused or user is None:
        db.close()
        raise _inactive()
    actor = Actor(user.id, user.username, user.full_name, Role(user.role), user.station_id)
    return OpContext(db, actor, clock)


def station_name(ctx: OpContext) -> str:
    """The station's name in the user's language ("hi" or "en")."""
    with ctx.db.read() as session:
        station = session.get(Station, ctx.actor.station_id)
        return f"{station.name_hi} / {station.name_en}" if station else ""


def add_user(
    ctx: OpContext,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    cost: KdfCost | None = None,
) -> OpResult:
    require(ctx, "manage_users")
    role_errors = (
        []
        if isinstance(role, str) and role in set(Role)
        else [FieldError("role", Message("भूमिका सूची में से चुनें", "choose a role from the list"))]
    )
    raise_if(_check_user(username, full_name) + role_errors + check_password(password, username))
    name = username.strip().casefold()
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        if tx.session.scalars(select(AppUser).where(AppUser.username == name)).first():
            raise ValidationError(
                [
                    FieldError(
                        "username", Message("यह उपयोगकर्ता नाम पहले से है", "this user name is taken")
                    )
                ]
            )
        user = AppUser(
            station_id=ctx.actor.station_id,
            username=name,
            full_name=full_name.strip(),
            role=Role(role),
            active=True,
        )
        tx.session.add(user)
        tx.session.flush()
        # The key slot is written inside the transaction: if it fails, the user row is not saved.
        ctx.db.set_password(name, password, cost)
        tx.audit("user.add", "app_user", user.id, role=str(role))
    return announce(ctx, tx, user.id)
