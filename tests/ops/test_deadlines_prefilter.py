"""The deadline lists leave settled FIRs unread (ops/deadlines.py ``_unsettled_facts``): the
lists must be exactly those of evaluating every FIR, on the demo station (open and finished
investigations, transfers, rape and POCSO cases, milestones recorded late or never) seen from
every week of its two years."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta

import pytest

from msk_desktop.demo import DEMO_PASSWORD, DEMO_USERNAME, seed_demo
from msk_desktop.domain.dates import ist_date
from msk_desktop.domain.deadlines import (
    ATTENTION_HORIZON_DAYS,
    DUE_SOON_DAYS,
    VICTIM_UPDATE_DAYS,
    DeadlineState,
)
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.deadlines import (
    ATTENTION,
    DeadlineItem,
    _unsettled_facts,
    station_deadlines,
)
from msk_desktop.ops.station import login
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.queries.fir_facts import fir_facts

TODAY = date(2025, 11, 20)
CHEAP_KDF = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
WANTED = (ATTENTION, frozenset({DeadlineState.OVERDUE}), frozenset({DeadlineState.DUE_SOON}))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpContext]:
    layout = DataLayout(tmp_path_factory.mktemp("demo") / "station")
    seed_demo(layout, today=TODAY, seed=38, cost=CHEAP_KDF, scale=1.0)
    ctx = login(layout, DEMO_USERNAME, DEMO_PASSWORD)
    yield ctx
    ctx.db.close()


def _every_fir_evaluated(
    ctx: OpContext, today: date, wanted: Iterable[DeadlineState], all_firs: bool
) -> list[DeadlineItem]:
    """The same list from every FIR: asking for pending deadlines too reads them all (nothing
    is left out unless only overdue or due-soon ones are asked for)."""
    wanted = frozenset(wanted)
    every = station_deadlines(ctx, today, wanted | {DeadlineState.PENDING}, all_firs=all_firs)
    return [item for item in every if item.status.state in wanted]


def test_the_lists_equal_those_of_every_fir_evaluated(demo: OpContext) -> None:
    days = [TODAY - timedelta(days=n) for n in range(-21, 800, 11)]
    nonempty = 0
    for today in days:
        for wanted in WANTED:
            for all_firs in (False, True):
                got = station_deadlines(demo, today, wanted, all_firs=all_firs)
                expected = _every_fir_evaluated(demo, today, wanted, all_firs)
                assert got == expected, (today, sorted(wanted), all_firs)
                nonempty += bool(got)
    assert nonempty > len(days) // 2  # the comparison saw real lists, not empty ones


def test_equal_on_the_days_a_victim_update_falls_due_soon(demo: OpContext) -> None:
    """Around the day each FIR's 90 days to tell the victim come within DUE_SOON_DAYS: where
    a settled FIR stops being left out."""
    with demo.db.read() as session:
        registered = {ist_date(f.registered_at) for f in fir_facts(session, demo.actor.station_id)}
    reach = VICTIM_UPDATE_DAYS - DUE_SOON_DAYS
    days = sorted({day + timedelta(days=reach + n) for day in registered for n in (-1, 0, 1)})
    for today in days:
        for all_firs in (False, True):
            got = station_deadlines(demo, today, all_firs=all_firs)
            assert got == _every_fir_evaluated(demo, today, ATTENTION, all_firs), today


def test_settled_firs_are_left_unread(demo: OpContext) -> None:
    station = demo.actor.station_id
    since = TODAY - timedelta(days=ATTENTION_HORIZON_DAYS)
    with demo.db.read() as session:
        for window in (since, None):
            read = {f.fir_id for f in _unsettled_facts(session, station, window, TODAY)}
            every = {f.fir_id for f in fir_facts(session, station, window)}
            assert read < every, window  # fewer read, and none that the full read lacks
