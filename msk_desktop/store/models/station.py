"""The police station, its people with accounts, and the per-register serial counters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base, StationScoped, SyncedRow
from msk_desktop.store.types import UtcDateTime


class Station(SyncedRow, Base):
    __tablename__ = "station"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_hi: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    district: Mapped[str] = mapped_column(String(80))
    circle: Mapped[str] = mapped_column(String(80))


class AppUser(StationScoped, Base):
    """A person who logs in. The password never lives here: it only unwraps a key slot."""

    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(24))
    active: Mapped[bool] = mapped_column(default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SerialCounter(Base):
    """Next serial number per station, register and year (local only, never synced)."""

    __tablename__ = "serial_counter"

    station_id: Mapped[str] = mapped_column(String(36), ForeignKey("station.id"), primary_key=True)
    register: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)
