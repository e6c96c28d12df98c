"""The station's legal deadlines: what is overdue and what falls due soon."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from msk_desktop.domain.catalogue import SectionRef, offence_catalogue
from msk_desktop.domain.dates import ist_date
from msk_desktop.domain.deadlines import (
    ATTENTION_HORIZON_DAYS,
    CaseFacts,
    DeadlineState,
    DeadlineStatus,
    case_deadlines,
)
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.permissions import require
from msk_desktop.store.queries.fir_facts import FirFacts, fir_facts

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


def _case_facts(facts: FirFacts) -> CaseFacts:
    first = facts.first_milestone
    done = [d for d in (facts.chargesheet_on, facts.final_report_on) if d is not None]
    report = first.get("medical_report_forwarded")
    update = first.get("victim_update")
    return CaseFacts(
        registered_at=facts.registered_at,
        offence_date=facts.offence_date,
        sections=tuple(SectionRef(law, section) for law, section in facts.sections),
        investigation_done_on=min(done) if done else None,
        first_victim_update_on=ist_date(update) if update else None,
        medical_exam_at=first.get("medical_exam"),
        medical_report_forwarded_on=ist_date(report) if report else None,
        cwc_reported_at=first.get("cwc_report"),
        closed_without_investigation=facts.status in CLOSED_WITHOUT_INVESTIGATION,
    )


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
