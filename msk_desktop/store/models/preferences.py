"""A user's own settings of the app that belong to no register (local only, never synced)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base
from msk_desktop.store.ids import new_id


class SavedFilter(Base):
    """A register view's filters and sort under a name the user gave ("POCSO, open"). Kept in
    the encrypted database, not a settings file: the words typed may name an accused."""

    __tablename__ = "saved_filter"
    __table_args__ = (UniqueConstraint("user_id", "register", "name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("app_user.id"))
    register: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(80))
    settings: Mapped[str] = mapped_column(Text)  # JSON of the view's Browse fields
