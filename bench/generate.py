"""The stress stations of the growth curve (FIRs only, up to 100,000), deterministic from a
seed, with clearly fake names, written with SQLAlchemy Core in large batches: going through the
ops (each with its audit entry and outbox op) would measure the generator, not the app. The busy
station with every register is bench/fiveyear.py.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from bench.fiveyear import END, PASSWORD, USERNAME
from msk_desktop.ops.station import setup_station
from msk_desktop.store.ids import new_id
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import Fir, FirSection, FirVictim

BATCH = 5000

# (law, section, head, identity rule) of the common cases, weighted as a busy station sees them.
CASES = [
    (("BNS", "85"), "cruelty", "default", 30),
    (("BNS", "74"), "molestation", "default", 25),
    (("BNS", "87"), "kidnapping", "default", 12),
    (("POCSO", "8"), "pocso", "statutory", 10),
    (("BNS", "64"), "rape", "statutory", 8),
    (("BNS", "80"), "dowry_death", "default", 3),
    (("BNS", "78"), "molestation", "default", 12),
]
IPC_OF = {"85": "498A", "74": "354", "87": "366", "64": "376", "80": "304B", "78": "354D"}
IO_NAMES = [f"उपनिरीक्षक डेमो {n} (काल्पनिक)" for n in range(1, 13)]
PLACES = ["डेमो बाज़ार", "Demo College gate", "काल्पनिक ग्राम", "डेमो बस अड्डा", "Demo Colony"]


def stress_station(root: Path, firs: int, seed: int = 38) -> DataLayout:
    layout = DataLayout(root)
    ctx, _ = setup_station(
        layout,
        {
            "code": "STRESS-1",
            "name_hi": "बेंच थाना",
            "name_en": "Bench Thana (synthetic)",
            "district": "Demo",
            "circle": "Demo",
        },
        USERNAME,
        "Bench In-charge",
        PASSWORD,
    )
    rng = random.Random(seed)
    span = (END - date(2021, 1, 1)).days
    days = sorted(date(2021, 1, 1) + timedelta(days=rng.randrange(span)) for _ in range(firs))
    weights = [c[3] for c in CASES]
    station = ctx.actor.station_id
    serial: dict[int, int] = {}
    rows: list[dict[str, object]] = []
    sections: list[dict[str, object]] = []
    victims: list[dict[str, object]] = []
    now = datetime.now(UTC)
    for day in days:
        (law, section), head, rule, _ = rng.choices(CASES, weights)[0]
        ipc = day < date(2024, 7, 1)
        if ipc and law == "BNS":
            law, section = "IPC", IPC_OF[section]
        serial[day.year] = serial.get(day.year, 0) + 1
        fir_id = new_id()
        age_open = (END - day).days
        closed = age_open > 90 or rng.random() < 0.5
        done_on = day + timedelta(days=rng.randint(20, 85)) if closed else None
        rows.append(
            {
                "id": fir_id,
                "station_id": station,
                "version": 0,
                "sync_state": "synced",
                "created_at": now,
                "updated_at": now,
                "serial_year": day.year,
                "serial_no": serial[day.year],
                "serial_confirmed": True,
                "crime_no": serial[day.year] + 100,
                "crime_year": day.year,
                "registered_at": datetime(day.year, day.month, day.day, 11, tzinfo=UTC),
                "offence_date": day - timedelta(days=rng.randint(0, 3)),
                "penal_code": "IPC" if ipc else "BNS",
                "crime_head": head,
                "place": rng.choice(PLACES),
                "io_name": rng.choice(IO_NAMES),
                "status": "chargesheeted" if done_on else "under_investigation",
                "chargesheet_no": f"CS-{serial[day.year]}/{day.year}" if done_on else None,
                "chargesheet_on": min(done_on, END) if done_on else None,
                "on_itsso_portal": True,
                "identity_rule": rule,
            }
        )
        sections.append(
            {
                "id": new_id(),
                "station_id": station,
                "version": 0,
                "sync_state": "synced",
                "created_at": now,
                "updated_at": now,
                "fir_id": fir_id,
                "law": law,
                "section": section,
                "ordinal": 0,
            }
        )
        victims.append(
            {
                "id": new_id(),
                "station_id": station,
                "version": 0,
                "sync_state": "synced",
                "created_at": now,
                "updated_at": now,
                "fir_id": fir_id,
                "pseudonym": f"पीड़िता-{day.year}-{serial[day.year]:04d}",
                "age": rng.randint(8, 60),
                "gender": "female",
            }
        )
    with ctx.db.engine.begin() as conn:
        for table, data in ((Fir, rows), (FirSection, sections), (FirVictim, victims)):
            for start in range(0, len(data), BATCH):
                conn.execute(insert(table), data[start : start + BATCH])
    ctx.db.rebuild_search_index()
    ctx.db.close()
    return layout
