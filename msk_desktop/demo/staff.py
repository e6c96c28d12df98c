"""The staff register of the demo Kendra, laid out to satisfy the circular except where a finding
is wanted: one constable posted recently without her iGOT certificate, and one sub-inspector moved
out before three years with the nodal officer's approval on record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from msk_desktop.demo import names
from msk_desktop.demo.world import StaffRecord, World
from msk_desktop.ops.entries import create_entry


@dataclass(frozen=True)
class Posting:
    first_name: tuple[str, str]
    rank: str
    gender: str
    posted_days_ago: int
    in_charge: bool = False
    removed_days_ago: int | None = None
    removal_kind: str | None = None
    approval_ref: str | None = None
    igot: bool = True


W, M = names.WOMEN_STAFF, names.MEN_STAFF

# Posted 0.1 to 2.8 years ago: nobody is past the 5-year limit and most were there for the
# whole two years of demo data. 14 serve today: 1 woman in-charge, 2 SIs, 8 head constables and
# constables (5 women), 2 women home guards and a counsellor.
POSTINGS = (
    Posting(W[0], "inspector", "female", 980, in_charge=True),
    Posting(W[1], "sub_inspector", "female", 900),
    Posting(M[0], "sub_inspector", "male", 700),
    Posting(
        M[1],
        "sub_inspector",
        "male",
        820,
        removed_days_ago=300,
        removal_kind="transfer",
        approval_ref="नोडल अधिकारी/डेमो/अनुमोदन/14",
    ),
    Posting(W[2], "head_constable", "female", 1000),
    Posting(W[3], "head_constable", "female", 640),
    Posting(M[2], "head_constable", "male", 860),
    Posting(W[4], "constable", "female", 760),
    Posting(W[5], "constable", "female", 500),
    # Posted 52 days ago, certificate still missing: overdue by about three weeks.
    Posting(W[6], "constable", "female", 52, igot=False),
    Posting(M[3], "constable", "male", 880),
    Posting(M[4], "constable", "male", 420),
    Posting(W[7], "home_guard", "female", 600),
    Posting(W[8], "home_guard", "female", 300),
    Posting(W[9], "counsellor", "female", 540),
)
RECENT_POSTING_DAYS = 52


def staff_name(posting: Posting) -> str:
    return names.staff_name(*posting.first_name)


def in_charge_posting() -> Posting:
    return next(p for p in POSTINGS if p.in_charge)


def user_postings() -> dict[str, Posting]:
    """Which staff member each demo account belongs to (besides the in-charge)."""
    return {
        "sub_inspector": next(p for p in POSTINGS if p.rank == "sub_inspector"),
        "helpdesk": next(p for p in POSTINGS if p.rank == "constable" and p.gender == "female"),
    }


def seed_staff(world: World) -> None:
    world.progress("Staff register")
    # Entered in posting order, so the register's serial numbers follow the dates.
    ordered = sorted(POSTINGS, key=lambda p: -p.posted_days_ago)
    for number, posting in enumerate(ordered, start=1):
        values = _staff_values(world, posting, number)
        result = create_entry(world.ctx, "staff_member", values)
        removed = posting.removed_days_ago
        world.staff.append(
            StaffRecord(
                result.entity_id,
                staff_name(posting),
                posting.rank,
                posting.gender,
                world.days_ago(posting.posted_days_ago),
                world.days_ago(removed) if removed is not None else None,
            )
        )
        world.counts["staff_member"] += 1


def _staff_values(world: World, posting: Posting, number: int) -> dict[str, object]:
    posted_on = world.days_ago(posting.posted_days_ago)
    values: dict[str, object] = {
        "name": staff_name(posting),
        "rank": posting.rank,
        "gender": posting.gender,
        "is_in_charge": posting.in_charge,
        "police_no": f"DEMO-{number:03d}",
        "posted_on": posted_on,
    }
    if posting.igot:
        values["igot_certificate_no"] = f"IGOT-DEMO-{number:04d}"
        values["igot_certified_on"] = posted_on + timedelta(days=world.rng.randint(8, 27))
    if posting.removed_days_ago is not None:
        values["removed_on"] = world.days_ago(posting.removed_days_ago)
        values["removal_kind"] = posting.removal_kind
        values["removal_approval_ref"] = posting.approval_ref
    return values
