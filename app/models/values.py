"""Data values (DHIS2 style) and the parsing of what a person types into a cell."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .catalog import Variable
from .messages import InputError

#: Python type a stored value may take: int for counts and yes/no, float for
#: money and percentages, str for categories. ``None`` means "sin dato".
Scalar = int | float | str | None

_YES = {"1", "SI", "SÍ", "S", "YES", "Y", "TRUE", "VERDADERO", "X"}
_NO = {"0", "NO", "N", "FALSE", "FALSO"}


@dataclass(frozen=True, slots=True)
class ValueKey:
    """Where a value lives: org unit (CLUES or state code), period, variable, option."""

    org_unit: str
    period: str
    variable: str
    disaggregation: str = ""


@dataclass(slots=True)
class DataValue:
    """One stored value with its DHIS2-style metadata.

    Slots: imports and summaries hold hundreds of thousands of these at once.
    """

    key: ValueKey
    value: Scalar
    comment: str = ""
    provisional: bool = False
    follow_up: bool = False
    uuid: str = ""
    version: int = 0
    updated_at: str = ""
    updated_by: str = ""
    deleted: bool = False


@dataclass(frozen=True)
class ValueChange:
    """An edit requested by a person or a file: only the given fields change.

    ``value`` uses the sentinel :data:`UNCHANGED` when only the comment or a flag
    is edited; ``None`` clears the value back to "sin dato".
    """

    key: ValueKey
    value: Scalar | object = field(default=None)
    comment: str | None = None
    provisional: bool | None = None
    follow_up: bool | None = None


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged()


def apply_change(current: DataValue | None, change: ValueChange) -> DataValue:
    """A copy of ``current`` (or a blank value) with the fields ``change`` sets.

    Identity and bookkeeping (uuid, version, updated_at/by) are copied, not
    changed: storing the result is what bumps them.
    """
    if current is None:
        new = DataValue(change.key, None)
    else:
        new = DataValue(change.key, current.value, current.comment, current.provisional,
                        current.follow_up, current.uuid, current.version, current.updated_at,
                        current.updated_by, current.deleted)
    if change.value is not UNCHANGED:
        new.value = change.value  # type: ignore[assignment]
    if change.comment is not None:
        new.comment = change.comment
    if change.provisional is not None:
        new.provisional = change.provisional
    if change.follow_up is not None:
        new.follow_up = change.follow_up
    return new


_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")


def _clean_number_text(text: str) -> str:
    # People paste "35,833", "$53.4", "1 234" or "12 %" from Excel and slides.
    if text.isdigit():  # the common case (every value of a package): nothing to clean
        return text
    cleaned = text.replace("$", "").replace("%", "").replace("\u00a0", "").replace(" ", "")
    if _THOUSANDS.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    return cleaned


def parse_value(variable: Variable, raw: object) -> Scalar:
    """Turn typed or imported input into the stored value for ``variable``.

    Empty input returns None ("sin dato"). Raises InputError with a clear
    reason for text in a count, a negative count, a value outside the catalog
    bounds, an unknown category option or a non yes/no answer.
    """
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None
    if isinstance(raw, bool):
        raw = int(raw)
    text = str(raw).strip()
    if text == "":
        return None
    if variable.unit == "category":
        codes = {o.code: o for o in variable.options}
        for option in variable.options:
            if text.lower() in (option.code.lower(), option.label_es.lower(), option.label_en.lower()):
                return option.code
        raise InputError("not_an_option", value=text, options=", ".join(codes))
    if variable.unit == "yesno":
        upper = text.upper()
        if upper in _YES or upper in ("1.0",):
            return 1
        if upper in _NO or upper in ("0.0",):
            return 0
        raise InputError("not_yes_no", value=text)
    cleaned = _clean_number_text(text)
    try:
        number = float(cleaned)
    except ValueError:
        raise InputError("not_a_number", value=text) from None
    if not math.isfinite(number):
        raise InputError("not_a_number", value=text)
    if number < 0:
        raise InputError("negative", value=text)
    if variable.value_type == "integer":
        if number != int(number):
            raise InputError("not_an_integer", value=text)
        number = int(number)
    if variable.min_value is not None and number < variable.min_value:
        raise InputError("below_min", value=text, min=format_number(variable.min_value))
    if variable.max_value is not None and number > variable.max_value:
        raise InputError("above_max", value=text, max=format_number(variable.max_value))
    return number


def format_number(value: float | int, decimals: int | None = None) -> str:
    """es-MX number format: comma thousands, point decimals ("35,833", "53.4")."""
    if isinstance(value, float) and decimals is None:
        decimals = 0 if value.is_integer() else 2
    return f"{value:,.{decimals or 0}f}"


def display_value(variable: Variable, value: Scalar, lang: str = "es") -> str:
    """How a stored value reads in a cell ("" for sin dato)."""
    if value is None:
        return ""
    if variable.unit == "yesno":
        if lang == "en":
            return "Yes" if value else "No"
        return "Sí" if value else "No"
    if variable.unit == "category":
        for option in variable.options:
            if option.code == value:
                return option.label(lang)
        return str(value)
    if variable.unit == "money":
        return "$" + format_number(float(value), 2)
    if isinstance(value, float):
        return format_number(value)
    return format_number(int(value)) if isinstance(value, int) else str(value)
