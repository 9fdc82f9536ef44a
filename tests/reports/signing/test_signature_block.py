"""The visible signature: drawn by ReportLab, placed as the PAdES widget beside the footnotes."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from app.reports.pdf.summary_pdf import LAYOUTS, render_summary_layout
from app.reports.signing.identity import create_identity, load_pkcs12
from app.reports.signing.pades import verify_pdf
from app.reports.signing.signature_block import BLOCK_SIZE, SignatureBlock, render_block_pdf, when_text
from app.reports.signing.signed_summary import signed_summary_pdf
from tests.reports.pdf.test_summary_pdf import summary  # noqa: F401 (module fixture: Nayarit demo)

MEXICO = timezone(timedelta(hours=-6))
WHEN = datetime(2023, 3, 15, 11, 45, 7, tzinfo=MEXICO)


@pytest.fixture(scope="module")
def identity():
    return load_pkcs12(create_identity("María José Núñez Ávila", "Coordinadora Estatal", "Nayarit", b"pw"), b"pw")


def test_block_says_who_where_when_and_which_certificate(identity):
    block = SignatureBlock.from_identity(identity, WHEN)
    reader = PdfReader(io.BytesIO(render_block_pdf(block)))
    page = reader.pages[0]
    assert [float(v) for v in page.mediabox] == [0, 0, *BLOCK_SIZE]
    text = page.extract_text()
    for part in (
        "Firmado digitalmente por",
        "María José Núñez Ávila",
        "Coordinadora Estatal",
        "Nayarit",
        "15/03/2023 11:45:07 UTC-06:00",
        "Huella SHA-256 del certificado",
    ):
        assert part in text, part
    pairs = identity.fingerprint_sha256.split(":")
    flat = text.replace("\n", ":")
    assert ":".join(pairs[:16]) in flat and ":".join(pairs[16:]) in flat
    english = PdfReader(io.BytesIO(render_block_pdf(block, "en"))).pages[0].extract_text()
    assert "Digitally signed by" in english and "Date and time" in english


def test_a_very_long_name_is_shrunk_or_cut_never_overflows(identity):
    long_name = "María de los Ángeles Guadalupe Hernández Castañeda de la Peña y Ruiz Villaseñor"
    block = SignatureBlock(long_name, "Coordinadora", "Nayarit", WHEN, identity.fingerprint_sha256)
    text = PdfReader(io.BytesIO(render_block_pdf(block))).pages[0].extract_text()
    assert "María de los Ángeles" in text


def test_when_text_is_day_first_with_offset():
    assert when_text(WHEN) == "15/03/2023 11:45:07 UTC-06:00"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_room_for_the_signature_is_on_the_last_page_inside_it(summary, layout):  # noqa: F811
    data, box = render_summary_layout(summary, layout, signature_size=BLOCK_SIZE)
    pages = PdfReader(io.BytesIO(data)).pages
    assert box is not None and box.page == len(pages) - 1
    width, height = (float(v) for v in pages[-1].mediabox[2:])
    assert 0 <= box.x1 < box.x2 <= width and 34 <= box.y1 < box.y2 <= height
    assert (round(box.x2 - box.x1), round(box.y2 - box.y1)) == tuple(round(v) for v in BLOCK_SIZE)
    assert render_summary_layout(summary, layout)[1] is None  # unsigned: no room taken


@pytest.mark.parametrize("layout", LAYOUTS)
def test_signed_summary_has_a_visible_widget_and_verifies(summary, identity, layout, tmp_path):  # noqa: F811
    data = signed_summary_pdf(summary, identity, layout, "2023 Año de Francisco Villa", WHEN)
    reader = PdfReader(io.BytesIO(data))
    widgets = [a.get_object() for a in reader.pages[-1].get("/Annots", [])]
    signature = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert len(signature) == 1
    x1, y1, x2, y2 = (float(v) for v in signature[0]["/Rect"])
    assert x2 - x1 > 200 and y2 - y1 > 60, "the widget is visible, not a zero-size field"
    assert "/AP" in signature[0]
    result = verify_pdf(data, [identity.certificate])
    assert result.signed and result.intact and result.trusted
    assert result.signer_name == "María José Núñez Ávila"
    if shutil.which("pdfsig"):
        path = tmp_path / "firmado.pdf"
        path.write_bytes(data)
        report = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
        assert "Signature is Valid" in report
