"""The catalog: states, facility types, sections, variables, indicators and rules.

Catalog data lives in versioned files under ``resources/catalog/``; this module
turns them into frozen dataclasses and refuses a catalog that is inconsistent
(unknown section, bad aggregation, an indicator naming a missing variable...).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalog_files import entry, fail, read_csv, read_json
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


@dataclass(frozen=True)
class State:
    """An entidad federativa keyed by its 2-digit INEGI code."""

    code: str
    name: str
    short_code: str
    clues_prefix: str
    concurrent: bool
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacilityType:
    """A facility type (tipología) with its level of care and broad category."""

    code: str
    label_es: str
    label_en: str
    level: int
    category: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es


@dataclass(frozen=True)
class Labelled:
    """A code with Spanish and English labels (levels, sections, options)."""

    code: str
    label_es: str
    label_en: str

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es


@dataclass(frozen=True)
class Variable:
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


@dataclass(frozen=True)
class Column:
    """One enterable cell kind: a variable and one option of its disaggregation."""

    variable: Variable
    option: Labelled | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.variable.code, self.option.code if self.option else "")

    def label(self, lang: str = "es") -> str:
        base = self.variable.label(lang)
        return f"{base} · {self.option.label(lang)}" if self.option else base


@dataclass(frozen=True)
class ComparisonRule:
    """``left <= right`` must hold when both are present (an error otherwise)."""

    code: str
    left: str
    right: str
    match_disaggregation: bool
    message_es: str
    message_en: str


@dataclass(frozen=True)
class TotalRule:
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


@dataclass(frozen=True)
class OutlierSettings:
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
                if (len(alias_key) <= 4 and f" {alias_key} " in words) or (
                    len(alias_key) > 4 and alias_key in key
                ):
                    return ftype
        return None


# -- loading ------------------------------------------------------------------


_read_csv = read_csv
_fail = fail


def load_catalog(directory: Path) -> Catalog:
    """Load and cross-check the catalog files in ``directory``.

    Raises InputError("catalog_invalid") naming the file and the reason (with the row and
    column, or line and column, where there is one) when a file is missing, malformed or
    inconsistent, so a broken install fails at start and a broken update is a notice.
    Nothing else escapes: a malformation no check names is still catalog_invalid.
    """
    directory = Path(directory)
    try:
        return _load_catalog(directory)
    except InputError:
        raise
    except (LookupError, ValueError, TypeError, AttributeError, RecursionError, csv.Error) as exc:
        raise InputError("catalog_invalid", file=directory.name,
                         reason=f"{type(exc).__name__}: {str(exc)[:160]}") from None


def _load_catalog(directory: Path) -> Catalog:
    meta_path = directory / "catalog.json"
    meta = read_json(meta_path)
    if not isinstance(meta, dict):
        raise _fail(meta_path, "se esperaba un objeto JSON / a JSON object was expected")

    states: dict[str, State] = {}
    states_path = directory / "states.csv"
    for row in _read_csv(states_path):
        code = row["inegi_code"].zfill(2)
        if code in states:
            raise _fail(states_path, f"duplicate state {code}")
        states[code] = State(
            code=code,
            name=row["name"],
            short_code=row["short_code"],
            clues_prefix=row["clues_prefix"],
            concurrent=row["concurrent"] == "1",
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
    if len(states) != 32:
        raise _fail(states_path, f"expected 32 states, found {len(states)}")

    levels = {
        r.int("code"): Labelled(r["code"], r["label_es"], r["label_en"])
        for r in _read_csv(directory / "levels.csv")
    }
    types_path = directory / "facility_types.csv"
    facility_types: dict[str, FacilityType] = {}
    for row in _read_csv(types_path):
        level = row.int("level")
        if level not in levels or row["category"] not in CATEGORIES:
            raise _fail(types_path, f"type {row['code']}: bad level or category")
        facility_types[row["code"]] = FacilityType(
            code=row["code"],
            label_es=row["label_es"],
            label_en=row["label_en"],
            level=level,
            category=row["category"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )

    sections = [
        Labelled(r["code"], r["label_es"], r["label_en"])
        for r in sorted(_read_csv(directory / "sections.csv"), key=lambda r: r.int("order"))
    ]
    section_codes = {s.code for s in sections}

    disaggs: dict[str, list[Labelled]] = {}
    for row in sorted(_read_csv(directory / "disaggregations.csv"), key=lambda r: r.int("order")):
        disaggs.setdefault(row["combo"], []).append(
            Labelled(row["option"], row["label_es"], row["label_en"])
        )
    vocabularies = {
        "operating_status": tuple(
            Labelled(r["code"], r["label_es"], r["label_en"])
            for r in _read_csv(directory / "operating_status.csv")
        )
    }

    vars_path = directory / "variables.csv"
    variables: dict[str, Variable] = {}
    for row in _read_csv(vars_path):
        code = row["code"]
        problems = []
        if code in variables:
            problems.append("duplicate code")
        if row["section"] not in section_codes:
            problems.append(f"unknown section {row['section']}")
        if row["unit"] not in UNITS:
            problems.append(f"unknown unit {row['unit']}")
        if row["value_type"] not in VALUE_TYPES:
            problems.append(f"unknown value type {row['value_type']}")
        if row["aggregation"] not in AGGREGATIONS:
            problems.append(f"aggregation must be SUM or LAST, not {row['aggregation']}")
        if row["level"] not in LEVELS:
            problems.append(f"unknown level {row['level']}")
        if row["disaggregation"] and row["disaggregation"] not in disaggs:
            problems.append(f"unknown disaggregation {row['disaggregation']}")
        if row["unit"] == "category" and row["options"] not in vocabularies:
            problems.append(f"unknown options {row['options']}")
        applies = tuple(a for a in row["applies_to"].split("|") if a) or ("*",)
        if any(a != "*" and a not in CATEGORIES for a in applies):
            problems.append(f"unknown category in applies_to {row['applies_to']}")
        if problems:
            raise _fail(vars_path, f"{code}: " + "; ".join(problems))
        variables[code] = Variable(
            code=code,
            section=row["section"],
            order=row.int("order"),
            label_es=row["label_es"],
            label_en=row["label_en"],
            unit=row["unit"],
            value_type=row["value_type"],
            aggregation=row["aggregation"],
            level=row["level"],
            disaggregation=row["disaggregation"],
            min_value=row.num("min"),
            max_value=row.num("max"),
            required=row["required"] == "1",
            applies_to=applies,
            options=vocabularies.get(row["options"], ()),
            outlier=row["outlier"],
            description_es=row["description_es"],
        )

    rules_path = directory / "rules.json"
    rules = read_json(rules_path)
    with entry(rules_path, "comparisons"):
        comparisons = [
            ComparisonRule(
                code=r["code"],
                left=r["left"],
                right=r["right"],
                match_disaggregation=bool(r.get("match_disaggregation")),
                message_es=r["message_es"],
                message_en=r["message_en"],
            )
            for r in rules.get("comparisons", [])
        ]
    with entry(rules_path, "totals"):
        totals = [
            TotalRule(r["code"], r["total"], tuple(r["parts"]), r["message_es"], r["message_en"])
            for r in rules.get("totals", [])
        ]
    for rule in comparisons:
        for ref in (rule.left, rule.right):
            if ref not in variables:
                raise _fail(rules_path, f"{rule.code}: unknown variable {ref}")
    for total_rule in totals:
        for ref in (total_rule.total, *total_rule.parts):
            if ref not in variables:
                raise _fail(rules_path, f"{total_rule.code}: unknown variable {ref}")
    with entry(rules_path, "outliers"):
        out = rules.get("outliers", {})
        outliers = OutlierSettings(
            mzscore_threshold=float(out.get("mzscore", {}).get("threshold", 3.5)),
            mzscore_min_history=int(out.get("mzscore", {}).get("min_history", 3)),
            minmax_tolerance=float(out.get("minmax", {}).get("tolerance", 0.5)),
            minmax_min_history=int(out.get("minmax", {}).get("min_history", 2)),
            history_months=int(out.get("history_months", 12)),
        )

    ind_path = directory / "indicators.json"
    with entry(ind_path, "indicators.json"):
        ind_data = read_json(ind_path)["indicators"]
        if not isinstance(ind_data, list):
            raise TypeError("«indicators» debe ser una lista / must be a list")
    indicators: dict[str, Indicator] = {}
    known_keys = {"code", "section", "label_es", "label_en", "unit", "numerator",
                  "denominator", "filter", "slide", "level", "window", "cumulative", "decimals"}
    for number, item in enumerate(ind_data, start=1):
        with entry(ind_path, f"indicators[{number}]"):
            code = item["code"]
            if code in indicators:
                raise _fail(ind_path, f"duplicate indicator {code}")
            if item.get("section") not in section_codes:
                raise _fail(ind_path, f"{code}: unknown section {item.get('section')}")
            numerator = item.get("numerator") or (
                {"count_facilities": item["count_facilities"]} if "count_facilities" in item else None
            )
            if numerator is None:
                raise _fail(ind_path, f"{code}: no numerator")
            for part in (numerator, item.get("denominator") or {}):
                for ref in formula_variables(part):
                    if ref.split(".")[0] not in variables:
                        raise _fail(ind_path, f"{code}: unknown variable {ref}")
                    if "." in ref:
                        var_code, option = ref.split(".", 1)
                        combo = variables[var_code].disaggregation
                        if option not in {o.code for o in disaggs.get(combo, [])}:
                            raise _fail(ind_path, f"{code}: unknown option {ref}")
            for key in item.get("filter", {}):
                if key not in ("category", "level"):
                    raise _fail(ind_path, f"{code}: unknown filter {key}")
            # Community figures count "desde el inicio de la implementación" unless told.
            window = item.get("window", "since_start" if item["section"] == "comunitaria" else "report")
            if window not in WINDOWS:
                raise _fail(ind_path, f"{code}: unknown window {window}")
            decimals = item.get("decimals", 0)
            if type(decimals) is not int or not 0 <= decimals <= 4:
                raise _fail(ind_path, f"{code}: decimals must be an integer 0-4")
            if not isinstance(item.get("cumulative", False), bool):
                raise _fail(ind_path, f"{code}: cumulative must be true or false")
            indicators[code] = Indicator(
                code=code,
                section=item["section"],
                label_es=item["label_es"],
                label_en=item["label_en"],
                unit=item.get("unit", "count"),
                numerator=numerator,
                denominator=item.get("denominator"),
                filter=item.get("filter", {}),
                slide=bool(item.get("slide")),
                level=item.get("level", "facility"),
                metadata={k: v for k, v in item.items() if k not in known_keys and k != "count_facilities"},
                window=window,
                cumulative=item.get("cumulative", False),
                decimals=decimals,
            )

    institutions = {
        r["code"]: Labelled(r["code"], r["label_es"], r["label_en"])
        for r in _read_csv(directory / "institutions.csv")
    }
    return Catalog(
        version=str(meta.get("catalog_version", "0")),
        states=states,
        facility_types=facility_types,
        levels=levels,
        sections=sections,
        disaggregations={k: tuple(v) for k, v in disaggs.items()},
        variables=variables,
        indicators=indicators,
        comparisons=comparisons,
        totals=totals,
        outliers=outliers,
        operating_status={o.code: o for o in vocabularies["operating_status"]},
        institutions=institutions,
    )


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
