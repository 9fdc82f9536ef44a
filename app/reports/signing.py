"""PAdES B-B signatures with pyHanko: sign PDF bytes, verify PDF bytes (DESIGN.md §5).

:func:`sign_pdf` appends the signature as an incremental update, so the signed bytes begin
with the original file. :func:`verify_pdf` never raises: whatever the input (not a PDF,
truncated, unsigned, altered) it returns a :class:`VerifyResult` saying what it found.
"""

from __future__ import annotations

import binascii
import contextlib
import datetime as dt
import io
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.content import ImportedPdfPage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, BoxConstraints, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.models.messages import InputError
from app.reports.identity import Identity, fingerprint, subject_label

log = logging.getLogger("coordina.signing")


@dataclass(frozen=True)
class VerifyResult:
    """What a PDF's last signature says. ``problem`` explains anything short of intact+trusted."""

    signed: bool
    intact: bool
    trusted: bool
    signer_name: str | None = None
    signed_at: dt.datetime | None = None
    fingerprint: str | None = None
    problem: str | None = None
    problem_code: str | None = None  # a code of app.models.messages for the bilingual text

    @property
    def exit_code(self) -> int:
        """The CLI's code: 0 intact and trusted, 3 intact but untrusted, 1 otherwise."""
        if self.signed and self.intact:
            return 0 if self.trusted else 3
        return 1


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


@dataclass(frozen=True)
class VisibleSignature:
    """A visible signature widget: the page (0-based), its rectangle, and its look (a PDF page)."""

    page: int
    box: tuple[float, float, float, float]
    appearance_pdf: bytes


class _PdfPageFromBytes(ImportedPdfPage):
    """pyHanko's ImportedPdfPage reads a file by name; this one reads bytes in memory."""

    def __init__(self, data: bytes):
        super().__init__(file_name="<memory>", page_ix=0)
        self._data = data

    def render(self) -> bytes:
        xobj = self._ensure_writer.import_page_as_xobject(
            PdfFileReader(io.BytesIO(self._data), strict=False), page_ix=0)
        resource_name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[resource_name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return resource_name + b" Do"


def sign_pdf(pdf_bytes: bytes, identity: Identity, reason: str, location: str,
             field_name: str = "Firma", visible: VisibleSignature | None = None) -> bytes:
    """Sign ``pdf_bytes`` with ``identity``: PAdES B-B, SHA-256, as an incremental update.

    ``visible`` places a signature widget whose appearance is the given one-page PDF;
    without it the signature is invisible. Raises InputError("signing_failed") when the
    input cannot be signed (not a PDF, say).
    """
    key_der = identity.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    signer = signers.SimpleSigner(
        signing_cert=_asn1_cert(identity.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(
            [_asn1_cert(c) for c in identity.chain]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, reason=reason, location=location, name=identity.name,
        md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES)
    out = io.BytesIO()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
        if visible is None:
            signers.sign_pdf(writer, meta, signer=signer, output=out)
        else:
            spec = fields.SigFieldSpec(field_name, on_page=visible.page,
                                       box=tuple(int(round(v)) for v in visible.box))
            style = StaticStampStyle(
                background=_PdfPageFromBytes(visible.appearance_pdf), border_width=0,
                background_layout=SimpleBoxLayoutRule(
                    x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID,
                    margins=Margins.uniform(0)))
            signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec
                              ).sign_pdf(writer, output=out)
    except Exception as exc:  # pyHanko raises many types for a malformed input
        log.info("signing failed: %r", exc)
        raise InputError("signing_failed", reason=str(exc) or type(exc).__name__) from None
    return out.getvalue()


def verify_pdf(pdf_bytes: bytes, trusted_certs: list[x509.Certificate]) -> VerifyResult:
    """Check the last signature of ``pdf_bytes`` against ``trusted_certs`` (trust anchors).

    ``intact`` means the signed bytes hash to the signed digest, the signature itself is
    cryptographically valid and it covers the whole file (or only allowed later updates).
    ``trusted`` means the signer chains to one of ``trusted_certs``. No exception escapes.
    """
    if not pdf_bytes.lstrip()[:5].startswith(b"%PDF-"):
        return VerifyResult(False, False, False, problem="not a PDF file",
                            problem_code="verify_not_pdf")
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # truncated or damaged beyond repair
        return VerifyResult(False, False, False, problem=f"unreadable PDF: {exc or type(exc).__name__}",
                            problem_code="verify_unreadable")
    if not signatures:
        return VerifyResult(False, False, False, problem="the PDF is not signed",
                            problem_code="verify_unsigned")
    embedded = signatures[-1]
    try:
        cert = embedded.signer_cert
        name: str | None = _subject(cert)
        print_ = _fingerprint(cert)
    except Exception:
        name, print_ = None, None
    try:
        context = ValidationContext(
            trust_roots=[_asn1_cert(c) for c in trusted_certs], allow_fetching=False)
        with _quiet_pyhanko():
            status = validate_pdf_signature(embedded, signer_validation_context=context)
    except Exception as exc:  # a damaged signature dictionary or CMS blob
        return VerifyResult(True, False, False, name, None, print_,
                            problem=f"the signature cannot be checked: {exc or type(exc).__name__}",
                            problem_code="verify_unverifiable")
    intact = bool(status.intact and status.valid and status.docmdp_ok is not False
                  and _coverage_ok(status))
    trusted = intact and (status.trust_problem_indic is None
                          or _issued_by_trusted(embedded, trusted_certs, status.signer_reported_dt))
    problem, code = None, None
    if not status.intact:
        problem, code = "the document was altered after signing", "verify_altered"
    elif not status.valid:
        problem, code = "the signature value is not valid", "verify_bad_signature"
    elif not intact:
        problem, code = "the file was modified after signing", "verify_modified_later"
    elif not trusted:
        problem = f"the signer is not trusted ({status.trust_problem_indic})"
        code = "verify_untrusted"
    return VerifyResult(True, intact, trusted, name, status.signer_reported_dt, print_, problem,
                        code)


def _issued_by_trusted(embedded: object, trusted_certs: list[x509.Certificate],
                       when: dt.datetime | None) -> bool:
    """Fallback trust check for a signer that pyHanko's path builder cannot parse.

    SAT writes the RFC into x500UniqueIdentifier (2.5.4.45) as a text string, while X.520
    defines a BIT STRING; asn1crypto, under pyHanko, then fails to build the chain
    (wbond/asn1crypto#228) and reports CERTIFICATE_CHAIN_GENERAL_FAILURE for a real e.firma.
    Here ``cryptography`` checks the same thing pyHanko would without revocation data: the
    signer certificate is a trusted one, or is directly issued (signature verified) by a
    trusted CA certificate; it allows signing; and both were valid at the signing time.
    """
    try:
        signer = x509.load_der_x509_certificate(embedded.signer_cert.dump())  # type: ignore[attr-defined]
        moment = when or dt.datetime.now(dt.UTC)
        if not signer.not_valid_before_utc <= moment <= signer.not_valid_after_utc:
            return False
        usage = signer.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (usage.digital_signature or usage.content_commitment):
            return False
        for anchor in trusted_certs:
            if anchor == signer:
                return True
            if anchor.subject != signer.issuer or not _is_ca(anchor):
                continue
            if not anchor.not_valid_before_utc <= moment <= anchor.not_valid_after_utc:
                continue
            try:
                signer.verify_directly_issued_by(anchor)
            except (ValueError, TypeError, InvalidSignature):
                continue
            return True
    except Exception:  # no key usage, unparsable certificate: not trusted
        return False
    return False


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


@contextlib.contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs an untrusted signer as a warning with a traceback; the result says it."""
    logger = logging.getLogger("pyhanko")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _coverage_ok(status: object) -> bool:
    """The signature covers the whole file, or later updates only add allowed things."""
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    coverage = getattr(status, "coverage", None)
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    if coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        diff = getattr(status, "diff_result", None)
        return diff is not None and getattr(diff, "modification_level", None) is not None \
            and diff.modification_level.value <= 2
    return False


def _subject(cert: asn1_x509.Certificate) -> str:
    return subject_label(x509.load_der_x509_certificate(cert.dump()))


def _fingerprint(cert: asn1_x509.Certificate) -> str:
    return fingerprint(x509.load_der_x509_certificate(cert.dump()))
