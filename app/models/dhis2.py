"""Values in DHIS2's exchange formats: ``dataValueSets`` JSON and ADX 1.0 XML.

Pure conversions (standard library only). Org units, data elements and category option
combos travel by CODE (``orgUnitIdScheme=CODE``): a facility is its CLUES, a state its
2-digit INEGI code, a data element the catalog variable code, and a value without
disaggregation uses the ``default`` combo. Periods are monthly as DHIS2 writes them
(``202302``); ADX writes them as ISO 8601 intervals (``2023-02-01/P1M``).

``parse_data_value_sets`` is the strict reader the sync import reuses: it checks the
shape only (types, required keys, period syntax) and leaves the business rules (known
CLUES, variable, value ranges) to the same validation as manual entry.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from .values import DataValue, Scalar

DEFAULT_DATA_SET = "COORDINA_MENSUAL"
DEFAULT_COMBO = "default"
ID_SCHEME = "CODE"
ADX_NAMESPACE = "urn:ihe:qrph:adx:2015"

_MONTHLY = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")
_ADX_MONTHLY = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])-01/P1M$")

SideObject = Callable[[DataValue], Mapping[str, Any]]

#: Keys a group and a data value may carry; anything else is rejected by the parser.
_GROUP_KEYS = {
    "dataSet",
    "period",
    "orgUnit",
    "dataValues",
    "completeDate",
    "orgUnitIdScheme",
    "dataElementIdScheme",
    "categoryOptionComboIdScheme",
}
_VALUE_KEYS = {
    "dataElement",
    "categoryOptionCombo",
    "value",
    "comment",
    "storedBy",
    "lastUpdated",
    "followup",
    "deleted",
    "coordina",
}


# -- periods -------------------------------------------------------------------------------


def period_to_adx(period: str) -> str:
    """``"202302"`` → ``"2023-02-01/P1M"``; raises ValueError for a non-monthly period."""
    match = _MONTHLY.match(str(period))
    if not match:
        raise ValueError(f"not a monthly DHIS2 period (YYYYMM): {period!r}")
    return f"{match.group(1)}-{match.group(2)}-01/P1M"


def period_from_adx(text: str) -> str:
    """``"2023-02-01/P1M"`` → ``"202302"``; raises ValueError for anything else."""
    match = _ADX_MONTHLY.match(str(text))
    if not match:
        raise ValueError(f"not a monthly ADX period (YYYY-MM-01/P1M): {text!r}")
    return match.group(1) + match.group(2)


# -- writing -------------------------------------------------------------------------------


def value_text(value: Scalar) -> str:
    """A stored value as DHIS2 writes it: always a string; "" for sin dato.

    Integral floats lose their ".0" ("35833", not "35833.0") because DHIS2 compares
    numbers as text when it decides whether a value changed.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"value is not a finite number: {value!r}")
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _data_value(value: DataValue, side: SideObject | None) -> dict[str, Any]:
    key = value.key
    item: dict[str, Any] = {
        "dataElement": key.variable,
        "categoryOptionCombo": key.disaggregation or DEFAULT_COMBO,
        "value": value_text(value.value),
        "comment": value.comment,
        "storedBy": value.updated_by,
        "lastUpdated": value.updated_at,
        "followup": bool(value.follow_up),
    }
    if value.deleted:
        item["deleted"] = True
    if side is not None:
        item["coordina"] = dict(side(value))
    return item


def data_value_sets(
    values: Iterable[DataValue], data_set: str = DEFAULT_DATA_SET, side: SideObject | None = None
) -> dict[str, Any]:
    """Values as ``{"dataValueSets": [group, ...]}``, one group per (org unit, period).

    Groups are sorted by org unit then period, values by data element then combo, so the
    same values always give the same JSON (packages are hashed). ``side`` maps a value to
    extra fields stored under ``"coordina"`` (the sync payload's uuid, version, ...).
    """
    groups: dict[tuple[str, str], list[DataValue]] = {}
    for value in values:
        groups.setdefault((value.key.org_unit, value.key.period), []).append(value)
    out = []
    for org_unit, period in sorted(groups):
        found = sorted(groups[(org_unit, period)], key=lambda v: (v.key.variable, v.key.disaggregation))
        out.append(
            {
                "dataSet": data_set,
                "period": period,
                "orgUnit": org_unit,
                "orgUnitIdScheme": ID_SCHEME,
                "dataElementIdScheme": ID_SCHEME,
                "categoryOptionComboIdScheme": ID_SCHEME,
                "dataValues": [_data_value(v, side) for v in found],
            }
        )
    return {"dataValueSets": out}


def adx_xml(values: Iterable[DataValue], data_set: str = DEFAULT_DATA_SET, exported: str | None = None) -> bytes:
    """Values as an ADX 1.0 document (UTF-8 bytes), one ``<group>`` per (org unit, period).

    A disaggregated value carries ``categoryOptionCombo``; a comment becomes the
    value's ``<annotation>``. ADX values are decimals, so a text value (a category such
    as "operando") has no ``value`` attribute and travels as the annotation instead, as
    DHIS2 does for non-numeric data elements (its comment is left out). ``exported``
    (ISO 8601) defaults to now, in UTC. Empty values ("sin dato") are left out: ADX has
    no way to say "no value".
    """
    ET.register_namespace("", ADX_NAMESPACE)
    ns = f"{{{ADX_NAMESPACE}}}"
    stamp = exported or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    root = ET.Element(f"{ns}adx", {"exported": stamp})
    groups: dict[tuple[str, str], list[DataValue]] = {}
    for value in values:
        if value.value is None or value.deleted:
            continue
        groups.setdefault((value.key.org_unit, value.key.period), []).append(value)
    for org_unit, period in sorted(groups):
        group = ET.SubElement(
            root, f"{ns}group", {"orgUnit": org_unit, "period": period_to_adx(period), "dataSet": data_set}
        )
        for value in sorted(groups[(org_unit, period)], key=lambda v: (v.key.variable, v.key.disaggregation)):
            attrs = {"dataElement": value.key.variable}
            if value.key.disaggregation:
                attrs["categoryOptionCombo"] = value.key.disaggregation
            numeric = not isinstance(value.value, str)
            if numeric:
                attrs["value"] = value_text(value.value)
            element = ET.SubElement(group, f"{ns}dataValue", attrs)
            note = value.comment if numeric else str(value.value)
            if note:
                ET.SubElement(element, f"{ns}annotation").text = note
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml


# -- reading -------------------------------------------------------------------------------


def _need(
    container: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str, required: bool = True
) -> Any:
    if key not in container:
        if required:
            raise ValueError(f"{where}: missing {key!r}")
        return None
    found = container[key]
    # bool is an int subclass: never accept it where a string or number is expected.
    if not isinstance(found, kind) or (isinstance(found, bool) and bool not in _as_tuple(kind)):
        names = "/".join(k.__name__ for k in _as_tuple(kind))
        raise ValueError(f"{where}.{key}: expected {names}, got {type(found).__name__}")
    return found


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _text(container: Mapping[str, Any], key: str, where: str, required: bool = True, blank: bool = False) -> str:
    found: str | None = _need(container, key, str, where, required)
    if found is None:
        return ""
    if not blank and not found.strip():
        raise ValueError(f"{where}.{key}: must not be empty")
    return found


#: The fields of a parsed row, in the order :func:`iter_data_value_rows` yields them.
ROW_FIELDS = (
    "org_unit",
    "period",
    "variable",
    "disaggregation",
    "value",
    "comment",
    "stored_by",
    "last_updated",
    "follow_up",
    "deleted",
    "data_set",
    "coordina",
)
#: One data value read from a payload, in :data:`ROW_FIELDS` order ("coordina" is the
#: side object or None).
ValueRow = tuple[str, str, str, str, str | None, str, str, str, bool, bool, str, dict[str, Any] | None]
_OPTIONAL_TEXT = ("comment", "storedBy", "lastUpdated")
_OPTIONAL_BOOL = ("followup", "deleted")


def parse_data_value_sets(doc: Any) -> list[dict[str, Any]]:
    """Flatten a ``{"dataValueSets": [...]}`` document into rows, checking its shape.

    Each row: ``org_unit, period, variable, disaggregation ("" for default), value
    (str, None when empty), comment, stored_by, last_updated, follow_up, deleted,
    data_set`` and ``coordina`` (the side object, or None). Raises ValueError naming the
    offending place, e.g. ``dataValueSets[2].dataValues[5].value: expected str, got int``.
    """
    return [dict(zip(ROW_FIELDS, row, strict=True)) for rows in iter_data_value_rows(doc) for row in rows]


def iter_data_value_rows(doc: Any, release: bool = False) -> Iterator[list[ValueRow]]:
    """The rows of each group in turn, as tuples in :data:`ROW_FIELDS` order.

    ``release`` drops each group from ``doc`` once read, so a large payload's parsed JSON is
    freed while its rows are built (an import holds one form at a time, not both).
    """
    if not isinstance(doc, Mapping):
        raise ValueError(f"document: expected an object, got {type(doc).__name__}")
    extra = set(doc) - {"dataValueSets"}
    if extra:
        raise ValueError(f"document: unexpected keys {sorted(extra)}")
    groups = _need(doc, "dataValueSets", list, "document")
    seen: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    for g in range(len(groups)):
        group = groups[g]
        if release:
            groups[g] = None
        where = f"dataValueSets[{g}]"
        if not isinstance(group, Mapping):
            raise ValueError(f"{where}: expected an object, got {type(group).__name__}")
        extra = set(group) - _GROUP_KEYS
        if extra:
            raise ValueError(f"{where}: unexpected keys {sorted(extra)}")
        for scheme in ("orgUnitIdScheme", "dataElementIdScheme", "categoryOptionComboIdScheme"):
            found = _need(group, scheme, str, where, required=False)
            if found is not None and found.upper() != ID_SCHEME:
                raise ValueError(f"{where}.{scheme}: only CODE is supported, got {found!r}")
        data_set = _text(group, "dataSet", where)
        period = _text(group, "period", where)
        if not _MONTHLY.match(period):
            raise ValueError(f"{where}.period: not a monthly period YYYYMM: {period!r}")
        org_unit = _text(group, "orgUnit", where)
        items = _need(group, "dataValues", list, where)
        out: list[ValueRow] = []
        for i, item in enumerate(items):
            row = _fast_row(item, org_unit, period, data_set)
            if row is None:  # something is off: the careful reader names it (and raises)
                row = _careful_row(item, f"{where}.dataValues[{i}]", org_unit, period, data_set)
            key = row[:4]
            if key in seen:
                before = "dataValueSets[{}].dataValues[{}]".format(*seen[key])
                raise ValueError(f"{where}.dataValues[{i}]: duplicate of {before} ({' '.join(p for p in key if p)})")
            seen[key] = (g, i)
            out.append(row)
        yield out


def _fast_row(item: Any, org_unit: str, period: str, data_set: str) -> ValueRow | None:
    """The row of a well-formed item, or None to let :func:`_careful_row` explain."""
    if type(item) is not dict or not item.keys() <= _VALUE_KEYS:
        return None
    variable, value = item.get("dataElement"), item.get("value")
    if type(variable) is not str or not variable.strip() or type(value) is not str:
        return None
    combo = item.get("categoryOptionCombo", DEFAULT_COMBO)
    if type(combo) is not str or not combo.strip():
        return None
    for name in _OPTIONAL_TEXT:
        if name in item and type(item[name]) is not str:
            return None
    for name in _OPTIONAL_BOOL:
        if name in item and type(item[name]) is not bool:
            return None
    side = item.get("coordina")
    if side is not None and type(side) is not dict:
        return None
    return (
        org_unit,
        period,
        variable,
        "" if combo == DEFAULT_COMBO else combo,
        value if value != "" else None,
        item.get("comment", ""),
        item.get("storedBy", ""),
        item.get("lastUpdated", ""),
        item.get("followup", False),
        item.get("deleted", False),
        data_set,
        side,
    )


def _careful_row(item: Any, at: str, org_unit: str, period: str, data_set: str) -> ValueRow:
    if not isinstance(item, Mapping):
        raise ValueError(f"{at}: expected an object, got {type(item).__name__}")
    extra = set(item) - _VALUE_KEYS
    if extra:
        raise ValueError(f"{at}: unexpected keys {sorted(extra)}")
    variable = _text(item, "dataElement", at)
    combo = _text(item, "categoryOptionCombo", at, required=False) or DEFAULT_COMBO
    value = _text(item, "value", at, blank=True)
    side = _need(item, "coordina", dict, at, required=False)
    return (
        org_unit,
        period,
        variable,
        "" if combo == DEFAULT_COMBO else combo,
        value if value != "" else None,
        _text(item, "comment", at, required=False, blank=True),
        _text(item, "storedBy", at, required=False, blank=True),
        _text(item, "lastUpdated", at, required=False, blank=True),
        bool(_need(item, "followup", bool, at, required=False)),
        bool(_need(item, "deleted", bool, at, required=False)),
        data_set,
        side,
    )
