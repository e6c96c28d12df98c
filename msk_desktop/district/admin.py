"""The district administrator's tasks: set up the database, register stations, issue
enrolment codes, list and revoke devices, see each station's sync health, and start a new epoch
after a restore from backup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.orm import Session

from msk_desktop.district import auth
from msk_desktop.district.errors import DistrictError, unknown_station
from msk_desktop.district.tables import (
    SCHEMA_VERSION,
    Conflict,
    Device,
    DistrictBase,
    DistrictStation,
    EnrolCode,
    SchemaVersion,
    ServerState,
)
from msk_desktop.store.ids import new_id
from msk_desktop.store.types import utc_now


def initialise(engine: Engine) -> str:
    """Create the tables and the server's epoch and secret: "created"; on a database of an
    older version, add the tables it lacks (every version so far only added tables):
    "upgraded"; else "current"."""
    DistrictBase.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        if session.get(ServerState, 1) is None:
            session.add(SchemaVersion(version=SCHEMA_VERSION, applied_at=utc_now()))
            session.add(ServerState(id=1, epoch=new_id(), last_seq=0, secret=auth.new_secret()))
            return "created"
        version = session.execute(select(func.max(SchemaVersion.version))).scalar()
        if version is not None and version >= SCHEMA_VERSION:
            return "current"
        session.add(SchemaVersion(version=SCHEMA_VERSION, applied_at=utc_now()))
        return "upgraded"


def check_schema(engine: Engine) -> None:
    """``serve`` starts only on a database ``init`` made, at the version this code knows."""
    version = None
    if inspect(engine).has_table(SchemaVersion.__tablename__):
        with Session(engine) as session:
            version = session.execute(select(func.max(SchemaVersion.version))).scalar()
    if version != SCHEMA_VERSION:
        raise DistrictError(
            503,
            "schema",
            f"जिला डेटाबेस का संस्करण {version} है, अपेक्षित {SCHEMA_VERSION} (msk-district init)।",
            f"The district database is at version {version}, expected {SCHEMA_VERSION} "
            "(run msk-district init).",
        )


def new_epoch(session: Session) -> str:
    """After a restore from backup: devices see the new epoch, send their outboxes again (the
    op ids make that harmless) and pull everything afresh."""
    server = session.get(ServerState, 1)
    assert server is not None
    server.epoch = new_id()
    return server.epoch


def add_station(session: Session, code: str, name: str, circle: str) -> None:
    if session.get(DistrictStation, code) is not None:
        raise DistrictError(
            409, "station_exists", f"थाना {code} पहले से है।", f"Station {code} already exists."
        )
    session.add(DistrictStation(code=code, name=name, circle=circle))


def enrol_code(session: Session, station_code: str, role: str) -> str:
    """A one-time code for one device of the station (or of its circle officer)."""
    if session.get(DistrictStation, station_code) is None:
        raise unknown_station(station_code)
    code = auth.new_enrol_code()
    session.add(
        EnrolCode(
            code_hash=auth.code_hash(code),
            station_code=station_code,
            role=role,
            expires_at=utc_now() + auth.ENROL_CODE_LIFETIME,
        )
    )
    return code


def devices(session: Session) -> list[Device]:
    return list(session.execute(select(Device).order_by(Device.enrolled_at)).scalars())


def revoke(session: Session, device_id: str) -> None:
    device = session.get(Device, device_id)
    if device is None:
        raise DistrictError(
            404, "no_device", f"उपकरण {device_id} ज्ञात नहीं है।", f"Unknown device {device_id}."
        )
    device.revoked_at = device.revoked_at or utc_now()


@dataclass(frozen=True)
class StationHealth:
    code: str
    name: str
    circle: str
    devices: int
    last_sync: datetime | None
    open_conflicts: int


def status(session: Session) -> list[StationHealth]:
    found = []
    for station in session.execute(
        select(DistrictStation).order_by(DistrictStation.code)
    ).scalars():
        enrolled = list(
            session.execute(
                select(Device).where(
                    Device.station_code == station.code, Device.revoked_at.is_(None)
                )
            ).scalars()
        )
        stamps = [s for d in enrolled for s in (d.last_push_at, d.last_pull_at) if s]
        conflicts = 0
        if station.station_id:
            conflicts = session.execute(
                select(func.count()).where(
                    Conflict.station_id == station.station_id, Conflict.status == "open"
                )
            ).scalar_one()
        found.append(
            StationHealth(
                station.code,
                station.name,
                station.circle,
                len(enrolled),
                max(stamps, default=None),
                conflicts,
            )
        )
    return found
