"""Legal time limits of a case and whether each was met, missed, or is coming up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from msk_desktop.domain.catalogue import OffenceCatalogue, SectionRef
from msk_desktop.domain.dates import days_en, format_date, ist_date
from msk_desktop.domain.errors import Message
from msk_desktop.domain.law import procedure_code_for


class DeadlineState(StrEnum):
    MET_ON_TIME = "met_on_time"
    MET_LATE = "met_late"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    PENDING = "pending"
    NOT_APPLICABLE = "not_applicable"


class DeadlineRule(StrEnum):
    INVESTIGATION_60 = "investigation_60"
    VICTIM_UPDATE_90 = "victim_update_90"
    MEDICAL_EXAM_24H = "medical_exam_24h"
    MEDICAL_REPORT_7D = "medical_report_7d"
    POCSO_CWC_24H = "pocso_cwc_24h"


@dataclass(frozen=True)
class RuleInfo:
    title: Message
    source: str


RULE_INFO: dict[DeadlineRule, RuleInfo] = {
    DeadlineRule.INVESTIGATION_60: RuleInfo(
        Message(hi="विवेचना (60 दिन)", en="Investigation (60 days)"),
        "BNSS 193(2); CrPC 173(1A)",
    ),
    DeadlineRule.VICTIM_UPDATE_90: RuleInfo(
        Message(
            hi="पीड़िता को विवेचना की प्रगति की सूचना (90 दिन)", en="Victim told of progress (90 days)"
        ),
        "BNSS 193(3)(ii)",
    ),
    DeadlineRule.MEDICAL_EXAM_24H: RuleInfo(
        Message(
            hi="पीड़िता का चिकित्सीय परीक्षण (24 घण्टे)", en="Victim's medical examination (24 hours)"
        ),
        "BNSS 184(1); CrPC 164A(1)",
    ),
    DeadlineRule.MEDICAL_REPORT_7D: RuleInfo(
        Message(
            hi="चिकित्सीय परीक्षण रिपोर्ट का प्रेषण (7 दिन)", en="Medical report forwarded (7 days)"
        ),
        "BNSS 184(6)",
    ),
    DeadlineRule.POCSO_CWC_24H: RuleInfo(
        Message(
            hi="बाल कल्याण समिति एवं विशेष न्यायालय को सूचना (24 घण्टे)",
            en="Report to the CWC and Special Court (24 hours)",
        ),
        "POCSO 19(6)",
    ),
}

DUE_SOON_DAYS = 7
RAPE_HEAD = "rape"
PENETRATIVE_POCSO = frozenset(SectionRef.parse(text) for text in ("POCSO 4", "POCSO 6"))
VICTIM_UPDATE_DAYS = 90
# How far back "today's work" looks beyond open investigations: the longest rule (90 days) plus
# the due-soon window. Older closed cases with a missed milestone are for the inspection
# checklist and the monthly report, not for the day's list.
ATTENTION_HORIZON_DAYS = VICTIM_UPDATE_DAYS + DUE_SOON_DAYS
MEDICAL_REPORT_DAYS = 7
WITHIN_24_HOURS = timedelta(hours=24)


@dataclass(frozen=True)
class DeadlineStatus:
    """``days`` is always >= 0; what it counts depends on ``state`` (see ``describe``)."""

    rule: DeadlineRule
    state: DeadlineState
    due_on: date | None
    done_on: date | None
    days: int

    def __post_init__(self) -> None:
        met = self.state in (DeadlineState.MET_ON_TIME, DeadlineState.MET_LATE)
        applies = self.state is not DeadlineState.NOT_APPLICABLE
        if (
            self.days < 0
            or met != (self.done_on is not None)
            or applies != (self.due_on is not None)
            or (self.state is DeadlineState.MET_LATE and self.days == 0)
            or (not applies and self.days != 0)
        ):
            raise ValueError(f"inconsistent deadline status: {self}")

    def describe(self) -> Message:
        title = RULE_INFO[self.rule].title
        n = self.days
        due = format_date(self.due_on) if self.due_on is not None else ""
        match self.state:
            case DeadlineState.OVERDUE:
                return Message(
                    hi=f"{title.hi}: {n} दिन से समय-सीमा पार",
                    en=f"{title.en}: overdue by {days_en(n)}",
                )
            case DeadlineState.MET_LATE:
                return Message(
                    hi=f"{title.hi}: समय-सीमा के {n} दिन बाद पूर्ण",
                    en=f"{title.en}: completed late by {days_en(n)}",
                )
            case DeadlineState.MET_ON_TIME if n == 0:
                return Message(
                    hi=f"{title.hi}: अंतिम तिथि को पूर्ण", en=f"{title.en}: completed on the due date"
                )
            case DeadlineState.MET_ON_TIME:
                return Message(
                    hi=f"{title.hi}: समय-सीमा से {n} दिन पूर्व पूर्ण",
                    en=f"{title.en}: completed {days_en(n)} before the due date",
                )
            case DeadlineState.DUE_SOON | DeadlineState.PENDING if n == 0:
                return Message(hi=f"{title.hi}: अंतिम तिथि आज", en=f"{title.en}: due today")
            case DeadlineState.DUE_SOON | DeadlineState.PENDING:
                return Message(
                    hi=f"{title.hi}: अंतिम तिथि {due} ({n} दिन शेष)",
                    en=f"{title.en}: due on {due} ({days_en(n)} left)",
                )
            case DeadlineState.NOT_APPLICABLE:
                return Message(hi=f"{title.hi}: लागू नहीं", en=f"{title.en}: does not apply")


def open_state(due_on: date, today: date) -> DeadlineState:
    """State of something not yet done: OVERDUE, DUE_SOON or PENDING."""
    remaining = (due_on - today).days
    if remaining < 0:
        return DeadlineState.OVERDUE
    if remaining <= DUE_SOON_DAYS:
        return DeadlineState.DUE_SOON
    return DeadlineState.PENDING


def evaluate(rule: DeadlineRule, due_on: date, done_on: date | None, today: date) -> DeadlineStatus:
    if done_on is not None:
        if done_on <= due_on:
            return DeadlineStatus(
                rule, DeadlineState.MET_ON_TIME, due_on, done_on, (due_on - done_on).days
            )
        return DeadlineStatus(
            rule, DeadlineState.MET_LATE, due_on, done_on, (done_on - due_on).days
        )
    state = open_state(due_on, today)
    days = abs((due_on - today).days)
    return DeadlineStatus(rule, state, due_on, None, days)


def _evaluate_within_24_hours(
    rule: DeadlineRule, registered_at: datetime, done_at: datetime | None, today: date
) -> DeadlineStatus:
    due_at = registered_at + WITHIN_24_HOURS
    due_on = ist_date(due_at)
    if done_at is None:
        return evaluate(rule, due_on, None, today)
    done_on = ist_date(done_at)
    if done_at <= due_at:
        return DeadlineStatus(
            rule, DeadlineState.MET_ON_TIME, due_on, done_on, (due_on - done_on).days
        )
    # Late by a few hours on the due date itself is still late, so it never reads "0 days late".
    late_by = max(1, (done_on - due_on).days)
    return DeadlineStatus(rule, DeadlineState.MET_LATE, due_on, done_on, late_by)


def _not_applicable(rule: DeadlineRule) -> DeadlineStatus:
    return DeadlineStatus(rule, DeadlineState.NOT_APPLICABLE, None, None, 0)


@dataclass(frozen=True)
class CaseFacts:
    registered_at: datetime
    offence_date: date
    sections: tuple[SectionRef, ...]
    investigation_done_on: date | None
    first_victim_update_on: date | None
    medical_exam_at: datetime | None
    medical_report_forwarded_on: date | None
    cwc_reported_at: datetime | None
    closed_without_investigation: bool

    def __post_init__(self) -> None:
        for name in ("registered_at", "medical_exam_at", "cwc_reported_at"):
            moment: datetime | None = getattr(self, name)
            if moment is not None and moment.utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")


def case_deadlines(
    facts: CaseFacts, today: date, catalogue: OffenceCatalogue
) -> list[DeadlineStatus]:
    """One status per rule, in ``DeadlineRule`` order, the inapplicable ones included."""
    entries = [catalogue.require(ref) for ref in facts.sections]
    registered_on = ist_date(facts.registered_at)
    statuses: list[DeadlineStatus] = []

    investigation_days = [e.investigation_days for e in entries if e.investigation_days is not None]
    if investigation_days:
        due = registered_on + timedelta(days=min(investigation_days))
        statuses.append(
            evaluate(DeadlineRule.INVESTIGATION_60, due, facts.investigation_done_on, today)
        )
    else:
        statuses.append(_not_applicable(DeadlineRule.INVESTIGATION_60))

    if procedure_code_for(registered_on) == "BNSS":
        due = registered_on + timedelta(days=VICTIM_UPDATE_DAYS)
        statuses.append(
            evaluate(DeadlineRule.VICTIM_UPDATE_90, due, facts.first_victim_update_on, today)
        )
    else:
        statuses.append(_not_applicable(DeadlineRule.VICTIM_UPDATE_90))

    if any(e.head == RAPE_HEAD or e.ref in PENETRATIVE_POCSO for e in entries):
        statuses.append(
            _evaluate_within_24_hours(
                DeadlineRule.MEDICAL_EXAM_24H, facts.registered_at, facts.medical_exam_at, today
            )
        )
        examined_on = (
            ist_date(facts.medical_exam_at) if facts.medical_exam_at is not None else registered_on
        )
        statuses.append(
            evaluate(
                DeadlineRule.MEDICAL_REPORT_7D,
                examined_on + timedelta(days=MEDICAL_REPORT_DAYS),
                facts.medical_report_forwarded_on,
                today,
            )
        )
    else:
        statuses.append(_not_applicable(DeadlineRule.MEDICAL_EXAM_24H))
        statuses.append(_not_applicable(DeadlineRule.MEDICAL_REPORT_7D))

    if any(ref.law == "POCSO" for ref in facts.sections):
        statuses.append(
            _evaluate_within_24_hours(
                DeadlineRule.POCSO_CWC_24H, facts.registered_at, facts.cwc_reported_at, today
            )
        )
    else:
        statuses.append(_not_applicable(DeadlineRule.POCSO_CWC_24H))

    if facts.closed_without_investigation:
        # A transferred or expunged FIR has no time limits left to run, but what was done stays.
        return [s if s.done_on is not None else _not_applicable(s.rule) for s in statuses]
    return statuses
