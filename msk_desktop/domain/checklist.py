"""The circle officer's inspection checklist: which points are looked at, and the rules that
decide whether one entry of the registers is evidence against a point.

The legal time limits, bond periods, follow-up intervals and staffing rules are not repeated
here: they come from ``deadlines``, ``bonds``, ``followups`` and ``staffing``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from msk_desktop.domain.bonds import BondState, bond_state
from msk_desktop.domain.deadlines import DeadlineRule, DeadlineState
from msk_desktop.domain.errors import Message
from msk_desktop.domain.followups import next_follow_up_due


class PointCode(StrEnum):
    INVESTIGATIONS = "investigations"
    MILESTONES = "milestones"
    HELPDESK_SILENT = "helpdesk_silent"
    REFERRALS_UNANSWERED = "referrals_unanswered"
    UNSTAFFED_SHIFTS = "unstaffed_shifts"
    STAFFING = "staffing"
    BONDS_LAPSED = "bonds_lapsed"
    DIRECTIONS_OPEN = "directions_open"


# The brief names no other figure: an application nobody has touched for 15 days is stale.
HELPDESK_SILENCE_DAYS = 15
ROSTER_LOOKBACK_DAYS = 30
# Rules whose missing milestone is a point of its own (the 60-day rule is "investigations").
MILESTONE_RULES = frozenset({DeadlineRule.MEDICAL_EXAM_24H, DeadlineRule.VICTIM_UPDATE_90})
INVESTIGATION_STATES = frozenset({DeadlineState.OVERDUE, DeadlineState.DUE_SOON})
# A bond still recorded as running (or marked run out) with nobody deciding its renewal or
# closure; renewed, breached and closed bonds have had that decision.
UNDECIDED_BOND_STATUSES = frozenset({"active", "expired"})

POINT_TITLES: dict[PointCode, Message] = {
    PointCode.INVESTIGATIONS: Message(
        "विवेचनाएँ: समय-सीमा पार या इस सप्ताह देय", "Investigations overdue or due this week"
    ),
    PointCode.MILESTONES: Message(
        "चिकित्सीय परीक्षण / पीड़िता को प्रगति की सूचना अंकित नहीं (विधिक समय-सीमा पार)",
        "Medical examination or victim update missing where the law asks for one",
    ),
    PointCode.HELPDESK_SILENT: Message(
        f"हेल्प डेस्क आवेदन: {HELPDESK_SILENCE_DAYS} दिन से कोई अनुवर्ती कार्यवाही नहीं",
        f"Help desk applications with no follow-up for {HELPDESK_SILENCE_DAYS} days",
    ),
    PointCode.REFERRALS_UNANSWERED: Message(
        "परिवार परामर्श केन्द्र / सहायता सेवा सन्दर्भ: परिणाम अप्राप्त",
        "PPK and support referrals with no outcome",
    ),
    PointCode.UNSTAFFED_SHIFTS: Message(
        f"ड्यूटी रोस्टर: पिछले {ROSTER_LOOKBACK_DAYS} दिनों की रिक्त पालियाँ",
        f"Duty rosters: unstaffed shifts in the last {ROSTER_LOOKBACK_DAYS} days",
    ),
    PointCode.STAFFING: Message(
        "कर्मचारी: संरचना, तैनाती अवधि व आई-गॉट प्रमाणपत्र (परिपत्र 38/2025)",
        "Staff composition, tenure and iGOT certificates (circular 38/2025)",
    ),
    PointCode.BONDS_LAPSED: Message(
        "निरोधात्मक बंधपत्र: अवधि समाप्त, नवीनीकरण या समापन अंकित नहीं",
        "Preventive bonds expired without renewal or closure",
    ),
    PointCode.DIRECTIONS_OPEN: Message(
        "पूर्व निरीक्षणों के निर्देश: अनुपालन शेष", "Directions of earlier inspections not complied"
    ),
}


@dataclass(frozen=True)
class Evidence:
    """One entry behind a point: ``register`` and ``entry_id`` say where to open it (no id: a
    finding about the register as a whole, such as too few constables).

    ``label`` is a serial or crime number, never a victim's name; ``urgent`` marks what is
    already past its date (shown in red)."""

    register: str
    entry_id: str | None
    label: str
    detail: Message
    urgent: bool


@dataclass(frozen=True)
class ChecklistPoint:
    code: PointCode
    evidence: tuple[Evidence, ...]

    @property
    def title(self) -> Message:
        return POINT_TITLES[self.code]

    @property
    def count(self) -> int:
        return len(self.evidence)


def days_silent(last_activity_on: date, today: date) -> int | None:
    """Days since an open application was last touched, if more than the allowed silence."""
    silent = (today - last_activity_on).days
    return silent if silent > HELPDESK_SILENCE_DAYS else None


def outcome_expected_by(register: str, referred_on: date, cooling_off_until: date | None) -> date:
    """When an outcome of a referral should be in: one follow-up interval after the referral,
    and not before a cooling-off period (498A / BNS 85 cases at the PPK) has run."""
    due = next_follow_up_due(register, referred_on)
    return max(due, cooling_off_until) if cooling_off_until is not None else due


def bond_lapsed(status: str, expires_on: date | None, today: date) -> bool:
    return status in UNDECIDED_BOND_STATUSES and bond_state(expires_on, today) is BondState.EXPIRED


def checklist_points(evidence: dict[PointCode, list[Evidence]]) -> tuple[ChecklistPoint, ...]:
    """Every point in the book's order, those with nothing to show included (a clean point is
    a finding too)."""
    return tuple(ChecklistPoint(code, tuple(evidence.get(code, ()))) for code in PointCode)
