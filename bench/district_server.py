"""The district server for the sync benchmarks, in a process of its own (as in a district), with
the time each request spent inside the server recorded on the server side:

    python -m bench.district_server DATABASE_URL PORT

``GET /bench/timings`` answers the (path, start, seconds, request body bytes as received) of
every request served since the last ``POST /bench/timings/reset``; both are the benchmark's own
paths, outside the app.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import uvicorn
from sqlalchemy import create_engine

from msk_desktop.district.app import create_app

TIMINGS = "/bench/timings"

Scope = dict[str, Any]
Receive = Any
Send = Any


class Timed:
    """ASGI middleware: each request's time from arrival to the last byte of its answer."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.done: list[tuple[str, float, float, int]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if path.startswith(TIMINGS):
            await self._timings(path, send)
            return
        start = time.perf_counter()
        received = 0

        async def counted_receive() -> dict[str, Any]:
            nonlocal received
            message: dict[str, Any] = await receive()
            received += len(message.get("body", b""))
            return message

        async def timed_send(message: dict[str, Any]) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                self.done.append((path, start, time.perf_counter() - start, received))

        await self.app(scope, counted_receive, timed_send)

    async def _timings(self, path: str, send: Send) -> None:
        if path.endswith("/reset"):
            self.done = []
        body = json.dumps(self.done).encode()
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def main() -> None:
    url, port = sys.argv[1], int(sys.argv[2])
    app = Timed(create_app(create_engine(url, pool_size=10, max_overflow=20)))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
