"""Data values (DHIS2 style) and the parsing of what a person types into a cell."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .catalog import Variable
from .messages import InputError
from .messages import text as message_text

#: Python type a stored value may take: int for counts and yes/no, float for
#: money and percentages, str for categories. ``None`` means "sin dato".
Scalar = int | float | str | None

_YES = {"1", "SI", "SÍ", "S", "YES", "Y", "TRUE", "VERDADERO", "X"}
_NO = {"0", "NO", "N", "FALSE", "FALSO"}


class ValueKey(NamedTuple):
    """Where a value lives: org unit (CLUES or state code), period, variable, option.

    A NamedTuple rather than a frozen dataclass: a month is ~10,000 of these, built on
    every read and hashed on every grid lookup, and a tuple is built and hashed in C (half
    the time of the dataclass to build, a third to hash; issue 12). Only other ValueKeys
    are ever compared with one.
    """

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
        new = DataValue(
            change.key,
            current.value,
            current.comment,
            current.provisional,
            current.follow_up,
            current.uuid,
            current.version,
            current.updated_at,
            current.updated_by,
            current.deleted,
        )
    if change.value is not UNCHANGED:
        new.value = change.value  # type: ignore[assignment]
    if change.comment is not None:
        new.comment = change.comment
    if change.provisional is not None:
        new.provisional = change.provisional
    if change.follow_up is not None:
        new.follow_up = change.follow_up
    return new


#: Digits as a person writes them in Mexico: plain ASCII digits, optionally grouped in
#: threes with "," (es-MX thousands), then at most one "." and the fraction. Written with
#: [0-9], not \d: Python's \d, int() and float() also take Arabic-Indic, full-width and
#: mathematical digits, "1_000" and "1e-400", which are not what anyone meant to type.
_NUMBER = re.compile(r"(?P<int>[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.(?P<frac>[0-9]*))?|\.(?P<only>[0-9]+)")
#: At most this many digits after the point (money has centavos, percentages one or two
#: decimals): every accepted decimal is then 0 or at least 0.0001, so Python prints it
#: without an exponent and exports and sync packages read back exactly.
MAX_FRACTION_DIGITS = 4
#: A double holds every decimal of up to 15 significant digits exactly as written.
MAX_SIGNIFICANT_DIGITS = 15
_SHOWN = 40  # characters of a refused value quoted in a message


def _shown(text: str) -> str:
    """The refused text as quoted in a message: a hostile cell may hold a megabyte."""
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def number_text(raw: object) -> str:
    """A spreadsheet cell's number as the text it stands for ("12", "53.4", "0.00001").

    repr() is the shortest text that reads back as the same double; integral values lose
    their ".0" and tiny ones their exponent, so the text rules below apply to them too.
    """
    if isinstance(raw, float):
        if not math.isfinite(raw):
            return str(raw)
        if raw.is_integer() and abs(raw) < 1e15:
            return str(int(raw))
        text = repr(raw)
        if "e" in text:
            from decimal import Decimal  # rare: only very small or very large floats

            text = format(Decimal(text), "f")
        return text
    return str(raw)


def _parse_number(variable: Variable, text: str) -> int | float:
    """The number written in ``text`` for a count, money or percentage variable.

    Counts take digits with es-MX thousands ("35,833"); money may start with "$" and a
    percentage end with "%". Anything Python would read but a person did not write
    (exponents, underscores, non-ASCII digits, inf, nan) is not a number, and a decimal
    that a double would round is refused rather than stored changed.
    """
    body = text
    if variable.unit == "money" and body.startswith("$"):
        body = body[1:].lstrip()
    elif variable.unit == "percent" and body.endswith("%"):
        body = body[:-1].rstrip()
    negative = body.startswith("-")
    match = _NUMBER.fullmatch(body[1:] if negative else body)
    if match is None:
        raise InputError("not_a_number", value=_shown(text))
    if negative:
        raise InputError("negative", value=_shown(text))
    whole = (match.group("int") or "0").replace(",", "")
    fraction = (match.group("frac") or match.group("only") or "").rstrip("0")
    if len(whole.lstrip("0")) > MAX_SIGNIFICANT_DIGITS:
        # Beyond every catalog bound; and int() of over 4,300 digits raises.
        if variable.max_value is not None:
            raise InputError("above_max", value=_shown(text), max=format_number(variable.max_value))
        raise InputError("too_precise", value=_shown(text))
    if variable.value_type == "integer":
        if fraction:
            raise InputError("not_an_integer", value=_shown(text))
        return int(whole)
    significant = (whole + fraction).lstrip("0")
    if len(fraction) > MAX_FRACTION_DIGITS or len(significant) > MAX_SIGNIFICANT_DIGITS:
        raise InputError("too_precise", value=_shown(text))
    return float(f"{whole}.{fraction}" if fraction else whole)


def parse_value(variable: Variable, raw: object) -> Scalar:
    """Turn typed or imported input into the stored value for ``variable``.

    Empty input returns None ("sin dato"). Raises InputError with a clear
    reason for text in a count, a negative count, a value outside the catalog
    bounds, a decimal that would be stored rounded, an unknown category option
    or a non yes/no answer. Spreadsheet numbers (int, float) follow the rules
    of the text they stand for.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        raw = int(raw)
    text = number_text(raw).strip()
    if text == "":
        return None
    if variable.unit == "category":
        codes = {o.code: o for o in variable.options}
        for option in variable.options:
            if text.lower() in (option.code.lower(), option.label_es.lower(), option.label_en.lower()):
                return option.code
        raise InputError("not_an_option", value=_shown(text), options=", ".join(codes))
    if variable.unit == "yesno":
        upper = text.upper()
        if upper in _YES or upper in ("1.0",):
            return 1
        if upper in _NO or upper in ("0.0",):
            return 0
        raise InputError("not_yes_no", value=_shown(text))
    number = _parse_number(variable, text)
    if variable.min_value is not None and number < variable.min_value:
        raise InputError("below_min", value=_shown(text), min=format_number(variable.min_value))
    if variable.max_value is not None and number > variable.max_value:
        raise InputError("above_max", value=_shown(text), max=format_number(variable.max_value))
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
        return message_text("value_yes" if value else "value_no", lang)
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
