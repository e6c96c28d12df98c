"""Hostile and broken requests against the real server: each is answered 4xx with a bilingual
reason, and nothing of it is applied."""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from msk_desktop.district.tables import ChangeLog, Conflict, RowState
from msk_desktop.store import migrate
from msk_desktop.store.ids import new_id
from msk_desktop.sync.protocol import (
    API,
    MAX_BODY_BYTES,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
)
from tests.district.conftest import District

CIRCLE = "Test Circle"


@dataclass
class Device:
    device_id: str
    key: Ed25519PrivateKey
    station_id: str | None


@pytest.fixture
def http(district: District) -> Iterator[httpx.Client]:
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: migrate.head_revision()}
    with httpx.Client(base_url=district.url + API, headers=headers, timeout=10) as client:
        yield client


def enrol(http: httpx.Client, district: District, station: str, role: str = "station") -> Device:
    key = Ed25519PrivateKey.generate()
    device = Device(new_id(), key, new_id() if role == "station" else None)
    public = base64.b64encode(key.public_key().public_bytes_raw()).decode()
    answer = http.post(
        "/enrol",
        json={
            "code": district.code(station, role),
            "device_id": device.device_id,
            "public_key": public,
            "station_id": device.station_id,
        },
    )
    assert answer.status_code == 200, answer.text
    return device


def token(http: httpx.Client, device: Device) -> str:
    challenge = http.post("/auth/challenge", json={"device_id": device.device_id}).json()
    signature = base64.b64encode(device.key.sign(challenge["challenge"].encode())).decode()
    answer = http.post(
        "/auth/token",
        json={
            "device_id": device.device_id,
            "challenge": challenge["challenge"],
            "signature": signature,
        },
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


def op(station_id: str, row_id: str | None = None, **fields: Any) -> dict[str, Any]:
    row_id = row_id or new_id()
    values = {
        "id": row_id,
        "station_id": station_id,
        "held_on": "2025-06-08",
        "place": "Test School",
        "kind": "cyber_safety",
        "audience": "students",
        "people_reached": 10,
        "serial_year": 2025,
        "serial_no": 1,
        "serial_confirmed": True,
    } | fields
    return {
        "op_id": new_id(),
        "table": "awareness_programme",
        "row_id": row_id,
        "operation": "insert",
        "fields": values,
        "base_version": 0,
        "hlc": "0000000000001:00000:test",
        "user_id": None,
        "schema_version": migrate.head_revision(),
    }


def push(
    http: httpx.Client, bearer: str | None, body: bytes, gzipped: bool = True
) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    if bearer:
        headers["Authorization"] = f"Bearer {bearer}"
    return http.post("/sync/push", content=body, headers=headers)


def packed(*ops: dict[str, Any]) -> bytes:
    return gzip.compress(json.dumps({"ops": list(ops)}).encode())


def applied(district: District) -> tuple[int, int, int]:
    with district.session() as session:
        return (
            session.execute(select(func.count()).select_from(ChangeLog)).scalar_one(),
            session.execute(select(func.count()).select_from(RowState)).scalar_one(),
            session.execute(select(func.count()).select_from(Conflict)).scalar_one(),
        )


def assert_refused(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["reason"]["hi"] and body["reason"]["en"]
    return body


@pytest.fixture
def station(http: httpx.Client, district: District) -> tuple[Device, str]:
    district.add_station("LKO-H1", CIRCLE)
    device = enrol(http, district, "LKO-H1")
    return device, token(http, device)


def test_a_good_push_applies_and_a_resent_one_is_a_duplicate(
    http: httpx.Client, district: District, station: tuple[Device, str]
) -> None:
    device, bearer = station
    assert device.station_id is not None
    body = packed(op(device.station_id))
    first = push(http, bearer, body)
    assert [r["status"] for r in first.json()["results"]] == ["applied"], first.text
    again = push(http, bearer, body)
    assert [r["status"] for r in again.json()["results"]] == ["duplicate"]
    assert again.json()["results"][0]["server_seq"] == first.json()["results"][0]["server_seq"]
    assert applied(district) == (1, 1, 0)


def test_wrong_token_and_no_token_are_refused(
    http: httpx.Client, district: District, station: tuple[Device, str]
) -> None:
    device, bearer = station
    assert device.station_id is not None
    body = packed(op(device.station_id))
    forged = bearer.rsplit(".", 1)[0] + "." + "0" * 64
    for wrong in (None, "nonsense", forged):
        assert assert_refused(push(http, wrong, body), 401)["code"] == "unauthorised"
    assert_refused(http.get("/sync/pull", params={"since": 0}), 401)
    assert applied(district) == (0, 0, 0)


def test_a_signature_by_another_key_gets_no_token(
    http: httpx.Client, station: tuple[Device, str]
) -> None:
    device, _ = station
    challenge = http.post("/auth/challenge", json={"device_id": device.device_id}).json()
    stranger = Ed25519PrivateKey.generate()
    signature = base64.b64encode(stranger.sign(challenge["challenge"].encode())).decode()
    answer = http.post(
        "/auth/token",
        json={
            "device_id": device.device_id,
            "challenge": challenge["challenge"],
            "signature": signature,
        },
    )
    assert_refused(answer, 401)


def test_a_revoked_device_is_refused_even_with_a_live_token(
    http: httpx.Client, district: District, station: tuple[Device, str]
) -> None:
    device, bearer = station
    assert device.station_id is not None
    district.revoke(device.device_id)
    assert (
        assert_refused(push(http, bearer, packed(op(device.station_id))), 403)["code"] == "revoked"
    )
    answer = http.post("/auth/challenge", json={"device_id": device.device_id})
    assert_refused(answer, 403)
    assert applied(district) == (0, 0, 0)


def test_rows_of_another_station_refuse_the_whole_batch(
    http: httpx.Client, district: District, station: tuple[Device, str]
) -> None:
    device, bearer = station
    assert device.station_id is not None
    district.add_station("LKO-H2", CIRCLE)
    other = enrol(http, district, "LKO-H2")
    assert other.station_id is not None
    # The other station's row exists; this device then tries to take it over and to add one.
    push(http, token(http, other), packed(op(other.station_id)))
    before = applied(district)
    batch = packed(op(device.station_id), op(other.station_id))
    assert assert_refused(push(http, bearer, batch), 403)["code"] == "forbidden_rows"
    moved = op(device.station_id)
    moved["fields"]["station_id"] = other.station_id
    assert_refused(push(http, bearer, packed(moved)), 403)
    assert applied(district) == before


def test_a_circle_device_may_write_inspections_only(
    http: httpx.Client, district: District, station: tuple[Device, str]
) -> None:
    device, _ = station
    assert device.station_id is not None
    circle = enrol(http, district, "LKO-H1", "circle")
    bearer = token(http, circle)
    assert_refused(push(http, bearer, packed(op(device.station_id))), 403)
    inspection = op(device.station_id)
    inspection["table"] = "inspection_entry"
    inspection["fields"] = {
        "id": inspection["row_id"],
        "station_id": device.station_id,
        "visited_on": "2025-06-09",
        "officer_name": "CO Test",
        "officer_rank": "Deputy SP",
        "observations": "ठीक",
        "serial_year": 2025,
        "serial_no": 1,
        "serial_confirmed": True,
    }
    answer = push(http, bearer, packed(inspection))
    assert [r["status"] for r in answer.json()["results"]] == ["applied"]


@pytest.mark.parametrize(
    ("body", "gzipped", "status"),
    [
        (b"\x1f\x8b\x08\x00garbage", True, 400),  # broken gzip
        (gzip.compress(b'{"ops": [')[:-6], True, 400),  # gzip cut short
        (gzip.compress(b"not json"), True, 400),
        (gzip.compress(b'{"ops": [{"op_id": 5}]}'), True, 400),
        (gzip.compress(b'{"ops": [], "extra": 1}'), True, 400),
        (gzip.compress(b"\0" * (MAX_BODY_BYTES + 10)), True, 413),  # a small gzip bomb
        (b"{" + b" " * (MAX_BODY_BYTES + 10) + b"}", False, 413),  # plainly too large
    ],
    ids=["bad-gzip", "truncated-gzip", "not-json", "bad-op", "extra-field", "bomb", "too-large"],
)
def test_malformed_and_oversized_bodies_are_refused(
    http: httpx.Client,
    district: District,
    station: tuple[Device, str],
    body: bytes,
    gzipped: bool,
    status: int,
) -> None:
    _, bearer = station
    assert_refused(push(http, bearer, body, gzipped), status)
    assert applied(district) == (0, 0, 0)


def test_a_bad_op_is_rejected_alone_and_the_rest_applies(
    http: httpx.Client, district: District, station: tuple[Device, str]
) -> None:
    device, bearer = station
    assert device.station_id is not None
    unknown_field = op(device.station_id, hacked="x")
    nested = op(device.station_id, place={"$ne": 1})
    unknown_table = op(device.station_id) | {"table": "pg_authid"}
    # Values other PCs could not read back: text for a number, a number for text, no date.
    wrong_types = [
        op(device.station_id, people_reached="many"),
        op(device.station_id, place=5),
        op(device.station_id, held_on="31-02-2025"),
        op(device.station_id, serial_confirmed="yes"),
    ]
    good = op(device.station_id, serial_no=2)
    answer = push(http, bearer, packed(unknown_field, nested, unknown_table, *wrong_types, good))
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 7 + ["applied"]
    assert all(r["reason"]["hi"] and r["reason"]["en"] for r in results[:7])
    assert applied(district)[1] == 1


def test_an_out_of_date_client_is_told_clearly(
    http: httpx.Client, station: tuple[Device, str]
) -> None:
    _, bearer = station
    headers = {SCHEMA_HEADER: "0001", "Authorization": f"Bearer {bearer}"}
    answer = http.get("/sync/pull", params={"since": 0}, headers=headers)
    body = assert_refused(answer, 426)
    assert "update the app" in body["reason"]["en"]
    assert_refused(http.get("/sync/pull", params={"since": 0}, headers={PROTOCOL_HEADER: "0"}), 426)


def test_bad_query_and_bad_enrolment_are_4xx(http: httpx.Client, district: District) -> None:
    assert_refused(http.get("/sync/pull", params={"since": -1}), 422)
    district.add_station("LKO-H3", CIRCLE)
    code = district.code("LKO-H3")
    key = base64.b64encode(Ed25519PrivateKey.generate().public_key().public_bytes_raw()).decode()
    request = {"code": code, "device_id": new_id(), "public_key": key}
    assert_refused(http.post("/enrol", json=request | {"public_key": "A" * 44}), 400)
    assert http.post("/enrol", json=request).status_code == 200
    # One-time: the same code cannot enrol a second device.
    assert_refused(http.post("/enrol", json=request | {"device_id": new_id()}), 403)
