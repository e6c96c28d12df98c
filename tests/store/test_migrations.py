"""Migrations: empty → head, models and migrations agree, downgrade and upgrade on a copy."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from msk_desktop.store import migrate
from msk_desktop.store.backup import copy_database
from msk_desktop.store.base import Base
from msk_desktop.store.database import SYSTEM, StationDatabase
from msk_desktop.store.engine import open_engine
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import Station
from tests.store.conftest import PASSWORD


def test_empty_to_head_creates_every_table(created: tuple[StationDatabase, str]) -> None:
    db, _ = created
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_models_and_migrations_agree(created: tuple[StationDatabase, str]) -> None:
    db, _ = created
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": migrate.include_name}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models differ from migrations; write a revision: {diff}"


def test_downgrade_one_step_and_upgrade_again_on_a_copy(
    created: tuple[StationDatabase, str], layout: DataLayout, tmp_path: Path
) -> None:
    db, _ = created
    with db.write(SYSTEM) as tx:
        tx.session.add(Station(code="T-1", name_hi="थाना", name_en="T", district="D", circle="C"))
        tx.audit("test.station")
    key = db._key
    copy = tmp_path / "copy.msk"
    copy_database(layout.database, copy, key)
    engine = open_engine(copy, key)
    head = migrate.head_revision()
    migrate.downgrade(engine, "-1")
    assert migrate.current_revision(engine) != head
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == head
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    engine.dispose()
    # The original was not touched by the round trip on its copy.
    with db.read() as session:
        assert session.query(Station).count() == 1


def test_opening_an_old_schema_backs_up_then_migrates(
    created: tuple[StationDatabase, str], layout: DataLayout
) -> None:
    db, _ = created
    migrate.downgrade(db.engine, "-1")
    db.close()
    reopened, _ = StationDatabase.open(layout, "incharge", PASSWORD)
    assert migrate.current_revision(reopened.engine) == migrate.head_revision()
    reopened.close()
    assert any("premigrate" in p.name for p in layout.backups_dir.glob("*.msk"))
