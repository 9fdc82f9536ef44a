"""An English summary PDF is English: no "sin dato", the catalogue's titles (rendered for real)."""

from __future__ import annotations

import dataclasses

import pytest

from app.models.summary_layout import SECTIONS, section_title
from app.reports.pdf.summary_pdf import LAYOUTS, render_summary_pdf
from tests.reports.pdf.test_summary_pdf import GENERATED, empty, flat, summary, text_of  # noqa: F401


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_english_pdf_without_data_says_no_data_never_sin_dato(summary, layout):  # noqa: F811
    bare = dataclasses.replace(empty(summary), fingerprint="")  # nothing at all, not even a fingerprint
    english = flat(text_of(render_summary_pdf(bare, layout, generated_at=GENERATED, lang="en")))
    spanish = flat(text_of(render_summary_pdf(bare, layout, generated_at=GENERATED, lang="es")))
    assert "sin dato" in spanish  # the same page in Spanish does print it
    assert "sin dato" not in english.lower() and "no data" in english
    assert "Completeness of" in english and "Data fingerprint (SHA-256): no data" in english


@pytest.mark.parametrize("layout", ("slide", "handout"))
def test_an_english_pdf_prints_the_catalogues_titles(summary, layout):  # noqa: F811
    english = flat(text_of(render_summary_pdf(summary, layout, generated_at=GENERATED, lang="en")))
    year = summary.window[-1][:4]
    for section in SECTIONS:
        assert section_title(section.key, "en", year) in english, section.key
    assert "General Progress" in english and "sin dato" not in english
    assert "Avances" not in english and "Servicios" not in english
