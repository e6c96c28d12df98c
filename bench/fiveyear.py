"""The busy station of PERFORMANCE.md (five years of a busy urban station) and files holding many
of them (a circle officer's laptop, the district's replica), written with SQLAlchemy Core.

Every value is one the app itself would write: coded values from the domain's lists, the crime
head and identity rule the FIR op derives from the sections, pseudonyms as the ops number them,
bond expiry as the preventive hook derives it, serial counters past the last number. Names and
places come from the demo's made-up lists (msk_desktop/demo/names.py: "डेमो …", "(काल्पनिक)").
The data is a pure function of the seed (ids aside).

A file of many stations is one station generated this way and then copied in SQL, once per
further station, with every id remapped (a prefix of the station's own in place of the first
eight characters), the search index copied with it: generating 50 stations in Python would take
50 times as long for rows that differ only in their ids.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, insert, text

from msk_desktop.demo import names
from msk_desktop.demo.desk import CATEGORY_WEIGHTS
from msk_desktop.demo.duties import PREVENTIVE_KINDS
from msk_desktop.demo.firs import BULK, KINDS
from msk_desktop.domain import bonds, law
from msk_desktop.domain.catalogue import SectionRef, offence_catalogue, preventive_action_catalogue
from msk_desktop.domain.dates import IST
from msk_desktop.domain.law import BNS_COMMENCEMENT
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.station import setup_station
from msk_desktop.store.base import Base, SyncedRow, SyncState
from msk_desktop.store.clock import HybridClock
from msk_desktop.store.ids import new_id
from msk_desktop.store.jsonvalue import to_json_value
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import (
    CounsellingCase,
    CounsellingSession,
    DutyRosterAssignment,
    DutyRosterSlot,
    Fir,
    FirAccused,
    FirMilestone,
    FirSection,
    FirVictim,
    FollowUp,
    HelpdeskApplication,
    PpkReferral,
    PreventiveAction,
    ProtectedIdentity,
    SerialCounter,
    StaffMember,
    Station,
    SyncOutbox,
)
from msk_desktop.store.search_index import (
    ENTRY_INDEX,
    IDENTITY_INDEX,
    REGISTER_BITS,
    _register_number,
    register_models,
    scope_token,
)

PASSWORD = "bench-password-1"
USERNAME = "bench.incharge"
END = date(2025, 11, 20)
START = date(2020, 11, 21)  # five years
ROSTER_START = date(2022, 11, 21)  # three years of daily rosters
ROSTER_START_DAYS = (END - ROSTER_START).days
BATCH = 5000
# PERFORMANCE.md's busy station over five years.
FIRS, PREVENTIVE, HELPDESK, COUNSELLING = 3_000, 5_000, 20_000, 5_000
PPK_SHARE = 0.2  # of the counselling/PPK entries, referrals to the family counselling centre
CIRCLES = 8
DISTRICT = names.bilingual("डेमो जनपद", "Demo District")
SIXTY_DAY_MILESTONES = ("victim_statement", "medical_exam", "magistrate_statement")
DESK_SHIFTS = ((time(8), time(14)), (time(14), time(20)), (time(20), time(8)))
ROMEO_SLOTS = ((time(7, 30), time(9)), (time(13, 30), time(15)))
STAFF = 24


def station_values(number: int, circle: int) -> dict[str, str]:
    return {
        "code": f"DEMO-{number:02d}",
        "name_hi": f"डेमो थाना {number:02d} ({names.FICTIONAL})",
        "name_en": f"Demo Thana {number:02d} (synthetic)",
        "district": DISTRICT,
        "circle": names.bilingual(f"डेमो सर्किल {circle}", f"Demo Circle {circle}"),
    }


@cache
def _classified(sections: tuple[str, ...], minor: bool) -> tuple[str, str]:
    """(crime head, identity rule), as the FIR op derives them."""
    refs = [SectionRef.parse(s) for s in sections]
    catalogue = offence_catalogue()
    return law.primary_head(refs, catalogue), law.identity_rule_for(refs, catalogue, minor)


class _Rows:
    """Rows by table for one station, each with the columns every synced row carries."""

    def __init__(self, station_id: str, seed: int, scale: float) -> None:
        self.station_id, self.scale = station_id, scale
        self.rng = random.Random(seed)
        self.now = datetime(2025, 11, 20, 6, 30, tzinfo=UTC)
        self.tables: dict[str, list[dict[str, Any]]] = {}
        self.serials: dict[tuple[str, int], int] = {}

    def add(self, table: str, **values: Any) -> str:
        row_id = new_id()
        self.tables.setdefault(table, []).append(
            {
                "id": row_id,
                "station_id": self.station_id,
                "version": 0,
                "sync_state": SyncState.SYNCED,
                "created_at": self.now,
                "updated_at": self.now,
                **values,
            }
        )
        return row_id

    def entry(self, table: str, day: date, **values: Any) -> tuple[str, int]:
        """A register entry numbered in its year, as insert_entry numbers it."""
        number = self.next_serial(table, day.year)
        return self.add(
            table, serial_year=day.year, serial_no=number, serial_confirmed=True, **values
        ), number

    def scaled(self, count: float) -> int:
        return max(1, round(count * self.scale))

    def next_serial(self, counter: str, year: int) -> int:
        self.serials[(counter, year)] = self.serials.get((counter, year), 0) + 1
        return self.serials[(counter, year)]

    def day(self, first: date = START, last: date = END) -> date:
        return first + timedelta(days=self.rng.randrange((last - first).days + 1))

    def moment(self, day: date, first_hour: int = 9, last_hour: int = 19) -> datetime:
        hour = self.rng.randint(first_hour, last_hour)
        return datetime.combine(day, time(hour, self.rng.randrange(60)), IST).astimezone(UTC)

    def chance(self, share: float) -> bool:
        return self.rng.random() < share


def _staff(rows: _Rows) -> list[tuple[str, str, str]]:
    """(id, name, rank) of the station's staff, all posted before the rosters start."""
    ranks = ["inspector", "sub_inspector", "sub_inspector", "sub_inspector"]
    ranks += ["head_constable"] * 6 + ["constable"] * 10 + ["home_guard"] * 3 + ["counsellor"]
    staff = []
    for i, rank in enumerate(ranks[:STAFF]):
        women, men = names.WOMEN_STAFF, names.MEN_STAFF
        female = i % 3 != 2
        first = women[i % len(women)] if female else men[i % len(men)]
        name = names.staff_name(f"{first[0]} {i + 1}", f"{first[1]} {i + 1}")
        posted = rows.day(date(2020, 6, 1), ROSTER_START)
        staff_id, _ = rows.entry(
            "staff_member",
            posted,
            name=name,
            rank=rank,
            gender="female" if female else "male",
            is_in_charge=i == 0,
            police_no=f"DEMO-{i + 1:03d}",
            posted_on=posted,
            igot_certificate_no=f"iGOT-DEMO-{i + 1:04d}",
            igot_certified_on=posted + timedelta(days=20),
        )
        staff.append((staff_id, name, rank))
    return staff


def _firs(rows: _Rows, officers: list[tuple[str, str, str]]) -> list[tuple[str, date]]:
    kinds = list(BULK)
    weights = [BULK[k] for k in kinds]
    days = sorted(rows.day() for _ in range(rows.scaled(FIRS)))
    crime_no: dict[int, int] = {}
    made = []
    for day in days:
        kind_name = rows.rng.choices(kinds, weights)[0]
        kind = KINDS[kind_name]
        offence = day - timedelta(days=rows.rng.randint(0, 3))
        sections = kind.ipc if offence < BNS_COMMENCEMENT else kind.bns
        ages = [rows.rng.randint(*kind.ages) for _ in range(2 if rows.chance(0.08) else 1)]
        head, rule = _classified(sections, any(law.is_minor(a) for a in ages))
        age = (END - day).days
        done_day = rows.rng.randint(*kind.done_days)
        if kind.sixty_day:
            done_day = rows.rng.randint(15, 58)
        done = day + timedelta(days=done_day) if done_day < age else None
        final = done is not None and rows.chance(kind.final_report_share)
        crime_no[day.year] = crime_no.get(day.year, 0) + rows.rng.randint(1, 4)
        _, io_name, io_rank = rows.rng.choice(officers)
        values: dict[str, Any] = {
            "crime_no": crime_no[day.year],
            "crime_year": day.year,
            "registered_at": rows.moment(day),
            "offence_date": offence,
            "penal_code": law.penal_code_for(offence),
            "crime_head": head,
            "identity_rule": rule,
            "place": names.village(rows.rng.randint(1, 24)),
            "complainant_relation": kind.complainant,
            "io_name": io_name,
            "io_rank": io_rank,
            "status": "under_investigation",
            "on_itsso_portal": kind.sixty_day,
        }
        if done is not None and final:
            values |= {"status": "final_report", "final_report_no": f"FR {done_day}/{done.year}"}
            values["final_report_on"] = done
        elif done is not None:
            values |= {"status": "chargesheeted", "chargesheet_no": f"CS {done_day}/{done.year}"}
            values["chargesheet_on"] = done
        fir_id, _ = rows.entry("fir", day, **values)
        made.append((fir_id, day))
        for ordinal, section in enumerate(sections):
            ref = SectionRef.parse(section)
            rows.add(
                "fir_section", fir_id=fir_id, law=ref.law, section=ref.section, ordinal=ordinal
            )
        for victim_age in ages:
            number = rows.next_serial("victim", day.year)
            victim_id = rows.add(
                "fir_victim",
                fir_id=fir_id,
                pseudonym=f"पीड़िता-{day.year}-{number:04d}",
                age=victim_age,
                gender="female",
            )
            rows.add(
                "protected_identity",
                owner_table="fir_victim",
                owner_id=victim_id,
                person_role="victim",
                name=names.victim_name(number),
                parentage=names.victim_parentage(number),
                address=names.address(rows.rng.randint(1, 24)),
            )
        arrested = day + timedelta(days=rows.rng.randint(0, 12))
        rows.add(
            "fir_accused",
            fir_id=fir_id,
            named=True,
            name=names.accused_name(rows.rng.randint(1, 9999)),
            gender="male",
            age=rows.rng.randint(19, 45),
            arrested_on=arrested if arrested <= END else None,
            status="arrested" if arrested <= END else "at_large",
        )
        start = values["registered_at"]
        kinds_done = ["victim_statement"]
        if kind.medical:
            kinds_done += ["medical_exam", "medical_report_forwarded"]
        if kind.sixty_day or kind.kidnapping:
            kinds_done.append("magistrate_statement")
        if arrested <= END:
            kinds_done.append("arrest")
        kinds_done.append("victim_update")
        for step, milestone in enumerate(kinds_done):
            happened = start + timedelta(hours=6 + 30 * step)
            if happened.date() <= END:
                rows.add("fir_milestone", fir_id=fir_id, kind=milestone, happened_at=happened)
    return made


def _preventive(rows: _Rows, firs: list[tuple[str, date]]) -> None:
    codes = list(PREVENTIVE_KINDS)
    weights = [PREVENTIVE_KINDS[c][0] for c in codes]
    catalogue = preventive_action_catalogue()
    for day in sorted(rows.day() for _ in range(rows.scaled(PREVENTIVE))):
        code = rows.rng.choices(codes, weights)[0]
        periods = PREVENTIVE_KINDS[code][1]
        months = rows.rng.choice(periods) if periods else None
        expires = bonds.bond_expiry(catalogue.require(code), day, months)
        status = "expired" if expires is not None and expires < END else "active"
        if expires is None:
            status = "closed" if (END - day).days > 180 else "active"
        n = rows.rng.randint(1, 9999)
        fir_id = rows.rng.choice(firs)[0] if rows.chance(0.1) else None
        rows.entry(
            "preventive_action",
            day,
            person_name=names.person_name(n),
            person_parentage=names.person_parentage(n),
            person_address=names.address(rows.rng.randint(1, 24)),
            person_age=rows.rng.randint(19, 55),
            fir_id=fir_id,
            action_code=code,
            action_on=day,
            ordered_by=names.MAGISTRATE,
            bond_amount=rows.rng.choice((10_000, 20_000, 50_000)) if months else None,
            bond_months=months,
            expires_on=expires,
            status=status,
        )


def _helpdesk(rows: _Rows, desk: list[str]) -> list[tuple[str, date]]:
    categories = list(CATEGORY_WEIGHTS)
    weights = [CATEGORY_WEIGHTS[c] for c in categories]
    made = []
    for day in sorted(rows.day() for _ in range(rows.scaled(HELPDESK))):
        category = rows.rng.choices(categories, weights)[0]
        age = (END - day).days
        follow_ups = [day + timedelta(days=7 * (i + 1)) for i in range(rows.rng.randint(1, 3))]
        follow_ups = [d for d in follow_ups if d <= END]
        disposed = day + timedelta(days=rows.rng.randint(3, 40))
        closed = disposed <= END and age > 14
        status = rows.rng.choice(("disposed", "disposed", "referred")) if closed else "pending"
        application_id, number = rows.entry(
            "helpdesk_application",
            day,
            received_at=rows.moment(day, 8, 20),
            applicant_pseudonym="",  # numbered below, as insert_entry numbers it
            category=category,
            summary=names.pick(names.ACTIONS_TAKEN, rows.rng.randrange(8)),
            assigned_to=rows.rng.choice(desk),
            action_taken=names.pick(names.ACTIONS_TAKEN, rows.rng.randrange(8)) if closed else None,
            status=status,
            disposed_on=disposed if closed else None,
            next_follow_up_on=(follow_ups[-1] if follow_ups else day) + timedelta(days=7)
            if not closed
            else None,
        )
        row = rows.tables["helpdesk_application"][-1]
        row["applicant_pseudonym"] = f"आवेदिका-{day.year}-{number:04d}"
        for i, done_on in enumerate(follow_ups):
            rows.add(
                "follow_up",
                parent_table="helpdesk_application",
                parent_id=application_id,
                kind="victim_update" if i == len(follow_ups) - 1 and closed else "follow_up",
                done_on=done_on,
                note=names.pick(names.FOLLOW_UP_NOTES, i),
            )
        made.append((application_id, day))
    return made


def _counselling(rows: _Rows, applications: list[tuple[str, date]], counsellor: str) -> None:
    ppk = rows.scaled(COUNSELLING * PPK_SHARE)
    for day in sorted(rows.day() for _ in range(rows.scaled(COUNSELLING) - ppk)):
        closed_on = day + timedelta(days=rows.rng.randint(7, 60))
        closed = closed_on <= END
        kind = rows.rng.choice(("matrimonial", "matrimonial", "elopement", "other"))
        case_id, number = rows.entry(
            "counselling_case",
            day,
            opened_on=day,
            case_kind=kind,
            parties_label="",
            helpdesk_application_id=rows.rng.choice(applications)[0] if rows.chance(0.3) else None,
            counsellor=counsellor,
            status="closed" if closed else "open",
            outcome=rows.rng.choice(("reconciled", "referred_ppk", "other")) if closed else None,
            closed_on=closed_on if closed else None,
        )
        rows.tables["counselling_case"][-1]["parties_label"] = f"पक्ष-{day.year}-{number:04d}"
        for i in range(rows.rng.randint(1, 3)):
            held = day + timedelta(days=7 * i)
            if held <= END:
                rows.add(
                    "counselling_session",
                    case_id=case_id,
                    held_on=held,
                    counsellor=counsellor,
                    attended=names.pick(names.ATTENDED, i),
                    note=names.pick(names.SESSION_NOTES, i),
                )
    for day in sorted(rows.day() for _ in range(ppk)):
        closed = (END - day).days > 90
        rows.entry(
            "ppk_referral",
            day,
            referred_on=day,
            ppk_centre=names.PPK_CENTRE,
            reason=names.pick(names.PPK_REASONS, rows.rng.randrange(6)),
            status="closed" if closed else "in_progress",
            outcome=rows.rng.choice(("reconciled", "settled", "other")) if closed else None,
            outcome_on=day + timedelta(days=rows.rng.randint(20, 80)) if closed else None,
            next_follow_up_on=None if closed else day + timedelta(days=15),
        )


def _rosters(rows: _Rows, staff: list[tuple[str, str, str]]) -> None:
    """Every day of three years: three help desk shifts, two anti-Romeo slots, one beat."""
    women = [s[0] for s in staff if s[2] in ("head_constable", "constable", "home_guard")]
    day = max(ROSTER_START, END - timedelta(days=rows.scaled(ROSTER_START_DAYS)))
    while day <= END:
        slots: list[tuple[dict[str, Any], int]] = [
            ({"roster": "help_desk", "starts_at": a, "ends_at": b, "place": names.HELP_DESK}, 1)
            for a, b in DESK_SHIFTS
        ]
        for n, (a, b) in enumerate(ROMEO_SLOTS):
            hotspot = names.HOTSPOTS[(day.toordinal() + n) % len(names.HOTSPOTS)]
            place = names.bilingual(*hotspot)
            slots.append(
                ({"roster": "anti_romeo", "starts_at": a, "ends_at": b, "place": place}, 2)
            )
        beat, villages = names.BEATS[day.toordinal() % len(names.BEATS)]
        slots.append(
            (
                {
                    "roster": "women_beat",
                    "starts_at": time(10),
                    "ends_at": time(14),
                    "place": names.bilingual(*beat),
                    "area": ", ".join(names.village(v) for v in villages),
                },
                1,
            )
        )
        for values, people in slots:
            slot_id = rows.add("duty_roster_slot", duty_on=day, **values)
            for staff_id in rows.rng.sample(women, people):
                rows.add("duty_roster_assignment", slot_id=slot_id, staff_id=staff_id)
        day += timedelta(days=1)


def station_rows(station_id: str, seed: int, scale: float = 1.0) -> _Rows:
    """Every row of one five-year station, by table, in the order they must be written;
    ``scale`` multiplies the entries (1.0: PERFORMANCE.md's busy station; less for smoke runs)."""
    rows = _Rows(station_id, seed, scale)
    staff = _staff(rows)
    officers = [s for s in staff if s[2] in ("inspector", "sub_inspector")]
    firs = _firs(rows, officers)
    _preventive(rows, firs)
    desk = [s[1] for s in staff if s[2] in ("head_constable", "constable")]
    applications = _helpdesk(rows, desk)
    counsellor = next(s[1] for s in staff if s[2] == "counsellor")
    _counselling(rows, applications, counsellor)
    _rosters(rows, staff)
    return rows


# Written parents first, so every foreign key names a row already there.
ORDER = (
    StaffMember,
    Fir,
    FirSection,
    FirVictim,
    ProtectedIdentity,
    FirAccused,
    FirMilestone,
    PreventiveAction,
    HelpdeskApplication,
    FollowUp,
    CounsellingCase,
    CounsellingSession,
    PpkReferral,
    DutyRosterSlot,
    DutyRosterAssignment,
)


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def write_rows(conn: Connection, rows: _Rows, outbox_limit: int = 0) -> int:
    """Insert every row; with ``outbox_limit``, the first that many rows (parents first) also
    as pending outbox ops, as change capture writes them, and marked dirty. Returns the ops."""
    clock = HybridClock(rows.station_id)
    ops = 0
    for model in ORDER:
        data = rows.tables.get(model.__tablename__, [])
        columns = set().union(*data)
        for row in data:  # one executemany needs the same columns in every row
            row.update((name, None) for name in columns - row.keys())
        outbox = []
        for row in data:
            if ops >= outbox_limit:
                break
            row["sync_state"] = SyncState.DIRTY
            outbox.append(insert_op(model, row, clock))
            ops += 1
        for start in range(0, len(data), BATCH):
            conn.execute(insert(_table(model)), data[start : start + BATCH])
        for start in range(0, len(outbox), BATCH):
            conn.execute(insert(_table(SyncOutbox)), outbox[start : start + BATCH])
    conn.execute(
        insert(_table(SerialCounter)),
        [
            {"station_id": rows.station_id, "register": counter, "year": year, "last_no": last}
            for (counter, year), last in rows.serials.items()
        ],
    )
    return ops


def insert_op(model: type[Base], row: dict[str, Any], clock: HybridClock) -> dict[str, Any]:
    """The outbox op change capture writes for a new row: every column but the bookkeeping."""
    fields = {
        column.name: to_json_value(row.get(column.name))
        for column in _table(model).columns
        if column.name not in SyncedRow.SYNC_BOOKKEEPING
    }
    return {
        "op_id": new_id(),
        "table_name": model.__tablename__,
        "row_id": row["id"],
        "operation": "insert",
        "fields": json.dumps(fields, ensure_ascii=False),
        "base_version": 0,
        "hlc": clock.stamp(),
        "user_id": None,
        "schema_version": "",  # filled with the database's own below
        "state": "pending",
        "created_at": row["created_at"],
    }


def new_station(root: Path, number: int = 1, circle: int = 1) -> OpContext:
    ctx, _ = setup_station(
        DataLayout(root), station_values(number, circle), USERNAME, "Bench In-charge", PASSWORD
    )
    return ctx


def five_year_station(
    root: Path, seed: int, scale: float = 1.0, outbox_limit: int = 0
) -> DataLayout:
    """One busy station of five years in ``root``; ``outbox_limit`` rows also wait in the
    outbox to be pushed (a station that worked before it was enrolled, for the sync benches)."""
    ctx = new_station(root)
    try:
        rows = station_rows(ctx.actor.station_id, seed, scale)
        with ctx.db.engine.begin() as conn:
            if write_rows(conn, rows, outbox_limit):
                conn.execute(
                    text("UPDATE sync_outbox SET schema_version = :v, user_id = :u"),
                    {"v": ctx.db.schema_version, "u": ctx.actor.user_id},
                )
        ctx.db.rebuild_search_index()
    finally:
        ctx.db.close()
    return DataLayout(root)


# ---- many stations in one file --------------------------------------------------------------


@dataclass(frozen=True)
class _Copy:
    """How one column is written when a station is copied."""

    id_like: bool  # an id of a copied row (its own, or one it points at)
    station: bool


def _copy_plan(model: type[Base]) -> dict[str, _Copy]:
    plan = {}
    for column in _table(model).columns:
        points_at_copied = any(fk.column.name == "id" for fk in column.foreign_keys) and not any(
            fk.column.table.name in ("station", "app_user") for fk in column.foreign_keys
        )
        id_like = column.name in ("id", "parent_id", "owner_id") or points_at_copied
        plan[column.name] = _Copy(id_like, column.name == "station_id")
    return plan


def _copy_station(conn: Connection, source: str, target: str, prefix: str) -> None:
    old_token, new_token = _scope(source), _scope(target)
    for model in ORDER:
        name = model.__tablename__
        plan = _copy_plan(model)
        columns = ", ".join(plan)
        values = ", ".join(
            ":target"
            if how.station
            else f"CASE WHEN {column} IS NULL THEN NULL ELSE :prefix || substr({column}, 9) END"
            if how.id_like
            else column
            for column, how in plan.items()
        )
        conn.execute(
            text(
                f"INSERT INTO {name} ({columns}) SELECT {values} FROM {name} WHERE station_id = :s"
            ),
            {"target": target, "prefix": prefix, "s": source},
        )
    conn.execute(
        text(
            "INSERT INTO serial_counter (station_id, register, year, last_no) "
            "SELECT :target, register, year, last_no FROM serial_counter WHERE station_id = :s"
        ),
        {"target": target, "s": source},
    )
    # The search documents, under the copies' own rowids (see search_index.REGISTER_BITS) and
    # with the station's own scope word.
    for register in register_models():
        high = _register_number(register) << REGISTER_BITS
        conn.execute(
            text(
                f"INSERT INTO {ENTRY_INDEX} (rowid, register, entry_id, station_id, body) "
                f"SELECT {high} | e.rowid, f.register, e.id, :target, "
                "replace(f.body, :old, :new) "
                f"FROM {ENTRY_INDEX} f JOIN {register} e "
                "ON e.id = :prefix || substr(f.entry_id, 9) "
                "WHERE f.station_id = :s AND f.register = :register"
            ),
            {"target": target, "old": old_token, "new": new_token, "prefix": prefix}
            | {"s": source, "register": register},
        )
    conn.execute(
        text(
            f"INSERT INTO {IDENTITY_INDEX} "
            "(rowid, register, entry_id, station_id, identity_id, body) "
            "SELECT p.rowid, f.register, :prefix || substr(f.entry_id, 9), :target, p.id, "
            "replace(f.body, :old, :new) "
            f"FROM {IDENTITY_INDEX} f JOIN protected_identity p "
            "ON p.id = :prefix || substr(f.identity_id, 9) WHERE f.station_id = :s"
        ),
        {"target": target, "old": old_token, "new": new_token, "prefix": prefix, "s": source},
    )


def _scope(station_id: str) -> str:
    return scope_token("st", station_id)


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def many_stations(
    root: Path,
    stations: int,
    seed: int,
    scale: float = 1.0,
    progress: Callable[[str], None] = _say,
) -> DataLayout:
    """``stations`` five-year stations in one station-format file, over CIRCLES circles (or
    one circle for a file of ten or fewer: a circle officer's laptop)."""
    circles = CIRCLES if stations > 10 else 1
    ctx = new_station(root, 1, 1)
    try:
        source = ctx.actor.station_id
        rows = station_rows(source, seed, scale)
        with ctx.db.engine.begin() as conn:
            write_rows(conn, rows)
        ctx.db.rebuild_search_index()
        progress("… station 1 generated; copying")
        for number in range(2, stations + 1):
            # A transaction per station: one for all would grow the WAL to the whole file,
            # and every read of the copy would search it.
            with ctx.db.engine.begin() as conn:
                target = new_id()
                values = station_values(number, 1 + (number - 1) % circles)
                conn.execute(
                    insert(_table(Station)),
                    [{"id": target, "version": 0, "sync_state": SyncState.SYNCED} | values],
                )
                _copy_station(conn, source, target, f"{number:08x}")
            if number % 10 == 0:
                progress(f"… {number} stations")
    finally:
        ctx.db.close()
    return DataLayout(root)
