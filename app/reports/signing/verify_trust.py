"""Whether a PDF's signer certificate is trusted and valid now (:mod:`app.reports.signing.verification`).

Checked at the time of verification: offline there is no trusted timestamp, so the signer's
claimed signing time proves nothing. A certificate headquarters revoked is refused.
"""

from __future__ import annotations

import datetime as dt

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization

from app.reports.signing.identity import fingerprint
from app.reports.signing.verify_result import Reason


def certificate_reasons(cert: x509.Certificate | None, revoked: dict[str, str], now: dt.datetime) -> list[Reason]:
    """The signer certificate checked now: revoked by headquarters, expired, not yet valid."""
    if cert is None:
        return [Reason("verify_unverifiable", "error")]
    reasons = []
    when = revoked.get(fp_key(fingerprint(cert)))
    if when is not None:
        reasons.append(Reason("verify_cert_revoked", "error", params={"date": str(when)[:10]}))
    if now > cert.not_valid_after_utc:
        reasons.append(
            Reason("verify_cert_expired", "error", params={"date": cert.not_valid_after_utc.date().isoformat()})
        )
    elif now < cert.not_valid_before_utc:
        reasons.append(
            Reason("verify_cert_not_yet_valid", "error", params={"date": cert.not_valid_before_utc.date().isoformat()})
        )
    return reasons


def pyhanko_trusted(status: object, now: dt.datetime) -> bool:
    """pyHanko built a path to a trust anchor, and every certificate on it is valid now."""
    if getattr(status, "trust_problem_indic", "x") is not None:
        return False
    path = getattr(status, "validation_path", None)
    if path is None:
        return False
    try:
        for cert in path.iter_certs(include_root=True):
            if not cert.not_valid_before <= now <= cert.not_valid_after:
                return False
    except Exception:  # noqa: BLE001 - an unreadable path is no proof of trust
        return False
    return True


def issued_by_trusted(signer: x509.Certificate, trusted_certs: list[x509.Certificate], when: dt.datetime) -> bool:
    """Trust check for a signer that pyHanko's path builder cannot parse.

    SAT writes the RFC into x500UniqueIdentifier (2.5.4.45) as a text string, while X.520
    defines a BIT STRING; asn1crypto, under pyHanko, then fails to build the chain
    (wbond/asn1crypto#228) and reports CERTIFICATE_CHAIN_GENERAL_FAILURE for a real e.firma.
    Here ``cryptography`` checks the same thing pyHanko would without revocation data: the
    signer certificate is a trusted one, or is directly issued (signature verified) by a
    trusted CA certificate; it allows signing; and both are valid ``when`` (verification time).
    """
    try:
        if not signer.not_valid_before_utc <= when <= signer.not_valid_after_utc:
            return False
        try:
            usage = signer.extensions.get_extension_for_class(x509.KeyUsage).value
            if not (usage.digital_signature or usage.content_commitment):
                return False
        except x509.ExtensionNotFound:
            pass  # a self-signed identity without key usage: trusted by its exact certificate
        for anchor in trusted_certs:
            if anchor == signer:
                return True
            if anchor.subject != signer.issuer or not _is_ca(anchor):
                continue
            if not anchor.not_valid_before_utc <= when <= anchor.not_valid_after_utc:
                continue
            try:
                signer.verify_directly_issued_by(anchor)
            except (ValueError, TypeError, InvalidSignature):
                continue
            return True
    except Exception:  # noqa: BLE001 - unparsable certificate: not trusted
        return False
    return False


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def as_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    """The certificate as asn1crypto reads it (pyHanko's trust roots)."""
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def fp_key(value: str) -> str:
    """A fingerprint as compared: no separators, lower case."""
    return value.replace(":", "").replace(" ", "").lower()
