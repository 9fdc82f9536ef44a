"""Month-by-month figures of a state's year to date (the dashboard's line chart).

Each month is computed on its own one-month window with the same rules as the summary
(``compute_summary``), so the months of a SUM figure add up to its year-to-date value.
A month without any value behind a figure is ``None`` ("sin dato"): a gap in the
chart, never a 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from app.models.periods import parse_period, year_to_date
from app.models.summary import compute_summary
from app.models.values import DataValue
from app.services.workspace import Workspace
from app.storage import facilities_repo, values_repo

#: The figures the dashboard plots month by month.
SERIES_FIGURES = ("consultations_total", "surgeries")


@dataclass(frozen=True)
class MonthlySeries:
    """Values of some figures for each month of a year to date (``None`` = sin dato)."""

    state_code: str
    months: tuple[str, ...]
    values: dict[str, tuple[float | None, ...]]
    labels_es: dict[str, str]
    labels_en: dict[str, str]

    def label(self, code: str, lang: str = "es") -> str:
        """The catalog label of figure ``code`` in ``lang``."""
        return (self.labels_en if lang == "en" else self.labels_es).get(code, code)


def monthly_series(
    ws: Workspace, state_code: str, period: str, figures: Sequence[str] = SERIES_FIGURES
) -> MonthlySeries:
    """``figures`` of ``state_code`` for each month from January to ``period``.

    Values are read once for the whole year to date; each month is then summarised
    alone. Unknown figure codes raise KeyError (a typo must not plot an empty line).
    """
    state = ws.catalog.state(state_code)
    period = parse_period(period, allow_future=True)
    months = tuple(year_to_date(period))
    facilities = facilities_repo.list_facilities(ws.conn, state.code)
    by_period: dict[str, list[DataValue]] = defaultdict(list)
    for value in values_repo.values_for_state(ws.conn, state.code, months):
        by_period[value.key.period].append(value)
    found: dict[str, list[float | None]] = {code: [] for code in figures}
    labels_es: dict[str, str] = {}
    labels_en: dict[str, str] = {}
    for month in months:
        summary = compute_summary(ws.catalog, state, facilities, {month: by_period.get(month, [])}, [month])
        for code in figures:
            figure = summary.figures[code]
            found[code].append(figure.value)
            labels_es[code], labels_en[code] = figure.label_es, figure.label_en
    if not months:  # cannot happen for a valid period, but keep labels total
        for code in figures:
            indicator = ws.catalog.indicators[code]
            labels_es[code], labels_en[code] = indicator.label_es, indicator.label_en
    return MonthlySeries(state.code, months, {c: tuple(v) for c, v in found.items()}, labels_es, labels_en)
