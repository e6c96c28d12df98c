"""Preventive actions, women staff deployments and awareness programmes of the demo Kendra."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from msk_desktop.demo import names
from msk_desktop.demo.desk import FollowUp
from msk_desktop.demo.world import FirRecord, StaffRecord, World
from msk_desktop.domain.bonds import bond_expiry
from msk_desktop.domain.catalogue import preventive_action_catalogue
from msk_desktop.domain.choices import AWARENESS_AUDIENCE, AWARENESS_KIND
from msk_desktop.domain.dates import IST, add_months
from msk_desktop.ops.deployments import record_deployment
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.follow_ups import add_follow_up

# ---- preventive actions -------------------------------------------------------------------

# Actions per kind at scale 1.0 (60 in all), with the usual bond period in months.
PREVENTIVE_KINDS: dict[str, tuple[int, tuple[int, ...]]] = {
    "bond_peace": (14, (6, 12)),
    "bond_suspect": (6, (12,)),
    "bond_habitual": (3, (24, 36)),
    "inquiry_interim": (4, (6,)),
    "arrest_prevent": (8, ()),
    "goonda_extern": (2, (6,)),
    "history_sheet": (2, ()),
    "romeo_warning": (12, ()),
    "wpl_warning": (5, ()),
    "release_verify": (4, ()),
}
# Designed bonds (12-month, BNSS 126): days from today to the expiry, and the status written in
# the register. The first three show in the "expiring within 30 days" list; the last two have
# run out, one of them still marked in force because nobody updated the register.
DESIGNED_BONDS = ((5, "active"), (14, "active"), (26, "active"), (-3, "expired"), (-20, "active"))
ORDERING_AUTHORITY = {
    "Executive Magistrate": names.MAGISTRATE,
    "District Magistrate": names.DISTRICT_MAGISTRATE,
    "Superintendent of Police": names.SUPERINTENDENT,
    "Police": names.POLICE,
}
# Warnings and arrests are over once given; orders without an expiry stay in force.
CLOSED_ON_ACTION = frozenset({"arrest_prevent", "romeo_warning", "wpl_warning", "release_verify"})
MOLESTATION = ("molestation", "harassment", "stalking")


@dataclass
class ActionPlan:
    code: str
    action_on: date
    months: int | None
    status: str = "active"
    fir: FirRecord | None = None
    remarks: str | None = None


def seed_preventive(world: World) -> None:
    plans = _designed_bonds(world)
    for code, (count, periods) in PREVENTIVE_KINDS.items():
        plans += [_random_action(world, code, periods) for _ in range(world.scaled(count))]
    plans.sort(key=lambda p: p.action_on)
    world.progress(f"Preventive action register: {len(plans)} actions")
    for plan in plans:
        _enter_action(world, plan)


def _designed_bonds(world: World) -> list[ActionPlan]:
    plans = []
    for days, status in DESIGNED_BONDS:
        # A 12-month bond ordered on D binds until the day before D + 12 months.
        action_on = add_months(world.today + timedelta(days=days + 1), -12)
        plans.append(ActionPlan("bond_peace", action_on, 12, status))
    return plans


def _random_action(world: World, code: str, periods: tuple[int, ...]) -> ActionPlan:
    months = world.choice(periods) if periods else None
    plan = ActionPlan(code, world.random_day(world.first_day, world.last_day), months)
    if code == "release_verify":
        plan.fir = _released_accused_fir(world, plan)
    elif code in ("romeo_warning", "bond_peace", "bond_suspect") and world.chance(0.3):
        earlier = [f for f in world.firs_of(*MOLESTATION) if f.registered_on <= plan.action_on]
        plan.fir = world.choice(earlier) if earlier else None
    plan.status = _action_status(world, plan)
    if plan.status == "breached":
        plan.remarks = names.bilingual(*names.BREACH_REMARK)
    return plan


def _released_accused_fir(world: World, plan: ActionPlan) -> FirRecord | None:
    """Verification of an accused out of jail: after the chargesheet of a serious case."""
    done = [f for f in world.firs if f.status == "chargesheeted" and f.done_on is not None]
    done = [f for f in done if f.done_on is not None and f.done_on < world.days_ago(40)]
    if not done:
        return None
    fir = world.choice(done)
    assert fir.done_on is not None
    plan.action_on = world.random_day(fir.done_on + timedelta(days=30), world.last_day)
    return fir


def _action_status(world: World, plan: ActionPlan) -> str:
    if plan.code in CLOSED_ON_ACTION:
        return "closed"
    expiry = _expiry(plan)
    if expiry is None or expiry >= world.today:
        return "active"
    roll = world.rng.random()
    return "expired" if roll < 0.8 else "breached" if roll < 0.9 else "closed"


def _expiry(plan: ActionPlan) -> date | None:
    kind = preventive_action_catalogue().require(plan.code)
    return bond_expiry(kind, plan.action_on, plan.months) if plan.months else None


def _enter_action(world: World, plan: ActionPlan) -> None:
    kind = preventive_action_catalogue().require(plan.code)
    n = world.next_number("person")
    values: dict[str, Any] = {
        "person_name": names.person_name(n),
        "person_parentage": names.person_parentage(n),
        "person_address": names.address(world.rng.randint(1, 24)),
        "person_age": world.rng.randint(19, 45),
        "fir_id": plan.fir.id if plan.fir else None,
        "action_code": plan.code,
        "action_on": plan.action_on,
        "ordered_by": ORDERING_AUTHORITY.get(kind.ordered_by, kind.ordered_by),
        "bond_months": plan.months,
        "status": plan.status,
        "remarks": plan.remarks,
    }
    if kind.ordered_by != "Police":
        values["order_ref"] = f"वाद सं0 {n}/{plan.action_on.year} (डेमो)"
    if plan.months:
        values["bond_amount"] = world.rng.randint(2, 10) * 10_000
    result = create_entry(world.si, "preventive_action", values)
    world.counts["preventive_action"] += 1
    for item in _action_follow_ups(world, plan):
        add_follow_up(
            world.si,
            "preventive_action",
            result.entity_id,
            {"kind": item.kind, "done_on": item.day, "note": item.note},
        )
        world.counts["follow_up"] += 1


def _action_follow_ups(world: World, plan: ActionPlan) -> list[FollowUp]:
    """Monthly verification of people bound over, and the visit to an accused out of jail."""
    if plan.status != "active" and plan.code != "release_verify":
        return []
    text = names.pick(names.PREVENTIVE_FOLLOW_UPS, 1 if plan.code == "release_verify" else 0)
    days = [plan.action_on + timedelta(days=30 * i) for i in (1, 2)]
    return [FollowUp("follow_up", day, text) for day in days if world.happened(day)]


# ---- women staff deployments ------------------------------------------------------------


@dataclass
class DeploymentPlan:
    day: date
    purpose: str
    place: str
    starts: time
    fir: FirRecord | None = None


def seed_deployments(world: World) -> None:
    plans = _deployment_candidates(world)
    plans = world.rng.sample(plans, min(world.scaled(30), len(plans)))
    plans.sort(key=lambda p: (p.day, p.starts))
    world.progress(f"Women staff deployments: {len(plans)}")
    for plan in plans:
        _enter_deployment(world, plan)


def _deployment_candidates(world: World) -> list[DeploymentPlan]:
    plans = []
    for fir in world.firs:
        if fir.medical_exam_at is not None:
            exam = fir.medical_exam_at.astimezone(IST)
            plans.append(
                DeploymentPlan(
                    exam.date(), "medical_exam", names.HOSPITAL, time(max(0, exam.hour - 1)), fir
                )
            )
        if fir.kind in ("rape_adult", "rape_minor", "elopement_minor", "abduction"):
            raid = fir.registered_on + timedelta(days=world.rng.randint(1, 10))
            plans.append(
                DeploymentPlan(
                    raid,
                    "raid",
                    names.village(world.rng.randint(1, 24)),
                    time(world.rng.choice((5, 6, 22))),
                    fir,
                )
            )
            statement = fir.registered_on + timedelta(days=world.rng.randint(2, 12))
            plans.append(DeploymentPlan(statement, "statement", names.COURT, time(10), fir))
        if fir.status == "chargesheeted" and fir.done_on is not None and world.chance(0.3):
            hearing = fir.done_on + timedelta(days=world.rng.randint(60, 200))
            plans.append(DeploymentPlan(hearing, "court", names.COURT, time(10, 30), fir))
        if fir.kind == "rape_adult" and world.chance(0.5):
            plans.append(
                DeploymentPlan(fir.registered_on, "escort", names.ONE_STOP_CENTRE, time(18), fir)
            )
    return [p for p in plans if world.happened(p.day)]


def _enter_deployment(world: World, plan: DeploymentPlan) -> None:
    women = _deployable_women(world, plan.day)
    team = world.rng.sample(women, min(len(women), world.rng.randint(1, 2)))
    ends = time((plan.starts.hour + world.rng.randint(2, 5)) % 24, plan.starts.minute)
    values: dict[str, Any] = {
        "deployed_on": plan.day,
        "starts_at": plan.starts,
        "ends_at": ends,
        "purpose": plan.purpose,
        "place": plan.place,
        "fir_id": plan.fir.id if plan.fir else None,
        "remarks": names.bilingual(*names.DEPLOYMENT_REMARKS[plan.purpose]),
    }
    record_deployment(world.si, values, [s.id for s in team])
    world.counts["staff_deployment"] += 1


def _deployable_women(world: World, day: date) -> list[StaffRecord]:
    ranks = ("head_constable", "constable", "home_guard", "sub_inspector")
    return world.staff_on(day, ranks=ranks, gender="female") or world.staff_on(day)


# ---- awareness programmes -----------------------------------------------------------------


def seed_awareness(world: World) -> None:
    count = world.scaled(24)
    world.progress(f"Awareness programmes: {count}")
    kinds = [c.code for c in AWARENESS_KIND]
    audiences = [c.code for c in AWARENESS_AUDIENCE]
    spacing = (world.last_day - world.first_day).days / count
    for i in range(count):
        # About one a month, spread over the two years.
        day = world.first_day + timedelta(days=int((i + 0.5) * spacing) + world.rng.randint(-5, 5))
        day = min(max(day, world.first_day), world.last_day)
        present = world.staff_on(day, gender="female")
        team = world.rng.sample(present, min(len(present), 3))
        create_entry(
            world.si,
            "awareness_programme",
            {
                "held_on": day,
                "place": names.pick(names.AWARENESS_PLACES, world.rng.randrange(6)),
                "kind": kinds[i % len(kinds)],
                "audience": world.choice(audiences),
                "people_reached": world.rng.randint(35, 450),
                "staff_names": ", ".join(s.name for s in team) or None,
                "remarks": names.pick(names.AWARENESS_REMARKS, i),
            },
        )
        world.counts["awareness_programme"] += 1
