"""Identity of victims, complainants and applicants, kept apart from every register.

BNS 72 / POCSO 23 / JJ Act 74 and Nipun Saxena (2018): nothing that identifies a victim may
reach a report, export, dashboard or log. Registers point here; only a reveal (role + reason,
audited) reads it.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base, StationScoped


class ProtectedIdentity(StationScoped, Base):
    __tablename__ = "protected_identity"

    owner_table: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[str] = mapped_column(String(36), index=True)
    # victim, complainant, applicant, party
    person_role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    parentage: Mapped[str | None] = mapped_column(String(160))
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(20))
    school: Mapped[str | None] = mapped_column(String(160))
    photo_ref: Mapped[str | None] = mapped_column(String(200))


IDENTITY_FIELDS = ("name", "parentage", "address", "phone", "school", "photo_ref")
