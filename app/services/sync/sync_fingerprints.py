"""Fingerprints compared over the phone before anything is trusted (issue 4, issue 11 holes 2 and 4).

- HQ's: SHA-256 over its two public keys;
- an enrolment's: SHA-256 over the state AND the certificate's SHA-256, so editing the state
  in the file changes what HQ reads back;
- shown as 16 groups of 4 hex digits; typed back in any case, with or without spaces/colons.
"""

from __future__ import annotations

import hashlib

from cryptography import x509

from app.models.messages import InputError
from app.reports.signing import identity as ident
from app.sync.errors import SyncError


def readable(hex_digest: str) -> str:
    """A SHA-256 as 16 groups of 4 upper-case hex digits, to read aloud over the phone."""
    digits = hex_digest.replace(":", "").upper()
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def certificate_fingerprint(cert: x509.Certificate) -> str:
    """The certificate's SHA-256 as lower-case hex (the registration key)."""
    return ident.fingerprint(cert).replace(":", "").lower()


def hq_fingerprint(sign_public: bytes, enc_public: bytes) -> str:
    """SHA-256 over HQ's two public keys: what both sides compare."""
    return hashlib.sha256(b"coordina-hq\0" + sign_public + enc_public).hexdigest()


def enrolment_fingerprint(cert_fingerprint: str, state_code: str) -> str:
    """What is read over the phone for an enrolment: SHA-256 over the state AND the certificate.

    Changing the state in the file ("18" to "09") changes this, so HQ's comparison fails.
    """
    cert = bytes.fromhex(cert_fingerprint.replace(":", "").replace(" ", ""))
    return hashlib.sha256(b"coordina-enrol\0" + state_code.encode("ascii") + b"\0" + cert).hexdigest()


def _same_fingerprint(given: str, expected_hex: str) -> bool:
    """Whether ``given`` (as typed: groups, colons, any case) names ``expected_hex``."""
    typed = "".join(ch for ch in given if ch.isalnum()).lower()
    return bool(typed) and typed == expected_hex.lower()


def _confirm(where: str, expected_hex: str, fingerprint: str | None, confirmed: bool) -> None:
    """Nothing is trusted before its fingerprint is compared: typed back, or accepted in a dialog."""
    if fingerprint is not None:
        if not _same_fingerprint(fingerprint, expected_hex):
            raise SyncError(
                "E_FINGERPRINT_MISMATCH",
                where,
                InputError("sync_detail.file_fingerprint", fingerprint=readable(expected_hex)[:19]),
            )
        return
    if not confirmed:
        raise SyncError("E_FINGERPRINT_UNCONFIRMED", where, readable(expected_hex))
