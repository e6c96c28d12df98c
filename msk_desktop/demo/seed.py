"""Seed a demo station with two years of synthetic, clearly fictional data in every register.

Everything goes through the ops, exactly as a user's entries would, so the demo data passes the
same validation and lands in the audit log and the sync outbox like real work. The data is a pure
function of ``seed``, ``today`` and ``scale`` (ids and timestamps of the writes aside), and it is
laid out so that every view has something to show: overdue and due-soon investigations, bonds
about to expire, pending applications behind on their follow-up, unstaffed shifts, an iGOT
finding, and an overdue inspection direction.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from msk_desktop.demo import desk, duties, firs, inspection, names, rosters, staff
from msk_desktop.demo.world import World, demo_now
from msk_desktop.ops.context import Actor, OpContext, Role
from msk_desktop.ops.station import add_user, setup_station
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout

DEMO_USERNAME = "demo.incharge"
DEMO_PASSWORD = "demo-password-2025"
DEMO_SI_USERNAME = "demo.si"
DEMO_HELPDESK_USERNAME = "demo.helpdesk"
DEMO_CO_USERNAME = "demo.co"
DEFAULT_SEED = 38  # DG circular 38/2025

DEMO_STATION = {
    "code": "DEMO-01",
    "name_hi": "मिशन शक्ति केन्द्र – डेमो थाना",
    "name_en": "Demo Thana (synthetic)",
    "district": "डेमो जनपद / Demo District",
    "circle": "Demo Circle",
}


@dataclass(frozen=True)
class DemoSummary:
    """What was seeded: entries per register (and their parts), and the recovery key."""

    station_code: str
    today: date
    recovery_key: str = field(repr=False)  # shown once to whoever seeded; never logged
    fir: int
    fir_victim: int
    fir_accused: int
    fir_milestone: int
    preventive_action: int
    duty_roster_slot: int
    helpdesk_application: int
    follow_up: int
    counselling_case: int
    counselling_session: int
    ppk_referral: int
    support_referral: int
    staff_deployment: int
    awareness_programme: int
    staff_member: int
    inspection_entry: int
    inspection_direction: int
    crime_numbers: tuple[str, ...] = field(repr=False)  # "123/2025", in registration order

    def counts(self) -> dict[str, int]:
        """Rows per table, by the table's name."""
        return {
            name: value
            for name, value in vars(self).items()
            if isinstance(value, int) and not isinstance(value, bool)
        }


def seed_demo(
    layout: DataLayout,
    *,
    today: date,
    seed: int = DEFAULT_SEED,
    cost: KdfCost | None = None,
    scale: float = 1.0,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Create the demo station in ``layout`` (an empty folder) and fill two years ending
    ``today``. ``scale`` multiplies the number of entries (1.0: a mid-size station)."""
    if scale <= 0:
        raise ValueError(f"scale must be above 0, not {scale}")
    report = progress or (lambda _step: None)
    report("Creating the demo station")
    now = demo_now(today)
    ctx, recovery_key = setup_station(
        layout,
        DEMO_STATION,
        DEMO_USERNAME,
        staff.staff_name(staff.in_charge_posting()),
        DEMO_PASSWORD,
        cost,
    )
    # Every op sees the same "now", so the data depends on `today` only, never on the hour.
    ctx.clock = lambda: now
    try:
        world = _world(ctx, cost, random.Random(seed), today, scale, report)
        _fill(world)
    finally:
        ctx.db.close()
    report("Done")
    return _summary(world, recovery_key)


def _world(
    ctx: OpContext,
    cost: KdfCost | None,
    rng: random.Random,
    today: date,
    scale: float,
    progress: Callable[[str], None],
) -> World:
    progress("Adding the demo users")
    people = staff.user_postings()
    si = _user(
        ctx, DEMO_SI_USERNAME, staff.staff_name(people["sub_inspector"]), Role.SUB_INSPECTOR, cost
    )
    helpdesk = _user(
        ctx, DEMO_HELPDESK_USERNAME, staff.staff_name(people["helpdesk"]), Role.HELPDESK, cost
    )
    co = _user(ctx, DEMO_CO_USERNAME, names.CIRCLE_OFFICER, Role.CIRCLE_OFFICER, cost)
    return World(ctx, si, helpdesk, co, rng, today, scale, progress)


def _user(
    ctx: OpContext, username: str, full_name: str, role: Role, cost: KdfCost | None
) -> OpContext:
    """Add an account and act as it, without a login: the seeder already holds the database
    open, and a login would only unwrap the same key once more."""
    result = add_user(ctx, username, full_name, role, DEMO_PASSWORD, cost)
    actor = Actor(result.entity_id, username, full_name, role, ctx.actor.station_id)
    return OpContext(ctx.db, actor, clock=ctx.clock, notifier=ctx.notifier)


def _fill(world: World) -> None:
    # Order matters only where one register points at another (FIRs first); each register is
    # entered in date order so its serial numbers run with the dates, as on paper.
    staff.seed_staff(world)
    firs.seed_firs(world)
    duties.seed_preventive(world)
    desk.seed_desk(world)
    duties.seed_deployments(world)
    duties.seed_awareness(world)
    rosters.seed_rosters(world)
    inspection.seed_inspections(world)


def _summary(world: World, recovery_key: str) -> DemoSummary:
    c = world.counts
    return DemoSummary(
        station_code=str(DEMO_STATION["code"]),
        today=world.today,
        recovery_key=recovery_key,
        fir=c["fir"],
        fir_victim=c["fir_victim"],
        fir_accused=c["fir_accused"],
        fir_milestone=c["fir_milestone"],
        preventive_action=c["preventive_action"],
        duty_roster_slot=c["duty_roster_slot"],
        helpdesk_application=c["helpdesk_application"],
        follow_up=c["follow_up"],
        counselling_case=c["counselling_case"],
        counselling_session=c["counselling_session"],
        ppk_referral=c["ppk_referral"],
        support_referral=c["support_referral"],
        staff_deployment=c["staff_deployment"],
        awareness_programme=c["awareness_programme"],
        staff_member=c["staff_member"],
        inspection_entry=c["inspection_entry"],
        inspection_direction=c["inspection_direction"],
        crime_numbers=tuple(f.crime_no for f in world.firs),
    )
