"""Key slots, like disk encryption: one random database key, wrapped once per user and once for
the recovery key (SECURITY.md, "At rest").

The slots live beside the database in ``keyslots.json`` because they must be read before the
database can be opened. A slot holds only a salt, the Argon2id cost and the AES-GCM-wrapped key;
the slot name is the associated data, so a wrapped key cannot be moved to another slot.
"""

from __future__ import annotations

import base64
import json
import math
import os
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from msk_desktop.domain.errors import LoginDelayed, Message, StoreProblem, WrongPassword

DATABASE_KEY_BYTES = 32
RECOVERY_SLOT = "recovery"
_FORMAT = 1

# After this many wrong passwords in a row each further try waits, 30 s doubling up to 15 min.
# The count and the time of the last failure live in the slot (this file), so a restart does
# not reset the wait, and the wait is checked before the slow key derivation runs.
FREE_ATTEMPTS = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)


def login_wait(failed_attempts: int) -> timedelta:
    """How long to wait after the last of ``failed_attempts`` wrong passwords in a row."""
    if failed_attempts < FREE_ATTEMPTS:
        return timedelta(0)
    doublings = min(failed_attempts - FREE_ATTEMPTS, 10)  # 2**10 × 30 s is past the cap
    wait: timedelta = FIRST_WAIT * 2**doublings
    return min(wait, LONGEST_WAIT)


@dataclass(frozen=True)
class KdfCost:
    """Argon2id cost. The default takes a few hundred ms on an old thana PC: slow for a guesser,
    bearable once per login."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


@dataclass
class KeySlot:
    salt: str
    nonce: str
    wrapped: str
    cost: KdfCost
    failed_attempts: int = 0
    last_failed_at: str | None = None

    def may_try_at(self) -> datetime | None:
        """When the next password may be tried, if the slot is in a wait."""
        wait = login_wait(self.failed_attempts)
        if not wait or self.last_failed_at is None:
            return None
        return datetime.fromisoformat(self.last_failed_at) + wait


def user_slot(username: str) -> str:
    return f"user:{username.strip().casefold()}"


def new_database_key() -> bytes:
    return secrets.token_bytes(DATABASE_KEY_BYTES)


def new_recovery_key() -> str:
    """20 random bytes as 8 groups of 4 base32 letters: typed from paper without confusion."""
    letters = base64.b32encode(secrets.token_bytes(20)).decode("ascii")
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def normalise_recovery_key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _derive(secret: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def wrap(database_key: bytes, secret: str, slot_name: str, cost: KdfCost) -> KeySlot:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(_derive(secret, salt, cost)).encrypt(
        nonce, database_key, slot_name.encode("utf-8")
    )
    return KeySlot(salt=_b64(salt), nonce=_b64(nonce), wrapped=_b64(wrapped), cost=cost)


def unwrap(slot: KeySlot, secret: str, slot_name: str) -> bytes:
    key = _derive(secret, base64.b64decode(slot.salt), slot.cost)
    try:
        return AESGCM(key).decrypt(
            base64.b64decode(slot.nonce),
            base64.b64decode(slot.wrapped),
            slot_name.encode("utf-8"),
        )
    except InvalidTag:
        raise WrongPassword(
            Message(
                hi="पासवर्ड या रिकवरी कुंजी गलत है।",
                en="The password or recovery key is wrong.",
            )
        ) from None


class KeySlotFile:
    """The ``keyslots.json`` file, rewritten atomically (temp file, fsync, rename) so a power cut
    leaves either the old or the new file, never half of one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.slots: dict[str, KeySlot] = {}

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        file = cls(path)
        try:
            raw = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise StoreProblem(
                Message(
                    hi=f"इस फ़ोल्डर में थाने का डेटा नहीं मिला: {path.parent}",
                    en=f"No station data in this folder: {path.parent}",
                )
            ) from None
        except (OSError, ValueError) as exc:
            raise StoreProblem(
                Message(
                    hi=f"कुंजी फ़ाइल पढ़ी नहीं जा सकी: {path}",
                    en=f"The key-slot file cannot be read: {path} ({exc})",
                )
            ) from exc
        for name, data in raw.get("slots", {}).items():
            fields: dict[str, Any] = dict(data)
            fields["cost"] = KdfCost(**fields["cost"])
            file.slots[name] = KeySlot(**fields)
        return file

    def save(self) -> None:
        body = {"format": _FORMAT, "slots": {n: asdict(s) for n, s in self.slots.items()}}
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(body, handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(self.path)
        directory = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)

    def require(self, slot_name: str) -> KeySlot:
        slot = self.slots.get(slot_name)
        if slot is None:
            # Same answer as a wrong password: do not tell a guesser which usernames exist.
            raise WrongPassword(
                Message(
                    hi="उपयोगकर्ता नाम या पासवर्ड गलत है।",
                    en="The user name or password is wrong.",
                )
            )
        return slot

    def unlock(self, slot_name: str, secret: str, now: datetime | None = None) -> tuple[bytes, int]:
        """The database key from a slot, unless the slot is in a wait; counts a wrong secret.
        Returns the key and how many failures preceded this success."""
        now = now or datetime.now(UTC)
        slot = self.require(slot_name)
        may_try_at = slot.may_try_at()
        if may_try_at is not None and now < may_try_at:
            raise LoginDelayed(math.ceil((may_try_at - now).total_seconds()))
        try:
            key = unwrap(slot, secret, slot_name)
        except WrongPassword:
            self.record_failure(slot_name, now)
            raise
        return key, self.clear_failures(slot_name)

    def record_failure(self, slot_name: str, now: datetime | None = None) -> None:
        slot = self.slots.get(slot_name)
        if slot is not None:
            slot.failed_attempts += 1
            slot.last_failed_at = (now or datetime.now(UTC)).astimezone(UTC).isoformat()
            self.save()

    def clear_failures(self, slot_name: str) -> int:
        """Reset the count after a good login; returns how many failures preceded it."""
        slot = self.slots[slot_name]
        failures = slot.failed_attempts
        if failures:
            slot.failed_attempts = 0
            slot.last_failed_at = None
            self.save()
        return failures
