"""Security settings of this station PC: after how many idle minutes the screen locks, and for
how many seconds a revealed identity stays on screen. Read by every user (the lock applies to
all), changed by the in-charge, every change audited."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from msk_desktop.domain.errors import FieldError, Message
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import raise_if
from msk_desktop.ops.permissions import require
from msk_desktop.store.models import StationSetting


@dataclass(frozen=True)
class SecuritySettings:
    idle_lock_minutes: int = 10
    reveal_seconds: int = 60


# Inclusive bounds: a lock that never comes, or a reveal that stays, defeats the purpose.
LIMITS: dict[str, tuple[int, int]] = {"idle_lock_minutes": (1, 60), "reveal_seconds": (10, 600)}
_LABELS = {
    "idle_lock_minutes": Message("निष्क्रियता पर लॉक (मिनट)", "idle lock (minutes)"),
    "reveal_seconds": Message("पहचान दिखने का समय (सेकंड)", "identity shown for (seconds)"),
}


def security_settings(ctx: OpContext) -> SecuritySettings:
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        stored = dict(
            session.execute(
                select(StationSetting.key, StationSetting.value).where(
                    StationSetting.station_id == ctx.actor.station_id
                )
            ).all()
        )
    values = {f.name: int(stored[f.name]) for f in fields(SecuritySettings) if f.name in stored}
    return SecuritySettings(**values)


def _check(settings: SecuritySettings) -> list[FieldError]:
    errors = []
    for name, (low, high) in LIMITS.items():
        value = getattr(settings, name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            label = _LABELS[name]
            errors.append(
                FieldError(
                    name,
                    Message(
                        f"{label.hi}: {low} से {high} के बीच", f"{label.en}: from {low} to {high}"
                    ),
                )
            )
    return errors


def set_security_settings(ctx: OpContext, settings: SecuritySettings) -> SecuritySettings:
    require(ctx, "station_settings")
    raise_if(_check(settings))
    old = security_settings(ctx)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        for name in LIMITS:
            row = tx.session.get(StationSetting, (ctx.actor.station_id, name))
            value = str(getattr(settings, name))
            if row is None:
                tx.session.add(
                    StationSetting(station_id=ctx.actor.station_id, key=name, value=value)
                )
            else:
                row.value = value
        tx.audit(
            "settings.security",
            "station_setting",
            None,
            old={n: getattr(old, n) for n in LIMITS},
            new={n: getattr(settings, n) for n in LIMITS},
        )
    return settings
