"""The catalog: states, facility types, sections, variables, indicators and rules.

Catalog data lives in versioned files under ``resources/catalog/``; it is read into
these frozen dataclasses by :func:`app.models.catalog_load.load_catalog`, which refuses a
catalog that is inconsistent (unknown section, bad aggregation, an indicator naming a
missing variable...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .messages import InputError
from .text import normalize_key

UNITS = {"count", "money", "yesno", "category", "percent"}
VALUE_TYPES = {"integer", "number", "boolean", "text"}
AGGREGATIONS = {"SUM", "LAST"}
LEVELS = {"facility", "state"}
CATEGORIES = {"hospital", "uneme", "health_unit", "mobile", "support"}
#: Indicator time windows (``window`` in indicators.json). "report": the report's window
#: (year to date or the month); "since_start": every month up to the report month (the
#: community section's since the implementation began); "year": January to the report
#: month (sheets collected Jan–Dec); "oct_sep": October to the report month (sheets
#: collected Oct–Sep).
WINDOWS = {"report", "since_start", "year", "oct_sep"}


# The catalog's records are NamedTuples, not frozen dataclasses: immutable all the same,
# built in C, and each class is made without the generated code a dataclass compiles
# when its module loads (~1 ms a class on every start; issue 12).


class State(NamedTuple):
    """An entidad federativa keyed by its 2-digit INEGI code."""

    code: str
    name: str
    short_code: str
    clues_prefix: str
    concurrent: bool
    aliases: tuple[str, ...] = ()


class FacilityType(NamedTuple):
    """A facility type (tipología) with its level of care and broad category."""

    code: str
    label_es: str
    label_en: str
    level: int
    category: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es


class Labelled(NamedTuple):
    """A code with Spanish and English labels (levels, sections, options)."""

    code: str
    label_es: str
    label_en: str

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es


class Variable(NamedTuple):
    """A data element the coordinator enters (DHIS2 "data element")."""

    code: str
    section: str
    order: int
    label_es: str
    label_en: str
    unit: str
    value_type: str
    aggregation: str
    level: str
    disaggregation: str
    min_value: float | None
    max_value: float | None
    required: bool
    applies_to: tuple[str, ...]
    options: tuple[Labelled, ...]
    outlier: str
    description_es: str

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es

    def applies(self, category: str) -> bool:
        """Whether the variable is asked of a facility of ``category``."""
        return "*" in self.applies_to or category in self.applies_to


class Column(NamedTuple):
    """One enterable cell kind: a variable and one option of its disaggregation."""

    variable: Variable
    option: Labelled | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.variable.code, self.option.code if self.option else "")

    def label(self, lang: str = "es") -> str:
        base = self.variable.label(lang)
        return f"{base} · {self.option.label(lang)}" if self.option else base


class ComparisonRule(NamedTuple):
    """``left <= right`` must hold when both are present (an error otherwise)."""

    code: str
    left: str
    right: str
    match_disaggregation: bool
    message_es: str
    message_en: str


class TotalRule(NamedTuple):
    """``total == sum(parts)`` must hold when the total and every part are present."""

    code: str
    total: str
    parts: tuple[str, ...]
    message_es: str
    message_en: str


@dataclass(frozen=True)
class Indicator:
    """A derived figure: a formula over variables, never typed in."""

    code: str
    section: str
    label_es: str
    label_en: str
    unit: str
    #: Formula parts as indicators.json writes them ({"sum": [...]}, {"count_true": ...}).
    numerator: dict[str, Any]
    denominator: dict[str, Any] | None
    filter: dict[str, Any]
    slide: bool
    level: str
    metadata: dict[str, Any] = field(default_factory=dict)
    #: One of WINDOWS: the months the formula reads (seed-004 sheets define their own).
    window: str = "report"
    #: "Acumulado" sheets: a yes/no unit counts once any month of the window says yes.
    cumulative: bool = False
    #: Decimals the value keeps and prints (the seed-004 sheets print two).
    decimals: int = 0

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es


class OutlierSettings(NamedTuple):
    mzscore_threshold: float = 3.5
    mzscore_min_history: int = 3
    minmax_tolerance: float = 0.5
    minmax_min_history: int = 2
    history_months: int = 12


@dataclass
class Catalog:
    """Everything loaded from ``resources/catalog``; look-ups by code."""

    version: str
    states: dict[str, State]
    facility_types: dict[str, FacilityType]
    levels: dict[int, Labelled]
    sections: list[Labelled]
    disaggregations: dict[str, tuple[Labelled, ...]]
    variables: dict[str, Variable]
    indicators: dict[str, Indicator]
    comparisons: list[ComparisonRule]
    totals: list[TotalRule]
    outliers: OutlierSettings
    operating_status: dict[str, Labelled]
    institutions: dict[str, Labelled]
    #: Derived look-ups computed once (validation runs per facility, thousands of times).
    cache: dict[tuple[str | None, ...], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    # -- look-ups -----------------------------------------------------------
    def state(self, code: str) -> State:
        """The state with INEGI ``code``; raises InputError if unknown."""
        found = self.find_state(code)
        if found is None:
            raise InputError("unknown_state", state=code)
        return found

    def find_state(self, text: str) -> State | None:
        """Find a state by INEGI code, name, short code, CLUES prefix or alias."""
        raw = str(text).strip()
        if raw.isdigit():
            return self.states.get(raw.zfill(2))
        key = normalize_key(raw)
        for state in self.states.values():
            names = (state.name, state.short_code, state.clues_prefix, *state.aliases)
            if key in {normalize_key(n) for n in names}:
                return state
        return None

    def state_for_clues(self, clues: str) -> State | None:
        prefix = clues[:2].upper()
        for state in self.states.values():
            if state.clues_prefix == prefix:
                return state
        return None

    def section_variables(self, section: str, level: str = "facility") -> list[Variable]:
        """Variables of ``section`` at ``level``, in display order."""
        out = [v for v in self.variables.values() if v.section == section and v.level == level]
        return sorted(out, key=lambda v: v.order)

    def columns(self, section: str | None = None, level: str = "facility") -> list[Column]:
        """Enterable columns (variable × disaggregation option) of a section, or all."""
        sections = [section] if section else [s.code for s in self.sections]
        cols: list[Column] = []
        for sec in sections:
            for var in self.section_variables(sec, level):
                if var.disaggregation:
                    cols.extend(Column(var, opt) for opt in self.disaggregations[var.disaggregation])
                else:
                    cols.append(Column(var))
        return cols

    def option_codes(self, variable: Variable) -> tuple[str, ...]:
        """Valid disaggregation codes for ``variable`` ('' when not disaggregated)."""
        if not variable.disaggregation:
            return ("",)
        key = ("options", variable.disaggregation)
        if key not in self.cache:
            self.cache[key] = tuple(o.code for o in self.disaggregations[variable.disaggregation])
        options: tuple[str, ...] = self.cache[key]
        return options

    def required_cells(self, category: str | None, level: str = "facility") -> tuple[tuple[str, str], ...]:
        """(variable, option) cells that must be filled for a unit of ``category``.

        ``category`` None means "any" (the state org unit).
        """
        key = ("required", category, level)
        if key not in self.cache:
            self.cache[key] = tuple(
                (var.code, option)
                for var in self.variables.values()
                if var.level == level and var.required and (category is None or var.applies(category))
                for option in self.option_codes(var)
            )
        cells: tuple[tuple[str, str], ...] = self.cache[key]
        return cells

    def match_facility_type(self, text: str) -> FacilityType | None:
        """Map a DGIS tipología, a type code or a label to a facility type."""
        key = normalize_key(text)
        if not key:
            return None
        for ftype in self.facility_types.values():
            if key in (ftype.code, normalize_key(ftype.label_es), normalize_key(ftype.label_en)):
                return ftype
        words = f" {key} "
        for ftype in self.facility_types.values():
            for alias in ftype.aliases:
                alias_key = normalize_key(alias)
                # Short aliases (HG, HC) must match a whole word; long ones a substring.
                if (len(alias_key) <= 4 and f" {alias_key} " in words) or (len(alias_key) > 4 and alias_key in key):
                    return ftype
        return None


def formula_variables(part: dict[str, Any]) -> list[str]:
    """Variable references (``code`` or ``code.option``) used by a formula part."""
    refs: list[str] = []
    for key, value in part.items():
        if key in ("sum", "count_positive", "count_reported"):
            refs.extend(value)
        elif key in ("count_true", "where_true"):
            # where_true: only units whose flag is set count (3.2: programmed units).
            refs.append(value)
    return refs
