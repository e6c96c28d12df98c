"""The numbers of the monthly progress report (मासिक प्रगति रिपोर्ट) of a station.

Counting rules, so the figures can be checked by hand against the registers:

- An FIR is *received* in the month it was registered (Indian date) and *disposed* on the date of
  its chargesheet or final report, whichever came first. It is *pending* on a day if it was
  registered by then and not yet disposed. A transferred or expunged FIR carries no date in the
  register, so it is never counted pending.
- ITSSO-style rates, for the month and for the year to date: disposal rate = disposed /
  (pending at the start + received); pendency rate = pending at the end / (pending at the start +
  received); compliance rate = the share of investigations under the 60-day rule finished in the
  period that finished within 60 days.
- Overdue and due investigations, open directions and the staff position are judged on the
  report's day: the month's last day, or today in a month not yet over. What happened after that
  day (a chargesheet filed later) does not count.
- A help desk application closes on its disposal date; one on which an FIR was registered, on
  the FIR's date; one referred elsewhere (the register keeps no date for that), on the day it
  was received.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from statistics import mean

from msk_desktop.domain import choices
from msk_desktop.domain.catalogue import HEAD_TITLES, offence_catalogue, preventive_action_catalogue
from msk_desktop.domain.dates import add_months, format_date, ist_date
from msk_desktop.domain.deadlines import (
    RULE_INFO,
    DeadlineRule,
    DeadlineState,
    DeadlineStatus,
    case_deadlines,
)
from msk_desktop.domain.errors import FieldError, Message, ValidationError
from msk_desktop.domain.fields import Choice
from msk_desktop.domain.staffing import (
    CONSTABULARY,
    HOME_GUARDS,
    SUB_INSPECTORS,
    Gender,
    Posting,
    Rank,
    staffing_report,
)
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.report_data import (
    DirectionRow,
    FigureSource,
    FirCase,
    HelpdeskRow,
    MonthlySource,
    ReferralRow,
    StationInfo,
    figure_sources,
    monthly_source,
)
from msk_desktop.reports.formatting import action_title, head_title

MONTH_NAMES = (
    ("जनवरी", "January"),
    ("फ़रवरी", "February"),
    ("मार्च", "March"),
    ("अप्रैल", "April"),
    ("मई", "May"),
    ("जून", "June"),
    ("जुलाई", "July"),
    ("अगस्त", "August"),
    ("सितम्बर", "September"),
    ("अक्टूबर", "October"),
    ("नवम्बर", "November"),
    ("दिसम्बर", "December"),
)
TREND_MONTHS = 12
_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")


# ---- the month ---------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class ReportMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"no month {self.month}")

    @classmethod
    def parse(cls, text: str) -> ReportMonth:
        """ "2025-10" (as the command line takes it)."""
        match = _MONTH.fullmatch(text.strip())
        if match is None or not 1 <= int(match[2]) <= 12:
            raise ValidationError(
                [
                    FieldError(
                        "month",
                        Message(
                            f"माह YYYY-MM के रूप में लिखें (जैसे 2025-10), न कि {text!r}",
                            f"write the month as YYYY-MM (e.g. 2025-10), not {text!r}",
                        ),
                    )
                ]
            )
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day: date) -> ReportMonth:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return add_months(self.first_day, 1) - timedelta(days=1)

    def shifted(self, months: int) -> ReportMonth:
        return ReportMonth.of(add_months(self.first_day, months))

    def contains(self, day: date | None) -> bool:
        return day is not None and self.first_day <= day <= self.last_day

    @property
    def name(self) -> Message:
        hi, en = MONTH_NAMES[self.month - 1]
        return Message(f"{hi} {self.year}", f"{en} {self.year}")

    @property
    def short(self) -> str:
        """ "10/25": the label of a month on the trend chart's axis."""
        return f"{self.month:02d}/{self.year % 100:02d}"


@dataclass(frozen=True)
class Period:
    """Days ``first``..``last``, both included."""

    first: date
    last: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


# ---- what the report holds ---------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """How many of one kind (a crime head, an outcome, a service ...)."""

    code: str
    title: Message
    count: int


@dataclass(frozen=True)
class HeadCounts:
    head: str  # a crime head of the catalogue, or "total"
    title: Message
    received: int
    disposed: int
    pending_at_end: int


@dataclass(frozen=True)
class InvestigationLine:
    """An investigation under the 60-day rule, overdue or due within 7 days on the report's
    day. Pseudonymous by construction: crime number, head and investigating officer only."""

    crime_no: str
    head: Message
    io_name: str | None
    registered_on: date
    due_on: date
    state: DeadlineState  # OVERDUE or DUE_SOON
    days: int  # overdue by, or left


@dataclass(frozen=True)
class DeadlineTally:
    """Deadlines of one rule met in the month: in time or late."""

    rule: DeadlineRule
    title: Message
    on_time: int
    late: int


@dataclass(frozen=True)
class Rates:
    period: Message
    pending_at_start: int
    received: int
    disposed: int
    pending_at_end: int
    finished_60_day: int  # investigations under the 60-day rule finished in the period
    finished_60_day_in_time: int

    @property
    def workload(self) -> int:
        return self.pending_at_start + self.received

    @property
    def disposal_rate(self) -> float | None:
        return self.disposed / self.workload if self.workload else None

    @property
    def pendency_rate(self) -> float | None:
        return self.pending_at_end / self.workload if self.workload else None

    @property
    def compliance_rate(self) -> float | None:
        if not self.finished_60_day:
            return None
        return self.finished_60_day_in_time / self.finished_60_day


@dataclass(frozen=True)
class HelpdeskSummary:
    received: int
    disposed: int
    pending_at_end: int
    average_days_to_dispose: float | None  # of those disposed in the month


@dataclass(frozen=True)
class CounsellingSummary:
    opened: int
    mandatory_opened: int  # elopement and "woman used as a front" cases (duty ix)
    closed: int
    open_at_end: int
    outcomes: tuple[Tally, ...]  # of the cases closed in the month


@dataclass(frozen=True)
class PpkSummary:
    referred: int
    outcomes_received: int
    pending_at_end: int
    outcomes: tuple[Tally, ...]  # received in the month


@dataclass(frozen=True)
class SupportLine:
    service: str
    title: Message
    referred: int
    results: int  # results received in the month
    provided: int  # of which the help was given


@dataclass(frozen=True)
class AwarenessLine:
    kind: str
    title: Message
    programmes: int
    people_reached: int


@dataclass(frozen=True)
class RosterLine:
    roster: str
    title: Message
    shifts: int
    staffed: int  # shifts with at least one person

    @property
    def coverage(self) -> float | None:
        return self.staffed / self.shifts if self.shifts else None


@dataclass(frozen=True)
class StaffLine:
    title: Message
    norm: str  # what the circular asks for ("1-4")
    posted: int
    women: int


@dataclass(frozen=True)
class StaffFindingLine:
    violation: bool  # a violation of the circular (else a warning)
    message: Message


@dataclass(frozen=True)
class DirectionLine:
    entry_serial: str
    visited_on: date
    direction: str
    responsible: str | None
    due_on: date | None
    status: str  # compliance status on the report's day
    overdue_days: int | None


@dataclass(frozen=True)
class DirectionsSummary:
    given: int  # in visits of the month
    complied: int  # compliance recorded in the month
    open_at_end: int
    overdue_at_end: int
    open_lines: tuple[DirectionLine, ...]


@dataclass(frozen=True)
class TrendSeries:
    head: str
    title: Message
    counts: tuple[int, ...]  # FIRs received in each month of the trend


@dataclass(frozen=True)
class Trend:
    months: tuple[ReportMonth, ...]
    series: tuple[TrendSeries, ...]  # every head with an FIR in those months, busiest first


@dataclass(frozen=True)
class MonthFigures:
    """The figures of a monthly report that the month alone decides (no year to date, no
    trend), under the report's names: the circle view's line of a station is made of them."""

    station: StationInfo
    month: ReportMonth
    as_of: date
    investigations: tuple[InvestigationLine, ...]
    deadlines: tuple[DeadlineTally, ...]
    rates_month: Rates
    helpdesk: HelpdeskSummary
    ppk: PpkSummary
    rosters: tuple[RosterLine, ...]
    staff_findings: tuple[StaffFindingLine, ...]
    directions: DirectionsSummary


@dataclass(frozen=True)
class MonthlyReport:
    station: StationInfo
    month: ReportMonth
    as_of: date  # the day on which "pending", "overdue" and "open" are judged
    heads: tuple[HeadCounts, ...]
    head_total: HeadCounts
    investigations: tuple[InvestigationLine, ...]
    deadlines: tuple[DeadlineTally, ...]
    rates_month: Rates
    rates_year: Rates
    preventive: tuple[Tally, ...]
    preventive_total: int
    helpdesk: HelpdeskSummary
    counselling: CounsellingSummary
    ppk: PpkSummary
    support: tuple[SupportLine, ...]
    awareness: tuple[AwarenessLine, ...]
    rosters: tuple[RosterLine, ...]
    staff: tuple[StaffLine, ...]
    staff_findings: tuple[StaffFindingLine, ...]
    directions: DirectionsSummary
    trend: Trend


# ---- building it -------------------------------------------------------------------------


def build_monthly_report(ctx: OpContext, month: ReportMonth) -> MonthlyReport:
    """The report of ``month`` as the registers stand now."""
    as_of = report_day(ctx, month)
    source = monthly_source(ctx, month.first_day, month.last_day, as_of, since=counted_since(month))
    return compile_monthly(source, month, as_of)


def build_month_figures(ctx: OpContext, months: Sequence[ReportMonth]) -> list[MonthFigures]:
    """The figures of the report of each of ``months`` that the month alone decides, read
    together and without the FIRs only the year to date and the trend need (those closed
    before the first of the months began)."""
    as_of = [report_day(ctx, month) for month in months]
    sources = figure_sources(
        ctx,
        [(month.first_day, month.last_day, day) for month, day in zip(months, as_of, strict=True)],
    )
    # The months share their rows (``figure_sources``): what does not depend on the month is
    # worked out once.
    met: dict[str, list[DeadlineStatus]] = {}
    helpdesk = _helpdesk_days(sources[0].helpdesk)
    return [
        month_figures(source, month, _Judged(day, met), helpdesk)
        for source, month, day in zip(sources, months, as_of, strict=True)
    ]


def report_day(ctx: OpContext, month: ReportMonth) -> date:
    """The day the report of ``month`` judges on: its last day, or today in a month not yet
    over; a month not yet begun has no report."""
    today = ctx.today()
    if month.first_day > today:
        raise ValidationError(
            [
                FieldError(
                    "month",
                    Message(
                        f"{month.name.hi} अभी आरम्भ नहीं हुआ है", f"{month.name.en} has not begun yet"
                    ),
                )
            ]
        )
    return min(month.last_day, today)


def trend_months(month: ReportMonth) -> tuple[ReportMonth, ...]:
    """The months of the trend ending with ``month``, oldest first."""
    return tuple(month.shifted(offset) for offset in range(1 - TREND_MONTHS, 1))


def counted_since(month: ReportMonth) -> date:
    """The first day of the earliest period the report of ``month`` counts: its trend's first
    month, or 1 January when the year to date reaches further back."""
    return min(trend_months(month)[0].first_day, date(month.year, 1, 1))


def compile_monthly(source: MonthlySource, month: ReportMonth, as_of: date) -> MonthlyReport:
    """The report from rows already read: pure arithmetic, no database."""
    in_month = Period(month.first_day, month.last_day)
    year_to_date = Period(date(month.year, 1, 1), month.last_day)
    heads, total = _head_counts(source.firs, in_month)
    judged = _Judged(as_of, {})
    figures = month_figures(source, month, judged, _helpdesk_days(source.helpdesk))
    preventive = _preventive(source.preventive)
    return MonthlyReport(
        station=source.station,
        month=month,
        as_of=as_of,
        heads=heads,
        head_total=total,
        investigations=figures.investigations,
        deadlines=figures.deadlines,
        rates_month=figures.rates_month,
        rates_year=_rates(
            source.firs,
            year_to_date,
            Message(
                f"{format_date(year_to_date.first)} से {format_date(year_to_date.last)} तक",
                f"{format_date(year_to_date.first)} to {format_date(year_to_date.last)}",
            ),
            judged,
        ),
        preventive=preventive,
        preventive_total=sum(t.count for t in preventive),
        helpdesk=figures.helpdesk,
        counselling=_counselling(source, in_month),
        ppk=figures.ppk,
        support=_support(source.support, in_month),
        awareness=_awareness(source),
        rosters=figures.rosters,
        staff=_staff_lines(source.postings, as_of),
        staff_findings=figures.staff_findings,
        directions=figures.directions,
        trend=_trend(source.firs, month),
    )


def month_figures(
    source: FigureSource, month: ReportMonth, judged: _Judged, helpdesk: Sequence[DaysOpen]
) -> MonthFigures:
    """The part of the report that needs of the FIRs before the month only those still open
    when it began (``since`` the month's first day is enough to read them); ``helpdesk`` is
    ``_helpdesk_days`` of the source's applications."""
    in_month = Period(month.first_day, month.last_day)
    as_of = judged.as_of
    return MonthFigures(
        station=source.station,
        month=month,
        as_of=as_of,
        investigations=_investigations(source.firs, judged),
        deadlines=_deadline_tallies(source.firs, in_month, judged),
        rates_month=_rates(source.firs, in_month, month.name, judged),
        helpdesk=_helpdesk(helpdesk, in_month),
        ppk=_ppk(source.ppk, in_month),
        rosters=_rosters(source),
        staff_findings=tuple(
            StaffFindingLine(f.severity == "violation", f.message)
            for f in staffing_report(source.postings, as_of)
        ),
        directions=_directions(source.directions, in_month, as_of),
    )


# ---- FIRs --------------------------------------------------------------------------------


def _pending_on(case: FirCase, day: date) -> bool:
    if case.registered_on > day or case.status in ("transferred", "expunged"):
        return False
    done = case.investigation_done_on
    return done is None or done > day


def _head_order(head: str) -> tuple[int, str]:
    known = list(HEAD_TITLES)
    return (known.index(head), head) if head in known else (len(known), head)


def _head_counts(
    firs: Sequence[FirCase], period: Period
) -> tuple[tuple[HeadCounts, ...], HeadCounts]:
    received: Counter[str] = Counter()
    disposed: Counter[str] = Counter()
    pending: Counter[str] = Counter()
    for case in firs:
        received[case.crime_head] += case.registered_on in period
        disposed[case.crime_head] += case.investigation_done_on in period
        pending[case.crime_head] += _pending_on(case, period.last)
    heads = sorted((h for h in received | disposed | pending), key=_head_order)
    lines = tuple(HeadCounts(h, head_title(h), received[h], disposed[h], pending[h]) for h in heads)
    total = HeadCounts(
        "total",
        Message("योग", "Total"),
        sum(received.values()),
        sum(disposed.values()),
        sum(pending.values()),
    )
    return lines, total


def _as_of(case: FirCase, day: date) -> FirCase:
    """The case as it stood on ``day``: an investigation finished later was still open."""
    done = case.facts.investigation_done_on
    if done is None or done <= day:
        return case
    return replace(case, facts=replace(case.facts, investigation_done_on=None))


class _Judged:
    """The status of every rule of each case on the report's day, worked out once per case:
    the investigation list, the deadline tallies and both rates read the same statuses."""

    def __init__(self, as_of: date, met: dict[str, list[DeadlineStatus]]) -> None:
        self.as_of = as_of
        self._catalogue = offence_catalogue()
        self._found: dict[tuple[str, date | None], list[DeadlineStatus]] = {}
        self._met = met

    def statuses(self, case: FirCase) -> list[DeadlineStatus]:
        # Keyed by the investigation's end too: ``_as_of`` may give the same FIR without it.
        key = (case.fir_id, case.investigation_done_on)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = case_deadlines(case.facts, self.as_of, self._catalogue)
        return found

    def sixty_day(self, case: FirCase) -> DeadlineStatus:
        """The 60-day investigation rule's status of ``case``."""
        return next(s for s in self.statuses(case) if s.rule is DeadlineRule.INVESTIGATION_60)

    def met(self, case: FirCase) -> list[DeadlineStatus]:
        """The deadlines ``case`` met, in time or late. Whether and when a deadline was met
        does not depend on the day judged on, so months judged together share ``met``."""
        found = self._met.get(case.fir_id)
        if found is None:
            found = self._met[case.fir_id] = [
                s for s in self.statuses(case) if s.done_on is not None
            ]
        return found


def _investigations(firs: Sequence[FirCase], judged: _Judged) -> tuple[InvestigationLine, ...]:
    as_of = judged.as_of
    lines = []
    for case in firs:
        done = case.investigation_done_on
        if case.registered_on > as_of or (done is not None and done <= as_of):
            continue  # not yet registered, or finished by then: neither overdue nor due
        status = judged.sixty_day(_as_of(case, as_of))
        if status.state in (DeadlineState.OVERDUE, DeadlineState.DUE_SOON):
            assert status.due_on is not None  # an open deadline always has a due date
            lines.append(
                InvestigationLine(
                    case.crime_no,
                    head_title(case.crime_head),
                    case.io_name,
                    case.registered_on,
                    status.due_on,
                    status.state,
                    status.days,
                )
            )
    # Most overdue first, then the ones falling due soonest.
    return tuple(
        sorted(
            lines,
            key=lambda line: (
                line.state is not DeadlineState.OVERDUE,
                -line.days if line.state is DeadlineState.OVERDUE else line.days,
                line.crime_no,
            ),
        )
    )


def _deadline_tallies(
    firs: Sequence[FirCase], period: Period, judged: _Judged
) -> tuple[DeadlineTally, ...]:
    on_time: Counter[DeadlineRule] = Counter()
    late: Counter[DeadlineRule] = Counter()
    for case in firs:
        if case.registered_on > period.last:
            continue
        for status in judged.met(case):
            if status.done_on not in period:
                continue
            if status.state is DeadlineState.MET_ON_TIME:
                on_time[status.rule] += 1
            elif status.state is DeadlineState.MET_LATE:
                late[status.rule] += 1
    return tuple(
        DeadlineTally(rule, RULE_INFO[rule].title, on_time[rule], late[rule])
        for rule in DeadlineRule
    )


def _rates(firs: Sequence[FirCase], period: Period, name: Message, judged: _Judged) -> Rates:
    before = period.first - timedelta(days=1)
    finished = [
        status
        for case in firs
        if case.investigation_done_on in period
        and (status := judged.sixty_day(case)).state is not DeadlineState.NOT_APPLICABLE
    ]
    return Rates(
        period=name,
        pending_at_start=sum(_pending_on(case, before) for case in firs),
        received=sum(case.registered_on in period for case in firs),
        disposed=sum(case.investigation_done_on in period for case in firs),
        pending_at_end=sum(_pending_on(case, period.last) for case in firs),
        finished_60_day=len(finished),
        finished_60_day_in_time=sum(s.state is DeadlineState.MET_ON_TIME for s in finished),
    )


def _trend(firs: Sequence[FirCase], month: ReportMonth) -> Trend:
    months = trend_months(month)
    received: dict[str, Counter[ReportMonth]] = {}
    for case in firs:
        registered = ReportMonth.of(case.registered_on)
        if months[0] <= registered <= months[-1]:
            received.setdefault(case.crime_head, Counter())[registered] += 1
    busiest = sorted(received, key=lambda head: (-sum(received[head].values()), _head_order(head)))
    return Trend(
        months,
        tuple(
            TrendSeries(head, head_title(head), tuple(received[head][m] for m in months))
            for head in busiest
        ),
    )


# ---- the other registers -----------------------------------------------------------------


def _tallies(choices_: Sequence[Choice], counts: Counter[str]) -> tuple[Tally, ...]:
    """Every code of a closed list with its count, zeros included: the same rows each month."""
    return tuple(Tally(c.code, c.label, counts[c.code]) for c in choices_)


def _preventive(counts: Mapping[str, int]) -> tuple[Tally, ...]:
    kinds = [kind.code for kind in preventive_action_catalogue().kinds]
    codes = kinds + sorted(set(counts) - set(kinds))
    return tuple(Tally(code, action_title(code), counts.get(code, 0)) for code in codes)


def _closed_on(row: HelpdeskRow) -> date | None:
    if row.status == "pending":
        return None
    received = ist_date(row.received_at)
    if row.disposed_on is not None:
        return row.disposed_on
    if row.fir_registered_at is not None:
        return max(received, ist_date(row.fir_registered_at))
    return received


DaysOpen = tuple[date, date | None]  # an application's day received and day closed


def _helpdesk_days(rows: Iterable[HelpdeskRow]) -> list[DaysOpen]:
    return [(ist_date(row.received_at), _closed_on(row)) for row in rows]


def _helpdesk(days: Iterable[DaysOpen], period: Period) -> HelpdeskSummary:
    received = pending = 0
    days_to_close: list[int] = []
    for received_on, closed_on in days:
        received += received_on in period
        if received_on <= period.last and (closed_on is None or closed_on > period.last):
            pending += 1
        if closed_on in period:
            assert closed_on is not None
            days_to_close.append((closed_on - received_on).days)
    return HelpdeskSummary(
        received=received,
        disposed=len(days_to_close),
        pending_at_end=pending,
        average_days_to_dispose=mean(days_to_close) if days_to_close else None,
    )


def _counselling(source: MonthlySource, period: Period) -> CounsellingSummary:
    rows = source.counselling
    closed = [row for row in rows if row.closed_on in period]
    return CounsellingSummary(
        opened=sum(row.opened_on in period for row in rows),
        mandatory_opened=sum(row.opened_on in period and row.mandatory for row in rows),
        closed=len(closed),
        open_at_end=sum(
            row.opened_on <= period.last and (row.closed_on is None or row.closed_on > period.last)
            for row in rows
        ),
        outcomes=_tallies(
            choices.COUNSELLING_OUTCOME, Counter(row.outcome or "other" for row in closed)
        ),
    )


def _open_at(row: ReferralRow, day: date) -> bool:
    return row.referred_on <= day and (row.outcome_on is None or row.outcome_on > day)


def _ppk(rows: Sequence[ReferralRow], period: Period) -> PpkSummary:
    answered = [row for row in rows if row.outcome_on in period]
    return PpkSummary(
        referred=sum(row.referred_on in period for row in rows),
        outcomes_received=len(answered),
        pending_at_end=sum(_open_at(row, period.last) for row in rows),
        outcomes=_tallies(choices.PPK_OUTCOME, Counter(row.outcome or "other" for row in answered)),
    )


def _support(rows: Sequence[ReferralRow], period: Period) -> tuple[SupportLine, ...]:
    return tuple(
        SupportLine(
            service.code,
            service.label,
            referred=sum(r.service == service.code and r.referred_on in period for r in rows),
            results=sum(r.service == service.code and r.outcome_on in period for r in rows),
            provided=sum(
                r.service == service.code and r.outcome_on in period and r.outcome == "provided"
                for r in rows
            ),
        )
        for service in choices.SUPPORT_SERVICE
    )


def _awareness(source: MonthlySource) -> tuple[AwarenessLine, ...]:
    by_kind = {row.kind: row for row in source.awareness}
    return tuple(
        AwarenessLine(
            kind.code,
            kind.label,
            by_kind[kind.code].programmes if kind.code in by_kind else 0,
            by_kind[kind.code].people_reached if kind.code in by_kind else 0,
        )
        for kind in choices.AWARENESS_KIND
    )


def _rosters(source: FigureSource) -> tuple[RosterLine, ...]:
    by_roster = {row.roster: row for row in source.rosters}
    return tuple(
        RosterLine(
            roster.code,
            roster.label,
            by_roster[roster.code].shifts if roster.code in by_roster else 0,
            by_roster[roster.code].staffed if roster.code in by_roster else 0,
        )
        for roster in choices.ROSTER
    )


def _norm(bounds: tuple[int, int]) -> str:
    return f"{bounds[0]}-{bounds[1]}"


def _staff_lines(postings: Sequence[Posting], day: date) -> tuple[StaffLine, ...]:
    """Staff serving on ``day`` in the groups the circular counts (the in-charge apart)."""
    serving = [p for p in postings if p.active_on(day)]
    groups: tuple[tuple[Message, str, Sequence[Posting]], ...] = (
        (Message("प्रभारी", "In-charge"), "1", [p for p in serving if p.is_in_charge]),
        (
            Message("उपनिरीक्षक", "Sub-inspectors"),
            _norm(SUB_INSPECTORS),
            [p for p in serving if not p.is_in_charge and p.rank is Rank.SUB_INSPECTOR],
        ),
        (
            Message("मुख्य आरक्षी / आरक्षी", "Head constables / constables"),
            _norm(CONSTABULARY),
            [
                p
                for p in serving
                if not p.is_in_charge and p.rank in (Rank.HEAD_CONSTABLE, Rank.CONSTABLE)
            ],
        ),
        (
            Message("महिला होमगार्ड", "Women home guards"),
            _norm(HOME_GUARDS),
            [p for p in serving if not p.is_in_charge and p.rank is Rank.HOME_GUARD],
        ),
        (
            Message("परामर्शदाता", "Counsellors"),
            "-",
            [p for p in serving if p.rank is Rank.COUNSELLOR],
        ),
    )
    return tuple(
        StaffLine(title, norm, len(people), sum(p.gender is Gender.FEMALE for p in people))
        for title, norm, people in groups
    )


def _complied_by(row: DirectionRow, day: date) -> bool:
    return (
        row.compliance_status == "complied"
        and row.complied_on is not None
        and row.complied_on <= day
    )


def _directions(rows: Sequence[DirectionRow], period: Period, as_of: date) -> DirectionsSummary:
    still_open = [row for row in rows if row.visited_on <= as_of and not _complied_by(row, as_of)]
    lines = tuple(
        DirectionLine(
            row.entry_serial,
            row.visited_on,
            row.direction,
            row.responsible,
            row.due_on,
            # Complied after the report's day: on that day it was still open.
            "open" if row.compliance_status == "complied" else row.compliance_status,
            (as_of - row.due_on).days if row.due_on is not None and row.due_on < as_of else None,
        )
        for row in still_open
    )
    return DirectionsSummary(
        given=sum(row.visited_on in period for row in rows),
        complied=sum(
            row.compliance_status == "complied" and row.complied_on in period for row in rows
        ),
        open_at_end=len(lines),
        overdue_at_end=sum(line.overdue_days is not None for line in lines),
        open_lines=lines,
    )
