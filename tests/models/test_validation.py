"""The validation rules the grid, the CLI and package import share."""

import dataclasses

from app import RESOURCES_DIR
from app.models.catalog import TotalRule
from app.models.catalog_load import load_catalog
from app.models.validation import ERROR, WARNING, outlier_issue, record_issues

CATALOG = load_catalog(RESOURCES_DIR / "catalog")


def _codes(issues, key):
    return {i.code for i in issues.get(key, [])}


def test_filled_posts_cannot_exceed_authorised_per_category():
    values = {
        ("plazas_autorizadas", "especialistas"): 10,
        ("plazas_ocupadas", "especialistas"): 12,
        ("plazas_autorizadas", "enfermeria"): 50,
        ("plazas_ocupadas", "enfermeria"): 50,
    }
    issues = record_issues(CATALOG, values, "hospital")
    assert "ocupadas_le_autorizadas" in _codes(issues, ("plazas_ocupadas", "especialistas"))
    assert "ocupadas_le_autorizadas" not in _codes(issues, ("plazas_ocupadas", "enfermeria"))
    message = issues[("plazas_ocupadas", "especialistas")][0].message("es")
    assert "12" in message and "10" in message


def test_filled_prescriptions_cannot_exceed_issued():
    issues = record_issues(CATALOG, {("recetas_emitidas", ""): 100, ("recetas_surtidas", ""): 101}, "hospital")
    assert any(i.severity == ERROR for i in issues[("recetas_surtidas", "")])


def test_parts_must_add_up_to_total():
    ok = {
        ("consultas_total", ""): 35833,
        ("consultas_especialidad", ""): 22999,
        ("consultas_medicina_familiar", ""): 12834,
    }
    assert "consultas_suman" not in _codes(record_issues(CATALOG, ok, "hospital"), ("consultas_total", ""))
    bad = {**ok, ("consultas_total", ""): 35000}
    assert "consultas_suman" in _codes(record_issues(CATALOG, bad, "hospital"), ("consultas_total", ""))


def test_missing_required_value_is_a_warning_only_where_it_applies():
    issues = record_issues(CATALOG, {}, "health_unit")
    assert all(i.severity == WARNING for found in issues.values() for i in found)
    assert ("recetas_emitidas", "") in issues
    assert ("cirugias", "") not in issues  # surgeries are asked of hospitals only


def test_outliers():
    var = CATALOG.variables["cirugias"]
    history = [100, 110, 95, 105, 120]
    assert outlier_issue(var, 108, history, CATALOG.outliers) is None
    assert outlier_issue(var, 1080, history, CATALOG.outliers).code == "outlier_zscore"
    assert outlier_issue(var, 1080, [100], CATALOG.outliers) is None  # too little history
    flat = [100, 100, 100]
    assert outlier_issue(var, 400, flat, CATALOG.outliers).code == "outlier_range"


def test_a_total_rule_without_parts_reports_instead_of_crashing():
    # mypy found it: the parts' sum started at the int 0, and int.is_integer() does not
    # exist before Python 3.12, so a catalog rule with "parts": [] raised AttributeError.
    rule = TotalRule("sin_partes", "consultas_total", (), "{total} ≠ {parts}", "{total} ≠ {parts}")
    catalog = dataclasses.replace(CATALOG, totals=[rule])
    issues = record_issues(catalog, {("consultas_total", ""): 12}, "hospital")
    found = [i for i in issues[("consultas_total", "")] if i.code == "sin_partes"]
    assert len(found) == 1 and found[0].message("en") == "12 ≠ 0"
