"""Hypothesis drives the main ops with random and hostile input: every call ends in a clear,
bilingual ValidationError that wrote nothing, or in a correct save (one audit entry, the rows
it should add). Never another exception, never part of a write.

Inputs are a valid sample with some fields replaced by hostile values (the strategies of
``test_validation``: very long texts, control characters, mixed scripts, SQL-like text, dates
far in the past and future, wrong types) and some fields dropped. ``test_validation`` fuzzes
the help desk and preventive-action forms with hand-built dictionaries; this module covers
every register generically and the other ops. The cases run are counted per op and printed at
the end of the module (``FUZZ_CASES``) so the count can be reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msk_desktop.domain import forms
from msk_desktop.domain.errors import NotFound, ValidationError
from msk_desktop.ops.context import Role
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.fir import add_accused, add_milestone, add_victim, register_fir
from msk_desktop.ops.follow_ups import add_counselling_session, add_follow_up
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.station import add_user
from msk_desktop.ops.users import disable_user, reset_password
from msk_desktop.store.base import Base
from msk_desktop.store.database import StationDatabase
from tests.ops.conftest import (
    FAST_KDF,
    FIR_VALUES,
    SAMPLES,
    StationHandle,
    assert_bilingual,
)
from tests.ops.test_validation import HOSTILE_TEXTS, anything, texts

EXAMPLES = 30  # per op; the whole module stays well under a minute on two cores
FUZZ_CASES: Counter[str] = Counter()
OUTCOMES: Counter[str] = Counter()
FUZZED_REGISTERS = sorted(r for r in REGISTERS if r != "fir")  # an FIR: register_fir below
OPS_FUZZED = len(FUZZED_REGISTERS) + 12
MINIMUM_TOTAL = OPS_FUZZED * EXAMPLES


def count_rows(db: StationDatabase) -> dict[str, int]:
    """Rows of every table in one statement (the fixture helper's per-table queries would
    take most of each case's time)."""
    names = [t.name for t in Base.metadata.sorted_tables]
    query = "SELECT " + ", ".join(f'(SELECT count(*) FROM "{n}")' for n in names)
    with db.engine.connect() as conn:
        return dict(zip(names, conn.exec_driver_sql(query).one(), strict=True))


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    total = sum(FUZZ_CASES.values())
    lines = [f"  {name}: {count}" for name, count in sorted(FUZZ_CASES.items())]
    summary = (
        f"fuzz_ops: {total} hypothesis cases "
        f"({OUTCOMES['saved']} saved, {OUTCOMES['refused']} refused)"
    )
    # Past the output capture, so the count shows in every run's output (-q included).
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    assert capture is not None
    with capture.global_and_fixture_disabled():
        print("\n" + "\n".join((summary, *lines)))


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)


def mutated(base: Mapping[str, Any], names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """``base`` with up to four fields (or an unknown one) set to hostile values, and up to
    two fields dropped; the known fields often keep a value that may well be valid (a text
    field getting a mixed-script text), so that saves are exercised too, not only refusals."""
    known = st.sampled_from(names)
    changes = st.one_of(
        st.lists(st.tuples(known, texts), max_size=2),
        st.lists(
            st.tuples(st.sampled_from([*names, "'; DROP TABLE fir;--", "unknown"]), anything),
            max_size=4,
        ),
    )
    drops = st.sets(st.sampled_from(sorted(base)), max_size=2) if base else st.just(set())
    return st.tuples(changes, st.one_of(st.just(set()), drops)).map(
        lambda cd: {k: v for k, v in base.items() if k not in cd[1]} | dict(cd[0])
    )


def _attempt(
    world: StationHandle,
    op_name: str,
    call: Callable[[], object],
    added: dict[str, int],
    *,
    not_found_ok: bool = False,
) -> str:
    """One case: a refusal leaves the database and the key slots exactly as they were; a
    save adds one audit entry and the rows ``added`` names."""
    FUZZ_CASES[op_name] += 1
    before = count_rows(world.db)
    slots = world.layout.keyslots.read_bytes()
    try:
        call()
    except ValidationError as refused:
        assert_bilingual(refused)
        assert count_rows(world.db) == before, f"{op_name} refused but wrote"
        assert world.layout.keyslots.read_bytes() == slots
        OUTCOMES["refused"] += 1
        return "refused"
    except NotFound:
        assert not_found_ok, f"{op_name}: NotFound for an entry that exists"
        assert count_rows(world.db) == before
        OUTCOMES["refused"] += 1
        return "refused"
    after = count_rows(world.db)
    assert after["audit_log"] == before["audit_log"] + 1, op_name
    for table, count in added.items():
        assert after[table] == before[table] + count, (op_name, table)
    assert "fir" in after and "audit_log" in after  # no hostile text dropped a table
    OUTCOMES["saved"] += 1
    return "saved"


# ---- every register's entry form -----------------------------------------------------------


@pytest.mark.parametrize("register", FUZZED_REGISTERS)
def test_create_entry_of_every_register(world: StationHandle, register: str) -> None:
    base = SAMPLES[register]
    names = [f.name for f in REGISTERS[register].form]

    @FUZZ
    @given(values=mutated(base, names))
    def check(values: dict[str, Any]) -> None:
        _attempt(
            world,
            f"create_entry.{register}",
            lambda: create_entry(world.ctx, register, values),
            {register: 1},
        )

    check()
    assert FUZZ_CASES[f"create_entry.{register}"] >= EXAMPLES


# ---- the FIR and its parts -------------------------------------------------------------------

_crime_numbers = iter(range(7000, 100000))
section_lists = st.lists(
    st.one_of(
        st.sampled_from(["BNS 74", "BNS 85", "BNS 64", "IPC 354", "POCSO 8", "BNS 999"]),
        texts,
    ),
    max_size=4,
)
people = st.lists(
    st.one_of(
        mutated({"age": 24, "gender": "female"}, ["age", "gender", "identity"]),
        st.fixed_dictionaries(
            {
                "gender": st.just("female"),
                "identity": mutated({"name": "Fake Person"}, ["name", "phone", "address"]),
            }
        ),
    ),
    max_size=3,
)


def test_register_fir(world: StationHandle) -> None:
    @FUZZ
    @given(
        values=mutated(FIR_VALUES, [f.name for f in REGISTERS["fir"].form]),
        sections=section_lists,
        victims=people,
    )
    def check(values: dict[str, Any], sections: list[Any], victims: list[Any]) -> None:
        values = {"crime_no": next(_crime_numbers)} | values
        _attempt(
            world,
            "register_fir",
            lambda: register_fir(world.ctx, values, sections, victims),
            {"fir": 1},
        )

    check()
    assert FUZZ_CASES["register_fir"] >= EXAMPLES


@pytest.mark.parametrize(
    ("op_name", "base", "form", "table"),
    [
        (
            "add_victim",
            {"age": 30, "gender": "female"},
            forms.FIR_VICTIM + forms.IDENTITY,
            "fir_victim",
        ),
        ("add_accused", {"named": False, "status": "at_large"}, forms.FIR_ACCUSED, "fir_accused"),
        (
            "add_milestone",
            {"kind": "medical_exam", "happened_at": "2025-06-10 18:00"},
            forms.FIR_MILESTONE,
            "fir_milestone",
        ),
    ],
)
def test_fir_parts(
    world: StationHandle,
    op_name: str,
    base: dict[str, Any],
    form: tuple[Any, ...],
    table: str,
) -> None:
    op = {"add_victim": add_victim, "add_accused": add_accused, "add_milestone": add_milestone}[
        op_name
    ]

    @FUZZ
    @given(values=mutated(base, [f.name for f in form]))
    def check(values: dict[str, Any]) -> None:
        _attempt(world, op_name, lambda: op(world.ctx, world.ids["fir"], values), {table: 1})

    check()
    assert FUZZ_CASES[op_name] >= EXAMPLES


# ---- follow-ups and counselling sessions -------------------------------------------------------


@pytest.mark.parametrize(
    "register", ["helpdesk_application", "ppk_referral", "support_referral", "preventive_action"]
)
def test_follow_ups(world: StationHandle, register: str) -> None:
    base = {"kind": "follow_up", "done_on": "2025-07-01", "note": "फोन पर बात हुई"}

    @FUZZ
    @given(values=mutated(base, [f.name for f in forms.FOLLOW_UP]))
    def check(values: dict[str, Any]) -> None:
        _attempt(
            world,
            f"add_follow_up.{register}",
            lambda: add_follow_up(world.ctx, register, world.ids[register], values),
            {"follow_up": 1},
        )

    check()
    assert FUZZ_CASES[f"add_follow_up.{register}"] >= EXAMPLES


def test_counselling_sessions(world: StationHandle) -> None:
    base = {"held_on": "2025-06-04", "note": "सत्र हुआ"}

    @FUZZ
    @given(values=mutated(base, [f.name for f in forms.COUNSELLING_SESSION]))
    def check(values: dict[str, Any]) -> None:
        _attempt(
            world,
            "add_counselling_session",
            lambda: add_counselling_session(world.ctx, world.ids["counselling_case"], values),
            {"counselling_session": 1},
        )

    check()
    assert FUZZ_CASES["add_counselling_session"] >= EXAMPLES


# ---- accounts --------------------------------------------------------------------------------

usernames = st.one_of(
    st.from_regex(r"[a-z][a-z0-9._]{2,20}", fullmatch=True), texts, st.sampled_from(HOSTILE_TEXTS)
)
passwords = st.one_of(st.text(min_size=10, max_size=40), texts, st.sampled_from(HOSTILE_TEXTS))
roles = st.one_of(st.sampled_from(list(Role)), st.sampled_from(["superuser", "", "in_charge "]))


def test_add_user(world: StationHandle) -> None:
    @FUZZ
    @given(username=usernames, full_name=texts, role=roles, password=passwords)
    def check(username: str, full_name: str, role: Any, password: str) -> None:
        outcome = _attempt(
            world,
            "add_user",
            lambda: add_user(world.ctx, username, full_name, role, password, FAST_KDF),
            {"app_user": 1},
        )
        if role not in set(Role):
            assert outcome == "refused", role

    check()
    assert FUZZ_CASES["add_user"] >= EXAMPLES


def test_reset_password(world: StationHandle) -> None:
    target = world.users[Role.HELPDESK].id

    @FUZZ
    @given(password=passwords)
    def check(password: str) -> None:
        _attempt(
            world,
            "reset_password",
            lambda: reset_password(world.ctx, target, password, FAST_KDF),
            {},
        )

    check()
    assert FUZZ_CASES["reset_password"] >= EXAMPLES


def test_disable_user_with_hostile_ids(world: StationHandle) -> None:
    @FUZZ
    @given(user_id=st.one_of(texts, st.uuids().map(str)))
    def check(user_id: str) -> None:
        _attempt(
            world,
            "disable_user",
            lambda: disable_user(world.ctx, user_id),
            {},
            not_found_ok=True,
        )

    check()
    assert FUZZ_CASES["disable_user"] >= EXAMPLES


def test_zz_every_op_was_fuzzed() -> None:
    """Last in the module: the total the lead reports (skipped when a subset was selected)."""
    if len(FUZZ_CASES) < OPS_FUZZED:
        pytest.skip("only part of the fuzz module ran")
    assert sum(FUZZ_CASES.values()) >= MINIMUM_TOTAL
    assert OUTCOMES["saved"] > 0 and OUTCOMES["refused"] > 0
