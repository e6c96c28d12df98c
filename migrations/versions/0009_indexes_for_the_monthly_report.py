"""indexes for the monthly report and the circle view: open applications, FIRs, milestones
and shifts of a month, read without the station's years of history

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 13:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table, index, columns; every one over the live rows only.
INDEXES = (
    (
        "helpdesk_application",
        "ix_helpdesk_application_open",
        ["station_id", "disposed_on", "status", "received_at", "fir_id"],
    ),
    (
        "fir",
        "ix_fir_station_open",
        ["station_id", "registered_at", "chargesheet_on", "final_report_on"],
    ),
    ("fir_milestone", "ix_fir_milestone_station_time", ["station_id", "happened_at", "fir_id"]),
    ("duty_roster_slot", "ix_duty_roster_slot_station_day", ["station_id", "duty_on", "roster"]),
)


def upgrade() -> None:
    for table, name, columns in INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(
                name,
                columns,
                unique=False,
                sqlite_where=sa.text("deleted_at IS NULL"),
                postgresql_where=sa.text("deleted_at IS NULL"),
            )


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
