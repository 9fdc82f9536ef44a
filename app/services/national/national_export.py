"""The national export: every state's stored values as CSV, XLSX, DHIS2 JSON or ADX XML.

Facility-level and state-level values, each row with its state, optionally narrowed to
one state and/or one month. The output folder is checked before any work and the file
is written whole or not at all (temporary file, fsync, rename).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.models.dhis2 import DEFAULT_DATA_SET, adx_xml, data_value_sets
from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.values import DataValue
from app.services.workspace import Workspace
from app.storage import facilities_repo, files, values_repo
from app.storage.tabular import table_bytes

Progress = Callable[[int, int], None]

#: Format → file extension the output must have.
FORMATS = {"csv": ".csv", "xlsx": ".xlsx", "dhis2": ".json", "adx": ".xml"}
COLUMNS = [
    "state_code",
    "state",
    "org_unit",
    "org_unit_name",
    "level",
    "period",
    "variable",
    "disaggregation",
    "value",
    "comment",
    "provisional",
    "follow_up",
    "updated_at",
    "updated_by",
]
_STEP = 2000  # progress after this many values


def check_target(fmt: str, out: Path) -> str:
    """The normalised format; InputError for an unknown format or a mismatched extension."""
    key = str(fmt or "").strip().lower().lstrip(".")
    if key not in FORMATS:
        raise InputError("national_export_format", fmt=fmt)
    if Path(out).suffix.lower() != FORMATS[key]:
        raise InputError("national_export_extension", path=Path(out).name, fmt=key, ext=FORMATS[key])
    return key


def _cell(value: object) -> object:
    # Integral floats read back as integers in Excel and pandas ("35833", not "35833.0").
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _rows(ws: Workspace, values: list[DataValue], progress: Progress | None) -> list[list[object]]:
    units = facilities_repo.units_by_clues(ws.conn)
    states = ws.catalog.states
    rows: list[list[object]] = []
    total = len(values)
    for index, value in enumerate(values, start=1):
        key = value.key
        if key.org_unit in states:
            state_code, unit_name, level = key.org_unit, states[key.org_unit].name, "state"
        else:
            state_code, unit_name = units.get(key.org_unit, ("", ""))
            level = "facility"
        state_name = states[state_code].name if state_code in states else ""
        rows.append(
            [
                state_code,
                state_name,
                key.org_unit,
                unit_name,
                level,
                key.period,
                key.variable,
                key.disaggregation,
                _cell(value.value),
                value.comment,
                int(value.provisional),
                int(value.follow_up),
                value.updated_at,
                value.updated_by,
            ]
        )
        if progress and index % _STEP == 0:
            progress(index, total)
    return rows


def export_national(
    ws: Workspace,
    fmt: str,
    out: Path,
    state: str | None = None,
    period: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the stored values (of every state, or of ``state``) to ``out``; returns the rows.

    ``fmt``: "csv" or "xlsx" (one row per value with its state), "dhis2" (a
    ``dataValueSets`` JSON, org units by CODE) or "adx" (ADX 1.0 XML). ``out`` must end in
    the format's extension (.csv, .xlsx, .json, .xml). Raises InputError for an unknown
    format, state or malformed period, or an unwritable destination (nothing is written).
    ADX leaves out empty values, so its count may be lower than the other formats'.
    """
    out = Path(out)
    key = check_target(fmt, out)
    state_code = ws.catalog.state(state).code if state else None
    month = parse_period(period, allow_future=True) if period else None
    files.check_writable_dir(out.parent)
    values = values_repo.all_values(ws.conn, state_code, month)
    total = len(values)
    if progress:
        progress(0, total)
    if key in ("csv", "xlsx"):
        rows = _rows(ws, values, progress)
        data = table_bytes(COLUMNS, rows, FORMATS[key], sheet_name="valores")
        count = len(rows)
    elif key == "dhis2":
        doc = data_value_sets(values, DEFAULT_DATA_SET)
        data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        count = total
    else:
        kept = [v for v in values if v.value is not None]
        data = adx_xml(kept, DEFAULT_DATA_SET)
        count = len(kept)
    files.write_bytes_atomic(out, data)
    if progress:
        progress(total, total)
    return count
