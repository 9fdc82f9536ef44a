"""One typed change checked against the loaded month, before anything is queued."""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING

from app.models.catalog import Catalog
from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.values import UNCHANGED, ValueChange, ValueKey, parse_value

if TYPE_CHECKING:
    from app.services.entry.month_values import MonthData


def checked_change(catalog: Catalog, month: MonthData, facilities: Container[str], change: ValueChange) -> ValueChange:
    """``change`` normalised (period, parsed value), or InputError saying why it cannot be stored.

    Mirrors :func:`app.services.entry.month_values.check_change` against the month on screen
    (``facilities``: its CLUES) so the grid refuses a bad cell at once.
    """
    key = change.key
    variable = catalog.variables.get(key.variable)
    if variable is None:
        raise InputError("unknown_variable", variable=key.variable)
    if key.disaggregation not in catalog.option_codes(variable):
        raise InputError("unknown_disaggregation", option=key.disaggregation, variable=key.variable)
    period = parse_period(key.period)
    if period != month.period:
        raise ValueError(f"edit for {period} while {month.period} is loaded")
    if key.org_unit == month.state_code:
        if variable.level != "state":
            raise InputError("facility_level_variable", variable=variable.code)
    elif key.org_unit in facilities:
        if variable.level != "facility":
            raise InputError("state_level_variable", variable=variable.code)
    else:
        raise InputError("unknown_clues", clues=key.org_unit)
    value = change.value
    if value is not UNCHANGED:
        value = parse_value(variable, value)
    return ValueChange(
        ValueKey(key.org_unit, period, key.variable, key.disaggregation),
        value,
        change.comment,
        change.provisional,
        change.follow_up,
    )
