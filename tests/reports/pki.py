"""Test material made here: a one-page PDF and SAT-like certificates from a test CA.

No real SAT files: the "SAT" CA, e.firma and CSD are generated with ``cryptography`` and
mimic the subject layout SAT uses: the RFC in x500UniqueIdentifier (2.5.4.45) as a text
string (X.520 says BIT STRING; asn1crypto cannot parse the text form, wbond/asn1crypto#228),
serialNumber = CURP, and an OU with the branch name only on a CSD.
"""

from __future__ import annotations

import datetime as dt
import io

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

NOW = dt.datetime.now(dt.UTC)
X500_UNIQUE_ID = x509.ObjectIdentifier("2.5.4.45")


def one_page_pdf(text: str = "NAYARIT: Avances Generales — 66 % (413 de 620)") -> bytes:
    """A small uncompressed one-page PDF drawn with ReportLab."""
    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=A4, pageCompression=0)
    page.setTitle("Avances Generales")
    page.drawString(72, 760, text)
    page.showPage()
    page.save()
    return buf.getvalue()


def _key_usage(non_repudiation: bool = True) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=non_repudiation,
        key_encipherment=False,
        data_encipherment=True,
        key_agreement=True,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def make_ca() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """A stand-in for the SAT issuing CA."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "AC DEL SERVICIO DE ADMINISTRACION TRIBUTARIA (PRUEBAS)"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "SERVICIO DE ADMINISTRACION TRIBUTARIA"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=3650))
        .not_valid_after(NOW + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def sat_pair(
    ca: tuple[rsa.RSAPrivateKey, x509.Certificate],
    *,
    csd: bool = False,
    password: bytes = b"12345678a",
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    other_key: bool = False,
    with_rfc: bool = True,
) -> tuple[bytes, bytes]:
    """A SAT-like ``.cer`` (DER) and ``.key`` (encrypted PKCS#8 DER): e.firma or CSD."""
    ca_key, ca_cert = ca
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attrs = [
        x509.NameAttribute(NameOID.COMMON_NAME, "ROSA MARÍA LÓPEZ NÚÑEZ"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ROSA MARÍA LÓPEZ NÚÑEZ"),
        x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, "LONR800101MNTPXS09"),
    ]
    if with_rfc:
        attrs.append(x509.NameAttribute(X500_UNIQUE_ID, "LONR800101AB1"))
    if csd:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "SUCURSAL TEPIC"))
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attrs))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=30))
        .not_valid_after(not_after or NOW + dt.timedelta(days=4 * 365))
        .add_extension(_key_usage(), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    if other_key:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(password)
    )
    return cert.public_bytes(serialization.Encoding.DER), key_der


def self_signed_p12(*, not_before: dt.datetime, not_after: dt.datetime, passphrase: bytes = b"pw") -> bytes:
    """A PKCS#12 with a self-signed EC certificate of chosen validity.

    (A PKCS#12 whose key does not match cannot be built: ``cryptography`` and ``openssl``
    both refuse, so the mismatch is tested with a SAT pair.)
    """
    from cryptography.hazmat.primitives.serialization import pkcs12

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Prueba")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"prueba", key, cert, None, serialization.BestAvailableEncryption(passphrase)
    )
