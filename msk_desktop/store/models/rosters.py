"""Duty rosters (duties i-iii): women help desk, anti-Romeo squad and women beat.

A slot is one shift at one place on one day; assignments say who was on it. An unstaffed help
desk shift is a slot with no assignment.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Date, ForeignKey, Index, String, Text, Time, text
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base, StationScoped


class DutyRosterSlot(StationScoped, Base):
    __tablename__ = "duty_roster_slot"

    roster: Mapped[str] = mapped_column(String(16))  # help_desk, anti_romeo, women_beat
    duty_on: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    place: Mapped[str | None] = mapped_column(String(160))  # hotspot or beat
    area: Mapped[str | None] = mapped_column(String(200))  # panchayats / wards of a beat
    team_name: Mapped[str | None] = mapped_column(String(80))
    report: Mapped[str | None] = mapped_column(Text)  # what the squad or beat reported


# A month's shifts of one station (the monthly report's roster coverage).
Index(
    "ix_duty_roster_slot_station_day",
    DutyRosterSlot.station_id,
    DutyRosterSlot.duty_on,
    DutyRosterSlot.roster,
    sqlite_where=text("deleted_at IS NULL"),
    postgresql_where=text("deleted_at IS NULL"),
)


class DutyRosterAssignment(StationScoped, Base):
    __tablename__ = "duty_roster_assignment"

    slot_id: Mapped[str] = mapped_column(String(36), ForeignKey("duty_roster_slot.id"), index=True)
    staff_id: Mapped[str] = mapped_column(String(36), ForeignKey("staff_member.id"), index=True)
