"""A loopback TCP proxy that cuts connections part-way, like a thana's dropping link: it may
forward only some bytes of a request (the server never gets it whole) or of an answer (the
server did the work, the PC never hears)."""

from __future__ import annotations

import contextlib
import random
import socket
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Cut:
    upstream_after: int | None  # bytes of the request forwarded before the cut
    downstream_after: int | None  # bytes of the answer forwarded before the cut


class CuttingProxy:
    def __init__(self, target_port: int, seed: int, cut_rate: float, max_cut: int) -> None:
        self._target = ("127.0.0.1", target_port)
        self._random = random.Random(seed)
        self._cut_rate = cut_rate
        self._max_cut = max_cut
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.cuts = 0  # connections really cut part-way
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _plan(self) -> Cut:
        with self._lock:
            if self._random.random() >= self._cut_rate:
                return Cut(None, None)
            at = self._random.randint(0, self._max_cut)
            return Cut(at, None) if self._random.random() < 0.5 else Cut(None, at)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self._target)
            cut = self._plan()
            for source, sink, limit in (
                (client, upstream, cut.upstream_after),
                (upstream, client, cut.downstream_after),
            ):
                threading.Thread(
                    target=self._pump, args=(source, sink, limit, (client, upstream)), daemon=True
                ).start()

    def _pump(
        self,
        source: socket.socket,
        sink: socket.socket,
        limit: int | None,
        both: tuple[socket.socket, socket.socket],
    ) -> None:
        passed = 0
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if limit is not None and passed + len(data) > limit:
                    sink.sendall(data[: limit - passed])
                    with self._lock:
                        self.cuts += 1
                    break
                sink.sendall(data)
                passed += len(data)
        except OSError:
            pass
        for sock in both:  # a cut (or an end) closes the connection both ways
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self._closed = True
        self._listener.close()
