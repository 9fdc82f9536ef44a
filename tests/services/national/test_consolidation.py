"""Consolidation at HQ: completeness matrix, national figures, drill-down."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

import pytest

from app.models.catalog import State, formula_variables
from app.models.messages import InputError
from app.models.national import combine_summaries
from app.models.periods import year_to_date
from app.models.summary import COMMUNITY_SECTION, compute_summary, half_up_percent
from app.services.national.consolidation import (
    completeness_matrix,
    deadline_for,
    facilities_behind,
    figure_by_state,
    national_summary,
    national_table,
)
from app.storage import facilities_repo, values_repo
from tests.services.national import national_fixtures

# The two-state workspace fixtures, shared with the other HQ tests.
two_states_db = national_fixtures.two_states_db
two_ws = national_fixtures.two_ws

PERIOD = "202302"


@pytest.fixture
def table(two_ws):
    return national_table(two_ws, PERIOD)


def test_table_has_both_states_by_code(table):
    assert [(code, name) for code, name, _ in table] == [("06", "Colima"), ("18", "Nayarit")]
    assert all(s.window == ("202301", "202302") for _, _, s in table)


def test_national_sums_counts_and_recomputes_percentages(two_ws, table):
    nation = national_summary(two_ws, PERIOD, table=table)
    assert (nation.state_code, nation.state_name) == ("00", "Nacional")
    states = [s for _, _, s in table]
    checked_percent = checked_count = 0
    for code, fig in nation.figures.items():
        parts = [s.figures[code] for s in states]
        if fig.mean_of is not None:
            # A mean (issue 10's dignification progress) pools the units, not the states' means.
            total = sum(p.mean_of[0] for p in parts if p.mean_of)
            count = sum(p.mean_of[1] for p in parts if p.mean_of)
            assert fig.mean_of == (pytest.approx(total), count)
            assert fig.value == fig.numerator == half_up_percent(total, 100 * count)
            assert fig.denominator is None
        elif fig.unit == "percent":
            nums = [p.numerator for p in parts if p.numerator is not None]
            dens = [p.denominator for p in parts if p.denominator is not None]
            assert fig.numerator == sum(nums) and fig.denominator == sum(dens)
            if fig.denominator:
                # Seed-004 sheet indicators keep the sheets' two decimals (half-up at 0.01 %).
                scale = 10**fig.decimals
                assert fig.value == half_up_percent(fig.numerator * scale, fig.denominator) / scale
                checked_percent += 1
        elif fig.value is not None:
            assert fig.value == pytest.approx(sum(p.value for p in parts if p.value is not None))
            checked_count += 1
        assert fig.provisional == any(p.provisional for p in parts)
        assert set(fig.facilities) == {c for p in parts for c in p.facilities}
    assert checked_percent > 10 and checked_count > 10
    # Recomputed, not averaged: the two states' percentages differ and so would their mean.
    gp = nation.figures["gp_nursing_coverage_pct"]
    assert gp.value == half_up_percent(gp.numerator, gp.denominator)
    assert gp.value != sum(s.figures["gp_nursing_coverage_pct"].value for s in states) / 2
    assert nation.completeness == tuple(map(sum, zip(*(s.completeness for s in states), strict=True)))
    assert nation.productivity_units == sum(s.productivity_units for s in states)
    hospitals = next(r for r in nation.by_type if r.type_code == "HG")
    assert hospitals.units == sum(r.units for s in states for r in s.by_type if r.type_code == "HG")
    assert nation.fingerprint not in {s.fingerprint for s in states}


def test_national_equals_one_pooled_evaluation_for_facility_figures(two_ws, table):
    """Adding the states' parts agrees with evaluating the formulas over every facility."""
    catalog = two_ws.catalog
    window = year_to_date(PERIOD)
    facilities = facilities_repo.list_facilities(two_ws.conn)
    by_period: dict[str, list] = defaultdict(list)
    for code in ("06", "18"):
        for reading in values_repo.summary_readings(two_ws.conn, code, window):
            by_period[reading[1]].append(reading)
    country = State(code="00", name="Nacional", short_code="NAC", clues_prefix="", concurrent=False)
    pooled = compute_summary(catalog, country, facilities, by_period, window)
    nation = combine_summaries([s for _, _, s in table])
    compared = 0
    for code, indicator in catalog.indicators.items():
        refs = formula_variables(indicator.numerator) + formula_variables(indicator.denominator or {})
        if indicator.section == COMMUNITY_SECTION or any(
            catalog.variables[r.split(".")[0]].level == "state" for r in refs
        ):
            continue  # community windows differ per state; state-level cells are keyed by state
        mine, theirs = nation.figures[code], pooled.figures[code]
        assert (mine.value, mine.numerator, mine.denominator) == (theirs.value, theirs.numerator, theirs.denominator), (
            code
        )
        compared += 1
    assert compared > 20


def test_state_level_stock_is_summed_per_state(two_ws, table):
    basification = national_summary(two_ws, PERIOD, table=table).figures["basification_pct"]
    parts = [s.figures["basification_pct"] for _, _, s in table]
    assert basification.numerator == sum(p.numerator for p in parts)
    assert basification.value == half_up_percent(basification.numerator, basification.denominator)


def test_figure_by_state_orders_for_a_chart(table):
    rows = figure_by_state(table, "consultations_total")
    assert [r[1] for r in rows] == ["Nayarit", "Colima"]  # 35,833 before 21,687
    assert rows[0][2].value >= rows[1][2].value
    with pytest.raises(KeyError):
        figure_by_state(table, "no_such_figure")


def test_empty_database_national_summary_is_sin_dato(ws):
    nation = national_summary(ws, PERIOD)
    assert nation.state_name == "Nacional"
    assert all(f.value is None for f in nation.figures.values())
    assert national_table(ws, PERIOD) == []


def test_drill_down(two_ws):
    everywhere = facilities_behind(two_ws, PERIOD, None, "hospitals_count")
    colima = facilities_behind(two_ws, PERIOD, "06", "hospitals_count")
    assert len(everywhere) == 18 and len(colima) == 5
    assert {f.state_code for f in everywhere} == {"06", "18"}
    assert {f.clues for f in colima} < {f.clues for f in everywhere}
    assert all(f.type_code.startswith("H") for f in everywhere)
    with pytest.raises(KeyError):
        facilities_behind(two_ws, PERIOD, None, "no_such_figure")
    with pytest.raises(InputError):
        facilities_behind(two_ws, PERIOD, "99", "hospitals_count")


# -- completeness matrix -----------------------------------------------------------------------


def _package(ws, uuid: str, state: str, periods, imported_at: str, kind: str = "data") -> None:
    with ws.db.atomic():
        ws.conn.execute(
            "INSERT INTO inbox (uuid, sha256, kind, state_code, device_id, sequence, periods, created_at, "
            "imported_at, imported_by, summary) VALUES (?, ?, ?, ?, 'dev', 1, ?, ?, ?, 'hq', '{}')",
            (
                uuid,
                "0" * 64,
                kind,
                state,
                periods if isinstance(periods, str) else json.dumps(periods),
                imported_at,
                imported_at,
            ),
        )


def _conflict(ws, state: str, period: str, resolved: bool = False) -> None:
    with ws.db.atomic():
        ws.conn.execute(
            "INSERT INTO conflicts (org_unit, period, variable, ours, theirs, applied, package_uuid, "
            "state_code, created_at, resolved_at, resolved_by, resolution) "
            "VALUES (?, ?, 'cirugias', '1', '2', 'theirs', 'p', ?, '2023-03-01', ?, ?, ?)",
            (
                state,
                period,
                state,
                "2023-03-02" if resolved else None,
                "hq" if resolved else None,
                "ours" if resolved else None,
            ),
        )


def test_matrix_statuses(two_ws):
    _package(two_ws, "a", "18", ["202301", "202302"], "2023-02-08T18:00:00+00:00")
    _package(two_ws, "b", "06", ["202302"], "2023-03-11T00:30:00+00:00")  # a day after the 10th
    _package(two_ws, "c", "06", ["202302"], "2023-03-20T00:00:00+00:00")  # a resend: still late
    _package(two_ws, "d", "18", ["202303"], "2023-04-10T23:59:59+00:00")  # the last second counts
    _package(two_ws, "e", "06", ["202303"], "2023-03-01T00:00:00+00:00", kind="ack")  # not data
    _package(two_ws, "f", "06", "not json", "2023-03-01T00:00:00+00:00")
    _conflict(two_ws, "18", "202302")
    _conflict(two_ws, "06", "202302", resolved=True)
    matrix = completeness_matrix(two_ws, 2023, today=dt.date(2023, 3, 15))
    assert [s.code for s in matrix.states] == ["06", "18"]
    assert matrix.periods[0] == "202301" and len(matrix.periods) == 12
    status = {(s, p): matrix.cell(s, p).status for s in ("06", "18") for p in ("202301", "202302", "202303")}
    assert status == {
        ("18", "202301"): "on_time",
        ("18", "202302"): "on_time",
        ("18", "202303"): "on_time",
        ("06", "202301"): "received",
        ("06", "202302"): "late",
        ("06", "202303"): "missing",
    }
    late = matrix.cell("06", "202302")
    assert late.packages == 2 and late.first_import == "2023-03-11T00:30:00+00:00"
    assert late.deadline == dt.date(2023, 3, 10) and late.due and not late.flagged
    flagged = matrix.cell("18", "202302")
    assert flagged.flagged and flagged.open_conflicts == 1
    assert not matrix.cell("18", "202303").due  # April's deadline has not come yet
    assert matrix.counts("202302") == {"missing": 0, "received": 0, "on_time": 1, "late": 1, "flagged": 1}
    assert matrix.counts()["missing"] == 24 - 5
    assert [c.period for c in matrix.row("06")] == list(matrix.periods)


def test_matrix_counts_values_and_reporting_facilities(two_ws):
    matrix = completeness_matrix(two_ws, 2023)
    cell = matrix.cell("18", "202302")
    stored = values_repo.values_for_state(two_ws.conn, "18", ["202302"])
    assert cell.values == sum(1 for v in stored if v.value is not None) > 0
    assert cell.facilities_reporting == len(
        {v.key.org_unit for v in stored if v.value is not None and v.key.org_unit != "18"}
    )
    assert cell.facilities == len(facilities_repo.list_facilities(two_ws.conn, "18"))
    empty = matrix.cell("18", "202306")
    assert (empty.status, empty.values, empty.facilities_reporting) == ("missing", 0, 0)


def test_matrix_deadline_day_and_state_known_only_by_package(two_ws):
    _package(two_ws, "a", "18", ["202301"], "2023-02-08T12:00:00+00:00")
    _package(two_ws, "z", "01", ["202301"], "2023-02-01T12:00:00+00:00")
    strict = completeness_matrix(two_ws, 2023, deadline_day=5)
    assert strict.cell("18", "202301").status == "late"
    assert [s.code for s in strict.states] == ["01", "06", "18"]
    aguascalientes = strict.cell("01", "202301")
    assert (aguascalientes.status, aguascalientes.values, aguascalientes.facilities) == ("on_time", 0, 0)
    with pytest.raises(ValueError):
        completeness_matrix(two_ws, 2023, deadline_day=0)


def test_deadline_is_clamped_to_the_month():
    assert deadline_for("202301", 31) == dt.date(2023, 2, 28)
    assert deadline_for("202312", 10) == dt.date(2024, 1, 10)


def test_empty_database_matrix(ws):
    matrix = completeness_matrix(ws, 2023)
    assert matrix.states == () and matrix.cells == {}
    assert matrix.counts() == {"missing": 0, "received": 0, "on_time": 0, "late": 0, "flagged": 0}
