"""Indicator formulas (sums, means and unit counts) evaluated for one state over aggregated cells."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from .catalog import Catalog, Indicator, State, Variable
from .facility import Facility
from .summary_cells import Cells
from .summary_figures import Exact, Figure, _half_up, ratio_value


class Evaluator:
    """Evaluates indicator formulas for one state over aggregated cells."""

    def __init__(self, catalog: Catalog, state: State, facilities: Sequence[Facility], cells: Cells):
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
