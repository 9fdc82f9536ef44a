"""One typed change checked against the loaded month, before anything is queued."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import TYPE_CHECKING

from app.models.periods import parse_period
from app.models.values import ValueChange
from app.services.entry.month_values import check_change_in

if TYPE_CHECKING:
    from app.models.catalog import Catalog
    from app.services.entry.month_values import MonthData


class _MonthUnits(Mapping[str, str]):
    """The month's facilities as the CLUES → state map the services' check reads, unbuilt."""

    def __init__(self, facilities: Collection[str], state_code: str) -> None:
        self._facilities, self._state = facilities, state_code

    def __getitem__(self, clues: str) -> str:
        if clues not in self._facilities:
            raise KeyError(clues)
        return self._state

    def __contains__(self, clues: object) -> bool:
        return clues in self._facilities

    def __iter__(self) -> Iterator[str]:
        return iter(self._facilities)

    def __len__(self) -> int:
        return len(self._facilities)


def checked_change(catalog: Catalog, month: MonthData, facilities: Collection[str], change: ValueChange) -> ValueChange:
    """``change`` normalised (period, parsed value), or InputError saying why it cannot be stored.

    The same rules as every other way in (:func:`app.services.entry.month_values.check_change_in`),
    against the month on screen (``facilities``: its CLUES), so the grid refuses a bad cell at once.
    """
    period = parse_period(change.key.period)
    if period != month.period:
        raise ValueError(f"edit for {period} while {month.period} is loaded")
    return check_change_in(catalog, change, _MonthUnits(facilities, month.state_code), month.state_code)
