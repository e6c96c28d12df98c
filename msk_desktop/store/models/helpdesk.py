"""Help desk applications (duty i) and the follow-ups of every register that has them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base, RegisterEntry, StationScoped
from msk_desktop.store.types import UtcDateTime


class HelpdeskApplication(RegisterEntry, Base):
    __tablename__ = "helpdesk_application"

    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    applicant_pseudonym: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(24))
    summary: Mapped[str] = mapped_column(Text)
    assigned_to: Mapped[str | None] = mapped_column(String(120))
    action_taken: Mapped[str | None] = mapped_column(Text)
    # pending, disposed, fir_registered, referred
    status: Mapped[str] = mapped_column(String(16), index=True)
    disposed_on: Mapped[date | None] = mapped_column(Date)
    fir_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("fir.id"))
    next_follow_up_on: Mapped[date | None] = mapped_column(Date, index=True)


class FollowUp(StationScoped, Base):
    """Append-only follow-up of an entry of any register (never an edit of one remark field)."""

    __tablename__ = "follow_up"

    parent_table: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[str] = mapped_column(String(36), index=True)
    # follow_up, victim_update (the help desk told the victim how her case stands)
    kind: Mapped[str] = mapped_column(String(16))
    done_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    next_due_on: Mapped[date | None] = mapped_column(Date)


# The monthly report reads the applications still open on a month's first day: those with no
# disposal date, or one on or after that day. Found and read from this index alone, without
# the table's years of applications disposed long before.
Index(
    "ix_helpdesk_application_open",
    HelpdeskApplication.station_id,
    HelpdeskApplication.disposed_on,
    HelpdeskApplication.status,
    HelpdeskApplication.received_at,
    HelpdeskApplication.fir_id,
    sqlite_where=text("deleted_at IS NULL"),
    postgresql_where=text("deleted_at IS NULL"),
)
