"""Checking the cells of a value file: the rules of manual entry, duplicates, closed reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from app.models.facility import Facility
from app.models.messages import InputError
from app.models.values import UNCHANGED, DataValue, ValueChange
from app.services.entry.month_values import check_change
from app.services.files.value_file_rows import Cell
from app.services.files.value_staging import ErrorList
from app.services.workspace import Workspace
from app.storage import facilities_repo, reports_repo, values_repo
from app.storage.staging import Staging

Progress = Callable[[int, int], None]


def _differs(old: DataValue | None, change: ValueChange) -> bool:
    """Whether storing ``change`` would alter anything (the test apply_changes makes)."""
    current = (old.value, old.comment, old.provisional, old.follow_up) if old else (None, "", False, False)
    wanted: tuple[object, ...] = (change.value, change.comment, change.provisional, change.follow_up)
    return any(
        new is not None and new is not UNCHANGED and new != cur
        for new, cur in zip(wanted[1:], current[1:], strict=True)
    ) or (change.value is not UNCHANGED and change.value != current[0])


def check_cells(
    ws: Workspace,
    cells: Iterator[Cell],
    state_code: str | None,
    progress: Progress | None,
    size_hint: int,
    staging: Staging,
    errors: ErrorList,
) -> int:
    """Validate every cell, staging the good ones and counting every error; returns the cells read."""
    facilities = {f.clues: f for f in facilities_repo.list_facilities(ws.conn)}
    known = {clues: f.state_code for clues, f in facilities.items()}
    index = 0
    for index, cell in enumerate(cells, start=1):
        if progress and index % 500 == 0:
            progress(index, max(size_hint, index))
        change = _checked_change(ws, cell, facilities, known, state_code, errors)
        if change is None:
            continue
        other = staging.add(
            change, _state_of(ws, change.key.org_unit, known), cell.where, cell.row, cell.headers.get("value", "value")
        )
        if other is not None:
            _add_duplicate(errors, cell, change, other)
    if progress:
        progress(index, index)
    return index


def _checked_change(
    ws: Workspace,
    cell: Cell,
    facilities: dict[str, Facility],
    known: dict[str, str],
    state_code: str | None,
    errors: ErrorList,
) -> ValueChange | None:
    """The cell's change as manual entry would take it, or None with its error added to ``errors``."""
    if cell.problem is not None:
        problem, column = cell.problem, cell.problem_column
        errors.add(
            cell.where, cell.row, lambda: InputError("in_column", column=column, reason=problem) if column else problem
        )
        return None
    key = cell.change.key
    missing = next((f for f in ("org_unit", "period", "variable") if not getattr(key, f)), None)
    if missing:
        errors.add(
            cell.where,
            cell.row,
            lambda: cell.reason(InputError("required_field", field=cell.headers.get(missing, missing)), missing),
        )
        return None
    try:
        change = check_change(ws, cell.change, known, state_code)
    except InputError as exc:
        error = exc  # ``exc`` is unbound when the block ends; the message is made only if listed
        errors.add(cell.where, cell.row, lambda: cell.reason(error))
        return None
    fac = facilities.get(change.key.org_unit)
    if cell.template_sheet and fac is not None:
        catalog = ws.catalog
        ftype = catalog.facility_types[fac.type_code]
        if not catalog.variables[change.key.variable].applies(ftype.category):
            variable = change.key.variable
            errors.add(
                cell.where,
                cell.row,
                lambda: cell.reason(InputError("not_applicable", variable=variable, type=ftype.label_es)),
            )
            return None
    return change


def _add_duplicate(errors: ErrorList, cell: Cell, change: ValueChange, other: tuple[str, int]) -> None:
    """Both rows of a key given twice get an error naming the other."""
    label = " ".join(
        p for p in (change.key.org_unit, change.key.period, change.key.variable, change.key.disaggregation) if p
    )
    other_where, other_row = other
    same = other_where == cell.where
    where = other_row if same else f"{other_row} ({other_where})"
    back = cell.row if same else f"{cell.row} ({cell.where})"
    errors.add(cell.where, cell.row, lambda: InputError("duplicate_key", key=label, other_row=where))
    errors.add(other_where, other_row, lambda: InputError("duplicate_key", key=label, other_row=back))


def _state_of(ws: Workspace, org_unit: str, known: dict[str, str]) -> str:
    return org_unit if org_unit in ws.catalog.states else known[org_unit]


def mark_pending(ws: Workspace, staging: Staging, errors: ErrorList) -> int:
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
