"""PAdES B-B signing and verification: pyHanko, poppler's pdfsig, and damaged inputs."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from app.models.messages import InputError
from app.reports.signing.identity import create_identity, load_pkcs12, load_sat_efirma
from app.reports.signing.pades import sign_pdf, verify_pdf
from tests.reports.pki import make_ca, one_page_pdf, sat_pair

TEXT = "NAYARIT: Avances Generales — 66 % (413 de 620)"


@pytest.fixture(scope="module")
def identity():
    return load_pkcs12(create_identity("María Pérez", "Coordinadora estatal", "Nayarit", b"pw"), b"pw")


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return one_page_pdf(TEXT)


@pytest.fixture(scope="module")
def signed(pdf, identity) -> bytes:
    return sign_pdf(pdf, identity, reason="Avances Generales", location="Tepic, Nayarit")


def test_signature_is_an_incremental_pades_update(pdf, signed):
    assert signed.startswith(pdf)
    reader = PdfFileReader(io.BytesIO(signed))
    (sig,) = reader.embedded_signatures
    assert sig.field_name == "Firma"
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[]))
    assert status.intact and status.valid


def test_verify_trusted_and_untrusted(signed, identity):
    result = verify_pdf(signed, [identity.certificate])
    assert (result.signed, result.intact, result.trusted) == (True, True, True)
    assert result.problem is None and result.exit_code == 0
    assert result.signer_name == "María Pérez"
    assert result.fingerprint == identity.fingerprint_sha256
    assert result.signed_at is not None and result.signed_at.tzinfo is not None
    untrusted = verify_pdf(signed, [])
    assert (untrusted.signed, untrusted.intact, untrusted.trusted) == (True, True, False)
    assert untrusted.exit_code == 3 and "not trusted" in (untrusted.problem or "")
    other = load_pkcs12(create_identity("Otra", "Coordinadora", "Jalisco", b"pw"), b"pw")
    assert verify_pdf(signed, [other.certificate]).exit_code == 3


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")
def test_pdfsig_says_the_signature_is_valid(signed, tmp_path: Path):
    path = tmp_path / "firmado.pdf"
    path.write_bytes(signed)
    run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60)
    assert "Signature is Valid." in run.stdout, run.stdout + run.stderr
    assert "Total document signed" in run.stdout


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")
def test_pdfsig_sees_a_flipped_byte(signed, tmp_path: Path):
    at = signed.index(b"413 de 620")
    damaged = bytearray(signed)
    damaged[at] ^= 0x01  # "413" -> "513"
    path = tmp_path / "alterado.pdf"
    path.write_bytes(bytes(damaged))
    run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60)
    assert "Signature is Valid." not in run.stdout


def test_one_flipped_byte_in_the_content_breaks_integrity(signed, identity):
    at = signed.index(b"413 de 620")
    damaged = bytearray(signed)
    damaged[at] ^= 0x01
    result = verify_pdf(bytes(damaged), [identity.certificate])
    assert result.signed and not result.intact and not result.trusted
    assert result.exit_code == 1 and result.problem


def test_one_flipped_byte_in_the_signature_value(signed, identity):
    contents = signed.index(b"/Contents <") + len(b"/Contents <")
    damaged = bytearray(signed)
    damaged[contents + 300] = ord("0") if damaged[contents + 300] != ord("0") else ord("1")
    result = verify_pdf(bytes(damaged), [identity.certificate])
    assert not result.intact and result.exit_code == 1


def test_content_added_in_a_later_update_is_not_intact(signed, identity):
    """A valid incremental update that draws over the page after signing is caught."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    ref = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 40 Tf 72 500 Td (99 %) Tj ET"))
    writer.add_stream_to_page(0, ref)
    out = io.BytesIO()
    writer.write(out)
    result = verify_pdf(out.getvalue(), [identity.certificate])
    assert result.signed and not result.intact and result.exit_code == 1
    assert result.problem_code == "verify_added_after"
    assert "verify_what_content" in result.signatures[0].reasons[0].items


@pytest.mark.parametrize(
    "data, signed_flag", [(b"", False), (b"hello, I am not a PDF", False), (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, False)]
)
def test_not_a_pdf(data, signed_flag):
    result = verify_pdf(data, [])
    assert result.signed is signed_flag and not result.intact and result.exit_code == 1
    assert result.problem and result.problem_code == "verify_not_pdf"


def test_truncated_and_unsigned(pdf, signed, identity):
    for cut in (len(signed) // 2, len(signed) - 40, 200):
        result = verify_pdf(signed[:cut], [identity.certificate])
        assert result.exit_code == 1 and result.problem and not result.intact
    unsigned = verify_pdf(pdf, [identity.certificate])
    assert (unsigned.signed, unsigned.intact, unsigned.trusted) == (False, False, False)
    assert unsigned.problem == "the PDF is not signed" and unsigned.problem_code == "verify_unsigned"


@pytest.mark.parametrize("with_rfc", [True, False], ids=["sat-rfc-as-text", "no-rfc"])
def test_sat_efirma_signature_trusted_through_its_ca(pdf, with_rfc):
    """With SAT's text x500UniqueIdentifier pyHanko cannot build the chain; the fallback does."""
    ca = make_ca()
    cer, key = sat_pair(ca, with_rfc=with_rfc)
    ident = load_sat_efirma(cer, key, b"12345678a")
    signed = sign_pdf(pdf, ident, reason="Avances", location="Tepic")
    result = verify_pdf(signed, [ca[1]])
    assert result.exit_code == 0 and result.problem is None
    assert verify_pdf(signed, []).exit_code == 3
    assert verify_pdf(signed, [make_ca()[1]]).exit_code == 3  # another CA with the same name
    damaged = bytearray(signed)
    damaged[damaged.index(b"413 de 620")] ^= 0x01
    assert verify_pdf(bytes(damaged), [ca[1]]).exit_code == 1


def test_signing_garbage_is_an_input_error(identity):
    with pytest.raises(InputError) as exc:
        sign_pdf(b"not a pdf at all", identity, "r", "l")
    assert exc.value.code == "signing_failed"


def test_a_certified_summary_takes_no_second_signature(signed, identity):
    """DocMDP "no changes": the app refuses to sign again; one forced in breaks the first."""
    second = load_pkcs12(create_identity("Jefa", "Directora", "Nayarit", b"pw"), b"pw")
    with pytest.raises(InputError) as exc:
        sign_pdf(signed, second, reason="Visto bueno", location="CDMX", field_name="Firma2")
    assert exc.value.code == "signing_failed"
    from tests.reports.attacks import attacker_sign

    twice = attacker_sign(signed, second, field_name="Firma2")
    result = verify_pdf(twice, [identity.certificate, second.certificate])
    assert result.exit_code == 1 and [s.signer_name for s in result.signatures] == ["María Pérez", "Jefa"]
    first, last = result.signatures
    assert not first.intact and first.reasons[0].items[0] == "verify_what_signature"
    assert "verify_what_page" not in first.reasons[0].items  # the page only lists the new widget
    assert last.intact and last.trusted and last.verdict == "ok"


def test_signature_room_is_reserved_without_a_dry_run_and_fits_a_ca_chain(pdf):
    """The signature's room comes from the certificates' size (no dry-run signature, half
    the cost); a SAT e.firma whose chain holds an RSA CA certificate still fits and verifies."""
    ca = make_ca()
    cer, key = sat_pair(ca)
    ident = load_sat_efirma(cer, key, b"12345678a")
    signed = sign_pdf(pdf, ident, reason="Avances", location="Tepic")
    assert verify_pdf(signed, [ca[1]]).exit_code == 0


def test_too_small_a_reserved_room_is_signed_again_with_the_estimate(pdf, identity, monkeypatch):
    """An unusual chain that outgrows the reservation still signs: the signature is made again
    with pyHanko's own estimate, and the document verifies."""
    import app.reports.signing.pades as signing

    monkeypatch.setattr(signing, "_reserved", lambda _identity: 64)
    signed = sign_pdf(pdf, identity, reason="Avances Generales", location="Tepic, Nayarit")
    result = verify_pdf(signed, [identity.certificate])
    assert result.exit_code == 0 and result.problem is None
