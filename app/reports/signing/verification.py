"""Strict verification of signed PDFs (DESIGN.md §5, issue 10 part 1).

The rules, simple to explain:

- every signature in the file is examined and reported; the verdict is the worst one;
- a signature is intact when its bytes hash to the signed digest, and after its revision the
  file holds nothing but validation data (``/DSS``) and document timestamps, with no byte
  after the last revision (a signature that is the last thing in the file covers the whole
  file, as poppler's ``pdfsig`` calls "Total document signed");
- certificates are checked at the time of verification (offline there is no trusted
  timestamp, so the signer's claimed signing time proves nothing); trusted self-signed
  certificates included; a certificate headquarters revoked is refused where that is known.

:func:`verify_pdf` never raises: whatever the input it returns a :class:`VerifyResult`
with a verdict and its reasons (message codes of :mod:`app.models.messages`): the result's
shape is :mod:`app.reports.signing.verify_result`, the certificate checks :mod:`app.reports.signing.verify_trust`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import re
from collections.abc import Iterator, Mapping

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature, validate_pdf_timestamp
from pyhanko_certvalidator import ValidationContext

from app.models.messages import render
from app.reports.signing.identity import fingerprint, subject_label
from app.reports.signing.verify_changes import added_after
from app.reports.signing.verify_demo import holds_demo_data
from app.reports.signing.verify_result import SEVERITY_RANK, Reason, SignatureReport, VerifyResult
from app.reports.signing.verify_trust import as_asn1, certificate_reasons, fp_key, issued_by_trusted, pyhanko_trusted


def _refused(code: str, signed: bool = False, demo: bool = False) -> VerifyResult:
    return VerifyResult(
        signed, False, False, problem=render(code, "en"), problem_code=code, reasons=(Reason(code, "error"),), demo=demo
    )


def verify_pdf(
    pdf_bytes: bytes,
    trusted_certs: list[x509.Certificate],
    revoked: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
) -> VerifyResult:
    """Check every signature of ``pdf_bytes`` against ``trusted_certs`` (trust anchors).

    ``revoked`` maps certificate fingerprints (hex, any case, colons or not) to the date
    headquarters revoked them. ``now`` is the moment certificates are checked at (default:
    this moment). No exception escapes, and pyHanko's logging stays quiet.
    """
    moment = now or dt.datetime.now(dt.UTC)
    gone = {fp_key(k): v for k, v in (revoked or {}).items()}
    with _quiet_pyhanko():
        try:
            return _verify(pdf_bytes, trusted_certs, gone, moment)
        except Exception:  # noqa: BLE001 - a last guard: whatever pyHanko raises is a refusal
            return _refused("verify_unreadable")


def _verify(data: bytes, trusted: list[x509.Certificate], revoked: dict[str, str], now: dt.datetime) -> VerifyResult:
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        return _refused("verify_not_pdf")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        if reader.encrypted:
            return _refused("verify_encrypted")
        signatures = list(reader.embedded_signatures)
    except Exception:  # noqa: BLE001 - truncated or damaged beyond repair
        return _refused("verify_unreadable")
    demo = holds_demo_data(reader, signatures)
    demo_reasons = (Reason("verify_demo", "info"),) if demo else ()
    if not signatures and _has_signature_values(reader):
        # pyHanko lists only signatures it understands: a damaged /SubFilter is not "unsigned".
        result = _refused("verify_unverifiable", signed=True, demo=demo)
        return VerifyResult(**{**result.__dict__, "reasons": result.reasons + demo_reasons})
    if not signatures:
        result = _refused("verify_unsigned", demo=demo)
        return VerifyResult(**{**result.__dict__, "reasons": result.reasons + demo_reasons})
    anchors = [as_asn1(c) for c in trusted]
    reports = tuple(_examine(reader, data, sig, signatures, trusted, anchors, revoked, now) for sig in signatures)
    worst = max(reports, key=lambda r: SEVERITY_RANK[r.verdict])
    first = next((r for r in worst.reasons if r.severity in ("error", "warning")), None)
    return VerifyResult(
        True,
        all(r.intact for r in reports),
        all(r.trusted for r in reports),
        worst.signer_name,
        worst.signed_at,
        worst.fingerprint,
        problem=first.text("en") if first else None,
        problem_code=first.code if first else None,
        signatures=reports,
        reasons=demo_reasons,
        demo=demo,
    )


def _examine(
    reader: PdfFileReader,
    data: bytes,
    sig: EmbeddedPdfSignature,
    every: list[EmbeddedPdfSignature],
    trusted: list[x509.Certificate],
    anchors: list,
    revoked: dict[str, str],
    now: dt.datetime,
) -> SignatureReport:
    """One signature: integrity, what was added after it, then its certificate now."""
    timestamp = _safe(lambda: sig.sig_object_type == "/DocTimeStamp", False)
    kind = (
        "timestamp"
        if timestamp
        else ("certification" if _safe(lambda: sig.docmdp_level is not None, False) else "approval")
    )
    field_name = str(_safe(lambda: sig.field_name, "") or "")
    cert = _safe(lambda: x509.load_der_x509_certificate(sig.signer_cert.dump()), None)
    name = _safe(lambda: subject_label(cert), None) if cert is not None else None
    print_ = fingerprint(cert) if cert is not None else None
    claimed = _safe(lambda: sig.self_reported_timestamp, None)
    whole = _whole_file(sig, len(data))
    try:
        context = ValidationContext(trust_roots=anchors, allow_fetching=False, moment=now)
        status = (
            validate_pdf_timestamp(sig, validation_context=context)
            if timestamp
            else validate_pdf_signature(sig, signer_validation_context=context)
        )
    except Exception:  # noqa: BLE001 - a damaged signature dictionary or CMS blob
        return SignatureReport(
            field_name, kind, name, print_, claimed, False, False, whole, (Reason("verify_unverifiable", "error"),)
        )
    signed_at = getattr(status, "signer_reported_dt", None) or claimed
    integrity = _integrity(reader, data, sig, every, status, whole)
    intact = not integrity
    if timestamp:
        # A document timestamp only has to be intact: offline, no TSA is trusted, and the
        # signatures before it are judged on their own.
        return SignatureReport(field_name, kind, name, print_, signed_at, intact, intact, whole, tuple(integrity))
    certificate = certificate_reasons(cert, revoked, now)
    trusted_now = (
        not certificate and cert is not None and (pyhanko_trusted(status, now) or issued_by_trusted(cert, trusted, now))
    )
    reasons = integrity + certificate
    if intact and not certificate and not trusted_now:
        reasons.append(Reason("verify_untrusted", "warning"))
    return SignatureReport(
        field_name, kind, name, print_, signed_at, intact, intact and trusted_now, whole, tuple(reasons)
    )


def _integrity(
    reader: PdfFileReader,
    data: bytes,
    sig: EmbeddedPdfSignature,
    every: list[EmbeddedPdfSignature],
    status: object,
    whole: bool,
) -> list[Reason]:
    """Why the signed bytes or the file after them are not what was signed (empty: intact)."""
    if not getattr(status, "intact", False):
        return [Reason("verify_altered", "error")]
    if not getattr(status, "valid", False):
        return [Reason("verify_bad_signature", "error")]
    reasons: list[Reason] = []
    total = reader.xrefs.total_revisions
    later = list(range(sig.signed_revision + 1, total))
    if later:
        named = added_after(reader, later)
        level = getattr(status, "modification_level", None)
        if not named and (level is None or level > ModificationLevel.LTA_UPDATES):
            named = ("verify_what_other",)
        if named:
            reasons.append(Reason("verify_added_after", "error", items=named))
    extra = _bytes_after_last_revision(reader, data, every)
    if extra:
        reasons.append(Reason("verify_appended_bytes", "error", params={"n": f"{extra:,}"}))
    elif not later and not whole:  # nothing after it, yet it does not reach the end
        reasons.append(Reason("verify_appended_bytes", "error", params={"n": "?"}))
    return reasons


def _has_signature_values(reader: PdfFileReader) -> bool:
    """A signature field of the form holds a value (a signature dictionary), whatever it says."""
    try:
        form = reader.root["/AcroForm"] if "/AcroForm" in reader.root else None
        fields = form["/Fields"] if form is not None and "/Fields" in form else []
        for ref in list(fields)[:1000]:
            item = ref.get_object() if hasattr(ref, "get_object") else ref
            if "/FT" in item and item["/FT"] == "/Sig" and "/V" in item:
                return True
    except Exception:  # noqa: BLE001 - an unreadable form: nothing to say
        return False
    return False


def _whole_file(sig: EmbeddedPdfSignature, size: int) -> bool:
    try:
        byte_range = [int(v) for v in sig.sig_object["/ByteRange"]]
        return len(byte_range) == 4 and byte_range[2] + byte_range[3] == size
    except Exception:  # noqa: BLE001 - a damaged /ByteRange: not the whole file
        return False


_TRAILER_END = re.compile(rb"startxref\s+(\d+)\s+%%EOF(\r\n|\r|\n)?\Z")


def _bytes_after_last_revision(reader: PdfFileReader, data: bytes, every: list) -> int:
    """How many bytes follow the end of the file's last revision (0: none).

    When the last revision is a signature's, its /ByteRange tells where it ends. Otherwise
    (a /DSS update) the file must end with that revision's own ``startxref N %%EOF``.
    """
    last = reader.xrefs.total_revisions - 1
    for sig in every:
        if _safe(lambda s=sig: s.signed_revision, -1) == last:
            try:
                byte_range = [int(v) for v in sig.sig_object["/ByteRange"]]
                return max(0, len(data) - (byte_range[2] + byte_range[3]))
            except Exception:  # noqa: BLE001 - judged by the trailer below
                break
    match = _TRAILER_END.search(data[-64:]) if data else None
    if match and int(match.group(1)) == reader.last_startxref and data.count(b"startxref", reader.last_startxref) == 1:
        return 0
    end = data.rfind(b"%%EOF", 0, len(data))
    return max(1, len(data) - end - 5) if end >= 0 else 1


def _safe(get, default):  # noqa: ANN001, ANN202 - a tiny guard for pyHanko's lazy properties
    try:
        return get()
    except Exception:  # noqa: BLE001 - a damaged dictionary reads as "unknown"
        return default


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs damaged input and untrusted signers with tracebacks; the result says it."""
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator", "pypdf")]
    previous = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, previous, strict=True):
            lg.setLevel(level)


__all__ = ["Reason", "SignatureReport", "VerifyResult", "verify_pdf"]
