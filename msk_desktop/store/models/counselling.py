"""Counselling register (duties ix, x), PPK referrals (viii) and support referrals (v)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base, RegisterEntry, StationScoped


class CounsellingCase(RegisterEntry, Base):
    __tablename__ = "counselling_case"

    opened_on: Mapped[date] = mapped_column(Date, index=True)
    # elopement, false_accusation_front, matrimonial, other
    case_kind: Mapped[str] = mapped_column(String(24))
    mandatory: Mapped[bool] = mapped_column(default=False)
    parties_label: Mapped[str] = mapped_column(String(80))  # e.g. "पक्ष-2025-0007", never names
    fir_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("fir.id"))
    helpdesk_application_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("helpdesk_application.id")
    )
    counsellor: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(16), index=True)  # open, closed
    # reconciled, referred_ppk, referred_legal, not_appeared, other
    outcome: Mapped[str | None] = mapped_column(String(24))
    closed_on: Mapped[date | None] = mapped_column(Date)


class CounsellingSession(StationScoped, Base):
    __tablename__ = "counselling_session"

    case_id: Mapped[str] = mapped_column(String(36), ForeignKey("counselling_case.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    counsellor: Mapped[str | None] = mapped_column(String(120))
    attended: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text)
    next_on: Mapped[date | None] = mapped_column(Date)


class PpkReferral(RegisterEntry, Base):
    __tablename__ = "ppk_referral"

    referred_on: Mapped[date] = mapped_column(Date, index=True)
    ppk_centre: Mapped[str] = mapped_column(String(160))
    reason: Mapped[str] = mapped_column(Text)
    counselling_case_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("counselling_case.id")
    )
    fir_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("fir.id"))
    cooling_off_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)  # referred, in_progress, closed
    # reconciled, settled, referred_back_legal, not_appeared, other
    outcome: Mapped[str | None] = mapped_column(String(24))
    outcome_on: Mapped[date | None] = mapped_column(Date)
    next_follow_up_on: Mapped[date | None] = mapped_column(Date, index=True)


class SupportReferral(RegisterEntry, Base):
    __tablename__ = "support_referral"

    referred_on: Mapped[date] = mapped_column(Date, index=True)
    # osc, dlsa_legal_aid, dlsa_compensation, dpo, dswo, childline, cwc, family_court, ngo
    service: Mapped[str] = mapped_column(String(24))
    service_asked: Mapped[str] = mapped_column(Text)
    fir_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("fir.id"))
    victim_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("fir_victim.id"))
    status: Mapped[str] = mapped_column(String(16), index=True)  # referred, in_progress, closed
    # provided, declined, not_eligible, other
    result: Mapped[str | None] = mapped_column(String(24))
    result_note: Mapped[str | None] = mapped_column(Text)
    result_on: Mapped[date | None] = mapped_column(Date)
    next_follow_up_on: Mapped[date | None] = mapped_column(Date, index=True)
