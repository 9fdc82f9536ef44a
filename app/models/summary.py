"""The state summary ("<ESTADO>: Avances Generales"): every catalog indicator of a state.

Pure computation over values already read from storage. The rules (DESIGN.md §1,
``summary.md`` §4):

- SUM variables (flows) add up over the window; LAST variables (stocks) take the
  latest value of each cell inside the window and are never summed;
- percentages are 100 × numerator ÷ denominator rounded half-up, computed with
  exact fractions (896/909 → 99, 413/620 → 67);
- missing data is "sin dato" (``None``), never 0: a sum over cells that hold no
  value is ``None``, so is a count over facilities none of which has a value;
- a figure is provisional when any value behind it is provisional;
- a ``sum`` with ``"mean": true`` is the mean over the units that reported it (seed 001's
  dignification progress, "con 99% de avance en segundo nivel"), rounded half-up;
- community-action indicators (section ``comunitaria``) use their own window,
  cumulative since the implementation began;
- an indicator with a seed-004 sheet reads the months its sheet says (``window``:
  January or October to the report month, or every month so far) and, when the sheet
  is "Acumulado", counts a yes/no unit once any month of that window says yes; its
  value keeps the sheet's two decimals (``format_value`` prints them).

This module puts the parts together (``compute_summary``) and re-exports their names:
``summary_figures`` (figures and their text), ``summary_cells`` (window aggregation),
``summary_formula`` (indicator formulas) and ``summary_windows`` (the months each reads).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence

from .catalog import Catalog, Indicator, State
from .facility import Facility
from .summary_cells import Cell as Cell
from .summary_cells import Cells, to_readings
from .summary_cells import Reading as Reading
from .summary_cells import as_reading as as_reading
from .summary_cells import exact as exact
from .summary_figures import NO_DATA as NO_DATA
from .summary_figures import PROVISIONAL_MARK as PROVISIONAL_MARK
from .summary_figures import PROVISIONAL_NOTE_EN as PROVISIONAL_NOTE_EN
from .summary_figures import PROVISIONAL_NOTE_ES as PROVISIONAL_NOTE_ES
from .summary_figures import Exact as Exact
from .summary_figures import Figure as Figure
from .summary_figures import StateSummary as StateSummary
from .summary_figures import TypeRow as TypeRow
from .summary_figures import _half_up as _half_up
from .summary_figures import format_figure as format_figure
from .summary_figures import format_value as format_value
from .summary_figures import half_up_percent as half_up_percent
from .summary_figures import ratio_value as ratio_value
from .summary_formula import Evaluator
from .summary_windows import COMMUNITY_SECTION as COMMUNITY_SECTION
from .summary_windows import indicator_variables as indicator_variables
from .summary_windows import indicator_window as indicator_window
from .summary_windows import lookback as lookback
from .summary_windows import window_start as window_start
from .values import DataValue

PRODUCTIVITY_FIGURE = "productivity_reporting_2nd_level_units"


def community_since(catalog: Catalog, values_by_period: Mapping[str, Iterable[DataValue | Reading]]) -> str | None:
    """The first period holding any community-action value (start of the implementation)."""
    for period in sorted(values_by_period):
        for r in to_readings(values_by_period[period]):
            variable = catalog.variables.get(r[2])
            if variable is not None and variable.section == COMMUNITY_SECTION:
                return period
    return None


def completeness(
    catalog: Catalog, facilities: Sequence[Facility], values: Iterable[DataValue | Reading]
) -> tuple[int, int]:
    """(filled, expected) applicable facility cells of one month."""
    rows = by_type(catalog, facilities, values)
    return sum(r.filled for r in rows), sum(r.expected for r in rows)


def by_type(
    catalog: Catalog, facilities: Sequence[Facility], values: Iterable[DataValue | Reading]
) -> tuple[TypeRow, ...]:
    """Per facility type of one month: units, units reporting, filled and expected cells.

    Types come in catalog order (hospitals first); types without facilities are left out.
    """
    # Per unit, the (variable, option) cells it filled; per category, the cells it is asked
    # for: a set intersection per unit instead of a lookup per unit and column.
    filled_by_unit: dict[str, set[tuple[str, str]]] = {}
    for r in to_readings(values):
        filled_by_unit.setdefault(r[0], set()).add((r[2], r[3]))
    asked: dict[str, frozenset[tuple[str, str]]] = {}
    tally: dict[str, list[int]] = {}
    for fac in facilities:
        ftype = catalog.facility_types.get(fac.type_code)
        if ftype is None:
            continue
        keys = asked.get(ftype.category)
        if keys is None:
            keys = asked[ftype.category] = frozenset(
                c.key for c in catalog.columns() if c.variable.applies(ftype.category)
            )
        row = tally.setdefault(ftype.code, [0, 0, 0, 0])
        filled = filled_by_unit.get(fac.clues)
        row[0] += 1
        row[1] += filled is not None
        row[3] += len(keys)
        if filled:
            row[2] += len(keys & filled)
    return tuple(
        TypeRow(t.code, t.label_es, t.label_en, t.category, *tally[t.code])
        for t in catalog.facility_types.values()
        if t.code in tally
    )


def fingerprint(
    state_code: str,
    window: Sequence[str],
    community_window: Sequence[str],
    used: Mapping[tuple[str, str, str, str], tuple[object, bool]],
    facilities: Sequence[Facility] = (),
) -> str:
    """SHA-256 of the canonical JSON of the values (and facility registry) behind a summary."""
    # Keys are unique, so sorting them alone gives the order sorting the items would.
    rows = [(*key, used[key][0], int(used[key][1])) for key in sorted(used)]
    units = sorted([f.clues, f.type_code, f.level] for f in facilities)
    payload = {
        "state": state_code,
        "window": list(window),
        "community_window": list(community_window),
        "values": rows,
        "facilities": units,
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _by_variable(readings_by_period: Mapping[str, list[Reading]]) -> dict[str, dict[str, list[Reading]]]:
    """The readings of each period by variable code.

    One pass sorts the readings by period and variable; each window group then reads
    only its variables' readings (five groups would otherwise mean five full passes).
    """
    by_variable: dict[str, dict[str, list[Reading]]] = {}
    for period, readings in readings_by_period.items():
        index = by_variable[period] = {}
        for r in readings:
            index.setdefault(r[2], []).append(r)
    return by_variable


def _window_groups(
    catalog: Catalog, window: tuple[str, ...], community: tuple[str, ...], supplied: Sequence[str]
) -> dict[tuple[tuple[str, ...], bool], list[Indicator]]:
    """The catalog's indicators by (months read, cumulative), in catalog order.

    Indicators sharing a window and a reading share one aggregation of the variables
    they read (the slide's figures are all one "report" group).
    """
    groups: dict[tuple[tuple[str, ...], bool], list[Indicator]] = {}
    for indicator in catalog.indicators.values():
        months = indicator_window(indicator, window, community, supplied)
        groups.setdefault((months, indicator.cumulative), []).append(indicator)
    return groups


def _evaluate_groups(
    catalog: Catalog,
    state: State,
    facilities: Sequence[Facility],
    by_variable: Mapping[str, Mapping[str, Sequence[Reading]]],
    groups: Mapping[tuple[tuple[str, ...], bool], Sequence[Indicator]],
) -> tuple[dict[str, Figure], dict[tuple[str, str, str, str], tuple[object, bool]]]:
    """Every group's figures (by indicator code) and the stored values behind them."""
    figures: dict[str, Figure] = {}
    used: dict[tuple[str, str, str, str], tuple[object, bool]] = {}
    for (months, cumulative), indicators in groups.items():
        wanted = set().union(*(indicator_variables(i) for i in indicators))
        cells = Cells(catalog, by_variable, months, wanted, cumulative)
        evaluator = Evaluator(catalog, state, facilities, cells)
        for indicator in indicators:
            figures[indicator.code] = evaluator.figure(indicator)
        used.update(cells.used())
    return figures, used


def compute_summary(
    catalog: Catalog,
    state: State,
    facilities: Sequence[Facility],
    values_by_period: Mapping[str, Iterable[DataValue | Reading]],
    window: Sequence[str],
    community_window: Sequence[str] | None = None,
) -> StateSummary:
    """Evaluate every catalog indicator for ``state`` over ``window``.

    ``values_by_period`` maps each period to its stored values (DataValues or the lighter
    Readings, of the state and its facilities); it must cover ``window`` and ``community_window``. Community-action
    indicators use ``community_window`` (defaults to ``window``); indicators with a sheet
    window also read the months ``lookback`` names; completeness is that of the last
    period of ``window``.
    """
    window = tuple(sorted(window))
    community = tuple(sorted(community_window)) if community_window is not None else window
    readings_by_period = {p: to_readings(v) for p, v in values_by_period.items()}
    groups = _window_groups(catalog, window, community, list(readings_by_period))
    figures, used = _evaluate_groups(catalog, state, facilities, _by_variable(readings_by_period), groups)
    figures = {code: figures[code] for code in catalog.indicators}  # catalog order
    productivity = figures.get(PRODUCTIVITY_FIGURE)
    last = readings_by_period.get(window[-1], []) if window else []
    types = by_type(catalog, facilities, last)
    return StateSummary(
        state_code=state.code,
        state_name=state.name,
        window=window,
        figures=figures,
        productivity_units=int(productivity.value) if productivity and productivity.value is not None else 0,
        community_since=community_since(catalog, {p: readings_by_period.get(p, []) for p in community}),
        completeness=(sum(r.filled for r in types), sum(r.expected for r in types)),
        fingerprint=fingerprint(state.code, window, community, used, facilities),
        community_window=community,
        by_type=types,
    )
