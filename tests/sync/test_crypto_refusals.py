"""app.sync.crypto refuses what it cannot trust with a ValueError or False, never a crash.

A wrapped key file on a stick may be damaged or typed under another passphrase; a sealed
payload may be cut or meant for another office; an identity may carry any key type a
certification authority issues. The caller turns each refusal into a clear message.
"""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa, x25519
from cryptography.x509.oid import NameOID

from app.sync import crypto


def test_a_wrapped_key_opens_only_with_its_passphrase_and_its_purpose() -> None:
    blob = crypto.wrap_secret(b"secret key bytes", b"frase correcta", b"hq-signing")
    assert crypto.unwrap_secret(blob, b"frase correcta", b"hq-signing") == b"secret key bytes"
    with pytest.raises(ValueError, match="wrong passphrase"):
        crypto.unwrap_secret(blob, b"otra frase", b"hq-signing")
    with pytest.raises(ValueError, match="wrong passphrase"):  # swapped for another key's blob
        crypto.unwrap_secret(blob, b"frase correcta", b"state-sealing")
    for damaged in (blob[:20], b"not wrapped at all" * 4, b""):
        with pytest.raises(ValueError, match="not a wrapped key"):
            crypto.unwrap_secret(damaged, b"frase correcta", b"hq-signing")


def test_a_sealed_payload_opens_only_for_its_recipient_and_unaltered() -> None:
    ours, theirs = x25519.X25519PrivateKey.generate(), x25519.X25519PrivateKey.generate()
    blob = crypto.seal(b"valores", ours.public_key(), b"aad")
    assert crypto.open_sealed(blob, ours, b"aad") == b"valores"
    with pytest.raises(ValueError, match="authentication failed"):
        crypto.open_sealed(blob, theirs, b"aad")
    altered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(ValueError, match="authentication failed"):
        crypto.open_sealed(altered, ours, b"aad")
    for short in (blob[:40], b"CSEAL0" + blob[6:]):
        with pytest.raises(ValueError, match="not a sealed payload"):
            crypto.open_sealed(short, ours, b"aad")


def _certificate(key: object) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ana Coordinadora")])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)  # type: ignore[attr-defined]
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
    )
    algorithm = None if isinstance(key, (ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey)) else hashes.SHA256()
    return builder.sign(key, algorithm)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "make",
    [
        lambda: ec.generate_private_key(ec.SECP256R1()),
        lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048),
        ed25519.Ed25519PrivateKey.generate,
        ed448.Ed448PrivateKey.generate,
    ],
    ids=["ecdsa", "rsa", "ed25519", "ed448"],
)
def test_every_identity_key_type_signs_and_only_its_certificate_verifies(make) -> None:
    key, other = make(), make()
    signature = crypto.sign_with_key(b"resumen", key)
    assert crypto.verify_with_certificate(b"resumen", signature, _certificate(key))
    assert not crypto.verify_with_certificate(b"resumen alterado", signature, _certificate(key))
    assert not crypto.verify_with_certificate(b"resumen", signature, _certificate(other))


def test_an_unsupported_key_type_is_refused_by_name() -> None:
    key = dsa.generate_private_key(key_size=2048)
    with pytest.raises(TypeError, match="DSAPrivateKey|unsupported key type"):
        crypto.sign_with_key(b"x", key)
    signature = key.sign(b"x", hashes.SHA256())
    assert crypto.verify_with_certificate(b"x", signature, _certificate(key)) is False


def test_ed25519_signatures_verify_only_for_the_signed_bytes() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    signature = crypto.sign_ed25519(b"paquete", key)
    assert crypto.verify_ed25519(b"paquete", signature, key.public_key())
    assert not crypto.verify_ed25519(b"paquete!", signature, key.public_key())
