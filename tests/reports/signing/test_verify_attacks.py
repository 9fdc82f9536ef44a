"""Every attack of issue 10 part 1, built at test time; none may verify as intact.

Each case is checked with ``verify_pdf`` and, where it is about coverage, with poppler's
``pdfsig``: both must say the document as a whole is not what was signed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.validation import read_certification_data

from app.reports.signing.identity import create_identity, load_pkcs12
from app.reports.signing.pades import sign_pdf, verify_pdf
from tests.reports import attacks
from tests.reports.pki import make_ca, one_page_pdf

ROOT = Path(__file__).resolve().parents[3]
PDFSIG = shutil.which("pdfsig")
needs_pdfsig = pytest.mark.skipif(PDFSIG is None, reason="poppler's pdfsig is not installed")


@pytest.fixture(scope="module")
def ident():
    return load_pkcs12(create_identity("María Pérez", "Coordinadora estatal", "Nayarit", b"pw"), b"pw")


@pytest.fixture(scope="module")
def signed(ident) -> bytes:
    return sign_pdf(one_page_pdf("Abasto: recetas surtidas 99 %"), ident, "Avances", "Tepic")


def codes(result) -> list[str]:
    return [r.code for s in result.signatures for r in s.reasons] + [r.code for r in result.reasons]


def items(result) -> set[str]:
    return {i for s in result.signatures for r in s.reasons for i in r.items}


def pdfsig(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    run = subprocess.run([PDFSIG, str(path)], capture_output=True, text=True, timeout=60)
    return run.stdout


def test_summaries_are_certified_with_no_changes_allowed(signed, ident):
    certification = read_certification_data(PdfFileReader(io.BytesIO(signed)))
    assert certification is not None and certification.permission == MDPPerm.NO_CHANGES
    result = verify_pdf(signed, [ident.certificate])
    assert result.exit_code == 0 and result.intact and result.trusted
    (report,) = result.signatures
    assert report.kind == "certification" and report.whole_file and report.reasons == ()


@needs_pdfsig
def test_pdfsig_agrees_the_genuine_file_is_total(signed, tmp_path):
    out = pdfsig(signed, tmp_path)
    assert "Signature is Valid." in out and "Total document signed" in out


def test_unsigned_signature_field_painting_over_a_figure(signed, ident, tmp_path):
    forged = attacks.overlay_signature_field(signed)
    result = verify_pdf(forged, [ident.certificate])
    assert result.exit_code == 1 and not result.intact
    assert "verify_added_after" in codes(result)
    assert "verify_what_signature_field" in items(result)
    reason = result.signatures[0].reasons[0]
    assert "un campo de firma nuevo, sin firmar" in reason.text("es")
    assert "unsigned signature field" in reason.text("en")


@needs_pdfsig
def test_pdfsig_and_verify_agree_on_the_overlay(signed, ident, tmp_path):
    forged = attacks.overlay_signature_field(signed)
    assert "Not total document signed" in pdfsig(forged, tmp_path)
    assert not verify_pdf(forged, [ident.certificate]).signatures[0].whole_file


def test_bytes_after_eof(signed, ident, tmp_path):
    forged = attacks.appended_bytes(signed)
    result = verify_pdf(forged, [ident.certificate])
    assert result.exit_code == 1 and not result.intact
    assert "verify_appended_bytes" in codes(result)
    assert "bytes agregados después del final" in result.signatures[0].reasons[0].text("es")


@needs_pdfsig
def test_pdfsig_and_verify_agree_on_appended_bytes(signed, ident, tmp_path):
    forged = attacks.appended_bytes(signed)
    assert "Not total document signed" in pdfsig(forged, tmp_path)
    assert not verify_pdf(forged, [ident.certificate]).signatures[0].whole_file


def test_edit_then_second_signature_with_a_forged_same_name_certificate(signed, ident, tmp_path):
    forged, forger = attacks.edit_then_forged_signature(signed, ident)
    result = verify_pdf(forged, [ident.certificate])
    assert len(result.signatures) == 2 and result.exit_code == 1
    genuine, second = result.signatures
    assert genuine.fingerprint == ident.fingerprint_sha256 and not genuine.intact
    assert {"verify_what_content", "verify_what_signature"} <= set(genuine.reasons[0].items)
    assert second.intact and not second.trusted and second.verdict == "warning"
    assert second.signer_name == genuine.signer_name  # same name, another key
    # The worst signature is the one shown first: the genuine one, modified.
    assert result.fingerprint == ident.fingerprint_sha256 and result.problem_code == "verify_added_after"
    # Trusting the forger does not help: the genuine signature's revision was modified.
    assert verify_pdf(forged, [ident.certificate, forger.certificate]).exit_code == 1


@needs_pdfsig
def test_pdfsig_and_verify_agree_on_the_first_signature(signed, ident, tmp_path):
    forged, _ = attacks.edit_then_forged_signature(signed, ident)
    out = pdfsig(forged, tmp_path)
    first = out.split("Signature #2")[0]
    assert "Not total document signed" in first
    assert not verify_pdf(forged, [ident.certificate]).signatures[0].whole_file


def test_a_changed_info_dictionary_is_named(signed, ident):
    result = verify_pdf(attacks.info_edit(signed), [ident.certificate])
    assert result.exit_code == 1 and "verify_what_info" in items(result)


def test_a_new_annotation_is_named(signed, ident):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    note = writer.add_object(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
                generic.NameObject("/Rect"): generic.ArrayObject(
                    [generic.NumberObject(v) for v in (60, 740, 400, 780)]
                ),
                generic.NameObject("/Contents"): generic.TextStringObject(attacks.FAKE_FIGURE),
                generic.NameObject("/DA"): generic.TextStringObject("/Helv 12 Tf 0 g"),
            }
        )
    )
    annots = page.get("/Annots")
    if annots is None:
        page[generic.NameObject("/Annots")] = generic.ArrayObject([note])
    else:
        annots.get_object().append(note)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    result = verify_pdf(out.getvalue(), [ident.certificate])
    assert result.exit_code == 1 and "verify_what_annotation" in items(result)


def test_expired_self_signed_certificate_trusted_is_refused():
    expired = attacks.identity(
        not_before=dt.datetime(2019, 1, 1, tzinfo=dt.UTC), not_after=dt.datetime(2021, 6, 30, tzinfo=dt.UTC)
    )
    data = attacks.attacker_sign(one_page_pdf(), expired, certify=True)
    result = verify_pdf(data, [expired.certificate])
    assert result.exit_code == 1 and not result.trusted
    assert result.problem_code == "verify_cert_expired"
    reason = result.signatures[0].reasons[0]
    assert "venció el 2021-06-30" in reason.text("es") and "expired on 2021-06-30" in reason.text("en")


def test_ca_issued_certificate_with_a_faked_signing_clock_is_refused():
    ca = make_ca()
    leaf = attacks.identity(
        not_before=dt.datetime(2020, 1, 1, tzinfo=dt.UTC), not_after=dt.datetime(2021, 1, 1, tzinfo=dt.UTC), issuer=ca
    )
    faked = dt.datetime(2020, 6, 1, tzinfo=dt.UTC)
    data = attacks.attacker_sign(one_page_pdf(), leaf, signing_time=faked, certify=True)
    result = verify_pdf(data, [ca[1]])
    assert result.signatures[0].signed_at == faked  # the claim is read back, not believed
    assert result.exit_code == 1 and result.problem_code == "verify_cert_expired"
    # A current certificate from the same CA is trusted: the refusal is the date, not the CA.
    current = attacks.identity(issuer=ca)
    assert verify_pdf(attacks.attacker_sign(one_page_pdf(), current, certify=True), [ca[1]]).exit_code == 0


def test_revoked_coordinator_is_refused(signed, ident):
    revoked = {ident.fingerprint_sha256.replace(":", "").lower(): "2024-03-01T10:00:00+00:00"}
    result = verify_pdf(signed, [ident.certificate], revoked=revoked)
    assert result.exit_code == 1 and not result.trusted and result.intact
    assert result.problem_code == "verify_cert_revoked"
    assert "revocó el certificado del firmante el 2024-03-01" in result.signatures[0].reasons[0].text("es")


@pytest.mark.parametrize(
    "replacement", [b"/ETSI.CAdES.detachex", b"/adbe.pkcs7.detached", b"/#ZZ#00garbage#####", b"(not a name at all)"]
)
def test_damaged_subfilter_is_refused_quietly(signed, ident, replacement, capfd):
    data = attacks.damaged_subfilter(signed, replacement)
    result = verify_pdf(data, [ident.certificate])
    assert result.exit_code == 1 and result.problem_code
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Traceback" not in captured.out


def test_damaged_subfilter_through_the_cli_has_no_traceback(signed, ident, tmp_path):
    path = tmp_path / "subfilter.pdf"
    path.write_bytes(attacks.damaged_subfilter(signed))
    base = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path / "d"), "verify", str(path)]
    text = subprocess.run(base, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert text.returncode == 1 and "Traceback" not in text.stderr and "No verificado" in text.stderr
    as_json = subprocess.run(base + ["--json"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    data = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and data["exit_code"] == 1 and data["verdict"] == "error"
    assert "Traceback" not in as_json.stderr
    reasons = [r for sig in data["signatures"] for r in sig["reasons"]] + data["reasons"]
    assert data["problem_code"] == "verify_unverifiable" and data["signed"] is True
    assert "dañada" in reasons[0]["text"] and "dañada" in data["problem_text"]


def test_encrypted_pdf_is_refused(ident):
    from pyhanko.pdf_utils.writer import PdfFileWriter, copy_into_new_writer

    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(one_page_pdf())))
    assert isinstance(writer, PdfFileWriter)
    writer.encrypt("owner", "user")
    out = io.BytesIO()
    writer.write(out)
    result = verify_pdf(out.getvalue(), [ident.certificate])
    assert result.exit_code == 1 and result.problem_code == "verify_encrypted"


def test_garbage_and_truncation_never_raise(signed, ident):
    for data in (
        b"%PDF-1.7\n" + b"\x00" * 500,
        b"%PDF-" + bytes(range(256)) * 20,
        signed[: len(signed) // 3],
        signed[:-7],
        signed.replace(b"/ByteRange", b"/ByteRangX"),
    ):
        result = verify_pdf(data, [ident.certificate])
        assert result.exit_code == 1


def test_demo_data_is_said(ident):
    writer = IncrementalPdfFileWriter(io.BytesIO(one_page_pdf()))
    info = writer.trailer["/Info"]
    info[generic.NameObject("/CoordinaDemo")] = generic.TextStringObject("1")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    result = verify_pdf(sign_pdf(out.getvalue(), ident, "Avances", "Tepic"), [ident.certificate])
    assert result.demo and result.exit_code == 0  # demo data is said, not refused
    assert "verify_demo" in codes(result)
    genuine = verify_pdf(sign_pdf(one_page_pdf(), ident, "Avances", "Tepic"), [ident.certificate])
    assert not genuine.demo


def test_demo_watermark_text_is_found(ident):
    watermarked = one_page_pdf("DATOS DE DEMOSTRACIÓN")
    result = verify_pdf(sign_pdf(watermarked, ident, "Avances", "Tepic"), [ident.certificate])
    assert result.demo
