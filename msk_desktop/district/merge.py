"""Field-level three-way merge of one op into the district's copy of a row (SYNC.md, "Conflict
rule"): a field nobody else changed since the op's base version is applied; a field both sides
changed keeps the value that arrived first and records the other, never dropping it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DELETED_AT = "deleted_at"

# Fields whose merge is simply the later value: the time of a user's last login, on whichever
# PC it happened, is the latest of them; two logins are not a disagreement a person must settle.
LATEST_WINS = frozenset({("app_user", "last_login_at")})


@dataclass(frozen=True)
class Clash:
    field: str
    kept: Any
    other: Any
    kept_author: tuple[str | None, str | None]  # (user id, HLC stamp)


@dataclass
class Merge:
    applied: dict[str, Any] = field(default_factory=dict)
    clashes: list[Clash] = field(default_factory=list)


def _author(authors: dict[str, Any], name: str) -> tuple[str | None, str | None]:
    user, stamp, _device = authors.get(name) or (None, None, None)
    return user, stamp


def _written_by(authors: dict[str, Any], name: str, device: str) -> bool:
    """The field's last value came from this same device: it saw that value when it made the
    op (a device's own ops are in order), whatever base version it recorded."""
    return bool(authors.get(name)) and authors[name][2] == device


def merge_op(
    table: str,
    data: dict[str, Any],
    field_versions: dict[str, int],
    field_authors: dict[str, Any],
    version: int,
    operation: str,
    fields: dict[str, Any],
    base_version: int,
    device: str,
) -> Merge:
    """What of ``fields`` (an op of ``device`` based on ``base_version``) applies to the current
    row. An entry made and then edited before the PC heard back has base 0 for both ops."""
    result = Merge()
    changed_by_others = any(
        v > base_version and not _written_by(field_authors, k, device)
        for k, v in field_versions.items()
    )
    if operation == "delete" and changed_by_others:
        # Delete versus an edit the deleting PC never saw: a person decides.
        result.clashes.append(
            Clash(DELETED_AT, data.get(DELETED_AT), fields.get(DELETED_AT), (None, None))
        )
        return result
    for name, value in fields.items():
        current = data.get(name)
        if name in data and current == value:
            continue
        if field_versions.get(name, 0) <= base_version or _written_by(field_authors, name, device):
            result.applied[name] = value
        elif (table, name) in LATEST_WINS:
            if current is None or (value is not None and str(value) > str(current)):
                result.applied[name] = value
        else:
            result.clashes.append(Clash(name, current, value, _author(field_authors, name)))
    deleted_since = field_versions.get(DELETED_AT, 0) > base_version and not _written_by(
        field_authors, DELETED_AT, device
    )
    if operation == "update" and data.get(DELETED_AT) is not None and deleted_since:
        # An edit of a row another PC deleted meanwhile: the edit's values are kept (above),
        # and the deletion is put in front of a person.
        result.clashes.append(
            Clash(DELETED_AT, data[DELETED_AT], None, _author(field_authors, DELETED_AT))
        )
    return result
