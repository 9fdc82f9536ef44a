"""Stored values aggregated over a window into cells: SUM variables add up, LAST ones take the latest."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import NamedTuple

from .catalog import Catalog, Variable
from .summary_figures import Exact
from .values import DataValue

Cell = tuple[str, str, str]  # (org unit, variable, option)


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


def to_readings(values: Iterable[DataValue | Reading]) -> list[Reading]:
    """``values`` as Readings, empty and deleted values left out."""
    # Rows from the database (the hot path) are already Readings: no copy, no per-row
    # check. A list holds one kind (a query's rows, or DataValues), so its first tells.
    if isinstance(values, list) and (not values or isinstance(values[0], tuple)):
        return values
    return [r for r in map(as_reading, values) if r is not None]


class Cells:
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
        # Each instance serves the indicators of one window: it aggregates only the
        # variables they read, never cells it will not be asked for.
        self._aggregate(_history(by_variable, window, wanted), cumulative)

    def _aggregate(self, history: Mapping[Cell, list[Reading]], cumulative: bool) -> None:
        """Fill :attr:`cells` and :attr:`behind` from each cell's readings in time order."""
        catalog = self.catalog
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


def _history(
    by_variable: Mapping[str, Mapping[str, Sequence[Reading]]], window: Sequence[str], wanted: set[str]
) -> dict[Cell, list[Reading]]:
    """The non-empty readings of each cell of the ``wanted`` variables, in the window's time order."""
    history: dict[Cell, list[Reading]] = {}
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
    return history


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
