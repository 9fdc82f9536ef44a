"""Values in files: long-format CSV/XLSX import and export, and the Excel template.

Every imported cell goes through :func:`app.services.entry.month_values.check_change`, the
same rules as typing in the grid. A file is all or nothing: every row error is
collected (the first 100 listed, all counted) and nothing is written; otherwise the
changes are stored in one transaction after a snapshot backup. Files are read as a
stream and checked changes wait in a temporary database, so memory stays bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import groupby
from pathlib import Path

from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.values import DataValue, Scalar, ValueKey
from app.services.entry.month_values import load_month, org_unit_issues
from app.services.files import value_template
from app.services.files.backup import backup_now
from app.services.files.value_file_checks import Progress, check_cells, mark_pending
from app.services.files.value_file_rows import LONG_COLUMNS as LONG_COLUMNS
from app.services.files.value_file_rows import long_cells, long_headers, template_cells, template_scope
from app.services.files.value_staging import ErrorList
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import facilities_repo, values_repo
from app.storage.files import output_error
from app.storage.staging import Staging
from app.storage.tabular import open_table, write_table


@dataclass
class ValueImportResult:
    """What an import did. ``flagged`` counts the file's cells with validation findings."""

    path: Path
    rows: int
    imported: int
    updated: int
    unchanged: int
    flagged: int


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
                scope, period = template_scope(ws, path, data, expected_state, expected_period)
                rows = check_cells(ws, template_cells(path, data, period), scope, progress, 0, staging, errors)
        else:
            with open_table(path) as stream:
                headers = long_headers(path, stream.headers)
                rows = check_cells(
                    ws, long_cells(path, stream, headers), None, progress, stream.size_hint, staging, errors
                )
            if not rows:
                raise InputError("file_empty", path=path.name)
        pending = mark_pending(ws, staging, errors)
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
