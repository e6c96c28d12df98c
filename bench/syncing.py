"""Sync over loopback to a real district server: uvicorn in a process of its own
(bench/district_server.py) on PostgreSQL (127.0.0.1:5432, database ``test``, a schema of the
benchmark's own, dropped after), or on SQLite when PostgreSQL cannot be reached (said in the
table). Station PCs are real SQLCipher stations synced with the app's own engine and client.

- push: a station whose first N rows wait in the outbox (a station that worked before it was
  enrolled) runs one sync: token, push, the outcomes recorded, and the pull of what changed.
  Both ends are durable when it returns (PostgreSQL commits, SQLite synchronous=FULL).
- first pull: a new PC of that station (an empty database, enrolled) runs its first sync.
- bytes: the request bodies the server received (gzip) over the ops they carried, against the
  same ops as the uncompressed JSON the protocol sends.
- many stations: a client thread per station, each with its own enrolled device, pushes
  requests of 50 ops as fast as it is answered; rate and p95 are timed inside the server.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import Engine, create_engine, delete, text
from sqlalchemy.orm import Session

from bench import stations
from bench.fiveyear import ORDER, PASSWORD, USERNAME, insert_op, station_rows
from bench.measure import clock, median, percentile
from msk_desktop.district import admin
from msk_desktop.district.tables import DistrictBase
from msk_desktop.ops.station import login
from msk_desktop.store.clock import HybridClock
from msk_desktop.store.database import SYSTEM, StationDatabase
from msk_desktop.store.ids import new_id
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.migrate import head_revision
from msk_desktop.sync import engine
from msk_desktop.sync.client import DistrictClient, new_device_key
from msk_desktop.sync.local_store import pending_ops
from msk_desktop.sync.protocol import MAX_BATCH, EnrolRequest, Op, PushRequest

POSTGRES_URL = os.environ.get(
    "MSK_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
ROOT = Path(__file__).resolve().parent.parent
STATION_CODE = "DEMO-01"
CIRCLE = "Demo Circle 1"
START_TIMEOUT_S = 60
OPS_PER_REQUEST = 50


def client(url: str, schema: str, cert: str | None) -> DistrictClient:
    return DistrictClient(url, schema, server_cert=cert, attempts=3, backoff=0.05, timeout=300)


@dataclass
class District:
    url: str
    engine: Engine
    database: str  # "PostgreSQL 16.2" or why it is SQLite

    def reset(self) -> None:
        """Empty, with a fresh epoch: every run pushes to a district that has never seen it."""
        with Session(self.engine) as session, session.begin():
            for table in reversed(DistrictBase.metadata.sorted_tables):
                session.execute(delete(table))
        admin.initialise(self.engine)
        self.server_timings(reset=True)

    def add_station(self, code: str) -> str:
        """The station registered, and a one-time code for a device of it."""
        with Session(self.engine) as session, session.begin():
            admin.add_station(session, code, f"डेमो थाना {code}", CIRCLE)
        with Session(self.engine) as session, session.begin():
            return admin.enrol_code(session, code, "station")

    def code(self, station: str) -> str:
        with Session(self.engine) as session, session.begin():
            return admin.enrol_code(session, station, "station")

    def server_timings(self, reset: bool = False) -> list[tuple[str, float, float, int]]:
        """(path, start, seconds, request body bytes) of each request the server answered."""
        path = "/bench/timings" + ("/reset" if reset else "")
        answer = httpx.post(self.url + path) if reset else httpx.get(self.url + path)
        return [tuple(t) for t in answer.json()]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _database(work: Path, schema: str) -> tuple[Engine, str, str]:
    """(engine, URL for the server process, what it is)."""
    try:
        admin_engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with admin_engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            version = str(conn.execute(text("SHOW server_version")).scalar())
        admin_engine.dispose()
    except Exception as exc:  # any failure to reach PostgreSQL means SQLite
        url = f"sqlite:///{work / 'district.db'}"
        return create_engine(url), url, f"SQLite (PostgreSQL not reachable: {type(exc).__name__})"
    options = {"options": f"-csearch_path={schema}", "connect_timeout": 3}
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    return create_engine(POSTGRES_URL, connect_args=options), url, f"PostgreSQL {version}"


@contextmanager
def district(work: Path) -> Iterator[District]:
    schema = f"msk_bench_{os.getpid()}"
    db, url, what = _database(work, schema)
    admin.initialise(db)
    port = _free_port()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.district_server", url, str(port)], cwd=ROOT, env=env
    )
    try:
        found = District(f"http://127.0.0.1:{port}", db, what)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                found.server_timings()
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the district server did not start") from None
                time.sleep(0.2)
        yield found
    finally:
        server.terminate()
        server.wait(30)
        if db.dialect.name == "postgresql":
            with db.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        db.dispose()


# ---- one station: push, first pull, bytes ----------------------------------------------------


@dataclass(frozen=True)
class PushFigures:
    ops: int
    push_seconds: float  # median of runs: the sync that pushed every op
    pulled_back: int  # rows that sync pulled (the district's answer to what was pushed)
    pull_seconds: float | None  # the first sync of a new PC of that station (last run only)
    pulled: int
    gzip_bytes_per_op: float
    json_bytes_per_op: float


def _json_bytes(ops: list[Op]) -> int:
    return sum(
        len(PushRequest(ops=ops[start : start + MAX_BATCH]).model_dump_json().encode())
        for start in range(0, len(ops), MAX_BATCH)
    )


def _push_run(district: District, station: DataLayout, ops: int, into: Path) -> tuple[float, int]:
    district.reset()
    code = district.add_station(STATION_CODE)
    copy = stations.working_copy(station, into)
    ctx = login(copy, USERNAME, PASSWORD, clock)
    try:
        engine.enrol(ctx.db, ctx.author, district.url, code, "bench-pc1", client)
        district.server_timings(reset=True)
        start = time.perf_counter()
        report = engine.sync(ctx.db, ctx.author, client_factory=client)
        seconds = time.perf_counter() - start
    finally:
        ctx.db.close()
    # The login and enrolment add a few ops of their own (the user's last login).
    if report.pushed < ops or report.rejected:
        raise RuntimeError(f"pushed {report.pushed} of {ops} ops, {report.rejected} rejected")
    return seconds, report.pulled


def _pending(station: DataLayout, ops: int) -> list[Op]:
    ctx = login(station, USERNAME, PASSWORD, clock)
    try:
        return pending_ops(ctx.db, ops)
    finally:
        ctx.db.close()


def _first_pull(district: District, into: Path) -> tuple[float, int]:
    db, _ = StationDatabase.create(DataLayout(into), "incharge.pc2", PASSWORD)
    try:
        engine.enrol(db, SYSTEM, district.url, district.code(STATION_CODE), "bench-pc2", client)
        start = time.perf_counter()
        report = engine.sync(db, SYSTEM, client_factory=client)
        return time.perf_counter() - start, report.pulled
    finally:
        db.close()


def measure_push(
    district: District, station: DataLayout, ops: int, runs: int, work: Path, pull: bool
) -> PushFigures:
    """``runs`` first syncs of ``station`` (``ops`` waiting) to an empty district; with
    ``pull``, then the first sync of a new PC of the same station."""
    samples, pulled_back = [], 0
    bodies = 0
    for run in range(runs):
        folder = work / f"push-{ops}-{run}"
        seconds, pulled_back = _push_run(district, station, ops, folder)
        samples.append(seconds)
        bodies = sum(t[3] for t in district.server_timings() if t[0].endswith("/sync/push"))
        shutil.rmtree(folder)
    pull_seconds, pulled = None, 0
    if pull:
        pull_seconds, pulled = _first_pull(district, work / f"pull-{ops}")
        shutil.rmtree(work / f"pull-{ops}")
    return PushFigures(
        ops=ops,
        push_seconds=median(samples),
        pulled_back=pulled_back,
        pull_seconds=pull_seconds,
        pulled=pulled,
        gzip_bytes_per_op=bodies / ops,
        json_bytes_per_op=_json_bytes(_pending(station, ops)) / ops,
    )


# ---- many stations at once -------------------------------------------------------------------


@dataclass(frozen=True)
class ManyFigures:
    stations: int
    requests: int  # push requests answered, all stations
    per_second: float  # push requests answered per second, timed inside the server
    p95_ms: float  # of the time each push spent inside the server
    client_p95_ms: float  # the same pushes as their clients waited for them


def _station_ops(station_id: str, seed: int, count: int) -> list[Op]:
    rows = station_rows(station_id, seed, 0.05)
    hlc = HybridClock(station_id)
    schema = head_revision()
    ops = []
    for model in ORDER:
        for row in rows.tables.get(model.__tablename__, []):
            op = insert_op(model, row, hlc) | {"schema_version": schema}
            ops.append(
                Op(
                    op_id=op["op_id"],
                    table=op["table_name"],
                    row_id=op["row_id"],
                    operation=op["operation"],
                    fields=json.loads(op["fields"]),
                    base_version=0,
                    hlc=op["hlc"],
                    user_id=None,
                    schema_version=schema,
                )
            )
            if len(ops) == count:
                return ops
    raise ValueError(f"a station of this scale has fewer than {count} rows")


def _device(district: District, number: int) -> tuple[DistrictClient, str]:
    code = f"LOAD-{number:02d}"
    station_id = new_id()
    enrol = district.add_station(code)
    private, public = new_device_key()
    device = client(district.url, head_revision(), None)
    device_id = new_id()
    device.enrol(
        EnrolRequest(
            code=enrol,
            device_id=device_id,
            public_key=public,
            label=f"bench {code}",
            station_id=station_id,
        )
    )
    device.authenticate(device_id, private)
    return device, station_id


def measure_many(district: District, count: int, requests: int) -> ManyFigures:
    """``count`` stations pushing ``requests`` requests of 50 ops each, all at once."""
    district.reset()
    devices = [_device(district, n + 1) for n in range(count)]
    batches = [
        _station_ops(station_id, n, requests * OPS_PER_REQUEST)
        for n, (_, station_id) in enumerate(devices)
    ]
    start_together = threading.Barrier(count + 1)
    waited: list[float] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def push_all(device: DistrictClient, ops: list[Op]) -> None:
        mine = []
        try:
            start_together.wait()
            for first in range(0, len(ops), OPS_PER_REQUEST):
                batch = ops[first : first + OPS_PER_REQUEST]
                began = time.perf_counter()
                answer = device.push(batch)
                mine.append(time.perf_counter() - began)
                if len(answer.results) != len(batch):
                    raise RuntimeError("the district answered part of a batch")
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)
        with lock:
            waited.extend(mine)

    threads = [
        threading.Thread(target=push_all, args=(device, ops))
        for (device, _), ops in zip(devices, batches, strict=True)
    ]
    for thread in threads:
        thread.start()
    district.server_timings(reset=True)
    start_together.wait()
    for thread in threads:
        thread.join()
    for device, _ in devices:
        device.close()
    if failures:
        raise RuntimeError(f"{len(failures)} stations failed: {failures[0]!r}")
    pushes = [t for t in district.server_timings() if t[0].endswith("/sync/push")]
    first = min(t[1] for t in pushes)
    last = max(t[1] + t[2] for t in pushes)
    return ManyFigures(
        stations=count,
        requests=len(pushes),
        per_second=len(pushes) / (last - first),
        p95_ms=percentile([t[2] * 1000 for t in pushes], 95),
        client_p95_ms=percentile([w * 1000 for w in waited], 95),
    )
