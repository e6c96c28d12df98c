"""The encrypted SQLite engine.

The database key is random, so it is given to SQLCipher raw (``x'…'``): no PBKDF2 per
connection, and one pool serves the whole session (SECURITY.md: never reopen per query).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from msk_desktop.domain.errors import Message, StoreProblem, WrongPassword

IMMEDIATE = "immediate"


def keyed_connection(path: Path, key: bytes) -> Any:
    # isolation_level=None: the driver must not open transactions behind our back; the "begin"
    # listener below emits BEGIN itself (SQLAlchemy's recipe for pysqlite).
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    # SQLCipher logs decryption failures to stderr; a wrong password is answered by us instead.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _prepare(conn: Any) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a save reported done survives a power cut (SECURITY.md, "Power loss").
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")


def check_key(path: Path, key: bytes) -> None:
    """Fail clearly when the key does not open the file (wrong slot, or not our database)."""
    conn = keyed_connection(path, key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        raise WrongPassword(
            Message(
                hi="यह कुंजी इस डेटाबेस को नहीं खोलती।",
                en="This key does not open the database.",
            )
        ) from None
    finally:
        conn.close()


def open_engine(path: Path, key: bytes) -> Engine:
    def connect() -> Any:
        conn = keyed_connection(path, key)
        try:
            _prepare(conn)
        except sqlcipher.DatabaseError as exc:
            conn.close()
            raise StoreProblem(
                Message(
                    hi=f"डेटाबेस फ़ाइल खुल नहीं सकी: {path}",
                    en=f"The database file cannot be opened: {path} ({exc})",
                )
            ) from exc
        return conn

    engine = create_engine(
        "sqlite+pysqlite://",
        creator=connect,
        module=sqlcipher,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock at BEGIN, so two writers never deadlock upgrading a read
        # lock; readers stay deferred and never block (WAL).
        mode = "BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN"
        conn.exec_driver_sql(mode)

    return engine


def create_empty(path: Path, key: bytes) -> None:
    conn = keyed_connection(path, key)
    try:
        _prepare(conn)
        conn.execute("CREATE TABLE IF NOT EXISTS _created (x INTEGER)")
        conn.execute("DROP TABLE _created")
    finally:
        conn.close()
