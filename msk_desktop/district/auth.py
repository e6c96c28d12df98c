"""Trust between the district and a device: one-time enrolment codes, Ed25519 signed
challenges, and short-lived tokens the server signs with its own secret."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

TOKEN_LIFETIME = timedelta(minutes=15)
CHALLENGE_LIFETIME = timedelta(minutes=2)
ENROL_CODE_LIFETIME = timedelta(days=7)

# No 0/O or 1/I/L: codes are read out over the telephone.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_enrol_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def code_hash(code: str) -> str:
    """Codes are stored hashed; the admin sees a code once, when it is made."""
    normal = code.strip().upper().replace(" ", "")
    return hashlib.sha256(normal.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_hex(32)


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


def public_key_valid(text: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except (ValueError, binascii.Error):
        return False
    return True


def signature_valid(public_key: str, challenge: str, signature: str) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
        key.verify(base64.b64decode(signature, validate=True), challenge.encode())
    except (ValueError, binascii.Error, InvalidSignature):
        return False
    return True


def _mac(secret: str, payload: str) -> str:
    return hmac.new(bytes.fromhex(secret), payload.encode(), hashlib.sha256).hexdigest()


def issue_token(secret: str, device_id: str, now: datetime) -> tuple[str, datetime]:
    expires = now + TOKEN_LIFETIME
    payload = f"{device_id}.{int(expires.timestamp())}"
    return f"{payload}.{_mac(secret, payload)}", expires


def token_device(secret: str, token: str, now: datetime) -> str | None:
    """The device a token was issued to, or None when it is forged, damaged or expired."""
    try:
        device_id, expiry, mac = token.split(".")
        expires_at = int(expiry)
    except ValueError:
        return None
    if not hmac.compare_digest(mac, _mac(secret, f"{device_id}.{expiry}")):
        return None
    if expires_at < now.timestamp():
        return None
    return device_id
