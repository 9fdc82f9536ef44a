"""Values in files: long-format CSV/XLSX import and export, and the Excel template.

Every imported cell goes through :func:`app.services.entry.check_change`, the
same rules as typing in the grid. A file is all or nothing: every row error is
collected and reported at once and nothing is written; otherwise the changes
are stored in one transaction after a snapshot backup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.values import UNCHANGED, DataValue, Scalar, ValueChange, ValueKey
from app.storage import facilities_repo, reports_repo, values_repo
from app.storage.database import translate_error
from app.storage.tabular import read_table, write_table

from . import value_template
from .backup import backup_now
from .entry import check_change, load_month, org_unit_issues
from .workspace import Workspace, now_iso, write_transaction

LONG_COLUMNS = ["org_unit", "period", "variable", "disaggregation", "value", "comment"]
_REQUIRED = ("org_unit", "period", "variable", "value")
#: Spanish spellings accepted for the long-format headers (after lower-casing).
_HEADER_ALIASES = {
    "unidad": "org_unit", "clues": "org_unit", "periodo": "period",
    "desagregacion": "disaggregation", "desagregación": "disaggregation",
    "valor": "value", "comentario": "comment",
}
#: Which field an error from check_change is about, to name the column.
_FIELD_OF = {
    "unknown_clues": "org_unit", "state_mismatch": "org_unit", "state_level_variable": "org_unit",
    "facility_level_variable": "org_unit", "unknown_variable": "variable",
    "unknown_disaggregation": "disaggregation", "period_malformed": "period",
    "period_future": "period", "template_mismatch": "period",
}
Progress = Callable[[int, int], None]


@dataclass
class ValueImportResult:
    """What an import did. ``flagged`` counts the file's cells with validation findings."""

    path: Path
    rows: int
    imported: int
    updated: int
    unchanged: int
    flagged: int


@dataclass(frozen=True)
class _Cell:
    """One requested change and where it came from (for error messages)."""

    change: ValueChange
    where: str  # file name, plus the sheet for templates
    row: int
    headers: dict[str, str]  # field (org_unit, period, variable, value...) -> column header
    template_sheet: bool = False

    def error(self, exc: InputError, field: str | None = None) -> InputError:
        field = field or _FIELD_OF.get(exc.code, "value")
        column = self.headers.get(field, field)
        return InputError("row_error", path=self.where, row=self.row,
                          reason=InputError("in_column", column=column, reason=exc))


# -- reading ---------------------------------------------------------------------


def _read_long(path: Path) -> list[_Cell]:
    table = read_table(path)
    headers: dict[str, str] = {}
    for header in table.headers:
        key = header.strip().lower()
        key = _HEADER_ALIASES.get(key, key)
        if key in LONG_COLUMNS and key not in headers:
            headers[key] = header
    missing = [c for c in _REQUIRED if c not in headers]
    if missing:
        raise InputError("missing_columns", path=path.name, columns=", ".join(missing))
    cells = []
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        org = row[headers["org_unit"]].strip()
        org = org.zfill(2) if org.isdigit() and len(org) <= 2 else org.upper()
        comment = row[headers["comment"]] if "comment" in headers else None
        key = ValueKey(org, row[headers["period"]].strip(), row[headers["variable"]].strip().lower(),
                       row.get(headers.get("disaggregation", ""), "").strip().lower())
        cells.append(_Cell(ValueChange(key, row[headers["value"]], comment), path.name, number, headers))
    return cells


def _read_template(ws: Workspace, path: Path, expected_state: str | None,
                   expected_period: str | None) -> tuple[list[_Cell], str]:
    data = value_template.read_workbook(path)
    state = ws.catalog.find_state(data.state_code)
    if state is None:
        raise InputError("unknown_state", state=data.state_code)
    period = parse_period(data.period)
    want_state = ws.catalog.state(expected_state).code if expected_state else state.code
    want_period = parse_period(expected_period, allow_future=True) if expected_period else period
    if (want_state, want_period) != (state.code, period):
        raise InputError("template_mismatch", path=path.name, found=f"{state.name} {period}",
                         expected=f"{ws.catalog.states[want_state].name} {want_period}")
    cells = []
    for cell in data.cells:
        headers = {"org_unit": "CLUES", "period": value_template.META_SHEET, "variable": cell.header,
                   "disaggregation": cell.header, "value": cell.header}
        key = ValueKey(cell.org_unit, period, cell.variable, cell.option)
        cells.append(_Cell(ValueChange(key, cell.value), f"{path.name} (hoja «{cell.sheet}»)",
                           cell.row, headers, template_sheet=cell.sheet != value_template.STATE_SHEET))
    return cells, state.code


# -- checking --------------------------------------------------------------------


def _differs(old: DataValue | None, change: ValueChange) -> bool:
    """Whether storing ``change`` would alter anything (the test apply_changes makes)."""
    current = (old.value, old.comment, old.provisional, old.follow_up) if old else (None, "", False, False)
    wanted = (change.value, change.comment, change.provisional, change.follow_up)
    return any(new is not None and new is not UNCHANGED and new != cur
               for new, cur in zip(wanted[1:], current[1:], strict=True)) or (
        change.value is not UNCHANGED and change.value != current[0])


def _check_cells(ws: Workspace, cells: list[_Cell], state_code: str | None,
                 progress: Progress | None) -> tuple[list[tuple[_Cell, ValueChange]], list[InputError]]:
    """Validate every cell (collecting all errors); returns the normalised changes."""
    catalog = ws.catalog
    facilities = {f.clues: f for f in facilities_repo.list_facilities(ws.conn)}
    known = {clues: f.state_code for clues, f in facilities.items()}
    errors: list[InputError] = []
    checked: list[tuple[_Cell, ValueChange]] = []
    seen: dict[ValueKey, _Cell] = {}
    total = len(cells)
    for index, cell in enumerate(cells, start=1):
        if progress and (index % 500 == 0 or index == total):
            progress(index, total)
        key = cell.change.key
        missing = next((f for f in ("org_unit", "period", "variable") if not getattr(key, f)), None)
        if missing:
            errors.append(cell.error(InputError("required_field", field=cell.headers.get(missing, missing)),
                                     missing))
            continue
        try:
            change = check_change(ws, cell.change, known, state_code)
        except InputError as exc:
            errors.append(cell.error(exc))
            continue
        fac = facilities.get(change.key.org_unit)
        if cell.template_sheet and fac is not None:
            ftype = catalog.facility_types[fac.type_code]
            if not catalog.variables[change.key.variable].applies(ftype.category):
                errors.append(cell.error(InputError("not_applicable", variable=change.key.variable,
                                                    type=ftype.label_es)))
                continue
        other = seen.get(change.key)
        if other is not None:
            label = " ".join(p for p in (change.key.org_unit, change.key.period, change.key.variable,
                                         change.key.disaggregation) if p)
            where = other.row if other.where == cell.where else f"{other.row} ({other.where})"
            back = cell.row if other.where == cell.where else f"{cell.row} ({cell.where})"
            errors.append(InputError("row_error", path=cell.where, row=cell.row,
                                     reason=InputError("duplicate_key", key=label, other_row=where)))
            errors.append(InputError("row_error", path=other.where, row=other.row,
                                     reason=InputError("duplicate_key", key=label, other_row=back)))
            continue
        seen[change.key] = cell
        checked.append((cell, change))
    return checked, errors


def _state_of(ws: Workspace, org_unit: str, known: dict[str, str]) -> str:
    return org_unit if org_unit in ws.catalog.states else known[org_unit]


# -- public API --------------------------------------------------------------------


def import_values(
    ws: Workspace,
    path: Path,
    progress: Progress | None = None,
    *,
    expected_state: str | None = None,
    expected_period: str | None = None,
) -> ValueImportResult:
    """Import a long-format CSV/XLSX or a filled template; all or nothing.

    Raises InputError for a bad file, and InputError("rows_rejected") with one
    "row_error" detail per problem (unknown CLUES or variable, bad value,
    malformed or future period, duplicate key, closed report...) and writes
    nothing. ``expected_state``/``expected_period`` make a template of another
    month fail with "template_mismatch" (the GUI passes the month on screen).
    """
    path = Path(path)
    if not path.exists():
        raise InputError("file_missing", path=str(path))
    scope: str | None = None
    if value_template.is_template(path):
        cells, scope = _read_template(ws, path, expected_state, expected_period)
    else:
        cells = _read_long(path)
    checked, errors = _check_cells(ws, cells, scope, progress)
    known = facilities_repo.existing_clues(ws.conn)
    existing = values_repo.get_values(ws.conn, (c.key for _, c in checked))
    pending = [(cell, c) for cell, c in checked if _differs(existing.get(c.key), c)]

    status_cache: dict[tuple[str, str], str] = {}
    for cell, change in pending:
        pair = (_state_of(ws, change.key.org_unit, known), change.key.period)
        if pair not in status_cache:
            status_cache[pair] = reports_repo.report_status(ws.conn, *pair)
            if status_cache[pair] != "borrador":
                errors.append(cell.error(InputError(
                    "report_closed", state=ws.catalog.states[pair[0]].name, period=pair[1])))
    if errors:
        rows = len({(e.params["path"], e.params["row"]) for e in errors})
        raise InputError("rows_rejected", details=errors, count=rows)

    changes = [c for _, c in pending]
    written: list[DataValue] = []
    if changes:
        backup_now(ws, "antes_de_importar")
        with write_transaction(ws):
            written = values_repo.apply_changes(ws.conn, changes, ws.user, "archivo", now_iso())
    imported = sum(1 for v in written if v.version == 1)
    flagged = _count_flagged(ws, [c for _, c in checked], known)
    return ValueImportResult(path=path, rows=len(cells), imported=imported,
                             updated=len(written) - imported,
                             unchanged=len(cells) - len(written), flagged=flagged)


def _count_flagged(ws: Workspace, changes: list[ValueChange], known: dict[str, str]) -> int:
    """Cells of the file that now carry a validation error or warning (as in the grid)."""
    months: dict[tuple[str, str], dict[str, set[tuple[str, str]]]] = {}
    for change in changes:
        k = change.key
        months.setdefault((_state_of(ws, k.org_unit, known), k.period), {}).setdefault(
            k.org_unit, set()).add((k.variable, k.disaggregation))
    flagged = 0
    for (state, period), keys in months.items():
        month = load_month(ws, state, period)
        # One small view per org unit: MonthData.cell_values scans every value of the month.
        by_unit: dict[str, dict[ValueKey, DataValue]] = {}
        for key, value in month.values.items():
            by_unit.setdefault(key.org_unit, {})[key] = value
        categories = {f.clues: ws.catalog.facility_types[f.type_code].category for f in month.facilities}
        for org, cells in keys.items():
            view = replace(month, facilities=[], values=by_unit.get(org, {}))
            issues = org_unit_issues(ws.catalog, view, org, None if org == state else categories.get(org))
            flagged += sum(1 for cell in cells if issues.get(cell))
    return flagged


def _export_cell(value: Scalar) -> Scalar:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def export_values(
    ws: Workspace, path: Path, fmt: str, state_code: str | None = None, period: str | None = None
) -> int:
    """Write stored values in the long format (CSV or XLSX); returns the rows written.

    The file imports back unchanged with :func:`import_values`.
    """
    path = Path(path)
    fmt = str(fmt).lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        raise InputError("export_format", fmt=fmt)
    if path.suffix.lower() != f".{fmt}":
        raise InputError("export_extension", path=path.name, fmt=fmt)
    state = ws.catalog.state(state_code).code if state_code else None
    month = parse_period(period, allow_future=True) if period else None
    rows = [
        [v.key.org_unit, v.key.period, v.key.variable, v.key.disaggregation,
         _export_cell(v.value), v.comment]
        for v in values_repo.all_values(ws.conn, state, month)
    ]
    write_table(path, LONG_COLUMNS, rows, sheet_name="valores")
    return len(rows)


def write_template(ws: Workspace, state_code: str, period: str, path: Path) -> Path:
    """Write the pre-filled Excel template of a state's month; returns ``path``.

    Empty cells mean "no change" when the template is imported back.
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError("file_extension", path=path.name, ext=path.suffix or "(sin extensión)")
    state = ws.catalog.state(state_code)
    month = parse_period(period)
    order = {"hospital": 0, "uneme": 1, "health_unit": 2, "mobile": 3, "support": 4}
    facilities = sorted(
        facilities_repo.list_facilities(ws.conn, state.code),
        key=lambda f: (order.get(ws.catalog.facility_types[f.type_code].category, 9), f.name, f.clues),
    )
    values = {
        (v.key.org_unit, v.key.variable, v.key.disaggregation): v.value
        for v in values_repo.values_for_state(ws.conn, state.code, [month])
    }
    try:
        value_template.write_workbook(ws.catalog, state.code, month, facilities, values, path)
    except OSError as exc:
        raise translate_error(exc, path) from exc
    return path
