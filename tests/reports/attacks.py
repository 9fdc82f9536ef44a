"""Attacks on signed summaries, built by code at test time (issue 10, part 1).

Each function takes genuine signed bytes (or makes them) and returns what an attacker would
forward by email: an incremental update painting a new figure over the page, bytes after
``%%EOF``, an edit followed by a second signature with a forged same-name certificate, a
certificate signing outside its validity with a faked clock, a damaged ``/SubFilter``.
They use pyHanko and ``cryptography`` directly, as an attacker would, never the app's code
paths, so that the app's own refusals (expired identity, DocMDP lock) do not get in the way.
"""

from __future__ import annotations

import datetime as dt
import io

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.reports.signing.identity import Identity, fingerprint

FAKE_FIGURE = "45 % (19,359 de 43,021)"
NOW = dt.datetime.now(dt.UTC)


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def certificate(
    subject: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    *,
    not_before: dt.datetime,
    not_after: dt.datetime,
    issuer: tuple[object, x509.Certificate] | None = None,
) -> x509.Certificate:
    """A signing certificate for ``key``: self-signed, or issued by ``issuer`` (key, cert)."""
    issuer_key, issuer_name = (key, subject) if issuer is None else (issuer[0], issuer[1].subject)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
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
        .sign(issuer_key, hashes.SHA256())  # type: ignore[arg-type]
    )


def name(common_name: str = "María Pérez") -> x509.Name:
    """The subject layout of the app's identities: name, organization, state."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.TITLE, "Coordinadora estatal"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "IMSS-BIENESTAR"),
            x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Nayarit"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "MX"),
        ]
    )


def identity(
    subject: x509.Name | None = None,
    *,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    issuer: tuple[object, x509.Certificate] | None = None,
) -> Identity:
    """An identity made outside the app's loaders (which refuse expired certificates)."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = certificate(
        subject or name(),
        key,
        not_before=not_before or NOW - dt.timedelta(days=30),
        not_after=not_after or NOW + dt.timedelta(days=365),
        issuer=issuer,
    )
    chain = [issuer[1]] if issuer else []
    return Identity(key, cert, chain, name="María Pérez", fingerprint_sha256=fingerprint(cert))


def attacker_sign(
    pdf: bytes,
    ident: Identity,
    *,
    field_name: str = "Firma",
    signing_time: dt.datetime | None = None,
    certify: bool = False,
) -> bytes:
    """Sign with pyHanko, ignoring a DocMDP lock and, optionally, claiming ``signing_time``."""
    key_der = ident.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = signers.SimpleSigner(
        signing_cert=_asn1(ident.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([_asn1(c) for c in ident.chain]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=certify,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )

    class _Forger(signers.PdfSigner):
        def _enforce_certification_constraints(self, reader):  # the lock is the victim's
            return None

        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only)
            if signing_time is not None:
                session.system_time = signing_time
            return session

    out = io.BytesIO()
    _Forger(meta, signer=signer).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False), output=out)
    return out.getvalue()


def _overlay_stream(writer: IncrementalPdfFileWriter, width: int, height: int, text: str) -> generic.IndirectObject:
    """A form XObject: a white box with ``text`` in Helvetica, to hide what lies below."""
    font = writer.add_object(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Font"),
                generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
                generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
            }
        )
    )
    ops = (f"1 g 0 0 {width} {height} re f 0 g BT /F1 11 Tf 2 {height // 3} Td ({text}) Tj ET").encode("latin-1")
    stream = generic.StreamObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/XObject"),
            generic.NameObject("/Subtype"): generic.NameObject("/Form"),
            generic.NameObject("/BBox"): generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, width, height)]),
            generic.NameObject("/Resources"): generic.DictionaryObject(
                {generic.NameObject("/Font"): generic.DictionaryObject({generic.NameObject("/F1"): font})}
            ),
        },
        stream_data=ops,
    )
    return writer.add_object(stream)


def overlay_signature_field(
    signed: bytes, box: tuple[int, int, int, int] = (66, 752, 560, 776), text: str = FAKE_FIGURE
) -> bytes:
    """An incremental update adding an unsigned signature field whose look paints ``text``.

    pyHanko's "form filling" level used to accept this: a new signature field counts as
    form filling. On screen the new figure covers the signed one.
    """
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    x1, y1, x2, y2 = box
    appearance = _overlay_stream(writer, x2 - x1, y2 - y1, text)
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    widget = writer.add_object(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/Widget"),
                generic.NameObject("/FT"): generic.NameObject("/Sig"),
                generic.NameObject("/T"): generic.TextStringObject("Sello"),
                generic.NameObject("/F"): generic.NumberObject(4),
                generic.NameObject("/P"): page_ref,
                generic.NameObject("/Rect"): generic.ArrayObject([generic.NumberObject(v) for v in box]),
                generic.NameObject("/AP"): generic.DictionaryObject({generic.NameObject("/N"): appearance}),
            }
        )
    )
    annots = page.get("/Annots")
    if annots is None:
        page[generic.NameObject("/Annots")] = generic.ArrayObject([widget])
        writer.update_container(page)
    else:
        annots = annots.get_object()
        annots.append(widget)
        writer.update_container(annots if isinstance(page.raw_get("/Annots"), generic.IndirectObject) else page)
    form = writer.root["/AcroForm"]
    form_fields = form["/Fields"]
    form_fields.append(widget)
    writer.update_container(form_fields if isinstance(form.raw_get("/Fields"), generic.IndirectObject) else form)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def appended_bytes(signed: bytes) -> bytes:
    """Bytes after ``%%EOF``: no reader shows them, but the file is no longer what was signed."""
    return signed + b"% " + FAKE_FIGURE.encode() + b"\n"


def page_edit(signed: bytes, text: str = FAKE_FIGURE) -> bytes:
    """An incremental update adding a content stream that paints over the page."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    ops = f"1 g 66 752 494 24 re f 0 g BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode("latin-1")
    writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=ops)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def info_edit(signed: bytes, key: str = "/Title", value: str = "Avances corregidos") -> bytes:
    """An incremental update changing the document information dictionary."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    info_ref = writer.trailer.raw_get("/Info")
    info = info_ref.get_object()
    info[generic.NameObject(key)] = generic.TextStringObject(value)
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def edit_then_forged_signature(signed: bytes, victim: Identity) -> tuple[bytes, Identity]:
    """Edit the page, then sign again with a new key under the victim's exact subject name."""
    forged = identity(victim.certificate.subject)
    return attacker_sign(page_edit(signed), forged, field_name="Firma2"), forged


def damaged_subfilter(signed: bytes, replacement: bytes = b"/ETSI.CAdES.detachex") -> bytes:
    """The signature dictionary's ``/SubFilter`` replaced by an unknown name (same length)."""
    return signed.replace(b"/ETSI.CAdES.detached", replacement, 1)
