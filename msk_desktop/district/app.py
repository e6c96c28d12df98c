"""The district server's HTTP face (FastAPI): every refusal is a 4xx with a bilingual reason.

Push bodies may be gzip-compressed; both the bytes on the wire and the decompressed body are
capped, so neither a huge upload nor a gzip bomb gets further than the cap.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from typing import TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.middleware.gzip import GZipMiddleware

from msk_desktop.district import audit_chain, service
from msk_desktop.district.errors import DistrictError, malformed, too_large
from msk_desktop.store import migrate
from msk_desktop.sync.protocol import (
    API,
    MAX_BATCH,
    MAX_BODY_BYTES,
    MAX_PAGE,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    AuditPushRequest,
    AuditPushResponse,
    ChallengeRequest,
    ChallengeResponse,
    EnrolRequest,
    EnrolResponse,
    Meta,
    PullResponse,
    PushRequest,
    PushResponse,
    TokenRequest,
    TokenResponse,
)

T = TypeVar("T")
B = TypeVar("B", bound=BaseModel)


def _short(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{exc.error_count()} error(s); {where}: {first['msg']}"[:300]


def gunzip_capped(data: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise malformed(f"gzip: {exc}") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise too_large(limit)
    if not inflater.eof:
        raise malformed("gzip: truncated")
    return out


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit():
        raise malformed("content-length")
    if int(declared) > MAX_BODY_BYTES:
        raise too_large(MAX_BODY_BYTES)
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY_BYTES:
            raise too_large(MAX_BODY_BYTES)
    encoding = request.headers.get("content-encoding", "identity").lower()
    if encoding == "gzip":
        return gunzip_capped(bytes(data), MAX_BODY_BYTES)
    if encoding != "identity":
        raise malformed(f"content-encoding {encoding}")
    return bytes(data)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    return header[7:] if header.lower().startswith("bearer ") else None


def create_app(engine: Engine, schema_versions: list[str] | None = None) -> FastAPI:
    """The app over one database; ``schema_versions`` are the station schemas it accepts
    (default: the migrations head this code ships)."""
    sessions = sessionmaker(engine, expire_on_commit=False)
    accepted = schema_versions or [migrate.head_revision()]
    # Pushes are numbered in commit order; on PostgreSQL the server_state row lock does it
    # across processes, and this lock spares SQLite (the laptop demo) from busy errors.
    push_lock = threading.Lock()
    app = FastAPI(title="MSK district sync", version=str(PROTOCOL_VERSION))
    app.add_middleware(GZipMiddleware, minimum_size=1024)

    def transaction(work: Callable[[Session], T]) -> T:
        with sessions() as session, session.begin():
            return work(session)

    def check_versions(request: Request) -> None:
        protocol = request.headers.get(PROTOCOL_HEADER)
        schema = request.headers.get(SCHEMA_HEADER)
        if protocol != str(PROTOCOL_VERSION) or schema not in accepted:
            raise DistrictError(
                426,
                "upgrade_required",
                f"यह ऐप संस्करण जिला सर्वर से मेल नहीं खाता (प्रोटोकॉल {protocol}, स्कीमा {schema});"
                " ऐप अद्यतन करें। आपके बदलाव सुरक्षित हैं और बाद में भेजे जाएँगे।",
                f"This app version does not match the district server (protocol {protocol}, "
                f"schema {schema}; accepted {accepted}); update the app. Your changes are kept "
                "and will be sent later.",
            )

    @app.exception_handler(DistrictError)
    async def district_error(request: Request, exc: DistrictError) -> JSONResponse:
        return JSONResponse(exc.body.model_dump(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid"}
        detail = f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"[:300]
        return JSONResponse(malformed(detail).body.model_dump(), status_code=422)

    @app.get(f"{API}/meta")
    def meta() -> Meta:
        epoch = transaction(lambda s: service.state(s).epoch)
        return Meta(
            protocol_version=PROTOCOL_VERSION,
            server_epoch=epoch,
            schema_versions=accepted,
            max_batch=MAX_BATCH,
            max_page=MAX_PAGE,
            max_body_bytes=MAX_BODY_BYTES,
        )

    @app.post(f"{API}/enrol")
    def enrol(request: Request, body: EnrolRequest) -> EnrolResponse:
        check_versions(request)
        return transaction(lambda s: service.enrol(s, body))

    @app.post(f"{API}/auth/challenge")
    def challenge(body: ChallengeRequest) -> ChallengeResponse:
        return transaction(lambda s: service.challenge(s, body))

    @app.post(f"{API}/auth/token")
    def token(body: TokenRequest) -> TokenResponse:
        return transaction(lambda s: service.token(s, body))

    async def pushed(
        request: Request, model: type[B], handle: Callable[[Session, service.Caller, B], T]
    ) -> T:
        """A device's upload: versions, size caps, token, shape, then ``handle`` in one
        transaction; uploads are taken one at a time."""
        check_versions(request)
        raw = await _body(request)
        bearer = _bearer(request)

        def work(session: Session) -> T:
            caller = service.authenticate(session, bearer)
            try:
                payload = model.model_validate_json(raw)
            except ValidationError as exc:
                raise malformed(_short(exc)) from None
            return handle(session, caller, payload)

        def locked() -> T:
            with push_lock:
                return transaction(work)

        return await run_in_threadpool(locked)

    @app.post(f"{API}/sync/push")
    async def push(request: Request) -> PushResponse:
        return await pushed(request, PushRequest, service.push)

    @app.post(f"{API}/audit/push")
    async def audit_push(request: Request) -> AuditPushResponse:
        answer = await pushed(
            request,
            AuditPushRequest,
            lambda s, caller, body: audit_chain.push(s, caller.device, body),
        )
        # A refused batch still commits its alarm, so the refusal is raised after the commit.
        if isinstance(answer, audit_chain.Diverged):
            raise answer.refusal()
        return answer

    @app.get(f"{API}/sync/pull")
    def pull(
        request: Request,
        since: int = Query(ge=0),
        limit: int = Query(default=MAX_PAGE, ge=1, le=MAX_PAGE),
    ) -> PullResponse:
        check_versions(request)
        bearer = _bearer(request)
        return transaction(lambda s: service.pull(s, service.authenticate(s, bearer), since, limit))

    return app
