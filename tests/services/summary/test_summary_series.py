"""Month-by-month figures of the dashboard's line chart, on the Nayarit demo.

The demo holds September 2022 – February 2023; each month is summarised alone, so the
months of a SUM figure must add up to the year-to-date figure of ``state_summary``,
and a month with no values must be ``None`` (a gap), never 0.
"""

from __future__ import annotations

import pytest

from app.services.summary.month_summary import state_summary
from app.services.summary.summary_series import SERIES_FIGURES, monthly_series

STATE = "18"


def test_months_sum_to_year_to_date(demo_ws):
    series = monthly_series(demo_ws, STATE, "202302")
    summary = state_summary(demo_ws, STATE, "202302")
    assert series.months == ("202301", "202302")
    for code in SERIES_FIGURES:
        months = series.values[code]
        assert all(v is not None and v > 0 for v in months), code
        assert sum(months) == summary.figures[code].value, code
        assert series.label(code) == summary.figures[code].label_es


def test_each_month_equals_its_own_one_month_summary(demo_ws):
    series = monthly_series(demo_ws, STATE, "202302")
    for index, month in enumerate(series.months):
        alone = state_summary(demo_ws, STATE, month, ytd=False)
        for code in SERIES_FIGURES:
            assert series.values[code][index] == alone.figures[code].value


def test_month_without_data_is_none_not_zero(demo_ws):
    # The demo stops in February 2023: March and April have no values at all.
    series = monthly_series(demo_ws, STATE, "202304")
    assert series.months == ("202301", "202302", "202303", "202304")
    for code in SERIES_FIGURES:
        values = series.values[code]
        assert values[2] is None and values[3] is None
        assert values[0] and values[1]


def test_year_before_the_demo_has_gaps_until_september(demo_ws):
    series = monthly_series(demo_ws, STATE, "202212")
    consultations = series.values["consultations_total"]
    assert consultations[:8] == (None,) * 8
    assert all(v is not None for v in consultations[8:])


def test_unknown_figure_is_an_error(demo_ws):
    with pytest.raises(KeyError):
        monthly_series(demo_ws, STATE, "202302", figures=("no_such_figure",))
