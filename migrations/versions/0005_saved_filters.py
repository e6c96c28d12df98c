"""saved filters of register views (per user, local); index of unsent entries

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 11:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

REGISTER_TABLES = (
    "awareness_programme",
    "counselling_case",
    "fir",
    "helpdesk_application",
    "inspection_entry",
    "ppk_referral",
    "preventive_action",
    "staff_deployment",
    "staff_member",
    "support_referral",
)
UNSYNCED = "sync_state != 'synced'"

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "saved_filter",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("register", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_saved_filter_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_filter")),
        sa.UniqueConstraint(
            "user_id", "register", "name", name=op.f("uq_saved_filter_user_id_register_name")
        ),
    )
    for table in REGISTER_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.create_index(
                f"ix_{table}_unsynced",
                ["station_id"],
                unique=False,
                sqlite_where=sa.text(UNSYNCED),
                postgresql_where=sa.text(UNSYNCED),
            )


def downgrade() -> None:
    for table in REGISTER_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(f"ix_{table}_unsynced")
    op.drop_table("saved_filter")
