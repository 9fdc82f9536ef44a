"""Monthly report entry: load a state's month, record edits, validate, complete."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.models.catalog import Catalog, Column
from app.models.facility import Facility
from app.models.messages import InputError
from app.models.periods import parse_period, previous_periods
from app.models.validation import Issue, outlier_issue, record_issues
from app.models.values import UNCHANGED, DataValue, Scalar, ValueChange, ValueKey, parse_value
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import changelog, facilities_repo, reports_repo, values_repo

CellKey = tuple[str, str, str]  # (org unit, variable, option)


@dataclass
class MonthData:
    """Everything the grid needs for one state and month, read in one go."""

    state_code: str
    period: str
    status: str
    facilities: list[Facility]
    values: dict[ValueKey, DataValue]
    history: dict[tuple[str, str, str], list[float]] = field(default_factory=dict)

    def value(self, org_unit: str, variable: str, option: str = "") -> Scalar:
        found = self.values.get(ValueKey(org_unit, self.period, variable, option))
        return found.value if found else None

    def cell_values(self, org_unit: str) -> dict[tuple[str, str], Scalar]:
        """(variable, option) → value for one org unit this month."""
        return {
            (k.variable, k.disaggregation): v.value
            for k, v in self.values.items()
            if k.org_unit == org_unit and v.value is not None
        }


def load_month(
    ws: Workspace, state_code: str, period: str, with_history: bool = True, with_metadata: bool = True
) -> MonthData:
    """Facilities, values, status and (optionally) outlier history of a state's month.

    ``with_metadata`` False reads the values without their uuid, version and who/when
    (:func:`app.storage.values_repo.month_cells`), as the entry grid does.
    """
    state = ws.catalog.state(state_code)
    period = parse_period(period, allow_future=True)
    facilities = facilities_repo.list_facilities(ws.conn, state.code)
    current = (
        values_repo.values_for_state(ws.conn, state.code, [period])
        if with_metadata
        else values_repo.month_cells(ws.conn, state.code, period)
    )
    history = outlier_history(ws, state.code, period) if with_history else {}
    return MonthData(
        state_code=state.code,
        period=period,
        status=reports_repo.report_status(ws.conn, state.code, period),
        facilities=facilities,
        values={v.key: v for v in current},
        history=history,
    )


def outlier_history(ws: Workspace, state_code: str, period: str) -> dict[tuple[str, str, str], list[float]]:
    """The earlier months' numbers the outlier check compares a state's ``period`` with."""
    return values_repo.history_values(ws.conn, state_code, previous_periods(period, ws.catalog.outliers.history_months))


def org_unit_issues(
    catalog: Catalog,
    month: MonthData,
    org_unit: str,
    category: str | None,
    values: dict[tuple[str, str], Scalar] | None = None,
) -> dict[tuple[str, str], list[Issue]]:
    """Validation findings for one org unit (facility, or the state when category is None).

    ``values`` may be passed when the caller already grouped the month by org unit.
    """
    if values is None:
        values = month.cell_values(org_unit)
    level = "state" if category is None else "facility"
    issues = record_issues(catalog, values, category, level)
    if not month.history:
        return issues  # no earlier months (or not read yet): nothing can be an outlier
    for (var_code, option), value in values.items():
        variable = catalog.variables.get(var_code)
        if variable is None:
            continue
        found = outlier_issue(variable, value, month.history.get((org_unit, var_code, option), []), catalog.outliers)
        if found:
            issues.setdefault((var_code, option), []).append(found)
    return issues


def month_issues(catalog: Catalog, month: MonthData) -> dict[CellKey, list[Issue]]:
    """Validation findings for every org unit of the month."""
    # Group once: scanning the month's values per facility would be quadratic.
    by_unit: dict[str, dict[tuple[str, str], Scalar]] = {}
    for key, stored in month.values.items():
        if stored.value is not None:
            by_unit.setdefault(key.org_unit, {})[(key.variable, key.disaggregation)] = stored.value
    out: dict[CellKey, list[Issue]] = {}
    for fac in month.facilities:
        category = catalog.facility_types[fac.type_code].category
        found_by_cell = org_unit_issues(catalog, month, fac.clues, category, by_unit.get(fac.clues, {}))
        for (var_code, option), found in found_by_cell.items():
            out[(fac.clues, var_code, option)] = found
    state_found = org_unit_issues(catalog, month, month.state_code, None, by_unit.get(month.state_code, {}))
    for (var_code, option), found in state_found.items():
        out[(month.state_code, var_code, option)] = found
    return out


def applicable_columns(catalog: Catalog, facility: Facility, section: str | None = None) -> list[Column]:
    category = catalog.facility_types[facility.type_code].category
    return [c for c in catalog.columns(section) if c.variable.applies(category)]


def completeness(catalog: Catalog, month: MonthData, facility: Facility, section: str | None = None) -> tuple[int, int]:
    """(filled, expected) applicable cells of one facility in a section (or all)."""
    cols = applicable_columns(catalog, facility, section)
    filled = sum(1 for c in cols if month.value(facility.clues, *c.key) is not None)
    return filled, len(cols)


def check_change(
    ws: Workspace, change: ValueChange, known_units: dict[str, str], state_code: str | None = None
) -> ValueChange:
    """Validate one change with the same rules as manual entry; returns it normalised.

    ``known_units`` maps every CLUES to its state. Raises InputError naming the problem.
    """
    return check_change_in(ws.catalog, change, known_units, state_code)


def check_change_in(
    catalog: Catalog, change: ValueChange, known_units: Mapping[str, str], state_code: str | None = None
) -> ValueChange:
    """:func:`check_change` against a catalog alone (no workspace: usable in a helper process)."""
    key = change.key
    variable = catalog.variables.get(key.variable)
    if variable is None:
        raise InputError("unknown_variable", variable=key.variable)
    if key.disaggregation not in catalog.option_codes(variable):
        raise InputError("unknown_disaggregation", option=key.disaggregation, variable=key.variable)
    period = parse_period(key.period)
    is_state = key.org_unit in catalog.states
    if is_state:
        if variable.level != "state":
            raise InputError("facility_level_variable", variable=variable.code)
    else:
        if key.org_unit not in known_units:
            raise InputError("unknown_clues", clues=key.org_unit)
        if variable.level != "facility":
            raise InputError("state_level_variable", variable=variable.code)
    unit_state = key.org_unit if is_state else known_units[key.org_unit]
    if state_code and unit_state != state_code:
        raise InputError("state_mismatch", clues=key.org_unit, state=catalog.states[state_code].name)
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


def record_changes(ws: Workspace, changes: Sequence[ValueChange], source: str = "manual") -> list[DataValue]:
    """Validate and store edits in ONE transaction with their change-log rows.

    Refuses the whole batch (writing nothing) if any change is invalid or
    touches a closed report.
    """
    known = facilities_repo.existing_clues(ws.conn)
    checked = [check_change(ws, c, known) for c in changes]
    _refuse_closed(ws, checked, known)
    with write_transaction(ws):
        return values_repo.apply_changes(ws.conn, checked, ws.user, source, now_iso())


def _refuse_closed(ws: Workspace, changes: Sequence[ValueChange], known: dict[str, str]) -> None:
    seen: set[tuple[str, str]] = set()
    for change in changes:
        state = change.key.org_unit if change.key.org_unit in ws.catalog.states else known[change.key.org_unit]
        pair = (state, change.key.period)
        if pair in seen:
            continue
        seen.add(pair)
        if reports_repo.report_status(ws.conn, *pair) != "borrador":
            raise InputError("report_closed", state=ws.catalog.states[state].name, period=pair[1])


def verify_history(ws: Workspace) -> int | None:
    """Id of the first change-log row that was altered outside the app, or None if intact."""
    return changelog.verify_chain(ws.conn)


def verify_history_at(db_path: Path) -> int | None:
    """:func:`verify_history` on a read connection of its own (WAL: writers are not held up).

    The check reads the whole log (seconds on a big one), so the GUI runs it in the thread
    pool and the database thread keeps storing edits meanwhile.
    """
    from app.storage.database import connect

    db = connect(db_path, run_migrations=False)
    try:
        return changelog.verify_chain(db.conn)
    finally:
        db.close()


def cell_history(ws: Workspace, key: ValueKey) -> list[changelog.LogEntry]:
    """The change log of one cell, oldest first."""
    return changelog.cell_history(ws.conn, key.org_unit, key.period, key.variable, key.disaggregation)
