"""The offline sync file, for a station PC with no link: the PC's push batch and pull cursor
carried to the district on a USB stick, and the district's answer carried back.

A file is a small JSON envelope (format name, format version, kind, device) around encrypted,
compressed content: X25519 with a one-time key to the receiver, AES-256-GCM bound to the
envelope. Inside is the payload and its Ed25519 signature (the device's key for a station
file, the district's for an answer), so only the receiver reads a file and only its named
sender can have made it.
A SHA-256 checksum of the content tells a damaged or cut-off copy apart from a wrong key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import zlib
from datetime import datetime
from pathlib import Path
from typing import Literal, TypeVar

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from msk_desktop.domain.errors import Message, MskError
from msk_desktop.sync.protocol import (
    MAX_BATCH,
    AuditPushRequest,
    AuditPushResponse,
    Op,
    PullResponse,
    PushResponse,
    Reason,
)

FORMAT = "msk-sync-file"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 * 1024 * 1024
# Anyone with the district's public key can encrypt to it, so the decompressed size is capped
# before the signature inside is checked (a zlib bomb stops here).
MAX_CONTENT_BYTES = 1024 * 1024 * 1024

Kind = Literal["station", "answer"]
M = TypeVar("M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StationFile(_Strict):
    """What a PC sends: the push batch the HTTP sync would send, and where its pull stands."""

    file_id: str
    device_id: str
    station_code: str
    schema_version: str
    server_epoch: str | None
    cursor: int = Field(ge=0)
    ops: list[Op] = Field(max_length=MAX_BATCH)
    answer_key: str  # the X25519 public key the answer is encrypted to
    created_at: datetime
    audit: AuditPushRequest | None = None  # the audit entries the district does not yet hold


class AnswerFile(_Strict):
    """What the district answers: the push outcomes and the pull pages from ``since`` on."""

    answers: str  # the station file's file_id
    device_id: str
    since: int = Field(ge=0)
    push: PushResponse
    pages: list[PullResponse]
    created_at: datetime
    audit: AuditPushResponse | None = None
    audit_refused: Reason | None = None  # the entries did not continue the district's copy


class _Envelope(_Strict):
    format: str
    version: int
    kind: str
    device_id: str = Field(max_length=36)
    ephemeral_key: str
    nonce: str
    sha256: str
    content: str


class _Signed(_Strict):
    payload: str
    signature: str


class SyncFileError(MskError):
    """A sync file that cannot be used; nothing was applied."""


def damaged(detail: str) -> SyncFileError:
    return SyncFileError(
        Message(
            f"सिंक फ़ाइल क्षतिग्रस्त, अधूरी या बदली हुई है; कुछ भी लागू नहीं हुआ ({detail})।",
            f"The sync file is damaged, truncated or altered; nothing was applied ({detail}).",
        )
    )


def wrong_kind(kind: Kind) -> SyncFileError:
    if kind == "station":
        return SyncFileError(
            Message(
                "यह किसी थाने की सिंक फ़ाइल नहीं है; कुछ भी लागू नहीं हुआ।",
                "This is not a station's sync file; nothing was applied.",
            )
        )
    return SyncFileError(
        Message(
            "यह जिले की उत्तर फ़ाइल नहीं है; कुछ भी लागू नहीं हुआ।",
            "This is not the district's answer file; nothing was applied.",
        )
    )


# ---- keys ----------------------------------------------------------------------------------


def _derive(material: bytes, purpose: str) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=purpose.encode()).derive(material)


def district_box_key(secret: str) -> X25519PrivateKey:
    """The district's encryption key, derived from the secret ``msk-district init`` made."""
    return X25519PrivateKey.from_private_bytes(
        _derive(bytes.fromhex(secret), "msk district sync-file box")
    )


def district_sign_key(secret: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(
        _derive(bytes.fromhex(secret), "msk district sync-file signature")
    )


def device_sign_key(private_key: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))


def device_box_key(private_key: str) -> X25519PrivateKey:
    """The PC's key for answers, derived from its device key: nothing more to keep."""
    return X25519PrivateKey.from_private_bytes(
        _derive(base64.b64decode(private_key), "msk device sync-file box")
    )


def public_text(key: X25519PrivateKey | Ed25519PrivateKey) -> str:
    return base64.b64encode(key.public_key().public_bytes_raw()).decode()


def _b64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise damaged(what) from None


# ---- sealing and opening -------------------------------------------------------------------


def _header(kind: str, device_id: str) -> bytes:
    """Bound into the encryption and the signature, so no field can be swapped."""
    return f"{FORMAT}/{FORMAT_VERSION}/{kind}/{device_id}\n".encode()


def _box_key(shared: bytes, kind: str) -> bytes:
    return _derive(shared, f"{FORMAT} {FORMAT_VERSION} {kind}")


def seal(
    kind: Kind,
    device_id: str,
    payload: BaseModel,
    signer: Ed25519PrivateKey,
    receiver: str,
) -> bytes:
    """The file's bytes: ``payload`` signed by ``signer``, encrypted to ``receiver`` (X25519)."""
    header = _header(kind, device_id)
    text = payload.model_dump_json()
    signed = _Signed(
        payload=text,
        signature=base64.b64encode(signer.sign(header + text.encode())).decode(),
    )
    try:
        their_key = X25519PublicKey.from_public_bytes(base64.b64decode(receiver, validate=True))
    except ValueError:  # binascii.Error is one
        raise damaged("receiver key") from None
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(their_key)
    nonce = os.urandom(12)
    plain = zlib.compress(signed.model_dump_json().encode(), 6)
    content = AESGCM(_box_key(shared, kind)).encrypt(nonce, plain, header)
    envelope = _Envelope(
        format=FORMAT,
        version=FORMAT_VERSION,
        kind=kind,
        device_id=device_id,
        ephemeral_key=public_text(ephemeral),
        nonce=base64.b64encode(nonce).decode(),
        sha256=hashlib.sha256(content).hexdigest(),
        content=base64.b64encode(content).decode(),
    )
    return envelope.model_dump_json().encode()


class Opened:
    """A file decrypted but not yet trusted: its sender's signature is checked by ``payload``
    once the receiver has looked up the sender's key."""

    def __init__(self, kind: Kind, device_id: str, signed: _Signed) -> None:
        self.kind, self.device_id, self._signed = kind, device_id, signed

    def payload(self, model: type[M], sender_key: str) -> M:
        try:
            key = Ed25519PublicKey.from_public_bytes(base64.b64decode(sender_key))
            key.verify(
                _b64(self._signed.signature, "signature"),
                _header(self.kind, self.device_id) + self._signed.payload.encode(),
            )
        except (InvalidSignature, ValueError):
            raise damaged("signature") from None
        try:
            return model.model_validate_json(self._signed.payload)
        except ValidationError:
            raise damaged("content") from None


def open_sealed(data: bytes, kind: Kind, receiver: X25519PrivateKey) -> Opened:
    try:
        envelope = _Envelope.model_validate_json(data)
    except ValidationError:
        raise damaged("envelope") from None
    if envelope.format != FORMAT:
        raise damaged("format")
    if envelope.version != FORMAT_VERSION:
        raise SyncFileError(
            Message(
                f"सिंक फ़ाइल का संस्करण {envelope.version} है; यह ऐप संस्करण {FORMAT_VERSION} पढ़ता है।"
                " ऐप अद्यतन करें।",
                f"The sync file has format version {envelope.version}; this app reads version "
                f"{FORMAT_VERSION}. Update the app.",
            )
        )
    if envelope.kind != kind:
        raise wrong_kind(kind)
    content = _b64(envelope.content, "content")
    if hashlib.sha256(content).hexdigest() != envelope.sha256:
        raise damaged("checksum")
    try:
        their_key = X25519PublicKey.from_public_bytes(_b64(envelope.ephemeral_key, "key"))
        shared = receiver.exchange(their_key)
        plain = AESGCM(_box_key(shared, kind)).decrypt(
            _b64(envelope.nonce, "nonce"), content, _header(kind, envelope.device_id)
        )
    except (InvalidTag, ValueError):  # ValueError: a malformed key or nonce
        raise damaged("encryption") from None
    try:
        signed = _Signed.model_validate_json(_inflate(plain))
    except ValidationError:
        raise damaged("content") from None
    return Opened(kind, envelope.device_id, signed)


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_CONTENT_BYTES + 1)
    except zlib.error:
        raise damaged("compression") from None
    if len(out) > MAX_CONTENT_BYTES or inflater.unconsumed_tail:
        raise damaged("too large")
    if not inflater.eof:
        raise damaged("compression")
    return out


# ---- files ---------------------------------------------------------------------------------


def read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise damaged(f"{size} bytes")
        return path.read_bytes()
    except OSError as exc:
        raise SyncFileError(
            Message(
                f"फ़ाइल {path} पढ़ी नहीं जा सकी: {exc.strerror}",
                f"Cannot read the file {path}: {exc.strerror}",
            )
        ) from None


def check_writable(path: Path) -> None:
    """Before any work: the folder the file goes to exists, and the name is not a folder."""
    if not path.parent.is_dir() or path.is_dir():
        raise SyncFileError(
            Message(
                f"फ़ाइल {path} लिखी नहीं जा सकती (फ़ोल्डर नहीं मिला); कुछ भी नहीं बदला।",
                f"Cannot write the file {path} (no such folder); nothing was changed.",
            )
        )


def write_file(path: Path, data: bytes) -> None:
    """Whole or not at all: a stick pulled out mid-write leaves no half file under the name."""
    check_writable(path)
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise SyncFileError(
            Message(
                f"फ़ाइल {path} लिखी नहीं जा सकी: {exc.strerror}",
                f"Cannot write the file {path}: {exc.strerror}",
            )
        ) from None
