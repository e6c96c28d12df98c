"""The victim-facing registers: help desk applications, counselling, PPK referrals and support
service referrals, linked to the FIRs and to each other as a help desk would link them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from msk_desktop.demo import names
from msk_desktop.demo.world import FirRecord, World
from msk_desktop.domain.dates import IST
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.follow_ups import add_counselling_session, add_follow_up

FOLLOW_UP_DAYS = 7  # the help desk's interval (domain.followups)
REFERRAL_FOLLOW_UP_DAYS = 15

# How an FIR of each kind was first brought to the help desk.
FIR_CATEGORY = {
    "rape_adult": "other",
    "rape_minor": "other",
    "pocso_child": "other",
    "pocso_assault": "other",
    "molestation": "harassment",
    "harassment": "harassment",
    "stalking": "harassment",
    "cruelty": "dowry",
    "dowry_death": "dowry",
    "elopement_minor": "missing",
    "abduction": "missing",
}
CATEGORY_WEIGHTS = {
    "domestic_violence": 25,
    "dowry": 12,
    "harassment": 20,
    "cyber": 12,
    "matrimonial": 15,
    "missing": 5,
    "property": 5,
    "other": 6,
}
FAMILY_CATEGORIES = ("domestic_violence", "dowry", "matrimonial")
# Designed pending applications (days since received, category) followed up twice in their first
# fortnight and then forgotten: each is past its next follow-up date today.
BEHIND_APPLICATIONS = ((40, "domestic_violence"), (30, "cyber"), (22, "harassment"))


@dataclass
class FollowUp:
    kind: str
    day: date
    note: str


@dataclass
class Application:
    received_at: datetime
    category: str
    status: str
    summary: str
    disposed_on: date | None = None
    fir: FirRecord | None = None
    action: str | None = None
    follow_ups: list[FollowUp] = field(default_factory=list)
    id: str = ""

    @property
    def received_on(self) -> date:
        return self.received_at.astimezone(IST).date()


@dataclass(frozen=True)
class CounsellingRecord:
    id: str
    kind: str
    outcome: str | None
    closed_on: date | None


def seed_desk(world: World) -> None:
    applications = seed_helpdesk(world)
    cases = seed_counselling(world, applications)
    seed_ppk(world, cases)
    seed_support(world, applications)


# ---- shared -------------------------------------------------------------------------------


def _follow_ups(
    world: World, ctx: OpContext, register: str, entry_id: str, follow_ups: list[FollowUp]
) -> None:
    # In date order: the last one decides when the entry is next due.
    for item in sorted(follow_ups, key=lambda f: f.day):
        add_follow_up(
            ctx, register, entry_id, {"kind": item.kind, "done_on": item.day, "note": item.note}
        )
    world.counts["follow_up"] += len(follow_ups)


def _open_follow_ups(
    world: World, start: date, every: int, overdue: bool, texts: tuple[tuple[str, str], ...]
) -> list[FollowUp]:
    """Follow-ups of an open entry: kept up to date until yesterday, or (``overdue``) stopped
    after the first two, so that the next one is past due today."""
    days: list[date] = []
    day = start + timedelta(days=world.rng.randint(2, every - 2))
    while world.happened(day) and not (overdue and len(days) == 2):
        days.append(day)
        day += timedelta(days=world.rng.randint(every - 2, every))
    return [FollowUp("follow_up", d, names.pick(texts, i)) for i, d in enumerate(days)]


def _desk_officer(world: World, day: date) -> str:
    people = world.staff_on(
        day, ranks=("head_constable", "constable", "sub_inspector"), gender="female"
    )
    return world.choice(people).name if people else names.HELP_DESK


# ---- help desk applications ---------------------------------------------------------------


def seed_helpdesk(world: World) -> list[Application]:
    target = world.scaled(150)
    linked = [f for f in world.firs if f.status not in ("transferred", "expunged")]
    linked = [f for f in linked if world.chance(0.4)][: target // 4]
    applications = [_fir_application(world, fir) for fir in linked]
    applications += [_behind_application(world, age, c) for age, c in BEHIND_APPLICATIONS]
    applications += [_random_application(world) for _ in range(target - len(applications))]
    applications.sort(key=lambda a: a.received_at)
    world.progress(f"Help desk applications: {len(applications)}")
    for application in applications:
        _enter_application(world, application)
    return applications


def _fir_application(world: World, fir: FirRecord) -> Application:
    received = fir.registered_at - timedelta(hours=world.rng.randint(1, 5))
    application = Application(
        received,
        FIR_CATEGORY[fir.kind],
        "fir_registered",
        names.bilingual(*names.FIR_SUMMARY),
        fir=fir,
        action=names.bilingual(*names.FIR_ACTION),
    )
    # The help desk is the victim's single point of contact: it logs each update it gives her.
    for i, after in enumerate((10, 45, 100)):
        day = fir.registered_on + timedelta(days=after + world.rng.randint(0, 5))
        if world.happened(day):
            note = names.pick(names.VICTIM_UPDATE_NOTES, i)
            application.follow_ups.append(FollowUp("victim_update", day, note))
    return application


def _behind_application(world: World, age: int, category: str) -> Application:
    """A designed pending application whose weekly follow-up stopped after two."""
    day = world.days_ago(age)
    summary = names.pick(names.HELPDESK_SUMMARIES[category], 0)
    application = Application(world.random_time(day, 9, 19), category, "pending", summary)
    application.follow_ups = _open_follow_ups(
        world, day, FOLLOW_UP_DAYS, True, names.FOLLOW_UP_NOTES
    )
    return application


def _random_application(world: World) -> Application:
    day = world.random_day(world.first_day, world.last_day)
    categories = list(CATEGORY_WEIGHTS)
    category = world.rng.choices(categories, weights=list(CATEGORY_WEIGHTS.values()))[0]
    summary = names.pick(names.HELPDESK_SUMMARIES[category], world.rng.randrange(4))
    application = Application(world.random_time(day, 9, 19), category, "pending", summary)
    _decide_application(world, application, (world.today - day).days)
    return application


def _decide_application(world: World, application: Application, age: int) -> None:
    """Old applications are mostly disposed of; recent ones are often still pending, and some
    pending ones have missed their weekly follow-up."""
    roll = world.rng.random()
    disposed_share, referred_share = (0.82, 0.1) if age > 45 else (0.5, 0.1)
    start = application.received_on
    if age <= 8:
        application.follow_ups = _open_follow_ups(
            world, start, FOLLOW_UP_DAYS, False, names.FOLLOW_UP_NOTES
        )
    elif roll < disposed_share:
        application.status = "disposed"
        application.disposed_on = start + timedelta(days=world.rng.randint(1, min(30, age - 1)))
        application.action = names.pick(names.ACTIONS_TAKEN, world.rng.randrange(5))
        if application.disposed_on - start > timedelta(days=3):
            note = names.pick(names.FOLLOW_UP_NOTES, world.rng.randrange(4))
            application.follow_ups.append(FollowUp("follow_up", start + timedelta(days=2), note))
    elif roll < disposed_share + referred_share:
        application.status = "referred"
        application.action = names.pick(names.REFERRAL_ACTIONS, world.rng.randrange(3))
    else:
        overdue = age > 45 or (age > 20 and world.chance(0.5))
        application.follow_ups = _open_follow_ups(
            world, start, FOLLOW_UP_DAYS, overdue, names.FOLLOW_UP_NOTES
        )


def _enter_application(world: World, application: Application) -> None:
    values: dict[str, Any] = {
        "received_at": application.received_at,
        "category": application.category,
        "summary": application.summary,
        "assigned_to": _desk_officer(world, application.received_on),
        "action_taken": application.action,
        "status": application.status,
        "disposed_on": application.disposed_on,
        "fir_id": application.fir.id if application.fir else None,
    }
    result = create_entry(world.helpdesk, "helpdesk_application", values)
    application.id = result.entity_id
    world.counts["helpdesk_application"] += 1
    _follow_ups(
        world, world.helpdesk, "helpdesk_application", result.entity_id, application.follow_ups
    )


# ---- counselling ----------------------------------------------------------------------------


@dataclass
class CounsellingPlan:
    opened_on: date
    kind: str
    fir: FirRecord | None = None
    application: Application | None = None


def seed_counselling(world: World, applications: list[Application]) -> list[CounsellingRecord]:
    plans = _counselling_plans(world, applications)
    world.progress(f"Counselling register: {len(plans)} cases")
    return [_enter_counselling(world, plan) for plan in plans]


def _counselling_plans(world: World, applications: list[Application]) -> list[CounsellingPlan]:
    target = world.scaled(40)
    plans = []
    # Counselling is mandatory in elopement cases: every one that came back gets a case.
    for fir in world.firs_of("elopement_minor", "abduction"):
        opened = fir.registered_on + timedelta(days=world.rng.randint(3, 20))
        if fir.status not in ("transferred", "expunged") and world.happened(opened):
            plans.append(CounsellingPlan(opened, "elopement", fir=fir))
    for application in applications:
        if application.status == "referred" and application.category in FAMILY_CATEGORIES:
            opened = application.received_on + timedelta(days=world.rng.randint(1, 3))
            if world.happened(opened):
                plans.append(CounsellingPlan(opened, "matrimonial", application=application))
    for kind in ("false_accusation_front", "other"):
        for _ in range(max(1, round(target * 0.1))):
            plans.append(CounsellingPlan(world.random_day(world.first_day, world.last_day), kind))
    while len(plans) < target:
        plans.append(
            CounsellingPlan(world.random_day(world.first_day, world.last_day), "matrimonial")
        )
    # Too many at a small scale: keep every mandatory (elopement) case, drop some others.
    mandatory = [p for p in plans if p.kind == "elopement"]
    if not mandatory:  # a tiny demo whose elopement FIRs went elsewhere still shows one
        mandatory = [CounsellingPlan(world.days_ago(20), "elopement")]
    others = [p for p in plans if p.kind != "elopement"]
    if len(plans) > target:
        others = world.rng.sample(others, max(0, target - len(mandatory)))
    plans = mandatory + others
    return sorted(plans, key=lambda p: p.opened_on)


COUNSELLING_OUTCOMES: dict[str, tuple[tuple[str, float], ...]] = {
    "elopement": (("reconciled", 0.6), ("referred_legal", 0.25), ("other", 0.15)),
    "matrimonial": (
        ("reconciled", 0.35),
        ("referred_ppk", 0.4),
        ("not_appeared", 0.1),
        ("referred_legal", 0.15),
    ),
    "false_accusation_front": (("referred_legal", 0.5), ("other", 0.5)),
    "other": (("reconciled", 0.5), ("other", 0.5)),
}


def _enter_counselling(world: World, plan: CounsellingPlan) -> CounsellingRecord:
    sessions = _session_days(world, plan.opened_on)
    closed_on = sessions[-1] if sessions[-1] <= world.days_ago(10) and len(sessions) > 1 else None
    outcome = _weighted(world, COUNSELLING_OUTCOMES[plan.kind]) if closed_on else None
    counsellor = _counsellor(world, plan.opened_on)
    values: dict[str, Any] = {
        "opened_on": plan.opened_on,
        "case_kind": plan.kind,
        "fir_id": plan.fir.id if plan.fir else None,
        "helpdesk_application_id": plan.application.id if plan.application else None,
        "counsellor": counsellor,
        "status": "closed" if closed_on else "open",
        "outcome": outcome,
        "closed_on": closed_on,
    }
    result = create_entry(world.helpdesk, "counselling_case", values)
    world.counts["counselling_case"] += 1
    for i, day in enumerate(sessions):
        last_open = closed_on is None and i == len(sessions) - 1
        add_counselling_session(
            world.helpdesk,
            result.entity_id,
            {
                "held_on": day,
                "counsellor": counsellor,
                "attended": names.pick(names.ATTENDED, i),
                "note": names.pick(names.SESSION_NOTES, i),
                "next_on": day + timedelta(days=7) if last_open else None,
            },
        )
    world.counts["counselling_session"] += len(sessions)
    return CounsellingRecord(result.entity_id, plan.kind, outcome, closed_on)


def _session_days(world: World, opened_on: date) -> list[date]:
    days = [opened_on]
    for _ in range(world.rng.randint(0, 3)):
        day = days[-1] + timedelta(days=world.rng.randint(5, 12))
        if not world.happened(day):
            break
        days.append(day)
    return days


def _counsellor(world: World, day: date) -> str:
    counsellors = world.staff_on(day, ranks=("counsellor",)) or world.staff_on(
        day, ranks=("sub_inspector", "inspector"), gender="female"
    )
    return counsellors[0].name if counsellors else names.HELP_DESK


def _weighted(world: World, options: tuple[tuple[str, float], ...]) -> str:
    return world.rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


# ---- PPK referrals --------------------------------------------------------------------------


@dataclass
class PpkPlan:
    referred_on: date
    reason: str
    fir: FirRecord | None = None
    case_id: str | None = None


PPK_OUTCOMES = (
    ("reconciled", 0.35),
    ("settled", 0.2),
    ("referred_back_legal", 0.3),
    ("not_appeared", 0.15),
)


def seed_ppk(world: World, cases: list[CounsellingRecord]) -> None:
    plans = []
    # Cruelty cases go to the family welfare committee for the two-month cooling-off first.
    for fir in world.firs_of("cruelty"):
        referred = fir.registered_on + timedelta(days=world.rng.randint(1, 7))
        if fir.status not in ("transferred", "expunged") and world.happened(referred):
            plans.append(PpkPlan(referred, names.pick(names.PPK_REASONS, 1), fir=fir))
    for case in cases:
        if case.outcome == "referred_ppk" and case.closed_on is not None:
            plans.append(PpkPlan(case.closed_on, names.pick(names.PPK_REASONS, 0), case_id=case.id))
    plans = world.rng.sample(plans, min(world.scaled(20), len(plans)))
    plans.sort(key=lambda p: p.referred_on)
    world.progress(f"PPK referrals: {len(plans)}")
    for plan in plans:
        _enter_ppk(world, plan)


def _enter_ppk(world: World, plan: PpkPlan) -> None:
    wait = world.rng.randint(61, 80) if plan.fir else world.rng.randint(20, 60)
    outcome_on = plan.referred_on + timedelta(days=wait)
    closed = world.happened(outcome_on) and world.chance(0.9)
    values: dict[str, Any] = {
        "referred_on": plan.referred_on,
        "ppk_centre": names.PPK_CENTRE,
        "reason": plan.reason,
        "counselling_case_id": plan.case_id,
        "fir_id": plan.fir.id if plan.fir else None,
        "status": _referral_status(world, plan.referred_on, closed),
        "outcome": _weighted(world, PPK_OUTCOMES) if closed else None,
        "outcome_on": outcome_on if closed else None,
    }
    result = create_entry(world.si, "ppk_referral", values)
    world.counts["ppk_referral"] += 1
    _follow_ups(
        world,
        world.si,
        "ppk_referral",
        result.entity_id,
        _referral_follow_ups(world, plan.referred_on, outcome_on if closed else None),
    )


def _referral_status(world: World, referred_on: date, closed: bool) -> str:
    if closed:
        return "closed"
    return "in_progress" if referred_on <= world.days_ago(10) else "referred"


def _referral_follow_ups(world: World, referred_on: date, closed_on: date | None) -> list[FollowUp]:
    if closed_on is None:
        return _open_follow_ups(
            world,
            referred_on,
            REFERRAL_FOLLOW_UP_DAYS,
            world.chance(0.3),
            names.REFERRAL_FOLLOW_UPS,
        )
    middle = referred_on + (closed_on - referred_on) // 2
    return [FollowUp("follow_up", middle, names.pick(names.REFERRAL_FOLLOW_UPS, 0))]


# ---- support service referrals ------------------------------------------------------------


@dataclass
class SupportPlan:
    referred_on: date
    service: str
    fir: FirRecord | None = None


def seed_support(world: World, applications: list[Application]) -> None:
    plans = _support_candidates(world, applications)
    plans = world.rng.sample(plans, min(world.scaled(25), len(plans)))
    plans.sort(key=lambda p: p.referred_on)
    world.progress(f"Support service referrals: {len(plans)}")
    for plan in plans:
        _enter_support(world, plan)


def _support_candidates(world: World, applications: list[Application]) -> list[SupportPlan]:
    plans = []
    for fir in world.firs_of("rape_adult", "rape_minor", "pocso_child", "pocso_assault"):
        day = fir.registered_on
        plans.append(SupportPlan(day, "cwc" if fir.minor_victim else "osc", fir))
        if fir.status == "chargesheeted" and fir.done_on is not None:
            later = fir.done_on + timedelta(days=world.rng.randint(5, 20))
            if world.happened(later):
                plans.append(SupportPlan(later, "dlsa_compensation", fir))
    family = ("family_court", "dlsa_legal_aid", "ngo", "dpo")
    for application in applications:
        if application.category in FAMILY_CATEGORIES and application.status == "disposed":
            assert application.disposed_on is not None
            if world.chance(0.25):
                plans.append(SupportPlan(application.disposed_on, world.choice(family)))
    return plans


SUPPORT_RESULTS = (("provided", 0.8), ("declined", 0.1), ("not_eligible", 0.1))


def _enter_support(world: World, plan: SupportPlan) -> None:
    result_on = plan.referred_on + timedelta(days=world.rng.randint(1, 45))
    closed = world.happened(result_on) and world.chance(0.85)
    outcome = _weighted(world, SUPPORT_RESULTS) if closed else None
    values: dict[str, Any] = {
        "referred_on": plan.referred_on,
        "service": plan.service,
        "service_asked": names.bilingual(*names.SUPPORT_ASKED[plan.service]),
        "fir_id": plan.fir.id if plan.fir else None,
        "status": _referral_status(world, plan.referred_on, closed),
        "result": outcome,
        "result_note": names.bilingual("परिणाम प्राप्त (डेमो)", "Result received (demo)")
        if closed
        else None,
        "result_on": result_on if closed else None,
    }
    result = create_entry(world.si, "support_referral", values)
    world.counts["support_referral"] += 1
    _follow_ups(
        world,
        world.si,
        "support_referral",
        result.entity_id,
        _referral_follow_ups(world, plan.referred_on, result_on if closed else None),
    )
