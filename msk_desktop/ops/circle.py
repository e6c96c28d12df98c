"""The circle officer's view over every station the database holds."""

from __future__ import annotations

import dataclasses

from msk_desktop.domain.errors import Message, NotFound
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.permissions import require
from msk_desktop.store.queries.circle import StationRef, stations_on_file


def circle_stations(ctx: OpContext) -> list[StationRef]:
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        return stations_on_file(session)


def station_context(ctx: OpContext, station_id: str) -> OpContext:
    """The same user, database, clock and notifier, acting at another station of the file: a
    circle officer reads that station's registers and writes its inspection book. The role
    stays the same, so every op still checks what that role may do."""
    if station_id == ctx.actor.station_id:
        return ctx
    if station_id not in {s.station_id for s in circle_stations(ctx)}:
        raise NotFound(Message("यह थाना इस डेटाबेस में नहीं है", "this station is not in the database"))
    return dataclasses.replace(ctx, actor=dataclasses.replace(ctx.actor, station_id=station_id))
