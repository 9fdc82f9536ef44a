"""Catalog indicators against their seed-004 sheets, and Consultas against its footnote.

Every example is small and computed by hand from the sheet's "Método de cálculo", its
"Periodo de recolección de los datos" (the window) and "Acumulado o periódico"; the
expected strings are what the sheet prints (two decimals).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app import RESOURCES_DIR
from app.models.catalog_load import load_catalog
from app.models.facility import Facility
from app.models.messages import InputError
from app.models.national import combine_figures
from app.models.summary import compute_summary, format_figure, format_value, lookback, window_start
from app.models.values import DataValue, ValueKey

CATALOG_DIR = RESOURCES_DIR / "catalog"
HG, HIC, HE, UNEME, CSR1, CSR2, CSU, UMM, APOYO = (f"NTSSA{n:06d}" for n in range(1, 10))
FACILITIES = [
    Facility(HG, "Hospital General de Tepic", "18", "HG", 2, "Tepic"),
    Facility(HIC, "Hospital Integral Jala", "18", "HIC", 2, "Jala"),
    Facility(HE, "Hospital de la Mujer Tepic", "18", "HE", 2, "Tepic"),
    Facility(UNEME, "UNEME Tepic", "18", "UNEME", 1, "Tepic"),
    Facility(CSR1, "Centro de Salud Rural Jala", "18", "CSR", 1, "Jala"),
    Facility(CSR2, "Centro de Salud Rural Ixtlán", "18", "CSR", 1, "Ixtlán del Río"),
    Facility(CSU, "Centro de Salud Urbano Tepic", "18", "CSU", 1, "Tepic"),
    Facility(UMM, "Unidad Médica Móvil Tepic 01", "18", "UMM", 1, "Tepic"),
    Facility(APOYO, "Almacén estatal", "18", "APOYO", 0, "Tepic"),
]
YTD = ("202301", "202302")
COMMUNITY = ("202209", "202210", "202211", "202212", *YTD)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(CATALOG_DIR)


def dv(org: str, period: str, var: str, value, option: str = "") -> DataValue:
    return DataValue(ValueKey(org, period, var, option), value)


def summarise(catalog, values, window=YTD, community=None, facilities=FACILITIES):
    by_period: dict[str, list[DataValue]] = {}
    for value in values:
        by_period.setdefault(value.key.period, []).append(value)
    return compute_summary(catalog, catalog.state("18"), facilities, by_period, window, community)


# -- Consultas: the units of the footnote ----------------------------------------------------


def test_first_level_family_medicine_does_not_move_consultas(catalog):
    second_level = [
        dv(HG, "202301", "consultas_especialidad", 100),
        dv(HG, "202302", "consultas_medicina_familiar", 50),
        dv(HIC, "202302", "consultas_medicina_familiar", 30),
        dv(HG, "202302", "cirugias", 5),
    ]
    first_level = [  # required of every unit, entered, but not "de segundo nivel"
        dv(CSR1, "202302", "consultas_medicina_familiar", 1000),
        dv(UMM, "202301", "consultas_medicina_familiar", 80),
        dv(UNEME, "202302", "consultas_especialidad", 300),
    ]
    before = summarise(catalog, second_level)
    after = summarise(catalog, second_level + first_level)
    for code in ("consultations_total", "consultations_specialty", "consultations_family_medicine", "surgeries"):
        assert after.figures[code].value == before.figures[code].value, code
    total = after.figures["consultations_total"]
    assert (total.value, after.figures["consultations_family_medicine"].value) == (180, 80)
    # The footnote's "de N unidades de segundo nivel" counts exactly the units summed.
    summed = set(total.facilities) | set(after.figures["surgeries"].facilities)
    assert summed == {HG, HIC}
    assert after.productivity_units == len(summed) == 2


def test_consultation_figures_share_the_footnote_filter_in_the_catalog(catalog):
    footnote = catalog.indicators["productivity_reporting_2nd_level_units"]
    assert footnote.filter == {"level": [2]}
    for code in ("consultations_total", "consultations_specialty", "consultations_family_medicine", "surgeries"):
        indicator = catalog.indicators[code]
        assert indicator.filter == footnote.filter, code  # data, not a code special case
        assert "segundo nivel" in indicator.metadata["note_es"]
        assert "second-level" in indicator.metadata["note_en"]


# -- the sheets ----------------------------------------------------------------------------

SHEETS = {  # code: (sheet, window, cumulative, target)
    "capacity_diagnosis_pct": ("Parámetro 1.2", "since_start", True, 98),
    "mas_initial_actions_units_pct": ("Meta 2.1", "since_start", True, 95),
    "mas_training_coverage_pct": ("Parámetro 2.2", "year", False, 80),
    "supply_orders_fulfilled_pct": ("Meta 3.1", "year", False, 72),
    "l1_units_maintenance_pct": ("Parámetro 3.2", "year", True, 100),
    "hospital_medical_post_coverage_pct": ("Parámetro 3.3", "year", False, 75),
    "hospitals_community_action_pct": ("Meta 4.1", "oct_sep", False, 15),
    "hospitals_with_committee_pct": ("Parámetro 4.2", "oct_sep", False, 15),
    "hospitals_healthy_env_days_pct": ("Parámetro 4.3", "oct_sep", False, 15),
}


def test_every_sheet_indicator_carries_its_sheet(catalog):
    with_sheet = {c for c, i in catalog.indicators.items() if "sheet" in i.metadata}
    assert with_sheet == set(SHEETS)
    for code, (sheet, window, cumulative, target) in SHEETS.items():
        indicator = catalog.indicators[code]
        assert indicator.metadata["sheet"] == sheet
        assert (indicator.window, indicator.cumulative, indicator.metadata["target"]) == (window, cumulative, target)
        assert indicator.decimals == 2, code  # the sheets print two decimals
        assert indicator.metadata["sheet_formula_es"] and indicator.metadata["note_es"], code
    # 3.3 and 4.2 contradict themselves: the catalog writes down the reading chosen and why.
    assert "contradice" in catalog.indicators["hospital_medical_post_coverage_pct"].metadata["note_es"]
    assert "contradice" in catalog.indicators["hospitals_with_committee_pct"].metadata["note_es"]
    # Slide figures keep the slide's whole percentages.
    assert catalog.indicators["rx_filled_pct"].decimals == 0


def test_sheet_windows():
    assert window_start("year", "202302") == "202301"
    assert window_start("oct_sep", "202302") == "202210"
    assert window_start("oct_sep", "202309") == "202210"
    assert window_start("oct_sep", "202310") == "202310"
    assert window_start("report", "202302") is None


def test_lookback_names_what_a_one_month_report_must_read(catalog):
    needs = lookback(catalog, "202302")
    assert {"diagnostico_capacidad", "acciones_mas", "mas_programada"} <= needs[None]
    assert {"ordenes_abastecidas", "plazas_ocupadas", "acciones_conservacion"} <= needs["202301"]
    assert "comites_salud" not in set().union(*needs.values())  # community: its own window


def test_1_2_capacity_diagnosis_care_units_cumulative(catalog):
    # 8 care units; the warehouse (APOYO) is not a "unidad de salud u hospital".
    values = [
        dv(HG, "202211", "diagnostico_capacidad", 1),  # diagnosed before the year: still diagnosed
        dv(HIC, "202301", "diagnostico_capacidad", 1),
        dv(HIC, "202302", "diagnostico_capacidad", 0),
        dv(UNEME, "202302", "diagnostico_capacidad", 0),
        dv(CSR1, "202302", "diagnostico_capacidad", 1),
        dv(APOYO, "202302", "diagnostico_capacidad", 1),
    ]
    figure = summarise(catalog, values).figures["capacity_diagnosis_pct"]
    assert (figure.numerator, figure.denominator) == (3, 8)  # HG, HIC, CSR1 of 8: 37.5
    assert format_figure(figure) == "37.50 % (3 de 8)"
    # A one-month report reads the same months (the caller supplies lookback()'s months).
    assert summarise(catalog, values, window=("202302",)).figures["capacity_diagnosis_pct"].value == 37.5


def test_2_1_divides_by_programmed_units_like_the_sheet_2023_result(catalog):
    # Sheet 2.1, "Resultado 2023: 82.40": 412 operating of 500 programmed.
    units = [Facility(f"NTSSA{n:06d}", f"CSR {n}", "18", "CSR", 1, "Tepic") for n in range(100, 620)]
    values = [dv(f.clues, "202302", "mas_programada", 1) for f in units[:500]]
    values += [dv(f.clues, "202302", "acciones_mas", 1) for f in units[:411]]
    values += [dv(units[411].clues, "202212", "acciones_mas", 1)]  # cumulative: an earlier month counts
    values += [dv(f.clues, "202302", "acciones_mas", 1) for f in units[500:]]  # not programmed
    figure = summarise(catalog, values, facilities=units).figures["mas_initial_actions_units_pct"]
    assert format_figure(figure) == "82.40 % (412 de 500)"
    assert format_value(figure) == "82.40 %"


def test_2_2_mas_training_reads_january_to_the_month(catalog):
    values = [
        dv(HG, "202212", "personal_capacitado", 50),
        dv(HG, "202212", "personal_total", 100),  # last year
        dv(HG, "202301", "personal_capacitado", 60),
        dv(HG, "202301", "personal_total", 100),
        dv(HG, "202302", "personal_capacitado", 70),
        dv(CSR1, "202302", "personal_capacitado", 5),
        dv(CSR1, "202302", "personal_total", 12),
    ]
    for window in (YTD, ("202302",)):
        figure = summarise(catalog, values, window=window).figures["mas_training_coverage_pct"]
        assert format_figure(figure) == "66.96 % (75 de 112)"  # 75 / 112 × 100 = 66.964…


def test_3_1_supply_orders_sum_over_the_year(catalog):
    values = [
        dv(HG, "202212", "ordenes_requeridas", 100),
        dv(HG, "202212", "ordenes_abastecidas", 100),
        dv(HG, "202301", "ordenes_requeridas", 40),
        dv(HG, "202301", "ordenes_abastecidas", 30),
        dv(HG, "202302", "ordenes_requeridas", 60),
        dv(HG, "202302", "ordenes_abastecidas", 42),
        dv(CSR1, "202302", "ordenes_requeridas", 3),
        dv(CSR1, "202302", "ordenes_abastecidas", 1),
    ]
    for window in (YTD, ("202302",)):
        figure = summarise(catalog, values, window=window).figures["supply_orders_fulfilled_pct"]
        assert format_figure(figure) == "70.87 % (73 de 103)"  # 73 / 103 × 100 = 70.873…


def test_3_2_counts_programmed_units_only_and_cannot_pass_100(catalog):
    values = [
        dv(CSR1, "202302", "conservacion_programada", 1),
        dv(CSR1, "202302", "acciones_conservacion", 1),
        dv(CSR2, "202302", "conservacion_programada", 1),
        dv(CSR2, "202302", "acciones_conservacion", 0),
        dv(UMM, "202301", "conservacion_programada", 1),
        dv(UMM, "202301", "acciones_conservacion", 1),
        dv(UMM, "202302", "acciones_conservacion", 0),  # "en el año", cumulative: January counts
        dv(CSU, "202302", "acciones_conservacion", 1),  # not programmed: not in the numerator
        dv(UNEME, "202212", "conservacion_programada", 1),
        dv(UNEME, "202212", "acciones_conservacion", 1),
        dv(HG, "202302", "conservacion_programada", 1),
        dv(HG, "202302", "acciones_conservacion", 1),
    ]
    figure = summarise(catalog, values).figures["l1_units_maintenance_pct"]
    assert format_figure(figure) == "66.67 % (2 de 3)"  # CSR1, UMM of CSR1, CSR2, UMM
    over = [
        dv(CSR1, "202302", "conservacion_programada", 1),
        dv(CSR1, "202302", "acciones_conservacion", 1),
        dv(CSR2, "202302", "acciones_conservacion", 1),
        dv(CSU, "202302", "acciones_conservacion", 1),
    ]
    figure = summarise(catalog, over).figures["l1_units_maintenance_pct"]
    assert format_figure(figure) == "100.00 % (1 de 1)"  # 300 % before the fix


def test_3_3_hospital_posts_physicians_and_nursing(catalog):
    posts = {HG: ((10, 7), (5, 5), (20, 15)), HIC: ((4, 1), (4, 4), (8, 6)), CSR1: ((0, 0), (1, 1), (2, 1))}
    values = []
    for clues, rows in posts.items():
        for option, (authorised, filled) in zip(("especialistas", "generales", "enfermeria"), rows, strict=True):
            values += [
                dv(clues, "202302", "plazas_autorizadas", authorised, option),
                dv(clues, "202302", "plazas_ocupadas", filled, option),
            ]
    figure = summarise(catalog, values).figures["hospital_medical_post_coverage_pct"]
    assert format_figure(figure) == "74.51 % (38 de 51)"  # hospitals only: 38 / 51 × 100 = 74.509…


def test_4_1_community_action_october_to_the_month(catalog):
    values = [
        dv(HG, "202209", "visitas_domiciliarias", 12),  # before October: another sheet year
        dv(HIC, "202211", "sesiones_informativas", 2),
        dv(HE, "202212", "visitas_domiciliarias", 0),
    ]
    figure = summarise(catalog, values, community=COMMUNITY).figures["hospitals_community_action_pct"]
    assert format_figure(figure) == "33.33 % (1 de 3)"
    # The slide's own community counts still run since the implementation began.
    assert summarise(catalog, values, community=COMMUNITY).figures["home_visits"].value == 12


def test_4_2_hospitals_with_an_active_committee_not_committees(catalog):
    values = [dv(HG, "202302", "comites_salud", 3), dv(HIC, "202302", "comites_salud", 0)]
    figure = summarise(catalog, values, community=COMMUNITY).figures["hospitals_with_committee_pct"]
    assert format_figure(figure) == "33.33 % (1 de 3)"  # the method's literal 3 committees / 3 = 100 %


def test_4_3_healthy_environment_days_october_to_the_month(catalog):
    values = [dv(HG, "202210", "jornadas_entornos", 1), dv(HIC, "202209", "jornadas_entornos", 2)]
    figure = summarise(catalog, values, community=COMMUNITY).figures["hospitals_healthy_env_days_pct"]
    assert format_figure(figure) == "33.33 % (1 de 3)"


def test_national_figures_keep_the_sheet_decimals(catalog):
    one = summarise(
        catalog, [dv(CSR1, "202302", "conservacion_programada", 1), dv(CSR1, "202302", "acciones_conservacion", 1)]
    )
    two = summarise(
        catalog, [dv(CSR1, "202302", "conservacion_programada", 1), dv(CSR2, "202302", "conservacion_programada", 1)]
    )
    nation = combine_figures([one.figures["l1_units_maintenance_pct"], two.figures["l1_units_maintenance_pct"]])
    assert format_figure(nation) == "33.33 % (1 de 3)"


# -- catalog validation --------------------------------------------------------------------


def _edited_copy(tmp_path: Path, change) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, target)
    path = target / "indicators.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["indicators"][-1])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("key", "value", "word"),
    [
        ("window", "fiscal", "window"),
        ("decimals", 9, "decimals"),
        ("decimals", "2", "decimals"),
        ("cumulative", "yes", "cumulative"),
    ],
)
def test_bad_window_decimals_or_cumulative_is_refused(tmp_path, key, value, word):
    broken = _edited_copy(tmp_path, lambda item: item.__setitem__(key, value))
    with pytest.raises(InputError) as err:
        load_catalog(broken)
    assert word in err.value.message("en") and "indicators.json" in err.value.message("en")


def test_where_true_must_name_a_variable(tmp_path):
    broken = _edited_copy(
        tmp_path,
        lambda item: item.__setitem__(
            "numerator", {"count_true": "acciones_conservacion", "where_true": "no_such_flag"}
        ),
    )
    with pytest.raises(InputError) as err:
        load_catalog(broken)
    assert "no_such_flag" in err.value.message("en")
