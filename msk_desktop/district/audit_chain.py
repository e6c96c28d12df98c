"""The district's copies of the PCs' audit chains (SECURITY.md, "Audit"): entries are taken only
when they continue the copy, checked with the station's own hash (store/audit.py); a batch that
contradicts what the district already holds is refused and leaves an alarm for the admin.

Functions run inside the caller's transaction, like those of service.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msk_desktop.district import service
from msk_desktop.district.errors import DistrictError, unknown_station
from msk_desktop.district.tables import AuditAlarm, AuditCopy, Device, DistrictStation
from msk_desktop.store.audit import (
    GENESIS_HASH,
    HASHED_FIELDS,
    ChainReport,
    ChainWalk,
    Link,
    walk_chain,
)
from msk_desktop.store.types import utc_now
from msk_desktop.sync.protocol import AuditPushRequest, AuditPushResponse, AuditRecord, Reason

_HASHED = set(HASHED_FIELDS)


@dataclass(frozen=True)
class Diverged:
    """The batch does not continue the district's copy; nothing of it was stored."""

    seq: int
    reason: str

    def refusal(self) -> DistrictError:
        return DistrictError(409, "audit_diverged", self.hi, self.en)

    @property
    def hi(self) -> str:
        return (
            f"ऑडिट लॉग की प्रविष्टि {self.seq} जिले में रखी प्रति से मेल नहीं खाती"
            " (पहले भेजी गई प्रविष्टियाँ बदली या हटाई गईं); जिला व्यवस्थापक को सूचना दर्ज हुई।"
            " डेटा का सिंक जारी है।"
        )

    @property
    def en(self) -> str:
        return (
            f"Audit log entry {self.seq} does not continue the district's copy ({self.reason}; "
            "entries already sent were changed or removed); the district administrator has been "
            "alerted. Data sync goes on."
        )

    def as_reason(self) -> Reason:
        return Reason(hi=self.hi, en=self.en)


def _held_through(session: Session, device_id: str) -> int:
    last = session.execute(
        select(func.max(AuditCopy.seq)).where(AuditCopy.device_id == device_id)
    ).scalar()
    return int(last or 0)


def _alarm(session: Session, device_id: str, seq: int, reason: str) -> Diverged:
    now = utc_now()
    alarm = session.execute(
        select(AuditAlarm).where(AuditAlarm.device_id == device_id, AuditAlarm.seq == seq)
    ).scalar_one_or_none()
    if alarm is None:
        session.add(
            AuditAlarm(
                device_id=device_id, seq=seq, reason=reason, first_at=now, last_at=now, times=1
            )
        )
    else:
        alarm.last_at, alarm.times = now, alarm.times + 1
    return Diverged(seq, reason)


def push(
    session: Session, device: Device, request: AuditPushRequest
) -> AuditPushResponse | Diverged:
    """Take the entries after ``request.after_seq`` that the district does not yet hold. Entries
    it holds may come again (an answer lost on the way): they must be the very same."""
    # The device's row lock: two pushes of one PC at once cannot both add the same entry.
    session.execute(select(Device).where(Device.device_id == device.device_id).with_for_update())
    epoch = service.state(session).epoch
    held_seq = _held_through(session, device.device_id)
    if request.after_seq > held_seq:
        # The district holds less than the PC thought (restored without a new epoch): the PC
        # sends again from what is held.
        return AuditPushResponse(server_epoch=epoch, held_through=held_seq, stored=0)
    known = {
        seq: hash_
        for seq, hash_ in session.execute(
            select(AuditCopy.seq, AuditCopy.hash).where(
                AuditCopy.device_id == device.device_id,
                AuditCopy.seq >= request.after_seq,
                AuditCopy.seq <= request.after_seq + len(request.entries),
            )
        )
    }
    known[0] = GENESIS_HASH
    anchor = known.get(request.after_seq)
    if anchor is None:  # the copy lost an entry at the district itself
        return _alarm(session, device.device_id, request.after_seq, "missing at the district")
    walk = ChainWalk(request.after_seq, anchor)
    fresh: list[AuditRecord] = []
    for entry in request.entries:
        broken = walk.step(entry.model_dump(include=_HASHED), entry.prev_hash, entry.hash)
        if broken is None and entry.seq <= held_seq and known.get(entry.seq) != entry.hash:
            broken = "differs from the copy the district holds"
        if broken is not None:
            return _alarm(session, device.device_id, entry.seq, broken)
        if entry.seq > held_seq:
            fresh.append(entry)
    now = utc_now()
    session.add_all(
        AuditCopy(device_id=device.device_id, received_at=now, **e.model_dump()) for e in fresh
    )
    return AuditPushResponse(
        server_epoch=epoch, held_through=max(held_seq, walk.expected_seq - 1), stored=len(fresh)
    )


# ---- the administrator's check -------------------------------------------------------------


def station_devices(session: Session, station_code: str | None) -> list[Device]:
    """The devices of one station (or of all), refusing a station the district does not know."""
    query = select(Device).order_by(Device.station_code, Device.enrolled_at)
    if station_code is not None:
        if session.get(DistrictStation, station_code) is None:
            raise unknown_station(station_code)
        query = query.where(Device.station_code == station_code)
    return list(session.execute(query).scalars())


def _copy(session: Session, device_id: str, batch: int) -> Iterator[Link]:
    last = 0
    while rows := list(
        session.execute(
            select(AuditCopy)
            .where(AuditCopy.device_id == device_id, AuditCopy.seq > last)
            .order_by(AuditCopy.seq)
            .limit(batch)
        ).scalars()
    ):
        for entry in rows:
            yield (
                {name: getattr(entry, name) for name in HASHED_FIELDS},
                entry.prev_hash,
                entry.hash,
            )
        last = rows[-1].seq
        session.expunge_all()


def verify_copy(session: Session, device_id: str, batch: int = 5000) -> ChainReport:
    """Walk the district's copy of one PC's chain, as `msk-desktop audit verify` walks the PC's."""
    return walk_chain(_copy(session, device_id, batch))


@dataclass(frozen=True)
class Alarm:
    device_id: str
    seq: int
    reason: str
    first_at: datetime
    last_at: datetime
    times: int


def alarms(session: Session, device_ids: list[str]) -> list[Alarm]:
    rows = session.execute(
        select(AuditAlarm)
        .where(AuditAlarm.device_id.in_(device_ids))
        .order_by(AuditAlarm.first_at, AuditAlarm.id)
    ).scalars()
    return [Alarm(a.device_id, a.seq, a.reason, a.first_at, a.last_at, a.times) for a in rows]
