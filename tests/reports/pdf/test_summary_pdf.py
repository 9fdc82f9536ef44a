"""The "Avances Generales" PDF prints exactly the figures of the summary.

Data: the Nayarit demo (seed 000 figures, ``build_demo``) summarised for January and
February 2023; the text of both layouts is extracted with pypdf and compared with the
summary's own figures, so a figure printed differently from the computation fails.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from app.models.summary import StateSummary, format_figure
from app.models.summary_layout import figure_text
from app.reports.pdf.summary_pdf import (
    COMMUNITY,
    COVERAGE,
    INFRASTRUCTURE,
    INVENTORY,
    LAYOUTS,
    PERSONAL,
    SERVICES,
    UNIT_TYPES,
    footnotes,
    render_summary_pdf,
    window_text,
)
from app.reports.signing.identity import create_identity, load_pkcs12
from app.reports.signing.pades import sign_pdf, verify_pdf
from app.services.files.demo import build_demo
from app.services.summary.month_summary import state_summary
from app.services.workspace import open_workspace

GENERATED = datetime(2023, 3, 15, 11, 45)
FULL = ("slide", "handout")  # the layouts that print every figure ("sin dato" where none)
SEED_COUNTS = ("35,833", "22,999", "12,834", "2,436", "600", "4,431", "28,920", "1,764", "13", "292")


@pytest.fixture(scope="module")
def summary(tmp_path_factory) -> StateSummary:
    workspace = open_workspace(tmp_path_factory.mktemp("pdf_demo"), user="demo")
    try:
        build_demo(workspace, "18")
        return state_summary(workspace, "18", "202302")
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def pdfs(summary) -> dict[str, bytes]:
    return {layout: render_summary_pdf(summary, layout, generated_at=GENERATED) for layout in LAYOUTS}


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    """Line breaks as spaces, to find phrases a paragraph wrapped."""
    return re.sub(r"\s+", " ", text)


def empty(summary: StateSummary) -> StateSummary:
    """The same summary with no data at all."""
    figures = {
        code: dataclasses.replace(f, value=None, numerator=None, denominator=None, provisional=False)
        for code, f in summary.figures.items()
    }
    return dataclasses.replace(
        summary, figures=figures, productivity_units=0, completeness=(0, 0), community_since=None, by_type=()
    )


@pytest.mark.parametrize("layout", FULL)
def test_every_figure_printed_equals_the_summary(pdfs, summary, layout):
    text = flat(text_of(pdfs[layout]))
    printed = (*INVENTORY, *COVERAGE, *PERSONAL, *SERVICES, *COMMUNITY, *INFRASTRUCTURE)
    if layout == "handout":  # the per-facility-type table adds presence
        printed += tuple(presence for _, presence in UNIT_TYPES)
    for code in printed:
        assert figure_text(summary.figures[code]) in text, (layout, code)
    for count in SEED_COUNTS:
        assert re.search(rf"(?<![\d,]){re.escape(count)}(?![\d,])", text), (layout, count)
    # Every figure is checked against the computation above; these are the seed's own.
    for percent in ("99 % (896 de 909)", "69 % (9 de 13)", "$39.3 mdp"):
        assert percent in text, (layout, percent)


@pytest.mark.parametrize("layout", FULL)
def test_sections_in_the_seed_order_with_accents(pdfs, layout):
    text = flat(text_of(pdfs[layout]))
    order = [
        "NAYARIT: Avances Generales",
        "Hospitales",
        "UNEMES",
        "Unidades de salud",
        "Personal",
        "Servicios médicos en 2023*",
        "Acción comunitaria*",
        "Infraestructura y equipamiento",
    ]
    positions = [text.index(title) for title in order]
    assert positions == sorted(positions)
    for accented in ("Médicos", "Acción comunitaria", "Cirugías", "Página 1 de"):
        assert accented in text


@pytest.mark.parametrize("layout", FULL)
def test_footnotes_window_and_community(pdfs, summary, layout):
    text = flat(text_of(pdfs[layout]))
    units = format_figure(summary.figures["productivity_reporting_2nd_level_units"])
    assert (
        f"* Productividad médica del 1º de enero al 28 de febrero de 2023 de {units} unidades de segundo nivel"
    ) in text
    assert "Indicadores de acción comunitaria registrados desde el inicio de la implementación" in text
    assert "** En proceso de definición" not in text  # nothing provisional in the demo
    assert "Completitud de febrero de 2023" in text
    assert "Francisco Villa" not in text  # the banner belongs to a year; none by default


def test_provisional_figures_are_marked_with_the_footnote(summary):
    figures = dict(summary.figures)
    figures["hospitals_count"] = dataclasses.replace(figures["hospitals_count"], provisional=True)
    text = flat(text_of(render_summary_pdf(dataclasses.replace(summary, figures=figures), generated_at=GENERATED)))
    assert "13** Hospitales" in text
    assert "** En proceso de definición con el Gobierno del estado" in text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_fingerprint_generation_time_and_page_number_on_every_page(pdfs, summary, layout):
    reader = PdfReader(io.BytesIO(pdfs[layout]))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert summary.fingerprint[:16] + "…" in text
        assert "2023-03-15 11:45" in text
        assert f"Página {number} de {total}" in text
    assert summary.fingerprint in flat(reader.pages[-1].extract_text()).replace(" ", "")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_dejavu_embedded(pdfs, layout):
    reader = PdfReader(io.BytesIO(pdfs[layout]))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVuSans" in f for f in fonts)
    assert not any(f.lstrip("/") in {"Helvetica", "Times-Roman"} for f in fonts)


def test_layout_page_sizes(pdfs):
    slide = PdfReader(io.BytesIO(pdfs["slide"])).pages
    box = slide[0].mediabox
    assert len(slide) == 1 and float(box.width) / float(box.height) == pytest.approx(16 / 9)
    handout = PdfReader(io.BytesIO(pdfs["handout"])).pages[0].mediabox
    assert (round(float(handout.width)), round(float(handout.height))) == (595, 842)


@pytest.mark.parametrize("layout", FULL)
def test_no_data_prints_sin_dato_never_zero(summary, layout):
    text = flat(text_of(render_summary_pdf(empty(summary), layout, generated_at=GENERATED)))
    assert text.count("sin dato") >= 18
    assert not re.search(r"(?<![\w:.,-])0(?![\w:.,])", text), text
    assert "0 %" not in text


def test_vector_chart_not_bitmaps(pdfs):
    for data in pdfs.values():
        for page in PdfReader(io.BytesIO(data)).pages:
            assert not page.images


def test_window_text_and_english():
    assert window_text(("202301", "202302")) == "del 1º de enero al 28 de febrero de 2023"
    assert window_text(("202212", "202301")) == "del 1º de diciembre de 2022 al 31 de enero de 2023"
    assert window_text(("202301", "202302"), "en") == "from 1 January to 28 February 2023"


def test_english_and_banner(summary):
    text = flat(
        text_of(
            render_summary_pdf(
                summary, "handout", banner="2024 Año de Felipe Carrillo Puerto", generated_at=GENERATED, lang="en"
            )
        )
    )
    assert "NAYARIT: General Progress" in text and "2024 Año de Felipe Carrillo Puerto" in text
    assert "66 %" not in text and "35,833" in text and "Page 1 of" in text
    assert footnotes(summary, "en")[0].startswith("* Medical productivity from 1 January")


def test_unknown_layout(summary):
    with pytest.raises(ValueError):
        render_summary_pdf(summary, "poster")


def test_the_rendered_pdf_signs_and_verifies(pdfs):
    identity = load_pkcs12(create_identity("Ana Pérez", "Coordinadora", "Nayarit", b"pw"), b"pw")
    signed = sign_pdf(pdfs["handout"], identity, "Avances Generales", "Tepic")
    result = verify_pdf(signed, [identity.certificate])
    assert result.intact and result.trusted


def test_handout_has_the_per_type_table_with_the_month_report(pdfs, summary):
    """Every facility type of the state: its units, units that reported, completeness."""
    assert summary.by_type, "the Nayarit demo has facilities of several types"
    assert sum(r.units for r in summary.by_type) == 309
    assert sum(r.filled for r in summary.by_type) == summary.completeness[0]
    assert all(0 <= r.reporting <= r.units and r.filled <= r.expected for r in summary.by_type)
    text = flat(text_of(pdfs["handout"]))
    assert "Unidades por tipología: informe de febrero de 2023" in text
    for row in summary.by_type:
        assert row.label_es in text, row.label_es
    rural = next(r for r in summary.by_type if r.type_code == "CSR")
    assert f"Centro de Salud Rural {rural.units:,} {rural.reporting:,}" in text
    assert "Unidades por tipología" not in flat(text_of(pdfs["slide"]))
