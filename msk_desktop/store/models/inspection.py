"""Inspection book (निरीक्षण पुस्तिका): entries by the circle officer and the directions given."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base, RegisterEntry, StationScoped
from msk_desktop.store.types import UtcDateTime


class InspectionEntry(RegisterEntry, Base):
    __tablename__ = "inspection_entry"

    visited_on: Mapped[date] = mapped_column(Date, index=True)
    officer_name: Mapped[str] = mapped_column(String(120))
    officer_rank: Mapped[str] = mapped_column(String(60))
    observations: Mapped[str] = mapped_column(Text)
    # Signed entries are closed for edits; corrections are new entries.
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    signed_by: Mapped[str | None] = mapped_column(String(36))


class InspectionDirection(StationScoped, Base):
    __tablename__ = "inspection_direction"

    entry_id: Mapped[str] = mapped_column(String(36), ForeignKey("inspection_entry.id"), index=True)
    direction: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(120))
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    # open, complied, partly_complied
    compliance_status: Mapped[str] = mapped_column(String(16), index=True)
    compliance_note: Mapped[str | None] = mapped_column(Text)
    complied_on: Mapped[date | None] = mapped_column(Date)
