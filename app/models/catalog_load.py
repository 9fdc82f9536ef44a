"""Loading the catalog files of a folder into a :class:`~app.models.catalog.Catalog`.

One step per file (states, facility types, sections, disaggregations, variables, rules,
indicators, institutions), each cross-checked against what the earlier steps read, so an
inconsistent catalog (unknown section, bad aggregation, an indicator naming a missing
variable...) is refused naming the file and the reason.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from .catalog import (
    AGGREGATIONS,
    CATEGORIES,
    LEVELS,
    UNITS,
    VALUE_TYPES,
    WINDOWS,
    Catalog,
    ComparisonRule,
    FacilityType,
    Indicator,
    Labelled,
    OutlierSettings,
    State,
    TotalRule,
    Variable,
    formula_variables,
)
from .catalog_files import Row, entry, fail, read_csv, read_json
from .messages import InputError

#: indicators.json keys the loader reads; any other key is kept as the indicator's metadata.
_INDICATOR_KEYS = {
    "code",
    "section",
    "label_es",
    "label_en",
    "unit",
    "numerator",
    "denominator",
    "filter",
    "slide",
    "level",
    "window",
    "cumulative",
    "decimals",
}


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
        raise InputError(
            "catalog_invalid", file=directory.name, reason=f"{type(exc).__name__}: {str(exc)[:160]}"
        ) from None


def _load_catalog(directory: Path) -> Catalog:
    # In the files' dependency order, which is also the order their errors are reported in.
    meta_path = directory / "catalog.json"
    meta = read_json(meta_path)
    if not isinstance(meta, dict):
        raise fail(meta_path, "se esperaba un objeto JSON / a JSON object was expected")
    states = _states(directory / "states.csv")
    levels = {r.int("code"): _labelled(r) for r in read_csv(directory / "levels.csv")}
    facility_types = _facility_types(directory / "facility_types.csv", levels)
    sections = [_labelled(r) for r in sorted(read_csv(directory / "sections.csv"), key=lambda r: r.int("order"))]
    section_codes = {s.code for s in sections}
    disaggs = _disaggregations(directory)
    vocabularies = {"operating_status": tuple(_labelled(r) for r in read_csv(directory / "operating_status.csv"))}
    variables = _variables(directory / "variables.csv", section_codes, disaggs, vocabularies)
    comparisons, totals, outliers = _rules(directory / "rules.json", variables)
    indicators = _indicators(directory / "indicators.json", section_codes, variables, disaggs)
    institutions = {r["code"]: _labelled(r) for r in read_csv(directory / "institutions.csv")}
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


def _labelled(row: Row) -> Labelled:
    return Labelled(row["code"], row["label_es"], row["label_en"])


def _aliases(text: str) -> tuple[str, ...]:
    return tuple(a for a in text.split("|") if a)


def _states(path: Path) -> dict[str, State]:
    """The 32 states by INEGI code."""
    states: dict[str, State] = {}
    for row in read_csv(path):
        code = row["inegi_code"].zfill(2)
        if code in states:
            raise fail(path, f"duplicate state {code}")
        states[code] = State(
            code=code,
            name=row["name"],
            short_code=row["short_code"],
            clues_prefix=row["clues_prefix"],
            concurrent=row["concurrent"] == "1",
            aliases=_aliases(row["aliases"]),
        )
    if len(states) != 32:
        raise fail(path, f"expected 32 states, found {len(states)}")
    return states


def _facility_types(path: Path, levels: dict[int, Labelled]) -> dict[str, FacilityType]:
    """Facility types by code, each of a known level and category."""
    types: dict[str, FacilityType] = {}
    for row in read_csv(path):
        level = row.int("level")
        if level not in levels or row["category"] not in CATEGORIES:
            raise fail(path, f"type {row['code']}: bad level or category")
        types[row["code"]] = FacilityType(
            code=row["code"],
            label_es=row["label_es"],
            label_en=row["label_en"],
            level=level,
            category=row["category"],
            aliases=_aliases(row["aliases"]),
        )
    return types


def _disaggregations(directory: Path) -> dict[str, list[Labelled]]:
    """Each combo's options, in their order."""
    disaggs: dict[str, list[Labelled]] = {}
    for row in sorted(read_csv(directory / "disaggregations.csv"), key=lambda r: r.int("order")):
        disaggs.setdefault(row["combo"], []).append(Labelled(row["option"], row["label_es"], row["label_en"]))
    return disaggs


def _variables(
    path: Path,
    section_codes: set[str],
    disaggs: dict[str, list[Labelled]],
    vocabularies: dict[str, tuple[Labelled, ...]],
) -> dict[str, Variable]:
    """Variables by code; a row naming anything unknown refuses the catalog."""
    variables: dict[str, Variable] = {}
    for row in read_csv(path):
        code = row["code"]
        problems = _variable_problems(row, code in variables, section_codes, disaggs, vocabularies)
        if problems:
            raise fail(path, f"{code}: " + "; ".join(problems))
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
            applies_to=_applies_to(row),
            options=vocabularies.get(row["options"], ()),
            outlier=row["outlier"],
            description_es=row["description_es"],
        )
    return variables


def _applies_to(row: Row) -> tuple[str, ...]:
    return _aliases(row["applies_to"]) or ("*",)


def _variable_problems(
    row: Row,
    duplicate: bool,
    section_codes: set[str],
    disaggs: dict[str, list[Labelled]],
    vocabularies: dict[str, tuple[Labelled, ...]],
) -> list[str]:
    """What is wrong with one variables.csv row (nothing: an empty list)."""
    problems = []
    if duplicate:
        problems.append("duplicate code")
    if row["section"] not in section_codes:
        problems.append(f"unknown section {row['section']}")
    if row["unit"] not in UNITS:
        problems.append(f"unknown unit {row['unit']}")
    if row["value_type"] not in VALUE_TYPES:
        problems.append(f"unknown value type {row['value_type']}")
    if row["aggregation"] not in AGGREGATIONS:
        problems.append(f"aggregation must be SUM or LAST, not {row['aggregation']}")
    elif row["aggregation"] == "SUM" and row["value_type"] == "text":
        # SUM adds a variable's months (a flow over the year): a text has nothing to add, and
        # the summary's year-to-date cells failed on the first one (AttributeError).
        problems.append("a text variable cannot be added up over months: its aggregation must be LAST, not SUM")
    if row["level"] not in LEVELS:
        problems.append(f"unknown level {row['level']}")
    if row["disaggregation"] and row["disaggregation"] not in disaggs:
        problems.append(f"unknown disaggregation {row['disaggregation']}")
    if row["unit"] == "category" and row["options"] not in vocabularies:
        problems.append(f"unknown options {row['options']}")
    if any(a != "*" and a not in CATEGORIES for a in _applies_to(row)):
        problems.append(f"unknown category in applies_to {row['applies_to']}")
    return problems


def _rules(path: Path, variables: dict[str, Variable]) -> tuple[list[ComparisonRule], list[TotalRule], OutlierSettings]:
    """The validation rules (comparisons, totals) and the outlier settings of rules.json."""
    rules: Any = read_json(path)  # its shape is checked as it is read
    with entry(path, "comparisons"):
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
    with entry(path, "totals"):
        totals = [
            TotalRule(r["code"], r["total"], tuple(r["parts"]), r["message_es"], r["message_en"])
            for r in rules.get("totals", [])
        ]
    for code, refs in [(c.code, (c.left, c.right)) for c in comparisons] + [
        (t.code, (t.total, *t.parts)) for t in totals
    ]:
        for ref in refs:
            if ref not in variables:
                raise fail(path, f"{code}: unknown variable {ref}")
    with entry(path, "outliers"):
        out = rules.get("outliers", {})
        outliers = OutlierSettings(
            mzscore_threshold=float(out.get("mzscore", {}).get("threshold", 3.5)),
            mzscore_min_history=int(out.get("mzscore", {}).get("min_history", 3)),
            minmax_tolerance=float(out.get("minmax", {}).get("tolerance", 0.5)),
            minmax_min_history=int(out.get("minmax", {}).get("min_history", 2)),
            history_months=int(out.get("history_months", 12)),
        )
    return comparisons, totals, outliers


def _indicators(
    path: Path, section_codes: set[str], variables: dict[str, Variable], disaggs: dict[str, list[Labelled]]
) -> dict[str, Indicator]:
    """Indicators by code, in the file's order."""
    with entry(path, "indicators.json"):
        doc: Any = read_json(path)
        items = doc["indicators"]
        if not isinstance(items, list):
            raise TypeError("«indicators» debe ser una lista / must be a list")
    indicators: dict[str, Indicator] = {}
    for number, item in enumerate(items, start=1):
        with entry(path, f"indicators[{number}]"):
            code = item["code"]
            if code in indicators:
                raise fail(path, f"duplicate indicator {code}")
            indicators[code] = _indicator(path, item, section_codes, variables, disaggs)
    return indicators


def _indicator(
    path: Path,
    item: dict[str, Any],
    section_codes: set[str],
    variables: dict[str, Variable],
    disaggs: dict[str, list[Labelled]],
) -> Indicator:
    """One indicators.json entry, checked against the sections and variables."""
    code = item["code"]
    if item.get("section") not in section_codes:
        raise fail(path, f"{code}: unknown section {item.get('section')}")
    numerator = item.get("numerator") or (
        {"count_facilities": item["count_facilities"]} if "count_facilities" in item else None
    )
    if numerator is None:
        raise fail(path, f"{code}: no numerator")
    for part in (numerator, item.get("denominator") or {}):
        _check_formula(path, code, part, variables, disaggs)
    for key in item.get("filter", {}):
        if key not in ("category", "level"):
            raise fail(path, f"{code}: unknown filter {key}")
    # Community figures count "desde el inicio de la implementación" unless told.
    window = item.get("window", "since_start" if item["section"] == "comunitaria" else "report")
    if window not in WINDOWS:
        raise fail(path, f"{code}: unknown window {window}")
    decimals = item.get("decimals", 0)
    if type(decimals) is not int or not 0 <= decimals <= 4:
        raise fail(path, f"{code}: decimals must be an integer 0-4")
    if not isinstance(item.get("cumulative", False), bool):
        raise fail(path, f"{code}: cumulative must be true or false")
    return Indicator(
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
        metadata={k: v for k, v in item.items() if k not in _INDICATOR_KEYS and k != "count_facilities"},
        window=window,
        cumulative=item.get("cumulative", False),
        decimals=decimals,
    )


def _check_formula(
    path: Path, code: str, part: dict[str, Any], variables: dict[str, Variable], disaggs: dict[str, list[Labelled]]
) -> None:
    """Every variable (and option) a formula part names exists."""
    for ref in formula_variables(part):
        if ref.split(".")[0] not in variables:
            raise fail(path, f"{code}: unknown variable {ref}")
        if "." in ref:
            var_code, option = ref.split(".", 1)
            combo = variables[var_code].disaggregation
            if option not in {o.code for o in disaggs.get(combo, [])}:
                raise fail(path, f"{code}: unknown option {ref}")
