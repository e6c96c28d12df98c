"""the district's public keys for the offline sync file, kept with the enrolment

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 12:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("district_box_key", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("district_sign_key", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("district_sign_key")
        batch_op.drop_column("district_box_key")
