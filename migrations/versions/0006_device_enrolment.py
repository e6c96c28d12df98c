"""device enrolment with the district: station code, role, device key, pinned certificate

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 10:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("station_code", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("device_role", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("device_key", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("server_cert", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("server_cert")
        batch_op.drop_column("device_key")
        batch_op.drop_column("device_role")
        batch_op.drop_column("station_code")
