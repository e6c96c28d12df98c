"""Register data in and out of the station: the rows an export may hold (and its audit entry),
and importing a station's existing spreadsheet register.

An import is one transaction for the whole file: either every new row is saved, with its serial
number, outbox ops and one audit entry, or (a power cut, a full disk) none is, so a half-read
file never leaves half a register behind, and the rule is the same for 20 rows or 20,000.
Rows that fail validation are skipped and reported; because rows already in the register are
recognised by their natural key (``IMPORT_KEYS``), the corrected file can simply be imported
again. A dry run is the very same import rolled back (less its outbox ops and audit diff,
which its report never reads), so its preview can never disagree with what a confirmed import
does. Each row goes through the entry forms' own ops (``validated`` /
``check_fir_input``, ``insert_entry`` / ``insert_fir``); only the flushing is batched.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from msk_desktop.domain import forms
from msk_desktop.domain.errors import FieldError, Message, MskError, ValidationError
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.ops.browse import Browse, page_of_entries, table_columns
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import insert_entry, validated
from msk_desktop.ops.fir import check_fir_input, insert_fir
from msk_desktop.ops.permissions import require, require_write
from msk_desktop.ops.registers import register
from msk_desktop.store.database import Transaction
from msk_desktop.store.models import SerialCounter

# ---- export --------------------------------------------------------------------------------

# View columns an export leaves out although the register view shows them: the place of an
# offence is often the victim's home, which identifies her as surely as her name (Nipun Saxena
# v. Union of India, 2018); the printed ledger leaves it out for the same reason.
NOT_EXPORTED: dict[str, frozenset[str]] = {"fir": frozenset({"place"})}

EXPORT_PAGE = 2000


def export_columns(register_name: str) -> tuple[FieldSpec, ...]:
    """The register view's columns that may leave the station (never victim identity: that
    lives only in protected_identity, which no register view reads)."""
    hidden = NOT_EXPORTED.get(register_name, frozenset())
    return tuple(c for c in table_columns(register_name) if c.name not in hidden)


def export_rows(ctx: OpContext, browse: Browse) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """The view's rows (its filter and sort) as ("serial/year", values of ``export_columns``),
    read page by page."""
    require(ctx, "export")
    shown = [c.name for c in table_columns(browse.register)]
    wanted = [shown.index(c.name) for c in export_columns(browse.register)]
    offset = 0
    while True:
        page = page_of_entries(ctx, browse, offset, EXPORT_PAGE)
        for row in page:
            values = row[3:]
            yield f"{row[1]}/{row[2]}", tuple(values[i] for i in wanted)
        if len(page) < EXPORT_PAGE:
            return
        offset += len(page)


def record_export(ctx: OpContext, register_name: str, rows: int, file_format: str) -> None:
    """The audit entry of an export: register, rows and format (never the password)."""
    require(ctx, "export")
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        tx.audit(
            "export", register_name, None, register=register_name, rows=rows, format=file_format
        )


# ---- import --------------------------------------------------------------------------------

# What makes a spreadsheet row "the same entry" as one already in the register. Chosen per
# register from what a paper register always holds and never changes later (not a status):
IMPORT_KEYS: dict[str, tuple[str, ...]] = {
    # The police station's own crime number and year: unique per station by law.
    "fir": ("crime_no", "crime_year"),
    # The applicant's identity is not imported (it would need protected_identity), so the
    # minute of receipt and the complaint's words stand for her application.
    "helpdesk_application": ("received_at", "summary"),
    "preventive_action": ("person_name", "action_code", "action_on"),
    "awareness_programme": ("held_on", "place", "kind"),
    "ppk_referral": ("referred_on", "ppk_centre", "reason"),
    "support_referral": ("referred_on", "service", "service_asked"),
    "staff_member": ("name", "posted_on"),
}
# Not importable: counselling cases (no natural key without the parties' identity), women
# staff deployments (each names the staff sent, chosen from the staff register) and the
# inspection book (each entry is signed by the inspecting officer's own account).

# Columns of an FIR row besides its form: what a new FIR needs (as in the New FIR form).
FIR_EXTRA = forms.NEW_FIR_EXTRA
FIR_EXTRA_FIELDS = frozenset(f.name for f in FIR_EXTRA)


def import_fields(register_name: str) -> tuple[FieldSpec, ...]:
    """What a spreadsheet column can be imported as: the form's fields, without links to
    other entries (ids, which a paper register does not have), and an FIR's extras."""
    form = tuple(f for f in register(register_name).form if f.kind is not Kind.REF)
    return form + FIR_EXTRA if register_name == "fir" else form


IMPORT_BATCH = 500


class RowState(StrEnum):
    NEW = "new"  # valid and not in the register: written by a confirmed import
    PRESENT = "present"  # already in the register (same natural key): skipped
    DUPLICATE = "duplicate"  # the same entry as an earlier row of this file: skipped
    ERROR = "error"  # rejected by validation: skipped


@dataclass(frozen=True)
class SourceRow:
    number: int  # the row number the user sees in the spreadsheet
    values: Mapping[str, Any]  # field name -> raw cell value


@dataclass(frozen=True)
class RowOutcome:
    number: int
    state: RowState
    messages: tuple[Message, ...] = ()
    serial: str | None = None  # "12/2025" of the entry written (or to be written)


@dataclass(frozen=True)
class ImportResult:
    register: str
    committed: bool
    rows: tuple[RowOutcome, ...]

    def count(self, state: RowState) -> int:
        return sum(1 for r in self.rows if r.state is state)

    def announcement(self) -> OpResult:
        """What open views refresh after a confirmed import. The caller announces it on the
        UI thread: a long import runs on a worker thread, and views must not reload there."""
        return OpResult("", frozenset({self.register} if self.count(RowState.NEW) else ()))


def _normal(value: Any) -> Any:
    """A key part as compared: texts by their words, ignoring case; times in UTC."""
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return value


def _existing_keys(session: Session, ctx: OpContext, register_name: str) -> set[tuple[Any, ...]]:
    model = register(register_name).model
    columns = [getattr(model, name) for name in IMPORT_KEYS[register_name]]
    rows = session.execute(
        select(*columns).where(model.station_id == ctx.actor.station_id, model.deleted_at.is_(None))
    )
    return {tuple(_normal(v) for v in row) for row in rows}


class _AlreadyThere(Exception):
    def __init__(self, state: RowState, message: Message) -> None:
        super().__init__(message.en)
        self.state, self.message = state, message


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


def _fir_sections(values: Mapping[str, Any]) -> list[str]:
    # Spreadsheets separate sections with a semicolon as often as with a comma.
    return forms.split_sections(str(values.get("sections") or "").replace(";", ","))


class _Importer:
    """Validates, de-duplicates and inserts one register's rows inside the import's
    transaction, with the same checks (and the same ops) as the entry forms."""

    def __init__(self, ctx: OpContext, tx: Transaction, register_name: str) -> None:
        self.ctx, self.tx, self.register = ctx, tx, register_name
        self.key_fields = IMPORT_KEYS[register_name]
        self.known = _existing_keys(tx.session, ctx, register_name)
        self.seen: dict[tuple[Any, ...], int] = {}
        self.labels = {f.name: f.label for f in import_fields(register_name)}
        # The session holds clean rows weakly: without these references every row would read
        # its register's serial counter from the database again.
        self._counters: list[SerialCounter] = []
        self._new_counter = False
        for name in ("pending_to_persistent", "loaded_as_persistent"):
            event.listen(tx.session, name, self._keep_counter)
        event.listen(tx.session, "transient_to_pending", self._note_new_counter)
        self._unflushed = 0

    def _keep_counter(self, _session: Session, row: object) -> None:
        if isinstance(row, SerialCounter):
            self._counters.append(row)

    def _note_new_counter(self, _session: Session, row: object) -> None:
        self._new_counter = self._new_counter or isinstance(row, SerialCounter)

    def rows(self, rows: Sequence[SourceRow]) -> tuple[RowOutcome, ...]:
        """Every row's outcome. Rows are flushed a batch at a time (the unit of work then
        writes each table with one statement), and at once after a row that started a new
        serial counter, so the next row finds that counter instead of making another."""
        outcomes = []
        with self.tx.session.no_autoflush:
            for source in rows:
                outcomes.append(self.row(source))
                self._unflushed += 1
                if self._new_counter or self._unflushed >= IMPORT_BATCH:
                    self.tx.session.flush()
                    self._new_counter, self._unflushed = False, 0
        return tuple(outcomes)

    def row(self, row: SourceRow) -> RowOutcome:
        try:
            serial = self._insert(row)
        except ValidationError as exc:
            messages = tuple(self._labelled(e) for e in exc.errors)
            return RowOutcome(row.number, RowState.ERROR, messages)
        except _AlreadyThere as exc:
            return RowOutcome(row.number, exc.state, (exc.message,))
        return RowOutcome(row.number, RowState.NEW, serial=serial)

    def _insert(self, row: SourceRow) -> str:
        """Raises ValidationError or _AlreadyThere before anything of the row is added."""
        if self.register != "fir":
            cleaned = validated(self.ctx, self.register, row.values)
            key = self._new_key(cleaned)
            serial = insert_entry(self.ctx, self.tx, self.register, cleaned)[1]
        else:
            fir = {k: v for k, v in row.values.items() if k not in FIR_EXTRA_FIELDS}
            sections = _fir_sections(row.values)
            if not sections:
                raise ValidationError([FieldError("sections", Message("आवश्यक है", "is required"))])
            victim = {
                "age": row.values.get("victim_age"),
                "gender": row.values.get("victim_gender"),
            }
            checked = check_fir_input(self.ctx, fir, sections, [victim])
            key = self._new_key(checked.fir)
            serial = insert_fir(self.ctx, self.tx, checked)[1]
        self.seen[key] = row.number
        return serial

    def _new_key(self, cleaned: Mapping[str, Any]) -> tuple[Any, ...]:
        key = tuple(_normal(cleaned.get(name)) for name in self.key_fields)
        if key in self.known:
            raise _AlreadyThere(
                RowState.PRESENT,
                Message("रजिस्टर में पहले से दर्ज है", "already present in the register"),
            )
        if key in self.seen:
            earlier = self.seen[key]
            raise _AlreadyThere(
                RowState.DUPLICATE,
                Message(f"पंक्ति {earlier} वाली प्रविष्टि ही है", f"the same entry as row {earlier}"),
            )
        return key

    def _labelled(self, error: FieldError) -> Message:
        """The error with its column's label in front, unless the cleaner already put it
        there (a cross-field rule names only the other field: "required when disposed")."""
        name = error.field.replace("victims[0].", "victim_")
        spec = self.labels.get(name)
        if spec is None or error.message.hi.startswith(spec.hi):
            return error.message
        return Message(f"{spec.hi}: {error.message.hi}", f"{spec.en}: {error.message.en}")


def import_rows(
    ctx: OpContext,
    register_name: str,
    rows: Sequence[SourceRow],
    *,
    commit: bool,
    source: str,
) -> ImportResult:
    """Import ``rows`` into the register: with ``commit`` False a dry run (everything checked,
    nothing kept), with ``commit`` True one transaction that writes every new valid row.
    ``source`` (the file's name) goes in the audit entry."""
    require_write(ctx, register_name)
    if register_name not in IMPORT_KEYS:
        title = register(register_name).title
        raise MskError(
            Message(
                f"{title.hi} में आयात की सुविधा नहीं है।",
                f"The {title.en} cannot be imported.",
            )
        )
    try:
        with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
            # A dry run's outbox ops and audit diffs would be rolled back unread (as its search
            # documents, made only at commit): it skips them, nothing else.
            tx.capture.record = commit
            importer = _Importer(ctx, tx, register_name)
            result = ImportResult(register_name, commit, importer.rows(rows))
            if not commit:
                raise _DryRun(result)
            first = next((r.serial for r in result.rows if r.state is RowState.NEW), None)
            tx.audit(
                "import",
                register_name,
                None,
                register=register_name,
                source=source,
                rows=len(rows),
                written=result.count(RowState.NEW),
                present=result.count(RowState.PRESENT) + result.count(RowState.DUPLICATE),
                rejected=result.count(RowState.ERROR),
                first_serial=first,
            )
    except _DryRun as dry:
        return dry.result
    return result
