"""What an op changed, announced once after its commit.

Views subscribe to the notifier and refresh the tables they show; no window needs ad-hoc refresh
code for another window's saves (Anki's "operation that reports its changes").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class OpResult:
    entity_id: str
    tables: frozenset[str]
    serial: str | None = None  # "12/2025" for a new register entry


Listener = Callable[[OpResult], None]


class ChangeNotifier:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def announce(self, result: OpResult) -> None:
        for listener in list(self._listeners):
            listener(result)
