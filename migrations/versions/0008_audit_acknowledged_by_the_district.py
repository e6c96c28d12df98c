"""how far the district holds this PC's audit chain (audit entries acknowledged by the district)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 13:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        # An enrolled PC of an older version sends its whole chain on its next sync.
        batch_op.add_column(
            sa.Column("audit_acked_seq", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("audit_acked_seq")
