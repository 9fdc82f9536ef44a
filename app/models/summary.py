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
- community-action indicators (section ``comunitaria``) use their own window,
  cumulative since the implementation began.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

from .catalog import Catalog, Indicator, State, Variable
from .facility import Facility
from .values import DataValue, format_number

COMMUNITY_SECTION = "comunitaria"
PROVISIONAL_MARK = "**"
PROVISIONAL_NOTE_ES = "En proceso de definición con el Gobierno del estado"
PROVISIONAL_NOTE_EN = "Being defined with the state government"
NO_DATA = {"es": "sin dato", "en": "no data"}
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
        return item  # type: ignore[return-value]
    if item.value is None or item.deleted:
        return None
    key = item.key
    return Reading(key.org_unit, key.period, key.variable, key.disaggregation, item.value, item.provisional)


def _readings(values: Iterable[DataValue | Reading]) -> list[Reading]:
    return [r for r in map(as_reading, values) if r is not None]


class _Cells:
    """Window-aggregated values per (org unit, variable, option), with what was read."""

    def __init__(self, catalog: Catalog, values_by_period: Mapping[str, Sequence[Reading]],
                 window: Sequence[str], community: bool):
        self.catalog = catalog
        self.cells: dict[Cell, tuple[Exact | str, bool]] = {}
        self.behind: dict[Cell, list[Reading]] = {}
        self.read: set[Cell] = set()
        history: dict[Cell, list[Reading]] = {}
        # Each instance serves one side: community figures read only community variables,
        # the rest never do, so neither aggregates cells it will not be asked for.
        wanted = {code for code, v in catalog.variables.items()
                  if (v.section == COMMUNITY_SECTION) == community}
        for period in window:  # window is in time order
            for r in values_by_period.get(period, ()):
                org, _, variable, option, value, _ = r
                if variable in wanted and value is not None:
                    history.setdefault((org, variable, option), []).append(r)
        for key, found in history.items():
            variable = catalog.variables.get(key[1])
            if variable is None:
                continue
            if variable.aggregation == "SUM":
                value: Exact | str = sum((exact(r[4]) for r in found), 0)
                contributing = found
            else:
                last = found[-1]
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

    def select(self, spec: Mapping) -> list[Facility]:
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

    def term(self, spec: Mapping, units: list[Facility]) -> tuple[Exact | None, bool, set[str]]:
        """(value, provisional, facilities behind it) of a numerator or denominator."""
        if "count_facilities" in spec:
            chosen = self.select(spec["count_facilities"]) if spec["count_facilities"] else units
            in_units = {f.clues for f in units}
            chosen = [f for f in chosen if f.clues in in_units]
            if not self.facilities:
                return None, False, set()
            return len(chosen), False, {f.clues for f in chosen}
        if "sum" in spec:
            total: Exact = 0
            provisional, seen, found = False, set(), False
            for ref in spec["sum"]:
                variable, option = self._parse(ref)
                for org in self._orgs(variable, units):
                    for value, prov in self.cells.get(org, variable, option):
                        if isinstance(value, str):
                            continue
                        total += value
                        provisional |= prov
                        found = True
                        if org != self.state.code:
                            seen.add(org)
            return (total if found else None), provisional, seen
        kind = next(k for k in ("count_true", "count_positive", "count_reported") if k in spec)
        refs = spec[kind]
        refs = [refs] if isinstance(refs, str) else list(refs)
        count, provisional, seen, any_value = 0, False, set(), False
        for fac in units:
            found: list[tuple[float | str, bool]] = []
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
        num, prov_n, fac_n = self.term(indicator.numerator, units)
        den: Exact | None = None
        prov_d, fac_d = False, set()
        if indicator.denominator is not None:
            den, prov_d, fac_d = self.term(indicator.denominator, units)
            if num is None or den is None or den == 0:
                value = None
            else:
                ratio = Fraction(num) / den
                value = float(_half_up(ratio * 100)) if indicator.unit == "percent" else float(ratio)
        else:
            value = None if num is None else float(num)
        return Figure(
            code=indicator.code, label_es=indicator.label_es, label_en=indicator.label_en,
            section=indicator.section, unit=indicator.unit, value=value,
            numerator=None if num is None else float(num),
            denominator=None if den is None else float(den),
            provisional=bool(prov_n or prov_d), facilities=tuple(sorted(fac_n | fac_d)),
        )


# -- public API --------------------------------------------------------------------------


def community_since(catalog: Catalog,
                    values_by_period: Mapping[str, Iterable[DataValue | Reading]]) -> str | None:
    """The first period holding any community-action value (start of the implementation)."""
    for period in sorted(values_by_period):
        for r in _readings(values_by_period[period]):
            variable = catalog.variables.get(r[2])
            if variable is not None and variable.section == COMMUNITY_SECTION:
                return period
    return None


def completeness(catalog: Catalog, facilities: Sequence[Facility],
                 values: Iterable[DataValue | Reading]) -> tuple[int, int]:
    """(filled, expected) applicable facility cells of one month."""
    rows = by_type(catalog, facilities, values)
    return sum(r.filled for r in rows), sum(r.expected for r in rows)


def by_type(catalog: Catalog, facilities: Sequence[Facility],
            values: Iterable[DataValue | Reading]) -> tuple[TypeRow, ...]:
    """Per facility type of one month: units, units reporting, filled and expected cells.

    Types come in catalog order (hospitals first); types without facilities are left out.
    """
    present = {(r[0], r[2], r[3]) for r in _readings(values)}
    reporting_units = {key[0] for key in present}
    columns = catalog.columns()
    tally: dict[str, list[int]] = {}
    for fac in facilities:
        ftype = catalog.facility_types.get(fac.type_code)
        if ftype is None:
            continue
        row = tally.setdefault(ftype.code, [0, 0, 0, 0])
        row[0] += 1
        row[1] += fac.clues in reporting_units
        for column in columns:
            if column.variable.applies(ftype.category):
                row[3] += 1
                row[2] += (fac.clues, *column.key) in present
    return tuple(TypeRow(t.code, t.label_es, t.label_en, t.category, *tally[t.code])
                 for t in catalog.facility_types.values() if t.code in tally)


def fingerprint(state_code: str, window: Sequence[str], community_window: Sequence[str],
                used: Mapping[tuple[str, str, str, str], tuple[object, bool]],
                facilities: Sequence[Facility] = ()) -> str:
    """SHA-256 of the canonical JSON of the values (and facility registry) behind a summary."""
    rows = [(*key, value, int(prov)) for key, (value, prov) in sorted(used.items())]
    units = sorted([f.clues, f.type_code, f.level] for f in facilities)
    payload = {"state": state_code, "window": list(window), "community_window": list(community_window),
               "values": rows, "facilities": units}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compute_summary(catalog: Catalog, state: State, facilities: Sequence[Facility],
                    values_by_period: Mapping[str, Iterable[DataValue | Reading]], window: Sequence[str],
                    community_window: Sequence[str] | None = None) -> StateSummary:
    """Evaluate every catalog indicator for ``state`` over ``window``.

    ``values_by_period`` maps each period to its stored values (DataValues or the lighter
    Readings, of the state and its facilities); it must cover ``window`` and ``community_window``. Community-action
    indicators use ``community_window`` (defaults to ``window``); completeness is that
    of the last period of ``window``.
    """
    window = tuple(sorted(window))
    community = tuple(sorted(community_window)) if community_window is not None else window
    values_by_period = {p: _readings(v) for p, v in values_by_period.items()}
    main = _Cells(catalog, values_by_period, window, community=False)
    comm = _Cells(catalog, values_by_period, community, community=True)
    figures: dict[str, Figure] = {}
    used: dict[tuple[str, str, str, str], tuple[object, bool]] = {}
    for indicator in catalog.indicators.values():
        cells = comm if indicator.section == COMMUNITY_SECTION else main
        figures[indicator.code] = _Evaluator(catalog, state, facilities, cells).figure(indicator)
    for cells in (main, comm):
        used.update(cells.used())
    productivity = figures.get(PRODUCTIVITY_FIGURE)
    last = values_by_period.get(window[-1], []) if window else []
    types = by_type(catalog, facilities, last)
    return StateSummary(
        state_code=state.code, state_name=state.name, window=window, figures=figures,
        productivity_units=int(productivity.value) if productivity and productivity.value is not None else 0,
        community_since=community_since(catalog, {p: values_by_period.get(p, []) for p in community}),
        completeness=(sum(r.filled for r in types), sum(r.expected for r in types)),
        fingerprint=fingerprint(state.code, window, community, used, facilities),
        community_window=community,
        by_type=types,
    )


def format_figure(fig: Figure, lang: str = "es", mark: bool = False) -> str:
    """es-MX text of a figure: "66 % (413 de 620)", "35,833", "$53.4 mdp" or "sin dato".

    ``mark`` appends the provisional footnote marker ("**") to provisional figures.
    """
    if fig.value is None:
        return NO_DATA.get(lang, NO_DATA["es"])
    if fig.unit == "percent":
        text = f"{int(fig.value)} %"
        if fig.numerator is not None and fig.denominator is not None:
            joiner = "of" if lang == "en" else "de"
            text += f" ({format_number(int(fig.numerator))} {joiner} {format_number(int(fig.denominator))})"
    elif fig.unit == "money":
        millions = Fraction(str(fig.value)) / 1_000_000
        rounded = int(millions * 10 + Fraction(1, 2))
        text = f"${format_number(rounded / 10, 1)} {'M' if lang == 'en' else 'mdp'}"
    elif float(fig.value).is_integer():
        text = format_number(int(fig.value))
    else:
        text = format_number(float(fig.value), 1)
    return text + PROVISIONAL_MARK if mark and fig.provisional else text
