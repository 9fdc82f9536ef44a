"""Issue 10 on the summary PDF: demo watermark, presence and slide indicators on the slide,
the compact slide, the banner of the year, no "100 %" unless complete, no wrapped counts.

Every check reads the PDF's text back (pypdf; ``pdftotext`` for the watermark's line) from
PDFs rendered from the Nayarit demo (``build_demo``) or from that summary with figures
taken away, as a state that reports little (Michoacán's short slide) would have it.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import datetime

import pytest
from pypdf import PdfReader

from app.models.summary import StateSummary
from app.models.summary_layout import figure_text, percent_text
from app.reports.pdf.summary_pdf import LAYOUTS, render_summary_pdf
from app.reports.signing.identity import create_identity, load_pkcs12
from app.reports.signing.signed_summary import signed_summary_pdf
from app.services.files.demo import build_demo
from app.services.summary import report_pdf
from app.services.summary.month_summary import state_summary
from app.services.workspace import catalog as load_catalog
from app.services.workspace import open_workspace

GENERATED = datetime(2023, 3, 15, 11, 45)
WATERMARK = "DATOS DE DEMOSTRACIÓN"
#: The figures of Michoacán's short slide (seed 000, template B).
TEMPLATE_B = {
    "hospitals_count",
    "unemes_count",
    "health_units_count",
    "training_first_level_pct",
    "training_second_level_pct",
    "rx_filled_pct",
    "conservation_hospitals",
    "equipment_goods_count",
    "equipment_investment",
    "equipment_delivered_2nd_level_pct",
}


@pytest.fixture(scope="module")
def summary(tmp_path_factory) -> StateSummary:
    workspace = open_workspace(tmp_path_factory.mktemp("layouts_demo"), user="demo")
    try:
        build_demo(workspace, "18")
        return state_summary(workspace, "18", "202302")
    finally:
        workspace.close()


def pages_text(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def text_of(data: bytes) -> str:
    return " ".join(pages_text(data))


def only(summary: StateSummary, keep: set[str], **changes) -> StateSummary:
    """``summary`` with data only in the figures of ``keep`` (the others: no data)."""
    figures = {
        code: f
        if code in keep
        else dataclasses.replace(f, value=None, numerator=None, denominator=None, provisional=False)
        for code, f in summary.figures.items()
    }
    return dataclasses.replace(summary, figures=figures, **changes)


def with_figure(summary: StateSummary, code: str, **values) -> StateSummary:
    figures = dict(summary.figures)
    figures[code] = dataclasses.replace(figures[code], **values)
    return dataclasses.replace(summary, figures=figures)


# -- demo watermark -------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_demo_watermark_on_every_page_and_demo_key(summary, layout):
    data = render_summary_pdf(summary, layout, generated_at=GENERATED, demo=True)
    pages = pages_text(data)
    assert all(WATERMARK in page for page in pages), layout
    assert len(pages) >= (2 if layout == "handout" else 1)
    assert PdfReader(io.BytesIO(data)).metadata["/CoordinaDemo"] == "1"
    real = render_summary_pdf(summary, layout, generated_at=GENERATED)
    assert WATERMARK not in text_of(real)
    assert "/CoordinaDemo" not in PdfReader(io.BytesIO(real)).metadata


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_reads_the_watermark_too(summary):
    data = render_summary_pdf(summary, "slide", generated_at=GENERATED, demo=True)
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True).stdout
    assert WATERMARK in re.sub(r"\s+", " ", text.decode("utf-8"))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_signed_demo_summary_keeps_watermark_and_key(summary, layout):
    identity = load_pkcs12(create_identity("Ana Pérez", "Coordinadora", "Nayarit", b"pw"), b"pw")
    data = signed_summary_pdf(summary, identity, layout, "", GENERATED.astimezone(), demo=True)
    reader = PdfReader(io.BytesIO(data))
    assert all(WATERMARK in page.extract_text() for page in reader.pages)
    assert reader.metadata["/CoordinaDemo"] == "1"
    if layout != "handout":
        assert len(reader.pages) == 1  # the slide stays one page with the signature block


def test_service_watermarks_demo_states_one_and_batch(demo_ws, tmp_path):
    one = report_pdf.export_state_pdf(
        demo_ws, "18", "202302", tmp_path / "uno.pdf", report_pdf.PdfOptions(layout="handout")
    )
    assert all(WATERMARK in page for page in pages_text(one.path.read_bytes()))
    for layout in ("slide", "compact"):
        batch = report_pdf.export_all_states(
            demo_ws, "202302", tmp_path / layout, report_pdf.PdfOptions(layout=layout), workers=1
        )
        assert batch
        for result in batch:
            data = result.path.read_bytes()
            assert all(WATERMARK in page for page in pages_text(data)), result.path
            assert PdfReader(io.BytesIO(data)).metadata["/CoordinaDemo"] == "1"


def test_real_data_is_not_watermarked(demo_ws, tmp_path):
    with demo_ws.conn:  # as if these facilities had come from the official catalogue
        demo_ws.conn.execute("UPDATE facilities SET is_demo = 0")
    assert not report_pdf.state_is_demo(demo_ws, "18")
    result = report_pdf.export_state_pdf(demo_ws, "18", "202302", tmp_path / "real.pdf")
    data = result.path.read_bytes()
    assert WATERMARK not in text_of(data)
    assert "/CoordinaDemo" not in PdfReader(io.BytesIO(data)).metadata


# -- presence and slide indicators ------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_presence_is_printed_under_each_count(summary, layout):
    text = text_of(render_summary_pdf(summary, layout, generated_at=GENERATED))
    for count, presence in (
        ("hospitals_count", "hospitals_presence_pct"),
        ("unemes_count", "unemes_presence_pct"),
        ("health_units_count", "health_centers_presence_pct"),
    ):
        count_text = figure_text(summary.figures[count])
        presence_text = figure_text(summary.figures[presence])
        assert re.search(rf"{re.escape(count_text)} \S.*? Presencia: {re.escape(presence_text)}", text), (
            layout,
            presence,
        )


def test_every_slide_indicator_of_the_catalog_is_on_the_slide(summary):
    """Every indicator marked ``slide: true`` prints on the slide (the productivity units in
    its footnote), dignification investment and supply-control hospitals included."""
    slide = text_of(render_summary_pdf(summary, "slide", generated_at=GENERATED))
    marked = [i for i in load_catalog().indicators.values() if i.slide]
    assert {"dignification_investment", "hospitals_with_supply_control_system_pct"} <= {i.code for i in marked}
    for indicator in marked:
        figure = summary.figures[indicator.code]
        if indicator.code == "productivity_reporting_2nd_level_units":
            assert f"de {figure_text(figure)} unidades de segundo nivel" in slide
            continue
        assert figure_text(figure) in slide, indicator.code
        if indicator.section != "unidades":  # the counts are labelled by the inventory row
            assert f"{figure.label_es} {figure_text(figure)}" in slide, indicator.code


# -- 100 % only when complete -------------------------------------------------------------------


def test_an_incomplete_share_never_prints_100(summary):
    assert percent_text(9_089, 9_107) == 99 and percent_text(9_107, 9_107) == 100
    assert percent_text(896, 909) == 99 and percent_text(1, 3) == 33
    nearly = with_figure(summary, "rx_filled_pct", value=100.0, numerator=42_990.0, denominator=43_021.0)
    nearly = with_figure(nearly, "hospitals_presence_pct", value=100.0, numerator=999.0, denominator=1_000.0)
    nearly = dataclasses.replace(nearly, completeness=(9_089, 9_107))
    for layout in LAYOUTS:
        text = text_of(render_summary_pdf(nearly, layout, generated_at=GENERATED))
        assert "99 % (42,990 de 43,021)" in text and "100 % (42,990" not in text, layout
        assert "Presencia: 99 % (999 de 1,000)" in text, layout
        assert "9,089 de 9,107 datos de las unidades (99 %)" in text, layout


# -- compact slide ------------------------------------------------------------------------------


def test_compact_omits_rows_without_data_and_their_footnotes(summary):
    short = only(summary, TEMPLATE_B, community_since=None)
    data = render_summary_pdf(short, "compact", generated_at=GENERATED)
    text = text_of(data)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    assert "sin dato" not in text
    for code in TEMPLATE_B:
        assert figure_text(short.figures[code]) in text, code
    for gone in (
        "Consultas",
        "Cirugías",
        "Acción comunitaria",
        "Comités de salud",
        "Médicos especialistas",
        "Proceso de basificación",
        "Inversión en acciones de dignificación",
        "Productividad médica",
        "Indicadores de acción comunitaria",
    ):
        assert gone not in text, gone
    assert "Servicios médicos en 2023 " in text and "Servicios médicos en 2023*" not in text  # no "*" left
    assert "Completitud de febrero de 2023" in text and short.fingerprint in text.replace(" ", "")
    full = text_of(render_summary_pdf(short, "slide", generated_at=GENERATED))
    assert full.count("sin dato") >= 15 and "Productividad médica" in full  # the full slide keeps them


def test_compact_keeps_a_footnote_with_its_figures(summary):
    community = only(summary, {"health_committees", "volunteers", "hospitals_count"})
    text = text_of(render_summary_pdf(community, "compact", generated_at=GENERATED))
    assert "Acción comunitaria*" in text and "Productividad médica" not in text
    assert "* Indicadores de acción comunitaria registrados desde el inicio" in text
    services = only(summary, {"consultations_total", "surgeries"})
    text = text_of(render_summary_pdf(services, "compact", generated_at=GENERATED))
    assert "Servicios médicos en 2023*" in text and "* Productividad médica del 1º de enero" in text
    assert "Indicadores de acción comunitaria" not in text


def test_compact_provisional_footnote_only_with_a_marked_figure(summary):
    marked = with_figure(only(summary, TEMPLATE_B), "health_units_count", provisional=True)
    text = text_of(render_summary_pdf(marked, "compact", generated_at=GENERATED))
    assert re.search(r"\d\*\* Unidades de salud", text) and "** En proceso de definición" in text
    plain = text_of(render_summary_pdf(only(summary, TEMPLATE_B), "compact", generated_at=GENERATED))
    assert "**" not in plain


def test_compact_of_a_state_without_any_data_is_still_one_page(summary):
    data = render_summary_pdf(
        only(summary, set(), completeness=(0, 0), community_since=None), "compact", generated_at=GENERATED
    )
    text = text_of(data)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    assert "Avances Generales" in text and "Huella de datos" in text and "sin dato" not in text.split("Completitud")[0]


# -- banner of the year ------------------------------------------------------------------------


def test_banner_belongs_to_the_year(demo_ws, tmp_path):
    assert report_pdf.get_banner(demo_ws, "2023") == ""
    default = report_pdf.export_state_pdf(demo_ws, "18", "202302", tmp_path / "ninguna.pdf")
    assert "Francisco Villa" not in text_of(default.path.read_bytes())  # no default banner
    report_pdf.set_banner(demo_ws, "2023 Año de Francisco Villa", "2023")
    for period, printed in (("202302", True), ("202212", False), ("202601", False)):
        result = report_pdf.export_state_pdf(demo_ws, "18", period, tmp_path / f"{period}.pdf")
        assert ("2023 Año de Francisco Villa" in text_of(result.path.read_bytes())) is printed, period
    batch = report_pdf.export_all_states(demo_ws, "202212", tmp_path / "lote2022", workers=1)
    assert all("Francisco Villa" not in text_of(r.path.read_bytes()) for r in batch)
    assert report_pdf.get_banner(demo_ws, "2022") == ""


def test_banner_saved_before_it_had_a_year_stays_with_its_year(demo_ws):
    with demo_ws.conn:  # a workspace from before issue 10: one banner, no year
        demo_ws.conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) "
            "VALUES ('summary_banner', '2024 Año de Felipe Carrillo Puerto')"
        )
    assert report_pdf.get_banner(demo_ws, "2024") == "2024 Año de Felipe Carrillo Puerto"
    assert report_pdf.get_banner(demo_ws, "2023") == "" and report_pdf.get_banner(demo_ws, "2026") == ""


# -- a count never wraps its label ------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("count", [1025.0, 10250.0])
def test_a_large_count_keeps_its_label_on_one_line(summary, layout, count):
    big = with_figure(summary, "health_units_count", value=count, numerator=count, provisional=True)
    big = with_figure(big, "hospitals_count", value=42.0, numerator=42.0, provisional=True)
    data = render_summary_pdf(big, layout, generated_at=GENERATED)
    lines = PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines()
    shown = f"{int(count):,}** Unidades de salud"
    assert any(shown in line for line in lines), [ln for ln in lines if "Unidades" in ln]
    assert not any(line.rstrip().endswith("Unidades de") for line in lines)


# -- the layout choice reaches the CLI ------------------------------------------------------------


def test_cli_report_pdf_layout_compact(demo_ws, tmp_path):
    from app.cli import main as cli

    out, err = io.StringIO(), io.StringIO()
    path = tmp_path / "compacto.pdf"
    code = cli.main(
        [
            "--data-dir",
            str(demo_ws.data_dir),
            "report",
            "pdf",
            "--state",
            "18",
            "--period",
            "202302",
            "--out",
            str(path),
            "--layout",
            "compact",
        ],
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    data = path.read_bytes()
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9)
    assert WATERMARK in text_of(data) and "Avances Generales" in text_of(data)
    code = cli.main(
        [
            "--data-dir",
            str(demo_ws.data_dir),
            "report",
            "pdf",
            "--state",
            "18",
            "--period",
            "202302",
            "--out",
            str(tmp_path / "no.pdf"),
            "--layout",
            "poster",
        ],
        out=out,
        err=err,
    )
    assert code != 0 and not (tmp_path / "no.pdf").exists()
