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
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, NamedTuple

from .catalog import Catalog, Indicator, State, Variable, formula_variables
from .facility import Facility
from .messages import LANGS
from .messages import text as message_text
from .periods import year_to_date
from .values import DataValue, format_number

COMMUNITY_SECTION = "comunitaria"
PROVISIONAL_MARK = "**"
PROVISIONAL_NOTE_ES = "En proceso de definición con el Gobierno del estado"
PROVISIONAL_NOTE_EN = "Being defined with the state government"
NO_DATA = {lang: message_text("summary.no_data", lang) for lang in LANGS}
PRODUCTIVITY_FIGURE = "productivity_reporting_2nd_level_units"

Cell = tuple[str, str, str]  # (org unit, variable, option)
Exact = int | Fraction


@dataclass(frozen=True)
class Figure:
    """One computed figure with the parts behind it (for "x de y" and drill-down)."""

    code: str
    label_es: str
    label_en: str
    section: str
    unit: str
    value: float | None
    numerator: float | None
    denominator: float | None
    provisional: bool
    facilities: tuple[str, ...]
    #: Decimals of ``value`` (the seed-004 sheets print two: "82.40 %").
    decimals: int = 0
    #: For a ``"mean": true`` figure, (sum of the values, units that reported them): the
    #: national figure pools these, since a mean of the states' means is not the country's.
    mean_of: tuple[float, int] | None = None

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es


@dataclass(frozen=True)
class TypeRow:
    """Facilities of one type (tipología) and how much of the month they reported."""

    type_code: str
    label_es: str
    label_en: str
    category: str
    units: int
    reporting: int  # units with at least one value in the last month of the window
    filled: int
    expected: int

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es


@dataclass(frozen=True)
class StateSummary:
    """Every figure of a state's summary for a window of periods."""

    state_code: str
    state_name: str
    window: tuple[str, ...]
    figures: dict[str, Figure]
    productivity_units: int
    community_since: str | None
    completeness: tuple[int, int]
    fingerprint: str
    community_window: tuple[str, ...] = field(default=())
    by_type: tuple[TypeRow, ...] = field(default=())
    #: What the coordinator added (report_details.py): the cut-off date ("2023-02-23") when the
    #: figures stop before the month's end, a note per slide section, and the footnote text of
    #: each registry count marked provisional (figure code -> note).
    cutoff: str | None = None
    section_notes: dict[str, str] = field(default_factory=dict)
    registry_provisional: dict[str, str] = field(default_factory=dict)

    @property
    def provisional(self) -> bool:
        """Whether any figure needs the provisional footnote."""
        return any(f.provisional for f in self.figures.values())


def half_up_percent(numerator: float, denominator: float) -> int:
    """100 × n ÷ d rounded half-up, exactly (no binary floating-point error)."""
    return _half_up(Fraction(str(numerator)) * 100 / Fraction(str(denominator)))


def _half_up(ratio: Fraction) -> int:
    """Round half away from zero."""
    return int(ratio + Fraction(1, 2)) if ratio >= 0 else -int(-ratio + Fraction(1, 2))


def ratio_value(numerator: Exact | Fraction, denominator: Exact | Fraction, unit: str, decimals: int = 0) -> float:
    """A ratio as a figure shows it: 100 × n ÷ d for percentages, half-up to ``decimals``.

    412/500 with 2 decimals → 82.4 (printed "82.40 %"); with 0 → 82. Exact fractions, so
    a half is a half (1/8 → 12.5 → 13; with 2 decimals 1/3 → 33.33).
    """
    ratio = Fraction(numerator) / Fraction(denominator)
    if unit == "percent":
        ratio *= 100
    scale: int = 10**decimals  # int ** int is typed Any (a negative power is a float)
    if unit == "percent" or decimals:
        return _half_up(ratio * scale) / scale
    return float(ratio)


# -- aggregation ----------------------------------------------------------------------


class Reading(NamedTuple):
    """One stored, non-empty value as the summary needs it (lighter than a DataValue)."""

    org_unit: str
    period: str
    variable: str
    option: str
    value: float | str
    provisional: bool


def as_reading(item: DataValue | Reading) -> Reading | None:
    """``item`` as a Reading; None for an empty or deleted DataValue."""
    if isinstance(item, tuple):  # a Reading, or a plain row in Reading's column order
        return item
    if item.value is None or item.deleted:
        return None
    key = item.key
    return Reading(key.org_unit, key.period, key.variable, key.disaggregation, item.value, item.provisional)


def _readings(values: Iterable[DataValue | Reading]) -> list[Reading]:
    # Rows from the database (the hot path) are already Readings: no copy, no per-row
    # check. A list holds one kind (a query's rows, or DataValues), so its first tells.
    if isinstance(values, list) and (not values or isinstance(values[0], tuple)):
        return values
    return [r for r in map(as_reading, values) if r is not None]


class _Cells:
    """Window-aggregated values per (org unit, variable, option), with what was read."""

    def __init__(
        self,
        catalog: Catalog,
        by_variable: Mapping[str, Mapping[str, Sequence[Reading]]],
        window: Sequence[str],
        wanted: set[str],
        cumulative: bool = False,
    ):
        self.catalog = catalog
        self.cells: dict[Cell, tuple[Exact | str, bool]] = {}
        self.behind: dict[Cell, list[Reading]] = {}
        self.read: set[Cell] = set()
        history: dict[Cell, list[Reading]] = {}
        # Each instance serves the indicators of one window: it aggregates only the
        # variables they read, never cells it will not be asked for.
        seen = history.get  # bound once: this loop runs once per stored value
        for period in window:  # window is in time order
            readings = by_variable.get(period)
            if not readings:
                continue
            for variable in wanted:
                for r in readings.get(variable, ()):
                    if r[4] is None:
                        continue
                    key = (r[0], variable, r[3])
                    found = seen(key)
                    if found is None:
                        history[key] = [r]
                    else:
                        found.append(r)
        for key, found in history.items():
            var = catalog.variables.get(key[1])
            if var is None:
                continue
            if var.aggregation == "SUM":
                # Most cells hold one month's reading: skip the generator for those (hot loop).
                # A SUM variable's readings are numbers; no cast() call in this hot loop.
                value: Exact | str
                if len(found) == 1:
                    value = exact(found[0][4])  # type: ignore[arg-type]
                else:
                    value = sum([exact(r[4]) for r in found], 0)  # type: ignore[arg-type,misc]
                contributing = found
            else:
                last = found[-1]
                if cumulative:
                    # "Acumulado": a unit that said yes in any month of the window stays
                    # counted (the latest non-zero value; the latest one when all are 0).
                    last = next((r for r in reversed(found) if r[4]), last)
                value = last[4] if isinstance(last[4], str) else exact(last[4])
                contributing = [last]
            self.cells[key] = (value, any(r[5] for r in contributing))
            self.behind[key] = contributing

    def used(self) -> dict[tuple[str, str, str, str], tuple[object, bool]]:
        """The stored values behind every cell a formula read: key → (value, provisional)."""
        return {r[:4]: (r[4], bool(r[5])) for key in self.read for r in self.behind[key]}

    def get(self, org: str, variable: Variable, option: str | None) -> list[tuple[Exact | str, bool]]:
        """The aggregated value(s) of a cell; every option when ``option`` is None."""
        options = self.catalog.option_codes(variable) if option is None else (option,)
        out = []
        for opt in options:
            key = (org, variable.code, opt)
            found = self.cells.get(key)
            if found is not None:
                self.read.add(key)
                out.append(found)
        return out


def exact(value: float | int) -> Exact:
    """A stored number as an exact value: an int when integral (fast), else a Fraction.

    ``Fraction(str(v))`` keeps the decimal the user typed (0.1 stays 1/10); integers skip
    it because almost every count is one and Fraction arithmetic is ~20× slower.
    """
    if isinstance(value, int):
        return value
    if value.is_integer():
        return int(value)
    return Fraction(str(value))


class _Evaluator:
    """Evaluates indicator formulas for one state over aggregated cells."""

    def __init__(self, catalog: Catalog, state: State, facilities: Sequence[Facility], cells: _Cells):
        self.catalog, self.state, self.facilities, self.cells = catalog, state, facilities, cells

    def select(self, spec: Mapping[str, Any]) -> list[Facility]:
        """Facilities matching a ``{"category": [...], "level": [...]}`` filter."""
        categories = spec.get("category")
        levels = spec.get("level")
        out = []
        for fac in self.facilities:
            ftype = self.catalog.facility_types.get(fac.type_code)
            category = ftype.category if ftype else ""
            if categories and category not in categories:
                continue
            if levels and fac.level not in levels:
                continue
            out.append(fac)
        return out

    def _orgs(self, variable: Variable, units: list[Facility]) -> list[str]:
        return [self.state.code] if variable.level == "state" else [f.clues for f in units]

    def _parse(self, ref: str) -> tuple[Variable, str | None]:
        code, _, option = ref.partition(".")
        return self.catalog.variables[code], (option or None)

    def term(self, spec: Mapping[str, Any], units: list[Facility]) -> tuple[Exact | None, bool, set[str]]:
        """(value, provisional, facilities behind it) of a numerator or denominator."""
        value, provisional, seen, _ = self.term_parts(spec, units)
        return value, provisional, seen

    def term_parts(
        self, spec: Mapping[str, Any], units: list[Facility]
    ) -> tuple[Exact | None, bool, set[str], tuple[float, int] | None]:
        """:meth:`term` and, for a mean, the (sum, reporting units) it was taken over.

        ``where_true`` keeps only the units whose flag is set (seed 004 Parámetro 3.2
        counts maintained units among the programmed ones, so it cannot pass 100 %).
        """
        if "where_true" in spec:
            flag = self.catalog.variables[spec["where_true"]]
            units = [
                f for f in units if any(v and not isinstance(v, str) for v, _ in self.cells.get(f.clues, flag, None))
            ]
            spec = {k: v for k, v in spec.items() if k != "where_true"}
        if "count_facilities" in spec:
            chosen = self.select(spec["count_facilities"]) if spec["count_facilities"] else units
            in_units = {f.clues for f in units}
            chosen = [f for f in chosen if f.clues in in_units]
            if not self.facilities:
                return None, False, set(), None
            return len(chosen), False, {f.clues for f in chosen}, None
        if "sum" in spec:
            return self._sum_term(spec, units)
        kind = next(k for k in ("count_true", "count_positive", "count_reported") if k in spec)
        value, provisional, seen = self._count_term(kind, spec[kind], units)
        return value, provisional, seen, None

    def _sum_term(
        self, spec: Mapping[str, Any], units: list[Facility]
    ) -> tuple[Exact | None, bool, set[str], tuple[float, int] | None]:
        """A ``sum`` term (or, with ``mean``, its mean over the units that reported it)."""
        total: Exact = 0
        provisional, seen, found = False, set(), False
        reporting: set[str] = set()
        for ref in spec["sum"]:
            variable, option = self._parse(ref)
            for org in self._orgs(variable, units):
                for value, prov in self.cells.get(org, variable, option):
                    if isinstance(value, str):
                        continue
                    total += value
                    provisional |= prov
                    found = True
                    reporting.add(org)
                    if org != self.state.code:
                        seen.add(org)
        if found and spec.get("mean"):
            # "con 99% de avance" (seed 001): the mean over the units that reported
            # it, half-up to whole units (a share of progress, not a count of units).
            return (_half_up(Fraction(total) / len(reporting)), provisional, seen, (float(total), len(reporting)))
        return (total if found else None), provisional, seen, None

    def _count_term(
        self, kind: str, refs: str | Sequence[str], units: list[Facility]
    ) -> tuple[int | None, bool, set[str]]:
        """A ``count_true``/``count_positive``/``count_reported`` term: the units that qualify."""
        refs = [refs] if isinstance(refs, str) else list(refs)
        count, provisional, seen, any_value = 0, False, set(), False
        for fac in units:
            found: list[tuple[Exact | str, bool]] = []
            for ref in refs:
                variable, option = self._parse(ref)
                found += self.cells.get(fac.clues, variable, option)
            if not found:
                continue
            any_value = True
            numbers = [v for v, _ in found if not isinstance(v, str)]
            if kind == "count_true":
                hit = any(v for v in numbers)
            elif kind == "count_positive":
                hit = any(v > 0 for v in numbers)
            else:
                hit = True
            if hit:
                count += 1
                seen.add(fac.clues)
                provisional |= any(p for _, p in found)
        return (count if any_value else None), provisional, seen

    def figure(self, indicator: Indicator) -> Figure:
        """Evaluate one indicator."""
        units = self.select(indicator.filter) if indicator.filter else list(self.facilities)
        num, prov_n, fac_n, mean_of = self.term_parts(indicator.numerator, units)
        den: Exact | None = None
        prov_d, fac_d = False, set[str]()
        if indicator.denominator is not None:
            den, prov_d, fac_d = self.term(indicator.denominator, units)
            if num is None or den is None or den == 0:
                value = None
            else:
                value = ratio_value(num, den, indicator.unit, indicator.decimals)
        else:
            value = None if num is None else float(num)
        return Figure(
            code=indicator.code,
            label_es=indicator.label_es,
            label_en=indicator.label_en,
            section=indicator.section,
            unit=indicator.unit,
            value=value,
            numerator=None if num is None else float(num),
            denominator=None if den is None else float(den),
            provisional=bool(prov_n or prov_d),
            facilities=tuple(sorted(fac_n | fac_d)),
            decimals=indicator.decimals,
            mean_of=mean_of,
        )


# -- public API --------------------------------------------------------------------------


def community_since(catalog: Catalog, values_by_period: Mapping[str, Iterable[DataValue | Reading]]) -> str | None:
    """The first period holding any community-action value (start of the implementation)."""
    for period in sorted(values_by_period):
        for r in _readings(values_by_period[period]):
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
    for r in _readings(values):
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


def _months(first: str, last: str) -> tuple[str, ...]:
    out, year, month = [], int(first[:4]), int(first[4:])
    while f"{year:04d}{month:02d}" <= last:
        out.append(f"{year:04d}{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def window_start(kind: str, last: str) -> str | None:
    """First month of a sheet window ending at ``last``: "year" → January, "oct_sep" →
    the latest October (202302 → 202210, 202311 → 202310); None for the other kinds."""
    if kind == "year":
        return year_to_date(last)[0]
    if kind == "oct_sep":
        year, month = int(last[:4]), int(last[4:])
        return f"{year if month >= 10 else year - 1:04d}10"
    return None


def indicator_variables(indicator: Indicator) -> set[str]:
    """Codes of the variables an indicator's formula reads."""
    refs = formula_variables(indicator.numerator) + formula_variables(indicator.denominator or {})
    return {ref.split(".")[0] for ref in refs}


def lookback(catalog: Catalog, last: str) -> dict[str | None, set[str]]:
    """What a caller must read beyond the report window for the sheet windows.

    Variables of non-community indicators whose window is their own, keyed by the first
    month they need (None: every month since the first stored value). Community
    indicators read the community window the caller already supplies.
    """
    out: dict[str | None, set[str]] = {}
    for indicator in catalog.indicators.values():
        if indicator.section == COMMUNITY_SECTION or indicator.window == "report":
            continue
        first = window_start(indicator.window, last)
        out.setdefault(first, set()).update(indicator_variables(indicator))
    return out


def indicator_window(
    indicator: Indicator, window: tuple[str, ...], community: tuple[str, ...], supplied: Sequence[str]
) -> tuple[str, ...]:
    """The months ``indicator`` reads for a report over ``window``.

    "report" → ``window``; "since_start" → the community window for community figures,
    else every supplied month up to the report month; "year"/"oct_sep" → January or
    October to the report month (community figures never before the community window).
    """
    if indicator.window == "report" or not window:
        return window
    last = window[-1]
    is_community = indicator.section == COMMUNITY_SECTION
    if indicator.window == "since_start":
        if is_community:
            return community
        return tuple(sorted({p for p in supplied if p <= last} | set(window)))
    months = _months(window_start(indicator.window, last) or last, last)
    if is_community and community:
        months = tuple(p for p in months if p >= community[0])
    return months


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
    readings_by_period = {p: _readings(v) for p, v in values_by_period.items()}
    # One pass sorts the readings by period and variable; each window group then reads
    # only its variables' readings (five groups would otherwise mean five full passes).
    by_variable: dict[str, dict[str, list[Reading]]] = {}
    for period, readings in readings_by_period.items():
        index = by_variable[period] = {}
        for r in readings:
            index.setdefault(r[2], []).append(r)
    # Indicators sharing a window and a reading share one aggregation of the variables
    # they read (the slide's figures are all one "report" group).
    groups: dict[tuple[tuple[str, ...], bool], list[Indicator]] = {}
    for indicator in catalog.indicators.values():
        months = indicator_window(indicator, window, community, list(readings_by_period))
        groups.setdefault((months, indicator.cumulative), []).append(indicator)
    figures: dict[str, Figure] = {}
    used: dict[tuple[str, str, str, str], tuple[object, bool]] = {}
    for (months, cumulative), indicators in groups.items():
        wanted = set().union(*(indicator_variables(i) for i in indicators))
        cells = _Cells(catalog, by_variable, months, wanted, cumulative)
        evaluator = _Evaluator(catalog, state, facilities, cells)
        for indicator in indicators:
            figures[indicator.code] = evaluator.figure(indicator)
        used.update(cells.used())
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


def format_value(fig: Figure, lang: str = "es") -> str:
    """The value alone as its source prints it: "66 %" on the slide, "82.40 %" for a
    seed-004 indicator (its sheet prints two decimals, ``Figure.decimals``), "35,833",
    "$53.4 mdp" or "sin dato".

    This is the one place a figure's value becomes text: the PDF (``summary_pdf``), the
    dashboard and ``format_figure`` all call it, so the sheets' decimals print everywhere.
    """
    if fig.value is None:
        return NO_DATA.get(lang, NO_DATA["es"])
    if fig.unit == "percent":
        return f"{format_number(fig.value, fig.decimals) if fig.decimals else int(fig.value)} %"
    if fig.unit == "money":
        millions = Fraction(str(fig.value)) / 1_000_000
        rounded = int(millions * 10 + Fraction(1, 2))
        return f"${format_number(rounded / 10, 1)} {'M' if lang == 'en' else 'mdp'}"
    if fig.decimals:
        return format_number(float(fig.value), fig.decimals)
    if float(fig.value).is_integer():
        return format_number(int(fig.value))
    return format_number(float(fig.value), 1)


def format_figure(fig: Figure, lang: str = "es", mark: bool = False) -> str:
    """es-MX text of a figure: "66 % (413 de 620)", "82.40 % (412 de 500)", "35,833",
    "$53.4 mdp" or "sin dato" (the value as ``format_value`` prints it, then "x de y").

    ``mark`` appends the provisional footnote marker ("**") to provisional figures.
    """
    if fig.value is None:
        return NO_DATA.get(lang, NO_DATA["es"])
    text = format_value(fig, lang)
    if fig.unit == "percent":
        if fig.numerator is not None and fig.denominator is not None:
            joiner = message_text("summary.of", lang)
            text += f" ({format_number(int(fig.numerator))} {joiner} {format_number(int(fig.denominator))})"
    return text + PROVISIONAL_MARK if mark and fig.provisional else text
