"""Reading registers page by page for the table views, with the columns they show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from msk_desktop.domain.dates import IST, ascii_digits, parse_date_span
from msk_desktop.domain.deadlines import DeadlineState
from msk_desktop.domain.errors import FieldError, Message, ValidationError
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.deadlines import station_deadlines
from msk_desktop.ops.lookups import load
from msk_desktop.ops.permissions import require
from msk_desktop.ops.registers import register
from msk_desktop.store.queries.register_pages import (
    ColumnFilter,
    PageQuery,
    count_rows,
    fetch_page,
)

# Columns a register's table shows besides its form fields (values the ops derive).
DERIVED_COLUMNS: dict[str, tuple[FieldSpec, ...]] = {
    "fir": (
        FieldSpec("crime_head", Message("अपराध शीर्ष", "Crime head"), Kind.TEXT),
        FieldSpec("penal_code", Message("संहिता", "Code"), Kind.TEXT),
    ),
    "helpdesk_application": (
        FieldSpec("applicant_pseudonym", Message("आवेदिका", "Applicant"), Kind.TEXT),
        FieldSpec("next_follow_up_on", Message("अगली अनुवर्ती तिथि", "Next follow-up"), Kind.DATE),
    ),
    "counselling_case": (
        FieldSpec("parties_label", Message("पक्षकार", "Parties"), Kind.TEXT),
        FieldSpec("mandatory", Message("अनिवार्य", "Mandatory"), Kind.BOOL),
    ),
    "preventive_action": (FieldSpec("expires_on", Message("समाप्ति", "Expires"), Kind.DATE),),
    "ppk_referral": (
        FieldSpec("next_follow_up_on", Message("अगली अनुवर्ती तिथि", "Next follow-up"), Kind.DATE),
    ),
    "support_referral": (
        FieldSpec("next_follow_up_on", Message("अगली अनुवर्ती तिथि", "Next follow-up"), Kind.DATE),
    ),
}


# Derived columns shown right after the field they belong to (default: at the end).
DERIVED_AFTER: dict[str, str] = {
    "crime_head": "crime_year",
    "applicant_pseudonym": "received_at",
    "parties_label": "case_kind",
}


def table_columns(register_name: str) -> tuple[FieldSpec, ...]:
    """The form's fields a table can show in a cell (long texts and links stay in the form),
    with the values the ops derive placed where a reader looks for them."""
    spec = register(register_name)
    columns = [f for f in spec.form if not f.multiline and f.kind is not Kind.REF]
    for derived in DERIVED_COLUMNS.get(register_name, ()):
        after = DERIVED_AFTER.get(derived.name)
        names = [c.name for c in columns]
        position = names.index(after) + 1 if after in names else len(columns)
        columns.insert(position, derived)
    return tuple(columns)


class QuickFilter(StrEnum):
    """Filters a register's status column cannot express, computed from the rules."""

    OVERDUE = "overdue"  # an investigation or other legal deadline passed
    DUE_SOON = "due_soon"  # a deadline falls within 7 days
    UNSYNCED = "unsynced"  # changed here, not yet accepted by the district


QUICK_LABELS: dict[QuickFilter, Message] = {
    QuickFilter.OVERDUE: Message("समय-सीमा पार (विवेचना आदि)", "Deadline overdue (investigation…)"),
    QuickFilter.DUE_SOON: Message("7 दिन में देय", "Due within 7 days"),
    QuickFilter.UNSYNCED: Message("जिले को अभी नहीं भेजी गईं", "Not yet sent to the district"),
}
_DEADLINE_STATE = {
    QuickFilter.OVERDUE: DeadlineState.OVERDUE,
    QuickFilter.DUE_SOON: DeadlineState.DUE_SOON,
}


def quick_filters(register_name: str) -> tuple[QuickFilter, ...]:
    """The quick filters that mean something for a register (deadlines run on FIRs)."""
    if register_name == "fir":
        return (QuickFilter.OVERDUE, QuickFilter.DUE_SOON, QuickFilter.UNSYNCED)
    return (QuickFilter.UNSYNCED,)


@dataclass(frozen=True)
class Browse:
    """What a register view shows: as the user set it, so it can be saved and restored."""

    register: str
    sort_column: str | None = None
    descending: bool = False
    status: str | None = None
    text: str | None = None
    quick: QuickFilter | None = None
    column: str | None = None  # a column narrowed by ``column_value``, as the user typed it
    column_value: str | None = None


def _bad_filter(spec: FieldSpec, hi: str, en: str) -> ValidationError:
    return ValidationError(
        [FieldError("column_value", Message(f"{spec.label.hi}: {hi}", f"{spec.label.en}: {en}"))]
    )


def _day_bounds(spec: FieldSpec, typed: str) -> tuple[date | datetime, date | datetime]:
    try:
        start, end = parse_date_span(typed)
    except ValueError:
        raise _bad_filter(
            spec,
            "तिथि 05-11-2025, माह 11-2025, वर्ष 2025 या अवधि 01-10-2025..31-10-2025 लिखें",
            "type a day 05-11-2025, a month 11-2025, a year 2025 or 01-10-2025..31-10-2025",
        ) from None
    if spec.kind is Kind.DATETIME:
        # Stored moments are UTC; the user means Indian days.
        return datetime.combine(start, time(), IST), datetime.combine(end, time(), IST)
    return start, end


def column_filter(register_name: str, column: str, typed: str) -> ColumnFilter | None:
    """What the user typed under a column, as a filter; a clear message when it cannot be one.
    Texts match anywhere in the value; choices and yes/no by their code; numbers exactly;
    dates by day, month, year or range."""
    spec = next((c for c in table_columns(register_name) if c.name == column), None)
    if spec is None:
        raise ValidationError(
            [FieldError("column", Message("यह स्तम्भ इस रजिस्टर में नहीं है", "no such column"))]
        )
    typed = typed.strip()
    if not typed:
        return None
    if spec.kind is Kind.TEXT:
        return ColumnFilter(column, contains=typed)
    if spec.kind is Kind.INT:
        number = ascii_digits(typed)
        if not number.isdigit():
            raise _bad_filter(spec, "केवल अंक लिखें", "type a number")
        return ColumnFilter(column, equals=int(number))
    if spec.kind is Kind.BOOL:
        if typed not in ("yes", "no"):
            raise _bad_filter(spec, "हाँ या नहीं चुनें", "choose yes or no")
        return ColumnFilter(column, equals=typed == "yes")
    if spec.kind is Kind.CHOICE:
        if typed not in spec.choice_codes():
            raise _bad_filter(spec, "सूची में से चुनें", "choose from the list")
        return ColumnFilter(column, equals=typed)
    if spec.kind in (Kind.DATE, Kind.DATETIME):
        low, high = _day_bounds(spec, typed)
        return ColumnFilter(column, low=low, high=high)
    raise _bad_filter(spec, "इस स्तम्भ पर छँटाई नहीं होती", "this column cannot be filtered")


@dataclass(frozen=True)
class Prepared:
    """A Browse with its rule-based filters worked out once (the overdue cases are found by
    the deadline rules, which take a while at 100,000 FIRs): a view counts and pages with it."""

    register: str
    query: PageQuery


def prepare(ctx: OpContext, browse: Browse) -> Prepared:
    require(ctx, "read_registers")
    return Prepared(browse.register, _page_query(ctx, browse))


def _page_query(ctx: OpContext, browse: Browse) -> PageQuery:
    only_ids = None
    if browse.quick in _DEADLINE_STATE:
        # The same cases today's work lists (open investigations and recent FIRs), so the
        # filter and the dashboard agree.
        items = station_deadlines(ctx, states=(_DEADLINE_STATE[browse.quick],))
        only_ids = frozenset(item.fir_id for item in items)
    return PageQuery(
        columns=tuple(c.name for c in table_columns(browse.register)),
        sort_column=browse.sort_column,
        descending=browse.descending,
        status=browse.status,
        text=browse.text,
        column_filter=(
            column_filter(browse.register, browse.column, browse.column_value or "")
            if browse.column
            else None
        ),
        only_ids=only_ids,
        unsynced=browse.quick is QuickFilter.UNSYNCED,
    )


def count_entries(ctx: OpContext, browse: Browse | Prepared, cap: int | None = None) -> int:
    """How many entries ``browse`` shows; with ``cap``, a count above it is ``cap + 1``."""
    prepared = browse if isinstance(browse, Prepared) else prepare(ctx, browse)
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        return count_rows(
            session, register(prepared.register).model, ctx.actor.station_id, prepared.query, cap
        )


def page_of_entries(
    ctx: OpContext, browse: Browse | Prepared, offset: int, limit: int
) -> list[tuple[Any, ...]]:
    """Rows as (id, serial_no, serial_year, *values of ``table_columns``)."""
    prepared = browse if isinstance(browse, Prepared) else prepare(ctx, browse)
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        return fetch_page(
            session,
            register(prepared.register).model,
            ctx.actor.station_id,
            prepared.query,
            offset,
            limit,
        )


def entry_values(ctx: OpContext, register_name: str, entry_id: str) -> dict[str, Any]:
    """The form values of one entry, to fill its edit form."""
    require(ctx, "read_registers")
    spec = register(register_name)
    with ctx.db.read() as session:
        entry = load(session, spec.model, entry_id, ctx.actor.station_id)
        return {f.name: getattr(entry, f.name) for f in spec.form}
