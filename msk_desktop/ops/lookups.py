"""Loading entries for an op: the right station, not deleted, or a clear NotFound."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from msk_desktop.domain.errors import FieldError, Message, NotFound
from msk_desktop.store.base import StationScoped
from msk_desktop.store.models import CounsellingCase, Fir, FirVictim, HelpdeskApplication

Row = TypeVar("Row", bound=StationScoped)

# What a reference field of a form points at.
REF_TARGETS: dict[str, type[StationScoped]] = {
    "fir_id": Fir,
    "helpdesk_application_id": HelpdeskApplication,
    "counselling_case_id": CounsellingCase,
    "victim_id": FirVictim,
}


def find(session: Session, model: type[Row], row_id: str, station_id: str) -> Row | None:
    row = session.get(model, row_id)
    if row is None or row.station_id != station_id or row.deleted_at is not None:
        return None
    return row


def load(session: Session, model: type[Row], row_id: str, station_id: str) -> Row:
    row = find(session, model, row_id, station_id)
    if row is None:
        raise NotFound(
            Message(
                hi="प्रविष्टि नहीं मिली (हटाई गई या किसी अन्य थाने की)।",
                en="The entry was not found (deleted, or of another station).",
            )
        )
    return row


def check_references(
    session: Session, values: dict[str, object], station_id: str
) -> list[FieldError]:
    errors = []
    for name, model in REF_TARGETS.items():
        ref = values.get(name)
        if isinstance(ref, str) and find(session, model, ref, station_id) is None:
            errors.append(
                FieldError(
                    name, Message("सम्बन्धित प्रविष्टि नहीं मिली", "the linked entry does not exist")
                )
            )
    return errors
