"""PAdES B-B signatures with pyHanko: sign PDF bytes (DESIGN.md §5).

:func:`sign_pdf` appends the signature as an incremental update, so the signed bytes begin
with the original file. It is a *certification* signature that allows no change (DocMDP
P=1): any later update but validation data and document timestamps breaks it. Verification
is in :mod:`app.reports.signing.verification` (``verify_pdf`` and ``VerifyResult`` are re-exported
here for the callers that import them from this module).
"""

from __future__ import annotations

import binascii
import io
import logging
import uuid
from dataclasses import dataclass
from typing import cast

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.content import ImportedPdfPage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, BoxConstraints, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.models.messages import InputError
from app.reports.signing.identity import Identity
from app.reports.signing.verification import Reason, SignatureReport, VerifyResult, verify_pdf

__all__ = ["Reason", "SignatureReport", "VerifyResult", "VisibleSignature", "sign_pdf", "verify_pdf"]

log = logging.getLogger("coordina.signing")


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
            PdfFileReader(io.BytesIO(self._data), strict=False), page_ix=0
        )
        resource_name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[resource_name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return resource_name + b" Do"


def sign_pdf(
    pdf_bytes: bytes,
    identity: Identity,
    reason: str,
    location: str,
    field_name: str = "Firma",
    visible: VisibleSignature | None = None,
) -> bytes:
    """Sign ``pdf_bytes`` with ``identity``: PAdES B-B, SHA-256, as an incremental update.

    ``visible`` places a signature widget whose appearance is the given one-page PDF;
    without it the signature is invisible. Raises InputError("signing_failed") when the
    input cannot be signed (not a PDF, say).
    """
    key_der = identity.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = signers.SimpleSigner(
        signing_cert=_asn1_cert(identity.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in identity.chain]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        name=identity.name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        # Certification, no changes allowed: a new field or annotation after it breaks it.
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )
    try:
        try:
            return _sign(pdf_bytes, meta, signer, field_name, visible, _reserved(identity))
        except SigningError as exc:
            # Our reservation was too small for an unusual certificate chain: sign again
            # with pyHanko's own estimate (a dry-run signature, slower but exact).
            log.info("signing with a reserved size failed (%r); estimating", exc)
            return _sign(pdf_bytes, meta, signer, field_name, visible, None)
    except Exception as exc:  # pyHanko raises many types for a malformed input
        log.info("signing failed: %r", exc)
        raise InputError("signing_failed", reason=str(exc) or type(exc).__name__) from None


def _reserved(identity: Identity) -> int:
    """Room for the signature container, in hex digits, without pyHanko's dry run.

    pyHanko estimates it by signing once more in a dry run (about half the cost of a
    signature). The container holds the certificates, the signed attributes and the
    signature value: the certificates' size plus 1 KiB (an RSA-4096 signature is 512
    bytes, the signed attributes about 300), twice for hex, and half again as margin, as
    pyHanko's own rule does. Too small a room is caught, and the document is signed again
    with pyHanko's estimate.
    """
    certs = sum(len(c.public_bytes(serialization.Encoding.DER)) for c in (identity.certificate, *identity.chain))
    hex_len = 2 * (certs + 1024)
    return hex_len + 2 * (hex_len // 4)


def _sign(
    pdf_bytes: bytes, meta, signer, field_name: str, visible: VisibleSignature | None, bytes_reserved: int | None
) -> bytes:
    out = io.BytesIO()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    if visible is None:
        signers.sign_pdf(writer, meta, signer=signer, output=out, bytes_reserved=bytes_reserved)
    else:
        spec = fields.SigFieldSpec(
            field_name,
            on_page=visible.page,
            box=cast("tuple[int, int, int, int]", tuple(int(round(v)) for v in visible.box)),
        )
        style = StaticStampStyle(
            background=_PdfPageFromBytes(visible.appearance_pdf),
            border_width=0,
            background_layout=SimpleBoxLayoutRule(
                x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID, margins=Margins.uniform(0)
            ),
        )
        signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec).sign_pdf(
            writer, output=out, bytes_reserved=bytes_reserved
        )
    return out.getvalue()
