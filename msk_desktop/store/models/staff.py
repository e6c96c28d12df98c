"""Staff register, women staff deployments (duty vi) and awareness programmes (duty xi)."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base, RegisterEntry, StationScoped


class StaffMember(RegisterEntry, Base):
    __tablename__ = "staff_member"

    name: Mapped[str] = mapped_column(String(120))
    rank: Mapped[str] = mapped_column(String(24))
    gender: Mapped[str] = mapped_column(String(8))
    is_in_charge: Mapped[bool] = mapped_column(default=False)
    police_no: Mapped[str | None] = mapped_column(String(24))
    mobile: Mapped[str | None] = mapped_column(String(20))
    posted_on: Mapped[date] = mapped_column(Date)
    removed_on: Mapped[date | None] = mapped_column(Date)
    removal_kind: Mapped[str | None] = mapped_column(String(16))  # transfer, de_induction
    removal_approval_ref: Mapped[str | None] = mapped_column(String(80))
    igot_certificate_no: Mapped[str | None] = mapped_column(String(60))
    igot_certified_on: Mapped[date | None] = mapped_column(Date)


class StaffDeployment(RegisterEntry, Base):
    __tablename__ = "staff_deployment"

    deployed_on: Mapped[date] = mapped_column(Date, index=True)
    starts_at: Mapped[time | None] = mapped_column(Time)
    ends_at: Mapped[time | None] = mapped_column(Time)
    # medical_exam, raid, escort, court, statement, other
    purpose: Mapped[str] = mapped_column(String(16))
    place: Mapped[str] = mapped_column(String(200))
    fir_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("fir.id"))
    remarks: Mapped[str | None] = mapped_column(Text)


class StaffDeploymentMember(StationScoped, Base):
    __tablename__ = "staff_deployment_member"

    deployment_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("staff_deployment.id"), index=True
    )
    staff_id: Mapped[str] = mapped_column(String(36), ForeignKey("staff_member.id"))


class AwarenessProgramme(RegisterEntry, Base):
    __tablename__ = "awareness_programme"

    held_on: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(200))
    # women_safety, cyber_safety, self_defence, legal_awareness, helpline_awareness, other
    kind: Mapped[str] = mapped_column(String(24))
    audience: Mapped[str] = mapped_column(String(24))  # students, women, villagers, mixed
    people_reached: Mapped[int] = mapped_column(Integer)
    staff_names: Mapped[str | None] = mapped_column(String(400))
    remarks: Mapped[str | None] = mapped_column(Text)
