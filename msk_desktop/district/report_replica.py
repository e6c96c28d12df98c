"""The district's report copy: a station-format database holding every station of the district,
kept up to date from the district's own rows by the same code that applies a circle officer's
pulled pages (``sync.local_store.apply_page``), so the consolidated report is built by the same
report code, from the same kind of file, as the circle officer's.

The copy is caught up in-process (no HTTP): pages of the district's rows changed since the
copy's cursor, applied with the cursor in one transaction, so each run applies only the delta
and an interrupted run resumes where it stopped. It reads what a circle device reads (no
victims' identities, no login accounts), so the copy never holds an identity.

The copy is encrypted like a station file; its password is derived from the district's own
secret, so whoever runs ``msk-district`` (and so already reads every row) opens it and nobody
else needs to keep one more password.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from msk_desktop.district import admin, service
from msk_desktop.district.service import Caller
from msk_desktop.district.tables import Device, DistrictStation
from msk_desktop.domain.errors import Message, MskError, WrongPassword
from msk_desktop.ops import replica
from msk_desktop.ops.context import Actor, OpContext, Role
from msk_desktop.store.database import Author, StationDatabase
from msk_desktop.store.layout import DataLayout
from msk_desktop.sync import local_store

REPLICA_USER = "district.reports"
AUTHOR = Author(None, REPLICA_USER)
PAGE_ROWS = 2000  # rows per page: in-process, so larger than a device's HTTP page


def _password(engine: Engine) -> str:
    with Session(engine) as session:
        secret = service.state(session).secret
    return hmac.new(bytes.fromhex(secret), b"district report replica", hashlib.sha256).hexdigest()


def open_replica(folder: Path, engine: Engine) -> StationDatabase:
    """The report copy in ``folder``, made empty on the first run."""
    layout = DataLayout(folder)
    password = _password(engine)
    if not layout.exists():
        db, _recovery = StationDatabase.create(layout, REPLICA_USER, password)
        return db  # the copy is rebuilt from the district, so its recovery key is not kept
    try:
        db, _failures = StationDatabase.open(layout, REPLICA_USER, password)
    except WrongPassword:
        raise MskError(
            Message(
                f"{folder} किसी दूसरे जिला डेटाबेस की रिपोर्ट प्रति है; खाली फ़ोल्डर दें।",
                f"{folder} holds the report copy of another district database; give an empty "
                "folder.",
            )
        ) from None
    return db


@dataclass(frozen=True)
class CatchUp:
    rows: int  # rows applied in this run (a row changed twice may count twice)
    pages: int
    cursor: int  # the district change number the copy now reflects


def _district_reader(session: Session) -> Caller:
    """A caller that reads every bound station as a circle device does (identities and login
    accounts stay out). The device is never saved: it only names the reader to ``pull``."""
    stations = session.execute(
        select(DistrictStation.station_id).where(DistrictStation.station_id.is_not(None))
    ).scalars()
    reader = Device(device_id="district-report", role="circle", label=REPLICA_USER)
    return Caller(reader, None, frozenset(s for s in stations if s))


def catch_up(db: StationDatabase, engine: Engine, page_rows: int = PAGE_ROWS) -> CatchUp:
    """Apply every district change since the copy's cursor."""
    admin.check_schema(engine)
    rows = pages = 0
    while True:
        epoch, cursor = replica.pull_position(db)
        with Session(engine) as session:
            page = service.pull(session, _district_reader(session), cursor, page_rows)
        if page.server_epoch != epoch:
            # First run, or the district was restored: start from its first change.
            replica.begin_epoch(db, AUTHOR, page.server_epoch)
            if epoch is not None:
                continue
        counts = local_store.apply_page(db, AUTHOR, page)
        rows, pages = rows + counts.rows, pages + 1
        if not page.has_more:
            return CatchUp(rows, pages, page.next_since)


def circles_of(engine: Engine) -> dict[str, str]:
    """Station code -> circle, as the district registered them (it decides who sees what)."""
    with Session(engine) as session:
        return {
            code: circle
            for code, circle in session.execute(
                select(DistrictStation.code, DistrictStation.circle)
            )
        }


def district_context(db: StationDatabase) -> OpContext | None:
    """The district's reader of the copy, acting as a circle officer over every station; None
    while the copy holds no station yet."""
    station_id = replica.local_station_id(db)
    if station_id is None:
        return None
    actor = Actor(REPLICA_USER, REPLICA_USER, "District reports", Role.CIRCLE_OFFICER, station_id)
    return OpContext(db, actor)
