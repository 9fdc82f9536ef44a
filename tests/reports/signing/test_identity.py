"""Signing identities: create → load, SAT e.firma, and every refusal (DESIGN.md §5)."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.models.messages import InputError
from app.reports.signing.identity import create_identity, load_pkcs12, load_sat_efirma, sat_branch
from tests.reports.pki import NOW, make_ca, sat_pair, self_signed_p12


@pytest.fixture(scope="module")
def ca():
    return make_ca()


def test_create_then_load_round_trip():
    data = create_identity("María Pérez Núñez", "Coordinadora estatal", "Nayarit", b"s3creto")
    ident = load_pkcs12(data, b"s3creto")
    cert = ident.certificate
    assert (ident.name, ident.position, ident.state) == ("María Pérez Núñez", "Coordinadora estatal", "Nayarit")
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "IMSS-BIENESTAR"
    assert cert.subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "MX"
    assert cert.issuer == cert.subject
    assert isinstance(ident.private_key, ec.EllipticCurvePrivateKey)
    assert ident.private_key.curve.name == "secp256r1"
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert 729 <= (cert.not_valid_after_utc - cert.not_valid_before_utc).days <= 731
    parts = ident.fingerprint_sha256.split(":")
    assert len(parts) == 32 and all(len(p) == 2 and p == p.upper() for p in parts)


def test_wrong_passphrase_is_a_clear_error():
    data = create_identity("Ana", "Coordinadora", "Nayarit", b"correcta")
    with pytest.raises(InputError) as exc:
        load_pkcs12(data, b"otra", path="ana.p12")
    assert exc.value.code == "passphrase_wrong"
    assert "contraseña incorrecta" in exc.value.message("es")
    assert "wrong passphrase" in exc.value.message("en")
    with pytest.raises(InputError):
        load_pkcs12(data, b"")


def test_not_a_pkcs12_file():
    with pytest.raises(InputError) as exc:
        load_pkcs12(b"this is not a p12", b"pw")
    assert exc.value.code in {"identity_unreadable", "passphrase_wrong"}


def test_create_requires_every_field():
    with pytest.raises(InputError) as exc:
        create_identity("  ", "Coordinadora", "Nayarit", b"pw")
    assert exc.value.code == "identity_field_missing"
    with pytest.raises(InputError):
        create_identity("Ana", "Coordinadora", "Nayarit", b"")


def test_expired_and_not_yet_valid_are_refused():
    expired = self_signed_p12(not_before=NOW - dt.timedelta(days=800), not_after=NOW - dt.timedelta(days=1))
    with pytest.raises(InputError) as exc:
        load_pkcs12(expired, b"pw")
    assert exc.value.code == "identity_expired"
    assert "venció" in exc.value.message("es") and "expired" in exc.value.message("en")
    future = self_signed_p12(not_before=NOW + dt.timedelta(days=10), not_after=NOW + dt.timedelta(days=100))
    with pytest.raises(InputError) as exc:
        load_pkcs12(future, b"pw")
    assert exc.value.code == "identity_not_yet_valid"
    # our own identity, checked at a date after its validity
    ours = create_identity("Ana", "Coordinadora", "Nayarit", b"pw", valid_days=1)
    with pytest.raises(InputError) as exc:
        load_pkcs12(ours, b"pw", now=NOW + dt.timedelta(days=3))
    assert exc.value.code == "identity_expired"


def test_sat_efirma_loads(ca):
    cer, key = sat_pair(ca)
    ident = load_sat_efirma(cer, key, b"12345678a")
    assert ident.name == "ROSA MARÍA LÓPEZ NÚÑEZ"
    assert ident.certificate.issuer == ca[1].subject
    assert sat_branch(ident.certificate) is None


def test_sat_efirma_wrong_password(ca):
    cer, key = sat_pair(ca)
    with pytest.raises(InputError) as exc:
        load_sat_efirma(cer, key, b"incorrecta")
    assert exc.value.code == "passphrase_wrong"
    assert "contraseña incorrecta" in exc.value.message("es")


def test_csd_is_refused_with_its_reason(ca):
    cer, key = sat_pair(ca, csd=True)
    with pytest.raises(InputError) as exc:
        load_sat_efirma(cer, key, b"12345678a")
    assert exc.value.code == "identity_csd"
    es, en = exc.value.message("es"), exc.value.message("en")
    assert "CSD" in es and "facturas" in es and "e.firma" in es and "SUCURSAL TEPIC" in es
    assert "invoices" in en and "cannot sign documents" in en


def test_csd_refused_even_with_wrong_password(ca):
    """The CSD is recognised from the public .cer, before the password is tried."""
    cer, key = sat_pair(ca, csd=True)
    with pytest.raises(InputError) as exc:
        load_sat_efirma(cer, key, b"nada")
    assert exc.value.code == "identity_csd"


def test_key_that_does_not_match_is_refused(ca):
    cer, key = sat_pair(ca, other_key=True)
    with pytest.raises(InputError) as exc:
        load_sat_efirma(cer, key, b"12345678a")
    assert exc.value.code == "identity_key_mismatch"
    assert "no corresponde" in exc.value.message("es")


def test_expired_efirma_is_refused(ca):
    cer, key = sat_pair(ca, not_before=NOW - dt.timedelta(days=1500), not_after=NOW - dt.timedelta(days=40))
    with pytest.raises(InputError) as exc:
        load_sat_efirma(cer, key, b"12345678a")
    assert exc.value.code == "identity_expired"


def test_garbage_cer_is_unreadable():
    with pytest.raises(InputError) as exc:
        load_sat_efirma(b"\x00\x01garbage", b"", b"pw")
    assert exc.value.code == "identity_unreadable"
