"""Preventive action register (duty vii)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base, RegisterEntry


class PreventiveAction(RegisterEntry, Base):
    __tablename__ = "preventive_action"

    person_name: Mapped[str] = mapped_column(String(120))
    person_parentage: Mapped[str | None] = mapped_column(String(160))
    person_address: Mapped[str | None] = mapped_column(Text)
    person_age: Mapped[int | None] = mapped_column(Integer)
    fir_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("fir.id"), index=True)
    action_code: Mapped[str] = mapped_column(String(24))
    action_on: Mapped[date] = mapped_column(Date, index=True)
    ordered_by: Mapped[str | None] = mapped_column(String(120))
    order_ref: Mapped[str | None] = mapped_column(String(60))
    bond_amount: Mapped[int | None] = mapped_column(Numeric(12, 0, asdecimal=False))
    bond_months: Mapped[int | None] = mapped_column(Integer)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    # active, expired, renewed, breached, closed
    status: Mapped[str] = mapped_column(String(16), index=True)
    remarks: Mapped[str | None] = mapped_column(Text)
