"""The district server for tests: real PostgreSQL (a schema of its own per test session) behind
a real uvicorn server on a loopback port, and its tables emptied before every test.

PostgreSQL guard: when PostgreSQL cannot be reached, the tests run on SQLite and say so; but
under CI (CI set), or when something does listen on 127.0.0.1:5432 and still could not be used,
the run fails instead of quietly testing less.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import Engine, create_engine, delete, make_url, text
from sqlalchemy.orm import Session

from msk_desktop.district import admin
from msk_desktop.district.app import create_app
from msk_desktop.district.tables import DistrictBase

POSTGRES_URL = os.environ.get(
    "MSK_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SCHEMA = f"msk_sync_test_{os.getpid()}"


def _port_open(host: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def _postgres_engine() -> Engine:
    admin_engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
    with admin_engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{SCHEMA}"'))
    admin_engine.dispose()
    return create_engine(
        POSTGRES_URL, connect_args={"options": f"-csearch_path={SCHEMA}", "connect_timeout": 3}
    )


def _sqlite_fallback(root: Path, why: Exception) -> Engine:
    note = f"PostgreSQL not reachable ({type(why).__name__}); district tests run on SQLite"
    print(f"\n*** {note} ***")
    warnings.warn(note, stacklevel=1)
    return create_engine(f"sqlite:///{root / 'district.db'}")


@pytest.fixture(scope="session")
def district_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    try:
        engine = _postgres_engine()
    except Exception as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and PostgreSQL at {POSTGRES_URL} is not usable: {exc}")
        where = make_url(POSTGRES_URL)
        host, port = where.host or "127.0.0.1", where.port or 5432
        if _port_open(host, port):
            pytest.fail(f"something listens on {host}:{port} but the tests could not use it: {exc}")
        engine = _sqlite_fallback(tmp_path_factory.mktemp("district"), exc)
    admin.initialise(engine)
    yield engine
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
    engine.dispose()


def reset_district(engine: Engine) -> None:
    """Every test starts on an empty district with a fresh epoch and secret."""
    with Session(engine) as session, session.begin():
        for table in reversed(DistrictBase.metadata.sorted_tables):
            session.execute(delete(table))
    admin.initialise(engine)


class ServerThread:
    """uvicorn on a free loopback port, in a thread of the test process."""

    def __init__(self, engine: Engine, tls: tuple[Path, Path] | None = None) -> None:
        cert, key = tls or (None, None)
        config = uvicorn.Config(
            create_app(engine),
            host="127.0.0.1",
            port=0,
            log_level="warning",
            ssl_certfile=cert,
            ssl_keyfile=key,
        )
        self.scheme = "https" if tls else "http"
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the district server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"{self.scheme}://127.0.0.1:{port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def district_url(district_engine: Engine) -> Iterator[str]:
    server = ServerThread(district_engine)
    url = server.start()
    yield url
    server.stop()


def database_url(engine: Engine) -> str:
    """The URL ``msk-district --db`` takes for the test database (its schema included)."""
    if engine.dialect.name == "postgresql":
        return f"{POSTGRES_URL}?options=-csearch_path%3D{SCHEMA}"
    return engine.url.render_as_string(hide_password=False)


@dataclass
class District:
    url: str
    engine: Engine

    def session(self) -> Session:
        return Session(self.engine)

    def add_station(self, code: str, circle: str) -> None:
        with self.session() as session, session.begin():
            admin.add_station(session, code, f"Thana {code}", circle)

    def code(self, station: str, role: str = "station") -> str:
        with self.session() as session, session.begin():
            return admin.enrol_code(session, station, role)

    def revoke(self, device_id: str) -> None:
        with self.session() as session, session.begin():
            admin.revoke(session, device_id)

    def new_epoch(self) -> None:
        with self.session() as session, session.begin():
            admin.new_epoch(session)


@pytest.fixture
def district(district_engine: Engine, district_url: str) -> District:
    reset_district(district_engine)
    return District(district_url, district_engine)
