"""when each station last synced with the district, as the last pull answer said (local only)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23 14:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import msk_desktop.store.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "station_sync_seen",
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("last_sync_at", msk_desktop.store.types.UtcDateTime(length=32), nullable=True),
        sa.PrimaryKeyConstraint("station_id", name=op.f("pk_station_sync_seen")),
    )


def downgrade() -> None:
    op.drop_table("station_sync_seen")
