"""Global search across the registers, in Hindi and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.ops.browse import table_columns
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.permissions import ACTION_ROLES, require
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.store.queries.search import IndexHit, search_index

SHOWN_COLUMNS = 3


@dataclass(frozen=True)
class SearchHit:
    register: str
    entry_id: str
    serial: str
    values: tuple[tuple[str, Any], ...]  # (field name, value) of the first table columns
    by_identity: bool


def _describe(session: Session, register: str, index_hits: list[IndexHit]) -> list[SearchHit]:
    """Serial and first columns of the hits in one register, in one query."""
    found = {h.entry_id: h for h in index_hits if h.register == register}
    if not found:
        return []
    model = REGISTERS[register].model
    columns = table_columns(register)[:SHOWN_COLUMNS]
    rows = session.execute(
        select(
            model.id, model.serial_no, model.serial_year, *(getattr(model, c.name) for c in columns)
        )
        .where(model.id.in_(found))
        .order_by(model.serial_year.desc(), model.serial_no.desc())
    ).all()
    return [
        SearchHit(
            register,
            row[0],
            f"{row[1]}/{row[2]}",
            tuple((c.name, row[i + 3]) for i, c in enumerate(columns)),
            found[row[0]].by_identity,
        )
        for row in rows
    ]


def global_search(ctx: OpContext, query: str, limit: int = 60) -> list[SearchHit]:
    """Entries matching every word of ``query`` (prefixes too), grouped by register in the
    registers' order, newest first within each. Roles that may see identity also find entries
    by a protected name or phone; such hits still show only the pseudonym, and the search is
    audited (without the query, which may itself be a name)."""
    require(ctx, "read_registers")
    with_identity = ctx.actor.role in ACTION_ROLES["reveal_identity"]
    with ctx.db.read() as session:
        index_hits = search_index(session, ctx.actor.station_id, query, limit, with_identity)
        hits = [h for register in REGISTERS for h in _describe(session, register, index_hits)]
    if any(h.by_identity for h in hits):
        with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
            tx.audit("search.identity", None, None, entries=sum(h.by_identity for h in hits))
    return hits
