"""Alembic environment. The app passes its own (encrypted) connection in
``config.attributes["connection"]``; developers autogenerating a revision use the URL in
``alembic.ini`` (a plain SQLite scratch file)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

import msk_desktop.store.models  # noqa: F401 - registers every table on Base.metadata
from msk_desktop.store.base import Base
from msk_desktop.store.migrate import include_name

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=include_name,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given: Connection | None = config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        _run(connection)


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported")
run_migrations_online()
