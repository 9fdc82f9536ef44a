"""Signing identities: an X.509 certificate with its private key (DESIGN.md §5).

Three sources, all ending in an :class:`Identity`:

- :func:`create_identity` makes a new ECDSA P-256 key and a self-signed certificate (name,
  position, state) and returns it as PKCS#12 bytes under a passphrase;
- :func:`load_pkcs12` opens a ``.p12``/``.pfx`` (ours or one the coordinator already has);
- :func:`load_sat_efirma` opens the SAT e.firma (FIEL): a DER ``.cer`` plus an encrypted
  PKCS#8 DER ``.key``.

Every loader refuses, with a bilingual :class:`InputError` and never a traceback: a wrong
passphrase, a key that does not match the certificate, a certificate that is expired or not yet
valid, one whose key usage forbids signing documents, and a SAT CSD (see :func:`sat_branch`).
Passphrases are parameters only; nothing here stores them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from app.models.messages import InputError

ORGANIZATION = "IMSS-BIENESTAR"
COUNTRY = "MX"

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey


@dataclass(frozen=True)
class Identity:
    """A certificate and its private key, ready to sign. ``chain`` holds issuer certificates."""

    private_key: SigningKey
    certificate: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)
    name: str = ""
    position: str = ""
    state: str = ""
    fingerprint_sha256: str = ""


def fingerprint(cert: x509.Certificate) -> str:
    """The SHA-256 fingerprint as upper-case hex pairs: ``"AB:CD:…"`` (read over the phone)."""
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value).strip() if values else ""


def subject_label(cert: x509.Certificate) -> str:
    """The subject's common name (or the whole subject when it has none)."""
    return _attr(cert.subject, NameOID.COMMON_NAME) or cert.subject.rfc4514_string()


def create_identity(name: str, position: str, state_name: str, passphrase: bytes, valid_days: int = 730) -> bytes:
    """A new ECDSA P-256 key with a self-signed certificate, as PKCS#12 under ``passphrase``.

    Subject: CN=name, title=position, ST=state, O=IMSS-BIENESTAR, C=MX. Key usage is
    digitalSignature + nonRepudiation (critical), the usage for signing documents.
    """
    for label, value in (("name", name), ("position", position), ("state", state_name)):
        if not str(value).strip():
            raise InputError("identity_field_missing", field=label)
    if not passphrase:
        raise InputError("identity_field_missing", field="passphrase")
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name.strip()),
            x509.NameAttribute(NameOID.TITLE, position.strip()),
            x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, state_name.strip()),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
            x509.NameAttribute(NameOID.COUNTRY_NAME, COUNTRY),
        ]
    )
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name=name.strip().encode("utf-8"),
        key=key,
        cert=cert,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase),
    )


def load_pkcs12(data: bytes, passphrase: bytes, path: str = "PKCS#12", now: dt.datetime | None = None) -> Identity:
    """Open a ``.p12``/``.pfx`` and check it can sign today. ``path`` only labels messages."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase or None)
    except ValueError as exc:
        text = str(exc).lower()
        if "password" in text or "mac" in text or "decrypt" in text:
            raise InputError("passphrase_wrong", path=path) from None
        raise InputError("identity_unreadable", path=path, reason=str(exc)) from None
    except TypeError as exc:  # passphrase given for an unencrypted file or vice versa
        raise InputError("passphrase_wrong", path=path) from exc
    if key is None or cert is None:
        raise InputError("identity_no_key", path=path)
    return _checked(key, cert, list(extra or []), now)  # type: ignore[arg-type]


def load_sat_efirma(
    cer_der: bytes, key_der: bytes, password: bytes, now: dt.datetime | None = None, path: str = "e.firma"
) -> Identity:
    """Open a SAT e.firma: the DER ``.cer`` and the encrypted PKCS#8 DER ``.key``.

    A CSD (invoice seal) is refused, see :func:`sat_branch`.
    """
    try:
        cert = x509.load_der_x509_certificate(cer_der)
    except ValueError:
        try:
            cert = x509.load_pem_x509_certificate(cer_der)
        except ValueError as exc:
            raise InputError("identity_unreadable", path=path + " .cer", reason=str(exc)) from None
    branch = sat_branch(cert)
    if branch is not None:
        raise InputError("identity_csd", subject=subject_label(cert), branch=branch)
    try:
        key = serialization.load_der_private_key(key_der, password or None)
    except (ValueError, TypeError) as exc:
        text = str(exc).lower()
        if isinstance(exc, TypeError) or "password" in text or "decrypt" in text or "bad" in text:
            raise InputError("passphrase_wrong", path=path + " .key") from None
        raise InputError("identity_unreadable", path=path + " .key", reason=str(exc)) from None
    return _checked(key, cert, [], now)  # type: ignore[arg-type]


def sat_branch(cert: x509.Certificate) -> str | None:
    """The branch ("sucursal") name when ``cert`` is a SAT CSD, else None.

    The rule, as SAT's own tools and phpcfdi/credentials apply it: SAT issues both the e.firma
    (FIEL) and the CSD (Certificado de Sello Digital) to the same taxpayer, with the same
    RFC in x500UniqueIdentifier and RFC/CURP in serialNumber. What tells them apart is the
    subject's organizationalUnitName (OU): a CSD is issued *per branch* and carries the branch
    name there (any non-empty text, often the RFC or "Matriz"/"Sucursal 1"); the e.firma
    identifies the person and has no OU. A CSD is only for sealing invoices (CFDI) and the
    SAT forbids using it to sign anything else, so it is refused for documents.
    """
    for attr in cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME):
        value = str(attr.value).strip()
        if value:
            return value
    return None


def _public_der(key: object) -> bytes:
    return key.public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _checked(
    key: SigningKey, cert: x509.Certificate, chain: list[x509.Certificate], now: dt.datetime | None
) -> Identity:
    """Refuse a key that does not match, a certificate out of its validity or not for signing."""
    subject = subject_label(cert)
    if _public_der(key.public_key()) != _public_der(cert.public_key()):
        raise InputError("identity_key_mismatch", subject=subject)
    when = now or dt.datetime.now(dt.UTC)
    if when > cert.not_valid_after_utc:
        raise InputError("identity_expired", subject=subject, date=cert.not_valid_after_utc.date().isoformat())
    if when < cert.not_valid_before_utc:
        raise InputError("identity_not_yet_valid", subject=subject, date=cert.not_valid_before_utc.date().isoformat())
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        raise InputError("identity_not_for_signing", subject=subject, usage=_usage_text(usage))
    return Identity(
        private_key=key,
        certificate=cert,
        chain=chain,
        name=subject,
        position=_attr(cert.subject, NameOID.TITLE),
        state=_attr(cert.subject, NameOID.STATE_OR_PROVINCE_NAME),
        fingerprint_sha256=fingerprint(cert),
    )


def _usage_text(usage: x509.KeyUsage) -> str:
    names = []
    for attr in (
        "digital_signature",
        "content_commitment",
        "key_encipherment",
        "data_encipherment",
        "key_agreement",
        "key_cert_sign",
        "crl_sign",
    ):
        if getattr(usage, attr):
            names.append(attr)
    return ", ".join(names) or "-"


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes; ValueError if it is neither."""
    if b"-----BEGIN CERTIFICATE-----" in data:
        return x509.load_pem_x509_certificate(data)
    return x509.load_der_x509_certificate(data)


def certificate_pem(cert: x509.Certificate) -> bytes:
    """``cert`` as PEM bytes (for the trust store and enrolment files)."""
    return cert.public_bytes(serialization.Encoding.PEM)
