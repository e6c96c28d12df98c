"""station settings (idle screen lock, reveal time)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 10:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "station_setting",
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_station_setting_station_id_station")
        ),
        sa.PrimaryKeyConstraint("station_id", "key", name=op.f("pk_station_setting")),
    )


def downgrade() -> None:
    op.drop_table("station_setting")
