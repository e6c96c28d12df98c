"""What the district server does for a device: enrol, authenticate, push and pull.

Each function runs inside the caller's transaction (one per request); a refusal raises
``DistrictError`` before anything is written, so a refused request changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import func, insert, inspect, select, tuple_
from sqlalchemy.orm import Session, load_only

from msk_desktop.district import auth
from msk_desktop.district.errors import DistrictError, forbidden_rows, revoked, unauthorised
from msk_desktop.district.merge import Merge, merge_op
from msk_desktop.district.tables import (
    Challenge,
    ChangeLog,
    Conflict,
    Device,
    DistrictStation,
    EnrolCode,
    RowState,
    ServerState,
)
from msk_desktop.ops.replica import MODELS, SYNCED_FIELDS, from_json_value, in_chunks
from msk_desktop.store.base import SyncedRow
from msk_desktop.store.ids import new_id
from msk_desktop.store.types import UtcDateTime, utc_now
from msk_desktop.sync import syncfile
from msk_desktop.sync.protocol import (
    CIRCLE_HIDDEN,
    CIRCLE_WRITABLE,
    CONFLICT_TABLE,
    ChallengeRequest,
    ChallengeResponse,
    ConflictInfo,
    EnrolRequest,
    EnrolResponse,
    Op,
    OpOutcome,
    PulledRow,
    PullResponse,
    PushRequest,
    PushResponse,
    Reason,
    TokenRequest,
    TokenResponse,
)

MAX_TEXT = 100_000  # characters of one field value


# The station tables a device may send, with the fields each may carry.
SYNCED = SYNCED_FIELDS


def state(session: Session, lock: bool = False) -> ServerState:
    query = select(ServerState).where(ServerState.id == 1)
    row = session.execute(query.with_for_update() if lock else query).scalar_one_or_none()
    if row is None:
        raise DistrictError(
            503,
            "not_initialised",
            "जिला सर्वर का डेटाबेस तैयार नहीं है (msk-district init चलाएँ)।",
            "The district database is not set up (run msk-district init).",
        )
    return row


# ---- enrolment and tokens ------------------------------------------------------------------


def enrol(session: Session, request: EnrolRequest) -> EnrolResponse:
    now = utc_now()
    code = session.get(EnrolCode, auth.code_hash(request.code))
    if code is None or code.used_by is not None or code.expires_at < now:
        raise DistrictError(
            403,
            "bad_enrol_code",
            "नामांकन कोड अज्ञात, पहले से प्रयुक्त या समाप्त है।",
            "The enrolment code is unknown, already used or expired.",
        )
    if not auth.public_key_valid(request.public_key):
        raise DistrictError(
            400, "bad_key", "सार्वजनिक कुंजी अमान्य है।", "The public key is not a valid Ed25519 key."
        )
    if session.get(Device, request.device_id) is not None:
        raise DistrictError(
            409, "device_exists", "यह उपकरण पहले से नामांकित है।", "This device is already enrolled."
        )
    station = session.get(DistrictStation, code.station_code)
    assert station is not None  # codes are only made for known stations
    if code.role == "station" and request.station_id is not None:
        _bind_station(session, station, request.station_id)
    code.used_by = request.device_id
    session.add(
        Device(
            device_id=request.device_id,
            station_code=station.code,
            role=code.role,
            label=request.label,
            public_key=request.public_key,
            enrolled_at=now,
        )
    )
    server = state(session)
    return EnrolResponse(
        device_id=request.device_id,
        station_code=station.code,
        role="circle" if code.role == "circle" else "station",
        circle=station.circle,
        station_id=station.station_id,
        server_epoch=server.epoch,
        district_box_key=syncfile.public_text(syncfile.district_box_key(server.secret)),
        district_sign_key=syncfile.public_text(syncfile.district_sign_key(server.secret)),
    )


def _bind_station(session: Session, station: DistrictStation, station_id: str) -> None:
    if station.station_id == station_id:
        return
    taken = session.execute(
        select(DistrictStation.code).where(DistrictStation.station_id == station_id)
    ).scalar()
    if station.station_id is not None or taken is not None:
        raise DistrictError(
            409,
            "station_mismatch",
            f"इस पीसी का थाना जिले में {station.code} से मेल नहीं खाता; नया डेटा फ़ोल्डर उपयोग करें।",
            f"The station on this PC does not match {station.code} at the district; "
            "enrol from a new data folder.",
        )
    station.station_id = station_id


def challenge(session: Session, request: ChallengeRequest) -> ChallengeResponse:
    device = session.get(Device, request.device_id)
    if device is None:
        raise unauthorised()
    if device.revoked_at is not None:
        raise revoked()
    expires = utc_now() + auth.CHALLENGE_LIFETIME
    nonce = auth.new_nonce()
    session.add(Challenge(nonce=nonce, device_id=device.device_id, expires_at=expires))
    return ChallengeResponse(challenge=nonce, expires_at=expires)


def token(session: Session, request: TokenRequest) -> TokenResponse:
    now = utc_now()
    device = session.get(Device, request.device_id)
    issued = session.get(Challenge, request.challenge)
    if device is None or issued is None or issued.device_id != device.device_id:
        raise unauthorised()
    session.delete(issued)  # a challenge is answered once
    if device.revoked_at is not None:
        raise revoked()
    if issued.expires_at < now or not auth.signature_valid(
        device.public_key, request.challenge, request.signature
    ):
        raise unauthorised()
    text, expires = auth.issue_token(state(session).secret, device.device_id, now)
    return TokenResponse(token=text, expires_at=expires)


@dataclass(frozen=True)
class Caller:
    """An authenticated device and the stations it may read and write."""

    device: Device
    own_station: str | None  # a station PC's station
    readable: frozenset[str]

    @property
    def circle(self) -> bool:
        return self.device.role == "circle"

    def may_write(self, table: str, station_id: str | None) -> bool:
        if self.circle:
            return table in CIRCLE_WRITABLE and station_id in self.readable
        return station_id is not None and station_id == self.own_station


def authenticate(session: Session, bearer: str | None) -> Caller:
    now = utc_now()
    device_id = auth.token_device(state(session).secret, bearer or "", now)
    device = session.get(Device, device_id) if device_id else None
    if device is None:
        raise unauthorised()
    return caller_for(session, device)


def caller_for(session: Session, device: Device) -> Caller:
    """What an enrolled device may read and write (a revoked one nothing)."""
    if device.revoked_at is not None:
        raise revoked()
    station = session.get(DistrictStation, device.station_code)
    assert station is not None
    if device.role == "circle":
        readable = session.execute(
            select(DistrictStation.station_id).where(
                DistrictStation.circle == station.circle, DistrictStation.station_id.is_not(None)
            )
        ).scalars()
        return Caller(device, None, frozenset(s for s in readable if s))
    own = station.station_id
    return Caller(device, own, frozenset({own}) if own else frozenset())


# ---- push ----------------------------------------------------------------------------------


Key = tuple[str, str]  # (table, row id)
SerialKey = tuple[str, str, int, int]  # (table, station, year, number)


class _Batch:
    """One push: the rows, earlier answers and serial numbers it needs are read in a few
    queries up front (a thana link is slow, and so is a query per op), then the ops apply in
    order against that picture, which each applied op keeps up to date."""

    def __init__(self, session: Session, caller: Caller, ops: list[Op], now: datetime) -> None:
        self.session, self.caller, self.now = session, caller, now
        self.device = caller.device.device_id
        self.logged: dict[str, dict[str, Any]] = {}  # op id -> the answer it was given
        self.rows: dict[Key, RowState | None] = {
            (op.table, op.row_id): None for op in ops if op.table != CONFLICT_TABLE
        }
        self.serials: set[SerialKey] = set()
        keys = list(self.rows)
        serial_keys = [k for k in map(self._serial_key, ops) if k is not None]
        for start in range(0, len(ops), 200):
            ids = [op.op_id for op in ops[start : start + 200]]
            earlier = select(ChangeLog.op_id, ChangeLog.answer).where(ChangeLog.op_id.in_(ids))
            self.logged.update((op_id, answer) for op_id, answer in session.execute(earlier))
            if chunk := keys[start : start + 200]:
                pair = tuple_(RowState.table_name, RowState.row_id)
                for row in session.execute(select(RowState).where(pair.in_(chunk))).scalars():
                    self.rows[(row.table_name, row.row_id)] = row
            if serials := serial_keys[start : start + 200]:
                columns = (
                    RowState.table_name,
                    RowState.station_id,
                    RowState.serial_year,
                    RowState.serial_no,
                )
                taken = session.execute(select(*columns).where(tuple_(*columns).in_(serials)))
                self.serials.update(
                    (t, st, y, n) for t, st, y, n in taken if y is not None and n is not None
                )

    @staticmethod
    def _serial_key(op: Op) -> SerialKey | None:
        year, number = op.fields.get("serial_year"), op.fields.get("serial_no")
        station = op.fields.get("station_id")
        if op.operation != "insert" or not isinstance(station, str):
            return None
        if not isinstance(year, int) or not isinstance(number, int):
            return None
        return (op.table, station, year, number)

    def station_of(self, op: Op) -> str | None:
        if op.table == CONFLICT_TABLE:
            conflict = self.session.get(Conflict, op.row_id)
            return conflict.station_id if conflict else None
        row = self.rows.get((op.table, op.row_id))
        if row is not None:
            return row.station_id
        if op.table == "station":
            return op.row_id
        station = op.fields.get("station_id")
        return station if isinstance(station, str) else None

    def authorise(self, ops: Iterable[Op]) -> None:
        """A batch with any row of another station is refused whole, before anything applies."""
        for op in ops:
            station = self.station_of(op)
            if op.table == CONFLICT_TABLE:
                # Conflicts are the station's own to settle.
                allowed = not self.caller.circle and station == self.caller.own_station
            else:
                moved = op.fields.get("station_id", station)
                allowed = self.caller.may_write(op.table, station) and moved == station
            if station is not None and not allowed:
                raise forbidden_rows(op.table, op.row_id)

    def apply(self, op: Op, seq: int) -> OpOutcome:
        if op.table == CONFLICT_TABLE:
            return self._resolve(op, seq)
        row = self.rows.get((op.table, op.row_id))
        if row is None:
            if op.operation != "insert":
                return _rejected(
                    op,
                    "यह पंक्ति जिले में नहीं है; इसका निर्माण पहले भेजा जाना चाहिए।",
                    "The district does not have this row; its creation must come first.",
                )
            return self._insert(op, seq)
        merge = merge_op(
            op.table,
            row.data,
            row.field_versions,
            row.field_authors,
            row.version,
            op.operation,
            op.fields,
            op.base_version if op.operation != "insert" else 0,
            self.device,
        )
        self._write_merge(row, op, merge, seq)
        for clash in merge.clashes:
            kept_user, kept_stamp = clash.kept_author
            self.session.add(
                Conflict(
                    id=new_id(),
                    table_name=op.table,
                    row_id=op.row_id,
                    station_id=row.station_id,
                    field=clash.field,
                    kept_value=clash.kept,
                    other_value=clash.other,
                    kept_author=kept_user,
                    kept_at=kept_stamp,
                    other_author=op.user_id,
                    other_at=op.hlc,
                    op_id=op.op_id,
                    status="open",
                )
            )
        return OpOutcome(
            op_id=op.op_id,
            status="conflict" if merge.clashes else "applied",
            version=row.version,
            conflict_fields=[c.field for c in merge.clashes],
        )

    def _write_merge(self, row: RowState, op: Op, merge: Merge, seq: int) -> None:
        if merge.applied:
            row.version += 1
            row.data = row.data | merge.applied
            row.field_versions = row.field_versions | dict.fromkeys(merge.applied, row.version)
            row.field_authors = row.field_authors | {
                key: [op.user_id, op.hlc, self.device] for key in merge.applied
            }
        if merge.applied or merge.clashes:
            row.last_seq = seq  # every device sees the new values, or the new conflict

    def _insert(self, op: Op, seq: int) -> OpOutcome:
        data = dict(op.fields)
        station = op.row_id if op.table == "station" else str(data["station_id"])
        server_fields = self._final_serial(op, station, data)
        data |= server_fields
        row = RowState(
            table_name=op.table,
            row_id=op.row_id,
            station_id=station,
            version=1,
            data=data,
            field_versions=dict.fromkeys(data, 1),
            field_authors={key: [op.user_id, op.hlc, self.device] for key in data},
            created_seq=seq,
            last_seq=seq,
            serial_year=data.get("serial_year"),
            serial_no=data.get("serial_no"),
        )
        self.session.add(row)
        self.rows[(op.table, op.row_id)] = row
        return OpOutcome(op_id=op.op_id, status="applied", version=1, server_fields=server_fields)

    def _final_serial(self, op: Op, station: str, data: dict[str, Any]) -> dict[str, Any]:
        """Two PCs of a station offline at once both give out the next number; the first to
        arrive keeps it and the other is renumbered here, so no two entries share a final
        number. The PC learns the new number from the push answer."""
        key = self._serial_key(op)
        if key is None:
            return {}
        table, _, year, number = key
        fields: dict[str, Any] = {} if data.get("serial_confirmed") else {"serial_confirmed": True}
        if key in self.serials:
            stored = self.session.execute(
                select(func.max(RowState.serial_no)).where(
                    RowState.table_name == table,
                    RowState.station_id == station,
                    RowState.serial_year == year,
                )
            ).scalar_one()
            in_batch = (n for t, st, y, n in self.serials if (t, st, y) == (table, station, year))
            new = max(int(stored or 0), *in_batch) + 1
            fields["serial_no"] = new
            # A pseudonym carries the number ("आवेदिका-2026-0007"); it follows the renumbering.
            old_suffix = re.compile(rf"-{year}-0*{number}$")
            for name, value in data.items():
                if (
                    name.endswith("pseudonym")
                    and isinstance(value, str)
                    and old_suffix.search(value)
                ):
                    fields[name] = old_suffix.sub(f"-{year}-{new:04d}", value)
            key = (table, station, year, new)
        self.serials.add(key)
        return fields

    def _resolve(self, op: Op, seq: int) -> OpOutcome:
        conflict = self.session.get(Conflict, op.row_id)
        if conflict is None:
            return _rejected(op, "यह विरोध जिले में नहीं है।", "The district has no such conflict.")
        if conflict.status == "open":
            conflict.status = "resolved"
            conflict.resolution = str(op.fields["choice"])
            conflict.resolved_by = op.user_id
            conflict.resolved_at = self.now
        row = self.session.get(RowState, (conflict.table_name, conflict.row_id))
        assert row is not None
        row.last_seq = seq  # every PC learns the conflict is settled
        return OpOutcome(op_id=op.op_id, status="applied", version=row.version)


def _rejected(op: Op, hi: str, en: str) -> OpOutcome:
    return OpOutcome(op_id=op.op_id, status="rejected", reason=Reason(hi=hi, en=en))


@cache
def _expected_type(table: str, name: str) -> type | None:
    """The Python type a column's values have (None: any). Worked out once per column, as
    every field of every pushed op is checked."""
    column = inspect(MODELS[table]).columns[name]
    if isinstance(column.type, UtcDateTime):
        return datetime
    try:
        expected: type = column.type.python_type
    except NotImplementedError:
        return None
    return expected


def _value_fits(model: type[SyncedRow], name: str, value: Any) -> bool:
    """The value has its column's type (as JSON carries it), so every PC that pulls the row
    can read it back; a device cannot plant a value that breaks its station's other PCs."""
    if value is None:
        return True
    if not isinstance(value, str | int | float | bool):
        return False
    try:
        converted = from_json_value(model, name, value)
    except (ValueError, TypeError):
        return False
    expected = _expected_type(model.__tablename__, name)
    if expected is None:
        return True
    if isinstance(converted, bool):
        return expected is bool
    if expected is float:  # JSON does not tell 30000 from 30000.0
        return isinstance(converted, int | float)
    return isinstance(converted, expected)


def _check_op(op: Op) -> OpOutcome | None:
    """An op that cannot be applied as it stands is rejected alone, with its reason."""
    if op.table == CONFLICT_TABLE:
        if op.operation != "resolve" or op.fields.get("choice") not in {"kept", "other"}:
            return _rejected(op, "समाधान अमान्य है।", "The resolution is malformed.")
        return None
    allowed = SYNCED.get(op.table)
    if allowed is None or op.operation == "resolve":
        return _rejected(op, f"अज्ञात तालिका: {op.table}", f"Unknown table: {op.table}")
    unknown = sorted(set(op.fields) - allowed)
    if unknown:
        return _rejected(op, f"अज्ञात फ़ील्ड: {unknown}", f"Unknown fields: {unknown}")
    for name, value in op.fields.items():
        if not _value_fits(MODELS[op.table], name, value):
            return _rejected(op, f"फ़ील्ड {name} का मान अमान्य है", f"Field {name} has a bad value")
        if isinstance(value, str) and len(value) > MAX_TEXT:
            return _rejected(op, f"फ़ील्ड {name} बहुत लंबा है", f"Field {name} is too long")
    if op.operation == "insert" and op.fields.get("id") != op.row_id:
        return _rejected(op, "पंक्ति की पहचान मेल नहीं खाती।", "The row id does not match.")
    needs_station = op.operation == "insert" and op.table != "station"
    if needs_station and not isinstance(op.fields.get("station_id"), str):
        return _rejected(op, "थाना नहीं दिया गया।", "The row names no station.")
    return None


def push(session: Session, caller: Caller, request: PushRequest) -> PushResponse:
    server = state(session, lock=True)  # held to commit: changes are numbered in commit order
    now = utc_now()
    with session.no_autoflush:
        batch = _Batch(session, caller, request.ops, now)
        batch.authorise(request.ops)
        results = []
        log: list[dict[str, Any]] = []
        for op in request.ops:
            earlier = batch.logged.get(op.op_id)
            if earlier is not None:
                again = OpOutcome.model_validate(earlier)
                results.append(again.model_copy(update={"status": "duplicate"}))
                continue
            server.last_seq += 1
            seq = server.last_seq
            outcome = _check_op(op) or batch.apply(op, seq)
            outcome.server_seq = seq
            answer = outcome.model_dump(mode="json")
            log.append(
                {
                    "server_seq": seq,
                    "op_id": op.op_id,
                    "device_id": caller.device.device_id,
                    "station_id": batch.station_of(op),
                    "table_name": op.table,
                    "row_id": op.row_id,
                    "operation": op.operation,
                    "fields": op.fields,
                    "base_version": op.base_version,
                    "hlc": op.hlc,
                    "user_id": op.user_id,
                    "outcome": outcome.status,
                    "answer": answer,
                    "received_at": now,
                }
            )
            batch.logged[op.op_id] = answer  # the same op twice in one batch is a duplicate too
            results.append(outcome)
    if log:  # one multi-row INSERT: an ORM object per op costs more than the op's merge
        session.execute(insert(ChangeLog), log)
    caller.device.last_push_at = now
    return PushResponse(server_epoch=server.epoch, results=results)


# ---- pull ----------------------------------------------------------------------------------


def pull(session: Session, caller: Caller, since: int, limit: int) -> PullResponse:
    epoch = state(session).epoch
    visible = [RowState.station_id.in_(caller.readable)]
    if caller.circle:
        visible.append(RowState.table_name.not_in(CIRCLE_HIDDEN))
    # Only what a pulled row carries: the merge bookkeeping (field versions and authors) is
    # larger than the data, and decoding it was much of a pull's time.
    carried = load_only(
        RowState.table_name, RowState.row_id, RowState.version, RowState.data, RowState.last_seq
    )
    rows = list(
        session.execute(
            select(RowState)
            .options(carried)
            .where(*visible, RowState.last_seq > since)
            .order_by(RowState.last_seq)
            .limit(limit + 1)
        ).scalars()
    )
    has_more = len(rows) > limit
    rows = rows[:limit]
    upto = rows[-1].last_seq if rows else since
    # Rows made inside this window but changed after it come now too, so a child row (a
    # victim) never arrives before the row it belongs to (its FIR, edited later). They come
    # again in their own turn; applying a row twice is harmless.
    early = session.execute(
        select(RowState)
        .options(carried)
        .where(
            *visible,
            RowState.created_seq > since,
            RowState.created_seq <= upto,
            RowState.last_seq > upto,
        )
        .order_by(RowState.created_seq)
    ).scalars()
    page = rows + list(early)
    caller.device.last_pull_at = utc_now()
    return PullResponse(
        server_epoch=epoch,
        rows=[_pulled(r, conflicts) for r, conflicts in _with_conflicts(session, page)],
        next_since=upto,
        has_more=has_more,
        station_syncs=station_syncs(session, caller.readable),
    )


def station_syncs(session: Session, stations: Iterable[str]) -> dict[str, datetime | None]:
    """When each of ``stations`` last synced: the latest push or pull of any of its station PCs
    (a sync with nothing to send only pulls, and still means the district holds all the
    station has). Revoked PCs count too: what they brought is still the district's figures.
    A circle laptop's own syncs are no station's, so only station PCs are read."""
    found: dict[str, datetime | None] = dict.fromkeys(stations)
    latest = session.execute(
        select(
            DistrictStation.station_id,
            func.max(Device.last_push_at),
            func.max(Device.last_pull_at),
        )
        .join(Device, Device.station_code == DistrictStation.code)
        .where(DistrictStation.station_id.in_(list(found)), Device.role == "station")
        .group_by(DistrictStation.station_id)
    )
    for station_id, pushed, pulled in latest:
        assert station_id is not None  # chosen by id above
        found[station_id] = max((s for s in (pushed, pulled) if s is not None), default=None)
    return found


def _with_conflicts(
    session: Session, rows: list[RowState]
) -> list[tuple[RowState, list[Conflict]]]:
    # By row id alone (indexed; a pair IN costs more), each conflict kept under its pair.
    found: dict[tuple[str, str], list[Conflict]] = {}
    for chunk in in_chunks(list({r.row_id for r in rows})):
        for conflict in session.execute(
            select(Conflict).where(Conflict.row_id.in_(chunk))
        ).scalars():
            found.setdefault((conflict.table_name, conflict.row_id), []).append(conflict)
    return [(r, found.get((r.table_name, r.row_id), [])) for r in rows]


def _pulled(row: RowState, conflicts: list[Conflict]) -> PulledRow:
    return PulledRow(
        server_seq=row.last_seq,
        table=row.table_name,
        row_id=row.row_id,
        version=row.version,
        data=row.data,
        conflicts=[
            ConflictInfo(
                id=c.id,
                field=c.field,
                kept_value=c.kept_value,
                other_value=c.other_value,
                kept_author=c.kept_author,
                kept_at=c.kept_at,
                other_author=c.other_author,
                other_at=c.other_at,
                status="resolved" if c.status == "resolved" else "open",
                resolution=c.resolution,
            )
            for c in conflicts
        ],
    )
