"""Fixtures of the ops tests: a real encrypted station database per test, users of every role,
a fixed clock, sample entries of every register, and helpers that read the database back.

Every test gets its own copy of a station set up once per session with ``setup_station`` (and,
for ``world``, filled through the ops themselves), so each test still runs against a real
SQLCipher file of its own in ``tmp_path`` without paying for the schema migration every time.
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import func, select

from msk_desktop.domain.errors import ValidationError
from msk_desktop.domain.fields import IST, Kind
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import Actor, OpContext, Role
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.inspection import record_inspection
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.rosters import add_roster_slot
from msk_desktop.ops.station import add_user, login, setup_station
from msk_desktop.store import migrate
from msk_desktop.store.base import Base
from msk_desktop.store.database import Author, StationDatabase
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import (
    AppUser,
    AuditEntry,
    FirAccused,
    FirVictim,
    InspectionDirection,
    Station,
    SyncOutbox,
)

FAST_KDF = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)

# "Now" for every op: a Monday in 2026, so 2025 and 2026 entries are both in the past.
NOW = datetime(2026, 3, 16, 12, 0, tzinfo=IST)
TODAY = NOW.date()

STATION_VALUES = {
    "code": "LKO-MSK-01",
    "name_hi": "परीक्षण थाना",
    "name_en": "Test Thana",
    "district": "Lucknow",
    "circle": "Test Circle",
}

ROLES = (Role.IN_CHARGE, Role.SUB_INSPECTOR, Role.HELPDESK, Role.CIRCLE_OFFICER)


@dataclass(frozen=True)
class Account:
    username: str
    full_name: str
    password: str


ACCOUNTS: dict[Role, Account] = {
    Role.IN_CHARGE: Account("incharge", "Kalpana Incharge", "incharge-pass-1"),
    Role.SUB_INSPECTOR: Account("si.verma", "Sushma Verma", "si-verma-pass-1"),
    Role.HELPDESK: Account("hd_constable", "Anita Helpdesk", "helpdesk-pass-1"),
    Role.CIRCLE_OFFICER: Account("co.circle", "Rakesh Circle", "circle-pass-1"),
}

# Identity strings of the world's FIR: they may sit in protected_identity and the outbox only.
VICTIM_NAME = "Zubaida Qwertyuiop"
VICTIM_PARENTAGE = "Father Asdfghjkl"
VICTIM_ADDRESS = "House 77, Zxcvbnm Lane"
VICTIM_PHONE = "9876501234"
COMPLAINANT_NAME = "Complainant Mnbvcxz"
IDENTITY_STRINGS = (VICTIM_NAME, VICTIM_PARENTAGE, VICTIM_ADDRESS, VICTIM_PHONE, COMPLAINANT_NAME)


def fixed_clock() -> datetime:
    return NOW


# ---- sample input of every register ------------------------------------------------------

FIR_VALUES: dict[str, Any] = {
    "crime_no": 101,
    "crime_year": 2025,
    "registered_at": "2025-06-10 10:00",
    "offence_date": "2025-06-09",
    "status": "under_investigation",
    "io_name": "SI Test IO",
}

SAMPLES: dict[str, dict[str, Any]] = {
    "fir": FIR_VALUES,
    "preventive_action": {
        "person_name": "Ramesh Testperson",
        "action_code": "bond_peace",
        "action_on": "2025-05-01",
        "status": "active",
        "bond_months": 6,
    },
    "helpdesk_application": {
        "received_at": "2025-06-01 11:00",
        "category": "dowry",
        "summary": "दहेज हेतु उत्पीड़न की शिकायत",
        "status": "pending",
    },
    "counselling_case": {"opened_on": "2025-06-03", "case_kind": "matrimonial", "status": "open"},
    "ppk_referral": {
        "referred_on": "2025-06-05",
        "ppk_centre": "परिवार परामर्श केन्द्र, लखनऊ",
        "reason": "पति-पत्नी विवाद",
        "status": "referred",
    },
    "support_referral": {
        "referred_on": "2025-06-06",
        "service": "osc",
        "service_asked": "अस्थायी आश्रय",
        "status": "referred",
    },
    "staff_deployment": {
        "deployed_on": "2025-06-07",
        "purpose": "medical_exam",
        "place": "जिला महिला चिकित्सालय",
    },
    "awareness_programme": {
        "held_on": "2025-06-08",
        "place": "राजकीय बालिका इण्टर कॉलेज",
        "kind": "cyber_safety",
        "audience": "students",
        "people_reached": 120,
    },
    "staff_member": {
        "name": "Constable Test Sharma",
        "rank": "constable",
        "gender": "female",
        "posted_on": "2025-01-10",
    },
    "inspection_entry": {
        "visited_on": "2025-06-09",
        "officer_name": "CO Test Circle",
        "officer_rank": "Deputy SP",
        "observations": "रजिस्टर अद्यावधिक पाए गए",
    },
}

# A text field of each register that an edit can change, and a new value for it.
EDIT_FIELD: dict[str, tuple[str, str]] = {
    "fir": ("io_name", "SI Changed IO"),
    "preventive_action": ("ordered_by", "SDM Sadar"),
    "helpdesk_application": ("assigned_to", "HC Meena"),
    "counselling_case": ("counsellor", "Counsellor Rekha"),
    "ppk_referral": ("ppk_centre", "PPK Mohanlalganj"),
    "support_referral": ("result_note", "आश्रय दिया गया"),
    "staff_deployment": ("remarks", "समय से पहुँची"),
    "awareness_programme": ("staff_names", "HC Meena, C Rekha"),
    "staff_member": ("mobile", "9000000001"),
    "inspection_entry": ("observations", "changed"),
}


def sample(register: str, **changes: Any) -> dict[str, Any]:
    return SAMPLES[register] | changes


def in_year(register: str, year: int, **changes: Any) -> dict[str, Any]:
    """The register's sample dated 14 Feb of ``year`` (in the past of ``NOW`` for 2025 and
    2026), by the date that numbers it."""
    spec = REGISTERS[register]
    kind = spec.field(spec.year_field).kind
    day = f"{year}-02-14 10:00" if kind is Kind.DATETIME else f"{year}-02-14"
    values = sample(register, **{spec.year_field: day})
    if register == "fir":
        values |= {"crime_year": year, "offence_date": f"{year}-02-13"}
    return values | changes


_crime_numbers = itertools.count(500)


def make_entry(ctx: OpContext, register: str, year: int = 2025, **changes: Any) -> OpResult:
    """A valid new entry of any register (an FIR through ``register_fir``) dated in ``year``."""
    if register == "fir":
        changes.setdefault("crime_no", next(_crime_numbers))
        return new_fir(ctx, **in_year("fir", year, **changes))
    return create_entry(ctx, register, in_year(register, year, **changes))


def new_fir(
    ctx: OpContext,
    *,
    sections: tuple[str, ...] = ("BNS 74",),
    victims: tuple[Mapping[str, Any], ...] = ({"age": 24, "gender": "female"},),
    accused: tuple[Mapping[str, Any], ...] = (),
    complainant: Mapping[str, Any] | None = None,
    **values: Any,
) -> OpResult:
    """Register an FIR from the sample values with ``values`` changed."""
    return register_fir(ctx, FIR_VALUES | values, list(sections), victims, accused, complainant)


# ---- reading the database back -----------------------------------------------------------

Row = TypeVar("Row")


def count_rows(db: StationDatabase) -> dict[str, int]:
    """Rows in every table of the station database (audit log and outbox included)."""
    with db.read() as session:
        return {
            table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def get_row(db: StationDatabase, model: type[Row], row_id: Any) -> Row:
    with db.read() as session:
        row = session.get(model, row_id)
        assert row is not None, f"no {model.__name__} {row_id}"
        session.expunge(row)
        return row


def rows(db: StationDatabase, model: type[Row], *where: Any) -> list[Row]:
    with db.read() as session:
        found = list(session.scalars(select(model).where(*where)).all())
        session.expunge_all()
        return found


def last_outbox_seq(db: StationDatabase) -> int:
    with db.read() as session:
        return session.execute(
            select(func.coalesce(func.max(SyncOutbox.local_seq), 0))
        ).scalar_one()


def last_audit_seq(db: StationDatabase) -> int:
    with db.read() as session:
        return session.execute(select(func.coalesce(func.max(AuditEntry.seq), 0))).scalar_one()


def outbox_after(db: StationDatabase, seq: int) -> list[SyncOutbox]:
    return sorted(rows(db, SyncOutbox, SyncOutbox.local_seq > seq), key=lambda r: r.local_seq)


def audit_after(db: StationDatabase, seq: int) -> list[AuditEntry]:
    return sorted(rows(db, AuditEntry, AuditEntry.seq > seq), key=lambda r: r.seq)


def detail_of(entry: AuditEntry) -> dict[str, Any]:
    detail = json.loads(entry.detail)
    assert isinstance(detail, dict)
    return detail


def fields_of(op: SyncOutbox) -> dict[str, Any]:
    fields = json.loads(op.fields)
    assert isinstance(fields, dict)
    return fields


def has_devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


def assert_bilingual(error: ValidationError) -> None:
    for field_error in error.errors:
        assert field_error.message.hi.strip(), field_error
        assert field_error.message.en.strip(), field_error
        assert has_devanagari(field_error.message.hi), field_error
        # English words, not the Hindi text again (echoed input may be in any script).
        assert field_error.message.en != field_error.message.hi, field_error
        assert any(ch.isascii() and ch.isalpha() for ch in field_error.message.en), field_error


# ---- stations ----------------------------------------------------------------------------


@dataclass
class StationHandle:
    """One test's station: its files, the in-charge's logged-in context, and the ids of the
    entries the template put there."""

    layout: DataLayout
    ctx: OpContext
    users: dict[Role, AppUser]
    ids: dict[str, str] = field(default_factory=dict)
    _opened: list[StationDatabase] = field(default_factory=list)

    @property
    def db(self) -> StationDatabase:
        return self.ctx.db

    @property
    def station_id(self) -> str:
        return self.ctx.actor.station_id

    def as_role(self, role: Role) -> OpContext:
        """A context for the role's user on the same open database, with the fixed clock."""
        user = self.users[role]
        actor = Actor(user.id, user.username, user.full_name, Role(user.role), user.station_id)
        return OpContext(self.db, actor, clock=fixed_clock)

    def login(self, role: Role) -> OpContext:
        """A real login of the role's user (a second connection pool on the same file)."""
        account = ACCOUNTS[role]
        ctx = login(self.layout, account.username, account.password)
        ctx.clock = fixed_clock
        self._opened.append(ctx.db)
        return ctx

    def counts(self) -> dict[str, int]:
        return count_rows(self.db)

    def other_station(self) -> OpContext:
        """A second station in the same file (as after a district pull) and its in-charge."""
        with self.db.write(Author(None, "test")) as tx:
            other = Station(
                code="LKO-MSK-02",
                name_hi="दूसरा थाना",
                name_en="Other Thana",
                district="Lucknow",
                circle="Test Circle",
            )
            tx.session.add(other)
            tx.session.flush()
            tx.audit("station.setup", "station", other.id, code=other.code)
        user = self.users[Role.IN_CHARGE]
        actor = Actor(user.id, "other.incharge", "Other Incharge", Role.IN_CHARGE, other.id)
        return OpContext(self.db, actor, clock=fixed_clock)

    def close(self) -> None:
        for db in self._opened:
            db.close()
        self.db.close()


def _users(db: StationDatabase) -> dict[Role, AppUser]:
    found = {Role(u.role): u for u in rows(db, AppUser)}
    assert set(found) == set(ROLES)
    return found


def build_blank(root: Path) -> dict[str, str]:
    """A station with one user of each role; nothing in its registers."""
    layout = DataLayout(root)
    account = ACCOUNTS[Role.IN_CHARGE]
    ctx, _recovery = setup_station(
        layout, STATION_VALUES, account.username, account.full_name, account.password, FAST_KDF
    )
    ctx.clock = fixed_clock
    for role in ROLES[1:]:
        other = ACCOUNTS[role]
        add_user(ctx, other.username, other.full_name, role, other.password, FAST_KDF)
    ctx.db.close()
    # A login now makes the day's backup, so the copies of this template need none.
    login(layout, account.username, account.password).db.close()
    return {}


def build_world(root: Path) -> dict[str, str]:
    """The blank station with one entry of every register, made through the ops."""
    build_blank(root)
    layout = DataLayout(root)
    account = ACCOUNTS[Role.IN_CHARGE]
    ctx = login(layout, account.username, account.password)
    ctx.clock = fixed_clock
    ids: dict[str, str] = {}
    for name in ("staff_member", "staff_member_2"):
        values = sample("staff_member", name=f"Constable {name}")
        ids[name] = create_entry(ctx, "staff_member", values).entity_id
    fir = new_fir(
        ctx,
        sections=("BNS 85",),
        victims=(
            {
                "age": 26,
                "gender": "female",
                "identity": {
                    "name": VICTIM_NAME,
                    "parentage": VICTIM_PARENTAGE,
                    "address": VICTIM_ADDRESS,
                    "phone": VICTIM_PHONE,
                },
            },
        ),
        accused=({"named": True, "name": "Accused Husband", "status": "at_large"},),
        complainant={"name": COMPLAINANT_NAME},
    )
    ids["fir"] = fir.entity_id
    with ctx.db.read() as session:
        ids["victim"] = session.scalars(
            select(FirVictim.id).where(FirVictim.fir_id == fir.entity_id)
        ).one()
        ids["accused"] = session.scalars(
            select(FirAccused.id).where(FirAccused.fir_id == fir.entity_id)
        ).one()
    for register in REGISTERS:
        if register in ("fir", "staff_member", "inspection_entry"):
            continue
        ids[register] = create_entry(ctx, register, SAMPLES[register]).entity_id
    inspection = record_inspection(
        ctx, SAMPLES["inspection_entry"], [{"direction": "पीपीके सन्दर्भ अद्यावधिक करें"}]
    )
    ids["inspection_entry"] = inspection.entity_id
    with ctx.db.read() as session:
        ids["direction"] = session.scalars(
            select(InspectionDirection.id).where(
                InspectionDirection.entry_id == inspection.entity_id
            )
        ).one()
    ids["roster_slot"] = add_roster_slot(
        ctx,
        {
            "roster": "help_desk",
            "duty_on": "2025-06-02",
            "starts_at": "08:00",
            "ends_at": "14:00",
            "place": "महिला हेल्प डेस्क",
        },
        [ids["staff_member"]],
    ).entity_id
    ctx.db.close()
    return ids


Builder = Callable[[Path], dict[str, str]]


@dataclass
class Template:
    root: Path
    ids: dict[str, str]


class Templates:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.made: dict[str, Template] = {}

    def get(self, name: str, builder: Builder) -> Template:
        if name not in self.made:
            root = self.base / name
            self.made[name] = Template(root, builder(root))
        return self.made[name]


@pytest.fixture(scope="package", autouse=True)
def _schema_head_read_once() -> Iterator[None]:
    """Alembic re-reads and compiles the migration scripts each time a database is opened
    (~25 ms); the head cannot change while these tests run, so they read it once (undone
    after this package, so no other test sees it)."""
    head = migrate.head_revision()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrate, "head_revision", lambda: head)
        yield


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("station-templates"))


def _open_copy(template: Template, tmp_path: Path) -> StationHandle:
    root = tmp_path / "station"
    shutil.copytree(template.root, root)
    layout = DataLayout(root)
    account = ACCOUNTS[Role.IN_CHARGE]
    ctx = login(layout, account.username, account.password)
    ctx.clock = fixed_clock
    return StationHandle(layout, ctx, _users(ctx.db), dict(template.ids))


@pytest.fixture
def station(templates: Templates, tmp_path: Path) -> Iterator[StationHandle]:
    """A station with a user of every role and empty registers; ``ctx`` is the in-charge."""
    handle = _open_copy(templates.get("blank", build_blank), tmp_path)
    yield handle
    handle.close()


@pytest.fixture
def world(templates: Templates, tmp_path: Path) -> Iterator[StationHandle]:
    """A station with one entry of every register (ids in ``world.ids``)."""
    handle = _open_copy(templates.get("world", build_world), tmp_path)
    yield handle
    handle.close()
