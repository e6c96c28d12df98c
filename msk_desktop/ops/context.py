"""Who is acting, on which database, at what time: passed to every op."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from msk_desktop.domain.fields import IST
from msk_desktop.ops.changes import ChangeNotifier
from msk_desktop.store.database import Author, StationDatabase


class Role(StrEnum):
    IN_CHARGE = "in_charge"
    SUB_INSPECTOR = "sub_inspector"
    HELPDESK = "helpdesk_constable"
    CIRCLE_OFFICER = "circle_officer"


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    full_name: str
    role: Role
    station_id: str


def now_ist() -> datetime:
    return datetime.now(IST)


@dataclass
class OpContext:
    db: StationDatabase
    actor: Actor
    clock: Callable[[], datetime] = now_ist
    notifier: ChangeNotifier = field(default_factory=ChangeNotifier)

    def now(self) -> datetime:
        return self.clock().astimezone(IST)

    def today(self) -> date:
        return self.now().date()

    @property
    def author(self) -> Author:
        return Author(self.actor.user_id, self.actor.username)
