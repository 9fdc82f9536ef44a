"""Values in files: long-format CSV/XLSX import and export, and the Excel template.

Every imported cell goes through :func:`app.services.entry.month_values.check_change`, the
same rules as typing in the grid. A file is all or nothing: every row error is
collected (the first 100 listed, all counted) and nothing is written; otherwise the
changes are stored in one transaction after a snapshot backup. Files are read as a
stream and checked changes wait in a temporary database, so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import groupby
from pathlib import Path

from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.report_details import parse_provisional
from app.models.values import UNCHANGED, DataValue, Scalar, ValueChange, ValueKey
from app.services.entry.month_values import check_change, load_month, org_unit_issues
from app.services.files import value_template
from app.services.files.backup import backup_now
from app.services.files.value_staging import ErrorList
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import facilities_repo, reports_repo, values_repo
from app.storage.files import output_error
from app.storage.staging import Staging
from app.storage.tabular import TableStream, open_table, write_table

LONG_COLUMNS = ["org_unit", "period", "variable", "disaggregation", "value", "comment"]
_REQUIRED = ("org_unit", "period", "variable", "value")
#: Optional columns read on import (an export does not write them).
_OPTIONAL = ("provisional",)
#: Spanish spellings accepted for the long-format headers (after lower-casing).
_HEADER_ALIASES = {
    "unidad": "org_unit",
    "clues": "org_unit",
    "periodo": "period",
    "desagregacion": "disaggregation",
    "desagregación": "disaggregation",
    "valor": "value",
    "comentario": "comment",
}
#: Which field an error from check_change is about, to name the column.
_FIELD_OF = {
    "unknown_clues": "org_unit",
    "state_mismatch": "org_unit",
    "state_level_variable": "org_unit",
    "facility_level_variable": "org_unit",
    "unknown_variable": "variable",
    "unknown_disaggregation": "disaggregation",
    "period_malformed": "period",
    "period_future": "period",
    "template_mismatch": "period",
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
    #: Why the row cannot be read (an Excel error, a formula without its value...), and the
    #: column it is in ("" for the whole row).
    problem: InputError | None = None
    problem_column: str = ""

    def reason(self, exc: InputError, field: str | None = None) -> InputError:
        """``exc`` naming the column it is about."""
        field = field or _FIELD_OF.get(exc.code, "value")
        return InputError("in_column", column=self.headers.get(field, field), reason=exc)


# -- reading ---------------------------------------------------------------------


def _long_headers(path: Path, found: list[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for header in found:
        key = header.strip().lower()
        key = _HEADER_ALIASES.get(key, key)
        if (key in LONG_COLUMNS or key in _OPTIONAL) and key not in headers:
            headers[key] = header
    missing = [c for c in _REQUIRED if c not in headers]
    if missing:
        raise InputError("missing_columns", path=path.name, columns=", ".join(missing))
    return headers


def _long_cells(path: Path, stream: TableStream, headers: dict[str, str]) -> Iterator[_Cell]:
    used = {"", *headers.values()}
    intern: dict[str, str] = {}  # one string object per distinct code: fewer, smaller rows
    for number, row, problems in stream.rows:
        org = row[headers["org_unit"]].strip()
        org = org.zfill(2) if org.isdigit() and len(org) <= 2 else org.upper()
        comment = row[headers["comment"]] if "comment" in headers else None
        parts = (
            org,
            row[headers["period"]].strip(),
            row[headers["variable"]].strip().lower(),
            row.get(headers.get("disaggregation", ""), "").strip().lower(),
        )
        key = ValueKey(*(intern.setdefault(p, p) for p in parts))
        problem = next(((c, p) for c, p in problems.items() if c in used), None)
        provisional = None
        if "provisional" in headers and problem is None:
            try:  # sí/no, 1/0, true/false; empty: the flag is left as it is
                provisional = parse_provisional(row[headers["provisional"]])
            except InputError as exc:
                problem = (headers["provisional"], exc)
        yield _Cell(
            ValueChange(key, row[headers["value"]], comment, provisional),
            path.name,
            number,
            headers,
            problem=problem[1] if problem else None,
            problem_column=problem[0] if problem else "",
        )


def _template_scope(
    ws: Workspace,
    path: Path,
    data: value_template.TemplateData,
    expected_state: str | None,
    expected_period: str | None,
) -> tuple[str, str]:
    state = ws.catalog.find_state(data.state_code)
    if state is None:
        raise InputError("unknown_state", state=data.state_code)
    period = parse_period(data.period)
    want_state = ws.catalog.state(expected_state).code if expected_state else state.code
    want_period = parse_period(expected_period, allow_future=True) if expected_period else period
    if (want_state, want_period) != (state.code, period):
        raise InputError(
            "template_mismatch",
            path=path.name,
            found=f"{state.name} {period}",
            expected=f"{ws.catalog.states[want_state].name} {want_period}",
        )
    return state.code, period


def _template_cells(path: Path, data: value_template.TemplateData, period: str) -> Iterator[_Cell]:
    for cell in data.cells:
        headers = {
            "org_unit": "CLUES",
            "period": value_template.META_SHEET,
            "variable": cell.header,
            "disaggregation": cell.header,
            "value": cell.header,
        }
        key = ValueKey(cell.org_unit, period, cell.variable, cell.option)
        yield _Cell(
            ValueChange(key, cell.value, provisional=cell.provisional),
            f"{path.name} (hoja «{cell.sheet}»)",
            cell.row,
            headers,
            template_sheet=cell.sheet != value_template.STATE_SHEET,
            problem=cell.problem,
            problem_column=cell.header,
        )


# -- checking --------------------------------------------------------------------


def _differs(old: DataValue | None, change: ValueChange) -> bool:
    """Whether storing ``change`` would alter anything (the test apply_changes makes)."""
    current = (old.value, old.comment, old.provisional, old.follow_up) if old else (None, "", False, False)
    wanted: tuple[object, ...] = (change.value, change.comment, change.provisional, change.follow_up)
    return any(
        new is not None and new is not UNCHANGED and new != cur
        for new, cur in zip(wanted[1:], current[1:], strict=True)
    ) or (change.value is not UNCHANGED and change.value != current[0])


def _check_cells(
    ws: Workspace,
    cells: Iterator[_Cell],
    state_code: str | None,
    progress: Progress | None,
    size_hint: int,
    staging: Staging,
    errors: ErrorList,
) -> int:
    """Validate every cell, staging the good ones and counting every error; returns the cells read."""
    catalog = ws.catalog
    facilities = {f.clues: f for f in facilities_repo.list_facilities(ws.conn)}
    known = {clues: f.state_code for clues, f in facilities.items()}
    index = 0
    for index, cell in enumerate(cells, start=1):
        if progress and index % 500 == 0:
            progress(index, max(size_hint, index))
        if cell.problem is not None:
            problem, column = cell.problem, cell.problem_column
            errors.add(
                cell.where,
                cell.row,
                lambda p=problem, c=column: (  # type: ignore[misc]  # a lambda binding loop values as defaults: mypy cannot infer it
                    InputError("in_column", column=c, reason=p) if c else p
                ),
            )
            continue
        key = cell.change.key
        missing = next((f for f in ("org_unit", "period", "variable") if not getattr(key, f)), None)
        if missing:
            errors.add(
                cell.where,
                cell.row,
                lambda c=cell, m=missing: c.reason(  # type: ignore[misc]  # a lambda binding loop values as defaults: mypy cannot infer it
                    InputError("required_field", field=c.headers.get(m, m)), m
                ),
            )
            continue
        try:
            change = check_change(ws, cell.change, known, state_code)
        except InputError as exc:
            errors.add(cell.where, cell.row, lambda c=cell, e=exc: c.reason(e))  # type: ignore[misc]  # a lambda binding loop values as defaults: mypy cannot infer it
            continue
        fac = facilities.get(change.key.org_unit)
        if cell.template_sheet and fac is not None:
            ftype = catalog.facility_types[fac.type_code]
            if not catalog.variables[change.key.variable].applies(ftype.category):
                errors.add(
                    cell.where,
                    cell.row,
                    lambda c=cell, v=change.key.variable, t=ftype.label_es: c.reason(  # type: ignore[misc]  # a lambda binding loop values as defaults: mypy cannot infer it
                        InputError("not_applicable", variable=v, type=t)
                    ),
                )
                continue
        other = staging.add(
            change, _state_of(ws, change.key.org_unit, known), cell.where, cell.row, cell.headers.get("value", "value")
        )
        if other is not None:
            label = " ".join(
                p for p in (change.key.org_unit, change.key.period, change.key.variable, change.key.disaggregation) if p
            )
            other_where, other_row = other
            same = other_where == cell.where
            where = other_row if same else f"{other_row} ({other_where})"
            back = cell.row if same else f"{cell.row} ({cell.where})"
            errors.add(
                cell.where,
                cell.row,
                # A lambda binding loop values as defaults: mypy cannot infer its type.
                lambda w=where, k=label: InputError("duplicate_key", key=k, other_row=w),  # type: ignore[misc]
            )
            errors.add(
                other_where,
                other_row,
                # A lambda binding loop values as defaults: mypy cannot infer its type.
                lambda b=back, k=label: InputError("duplicate_key", key=k, other_row=b),  # type: ignore[misc]
            )
    if progress:
        progress(index, index)
    return index


def _state_of(ws: Workspace, org_unit: str, known: dict[str, str]) -> str:
    return org_unit if org_unit in ws.catalog.states else known[org_unit]


def _mark_pending(ws: Workspace, staging: Staging, errors: ErrorList) -> int:
    """Flag the staged changes that alter a stored value; a closed report refuses them.

    Returns how many would be written.
    """
    status: dict[tuple[str, str], str] = {}
    pending = 0
    for batch in staging.batches():
        existing = values_repo.get_values(ws.conn, (s.change.key for s in batch))
        changed = [s for s in batch if _differs(existing.get(s.change.key), s.change)]
        for staged in changed:
            pair = (staged.state, staged.change.key.period)
            if pair in status:
                continue
            status[pair] = reports_repo.report_status(ws.conn, *pair)
            if status[pair] != "borrador":  # named once, on the first change it refuses
                errors.add(
                    staged.where,
                    staged.row,
                    lambda s=staged, p=pair: InputError(  # type: ignore[misc]  # a lambda binding loop values as defaults: mypy cannot infer it
                        "in_column",
                        column=s.column,
                        reason=InputError("report_closed", state=ws.catalog.states[p[0]].name, period=p[1]),
                    ),
                )
        staging.mark_pending([s.seq for s in changed])
        pending += len(changed)
    return pending


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

    Raises InputError for a bad file (missing, damaged, encrypted...), and
    InputError("rows_rejected") with one "row_error" detail per problem (unknown CLUES
    or variable, bad value, an Excel error or uncached formula in a cell, malformed or
    future period, duplicate key, closed report...), the first
    :data:`MAX_LISTED_ERRORS` listed and the rest counted, and writes nothing.
    ``expected_state``/``expected_period`` make a template of another month fail with
    "template_mismatch" (the GUI passes the month on screen). The file is read as a
    stream: memory stays bounded whatever its size.
    """
    path = Path(path)
    if not path.exists():
        raise InputError("file_missing", path=str(path))
    errors = ErrorList()
    with Staging() as staging:
        if value_template.is_template(path):
            with value_template.open_workbook(path) as data:
                scope, period = _template_scope(ws, path, data, expected_state, expected_period)
                rows = _check_cells(ws, _template_cells(path, data, period), scope, progress, 0, staging, errors)
        else:
            with open_table(path) as stream:
                headers = _long_headers(path, stream.headers)
                rows = _check_cells(
                    ws, _long_cells(path, stream, headers), None, progress, stream.size_hint, staging, errors
                )
            if not rows:
                raise InputError("file_empty", path=path.name)
        pending = _mark_pending(ws, staging, errors)
        errors.raise_if_any()
        written = imported = 0
        if pending:
            backup_now(ws, "antes_de_importar")
            now = now_iso()
            with write_transaction(ws):
                for batch in staging.batches(pending_only=True):
                    stored = values_repo.apply_changes(ws.conn, [s.change for s in batch], ws.user, "archivo", now)
                    written += len(stored)
                    imported += sum(1 for v in stored if v.version == 1)
        flagged = _count_flagged(ws, staging)
    return ValueImportResult(
        path=path, rows=rows, imported=imported, updated=written - imported, unchanged=rows - written, flagged=flagged
    )


def _count_flagged(ws: Workspace, staging: Staging) -> int:
    """Cells of the file that now carry a validation error or warning (as in the grid)."""
    flagged = 0
    for state, period in staging.months():
        month = load_month(ws, state, period)
        # One small view per org unit: MonthData.cell_values scans every value of the month.
        by_unit: dict[str, dict[ValueKey, DataValue]] = {}
        for key, value in month.values.items():
            by_unit.setdefault(key.org_unit, {})[key] = value
        categories = {f.clues: ws.catalog.facility_types[f.type_code].category for f in month.facilities}
        for org, cells in groupby(staging.cells_of(state, period), key=lambda c: c[0]):
            view = replace(month, facilities=[], values=by_unit.get(org, {}))
            issues = org_unit_issues(ws.catalog, view, org, None if org == state else categories.get(org))
            flagged += sum(1 for _, variable, option in cells if issues.get((variable, option)))
    return flagged


def _export_cell(value: Scalar) -> Scalar:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def export_values(ws: Workspace, path: Path, fmt: str, state_code: str | None = None, period: str | None = None) -> int:
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
        [v.key.org_unit, v.key.period, v.key.variable, v.key.disaggregation, _export_cell(v.value), v.comment]
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
        raise output_error(exc, path) from exc
    return path
