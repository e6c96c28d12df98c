"""The district consolidated report (जनपद समेकित रिपोर्ट) for the nodal officer's monthly meeting,
or the same report for one circle on the circle officer's laptop.

Its station lines are the circle view's (``circle_summary``), which take every figure from
each station's monthly report; circle and district lines are sums of those station lines, and
their rates are worked out again from the summed counts (a rate of a sum, never an average of
rates). The oldest overdue investigations and the follow-up of last month's inspection
directions come from the same monthly report data of each station. Pseudonymous throughout:
crime numbers, heads and investigating officers, never a victim.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date

from msk_desktop.domain.deadlines import DeadlineState
from msk_desktop.domain.errors import Message
from msk_desktop.ops.circle import station_context
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.report_data import DirectionRow, monthly_source
from msk_desktop.reports.circle_data import CircleRow, circle_summary, circle_total
from msk_desktop.reports.monthly_data import ReportMonth, compile_monthly, counted_since

OLDEST_OVERDUE = 20  # investigations listed for the meeting


@dataclass(frozen=True)
class DirectionsFollowUp:
    """Directions given in inspections of last month, as they stand on the report's day."""

    given: int
    complied_in_time: int  # complied by the day the direction set (or with no day set)
    complied_late: int
    open: int  # not complied on the report's day (partly complied included)

    @property
    def complied(self) -> int:
        return self.complied_in_time + self.complied_late

    @property
    def compliance_rate(self) -> float | None:
        return self.complied / self.given if self.given else None


def _follow_up(
    rows: Iterable[DirectionRow], last_month: ReportMonth, as_of: date
) -> DirectionsFollowUp:
    given = in_time = late = 0
    for row in rows:
        if not last_month.contains(row.visited_on):
            continue
        given += 1
        complied_on = row.complied_on if row.compliance_status == "complied" else None
        if complied_on is None or complied_on > as_of:
            continue  # complied after the report's day: on that day it was still open
        if row.due_on is not None and complied_on > row.due_on:
            late += 1
        else:
            in_time += 1
    return DirectionsFollowUp(given, in_time, late, given - in_time - late)


def _sum_follow_ups(parts: Iterable[DirectionsFollowUp]) -> DirectionsFollowUp:
    found = list(parts)
    return DirectionsFollowUp(
        *(sum(getattr(p, f.name) for p in found) for f in fields(DirectionsFollowUp))
    )


@dataclass(frozen=True)
class OverdueLine:
    """One investigation past its 60 days on the report's day. Pseudonymous: no victim."""

    station_code: str
    station_name: Message
    circle: str
    crime_no: str
    head: Message
    io_name: str | None
    registered_on: date
    due_on: date
    days_overdue: int


@dataclass(frozen=True)
class CircleBlock:
    circle: str
    rows: tuple[CircleRow, ...]  # by station code
    total: CircleRow  # the rows summed, rates from the summed counts (``circle_total``)
    directions: DirectionsFollowUp  # last month's, in this circle's stations


@dataclass(frozen=True)
class DistrictReport:
    month: ReportMonth
    as_of: date  # the month's last day, or today in the month not yet over
    district: str
    circle: str | None  # the one circle reported on, or None for the whole district
    circles: tuple[CircleBlock, ...]  # by circle name
    total: CircleRow  # every station line summed
    directions: DirectionsFollowUp
    oldest_overdue: tuple[OverdueLine, ...]  # the OLDEST_OVERDUE most overdue, oldest first

    @property
    def last_month(self) -> ReportMonth:
        return self.month.shifted(-1)

    @property
    def stations(self) -> tuple[CircleRow, ...]:
        return tuple(row for block in self.circles for row in block.rows)


@dataclass(frozen=True)
class _Extras:
    overdue: tuple[OverdueLine, ...]
    directions: DirectionsFollowUp


def _extras(ctx: OpContext, row: CircleRow, circle: str, month: ReportMonth) -> _Extras:
    """What the station line does not carry: its overdue investigations and last month's
    directions, from the station's monthly report and the rows it is compiled from."""
    source = monthly_source(
        station_context(ctx, row.station_id),
        month.first_day,
        month.last_day,
        row.as_of,
        since=counted_since(month),
    )
    report = compile_monthly(source, month, row.as_of)
    overdue = tuple(
        OverdueLine(
            row.station.code,
            row.station.name,
            circle,
            line.crime_no,
            line.head,
            line.io_name,
            line.registered_on,
            line.due_on,
            line.days,
        )
        for line in report.investigations
        if line.state is DeadlineState.OVERDUE
    )
    return _Extras(overdue, _follow_up(source.directions, month.shifted(-1), row.as_of))


def build_district_report(
    ctx: OpContext,
    month: ReportMonth,
    circle: str | None = None,
    *,
    circles: Mapping[str, str] | None = None,
) -> DistrictReport:
    """The consolidated report of ``month`` over every station of the database, or of
    ``circle`` alone. ``circles`` (station code -> circle) overrides the circle each station
    names itself: the district server passes the circles it registered."""
    registered = circles or {}

    def circle_of(row: CircleRow) -> str:
        return registered.get(row.station.code, row.station.circle)

    rows = [r for r in circle_summary(ctx, month) if circle is None or circle_of(r) == circle]
    as_of = min(month.last_day, ctx.today())
    extras = {r.station_id: _extras(ctx, r, circle_of(r), month) for r in rows}
    blocks = []
    for name in sorted({circle_of(r) for r in rows}):
        members = tuple(r for r in rows if circle_of(r) == name)
        blocks.append(
            CircleBlock(
                name,
                members,
                circle_total(members, as_of),
                _sum_follow_ups(extras[r.station_id].directions for r in members),
            )
        )
    overdue = sorted(
        (line for e in extras.values() for line in e.overdue),
        key=lambda line: (-line.days_overdue, line.station_code, line.crime_no),
    )
    districts = sorted({r.station.district for r in rows})
    return DistrictReport(
        month=month,
        as_of=as_of,
        district=", ".join(districts),
        circle=circle,
        circles=tuple(blocks),
        total=circle_total(rows, as_of),
        directions=_sum_follow_ups(e.directions for e in extras.values()),
        oldest_overdue=tuple(overdue[:OLDEST_OVERDUE]),
    )
