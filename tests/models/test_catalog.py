"""The catalog loads, is consistent, and covers every ★ figure of the state slide."""

import json
import shutil
from pathlib import Path

import pytest

from app import RESOURCES_DIR
from app.models.catalog_load import load_catalog
from app.models.messages import InputError

CATALOG_DIR = RESOURCES_DIR / "catalog"

# Keys of the ★ rows of ../shared/domain/indicators.md, mapped to where the
# catalog computes them. Every one must exist as an indicator.
SLIDE_FIGURES = [
    "hospitals_count",
    "unemes_count",
    "health_units_count",
    "hospitals_presence_pct",
    "unemes_presence_pct",
    "health_centers_presence_pct",
    "productivity_reporting_2nd_level_units",
    "specialists_coverage_pct",
    "gp_nursing_coverage_pct",
    "basification_pct",
    "training_first_level_pct",
    "training_second_level_pct",
    "consultations_total",
    "consultations_specialty",
    "consultations_family_medicine",
    "surgeries",
    "rx_filled_pct",
    "hospitals_with_supply_control_system_pct",
    "health_committees",
    "volunteers",
    "home_visits",
    "info_sessions",
    "conservation_hospitals",
    "equipment_goods_count",
    "equipment_investment",
    "equipment_delivered_2nd_level_pct",
    "equipment_enabled_functional_count",
    "dignification_investment",
]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(CATALOG_DIR)


def test_states(catalog):
    assert len(catalog.states) == 32
    assert sum(s.concurrent for s in catalog.states.values()) == 23
    assert catalog.state("18").name == "Nayarit"
    assert catalog.find_state("SINALOYA").code == "25"
    assert catalog.find_state("edomex").code == "15"
    assert catalog.find_state("Michoacán de Ocampo").code == "16"
    assert catalog.state_for_clues("NTSSA000123").code == "18"
    assert catalog.state_for_clues("DFSSA004936").code == "09"
    with pytest.raises(InputError):
        catalog.state("99")


def test_sections_follow_the_slide(catalog):
    assert [s.label_es for s in catalog.sections] == [
        "Unidades y estatus",
        "Personal",
        "Servicios médicos",
        "Abasto",
        "Acción comunitaria",
        "Infraestructura y equipamiento",
    ]
    for section in catalog.sections:
        assert catalog.columns(section.code), section.code


def test_variables_have_full_metadata(catalog):
    for var in catalog.variables.values():
        assert var.label_es and var.label_en
        assert var.aggregation in {"SUM", "LAST"}
        assert var.level in {"facility", "state"}
    # Flows are summed, stocks take the latest value (DESIGN §1).
    assert catalog.variables["consultas_especialidad"].aggregation == "SUM"
    assert catalog.variables["plazas_autorizadas"].aggregation == "LAST"
    assert catalog.variables["comites_salud"].aggregation == "LAST"
    assert catalog.variables["plazas_ocupadas"].disaggregation == "staff_category"


def test_every_slide_figure_is_an_indicator(catalog):
    missing = [code for code in SLIDE_FIGURES if code not in catalog.indicators]
    assert not missing
    assert all(catalog.indicators[c].slide for c in SLIDE_FIGURES)


def test_official_indicator_sheets_of_seed_004(catalog):
    sheets = {i.metadata.get("sheet") for i in catalog.indicators.values()}
    for sheet in (
        "Parámetro 1.2",
        "Meta 2.1",
        "Parámetro 2.2",
        "Meta 3.1",
        "Parámetro 3.2",
        "Parámetro 3.3",
        "Meta 4.1",
        "Parámetro 4.2",
        "Parámetro 4.3",
    ):
        assert sheet in sheets


@pytest.mark.parametrize(
    "tipologia, expected",
    [
        ("HOSPITAL GENERAL", "HG"),
        ("HOSPITAL INTEGRAL (COMUNITARIO)", "HIC"),
        ("RURAL DE 01 NÚCLEO BÁSICO", "CSR"),
        ("URBANO DE 03 NÚCLEOS BÁSICOS", "CSU"),
        ("UNIDAD DE ESPECIALIDADES MÉDICAS (UNEME)", "UNEME"),
        ("unidad móvil", "UMM"),
        ("CENTRO DE SALUD CON SERVICIOS AMPLIADOS (CESSA)", "CESSA"),
    ],
)
def test_dgis_tipologias_map_to_types(catalog, tipologia, expected):
    assert catalog.match_facility_type(tipologia).code == expected


def _broken_copy(tmp_path: Path, name: str, edit) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, target)
    path = target / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def test_bad_aggregation_is_refused(tmp_path):
    broken = _broken_copy(tmp_path, "variables.csv", lambda t: t.replace(",SUM,facility", ",AVG,facility", 1))
    with pytest.raises(InputError) as err:
        load_catalog(broken)
    assert "variables.csv" in err.value.message() and "AVG" in err.value.message()


def test_indicator_with_unknown_variable_is_refused(tmp_path):
    def edit(text):
        data = json.loads(text)
        data["indicators"][0] = {**data["indicators"][9], "numerator": {"sum": ["no_such_variable"]}}
        return json.dumps(data)

    broken = _broken_copy(tmp_path, "indicators.json", edit)
    with pytest.raises(InputError) as err:
        load_catalog(broken)
    assert "no_such_variable" in err.value.message("en")
