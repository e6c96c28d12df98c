"""The parallel FIR register of the demo: a mix of crime heads over two years, plus a fixed set
of designed cases that put every state of the 60-day investigation rule on screen.

Random cases are kept out of the designed states on purpose: a random case under the 60-day rule
is either finished in time or still well within its limit, so the overdue, due-soon and
finished-late lists show exactly the designed cases, whatever the seed or the scale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from msk_desktop.demo import names
from msk_desktop.demo.world import FirRecord, World
from msk_desktop.domain.dates import IST
from msk_desktop.domain.law import BNS_COMMENCEMENT
from msk_desktop.ops.fir import add_milestone, register_fir

INVESTIGATION_DAYS = 60
# A random 60-day case open on a day later than this would already show as due soon.
QUIET_AGE = INVESTIGATION_DAYS - 7 - 1
CRIMES_PER_DAY = 0.8  # all crimes of the station, not only those against women


@dataclass(frozen=True)
class CaseKind:
    bns: tuple[str, ...]
    ipc: tuple[str, ...]  # the same offence under the IPC, for offences before 1 Jul 2024
    ages: tuple[int, int]  # of the victim
    done_days: tuple[int, int]  # usual days to a chargesheet or final report
    final_report_share: float
    complainant: str  # relation of the complainant to the victim
    accused: str  # pattern of accused people, see _accused_people
    sixty_day: bool = False  # BNSS 193(2) / CrPC 173(1A)
    medical: bool = False  # rape or penetrative POCSO: medical examination within 24 hours
    pocso: bool = False
    kidnapping: bool = False


def _sexual(
    bns: tuple[str, ...],
    ipc: tuple[str, ...],
    ages: tuple[int, int],
    final_report_share: float,
    *,
    medical: bool,
    pocso: bool,
) -> CaseKind:
    """An offence under the 60-day rule: finished within 20 to 58 days when all goes well."""
    complainant = "parent" if ages[0] < 18 else "self"
    return CaseKind(
        bns,
        ipc,
        ages,
        (20, 58),
        final_report_share,
        complainant,
        "one_man",
        sixty_day=True,
        medical=medical,
        pocso=pocso,
    )


KINDS: dict[str, CaseKind] = {
    "rape_adult": _sexual(("BNS 64",), ("IPC 376",), (18, 34), 0.15, medical=True, pocso=False),
    "rape_minor": _sexual(
        ("BNS 65(1)", "POCSO 4"),
        ("IPC 376(3)", "POCSO 4"),
        (12, 15),
        0.05,
        medical=True,
        pocso=True,
    ),
    "pocso_child": _sexual(
        ("BNS 65(2)", "POCSO 6"), ("IPC 376AB", "POCSO 6"), (6, 11), 0.0, medical=True, pocso=True
    ),
    "pocso_assault": _sexual(
        ("POCSO 8", "BNS 74"), ("POCSO 8", "IPC 354"), (8, 17), 0.1, medical=False, pocso=True
    ),
    "molestation": CaseKind(
        ("BNS 74",), ("IPC 354",), (18, 40), (20, 90), 0.2, "self", "one_or_unknown"
    ),
    "harassment": CaseKind(
        ("BNS 75",), ("IPC 354A",), (18, 35), (20, 90), 0.25, "self", "one_or_unknown"
    ),
    "stalking": CaseKind(
        ("BNS 78", "BNS 79"),
        ("IPC 354D", "IPC 509"),
        (16, 28),
        (20, 90),
        0.2,
        "self",
        "one_or_unknown",
    ),
    "cruelty": CaseKind(
        ("BNS 85", "DPA 4"), ("IPC 498A", "DPA 4"), (20, 38), (70, 160), 0.3, "self", "in_laws"
    ),
    "dowry_death": CaseKind(
        ("BNS 80", "BNS 85", "DPA 4"),
        ("IPC 304B", "IPC 498A", "DPA 4"),
        (19, 28),
        (40, 90),
        0.0,
        "parent",
        "in_laws",
    ),
    "elopement_minor": CaseKind(
        ("BNS 137(2)", "BNS 87"),
        ("IPC 363", "IPC 366"),
        (15, 17),
        (25, 90),
        0.2,
        "parent",
        "young_man",
        kidnapping=True,
    ),
    "abduction": CaseKind(
        ("BNS 87",), ("IPC 366",), (18, 24), (25, 90), 0.3, "parent", "young_man", kidnapping=True
    ),
}


# Random cases per kind at scale 1.0 (65, plus the 15 designed ones: 80 FIRs).
BULK: dict[str, int] = {
    "rape_adult": 7,
    "rape_minor": 3,
    "pocso_child": 1,
    "pocso_assault": 6,
    "molestation": 9,
    "harassment": 5,
    "stalking": 6,
    "cruelty": 13,
    "dowry_death": 3,
    "elopement_minor": 8,
    "abduction": 4,
}


@dataclass(frozen=True)
class DesignedCase:
    purpose: str  # overdue, due_soon, late, on_time, delayed_report
    kind: str
    age: int  # days from registration to today
    done_day: int | None  # day after registration the investigation finished
    final_report: bool = False
    offence_before_bns: bool = False


# Under the 60-day rule, days are counted from the registration date:
#   overdue by age - 60; due in 60 - age days; finished late by done_day - 60.
DESIGNED_CASES = (
    DesignedCase("overdue", "rape_adult", 70, None),  # overdue by 10 days
    DesignedCase("overdue", "rape_minor", 84, None),  # 24
    DesignedCase("overdue", "pocso_assault", 97, None),  # 37
    DesignedCase("overdue", "rape_adult", 120, None),  # 60
    DesignedCase("due_soon", "pocso_assault", 53, None),  # due in 7 days
    DesignedCase("due_soon", "rape_adult", 56, None),  # 4
    DesignedCase("due_soon", "rape_minor", 59, None),  # 1
    DesignedCase("late", "rape_adult", 160, 65),  # chargesheet 5 days late
    DesignedCase("late", "pocso_assault", 230, 72),  # 12
    DesignedCase("late", "rape_minor", 310, 80),  # 20
    DesignedCase("on_time", "rape_adult", 140, 41),  # 19 days before the limit
    DesignedCase("on_time", "pocso_assault", 260, 60),  # on the last day
    DesignedCase("on_time", "rape_adult", 400, 58, final_report=True),  # 2 days before
    # Offences before 1 Jul 2024 reported later: IPC sections, BNSS procedure.
    DesignedCase("delayed_report", "rape_adult", 240, 50, offence_before_bns=True),
    DesignedCase("delayed_report", "cruelty", 330, 100, offence_before_bns=True),
)
LATE_OFFENCE_DAY = date(2024, 6, 20)


@dataclass
class Plan:
    """One FIR before it is entered."""

    kind: str
    registered_at: datetime
    offence_date: date
    done_day: int | None
    final_report: bool = False
    status: str = "under_investigation"
    remarks: str | None = None
    crime_no: int = 0
    absconding: bool = False

    @property
    def registered_on(self) -> date:
        return self.registered_at.astimezone(IST).date()

    @property
    def done_on(self) -> date | None:
        if self.done_day is None:
            return None
        return self.registered_on + timedelta(days=self.done_day)

    @property
    def case(self) -> CaseKind:
        return KINDS[self.kind]


def seed_firs(world: World) -> None:
    plans = _designed_plans(world) + _bulk_plans(world)
    plans.sort(key=lambda p: p.registered_at)
    _number_crimes(world, plans)
    world.progress(f"Parallel FIR register: {len(plans)} cases")
    for plan in plans:
        _enter_fir(world, plan)


# ---- planning ----------------------------------------------------------------------------


def _designed_plans(world: World) -> list[Plan]:
    plans = []
    for case in DESIGNED_CASES:
        registered = world.random_time(world.days_ago(case.age), 9, 19)
        offence = registered.date() - timedelta(days=world.rng.randint(0, 2))
        if case.offence_before_bns:
            offence = min(LATE_OFFENCE_DAY, registered.date() - timedelta(days=30))
        plan = Plan(
            case.kind,
            registered,
            offence,
            case.done_day,
            case.final_report,
            remarks=names.bilingual(*names.CASE_REMARKS[case.purpose]),
            absconding=case.purpose == "overdue",
        )
        plans.append(_with_status(plan))
    return plans


def _bulk_plans(world: World) -> list[Plan]:
    plans = []
    for kind, count in BULK.items():
        for _ in range(world.scaled(count)):
            plans.append(_bulk_plan(world, kind))
    return plans


def _bulk_plan(world: World, kind: str) -> Plan:
    case = KINDS[kind]
    age = world.rng.randint(1, 729)
    registered = world.random_time(world.days_ago(age))
    offence = registered.date() - timedelta(days=_reporting_delay(world, kind))
    if not case.sixty_day and world.chance(0.04):
        # Sent to the station where it belongs, or struck off: no investigation here.
        status = "transferred" if world.chance(0.7) else "expunged"
        return Plan(kind, registered, offence, None, status=status)
    done_day = _bulk_done_day(world, case, age)
    return _with_status(
        Plan(kind, registered, offence, done_day, world.chance(case.final_report_share))
    )


def _reporting_delay(world: World, kind: str) -> int:
    if kind == "dowry_death":
        return world.rng.randint(0, 1)
    roll = world.rng.random()
    if roll < 0.7:
        return world.rng.randint(0, 2)
    if roll < 0.95:
        return world.rng.randint(3, 20)
    return world.rng.randint(21, 90)


def _bulk_done_day(world: World, case: CaseKind, age: int) -> int | None:
    """When a random case's investigation finished (None: still open today)."""
    if case.sixty_day:
        if age > QUIET_AGE:  # must be finished, and in time
            return world.rng.randint(12, min(INVESTIGATION_DAYS - 2, age - 1))
        if age > 10 and world.chance(0.5):
            return world.rng.randint(10, age - 1)
        return None
    day = world.rng.randint(*case.done_days)
    return day if day < age else None


def _with_status(plan: Plan) -> Plan:
    if plan.done_day is not None:
        plan.status = "final_report" if plan.final_report else "chargesheeted"
    return plan


def _number_crimes(world: World, plans: list[Plan]) -> None:
    """Crime numbers run per year over all the station's crimes (a few hundred a year), so the
    women's cases get rising, gapped numbers that roughly match their dates."""
    last: dict[int, int] = {}
    for plan in plans:
        day = plan.registered_on
        expected = round(day.timetuple().tm_yday * CRIMES_PER_DAY) + world.rng.randint(0, 6)
        plan.crime_no = max(last.get(day.year, 0) + 1, expected)
        last[day.year] = plan.crime_no


# ---- entering ----------------------------------------------------------------------------


def _enter_fir(world: World, plan: Plan) -> None:
    sections = plan.case.ipc if plan.offence_date < BNS_COMMENCEMENT else plan.case.bns
    victims = _victims(world, plan)
    accused = _accused(world, plan)
    result = register_fir(
        world.si,
        _fir_values(world, plan),
        sections=list(sections),
        victims=victims,
        accused=accused,
        complainant=_complainant(world, plan),
    )
    world.counts["fir"] += 1
    world.counts["fir_victim"] += len(victims)
    world.counts["fir_accused"] += len(accused)
    arrested = sorted(a["arrested_on"] for a in accused if a.get("arrested_on"))
    milestones = _milestones(world, plan, arrested[0] if arrested else None)
    for milestone in milestones:
        add_milestone(world.si, result.entity_id, milestone)
    world.counts["fir_milestone"] += len(milestones)
    exam = next((m["happened_at"] for m in milestones if m["kind"] == "medical_exam"), None)
    world.firs.append(
        FirRecord(
            result.entity_id,
            plan.kind,
            plan.registered_at,
            plan.offence_date,
            f"{plan.crime_no}/{plan.registered_on.year}",
            plan.status,
            plan.done_on,
            any(v["age"] < 18 for v in victims),
            exam,
        )
    )


def _fir_values(world: World, plan: Plan) -> dict[str, Any]:
    io = _investigator(world, plan)
    values: dict[str, Any] = {
        "crime_no": plan.crime_no,
        "crime_year": plan.registered_on.year,
        "registered_at": plan.registered_at,
        "offence_date": plan.offence_date,
        "place": names.village(world.rng.randint(1, 24)),
        "complainant_relation": plan.case.complainant,
        "io_name": io[0],
        "io_rank": io[1],
        "status": plan.status,
        "on_itsso_portal": plan.case.sixty_day,
        "remarks": plan.remarks,
    }
    done = plan.done_on
    if done is not None and plan.status == "final_report":
        values |= {"final_report_no": f"FR {_paper_no(world, done)}", "final_report_on": done}
    elif done is not None:
        values |= {"chargesheet_no": f"CS {_paper_no(world, done)}", "chargesheet_on": done}
        values |= _court(world, plan, done)
        if plan.case.sixty_day and world.chance(0.5):
            values["compensation_note"] = names.bilingual(*names.COMPENSATION)
    return values


def _paper_no(world: World, day: date) -> str:
    return f"{world.next_number(f'paper-{day.year}') * 3 + world.rng.randint(0, 2)}/{day.year}"


def _investigator(world: World, plan: Plan) -> tuple[str, str]:
    """Sexual offences go to a woman officer; other cases to any sub-inspector."""
    day = plan.registered_on
    officers = world.staff_on(day, ranks=("sub_inspector",))
    if plan.case.sixty_day:
        officers = world.staff_on(day, ranks=("sub_inspector", "inspector"), gender="female")
    officers = officers or world.staff_on(day, ranks=("sub_inspector", "inspector"))
    if not officers:
        return names.bilingual("थाने के उपनिरीक्षक", "Station sub-inspector"), "sub_inspector"
    officer = world.choice(officers)
    return officer.name, officer.rank


def _court(world: World, plan: Plan, chargesheet_on: date) -> dict[str, Any]:
    if chargesheet_on > world.days_ago(30):
        return {}
    court = "Spl. POCSO" if plan.case.pocso else "ST"
    values: dict[str, Any] = {
        "court_case_no": f"{court} {world.next_number('court') + 40}/{chargesheet_on.year}"
    }
    if chargesheet_on <= world.days_ago(300) and world.chance(0.35):
        outcome = "convicted" if world.chance(0.65) else "acquitted"
        if plan.kind in ("molestation", "harassment", "cruelty") and world.chance(0.3):
            outcome = "compounded"
        values["court_outcome"] = outcome
        values["court_outcome_on"] = world.random_day(
            chargesheet_on + timedelta(days=200), world.last_day
        )
    return values


def _victims(world: World, plan: Plan) -> list[dict[str, Any]]:
    low, high = plan.case.ages
    count = 2 if plan.kind in ("molestation", "harassment") and world.chance(0.1) else 1
    victims = []
    for _ in range(count):
        n = world.next_number("victim")
        age = world.rng.randint(low, high)
        identity = {
            "name": names.victim_name(n),
            "parentage": names.victim_parentage(n),
            "address": names.address(world.rng.randint(1, 24)),
        }
        if age < 18:
            identity["school"] = names.school(world.rng.randint(1, 12))
        victims.append({"age": age, "gender": "female", "identity": identity})
    return victims


def _complainant(world: World, plan: Plan) -> dict[str, Any] | None:
    if plan.case.complainant == "self":
        return None
    return {
        "name": names.complainant_name(world.next_number("complainant")),
        "address": names.address(world.rng.randint(1, 24)),
    }


# ---- accused -----------------------------------------------------------------------------


def _accused(world: World, plan: Plan) -> list[dict[str, Any]]:
    return [_accused_state(world, plan, person) for person in _accused_people(world, plan)]


def _accused_people(world: World, plan: Plan) -> list[dict[str, Any]]:
    pattern = plan.case.accused
    if pattern == "in_laws":
        people = [_named(world, "male", 24, 40)]  # the husband
        for gender, low, high, share in (
            ("female", 45, 65, 0.7),
            ("male", 50, 68, 0.4),
            ("female", 20, 35, 0.25),
        ):
            if world.chance(share):
                people.append(_named(world, gender, low, high))
        return people
    if pattern == "young_man":
        return [_named(world, "male", 18, 25)]
    if pattern == "one_or_unknown" and world.chance(0.25):
        return [{"named": False, "gender": "male"}]
    people = [_named(world, "male", 19, 45)]
    if pattern == "one_or_unknown" and world.chance(0.15):
        people.append(_named(world, "male", 18, 30))
    return people


def _named(world: World, gender: str, low: int, high: int) -> dict[str, Any]:
    return {
        "named": True,
        "name": names.accused_name(world.next_number("accused")),
        "gender": gender,
        "age": world.rng.randint(low, high),
    }


def _accused_state(world: World, plan: Plan, person: dict[str, Any]) -> dict[str, Any]:
    if not person["named"]:
        return person | {"status": "at_large"}
    if plan.absconding:  # why the designed overdue cases are stuck
        return person | {"status": "absconding"}
    if plan.kind == "cruelty":
        return person | _cruelty_accused_state(world, plan)
    arrest_share = 0.85 if plan.case.sixty_day or plan.kind == "dowry_death" else 0.55
    if plan.status == "final_report" or not world.chance(arrest_share):
        return person | {"status": "absconding" if world.chance(0.3) else "at_large"}
    arrested = plan.registered_on + timedelta(days=world.rng.randint(0, 12))
    if not world.happened(arrested):
        return person | {"status": "at_large"}
    bail = arrested + timedelta(days=world.rng.randint(25, 150))
    if world.happened(bail) and world.chance(0.6):
        return person | {"status": "on_bail", "arrested_on": arrested, "bail_on": bail}
    return person | {"status": "arrested", "arrested_on": arrested}


def _cruelty_accused_state(world: World, plan: Plan) -> dict[str, Any]:
    """No arrests in the two-month cooling-off (Allahabad HC, 2022): bail or a notice later."""
    if plan.status != "chargesheeted" or not world.chance(0.6):
        return {"status": "at_large"}
    bail = plan.registered_on + timedelta(days=world.rng.randint(61, 120))
    if world.happened(bail):
        return {"status": "on_bail", "bail_on": bail}
    return {"status": "at_large"}


# ---- milestones --------------------------------------------------------------------------


def _milestones(world: World, plan: Plan, arrested_on: date | None) -> list[dict[str, Any]]:
    """The milestones that have happened by today, in order."""
    case, start = plan.case, plan.registered_at
    found: list[tuple[str, datetime]] = [
        ("victim_statement", start + timedelta(hours=world.rng.randint(2, 40)))
    ]
    if case.medical:
        exam = start + timedelta(hours=_within_24h_or_late(world, 0.15))
        report = exam + timedelta(
            days=world.rng.randint(8, 14) if world.chance(0.1) else world.rng.randint(1, 6)
        )
        found += [("medical_exam", exam), ("medical_report_forwarded", report)]
    if case.pocso:
        found.append(("cwc_report", start + timedelta(hours=_within_24h_or_late(world, 0.1))))
    if case.sixty_day or case.kidnapping:
        found.append(("magistrate_statement", start + timedelta(days=world.rng.randint(2, 12))))
    if case.kidnapping:
        found.append(("recovery", start + timedelta(days=world.rng.randint(1, 20), hours=3)))
    if arrested_on is not None:
        arrest = world.at(arrested_on, world.rng.randint(6, 22))
        found.append(("arrest", max(arrest, start + timedelta(hours=1))))
    found += _victim_updates(world, plan)
    found.sort(key=lambda item: item[1])
    return [
        {"kind": kind, "happened_at": moment}
        for kind, moment in found
        if world.moment_passed(moment) and moment.astimezone(IST).date() >= plan.offence_date
    ]


def _within_24h_or_late(world: World, late_share: float) -> int:
    return world.rng.randint(26, 60) if world.chance(late_share) else world.rng.randint(2, 20)


def _victim_updates(world: World, plan: Plan) -> list[tuple[str, datetime]]:
    """BNSS 193(3)(ii): the victim told of progress within 90 days; a few told late or not yet."""
    roll = world.rng.random()
    if roll < 0.05:
        return []
    first = world.rng.randint(95, 130) if roll < 0.13 else world.rng.randint(15, 80)
    updates = [("victim_update", plan.registered_at + timedelta(days=first))]
    if plan.done_on is not None:
        updates.append(("victim_update", world.at(plan.done_on, 16) + timedelta(days=2)))
    return updates
