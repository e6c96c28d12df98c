"""The station's legal deadlines: what is overdue and what falls due soon."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from msk_desktop.domain import forms
from msk_desktop.domain.catalogue import SectionRef, offence_catalogue
from msk_desktop.domain.dates import IST, ist_date
from msk_desktop.domain.deadlines import (
    ATTENTION_HORIZON_DAYS,
    DUE_SOON_DAYS,
    VICTIM_UPDATE_DAYS,
    CaseFacts,
    DeadlineRule,
    DeadlineState,
    DeadlineStatus,
    case_deadlines,
)
from msk_desktop.domain.fields import clean_value
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.permissions import require
from msk_desktop.store.queries.fir_facts import FirFacts, fir_facts, unsettled_fir_ids

CLOSED_WITHOUT_INVESTIGATION = frozenset({"transferred", "expunged"})
ATTENTION = frozenset({DeadlineState.OVERDUE, DeadlineState.DUE_SOON})


@dataclass(frozen=True)
class DeadlineItem:
    fir_id: str
    serial: str
    crime_no: str  # "123/2025"
    crime_head: str
    io_name: str | None
    status: DeadlineStatus


def _case(
    registered_at: datetime,
    offence_date: date,
    sections: tuple[SectionRef, ...],
    done_on: Iterable[date | None],
    status: str | None,
    first: Mapping[str, datetime],
) -> CaseFacts:
    """What the rules read of a case: its dates, sections, the day its investigation ended
    (chargesheet or final report, whichever came first) and its first milestones."""
    done = [d for d in done_on if d is not None]
    report = first.get("medical_report_forwarded")
    update = first.get("victim_update")
    return CaseFacts(
        registered_at=registered_at,
        offence_date=offence_date,
        sections=sections,
        investigation_done_on=min(done) if done else None,
        first_victim_update_on=ist_date(update) if update else None,
        medical_exam_at=first.get("medical_exam"),
        medical_report_forwarded_on=ist_date(report) if report else None,
        cwc_reported_at=first.get("cwc_report"),
        closed_without_investigation=status in CLOSED_WITHOUT_INVESTIGATION,
    )


def _case_facts(facts: FirFacts) -> CaseFacts:
    return _case(
        facts.registered_at,
        facts.offence_date,
        tuple(SectionRef(law, section) for law, section in facts.sections),
        (facts.chargesheet_on, facts.final_report_on),
        facts.status,
        facts.first_milestone,
    )


# The rules every FIR may have; any other comes from a section (a medical examination, the
# report to the CWC) and runs out within days of the registration.
REGISTRATION_RULES = frozenset({DeadlineRule.INVESTIGATION_60, DeadlineRule.VICTIM_UPDATE_90})


@cache
def _early_sections() -> frozenset[tuple[str, str]]:
    """Sections that bring a rule besides the investigation and the victim update, found by
    asking the rules of a case filed under each section alone (a case's rules are those of
    its sections taken together), so they are never restated here."""
    catalogue = offence_catalogue()
    registered = datetime(2025, 1, 1, 10, 0, tzinfo=IST)  # under the BNSS: every rule runs
    early = set()
    for entry in catalogue.sections:
        facts = _case(registered, registered.date(), (entry.ref,), (), None, {})
        rules = {
            s.rule
            for s in case_deadlines(facts, registered.date(), catalogue)
            if s.state is not DeadlineState.NOT_APPLICABLE
        }
        if rules - REGISTRATION_RULES:
            early.add((entry.ref.law, entry.ref.section))
    return frozenset(early)


def _unsettled_facts(
    session: Session, station_id: str, since: date | None, today: date
) -> list[FirFacts]:
    """Facts of the FIRs that may have a deadline overdue or due soon today. Left out, before
    any is read: FIRs transferred or expunged (nothing runs for them), and FIRs whose
    investigation is finished, with no section bringing an early rule, whose victim was told of
    the progress or whose 90 days to tell her end more than DUE_SOON_DAYS after today. Each
    such FIR has only rules met, not applicable or pending (the equivalence is tested against
    the full evaluation, tests/ops/test_deadlines_prefilter.py)."""
    quiet_from = today - timedelta(days=VICTIM_UPDATE_DAYS - DUE_SOON_DAYS - 1)
    chosen = unsettled_fir_ids(
        station_id,
        since,
        closed_statuses=CLOSED_WITHOUT_INVESTIGATION,
        early_sections=_early_sections(),
        victim_update_pending_since=datetime.combine(quiet_from, time(), IST),
    )
    return fir_facts(session, station_id, among=chosen)


def station_deadlines(
    ctx: OpContext,
    today: date | None = None,
    states: Iterable[DeadlineState] = ATTENTION,
    *,
    all_firs: bool = False,
) -> list[DeadlineItem]:
    """Deadlines in one of ``states``, most overdue first: of open investigations and FIRs of
    the last ``ATTENTION_HORIZON_DAYS`` (today's work), or of every FIR with ``all_firs``."""
    require(ctx, "read_registers")
    today = today or ctx.today()
    wanted = frozenset(states)
    catalogue = offence_catalogue()
    since = None if all_firs else today - timedelta(days=ATTENTION_HORIZON_DAYS)
    with ctx.db.read() as session:
        if wanted <= ATTENTION:  # most FIRs have nothing due: not read at all
            all_facts = _unsettled_facts(session, ctx.actor.station_id, since, today)
        else:
            all_facts = fir_facts(session, ctx.actor.station_id, since)
    items = [
        DeadlineItem(f.fir_id, f.serial, f"{f.crime_no}/{f.crime_year}", f.crime_head, f.io_name, s)
        for f in all_facts
        for s in case_deadlines(_case_facts(f), today, catalogue)
        if s.state in wanted
    ]
    order = {DeadlineState.OVERDUE: 0, DeadlineState.DUE_SOON: 1}
    return sorted(
        items,
        key=lambda i: (
            order.get(i.status.state, 2),
            -i.status.days if i.status.state is DeadlineState.OVERDUE else i.status.days,
        ),
    )


def _typed(ctx: OpContext, spec_name: str, typed: Mapping[str, Any]) -> Any:
    """A form value as the cleaner reads it, or None while it is not (yet) valid."""
    spec = next(f for f in forms.FIR if f.name == spec_name)
    value, error = clean_value(spec, typed.get(spec_name), ctx.today(), ctx.now())
    return None if error is not None else value


def saved_fir_facts(ctx: OpContext, fir_id: str) -> FirFacts | None:
    """An FIR's facts as saved (its sections and recorded milestones), read once for a form."""
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        found = fir_facts(session, ctx.actor.station_id, only_fir=fir_id)
    return found[0] if found else None


def deadline_preview(
    ctx: OpContext, typed: Mapping[str, Any], saved: FirFacts | None = None
) -> list[DeadlineStatus]:
    """The FIR's deadlines as the form stands, recomputed as the user types: the typed dates
    and sections and, for an FIR already saved (``saved_fir_facts``), the milestones recorded
    on its page. Nothing while the registration time, offence date or sections are not yet
    valid. Pure computation: no database read per keystroke."""
    registered_at = _typed(ctx, "registered_at", typed)
    offence_date = _typed(ctx, "offence_date", typed)
    catalogue = offence_catalogue()
    if "sections" in typed or saved is None:
        try:
            refs = tuple(
                SectionRef.parse(s) for s in forms.split_sections(typed.get("sections") or "")
            )
        except ValueError:
            return []
    else:  # an FIR's form without its sections: they change on the FIR's page
        refs = tuple(SectionRef(law, section) for law, section in saved.sections)
    if registered_at is None or offence_date is None or not refs:
        return []
    if any(catalogue.get(ref) is None for ref in refs):
        return []
    facts = _case(
        registered_at,
        offence_date,
        refs,
        (_typed(ctx, "chargesheet_on", typed), _typed(ctx, "final_report_on", typed)),
        _typed(ctx, "status", typed),
        saved.first_milestone if saved is not None else {},
    )
    return [
        s
        for s in case_deadlines(facts, ctx.today(), catalogue)
        if s.state is not DeadlineState.NOT_APPLICABLE
    ]
