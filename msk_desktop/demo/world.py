"""What every part of the demo seeder shares: the contexts it acts through, one random
generator, the fixed "today", what has been created so far, and date helpers."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from msk_desktop.domain.dates import IST
from msk_desktop.ops.context import OpContext

T = TypeVar("T")

# The demo covers two years ending today.
WINDOW_DAYS = 730
# "Now" on the seeding day: every generated moment lies on an earlier day, so nothing is ever in
# the future, whatever hour of `today` the demo is later opened at.
NOW_TIME = time(8, 0)


def demo_now(today: date) -> datetime:
    """The fixed clock of the seeding run."""
    return datetime.combine(today, NOW_TIME, IST)


@dataclass(frozen=True)
class StaffRecord:
    id: str
    name: str
    rank: str
    gender: str
    posted_on: date
    removed_on: date | None

    def active_on(self, day: date) -> bool:
        return self.posted_on <= day and (self.removed_on is None or self.removed_on > day)


@dataclass(frozen=True)
class FirRecord:
    id: str
    kind: str
    registered_at: datetime
    offence_date: date
    crime_no: str  # "123/2025"
    status: str
    done_on: date | None  # chargesheet or final report
    minor_victim: bool
    medical_exam_at: datetime | None

    @property
    def registered_on(self) -> date:
        return self.registered_at.astimezone(IST).date()


@dataclass
class World:
    """Mutable state of one seeding run; the parts add what they create."""

    ctx: OpContext  # the in-charge
    si: OpContext
    helpdesk: OpContext
    co: OpContext
    rng: random.Random
    today: date
    scale: float
    progress: Callable[[str], None]
    counts: Counter[str] = field(default_factory=Counter)
    staff: list[StaffRecord] = field(default_factory=list)
    firs: list[FirRecord] = field(default_factory=list)
    numbers: Counter[str] = field(default_factory=Counter)

    # ---- sizes -----------------------------------------------------------------------------

    def scaled(self, n: int) -> int:
        """``n`` at this run's scale, but never fewer than one: every register gets entries."""
        return max(1, round(n * self.scale))

    def next_number(self, what: str) -> int:
        """Running numbers for labels ("Demo Victim 07"), so no two people share one."""
        self.numbers[what] += 1
        return self.numbers[what]

    # ---- time ------------------------------------------------------------------------------

    @property
    def now(self) -> datetime:
        return demo_now(self.today)

    @property
    def last_day(self) -> date:
        """The latest day anything is recorded on."""
        return self.today - timedelta(days=1)

    @property
    def first_day(self) -> date:
        return self.today - timedelta(days=WINDOW_DAYS)

    def days_ago(self, n: int) -> date:
        return self.today - timedelta(days=n)

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), IST)

    def random_time(self, day: date, first_hour: int = 8, last_hour: int = 20) -> datetime:
        return self.at(
            day, self.rng.randint(first_hour, last_hour), self.rng.choice((0, 15, 30, 45))
        )

    def random_day(self, start: date, end: date) -> date:
        """A day in [start, end], both included."""
        return start + timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def happened(self, day: date) -> bool:
        return day <= self.last_day

    def moment_passed(self, moment: datetime) -> bool:
        return moment.astimezone(IST).date() <= self.last_day

    # ---- choices ---------------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def choice(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def staff_on(
        self, day: date, *, ranks: Sequence[str] = (), gender: str | None = None
    ) -> list[StaffRecord]:
        """Staff serving on ``day`` (in register order), optionally of some ranks or a gender."""
        return [
            s
            for s in self.staff
            if s.active_on(day)
            and (not ranks or s.rank in ranks)
            and (gender is None or s.gender == gender)
        ]

    def firs_of(self, *kinds: str) -> list[FirRecord]:
        return [f for f in self.firs if f.kind in kinds]
