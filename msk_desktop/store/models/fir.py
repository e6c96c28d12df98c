"""Parallel FIR register (duty iv): every FIR of a crime against women or children."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base, RegisterEntry, StationScoped
from msk_desktop.store.types import UtcDateTime


class Fir(RegisterEntry, Base):
    __tablename__ = "fir"

    crime_no: Mapped[int] = mapped_column(Integer)
    crime_year: Mapped[int] = mapped_column(Integer)
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    offence_date: Mapped[date] = mapped_column(Date)
    penal_code: Mapped[str] = mapped_column(String(4))  # IPC or BNS, from the offence date
    crime_head: Mapped[str] = mapped_column(String(24), index=True)
    place: Mapped[str | None] = mapped_column(String(200))
    complainant_relation: Mapped[str | None] = mapped_column(String(40))
    io_name: Mapped[str | None] = mapped_column(String(120))
    io_rank: Mapped[str | None] = mapped_column(String(24))
    # under_investigation, chargesheeted, final_report, transferred, expunged
    status: Mapped[str] = mapped_column(String(24), index=True)
    chargesheet_no: Mapped[str | None] = mapped_column(String(40))
    chargesheet_on: Mapped[date | None] = mapped_column(Date)
    final_report_no: Mapped[str | None] = mapped_column(String(40))
    final_report_on: Mapped[date | None] = mapped_column(Date)
    court_case_no: Mapped[str | None] = mapped_column(String(60))
    court_outcome: Mapped[str | None] = mapped_column(String(24))
    court_outcome_on: Mapped[date | None] = mapped_column(Date)
    on_itsso_portal: Mapped[bool] = mapped_column(default=False)
    compensation_note: Mapped[str | None] = mapped_column(Text)
    # statutory (law forbids lifting) or default (the in-charge may lift it with a reason)
    identity_rule: Mapped[str] = mapped_column(String(12))
    identity_lifted_reason: Mapped[str | None] = mapped_column(Text)
    remarks: Mapped[str | None] = mapped_column(Text)


# What today's work and the FIR register view filter and sort by, at 100,000 FIRs a station.
Index("ix_fir_station_status", Fir.station_id, Fir.status)
Index("ix_fir_station_registered", Fir.station_id, Fir.registered_at)
Index("ix_fir_station_crime_no", Fir.station_id, Fir.crime_year, Fir.crime_no)
Index("ix_fir_station_head", Fir.station_id, Fir.crime_head)
Index("ix_fir_station_io", Fir.station_id, Fir.io_name)
# The FIRs a month's report counts (registered since a day, or still open on it), found from
# this index alone instead of reading five years of FIR rows.
Index(
    "ix_fir_station_open",
    Fir.station_id,
    Fir.registered_at,
    Fir.chargesheet_on,
    Fir.final_report_on,
    sqlite_where=text("deleted_at IS NULL"),
    postgresql_where=text("deleted_at IS NULL"),
)


class FirSection(StationScoped, Base):
    __tablename__ = "fir_section"

    fir_id: Mapped[str] = mapped_column(String(36), ForeignKey("fir.id"), index=True)
    law: Mapped[str] = mapped_column(String(8))
    section: Mapped[str] = mapped_column(String(16))
    ordinal: Mapped[int] = mapped_column(Integer)


class FirVictim(StationScoped, Base):
    """What may be shown about a victim: a pseudonym and non-identifying facts."""

    __tablename__ = "fir_victim"

    fir_id: Mapped[str] = mapped_column(String(36), ForeignKey("fir.id"), index=True)
    pseudonym: Mapped[str] = mapped_column(String(40), index=True)
    age: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[str] = mapped_column(String(8))


class FirAccused(StationScoped, Base):
    __tablename__ = "fir_accused"

    fir_id: Mapped[str] = mapped_column(String(36), ForeignKey("fir.id"), index=True)
    named: Mapped[bool] = mapped_column(default=True)
    name: Mapped[str | None] = mapped_column(String(120))
    gender: Mapped[str | None] = mapped_column(String(8))
    age: Mapped[int | None] = mapped_column(Integer)
    arrested_on: Mapped[date | None] = mapped_column(Date)
    bail_on: Mapped[date | None] = mapped_column(Date)
    # at_large, arrested, on_bail, surrendered, absconding
    status: Mapped[str] = mapped_column(String(16))


class FirMilestone(StationScoped, Base):
    """Append-only milestones (medical examination, statements, victim updates, ...).

    Rows of their own rather than edits of one field, so two PCs adding milestones offline never
    conflict (SYNC.md rule 4).
    """

    __tablename__ = "fir_milestone"

    fir_id: Mapped[str] = mapped_column(String(36), ForeignKey("fir.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    happened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str | None] = mapped_column(Text)


# Milestones of a month (deadlines met in it), by station and time.
Index(
    "ix_fir_milestone_station_time",
    FirMilestone.station_id,
    FirMilestone.happened_at,
    FirMilestone.fir_id,
    sqlite_where=text("deleted_at IS NULL"),
    postgresql_where=text("deleted_at IS NULL"),
)
