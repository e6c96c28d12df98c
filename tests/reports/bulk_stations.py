"""Stations of realistic size written straight into a station database in large batches, for
the circle view's equality tests and its timing.

At ``scale=1.0`` a station holds PERFORMANCE.md's five busy years: 3,000 FIRs (with sections,
victims and milestones), 5,000 preventive actions, 20,000 help desk applications with a
follow-up each, 3,000 counselling cases, 2,000 PPK referrals, support referrals, awareness
programmes, a staff register, three years of daily rosters and an inspection book. Every
kind of entry the monthly report tells apart is there: FIRs chargesheeted, with final
reports, transferred and still open; applications disposed, referred, turned into FIRs and
pending; directions complied late, partly and not at all. Written with SQLAlchemy Core, as
bench/generate.py writes its stress station: going through the ops would take hours.
Synthetic, clearly fake names only.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, insert

from msk_desktop.domain import choices
from msk_desktop.domain.catalogue import preventive_action_catalogue
from msk_desktop.domain.dates import IST
from msk_desktop.store.base import Base
from msk_desktop.store.database import StationDatabase
from msk_desktop.store.ids import new_id
from msk_desktop.store.models import (
    AwarenessProgramme,
    CounsellingCase,
    DutyRosterAssignment,
    DutyRosterSlot,
    Fir,
    FirMilestone,
    FirSection,
    FirVictim,
    FollowUp,
    HelpdeskApplication,
    InspectionDirection,
    InspectionEntry,
    PpkReferral,
    PreventiveAction,
    SerialCounter,
    StaffMember,
    Station,
    SupportReferral,
)

BATCH = 5000
YEARS = 5
ROSTER_YEARS = 3


@dataclass(frozen=True)
class Size:
    """Entries per station over its five years (rosters: days of them)."""

    firs: int
    preventive: int
    helpdesk: int
    counselling: int
    ppk: int
    support: int
    awareness: int
    roster_days: int
    inspections: int

    @classmethod
    def busy(cls, scale: float = 1.0) -> Size:
        def n(full: int) -> int:
            return max(1, round(full * scale))

        return cls(
            firs=n(3000),
            preventive=n(5000),
            helpdesk=n(20000),
            counselling=n(3000),
            ppk=n(2000),
            support=n(600),
            awareness=n(300),
            roster_days=n(365 * ROSTER_YEARS),
            inspections=n(60),
        )


# (sections, head) of the common cases, weighted roughly as a busy station sees them.
CASES: tuple[tuple[tuple[tuple[str, str], ...], str, int], ...] = (
    ((("BNS", "85"),), "cruelty", 30),
    ((("BNS", "85"), ("BNS", "80")), "dowry_death", 3),
    ((("BNS", "74"),), "molestation", 25),
    ((("BNS", "87"),), "kidnapping", 12),
    ((("POCSO", "4"), ("BNS", "65(2)")), "pocso", 5),
    ((("POCSO", "8"),), "pocso", 7),
    ((("BNS", "64"),), "rape", 8),
    ((("BNS", "78"),), "molestation", 10),
)
IPC_OF = {
    "85": "498A",
    "74": "354",
    "87": "366",
    "64": "376",
    "80": "304B",
    "78": "354D",
    "65(2)": "376AB",
}
BNS_FROM = date(2024, 7, 1)


class _Writer:
    """Rows of one station, with the columns every synced row carries, flushed in batches."""

    def __init__(self, conn: Connection, station_id: str) -> None:
        self.conn, self.station_id = conn, station_id
        self.pending: dict[type[Base], list[dict[str, Any]]] = {}
        self.serials: dict[tuple[str, int], int] = {}
        self.now = datetime.now(UTC)

    def add(self, model: type[Base], numbered_in: int | None = None, **values: Any) -> str:
        row_id = new_id()
        row: dict[str, Any] = {
            "id": row_id,
            "station_id": self.station_id,
            "version": 1,
            "sync_state": "synced",
            "created_at": self.now,
            "updated_at": self.now,
        }
        if numbered_in is not None:
            key = (model.__tablename__, numbered_in)
            self.serials[key] = self.serials.get(key, 0) + 1
            row |= {"serial_year": numbered_in, "serial_no": self.serials[key]}
            row["serial_confirmed"] = True
        rows = self.pending.setdefault(model, [])
        rows.append(row | values)
        if len(rows) >= BATCH:
            self.flush()
        return row_id

    def flush(self) -> None:
        # Parents first: the foreign keys are checked on insert.
        for table in Base.metadata.sorted_tables:
            for model in [m for m in self.pending if m.__table__ is table]:
                self.conn.execute(insert(model), self.pending.pop(model))

    def finish(self) -> None:
        self.flush()
        self.conn.execute(
            insert(SerialCounter),
            [
                {"station_id": self.station_id, "register": table, "year": year, "last_no": last}
                for (table, year), last in self.serials.items()
            ],
        )


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), IST).astimezone(UTC)


def _days(rng: random.Random, first: date, last: date, count: int) -> Iterator[date]:
    span = (last - first).days + 1
    yield from sorted(first + timedelta(days=rng.randrange(span)) for _ in range(count))


def _later(day: date, days: int, end: date) -> date | None:
    """``days`` after ``day``, or None when that is still to come on ``end``."""
    then = day + timedelta(days=days)
    return then if then <= end else None


def _firs(w: _Writer, rng: random.Random, size: Size, first: date, end: date) -> list[str]:
    weights = [case[2] for case in CASES]
    ids: list[str] = []
    for day in _days(rng, first, end, size.firs):
        sections, head, _ = rng.choices(CASES, weights)[0]
        ipc = day < BNS_FROM
        registered = _at(day, rng.randrange(7, 22), rng.randrange(60))
        done_days = rng.choice((rng.randint(20, 58), rng.randint(20, 58), rng.randint(61, 140)))
        done = _later(day, done_days, end)
        kind = rng.random()
        status, chargesheet_on, final_report_on = "under_investigation", None, None
        if kind < 0.02:
            status = rng.choice(("transferred", "expunged"))
        elif done is not None and kind < 0.8:
            status, chargesheet_on = "chargesheeted", done
        elif done is not None:
            status, final_report_on = "final_report", done
        fir_id = w.add(
            Fir,
            day.year,
            crime_no=w.serials.get(("fir", day.year), 0) + 101,
            crime_year=day.year,
            registered_at=registered,
            offence_date=day - timedelta(days=rng.randint(0, 3)),
            penal_code="IPC" if ipc else "BNS",
            crime_head=head,
            place="डेमो बाज़ार (काल्पनिक)",
            io_name=f"उपनिरीक्षक डेमो {rng.randint(1, 8)} (काल्पनिक)",
            status=status,
            chargesheet_no=f"CS-{day.year}-{rng.randint(1, 9999)}" if chargesheet_on else None,
            chargesheet_on=chargesheet_on,
            final_report_no=f"FR-{day.year}-{rng.randint(1, 999)}" if final_report_on else None,
            final_report_on=final_report_on,
            on_itsso_portal=True,
            identity_rule="statutory" if head in ("rape", "pocso") else "default",
        )
        ids.append(fir_id)
        for ordinal, (law, section) in enumerate(sections):
            ref = ("IPC", IPC_OF[section]) if ipc and law == "BNS" else (law, section)
            w.add(FirSection, fir_id=fir_id, law=ref[0], section=ref[1], ordinal=ordinal)
        w.add(
            FirVictim,
            fir_id=fir_id,
            pseudonym=f"पीड़िता-{day.year}-{len(ids):05d}",
            age=rng.randint(6, 60),
            gender="female",
        )
        _milestones(w, rng, fir_id, registered, head, end)
    return ids


def _milestones(
    w: _Writer, rng: random.Random, fir_id: str, registered: datetime, head: str, end: date
) -> None:
    wanted: list[tuple[str, float]] = []  # kind, hours after registration
    if head in ("rape", "pocso"):
        exam = rng.choice((6.0, 20.0, 30.0))
        wanted += [
            ("medical_exam", exam),
            ("medical_report_forwarded", exam + rng.randint(24, 240)),
        ]
    if head == "pocso":
        wanted.append(("cwc_report", rng.choice((10.0, 40.0))))
    if rng.random() < 0.7:
        wanted.append(("victim_update", 24.0 * rng.randint(20, 120)))
    if rng.random() < 0.2:  # a second update: only the first counts for the 90-day rule
        wanted.append(("victim_update", 24.0 * rng.randint(120, 400)))
    for kind, hours in wanted:
        happened = registered + timedelta(hours=hours)
        if happened.date() <= end:
            w.add(FirMilestone, fir_id=fir_id, kind=kind, happened_at=happened, note=None)


def _helpdesk(
    w: _Writer, rng: random.Random, size: Size, first: date, end: date, firs: list[str]
) -> None:
    for day in _days(rng, first, end, size.helpdesk):
        kind = rng.random()
        disposed_on, fir_id = None, None
        if (end - day).days < 20 and kind < 0.5:
            status = "pending"
        elif kind < 0.08:
            status = "referred"
        elif kind < 0.12:
            status, fir_id = "fir_registered", rng.choice(firs)
        else:
            status, disposed_on = "disposed", _later(day, rng.randint(0, 25), end)
            if disposed_on is None:
                status = "pending"
        app_id = w.add(
            HelpdeskApplication,
            day.year,
            received_at=_at(day, rng.randrange(9, 19)),
            applicant_pseudonym=f"आवेदिका-{day.year}-{rng.randint(1, 99999):05d}",
            category=rng.choice(choices.HELPDESK_CATEGORY).code,
            summary="काल्पनिक शिकायत (synthetic)",
            status=status,
            disposed_on=disposed_on,
            fir_id=fir_id,
        )
        w.add(
            FollowUp,
            parent_table="helpdesk_application",
            parent_id=app_id,
            kind="follow_up",
            done_on=day + timedelta(days=rng.randint(0, 5)),
            note="अनुवर्ती (synthetic)",
            next_due_on=None,
        )


def _counselling_and_referrals(
    w: _Writer, rng: random.Random, size: Size, first: date, end: date
) -> None:
    for day in _days(rng, first, end, size.counselling):
        kind = rng.choice(choices.COUNSELLING_KIND).code
        closed_on = _later(day, rng.randint(3, 90), end)
        w.add(
            CounsellingCase,
            day.year,
            opened_on=day,
            case_kind=kind,
            mandatory=kind in ("elopement", "false_accusation_front"),
            parties_label=f"पक्ष-{day.year}-{rng.randint(1, 9999):04d}",
            status="closed" if closed_on else "open",
            outcome=rng.choice(choices.COUNSELLING_OUTCOME).code if closed_on else None,
            closed_on=closed_on,
        )
    for day in _days(rng, first, end, size.ppk):
        outcome_on = _later(day, rng.randint(10, 150), end) if rng.random() < 0.85 else None
        w.add(
            PpkReferral,
            day.year,
            referred_on=day,
            ppk_centre=f"परिवार परामर्श केन्द्र {rng.randint(1, 3)} (काल्पनिक)",
            reason="पारिवारिक विवाद",
            status="closed" if outcome_on else "referred",
            outcome=rng.choice(choices.PPK_OUTCOME).code if outcome_on else None,
            outcome_on=outcome_on,
        )
    for day in _days(rng, first, end, size.support):
        result_on = _later(day, rng.randint(5, 60), end) if rng.random() < 0.8 else None
        w.add(
            SupportReferral,
            day.year,
            referred_on=day,
            service=rng.choice(choices.SUPPORT_SERVICE).code,
            service_asked="सहायता (synthetic)",
            status="closed" if result_on else "referred",
            result=rng.choice(choices.SUPPORT_RESULT).code if result_on else None,
            result_on=result_on,
        )


def _preventive_and_awareness(
    w: _Writer, rng: random.Random, size: Size, first: date, end: date
) -> None:
    codes = [kind.code for kind in preventive_action_catalogue().kinds]
    for day in _days(rng, first, end, size.preventive):
        w.add(
            PreventiveAction,
            day.year,
            person_name=f"Demo Person {rng.randint(1, 99999)} (fake)",
            action_code=rng.choice(codes),
            action_on=day,
            status="active",
        )
    for day in _days(rng, first, end, size.awareness):
        w.add(
            AwarenessProgramme,
            day.year,
            held_on=day,
            place="डेमो विद्यालय (काल्पनिक)",
            kind=rng.choice(choices.AWARENESS_KIND).code,
            audience=rng.choice(choices.AWARENESS_AUDIENCE).code,
            people_reached=rng.randint(20, 300),
        )


STAFF: tuple[tuple[str, str, bool], ...] = (
    ("inspector", "female", True),
    ("sub_inspector", "female", False),
    ("sub_inspector", "male", False),
    *(("constable", "female", False) for _ in range(4)),
    ("head_constable", "female", False),
    *(("home_guard", "female", False) for _ in range(3)),
    ("counsellor", "female", False),
)


def _staff_and_rosters(w: _Writer, rng: random.Random, size: Size, first: date, end: date) -> None:
    staff: list[str] = []
    for index, (rank, gender, in_charge) in enumerate(STAFF):
        posted = first + timedelta(days=index)
        # Some leave and are replaced, so the staff position changes over the years.
        removed = _later(posted, rng.randint(400, 1500), end) if index % 3 == 1 else None
        for posted_on, removed_on in ((posted, removed), (removed, None)):
            if posted_on is None:
                continue
            staff.append(
                w.add(
                    StaffMember,
                    posted_on.year,
                    name=f"डेमो कर्मी {len(staff) + 1} (काल्पनिक)",
                    rank=rank,
                    gender=gender,
                    is_in_charge=in_charge,
                    posted_on=posted_on,
                    removed_on=removed_on,
                    removal_kind="transfer" if removed_on else None,
                )
            )
    shifts = (
        ("help_desk", time(8), time(14)),
        ("help_desk", time(14), time(20)),
        ("anti_romeo", time(10), time(13)),
        ("women_beat", time(16), time(19)),
    )
    for offset in range(size.roster_days):
        day = end - timedelta(days=offset)
        for roster, starts, ends in shifts:
            slot = w.add(
                DutyRosterSlot,
                roster=roster,
                duty_on=day,
                starts_at=starts,
                ends_at=ends,
                place="डेमो चौराहा (काल्पनिक)",
            )
            for staff_id in rng.sample(staff, rng.choice((0, 1, 2, 2))):
                w.add(DutyRosterAssignment, slot_id=slot, staff_id=staff_id)


def _inspections(w: _Writer, rng: random.Random, size: Size, first: date, end: date) -> None:
    for day in _days(rng, first, end, size.inspections):
        entry = w.add(
            InspectionEntry,
            day.year,
            visited_on=day,
            officer_name="क्षेत्राधिकारी डेमो (काल्पनिक)",
            officer_rank="Deputy SP",
            observations="रजिस्टर देखे गए (synthetic)",
        )
        for _ in range(rng.randint(1, 4)):
            due = day + timedelta(days=rng.randint(7, 30))
            complied = _later(due, rng.randint(-6, 20), end) if rng.random() < 0.7 else None
            state = "complied" if complied else rng.choice(("open", "partly_complied"))
            w.add(
                InspectionDirection,
                entry_id=entry,
                direction="अभिलेख अद्यावधिक करें (synthetic)",
                responsible="प्रभारी",
                due_on=due,
                compliance_status=state,
                complied_on=complied,
            )


def fill_station(
    conn: Connection, station_id: str, size: Size, end: date, rng: random.Random
) -> None:
    """Five years of a station's registers up to ``end``."""
    first = date(end.year - YEARS, end.month, 1)
    w = _Writer(conn, station_id)
    firs = _firs(w, rng, size, first, end)
    _helpdesk(w, rng, size, first, end, firs)
    _counselling_and_referrals(w, rng, size, first, end)
    _preventive_and_awareness(w, rng, size, first, end)
    _staff_and_rosters(w, rng, size, first, end)
    _inspections(w, rng, size, first, end)
    w.finish()


def add_stations(
    db: StationDatabase, count: int, size: Size, end: date, seed: int = 7
) -> list[str]:
    """``count`` new stations of the circle (codes BULK-01...), each filled as ``size`` says;
    their ids in code order."""
    rng = random.Random(seed)
    ids = []
    with db.engine.begin() as conn:
        for number in range(1, count + 1):
            station_id = new_id()
            conn.execute(
                insert(Station),
                {
                    "id": station_id,
                    "version": 1,
                    "sync_state": "synced",
                    "code": f"BULK-{number:02d}",
                    "name_hi": f"डेमो थाना {number} (काल्पनिक)",
                    "name_en": f"Demo Thana {number} (synthetic)",
                    "district": "Demo",
                    "circle": "Demo Circle",
                },
            )
            fill_station(conn, station_id, size, end, rng)
            ids.append(station_id)
    return ids
