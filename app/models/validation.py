"""Validation rules applied as a person types and to every imported value.

Errors (a value that cannot be right) and warnings (a value worth a second
look) are plain data so that the grid, the CLI and the package import all use
exactly the same rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .catalog import Catalog, OutlierSettings, Variable
from .values import Scalar, format_number

ERROR = "error"
WARNING = "warning"

CellKey = tuple[str, str]  # (variable code, disaggregation option)


@dataclass(frozen=True)
class Issue:
    """A validation finding attached to one cell."""

    severity: str
    code: str
    message_es: str
    message_en: str

    def message(self, lang: str = "es") -> str:
        return self.message_en if lang == "en" else self.message_es


#: Shared: a missing required value reads the same in every cell.
MISSING = Issue(
    WARNING, "required_missing", "Falta un valor requerido (sin dato)", "A required value is missing (no data)"
)


def _fmt(value: Scalar) -> str:
    return format_number(value) if isinstance(value, int | float) else str(value)


def _numeric(value: Scalar) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def record_issues(
    catalog: Catalog, values: Mapping[CellKey, Scalar], category: str | None = None, level: str = "facility"
) -> dict[CellKey, list[Issue]]:
    """Cross-variable errors and missing-value warnings for one org unit and month.

    ``values`` maps (variable, option) to the stored value; absent keys are
    "sin dato". ``category`` (hospital, uneme...) decides which required
    variables apply; pass None for a state org unit.
    """
    issues: dict[CellKey, list[Issue]] = {}

    def add(key: CellKey, issue: Issue) -> None:
        issues.setdefault(key, []).append(issue)

    _comparison_issues(catalog, values, add)
    _total_issues(catalog, values, add)
    for cell in catalog.required_cells(category, level):
        if values.get(cell) is None:
            add(cell, MISSING)
    return issues


def _comparison_issues(
    catalog: Catalog, values: Mapping[CellKey, Scalar], add: Callable[[CellKey, Issue], None]
) -> None:
    """An error on both cells of every comparison rule whose left value exceeds its right one."""
    for rule in catalog.comparisons:
        left_var = catalog.variables[rule.left]
        options = catalog.option_codes(left_var) if rule.match_disaggregation else ("",)
        for option in options:
            left = _numeric(values.get((rule.left, option)))
            right = _numeric(values.get((rule.right, option if rule.match_disaggregation else "")))
            if left is None or right is None or left <= right:
                continue
            params = {
                "left": _fmt(values[(rule.left, option)]),
                "right": _fmt(right if not right.is_integer() else int(right)),
            }
            issue = Issue(ERROR, rule.code, rule.message_es.format(**params), rule.message_en.format(**params))
            add((rule.left, option), issue)
            add((rule.right, option if rule.match_disaggregation else ""), issue)


def _total_issues(catalog: Catalog, values: Mapping[CellKey, Scalar], add: Callable[[CellKey, Issue], None]) -> None:
    """An error on the total and every part of each total rule whose parts do not add up to it."""
    for total_rule in catalog.totals:
        total = _numeric(values.get((total_rule.total, "")))
        parts = [_numeric(values.get((p, ""))) for p in total_rule.parts]
        if total is None or any(p is None for p in parts):
            continue
        # Start at 0.0: a rule without parts summed to the int 0, and int has no
        # is_integer() before Python 3.12 (AttributeError instead of the error message).
        parts_sum = sum((p for p in parts if p is not None), 0.0)
        if abs(parts_sum - total) > 1e-9:
            params = {
                "total": _fmt(values[(total_rule.total, "")]),
                "parts": _fmt(int(parts_sum) if parts_sum.is_integer() else parts_sum),
            }
            issue = Issue(
                ERROR, total_rule.code, total_rule.message_es.format(**params), total_rule.message_en.format(**params)
            )
            add((total_rule.total, ""), issue)
            for part in total_rule.parts:
                add((part, ""), issue)


def outlier_issue(
    variable: Variable, value: Scalar, history: Sequence[float], settings: OutlierSettings
) -> Issue | None:
    """Warn when ``value`` jumps against the same cell's earlier months.

    Uses the modified z-score (median and MAD, Iglewicz–Hoaglin) for
    variables marked ``mzscore``; falls back to the min–max band when the
    history has no spread, and uses the band directly for ``minmax``.
    """
    number = _numeric(value)
    if number is None or not variable.outlier:
        return None
    history = [h for h in history if h is not None]
    if variable.outlier == "mzscore" and len(history) >= settings.mzscore_min_history:
        median = _median(history)
        mad = _median(abs(h - median) for h in history)
        if mad > 0:
            score = 0.6745 * (number - median) / mad
            if abs(score) > settings.mzscore_threshold:
                return Issue(
                    WARNING,
                    "outlier_zscore",
                    f"Salto atípico frente a meses anteriores (mediana {_fmt(median)}, z = {score:.1f})",
                    f"Unusual jump against earlier months (median {_fmt(median)}, z = {score:.1f})",
                )
            return None
    if len(history) < settings.minmax_min_history:
        return None
    low, high = min(history), max(history)
    tolerance = settings.minmax_tolerance
    if number > high * (1 + tolerance) + 1 or number < low * (1 - tolerance) - 1:
        return Issue(
            WARNING,
            "outlier_range",
            f"Fuera del rango de meses anteriores ({_fmt(low)}–{_fmt(high)})",
            f"Outside the range of earlier months ({_fmt(low)}–{_fmt(high)})",
        )
    return None


def _median(values: Iterable[float]) -> float:
    # statistics.median would do, but importing statistics costs ~6 ms of cold start.
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def worst(issues: Sequence[Issue]) -> str | None:
    """The most severe level among ``issues`` (error > warning), or None."""
    if any(i.severity == ERROR for i in issues):
        return ERROR
    return WARNING if issues else None
