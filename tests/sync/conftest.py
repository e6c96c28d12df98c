"""Station PCs for the sync tests: real SQLCipher station files, enrolled with the real district
server of tests/district/conftest.py, and a way to compare what each PC holds."""

# The district fixtures are imported by name so pytest finds them here too; a fixture's
# parameter then shadows the import by design.
# ruff: noqa: F811

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select

from msk_desktop.ops.context import Actor, OpContext, Role
from msk_desktop.ops.replica import MODELS
from msk_desktop.ops.station import login, setup_station
from msk_desktop.store.base import SyncedRow
from msk_desktop.store.database import SYSTEM, StationDatabase
from msk_desktop.store.ids import new_id
from msk_desktop.store.jsonvalue import to_json_value
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import Station, SyncConflict, SyncOutbox
from msk_desktop.sync import engine
from msk_desktop.sync.client import DistrictClient
from tests.district.conftest import (  # noqa: F401 - fixtures shared with the district tests
    District,
    district,
    district_engine,
    district_url,
)
from tests.ops.conftest import FAST_KDF

PASSWORD = "sync-test-pass-1"
CIRCLE = "Sadar Circle"


def fast_client(url: str, schema: str, cert: str | None) -> DistrictClient:
    return DistrictClient(url, schema, server_cert=cert, attempts=3, backoff=0.01, timeout=10)


@dataclass
class Pc:
    """One enrolled device and the person using it."""

    name: str
    ctx: OpContext
    factory: Callable[[str, str, str | None], DistrictClient] = fast_client

    @property
    def db(self) -> StationDatabase:
        return self.ctx.db

    def sync(self) -> engine.SyncReport:
        return engine.sync(self.db, self.ctx.author, client_factory=self.factory)

    def enrol(self, district: District, code: str) -> None:
        engine.enrol(self.db, self.ctx.author, district.url, code, self.name, fast_client)


def station_values(code: str) -> dict[str, str]:
    return {
        "code": code,
        "name_hi": f"परीक्षण थाना {code}",
        "name_en": f"Test Thana {code}",
        "district": "Lucknow",
        "circle": CIRCLE,
    }


def first_pc(root: Path, district: District, code: str) -> Pc:
    """The station's first PC: set up here, then enrolled (it binds the station)."""
    district.add_station(code, CIRCLE)
    ctx, _ = setup_station(
        DataLayout(root), station_values(code), "incharge", "Kalpana Incharge", PASSWORD, FAST_KDF
    )
    pc = Pc(f"{code}-pc1", ctx)
    pc.enrol(district, district.code(code))
    return pc


def joining_pc(root: Path, district: District, code: str) -> Pc:
    """Another PC of the same station: an empty database, enrolled, filled by its first sync,
    then logged into with the account that came from the district."""
    layout = DataLayout(root)
    db, _ = StationDatabase.create(layout, "incharge", PASSWORD, FAST_KDF)
    engine.enrol(db, SYSTEM, district.url, district.code(code), f"{code}-pc2", fast_client)
    engine.sync(db, SYSTEM, client_factory=fast_client)
    db.close()
    return Pc(f"{code}-pc2", login(layout, "incharge", PASSWORD))


def circle_laptop(root: Path, district: District, code: str) -> Pc:
    """The circle officer's laptop, enrolled through one station of the circle."""
    db, _ = StationDatabase.create(DataLayout(root), "co.circle", PASSWORD, FAST_KDF)
    engine.enrol(db, SYSTEM, district.url, district.code(code, "circle"), "co", fast_client)
    engine.sync(db, SYSTEM, client_factory=fast_client)
    with db.read() as session:
        station_id = session.execute(select(Station.id).where(Station.code == code)).scalar_one()
    actor = Actor(new_id(), "co.circle", "CO Test Circle", Role.CIRCLE_OFFICER, station_id)
    return Pc("circle", OpContext(db, actor))


def snapshot(db: StationDatabase, tables: set[str] | None = None) -> dict[tuple[str, str], Any]:
    """Every synced row as the district would carry it: what all PCs must agree on."""
    found: dict[tuple[str, str], Any] = {}
    with db.read() as session:
        for table, model in MODELS.items():
            if tables is not None and table not in tables:
                continue
            keys = [a.key for a in inspect(model).column_attrs]
            keys = [k for k in keys if k not in SyncedRow.SYNC_BOOKKEEPING or k == "version"]
            for row in session.execute(select(model)).scalars():
                found[(table, row.id)] = {k: to_json_value(getattr(row, k)) for k in keys}
    return found


def conflicts(db: StationDatabase) -> dict[str, tuple[str, str, str, str]]:
    with db.read() as session:
        return {
            c.id: (c.table_name, c.field, c.status, c.resolution or "")
            for c in session.execute(select(SyncConflict)).scalars()
        }


def outbox_states(db: StationDatabase) -> dict[str, int]:
    with db.read() as session:
        states: dict[str, int] = {}
        for row in session.execute(select(SyncOutbox)).scalars():
            states[row.state] = states.get(row.state, 0) + 1
        return states


def answers(db: StationDatabase) -> list[dict[str, Any]]:
    with db.read() as session:
        return [
            json.loads(a) for a in session.execute(select(SyncOutbox.server_answer)).scalars() if a
        ]


@pytest.fixture
def station_a(tmp_path: Path, district: District) -> Pc:
    return first_pc(tmp_path / "a1", district, "LKO-A")
