"""The state summary from stored values reproduces the seeds' published figures.

Data: the demo of four states of ``../shared/domain/reference_states.csv`` (seed 000,
27 Feb 2023), built with ``build_demo``, which spreads each published figure over
synthetic facilities so that year-to-date (January + February 2023) sums are exact.
The expected numbers below are copied from reference_states.csv, not from the demo.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.models.summary import format_figure
from app.models.values import ValueChange, ValueKey
from app.services.files.demo import build_demo
from app.services.summary.month_summary import community_start, state_summary, summary_facilities
from app.services.workspace import now_iso, open_workspace, write_transaction
from app.storage import values_repo
from app.storage.database import DB_FILENAME

PERIOD = "202302"
STATES = ("18", "06", "29", "03")  # Nayarit, Colima, Tlaxcala, Baja California Sur

# reference_states.csv, seed 000 rows: (hospitales, UNEMES, unidades de salud, consultas,
# especialidad, medicina familiar, cirugías, comités, voluntarios, visitas, sesiones).
COUNTS = {
    "18": (13, 4, 292, 35833, 22999, 12834, 2436, 600, 4431, 28920, 1764),
    "06": (5, 1, 118, 21687, 17706, 3981, 1263, 121, 695, 7603, 568),
    "29": (10, 1, 181, 21423, 14418, 7005, 1988, 300, 1887, 6467, 516),
    # BCS prints "Consultas" with no figure (summary.md §5); R1 gives 11,745 + 2,176 = 13,921.
    "03": (6, 3, 58, 13921, 11745, 2176, 867, 16, 93, 661, 258),
}
COUNT_CODES = (
    "hospitals_count",
    "unemes_count",
    "health_units_count",
    "consultations_total",
    "consultations_specialty",
    "consultations_family_medicine",
    "surgeries",
    "health_committees",
    "volunteers",
    "home_visits",
    "info_sessions",
)
# (especialistas %, MG + enfermería %, abasto %, capacitación 1º y 2º nivel %).
PERCENTS = {"18": (100, 97, 99, 100), "06": (100, 82, 94, 100), "29": (100, 91, 96, 100), "03": (77, 64, 99, 100)}
PERCENT_CODES = ("specialists_coverage_pct", "gp_nursing_coverage_pct", "rx_filled_pct", "training_first_level_pct")
# Basificación, seed 001 (c. jul 2022): "896 de 909 (99%)", "541 de 559 (97%)", "947 de 1,050 (90%)".
BASIFICATION = {"18": "99 % (896 de 909)", "06": "97 % (541 de 559)", "29": "90 % (947 de 1,050)"}
#: Flows of acción comunitaria: the seed counts them since the implementation began.
COMMUNITY_FLOWS = ("home_visits", "info_sessions")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("summary_demo")
    workspace = open_workspace(directory, user="demo")
    for code in STATES:
        build_demo(workspace, code)
    workspace.close()
    return directory


@pytest.fixture(scope="module")
def summaries(demo_db):
    workspace = open_workspace(demo_db, user="ana")
    try:
        yield (
            {code: state_summary(workspace, code, PERIOD) for code in STATES},
            {code: state_summary(workspace, code, PERIOD, community_from="202301") for code in STATES},
        )
    finally:
        workspace.close()


@pytest.fixture
def demo4_ws(demo_db, tmp_path):
    """A fresh copy of the four-state demo."""
    directory = tmp_path / "copy"
    directory.mkdir()
    shutil.copy(demo_db / DB_FILENAME, directory / DB_FILENAME)
    workspace = open_workspace(directory, user="ana")
    yield workspace
    workspace.close()


@pytest.mark.parametrize("code", STATES)
def test_published_counts_are_reproduced_exactly(summaries, code):
    cumulative, ytd_community = summaries
    summary = cumulative[code]
    assert summary.window == ("202301", "202302")
    for figure_code, expected in zip(COUNT_CODES, COUNTS[code], strict=True):
        # Visitas and sesiones are summed since the implementation began (202209 in the demo).
        assert summary.figures[figure_code].value == expected, figure_code
    for figure_code in COMMUNITY_FLOWS:  # the year alone is less than the cumulative figure
        assert ytd_community[code].figures[figure_code].value < summary.figures[figure_code].value
    assert format_figure(summary.figures["consultations_total"]) == f"{COUNTS[code][3]:,}"


@pytest.mark.parametrize("code", STATES)
def test_published_percentages_under_half_up(summaries, code):
    summary = summaries[0][code]
    for figure_code, expected in zip(PERCENT_CODES, PERCENTS[code], strict=True):
        figure = summary.figures[figure_code]
        assert figure.value == expected, figure_code
        assert figure.numerator is not None and figure.denominator
        assert format_figure(figure).startswith(f"{expected} % (")
    assert summary.figures["training_second_level_pct"].value == PERCENTS[code][3]
    if code in BASIFICATION:
        assert format_figure(summary.figures["basification_pct"]) == BASIFICATION[code]
    else:
        assert format_figure(summary.figures["basification_pct"]) == "sin dato"  # BCS: not published


def test_community_stocks_are_the_latest_value_since_implementation(summaries):
    # Comités and voluntarios are LAST: the cumulative window gives the published stock.
    cumulative, _ = summaries
    for code in STATES:
        assert cumulative[code].community_since == "202209"
        assert cumulative[code].figures["health_committees"].value == COUNTS[code][7]
        assert cumulative[code].figures["volunteers"].value == COUNTS[code][8]


def test_community_flows_since_implementation(summaries):
    # Seed 000: "Indicadores de acción comunitaria registrados desde el inicio de la implementación".
    cumulative, _ = summaries
    for code in STATES:
        assert cumulative[code].community_since == "202209"
        assert cumulative[code].figures["home_visits"].value == COUNTS[code][9]
        assert cumulative[code].figures["info_sessions"].value == COUNTS[code][10]


def test_seed_rounding_errors_are_not_copied(small_ws):
    # summary.md §4 R3: seed 001 printed "66% de cobertura (413 de 620)"; 413/620 = 66.6 was
    # truncated. Our half-up rule gives 67. (Likewise 469/638 = 73.5 printed 72 and the
    # recruitment 12/45 = 26.7 printed 26: we give 74 and 27, see tests/models/test_summary.py.)
    hospital = "NTSSA000001"  # the small_ws fixture: two Nayarit facilities, one of Colima
    changes = [
        ValueChange(ValueKey(hospital, PERIOD, "plazas_autorizadas", "especialistas"), 620),
        ValueChange(ValueKey(hospital, PERIOD, "plazas_ocupadas", "especialistas"), 413),
    ]
    with write_transaction(small_ws):
        values_repo.apply_changes(small_ws.conn, changes, small_ws.user, "test", now_iso())
    summary = state_summary(small_ws, "18", PERIOD)
    figure = summary.figures["specialists_coverage_pct"]
    assert format_figure(figure) == "67 % (413 de 620)"
    assert figure.facilities == (hospital,)
    assert format_figure(summary.figures["surgeries"]) == "sin dato"
    assert summary.community_since is None and summary.community_window == summary.window


def test_provisional_value_marks_the_figure(demo4_ws):
    clues = summary_facilities(demo4_ws, state_summary(demo4_ws, "06", PERIOD), "surgeries")[0].clues
    change = ValueChange(ValueKey(clues, "202301", "cirugias", ""), 50, provisional=True)
    with write_transaction(demo4_ws):
        values_repo.apply_changes(demo4_ws.conn, [change], demo4_ws.user, "test", now_iso())
    summary = state_summary(demo4_ws, "06", PERIOD)
    assert summary.figures["surgeries"].provisional
    assert format_figure(summary.figures["surgeries"], mark=True).endswith("**")
    assert not summary.figures["consultations_total"].provisional


def test_drill_down_lists_the_facilities_behind_a_figure(demo4_ws, summaries):
    summary = summaries[0]["18"]
    hospitals = summary_facilities(demo4_ws, summary, "hospitals_count")
    assert len(hospitals) == 13
    assert all(demo4_ws.catalog.facility_types[f.type_code].category == "hospital" for f in hospitals)
    surgeries = {f.clues for f in summary_facilities(demo4_ws, summary, "surgeries")}
    assert surgeries <= {f.clues for f in hospitals}
    with pytest.raises(KeyError):
        summary_facilities(demo4_ws, summary, "no_such_figure")


def test_window_fingerprint_and_completeness(demo4_ws, summaries):
    summary = summaries[0]["29"]
    assert state_summary(demo4_ws, "29", PERIOD).fingerprint == summary.fingerprint  # same values
    month = state_summary(demo4_ws, "29", PERIOD, ytd=False)
    assert month.window == ("202302",)
    assert month.figures["surgeries"].value < summary.figures["surgeries"].value
    assert month.fingerprint != summary.fingerprint
    filled, expected = summary.completeness
    assert 0 < filled <= expected
    assert community_start(demo4_ws, "29", PERIOD) == "202209"
    assert community_start(demo4_ws, "29", "202201") is None
