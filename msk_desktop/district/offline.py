"""A station's offline sync file at the district: checked, its push applied and its pull pages
gathered through the same service functions as the HTTP sync, in one transaction, and the
answer file sealed for the device.

A file imported twice is harmless: its ops are answered ``duplicate`` (the change log knows
their ids) and its pages are the same rows again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from msk_desktop.district import audit_chain, service
from msk_desktop.district.errors import DistrictError
from msk_desktop.district.tables import Device
from msk_desktop.store import migrate
from msk_desktop.store.types import utc_now
from msk_desktop.sync import syncfile
from msk_desktop.sync.protocol import MAX_PAGE, AuditPushResponse, PullResponse, PushRequest
from msk_desktop.sync.syncfile import AnswerFile, StationFile


@dataclass(frozen=True)
class Answered:
    data: bytes  # the answer file
    device_id: str
    station_code: str
    outcomes: dict[str, int]  # status → ops
    rows: int  # rows in the pull pages


def _unknown_device() -> DistrictError:
    return DistrictError(
        403,
        "unknown_device",
        "यह सिंक फ़ाइल किसी नामांकित उपकरण की नहीं है; कुछ भी लागू नहीं हुआ।",
        "This sync file does not come from an enrolled device; nothing was applied.",
    )


def _old_schema(schema: str) -> DistrictError:
    return DistrictError(
        426,
        "upgrade_required",
        f"सिंक फ़ाइल ऐप के दूसरे संस्करण (स्कीमा {schema}) की है; थाने का ऐप अद्यतन करें। कुछ भी लागू नहीं हुआ।",
        f"The sync file comes from another app version (schema {schema}); update the station's "
        "app. Nothing was applied.",
    )


def answer_station_file(session: Session, data: bytes) -> Answered:
    """Inside the caller's transaction; a refusal raises before anything is written."""
    secret = service.state(session).secret
    opened = syncfile.open_sealed(data, "station", syncfile.district_box_key(secret))
    device = session.get(Device, opened.device_id)
    if device is None:
        raise _unknown_device()
    station = opened.payload(StationFile, device.public_key)
    if station.device_id != device.device_id or station.station_code != device.station_code:
        raise syncfile.damaged("device")
    if station.schema_version != migrate.head_revision():
        raise _old_schema(station.schema_version)
    caller = service.caller_for(session, device)
    pushed = service.push(session, caller, PushRequest(ops=station.ops))
    # A PC that knew another epoch (the district was restored) pulls everything afresh.
    since = station.cursor if station.server_epoch == pushed.server_epoch else 0
    pages: list[PullResponse] = []
    cursor = since
    while not pages or pages[-1].has_more:
        pages.append(service.pull(session, caller, cursor, MAX_PAGE))
        cursor = pages[-1].next_since
    audit = audit_chain.push(session, device, station.audit) if station.audit else None
    answer = AnswerFile(
        answers=station.file_id,
        device_id=device.device_id,
        since=since,
        push=pushed,
        pages=pages,
        created_at=utc_now(),
        audit=audit if isinstance(audit, AuditPushResponse) else None,
        audit_refused=audit.as_reason() if isinstance(audit, audit_chain.Diverged) else None,
    )
    sealed = syncfile.seal(
        "answer",
        device.device_id,
        answer,
        syncfile.district_sign_key(secret),
        station.answer_key,
    )
    outcomes: dict[str, int] = {}
    for result in pushed.results:
        outcomes[result.status] = outcomes.get(result.status, 0) + 1
    rows = sum(len(page.rows) for page in pages)
    return Answered(sealed, device.device_id, device.station_code, outcomes, rows)
