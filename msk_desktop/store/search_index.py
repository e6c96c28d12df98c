"""Full-text search over every register (FTS5), kept current inside each write transaction.

SQLite's default tokenizer splits Devanagari words at vowel signs (category Mc/Mn), so "महिला"
would become "मह" + "ल"; the tokenizer below keeps marks inside tokens. A document is one
register entry: its text, the labels of its coded values in Hindi and English, and what its
children add (an FIR's sections, victim pseudonyms, accused). Identity (names of victims,
complainants, applicants) goes to a separate index that only roles allowed to see identity
may query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from msk_desktop.domain.catalogue import HEAD_TITLES, SectionRef, offence_catalogue
from msk_desktop.domain.fields import Kind
from msk_desktop.domain.forms import FORMS_BY_TABLE
from msk_desktop.store.base import RegisterEntry
from msk_desktop.store.change_capture import RowChange
from msk_desktop.store.migrate import SEARCH_PREFIX
from msk_desktop.store.models import (
    CounsellingSession,
    Fir,
    FirAccused,
    FirMilestone,
    FirSection,
    FirVictim,
    FollowUp,
    InspectionDirection,
    ProtectedIdentity,
    StaffDeploymentMember,
)

TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
ENTRY_INDEX = f"{SEARCH_PREFIX}entry"  # the prefix keeps autogenerate off them
IDENTITY_INDEX = f"{SEARCH_PREFIX}identity"
# Text the ops derive (not typed in a form) that people search by.
DERIVED_TEXT = ("pseudonym", "applicant_pseudonym", "parties_label")
CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {ENTRY_INDEX} USING fts5("
    f"register UNINDEXED, entry_id UNINDEXED, station_id UNINDEXED, body, "
    f'tokenize="{TOKENIZER}")',
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {IDENTITY_INDEX} USING fts5("
    f"register UNINDEXED, entry_id UNINDEXED, station_id UNINDEXED, identity_id UNINDEXED, "
    f'body, tokenize="{TOKENIZER}")',
)
DROP_STATEMENTS = tuple(f"DROP TABLE IF EXISTS {t}" for t in (ENTRY_INDEX, IDENTITY_INDEX))


def register_models() -> dict[str, type[RegisterEntry]]:
    return {m.__tablename__: m for m in _subclasses(RegisterEntry)}


def _subclasses(cls: type[RegisterEntry]) -> Iterable[type[RegisterEntry]]:
    for sub in cls.__subclasses__():
        if hasattr(sub, "__table__"):
            yield sub
        yield from _subclasses(sub)


def _labels(table: str, row: Any) -> list[str]:
    """Searchable words of one row: its text values and its coded values in both languages."""
    words: list[str] = []
    for spec in FORMS_BY_TABLE.get(table, ()):
        value = getattr(row, spec.name, None)
        if value is None or value == "":
            continue
        if spec.kind is Kind.CHOICE:
            words += [f"{c.label.hi} {c.label.en}" for c in spec.choices if c.code == value]
        elif spec.kind is Kind.TEXT:
            words.append(str(value))
    words += [str(getattr(row, name)) for name in DERIVED_TEXT if getattr(row, name, None)]
    return words


def _fir_words(session: Session, firs: list[Fir]) -> dict[str, list[str]]:
    """What an FIR's parts add to its document, for many FIRs in one query per part."""
    ids = [f.id for f in firs]
    words: dict[str, list[str]] = {f.id: [] for f in firs}
    for fir in firs:
        title = HEAD_TITLES.get(fir.crime_head)
        words[fir.id] += [fir.crime_head, f"{fir.crime_no}/{fir.crime_year}"]
        words[fir.id] += [title.hi, title.en] if title else []
    catalogue = offence_catalogue()
    for fir_id, law, section in session.execute(
        select(FirSection.fir_id, FirSection.law, FirSection.section).where(
            FirSection.fir_id.in_(ids), FirSection.deleted_at.is_(None)
        )
    ):
        found = catalogue.get(SectionRef(law, section))
        words[fir_id] += [f"{law} {section}", *((found.title_hi, found.title_en) if found else ())]
    for victim in session.scalars(
        select(FirVictim).where(FirVictim.fir_id.in_(ids), FirVictim.deleted_at.is_(None))
    ):
        words[victim.fir_id] += _labels(FirVictim.__tablename__, victim)
    for accused in session.scalars(
        select(FirAccused).where(FirAccused.fir_id.in_(ids), FirAccused.deleted_at.is_(None))
    ):
        words[accused.fir_id] += _labels(FirAccused.__tablename__, accused)
    return words


def scope_token(kind: str, value: str) -> str:
    """A word no one types ("zregfir", "zst01a2…") that puts a document in its register and
    station, so the index itself narrows a search instead of reading each match's columns."""
    return f"z{kind}" + "".join(ch for ch in value.lower() if ch.isalnum())


def _documents(session: Session, entries: list[RegisterEntry]) -> list[str]:
    firs = [e for e in entries if isinstance(e, Fir)]
    extra = _fir_words(session, firs) if firs else {}
    return [
        " ".join(
            [
                scope_token("reg", e.__tablename__),
                scope_token("st", e.station_id),
                f"{e.serial_no}/{e.serial_year}",
                *_labels(e.__tablename__, e),
                *extra.get(e.id, []),
            ]
        )
        for e in entries
    ]


# A document's FTS rowid is its entry's own rowid with the register's number above it, so a
# save finds the old document by rowid at once: FTS5 cannot index its UNINDEXED columns, and
# deleting "WHERE entry_id = ?" read the whole index (800 ms a save at 100,000 FIRs). The
# numbers follow the sorted table names; a new register comes with a migration, and every
# migration rebuilds the index (StationDatabase._open_with_key). The app never runs VACUUM,
# which may renumber the rowids of tables without an integer key; whatever runs it must call
# rebuild_search_index after.
REGISTER_BITS = 40


def _register_number(table: str) -> int:
    return sorted(register_models()).index(table) + 1


def document_rowid_base(table: str) -> int:
    """What a document's FTS rowid adds to its entry's rowid (the register's number)."""
    return _register_number(table) << REGISTER_BITS


def _document_rowids(session: Session, table: str, entry_ids: list[str]) -> dict[str, int]:
    """entry id -> the FTS rowid of its document (soft-deleted entries included)."""
    high = document_rowid_base(table)
    found = session.execute(
        text(f"SELECT id, rowid FROM {table} WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": entry_ids},
    )
    return {entry_id: high | rowid for entry_id, rowid in found}


def _insert_documents(session: Session, table: str, entries: list[RegisterEntry]) -> None:
    if not entries:
        return
    rowids = _document_rowids(session, table, [e.id for e in entries])
    session.execute(
        text(
            f"INSERT INTO {ENTRY_INDEX} (rowid, register, entry_id, station_id, body) "
            "VALUES (:rowid, :register, :id, :station, :body)"
        ),
        [
            {
                "rowid": rowids[e.id],
                "register": table,
                "id": e.id,
                "station": e.station_id,
                "body": body,
            }
            for e, body in zip(entries, _documents(session, entries), strict=True)
        ],
    )


# Child rows whose change alters their parent's document: table -> (parent table, parent column)
_PARENT_OF: dict[str, tuple[str | None, str]] = {
    FirSection.__tablename__: ("fir", "fir_id"),
    FirVictim.__tablename__: ("fir", "fir_id"),
    FirAccused.__tablename__: ("fir", "fir_id"),
    FirMilestone.__tablename__: ("fir", "fir_id"),
    CounsellingSession.__tablename__: ("counselling_case", "case_id"),
    InspectionDirection.__tablename__: ("inspection_entry", "entry_id"),
    StaffDeploymentMember.__tablename__: ("staff_deployment", "deployment_id"),
    FollowUp.__tablename__: (None, "parent_id"),  # parent table is in the row
}


@dataclass(frozen=True)
class _Target:
    register: str
    entry_id: str


def _targets(session: Session, changes: Iterable[RowChange]) -> tuple[set[_Target], set[str]]:
    entries: set[_Target] = set()
    identities: set[str] = set()
    registers = register_models()
    children: dict[str, list[str]] = {}
    for change in changes:
        if change.table in registers:
            entries.add(_Target(change.table, change.row_id))
        elif change.table == ProtectedIdentity.__tablename__:
            identities.add(change.row_id)
        elif change.table in _PARENT_OF:
            children.setdefault(change.table, []).append(change.row_id)
    # Children's parents a batch per query: a bulk import changes thousands of them.
    for table, ids in children.items():
        parent_table, column = _PARENT_OF[table]
        model = _child_model(table)
        for chunk in _chunks(ids):
            for row in session.scalars(select(model).where(model.id.in_(chunk))):
                parent = parent_table or getattr(row, "parent_table", None)
                if parent in registers:
                    entries.add(_Target(parent, getattr(row, column)))
    return entries, identities


INDEX_BATCH = 500


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), INDEX_BATCH):
        yield ids[start : start + INDEX_BATCH]


def _child_model(table: str) -> Any:
    for model in (
        FirSection,
        FirVictim,
        FirAccused,
        FirMilestone,
        CounsellingSession,
        InspectionDirection,
        StaffDeploymentMember,
        FollowUp,
    ):
        if model.__tablename__ == table:
            return model
    raise KeyError(table)


def _reindex_entries(session: Session, register: str, entry_ids: list[str]) -> None:
    model = register_models()[register]
    delete = text(f"DELETE FROM {ENTRY_INDEX} WHERE rowid IN :rowids").bindparams(
        bindparam("rowids", expanding=True)
    )
    for chunk in _chunks(entry_ids):
        rowids = list(_document_rowids(session, register, chunk).values())
        if rowids:
            session.execute(delete, {"rowids": rowids})
        live = session.scalars(
            select(model).where(model.id.in_(chunk), model.deleted_at.is_(None))
        ).all()
        _insert_documents(session, register, list(live))


def _owner_entry(session: Session, identity: ProtectedIdentity) -> _Target | None:
    if identity.owner_table == FirVictim.__tablename__:
        victim = session.get(FirVictim, identity.owner_id)
        return _Target("fir", victim.fir_id) if victim else None
    if identity.owner_table in register_models():
        return _Target(identity.owner_table, identity.owner_id)
    return None


def _reindex_identity(session: Session, identity_id: str) -> None:
    # The identity's own rowid is its document's rowid (one table): found at once.
    rowid = session.execute(
        text(f"SELECT rowid FROM {ProtectedIdentity.__tablename__} WHERE id = :id"),
        {"id": identity_id},
    ).scalar()
    if rowid is None:
        return
    session.execute(text(f"DELETE FROM {IDENTITY_INDEX} WHERE rowid = :rowid"), {"rowid": rowid})
    identity = session.get(ProtectedIdentity, identity_id)
    if identity is None or identity.deleted_at is not None:
        return
    owner = _owner_entry(session, identity)
    if owner is None:
        return
    body = " ".join(
        str(v)
        for v in (
            identity.name,
            identity.parentage,
            identity.address,
            identity.phone,
            identity.school,
        )
        if v
    )
    session.execute(
        text(
            f"INSERT INTO {IDENTITY_INDEX} "
            "(rowid, register, entry_id, station_id, identity_id, body) "
            "VALUES (:rowid, :register, :entry, :station, :id, :body)"
        ),
        {
            "rowid": rowid,
            "register": owner.register,
            "entry": owner.entry_id,
            "station": identity.station_id,
            "id": identity.id,
            "body": body,
        },
    )


def update_search_index(session: Session, changes: Iterable[RowChange]) -> None:
    """Bring the documents of every entry touched by ``changes`` up to date (same transaction)."""
    entries, identities = _targets(session, changes)
    by_register: dict[str, list[str]] = {}
    for target in entries:
        by_register.setdefault(target.register, []).append(target.entry_id)
    for register, entry_ids in by_register.items():
        _reindex_entries(session, register, entry_ids)
    for identity_id in identities:
        _reindex_identity(session, identity_id)


REBUILD_BATCH = 2000


def rebuild_search_index(session: Session) -> int:
    """Index everything again (after the migration that made the index, or a bulk import),
    in batches: one query per part per batch, not per entry."""
    session.execute(text(f"DELETE FROM {ENTRY_INDEX}"))
    session.execute(text(f"DELETE FROM {IDENTITY_INDEX}"))
    count = 0
    for table, model in register_models().items():
        last = ""
        while True:
            batch = list(
                session.scalars(
                    select(model)
                    .where(model.deleted_at.is_(None), model.id > last)
                    .order_by(model.id)
                    .limit(REBUILD_BATCH)
                )
            )
            if not batch:
                break
            _insert_documents(session, table, batch)
            count += len(batch)
            last = batch[-1].id
            session.expunge_all()  # keep memory flat on a 100,000-entry station
    for identity_id in session.scalars(
        select(ProtectedIdentity.id).where(ProtectedIdentity.deleted_at.is_(None))
    ):
        _reindex_identity(session, identity_id)
    return count
