"""Reading registers page by page for the table views, with the columns they show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.lookups import load
from msk_desktop.ops.permissions import require
from msk_desktop.ops.registers import register
from msk_desktop.store.queries.register_pages import PageQuery, count_rows, fetch_page

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


@dataclass(frozen=True)
class Browse:
    register: str
    sort_column: str | None = None
    descending: bool = False
    status: str | None = None
    text: str | None = None

    def query(self) -> PageQuery:
        return PageQuery(
            columns=tuple(c.name for c in table_columns(self.register)),
            sort_column=self.sort_column,
            descending=self.descending,
            status=self.status,
            text=self.text,
        )


def count_entries(ctx: OpContext, browse: Browse) -> int:
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        return count_rows(
            session, register(browse.register).model, ctx.actor.station_id, browse.query()
        )


def page_of_entries(
    ctx: OpContext, browse: Browse, offset: int, limit: int
) -> list[tuple[Any, ...]]:
    """Rows as (id, serial_no, serial_year, *values of ``table_columns``)."""
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        return fetch_page(
            session,
            register(browse.register).model,
            ctx.actor.station_id,
            browse.query(),
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
