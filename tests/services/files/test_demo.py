"""The demo state: published seed-000 figures reproduced exactly, deterministic, labelled demo."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from app.models.facility import Facility
from app.models.messages import InputError
from app.models.periods import year_to_date
from app.models.validation import ERROR
from app.services.entry.month_values import completeness, load_month, month_issues
from app.services.facilities.registry import list_facilities, save_facility
from app.services.files.demo import (
    PERIODS,
    build_demo,
    demo_figures,
    half_up_percent,
    is_demo,
    published_figures,
    seed_source,
)
from app.services.files.demo_values import numerator_for, split
from app.services.summary.reports import close_report
from app.services.workspace import open_workspace

LAST = "202302"
YTD = year_to_date(LAST)


def total(ws, variable: str, periods: list[str], option: str | None = None, level: int | None = None) -> int:
    """Sum of a variable over the state's facilities, straight from SQL (independent of the app)."""
    sql = (
        f"SELECT coalesce(sum(v.value), 0) FROM data_values v JOIN facilities f ON f.clues = v.org_unit "
        f"WHERE v.variable = ? AND v.period IN ({','.join('?' * len(periods))})"
    )
    params: list[object] = [variable, *periods]
    if option is not None:
        sql += " AND v.disaggregation = ?"
        params.append(option)
    if level is not None:
        sql += " AND f.level = ?"
        params.append(level)
    return ws.conn.execute(sql, params).fetchone()[0]


def category_counts(ws) -> Counter:
    return Counter(ws.catalog.facility_types[f.type_code].category for f in list_facilities(ws))


def check_published(ws, state_code: str) -> None:
    """Every seed-000 figure of the state, as the slide prints it."""
    fig = published_figures(state_code)
    cats = category_counts(ws)
    assert cats["hospital"] == fig["hospitals"]
    assert cats["uneme"] == fig["unemes"]
    assert cats["health_unit"] + cats["mobile"] == fig["health_units"]
    for var in ("consultas_especialidad", "consultas_medicina_familiar", "cirugias"):
        if var in fig:
            # SUM over the year to date of the second-level units, as the slide's footnote
            # and the catalog's filter say; first-level units' own consultations are extra.
            assert total(ws, var, YTD, level=2) == fig[var], var
    for var in ("visitas_domiciliarias", "sesiones_informativas"):
        if var in fig:  # SUM since the start of the implementation (seed 000 footnote)
            assert total(ws, var, PERIODS) == fig[var], var
    for var in ("comites_salud", "voluntarios"):
        if var in fig:
            assert total(ws, var, [LAST]) == fig[var], var  # LAST: the February stock
    if "specialists_pct" in fig:
        shown = half_up_percent(
            total(ws, "plazas_ocupadas", [LAST], "especialistas"),
            total(ws, "plazas_autorizadas", [LAST], "especialistas"),
        )
        assert shown == fig["specialists_pct"]
    if "gp_nursing_pct" in fig:
        filled = sum(total(ws, "plazas_ocupadas", [LAST], o) for o in ("generales", "enfermeria"))
        posts = sum(total(ws, "plazas_autorizadas", [LAST], o) for o in ("generales", "enfermeria"))
        assert half_up_percent(filled, posts) == fig["gp_nursing_pct"]
    if "rx_filled_pct" in fig:
        shown = half_up_percent(total(ws, "recetas_surtidas", YTD), total(ws, "recetas_emitidas", YTD))
        assert shown == fig["rx_filled_pct"]
        for month in YTD:  # each month on its own prints the same
            assert (
                half_up_percent(total(ws, "recetas_surtidas", [month]), total(ws, "recetas_emitidas", [month]))
                == fig["rx_filled_pct"]
            )
    for level, key in ((1, "training_first_pct"), (2, "training_second_pct")):
        if key in fig:
            shown = half_up_percent(
                total(ws, "personal_capacitado", [LAST], level=level), total(ws, "personal_total", [LAST], level=level)
            )
            assert shown == fig[key], key
    if "basificacion_meta" in fig:
        state = ws.conn.execute(
            "SELECT variable, value FROM data_values WHERE org_unit = ? AND period = ?", (state_code, LAST)
        ).fetchall()
        assert dict(state) == {
            "basificacion_meta": fig["basificacion_meta"],
            "basificacion_realizada": fig["basificacion_realizada"],
        }


# -- Nayarit, the reference state -----------------------------------------------------------


@pytest.fixture(scope="module")
def nayarit(tmp_path_factory):
    workspace = open_workspace(tmp_path_factory.mktemp("nayarit"), user="demo")
    steps: list[tuple[int, int]] = []
    result = build_demo(workspace, progress=lambda d, t: steps.append((d, t)))
    yield workspace, result, steps
    workspace.close()


def test_nayarit_reproduces_the_slide_of_27_feb_2023(nayarit):
    ws, result, _ = nayarit
    check_published(ws, "18")
    # The figures quoted in the issue, spelled out:
    assert (
        total(ws, "consultas_especialidad", YTD, level=2) + total(ws, "consultas_medicina_familiar", YTD, level=2)
    ) == 35_833
    assert total(ws, "cirugias", YTD, level=2) == 2_436
    # First-level units record family-medicine consultations too; the slide leaves them out.
    assert total(ws, "consultas_medicina_familiar", YTD, level=1) > 0
    assert (total(ws, "comites_salud", [LAST]), total(ws, "voluntarios", [LAST])) == (600, 4_431)
    assert (total(ws, "visitas_domiciliarias", PERIODS), total(ws, "sesiones_informativas", PERIODS)) == (28_920, 1_764)
    assert result.state_code == "18" and result.facilities == 13 + 4 + 292
    assert result.periods == PERIODS and PERIODS[0] == "202209" and PERIODS[-1] == LAST
    assert result.values == ws.conn.execute("SELECT count(*) FROM data_values").fetchone()[0]


def test_nayarit_facilities_look_real_and_are_marked_demo(nayarit):
    ws, _, _ = nayarit
    facilities = list_facilities(ws, "18")
    assert is_demo(ws)
    assert all(f.is_demo for f in facilities)
    assert all(re.fullmatch(r"NTSSA\d{6}", f.clues) for f in facilities)
    assert len({f.clues for f in facilities}) == len({f.name for f in facilities}) == 309
    names = {f.name for f in facilities}
    assert "Hospital General de Tepic" in names
    assert "Centro de Salud Rural Jala" in names
    assert {f.municipality for f in facilities} <= {
        "Tepic",
        "Santiago Ixcuintla",
        "Compostela",
        "Bahía de Banderas",
        "Xalisco",
        "Tuxpan",
        "Acaponeta",
        "Tecuala",
        "Rosamorada",
        "Ixtlán del Río",
        "Ahuacatlán",
        "Jala",
        "Amatlán de Cañas",
        "San Blas",
        "San Pedro Lagunillas",
        "Santa María del Oro",
        "La Yesca",
        "Del Nayar",
        "Huajicori",
        "Ruiz",
    }
    assert {f.type_code for f in facilities} <= set(ws.catalog.facility_types)
    assert all(f.level == ws.catalog.facility_types[f.type_code].level for f in facilities)
    sources = {r[0] for r in ws.conn.execute("SELECT DISTINCT source FROM change_log")}
    assert sources == {"demo"}
    assert "27 feb 2023" in seed_source("18") and "35,833" in seed_source("18")


def test_nayarit_history_months_and_no_validation_errors(nayarit):
    ws, _, _ = nayarit
    periods = [r[0] for r in ws.conn.execute("SELECT DISTINCT period FROM data_values ORDER BY 1")]
    assert periods == PERIODS
    for period in PERIODS:
        month = load_month(ws, "18", period)
        errors = [k for k, found in month_issues(ws.catalog, month).items() if any(i.severity == ERROR for i in found)]
        assert errors == [], period
    # Stocks never shrink month to month; the values are plausible, not constant.
    for var in ("comites_salud", "voluntarios"):
        series = [total(ws, var, [p]) for p in PERIODS]
        assert series == sorted(series) and series[0] < series[-1]


def test_some_cells_are_left_sin_dato_in_february(nayarit):
    ws, _, _ = nayarit
    month = load_month(ws, "18", LAST, with_history=False)
    incomplete = [
        f for f in month.facilities if completeness(ws.catalog, month, f)[0] < completeness(ws.catalog, month, f)[1]
    ]
    assert 2 <= len(incomplete) <= 5
    assert len(incomplete) < len(month.facilities) // 10
    for fac in incomplete:
        assert month.value(fac.clues, "recetas_emitidas") is None  # sin dato, never 0
    january = load_month(ws, "18", "202301", with_history=False)
    assert all(
        completeness(ws.catalog, january, f)[0] == completeness(ws.catalog, january, f)[1] for f in january.facilities
    )


def test_the_demo_month_can_be_closed(nayarit):
    ws, _, _ = nayarit
    close_report(ws, "18", "202301")


def test_progress_is_reported(nayarit):
    _, _, steps = nayarit
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1]
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_running_it_again_changes_nothing(nayarit):
    ws, result, _ = nayarit
    log_rows = ws.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    again = build_demo(ws, "18")
    assert again.facilities == result.facilities
    assert ws.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == log_rows


# -- other seed-000 states ----------------------------------------------------------------------


@pytest.mark.parametrize("state_code", ["06", "03", "29"], ids=["Colima", "BCS", "Tlaxcala"])
def test_other_states_reproduce_their_slides(data_dir, state_code):
    ws = open_workspace(data_dir)
    build_demo(ws, state_code)
    check_published(ws, state_code)
    ws.close()


def test_morelos_template_b_figures(data_dir):
    ws = open_workspace(data_dir)
    build_demo(ws, "17")
    check_published(ws, "17")
    hospitals = [f for f in list_facilities(ws) if ws.catalog.facility_types[f.type_code].category == "hospital"]
    done = ws.conn.execute(
        f"SELECT count(*) FROM data_values WHERE variable = 'acciones_conservacion' AND value = 1 "
        f"AND period = ? AND org_unit IN ({','.join('?' * len(hospitals))})",
        (LAST, *(f.clues for f in hospitals)),
    ).fetchone()[0]
    assert (done, len(hospitals)) == (4, 9)  # «Acciones de Conservación en 4 de 9 hospitales»
    assert total(ws, "bienes_programados", [LAST]) == 78
    assert total(ws, "inversion_equipamiento", [LAST]) == 10_400_000
    assert (
        half_up_percent(
            total(ws, "bienes_entregados", [LAST], level=2), total(ws, "bienes_programados", [LAST], level=2)
        )
        == 100
    )
    ws.close()


def test_state_without_published_figures_is_scaled_from_nayarit(data_dir):
    ws = open_workspace(data_dir)
    result = build_demo(ws, "01")
    figures = demo_figures("01")
    assert published_figures("01") == {}
    assert 13 <= figures["hospitals"] <= 17  # Aguascalientes ≈ 1.15 × Nayarit's population
    assert result.facilities == figures["hospitals"] + figures["unemes"] + figures["health_units"]
    assert total(ws, "cirugias", YTD) == figures["cirugias"]
    assert all(re.fullmatch(r"ASSSA\d{6}", f.clues) for f in list_facilities(ws))
    ws.close()


def test_the_demo_is_deterministic(tmp_path):
    def build(name):
        ws = open_workspace(tmp_path / name)
        build_demo(ws, "03")
        rows = ws.conn.execute(
            "SELECT org_unit, period, variable, disaggregation, value, comment FROM data_values ORDER BY 1, 2, 3, 4"
        ).fetchall()
        facilities = list_facilities(ws)
        ws.close()
        return rows, facilities

    assert build("a") == build("b")


# -- refusals and helpers -----------------------------------------------------------------------------


def test_refuses_a_state_with_real_facilities(ws, db_dump):
    save_facility(ws, Facility("NTSSA000001", "Hospital General de Tepic", "18", "HG", 2, "Tepic"))
    before = db_dump(ws.conn)
    with pytest.raises(InputError) as info:
        build_demo(ws, "18")
    assert info.value.code == "demo_state_has_data"
    assert "Nayarit ya tiene 1 unidades reales" in info.value.message("es")
    assert "Nayarit already has 1 real facilities" in info.value.message("en")
    assert db_dump(ws.conn) == before
    assert not is_demo(ws)


def test_unknown_state_is_refused(ws):
    with pytest.raises(InputError) as info:
        build_demo(ws, "99")
    assert info.value.code == "unknown_state"


def test_split_and_numerator_helpers():
    assert sum(split(1_000, [1, 2, 3.5])) == 1_000
    assert split(10, [1, 1, 1], caps=[2, 9, 9])[0] <= 2
    assert split(0, []) == []
    with pytest.raises(ValueError):
        split(10, [1, 1], caps=[2, 2])
    for den in (7, 100, 619, 620, 1_799):
        for pct in (0, 1, 40, 66, 97, 99, 100):
            num = numerator_for(den, pct)
            assert 0 <= num <= den
            if den >= 100 or pct in (0, 100):
                assert half_up_percent(num, den) == pct
    assert half_up_percent(413, 620) == 67  # the slide's "66 %" was truncated, not rounded
    assert half_up_percent(1, 8) == 13  # 12.5 rounds up
