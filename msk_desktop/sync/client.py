"""HTTP to the district: gzip bodies, retries with backoff on a dropping link, the device's
signed challenge for a short-lived token, and the server's refusals turned into bilingual errors.
"""

from __future__ import annotations

import base64
import gzip
import ssl
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ValidationError

from msk_desktop.domain.errors import Message, MskError
from msk_desktop.sync.protocol import (
    API,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    AuditPushRequest,
    AuditPushResponse,
    ChallengeRequest,
    ChallengeResponse,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    Meta,
    Op,
    PullResponse,
    PushRequest,
    PushResponse,
    TokenRequest,
    TokenResponse,
)

M = TypeVar("M", bound=BaseModel)


class SyncUnavailable(MskError):
    """The district could not be reached (or kept dropping the connection)."""


class SyncRefused(MskError):
    """The district answered with a refusal; its reason is in ``message``."""

    def __init__(self, message: Message, status: int, code: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def new_device_key() -> tuple[str, str]:
    """(private, public) Ed25519 keys as raw base64."""
    key = Ed25519PrivateKey.generate()
    private = base64.b64encode(key.private_bytes_raw()).decode()
    public = base64.b64encode(key.public_key().public_bytes_raw()).decode()
    return private, public


def fetch_certificate(server_url: str) -> str | None:
    """The district's TLS certificate, to pin at enrolment (None for plain http)."""
    parts = urlsplit(server_url)
    if parts.scheme != "https":
        return None
    try:
        return ssl.get_server_certificate((parts.hostname or "", parts.port or 443), timeout=10)
    except OSError as exc:
        raise _unreachable(server_url, exc) from None


def _unreachable(url: str, exc: Exception) -> SyncUnavailable:
    return SyncUnavailable(
        Message(
            f"जिला सर्वर ({url}) से संपर्क नहीं हो सका: {exc}। बदलाव सुरक्षित हैं, बाद में भेजे जाएँगे।",
            f"Cannot reach the district server ({url}): {exc}. Changes are kept and will be "
            "sent later.",
        )
    )


class DistrictClient:
    def __init__(
        self,
        server_url: str,
        schema_version: str,
        *,
        server_cert: str | None = None,
        attempts: int = 4,
        backoff: float = 0.5,
        timeout: float = 30.0,
    ) -> None:
        verify: ssl.SSLContext | bool = True
        if server_cert:
            # Pinned at enrolment: only the district's own certificate is trusted.
            verify = ssl.create_default_context(cadata=server_cert)
        self.url = server_url.rstrip("/")
        self._http = httpx.Client(base_url=self.url + API, verify=verify, timeout=timeout)
        self._headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: schema_version}
        self._attempts = attempts
        self._backoff = backoff
        self._token: str | None = None
        self._sign: Callable[[], str | None] = lambda: None

    def close(self) -> None:
        self._http.close()

    # ---- transport -----------------------------------------------------------------------

    def _send(
        self, method: str, path: str, headers: dict[str, str] | None = None, **kwargs: Any
    ) -> httpx.Response:
        """Retries what a dropping link breaks (no answer, or a 5xx); a 4xx is an answer."""
        last: Exception | None = None
        for attempt in range(self._attempts):
            if attempt:
                time.sleep(self._backoff * 2 ** (attempt - 1))
            sent = dict(self._headers) | (headers or {})
            if self._token:
                sent["Authorization"] = f"Bearer {self._token}"
            try:
                response = self._http.request(method, path, headers=sent, **kwargs)
            except httpx.TransportError as exc:
                last = exc
                continue
            if response.status_code >= 500:
                last = httpx.HTTPStatusError(
                    "server error", request=response.request, response=response
                )
                continue
            return response
        assert last is not None
        raise _unreachable(self.url, last)

    def _call(self, model: type[M], method: str, path: str, **kwargs: Any) -> M:
        response = self._send(method, path, **kwargs)
        if response.status_code == 401 and self._token is not None and self._sign() is not None:
            response = self._send(method, path, **kwargs)  # the token expired: once more
        if response.status_code >= 400:
            raise _refusal(response)
        try:
            return model.model_validate_json(response.content)
        except ValidationError:
            raise _refusal(response) from None

    def _post_json(self, model: type[M], path: str, body: BaseModel) -> M:
        return self._call(
            model,
            "POST",
            path,
            content=body.model_dump_json().encode(),
            headers={"Content-Type": "application/json"},
        )

    # ---- the protocol --------------------------------------------------------------------

    def meta(self) -> Meta:
        return self._call(Meta, "GET", "/meta")

    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        return self._post_json(EnrolResponse, "/enrol", request)

    def authenticate(self, device_id: str, private_key: str) -> None:
        key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))

        def sign() -> str:
            for attempt in range(self._attempts):
                self._token = None
                issued = self._post_json(
                    ChallengeResponse, "/auth/challenge", ChallengeRequest(device_id=device_id)
                )
                signature = base64.b64encode(key.sign(issued.challenge.encode())).decode()
                request = TokenRequest(
                    device_id=device_id, challenge=issued.challenge, signature=signature
                )
                try:
                    answer = self._post_json(TokenResponse, "/auth/token", request)
                except SyncRefused as exc:
                    # A challenge is answered once: if the token was lost on the way back, the
                    # resent answer is refused, and only a new challenge helps.
                    if exc.status == 401 and attempt + 1 < self._attempts:
                        continue
                    raise
                self._token = answer.token
                return answer.token
            raise AssertionError("unreachable: the last attempt returns or raises")

        self._sign = sign
        sign()

    def _post_gzip(self, model: type[M], path: str, body: BaseModel) -> M:
        return self._call(
            model,
            "POST",
            path,
            content=gzip.compress(body.model_dump_json().encode(), compresslevel=6),
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )

    def push(self, ops: list[Op]) -> PushResponse:
        return self._post_gzip(PushResponse, "/sync/push", PushRequest(ops=ops))

    def push_audit(self, batch: AuditPushRequest) -> AuditPushResponse:
        return self._post_gzip(AuditPushResponse, "/audit/push", batch)

    def pull(self, since: int, limit: int) -> PullResponse:
        return self._call(
            PullResponse, "GET", "/sync/pull", params={"since": since, "limit": limit}
        )


def _refusal(response: httpx.Response) -> SyncRefused:
    try:
        body = ErrorBody.model_validate_json(response.content)
        message = Message(body.reason.hi, body.reason.en)
        code = body.code
    except ValidationError:
        message = Message(
            f"जिला सर्वर का अप्रत्याशित उत्तर (HTTP {response.status_code})।",
            f"Unexpected answer from the district server (HTTP {response.status_code}).",
        )
        code = "unexpected"
    return SyncRefused(message, response.status_code, code)
