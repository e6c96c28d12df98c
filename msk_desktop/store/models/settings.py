"""Settings of one station PC (idle screen lock, how long a revealed identity stays shown).

Local only, like the serial counters: another PC of the same station may choose differently,
and the district has no use for them.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base


class StationSetting(Base):
    __tablename__ = "station_setting"

    station_id: Mapped[str] = mapped_column(String(36), ForeignKey("station.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
