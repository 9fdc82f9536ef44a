"""The loaded month, indexed so the grid and the form look cells up in O(1).

:class:`MonthIndex` holds no Qt: it is built on a worker thread right after a
month is read (issues and completeness of thousands of facilities take a
while), then owned by the UI thread, which keeps it current one org unit at a
time as the person types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.models.text import strip_accents
from app.models.validation import ERROR, Issue, worst
from app.models.values import DataValue
from app.services.entry.month_values import MonthData, org_unit_issues

CellKey = tuple[str, str]  # (variable code, disaggregation option)

#: Category used when a facility's type is missing from the catalog: the most
#: general one, so the person still sees and fills the common variables.
FALLBACK_CATEGORY = "health_unit"


@dataclass
class MonthIndex:
    """Values, issues and completeness of one state's month, keyed by org unit."""

    catalog: Catalog
    month: MonthData
    #: org unit → (variable, option) → value; every facility and the state has a dict,
    #: so references taken by the grid stay valid when a first value is typed.
    units: dict[str, dict[CellKey, DataValue]] = field(default_factory=dict)
    categories: dict[str, str | None] = field(default_factory=dict)
    facilities: dict[str, Facility] = field(default_factory=dict)
    issues: dict[str, dict[CellKey, list[Issue]]] = field(default_factory=dict)
    #: org unit → section → (filled, expected) applicable cells
    completeness: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    section_totals: dict[str, list[int]] = field(default_factory=dict)
    error_cells: int = 0
    warning_cells: int = 0
    #: clues → accent-free, case-folded "name clues": what the grid's search box matches,
    #: made here on the worker thread (on the UI thread it was a tenth of the time between
    #: the month arriving and the grid being usable).
    search_text: dict[str, str] = field(default_factory=dict)
    _unit_counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    _section_cells: dict[tuple[str, str], list[CellKey]] = field(default_factory=dict)

    # -- building -------------------------------------------------------------------
    @classmethod
    def build(cls, catalog: Catalog, month: MonthData, with_issues: bool = True) -> MonthIndex:
        """Index ``month``: group values by org unit, compute issues and completeness.

        ``with_issues`` False leaves the issues to :func:`unit_issues` and :meth:`set_issues`
        (the session checks the month once, when its outlier history is in).
        """
        index = cls(catalog, month)
        index.section_totals = {s.code: [0, 0] for s in catalog.sections}
        for fac in month.facilities:
            index.units[fac.clues] = {}
            index.facilities[fac.clues] = fac
            ftype = catalog.facility_types.get(fac.type_code)
            index.categories[fac.clues] = ftype.category if ftype else FALLBACK_CATEGORY
            index.search_text[fac.clues] = strip_accents(f"{fac.name} {fac.clues}").casefold()
        index.units[month.state_code] = {}
        index.categories[month.state_code] = None
        for key, value in month.values.items():
            unit = index.units.get(key.org_unit)
            if unit is not None:
                unit[(key.variable, key.disaggregation)] = value
        for org_unit in index.units:
            index._refresh(org_unit, with_issues)
        return index

    def snapshot(self) -> dict[str, dict[CellKey, DataValue]]:
        """A copy of every unit's cells, for :func:`unit_issues` on a worker thread."""
        return {unit: dict(cells) for unit, cells in self.units.items()}

    def set_issues(self, org_unit: str, found: dict[CellKey, list[Issue]]) -> None:
        """Take ``org_unit``'s issues as checked elsewhere (see :func:`unit_issues`)."""
        self.issues[org_unit] = found
        self._count(org_unit, found)

    # -- look-ups -------------------------------------------------------------------
    def value(self, org_unit: str, cell: CellKey) -> DataValue | None:
        unit = self.units.get(org_unit)
        return unit.get(cell) if unit is not None else None

    def cell_issues(self, org_unit: str, cell: CellKey) -> list[Issue]:
        unit = self.issues.get(org_unit)
        return unit.get(cell, []) if unit else []

    def section_cells(self, category: str, section: str) -> list[CellKey]:
        """Applicable (variable, option) cells of ``section`` for a facility category."""
        cached = self._section_cells.get((category, section))
        if cached is None:
            cached = [c.key for c in self.catalog.columns(section) if c.variable.applies(category)]
            self._section_cells[(category, section)] = cached
        return cached

    def unit_completeness(self, org_unit: str, section: str) -> tuple[int, int]:
        return self.completeness.get(org_unit, {}).get(section, (0, 0))

    # -- keeping current ------------------------------------------------------------
    def put(self, value: DataValue) -> None:
        """Store ``value`` locally (also in the MonthData other code reads)."""
        key = value.key
        unit = self.units.setdefault(key.org_unit, {})
        unit[(key.variable, key.disaggregation)] = value
        self.month.values[key] = value

    def refresh_units(self, org_units: Iterable[str]) -> None:
        """Recompute issues and completeness of the given org units after edits."""
        for org_unit in set(org_units):
            if org_unit in self.units:
                self._refresh(org_unit)

    def _refresh(self, org_unit: str, with_issues: bool = True) -> None:
        values = self.units[org_unit]
        category = self.categories.get(org_unit)
        if with_issues:
            found = _issues_of(self.catalog, self.month, org_unit, category, values)
            self.issues[org_unit] = found
            self._count(org_unit, found)
        if category is None:
            return  # the state's own variables do not count towards facility completeness
        old_sections = self.completeness.get(org_unit, {})
        new_sections: dict[str, tuple[int, int]] = {}
        for section in self.section_totals:
            cells = self.section_cells(category, section)
            filled = 0
            for cell in cells:
                stored = values.get(cell)
                if stored is not None and stored.value is not None:
                    filled += 1
            new_sections[section] = (filled, len(cells))
            before = old_sections.get(section, (0, 0))
            totals = self.section_totals[section]
            totals[0] += filled - before[0]
            totals[1] += len(cells) - before[1]
        self.completeness[org_unit] = new_sections

    def _count(self, org_unit: str, found: dict[CellKey, list[Issue]]) -> None:
        errors = sum(1 for issues in found.values() if worst(issues) == ERROR)
        counts = (errors, len(found) - errors)
        old = self._unit_counts.get(org_unit, (0, 0))
        self.error_cells += counts[0] - old[0]
        self.warning_cells += counts[1] - old[1]
        self._unit_counts[org_unit] = counts


def _issues_of(
    catalog: Catalog, month: MonthData, org_unit: str, category: str | None, values: dict[CellKey, DataValue]
) -> dict[CellKey, list[Issue]]:
    # org_unit_issues reads only this unit's values, so a one-unit MonthData keeps it
    # O(cells of the unit) instead of O(cells of the month).
    single = MonthData(
        month.state_code, month.period, month.status, [], {v.key: v for v in values.values()}, month.history
    )
    return org_unit_issues(catalog, single, org_unit, category)


def unit_issues(
    catalog: Catalog, month: MonthData, categories: dict[str, str | None], units: dict[str, dict[CellKey, DataValue]]
) -> dict[str, dict[CellKey, list[Issue]]]:
    """The issues of every unit in ``units`` (a :meth:`MonthIndex.snapshot`); no Qt, for a
    worker thread."""
    return {unit: _issues_of(catalog, month, unit, categories.get(unit), values) for unit, values in units.items()}
