"""Seed 001 prints "Inversión de $50.4 mdp en acciones de dignificación con 99% de avance en
segundo nivel": the progress is a figure of the slide, the mean of the second-level units'
progress (``avance_dignificacion``), found missing by tests/e2e/test_seed_slides.py."""

from __future__ import annotations

import pytest

from app import RESOURCES_DIR
from app.models.catalog_load import load_catalog
from app.models.facility import Facility
from app.models.summary import compute_summary, format_figure
from app.models.values import DataValue, ValueKey
from app.reports.pdf.summary_pdf import INFRASTRUCTURE

HG, HG2, CSR = "CMSSA000001", "CMSSA000002", "CMSSA000003"
FACILITIES = [
    Facility(HG, "Hospital General de Colima", "06", "HG", 2, "Colima"),
    Facility(HG2, "Hospital General de Manzanillo", "06", "HG", 2, "Manzanillo"),
    Facility(CSR, "Centro de Salud Rural Comala", "06", "CSR", 1, "Comala"),
]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(RESOURCES_DIR / "catalog")


def progress(catalog, values: dict[str, float], period: str = "202207"):
    rows = [DataValue(ValueKey(org, period, "avance_dignificacion", ""), value) for org, value in values.items()]
    summary = compute_summary(catalog, catalog.state("06"), FACILITIES, {period: rows}, (period,))
    return summary.figures["dignification_progress_pct"]


def test_progress_is_the_mean_of_second_level_units_that_report_it(catalog):
    figure = progress(catalog, {HG: 99.5, HG2: 98, CSR: 10})  # first level left out
    assert figure.value == 99  # 98.75 half-up
    assert format_figure(figure) == "99 %"
    assert figure.facilities == (HG, HG2)


def test_progress_half_up_and_sin_dato_when_nobody_reports(catalog):
    assert progress(catalog, {HG: 98, HG2: 99}).value == 99  # 98.5 → 99
    assert progress(catalog, {HG: 99}).value == 99  # one unit: its own value
    assert progress(catalog, {CSR: 50}).value is None  # no second-level unit reported
    assert format_figure(progress(catalog, {})) == "sin dato"


def test_progress_is_on_the_slide_next_to_the_investment(catalog):
    assert catalog.indicators["dignification_progress_pct"].slide
    position = INFRASTRUCTURE.index("dignification_investment")
    assert INFRASTRUCTURE[position + 1] == "dignification_progress_pct"
