"""Reading value files: long-format headers and rows, and filled templates, as cells to check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.report_details import parse_provisional
from app.models.values import ValueChange, ValueKey
from app.services.files import value_template
from app.services.workspace import Workspace
from app.storage.tabular import TableStream

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


@dataclass(frozen=True)
class Cell:
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


def long_headers(path: Path, found: list[str]) -> dict[str, str]:
    """Field → the file's header for it (Spanish spellings accepted); InputError if one is missing."""
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


def long_cells(path: Path, stream: TableStream, headers: dict[str, str]) -> Iterator[Cell]:
    """The long-format rows as cells, codes normalised; an unreadable cell is kept as the problem."""
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
        yield Cell(
            ValueChange(key, row[headers["value"]], comment, provisional),
            path.name,
            number,
            headers,
            problem=problem[1] if problem else None,
            problem_column=problem[0] if problem else "",
        )


def template_scope(
    ws: Workspace,
    path: Path,
    data: value_template.TemplateData,
    expected_state: str | None,
    expected_period: str | None,
) -> tuple[str, str]:
    """(state, period) of a template, refused with "template_mismatch" if not the expected ones."""
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


def template_cells(path: Path, data: value_template.TemplateData, period: str) -> Iterator[Cell]:
    """The filled cells of a template's sheets, as cells to check."""
    for cell in data.cells:
        headers = {
            "org_unit": "CLUES",
            "period": value_template.META_SHEET,
            "variable": cell.header,
            "disaggregation": cell.header,
            "value": cell.header,
        }
        key = ValueKey(cell.org_unit, period, cell.variable, cell.option)
        yield Cell(
            ValueChange(key, cell.value, provisional=cell.provisional),
            f"{path.name} (hoja «{cell.sheet}»)",
            cell.row,
            headers,
            template_sheet=cell.sheet != value_template.STATE_SHEET,
            problem=cell.problem,
            problem_column=cell.header,
        )
