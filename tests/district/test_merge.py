"""The district's field-level three-way merge, rule by rule (SYNC.md, "Conflict rule")."""

from __future__ import annotations

from typing import Any

from msk_desktop.district.merge import merge_op

ROW = {"place": "School", "staff_names": "HC Meena", "deleted_at": None}
# Version 3: "place" was changed at version 3 by device B; the rest dates from version 1 (A).
VERSIONS = {"place": 3, "staff_names": 1, "deleted_at": 1}
AUTHORS: dict[str, Any] = {
    "place": ["user-b", "stamp-b", "device-b"],
    "staff_names": ["user-a", "stamp-a", "device-a"],
    "deleted_at": ["user-a", "stamp-a", "device-a"],
}


def merge(operation: str, fields: dict[str, Any], base: int, device: str = "device-c") -> Any:
    return merge_op(
        "awareness_programme", ROW, VERSIONS, AUTHORS, 3, operation, fields, base, device
    )


def test_a_field_unchanged_since_the_base_applies() -> None:
    result = merge("update", {"staff_names": "HC Rekha"}, base=1)
    assert (result.applied, result.clashes) == ({"staff_names": "HC Rekha"}, [])


def test_a_field_changed_by_both_keeps_the_first_and_records_the_other() -> None:
    result = merge("update", {"place": "Gram Sabha", "staff_names": "HC Rekha"}, base=1)
    assert result.applied == {"staff_names": "HC Rekha"}
    [clash] = result.clashes
    assert (clash.field, clash.kept, clash.other, clash.kept_author) == (
        "place",
        "School",
        "Gram Sabha",
        ("user-b", "stamp-b"),
    )


def test_the_same_value_on_both_sides_is_no_conflict() -> None:
    result = merge("update", {"place": "School"}, base=1)
    assert (result.applied, result.clashes) == ({}, [])


def test_a_device_editing_its_own_unacknowledged_change_is_no_conflict() -> None:
    # Device B made the row's "place" and edits it again before hearing back (base 1).
    result = merge("update", {"place": "Gram Sabha"}, base=1, device="device-b")
    assert (result.applied, result.clashes) == ({"place": "Gram Sabha"}, [])


def test_delete_against_an_unseen_edit_is_a_conflict_and_nothing_is_deleted() -> None:
    result = merge("delete", {"deleted_at": "2026-01-01T00:00:00+00:00"}, base=1)
    assert result.applied == {}
    assert [c.field for c in result.clashes] == ["deleted_at"]
    assert merge("delete", {"deleted_at": "2026-01-01T00:00:00+00:00"}, base=3).clashes == []


def test_an_edit_of_a_row_deleted_meanwhile_is_a_conflict() -> None:
    deleted = ROW | {"deleted_at": "2026-01-01T00:00:00+00:00"}
    versions = VERSIONS | {"deleted_at": 4}
    result = merge_op(
        "awareness_programme", deleted, versions, AUTHORS, 4, "update",
        {"staff_names": "HC Rekha"}, 3, "device-c",
    )  # fmt: skip
    assert result.applied == {"staff_names": "HC Rekha"}
    assert [(c.field, c.other) for c in result.clashes] == [("deleted_at", None)]


def test_last_login_is_the_latest_not_a_conflict() -> None:
    row = {"last_login_at": "2026-03-02T10:00:00+00:00"}
    later, earlier = "2026-03-03T09:00:00+00:00", "2026-03-01T09:00:00+00:00"
    for value, applied in ((later, {"last_login_at": later}), (earlier, {})):
        result = merge_op(
            "app_user", row, {"last_login_at": 5}, {}, 5, "update",
            {"last_login_at": value}, 1, "device-c",
        )  # fmt: skip
        assert (result.applied, result.clashes) == (applied, [])
