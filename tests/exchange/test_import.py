"""Importing a station's spreadsheet register: a dry run writes nothing, every rejected row is
named with its row number and bilingual reasons, a confirmed import writes the valid new rows
in one transaction with its audit entry, and importing the same file again adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from msk_desktop.domain.errors import MskError, PermissionDenied
from msk_desktop.exchange.importing import describe, run_import
from msk_desktop.exchange.mapping import suggest_mapping
from msk_desktop.exchange.sheets import read_sheet
from msk_desktop.ops import exchange
from msk_desktop.ops.context import Role
from msk_desktop.ops.exchange import (
    IMPORT_KEYS,
    ImportResult,
    RowState,
    SourceRow,
    import_fields,
    import_rows,
)
from msk_desktop.store.models import (
    AuditEntry,
    Fir,
    FirSection,
    FirVictim,
    HelpdeskApplication,
    ProtectedIdentity,
)
from tests.data import make_samples
from tests.ops.conftest import SAMPLES as SAMPLES_OF_OPS
from tests.ops.conftest import (
    StationHandle,
    audit_after,
    detail_of,
    fields_of,
    has_devanagari,
    last_audit_seq,
    last_outbox_seq,
    outbox_after,
    rows,
)

# register, sample file, rows with errors (row -> field named in the reason), rows repeated
SAMPLES = [
    ("fir", "fir_register.xlsx", make_samples.FIR_BAD_ROWS, make_samples.FIR_REPEATED_ROWS),
    ("preventive_action", "preventive_actions.xlsx", make_samples.PREVENTIVE_BAD_ROWS, {}),
    ("awareness_programme", "awareness_programmes.xlsx", make_samples.AWARENESS_BAD_ROWS, {}),
    ("helpdesk_application", "helpdesk_applications.csv", make_samples.HELPDESK_BAD_ROWS, {}),
]
IDS = [s[0] for s in SAMPLES]


def _import(
    station: StationHandle, data: Path, register: str, name: str, *, commit: bool
) -> ImportResult:
    sheet = read_sheet(data / name)
    mapping = suggest_mapping(register, sheet.headers)
    return run_import(station.ctx, register, sheet, mapping, commit=commit, source=name)


def _states(result: ImportResult) -> dict[int, RowState]:
    return {r.number: r.state for r in result.rows}


@pytest.mark.parametrize(("register", "name", "bad", "repeated"), SAMPLES, ids=IDS)
def test_a_dry_run_reports_every_row_and_writes_nothing(
    station: StationHandle,
    data: Path,
    register: str,
    name: str,
    bad: dict[int, str],
    repeated: dict[int, int],
) -> None:
    before = station.counts()
    result = _import(station, data, register, name, commit=False)
    assert station.counts() == before  # not even an audit entry
    assert not result.committed
    data_rows = range(2, len(read_sheet(data / name).rows) + 2)
    expected = {
        n: RowState.ERROR if n in bad else RowState.DUPLICATE if n in repeated else RowState.NEW
        for n in data_rows
    }
    assert _states(result) == expected


@pytest.mark.parametrize(("register", "name", "bad", "repeated"), SAMPLES, ids=IDS)
def test_each_rejected_row_says_which_field_and_why_in_both_languages(
    station: StationHandle,
    data: Path,
    register: str,
    name: str,
    bad: dict[int, str],
    repeated: dict[int, int],
) -> None:
    labels = {f.name: f.label for f in import_fields(register)}
    result = _import(station, data, register, name, commit=False)
    by_row = {r.number: r for r in result.rows}
    for number, field in bad.items():
        reason = describe(by_row[number])
        assert reason.hi.startswith(labels[field].hi), (number, reason)
        assert reason.en.startswith(labels[field].en), (number, reason)
        assert has_devanagari(reason.hi)
    for number, earlier in repeated.items():
        assert f"row {earlier}" in describe(by_row[number]).en


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
def test_a_dry_run_reports_exactly_what_the_confirmed_import_then_does(
    station: StationHandle, data: Path, sample: tuple[str, str, dict[int, str], dict[int, int]]
) -> None:
    # The dry run makes no outbox ops: its report must not depend on them.
    register, name, bad, _repeated = sample
    dry = _import(station, data, register, name, commit=False)
    done = _import(station, data, register, name, commit=True)
    assert dry.rows == done.rows  # states, reasons, row numbers and serials alike
    assert done.count(RowState.NEW) > 0 and done.count(RowState.ERROR) == len(bad)


def test_every_imported_row_is_in_the_outbox_as_its_audit_entry_records_it(
    station: StationHandle, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exchange, "IMPORT_BATCH", 2)  # ops of several flushes, in order
    seq, audit_seq = last_outbox_seq(station.db), last_audit_seq(station.db)
    result = _import(station, data, "fir", "fir_register.xlsx", commit=True)
    ops = outbox_after(station.db, seq)
    (audit,) = [a for a in audit_after(station.db, audit_seq) if a.action == "import"]
    captured = detail_of(audit)["changes"]
    assert [
        {"table": op.table_name, "id": op.row_id, "op": op.operation, "new": fields_of(op)}
        for op in ops
    ] == captured
    firs = rows(station.db, Fir)
    written = {f.id for f in firs} | {s.id for s in rows(station.db, FirSection)}
    written |= {v.id for v in rows(station.db, FirVictim)}
    assert sorted(op.row_id for op in ops) == sorted(written)
    assert len(firs) == result.count(RowState.NEW)
    assert {(op.operation, op.state, op.base_version) for op in ops} == {("insert", "pending", 0)}
    assert len({op.op_id for op in ops}) == len(ops)
    hlcs = [op.hlc for op in ops]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    assert {op.user_id for op in ops} == {station.ctx.actor.user_id}


def test_the_reasons_are_the_forms_own_checks(station: StationHandle, data: Path) -> None:
    by_row = {
        r.number: r for r in _import(station, data, "fir", "fir_register.xlsx", commit=False).rows
    }
    assert "DD-MM-YYYY" in describe(by_row[8]).en  # 31-02-2025
    assert "BNS 999" in describe(by_row[9]).en
    assert "required" in describe(by_row[10]).en


def test_a_confirmed_import_writes_the_valid_rows_with_sections_and_victims(
    station: StationHandle, data: Path
) -> None:
    seq = last_audit_seq(station.db)
    result = _import(station, data, "fir", "fir_register.xlsx", commit=True)
    assert result.committed
    assert result.count(RowState.NEW) == 6
    firs = {f.crime_no: f for f in rows(station.db, Fir)}
    assert sorted(firs) == [201, 202, 203, 204, 205, 206]
    assert [r.serial for r in result.rows if r.state is RowState.NEW] == [
        f"{n}/2025" for n in range(1, 7)
    ]
    fir = firs[203]
    sections = rows(station.db, FirSection, FirSection.fir_id == fir.id)
    assert sorted(f"{s.law} {s.section}" for s in sections) == ["BNS 64", "POCSO 4"]
    assert fir.crime_head == "rape" and fir.penal_code == "BNS"
    (victim,) = rows(station.db, FirVictim, FirVictim.fir_id == fir.id)
    assert (victim.age, victim.gender, victim.pseudonym) == (15, "female", "पीड़िता-2025-0003")
    assert rows(station.db, ProtectedIdentity) == []  # the victim-name column was not imported
    (audit,) = [a for a in audit_after(station.db, seq) if a.action == "import"]
    detail = detail_of(audit)
    assert (detail["register"], detail["source"], detail["rows"]) == (
        "fir",
        "fir_register.xlsx",
        10,
    )
    assert (detail["written"], detail["present"], detail["rejected"]) == (6, 1, 3)


def test_importing_the_same_file_again_writes_nothing_new(
    station: StationHandle, data: Path
) -> None:
    for register, name, bad, _repeated in SAMPLES:
        first = _import(station, data, register, name, commit=True)
        counts = station.counts()
        again = _import(station, data, register, name, commit=True)
        after = station.counts()
        assert after.pop("audit_log") == counts.pop("audit_log") + 1  # the attempt is audited
        assert after == counts, register
        for number, state in _states(first).items():
            expected = RowState.ERROR if number in bad else RowState.PRESENT
            assert _states(again)[number] is expected, (register, number, state)
        assert again.count(RowState.NEW) == 0


def test_a_corrected_file_adds_only_the_corrected_rows(station: StationHandle) -> None:
    good = {"received_at": "01-08-2025 10:00", "category": "दहेज उत्पीड़न", "status": "लम्बित"}
    first = [
        SourceRow(2, good | {"summary": "Fake complaint one"}),
        SourceRow(3, good | {"summary": ""}),
    ]
    import_rows(station.ctx, "helpdesk_application", first, commit=True, source="a.csv")
    fixed = [first[0], SourceRow(3, good | {"summary": "Fake complaint two"})]
    result = import_rows(station.ctx, "helpdesk_application", fixed, commit=True, source="a.csv")
    assert _states(result) == {2: RowState.PRESENT, 3: RowState.NEW}
    applications = rows(station.db, HelpdeskApplication)
    assert sorted(a.summary for a in applications) == ["Fake complaint one", "Fake complaint two"]
    assert sorted(a.applicant_pseudonym for a in applications) == [
        "आवेदिका-2025-0001",
        "आवेदिका-2025-0002",
    ]


@pytest.mark.parametrize("register", sorted(set(IMPORT_KEYS) - {"fir"}))
def test_every_importable_register_imports_a_form_row_once(
    station: StationHandle, register: str
) -> None:
    row = [SourceRow(2, SAMPLES_OF_OPS[register])]
    first = import_rows(station.ctx, register, row, commit=True, source="x")
    again = import_rows(station.ctx, register, row, commit=True, source="x")
    assert (_states(first), _states(again)) == ({2: RowState.NEW}, {2: RowState.PRESENT})


def test_the_natural_key_ignores_case_and_spacing(station: StationHandle) -> None:
    row: dict[str, object] = {"held_on": "01-08-2025", "place": "Fake  School", "kind": "other"}
    row |= {"audience": "mixed", "people_reached": 10}
    import_rows(station.ctx, "awareness_programme", [SourceRow(2, row)], commit=True, source="x")
    again = SourceRow(2, row | {"place": " fake school "})
    result = import_rows(station.ctx, "awareness_programme", [again], commit=True, source="x")
    assert _states(result) == {2: RowState.PRESENT}


@pytest.mark.parametrize("role", [Role.HELPDESK, Role.CIRCLE_OFFICER])
def test_only_roles_that_write_the_register_may_import_it(
    station: StationHandle, data: Path, role: Role
) -> None:
    sheet = read_sheet(data / "fir_register.xlsx")
    mapping = suggest_mapping("fir", sheet.headers)
    before = station.counts()
    with pytest.raises(PermissionDenied):
        run_import(station.as_role(role), "fir", sheet, mapping, commit=False, source="f")
    assert station.counts() == before


def test_a_register_without_a_natural_key_cannot_be_imported(station: StationHandle) -> None:
    with pytest.raises(MskError) as caught:
        import_rows(station.ctx, "counselling_case", [], commit=False, source="x")
    assert "cannot be imported" in caught.value.message.en


def test_validation_messages_are_bilingual(station: StationHandle, data: Path) -> None:
    result = _import(
        station, data, "helpdesk_application", "helpdesk_applications.csv", commit=False
    )
    for outcome in result.rows:
        if outcome.state is RowState.ERROR:
            for message in outcome.messages:
                assert has_devanagari(message.hi) and message.hi != message.en


def test_audit_entries_of_imports_never_hold_cell_values_of_rejected_rows(
    station: StationHandle, data: Path
) -> None:
    seq = last_audit_seq(station.db)
    _import(station, data, "helpdesk_application", "helpdesk_applications.csv", commit=True)
    text = " ".join(a.detail for a in audit_after(station.db, seq))
    assert "नमूना शिकायत: गलत तिथि" not in text  # row 5 was rejected, so it is nowhere
    with station.db.read() as session:
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.seq > seq)))
    assert actions == ["import"]
