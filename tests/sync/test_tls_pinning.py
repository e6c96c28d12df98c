"""The district's TLS certificate is pinned at enrolment: later syncs trust that certificate
and no other, so a look-alike server on the link is refused."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import Engine

from msk_desktop.ops import replica
from msk_desktop.ops.entries import create_entry
from msk_desktop.store.models import DeviceSyncState
from msk_desktop.sync.client import SyncUnavailable
from tests.district.conftest import District, ServerThread
from tests.ops.conftest import SAMPLES
from tests.sync.conftest import first_pc


def self_signed(directory: Path, name: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / f"{name}.crt", directory / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.fixture
def tls_district(
    tmp_path: Path, district_engine: Engine, district: District
) -> Iterator[tuple[District, Path]]:
    cert, key = self_signed(tmp_path, "district")
    server = ServerThread(district_engine, (cert, key))
    url = server.start()
    yield District(url, district_engine), cert
    server.stop()


def test_the_certificate_is_pinned_at_enrolment_and_trusted_alone(
    tmp_path: Path, tls_district: tuple[District, Path]
) -> None:
    district, cert = tls_district
    assert district.url.startswith("https://")
    pc = first_pc(tmp_path / "pc", district, "LKO-T")
    enrolment = replica.enrolment(pc.db)
    assert enrolment is not None and enrolment.server_cert is not None
    assert enrolment.server_cert.strip() == cert.read_text().strip()
    create_entry(pc.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    assert pc.sync().pushed > 0

    # Another certificate in the pin (as if the link led to a look-alike server): refused.
    other, _ = self_signed(tmp_path, "impostor")
    with pc.db.write(pc.ctx.author, replica=True) as tx:
        tx.session.get_one(DeviceSyncState, 1).server_cert = other.read_text()
    with pytest.raises(SyncUnavailable) as caught:
        pc.sync()
    assert "CERTIFICATE_VERIFY_FAILED" in caught.value.message.en
