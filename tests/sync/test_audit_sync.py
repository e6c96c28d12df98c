"""The station PCs' audit chains reach the district, which keeps a copy only the chain itself can
extend: entries already sent that were changed or removed on a PC are refused with an alarm the
administrator sees, while the PC's data goes on syncing. Real station files, the real district
on PostgreSQL behind a real loopback server."""

from __future__ import annotations

import base64
import gzip
import json
import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, func, inspect, select, text, update
from sqlalchemy.orm import Session

from msk_desktop.district.audit_chain import alarms, verify_copy
from msk_desktop.district.cli import main as district_cli
from msk_desktop.district.offline import answer_station_file
from msk_desktop.district.tables import AuditAlarm, AuditCopy, RowState
from msk_desktop.gui.sync_runner import describe
from msk_desktop.ops import replica
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.identity import reveal_case_identities
from msk_desktop.store import migrate
from msk_desktop.store.audit import chain_hash, entry_fields, verify_chain
from msk_desktop.store.database import SYSTEM, StationDatabase
from msk_desktop.store.models import AuditEntry, DeviceSyncState
from msk_desktop.sync import engine, local_store
from msk_desktop.sync.client import DistrictClient
from msk_desktop.sync.protocol import (
    API,
    MAX_AUDIT_BATCH,
    MAX_BODY_BYTES,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
)
from tests.district.conftest import District, database_url
from tests.district.test_hostile import Device, token
from tests.ops.conftest import IDENTITY_STRINGS, SAMPLES, new_fir
from tests.store.test_audit_chain import TAMPERING
from tests.sync.conftest import Pc, fast_client
from tests.sync.proxy import CuttingProxy

# The cutting proxy of the data sync's test, imported by name so pytest finds the fixture here.
from tests.sync.test_dropping_link import proxy, sync_until_done  # noqa: F401

Chain = list[tuple[int, str]]  # (seq, hash)


def _local(db: StationDatabase) -> Chain:
    with db.read() as session:
        return [
            (e.seq, e.hash)
            for e in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
        ]


def _copy(district: District, device_id: str) -> Chain:
    with district.session() as session:
        rows = session.execute(
            select(AuditCopy.seq, AuditCopy.hash)
            .where(AuditCopy.device_id == device_id)
            .order_by(AuditCopy.seq)
        )
        return [(seq, hash_) for seq, hash_ in rows]


def _acked(db: StationDatabase) -> int:
    with db.read() as session:
        return session.get_one(DeviceSyncState, 1).audit_acked_seq


def _alarms(district: District, device_id: str) -> list[tuple[int, str, int]]:
    with district.session() as session:
        return [(a.seq, a.reason, a.times) for a in alarms(session, [device_id])]


def _copy_verifies(district: District, device_id: str) -> int:
    with district.session() as session:
        report = verify_copy(session, device_id, batch=3)  # small pages: the walk crosses them
    assert report.ok, report
    return report.entries


def _audit_verify(
    district: District, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    capsys.readouterr()
    code = district_cli(["--db", database_url(district.engine), "audit-verify", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _programme(pc: Pc) -> str:
    return create_entry(pc.ctx, "awareness_programme", SAMPLES["awareness_programme"]).entity_id


def _at_district(district: District, row_id: str) -> bool:
    with district.session() as session:
        return (
            session.execute(select(RowState).where(RowState.row_id == row_id)).first() is not None
        )


def test_entries_reach_the_district_and_later_syncs_send_only_new_ones(
    district: District, station_a: Pc, capsys: pytest.CaptureFixture[str]
) -> None:
    device = station_a.db.device_id
    first = station_a.sync()
    local, copy = _local(station_a.db), _copy(district, device)
    assert first.audit_refused is None and first.audit_sent == len(copy) >= 3
    # The run's own entry (sync.run) is written after its audit push: it goes next time.
    assert copy == local[:-1] and len(local) == len(copy) + 1
    assert _copy_verifies(district, device) == len(copy)
    assert _acked(station_a.db) == copy[-1][0]

    _programme(station_a)
    _programme(station_a)
    second = station_a.sync()
    copy_2 = _copy(district, device)
    assert second.audit_sent == len(copy_2) - len(copy) == 3  # last run's entry + two entries
    assert copy_2[: len(copy)] == copy and copy_2 == _local(station_a.db)[:-1]
    assert _copy_verifies(district, device) == len(copy_2)

    code, out, _ = _audit_verify(district, capsys, "--station", "LKO-A")
    assert code == 0
    assert f"{device}  LKO-A" in out and f"OK ({len(copy_2)} entries)" in out
    assert "ALARM" not in out


@pytest.mark.parametrize("name", list(TAMPERING))
def test_an_entry_changed_after_it_was_sent_is_refused_with_an_alarm(
    district: District, station_a: Pc, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    device = station_a.db.device_id
    for _ in range(4):
        _programme(station_a)
    station_a.sync()
    held = _copy(district, device)
    assert len(held) >= 7  # every tampered entry was already at the district
    tamper, first_broken, reason = TAMPERING[name]
    tamper(station_a.db)
    made = _programme(station_a)

    report = station_a.sync()
    assert report.audit_refused is not None
    assert f"Audit log entry {first_broken} does not continue" in report.audit_refused.en
    assert "ऑडिट लॉग" in report.audit_refused.hi
    assert _at_district(district, made)  # the data synced all the same
    assert _copy(district, device) == held  # nothing of the refused batch was kept
    assert _copy_verifies(district, device) == len(held)
    [(seq, why, times)] = _alarms(district, device)
    assert seq == first_broken and reason in why and times == 1
    # The PC's run log says so too.
    with station_a.db.read() as session:
        last = session.execute(
            select(AuditEntry.action, AuditEntry.detail).order_by(AuditEntry.seq.desc()).limit(1)
        ).one()
    assert last.action == "sync.run" and json.loads(last.detail)["audit_refused"] == 1

    again = station_a.sync()  # the same entries again: the same alarm, counted, not a new one
    assert again.audit_refused is not None
    assert again.audit_refused.en in describe(again).en  # the app's status line says it too
    assert again.audit_refused.hi in describe(again).hi
    assert _alarms(district, device) == [(first_broken, why, 2)]

    code, out, _ = _audit_verify(district, capsys)
    assert code == 1
    assert f"OK ({len(held)} entries)" in out
    assert f"ALARM {device}: entry {first_broken} " in out and "2 time(s)" in out


def test_a_chain_rewritten_with_fresh_hashes_is_refused(district: District, station_a: Pc) -> None:
    """Whoever holds the key can recompute every hash after an edit, so the PC's own check
    passes; the district's copy still tells."""
    device = station_a.db.device_id
    station_a.sync()
    held = _copy(district, device)
    with Session(station_a.db.engine) as session, session.begin():
        prev = None
        for entry in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
            if entry.seq == 3:
                entry.username = "mallory"
            if entry.seq >= 3:
                assert prev is not None
                entry.prev_hash = prev
                entry.hash = chain_hash(entry_fields(entry), prev)
            prev = entry.hash
    with station_a.db.read() as session:
        assert verify_chain(session).ok

    report = station_a.sync()
    assert report.audit_refused is not None
    [(seq, why, _)] = _alarms(district, device)
    assert seq == held[-1][0] + 1 and "link" in why
    assert _copy(district, device) == held


def test_the_district_copy_tampered_is_named(
    district: District, station_a: Pc, capsys: pytest.CaptureFixture[str]
) -> None:
    device = station_a.db.device_id
    station_a.sync()
    with district.engine.begin() as conn:
        conn.execute(
            update(AuditCopy)
            .where(AuditCopy.device_id == device, AuditCopy.seq == 3)
            .values(username="mallory")
        )
    code, out, _ = _audit_verify(district, capsys, "--station", "LKO-A")
    assert code == 1
    assert f"{device}  LKO-A" in out
    assert "BROKEN at entry 3: entry was altered after it was written" in out

    with district.engine.begin() as conn:
        conn.execute(delete(AuditCopy).where(AuditCopy.device_id == device, AuditCopy.seq == 2))
    code, out, _ = _audit_verify(district, capsys)
    assert code == 1 and "BROKEN at entry 3: entry 2 is missing" in out


def test_an_unknown_station_is_refused_in_both_languages(
    district: District, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _audit_verify(district, capsys, "--station", "NOPE")
    assert code == 2 and out == ""
    assert "Unknown station NOPE" in err and "थाना NOPE ज्ञात नहीं है" in err


def test_a_resend_after_a_lost_answer_is_harmless(district: District, station_a: Pc) -> None:
    device = station_a.db.device_id
    station_a.sync()
    _programme(station_a)
    batch = local_store.audit_batch(station_a.db)
    assert batch is not None
    enrolment = replica.enrolment(station_a.db)
    assert enrolment is not None
    client = fast_client(district.url, station_a.db.schema_version, None)
    try:
        client.authenticate(enrolment.device_id, enrolment.private_key)
        first = client.push_audit(batch)
        again = client.push_audit(batch)  # as if the first answer never arrived
        # From further back, overlapping what the district holds.
        replica.acknowledge_audit(station_a.db, SYSTEM, 0)
        whole = local_store.audit_batch(station_a.db)
        assert whole is not None and whole.after_seq == 0
        overlap = client.push_audit(whole)
    finally:
        client.close()
    assert first.stored == len(batch.entries) == 2
    assert again.stored == overlap.stored == 0
    assert first.held_through == again.held_through == overlap.held_through
    assert _copy(district, device) == _local(station_a.db)
    assert _alarms(district, device) == []


def test_a_dropping_link_neither_loses_nor_alarms(
    district: District,
    station_a: Pc,
    proxy: CuttingProxy,  # noqa: F811
) -> None:
    def via_proxy(url: str, schema: str, cert: str | None) -> DistrictClient:
        return fast_client(proxy.url, schema, cert)

    station_a.factory = via_proxy
    for _ in range(6):
        for _ in range(3):
            _programme(station_a)
        sync_until_done(station_a)
    assert proxy.cuts >= 3
    device = station_a.db.device_id
    copy = _copy(district, device)
    assert copy == _local(station_a.db)[: len(copy)] and len(copy) >= 20
    assert _copy_verifies(district, device) == len(copy)
    assert _alarms(district, device) == []


def test_a_restored_district_gets_the_chain_again(district: District, station_a: Pc) -> None:
    device = station_a.db.device_id
    station_a.sync()
    _programme(station_a)
    station_a.sync()
    full = _copy(district, device)

    # Restored from an older backup without a new epoch: the PC sends from what is held.
    with district.engine.begin() as conn:
        conn.execute(delete(AuditCopy).where(AuditCopy.device_id == device, AuditCopy.seq > 3))
    report = station_a.sync()
    assert report.audit_refused is None and report.audit_sent == len(full) - 3 + 1
    assert _copy(district, device) == _local(station_a.db)[:-1]

    # Restored, with a new epoch: everything is sent again; what is held matches.
    with district.engine.begin() as conn:
        conn.execute(delete(AuditCopy).where(AuditCopy.device_id == device, AuditCopy.seq > 5))
    district.new_epoch()
    before = len(_copy(district, device))
    report = station_a.sync()
    assert report.resent_after_restore and report.audit_refused is None
    after = _copy(district, device)
    assert report.audit_sent == len(after) - before and after == _local(station_a.db)[:-1]
    assert _copy_verifies(district, device) == len(after)
    assert _alarms(district, device) == []


def test_the_sync_file_carries_the_audit_entries(district: District, station_a: Pc) -> None:
    device = station_a.db.device_id

    def round_trip() -> engine.SyncReport:
        exported = engine.export_file(station_a.db, station_a.ctx.author)
        with district.session() as session, session.begin():
            answered = answer_station_file(session, exported.data)
        return engine.import_answer(station_a.db, station_a.ctx.author, answered.data)

    for _ in range(4):
        _programme(station_a)
    report = round_trip()
    copy = _copy(district, device)
    assert report.audit_refused is None and report.audit_sent == len(copy) >= 7
    assert copy == _local(station_a.db)[: len(copy)] and _acked(station_a.db) == copy[-1][0]
    assert _copy_verifies(district, device) == len(copy)

    tamper, first_broken, reason = TAMPERING["edit detail"]
    tamper(station_a.db)
    made = _programme(station_a)
    report = round_trip()
    assert report.audit_refused is not None and report.audit_sent == 0
    assert f"Audit log entry {first_broken} does not continue" in report.audit_refused.en
    assert _at_district(district, made)
    assert _copy(district, device) == copy
    [(seq, why, _)] = _alarms(district, device)
    assert seq == first_broken and reason in why


# ---- hostile audit pushes ------------------------------------------------------------------


@pytest.fixture
def http(district: District) -> Iterator[httpx.Client]:
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: migrate.head_revision()}
    with httpx.Client(base_url=district.url + API, headers=headers, timeout=10) as client:
        yield client


def _bearer(http: httpx.Client, pc: Pc) -> str:
    enrolment = replica.enrolment(pc.db)
    assert enrolment is not None
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(enrolment.private_key))
    return token(http, Device(enrolment.device_id, key, None))


def _send(
    http: httpx.Client, bearer: str | None, body: bytes, encoding: str = "gzip"
) -> httpx.Response:
    headers = {"Content-Type": "application/json", "Content-Encoding": encoding}
    if bearer:
        headers["Authorization"] = f"Bearer {bearer}"
    return http.post("/audit/push", content=body, headers=headers)


def _valid(pc: Pc) -> dict[str, Any]:
    batch = local_store.audit_batch(pc.db)
    assert batch is not None
    return batch.model_dump()


def _with(body: dict[str, Any], **entry: Any) -> bytes:
    changed = json.loads(json.dumps(body))
    changed["entries"][0] |= entry
    return gzip.compress(json.dumps(changed).encode())


def _hostile(body: dict[str, Any]) -> dict[str, tuple[bytes, str, int]]:
    """name → (raw body, content-encoding, expected status)."""
    packed = gzip.compress(json.dumps(body).encode())
    bomb = gzip.compress(b" " * (MAX_BODY_BYTES + 1))
    many = dict(body, entries=body["entries"][:1] * (MAX_AUDIT_BATCH + 1))
    return {
        "not gzip": (b"not gzip at all", "gzip", 400),
        "truncated gzip": (packed[: len(packed) // 2], "gzip", 400),
        "gzip bomb": (bomb, "gzip", 413),
        "odd encoding": (packed, "br", 400),
        "not json": (gzip.compress(b"{entries: ["), "gzip", 400),
        "no entries": (gzip.compress(json.dumps(dict(body, entries=[])).encode()), "gzip", 400),
        "too many": (gzip.compress(json.dumps(many).encode()), "gzip", 400),
        "extra field": (_with(body, extra="x"), "gzip", 400),
        "bad hash": (_with(body, hash="not-a-hash"), "gzip", 400),
        "NUL in detail": (_with(body, detail='{"a":"\u0000"}'), "gzip", 400),
        "lone surrogate": (
            gzip.compress(
                json.dumps(body).replace('"detail": "', '"detail": "\\ud800', 1).encode()
            ),
            "gzip",
            400,
        ),
        "huge seq": (_with(body, seq=2**70), "gzip", 400),
        "negative after": (
            gzip.compress(json.dumps(dict(body, after_seq=-1)).encode()),
            "gzip",
            400,
        ),
        "detail a number": (_with(body, detail=5), "gzip", 400),
        "entries an object": (
            gzip.compress(json.dumps(dict(body, entries={})).encode()),
            "gzip",
            400,
        ),
        # Well formed, but not a chain: refused as divergent, with an alarm.
        "wrong hash": (_with(body, hash="0" * 64), "gzip", 409),
        "out of order": (_with(body, seq=2), "gzip", 409),
        "username changed": (_with(body, username="mallory"), "gzip", 409),
    }


def test_hostile_audit_pushes_are_refused_and_nothing_is_stored(
    district: District, station_a: Pc, http: httpx.Client
) -> None:
    device = station_a.db.device_id
    body = _valid(station_a)
    assert _send(http, None, gzip.compress(json.dumps(body).encode())).status_code == 401
    bearer = _bearer(http, station_a)
    for name, (raw, encoding, status) in _hostile(body).items():
        answer = _send(http, bearer, raw, encoding)
        assert answer.status_code == status, (name, answer.text)
        reason = answer.json()["reason"]
        assert reason["en"] and reason["hi"], name
        assert _copy(district, device) == [], name
    # Each divergent batch left its alarm, at the entry where it broke.
    assert {seq for seq, _, _ in _alarms(district, device)} == {1, 2}
    good = _send(http, bearer, gzip.compress(json.dumps(body).encode()))
    assert good.status_code == 200 and good.json()["stored"] == len(body["entries"])


# ---- protected identity --------------------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def server_logs() -> Iterator[_Collect]:
    collect = _Collect()
    names = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "msk_desktop", "fastapi")
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(collect)
        lg.setLevel(logging.INFO)
    yield collect
    for lg, level in zip(loggers, levels, strict=True):
        lg.removeHandler(collect)
        lg.setLevel(level)


def test_no_protected_identity_reaches_the_audit_copy_or_the_logs(
    district: District, station_a: Pc, server_logs: _Collect
) -> None:
    reason = "आरोप पत्र हेतु सत्यापन"
    fir = new_fir(
        station_a.ctx,
        victims=(
            {
                "age": 26,
                "gender": "female",
                "identity": {
                    "name": IDENTITY_STRINGS[0],
                    "parentage": IDENTITY_STRINGS[1],
                    "address": IDENTITY_STRINGS[2],
                    "phone": IDENTITY_STRINGS[3],
                },
            },
        ),
        complainant={"name": IDENTITY_STRINGS[4]},
    )
    reveal_case_identities(station_a.ctx, fir.entity_id, reason)
    report = station_a.sync()
    assert report.audit_refused is None and report.audit_sent > 0
    TAMPERING["edit detail"][0](station_a.db)
    assert station_a.sync().audit_refused is not None  # the refusal path is logged too

    with district.session() as session:
        copied = session.execute(select(AuditCopy)).scalars().all()
        actions = {c.action for c in copied}
        stored = json.dumps(
            [[getattr(c, a.key) for a in inspect(AuditCopy).column_attrs] for c in copied],
            default=str,
            ensure_ascii=False,
        )
        stored += " ".join(a.reason for a in session.execute(select(AuditAlarm)).scalars())
        # The victim's name did reach the district, in its protected table: the check looks.
        held = session.execute(
            select(func.count())
            .select_from(RowState)
            .where(RowState.table_name == "protected_identity")
        ).scalar_one()
    assert {"fir.register", "identity.reveal"} <= actions and held >= 2
    logged = "\n".join(server_logs.lines)
    assert "POST /v1/audit/push" in logged and " 409" in logged  # the capture really sees them
    # The reason for a reveal is no identity: the district is meant to read it.
    assert reason in stored
    for secret in IDENTITY_STRINGS:
        assert secret not in stored
        assert secret not in logged


def test_an_old_district_database_is_upgraded_by_init(
    district: District, capsys: pytest.CaptureFixture[str]
) -> None:
    url = database_url(district.engine)
    with district.engine.begin() as conn:
        conn.execute(text("DELETE FROM district_schema"))
        conn.execute(
            text("INSERT INTO district_schema (version, applied_at) VALUES (1, '2026-01-01')")
        )
    capsys.readouterr()
    assert district_cli(["--db", url, "serve", "--port", "1"]) == 2
    assert "version 1, expected 2" in capsys.readouterr().err
    assert district_cli(["--db", url, "init"]) == 0
    assert "upgraded to version 2" in capsys.readouterr().out
    assert district_cli(["--db", url, "init"]) == 0
    assert "already set up" in capsys.readouterr().out
