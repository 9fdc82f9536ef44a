"""Consolidation at headquarters: who reported what and when, and the national figures.

- :func:`completeness_matrix`: states × the 12 months of a year, each cell "missing",
  "received", "on_time" or "late", flagged when conflicts wait for review;
- :func:`national_table` / :func:`national_summary`: every state's summary and the
  country's (the states' parts added up, see :mod:`app.models.national`);
- :func:`figure_by_state`: one figure across the states, for a chart;
- :func:`facilities_behind`: drill-down from a figure to the facilities behind it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.models.catalog import State
from app.models.facility import Facility
from app.models.national import NATIONAL_CODE, NATIONAL_NAME, combine_summaries
from app.models.periods import parse_period, period_end, shift, year_to_date
from app.models.summary import Figure, StateSummary, compute_summary
from app.services.summary.month_summary import state_summary, summary_facilities
from app.services.workspace import Workspace
from app.storage import conflicts_repo, facilities_repo, national_repo

STATUSES = ("missing", "received", "on_time", "late")
DEFAULT_DEADLINE_DAY = 10


@dataclass(frozen=True)
class MatrixCell:
    """One state's month at HQ.

    ``status``: "on_time"/"late" when a data package covering the month arrived (by
    its first import); "received" when values are present without any package (typed
    at HQ or imported from a file); "missing" otherwise. ``due`` is False until the
    deadline has passed, so a month not yet due can be shown apart from a missing one.
    """

    state_code: str
    period: str
    status: str
    flagged: bool
    values: int
    facilities_reporting: int
    facilities: int
    packages: int
    first_import: str | None
    open_conflicts: int
    deadline: dt.date
    due: bool


@dataclass(frozen=True)
class Matrix:
    """The completeness matrix of a year: ``cells[(state_code, period)]``."""

    year: int
    deadline_day: int
    periods: tuple[str, ...]
    states: tuple[State, ...]
    cells: dict[tuple[str, str], MatrixCell] = field(default_factory=dict)

    def cell(self, state_code: str, period: str) -> MatrixCell:
        """The cell of one state's month (KeyError outside the matrix)."""
        return self.cells[(state_code, period)]

    def row(self, state_code: str) -> list[MatrixCell]:
        """One state's 12 months, January first."""
        return [self.cells[(state_code, p)] for p in self.periods]

    def counts(self, period: str | None = None) -> dict[str, int]:
        """How many cells have each status (and "flagged"), for one month or the year."""
        out = dict.fromkeys((*STATUSES, "flagged"), 0)
        for (_, month), cell in self.cells.items():
            if period is None or month == period:
                out[cell.status] += 1
                out["flagged"] += cell.flagged
        return out


def deadline_for(period: str, deadline_day: int = DEFAULT_DEADLINE_DAY) -> dt.date:
    """Day ``deadline_day`` of the month after ``period`` (the month's last day at most)."""
    nxt = shift(period, 1)
    return dt.date(int(nxt[:4]), int(nxt[4:]), min(deadline_day, period_end(nxt).day))


def present_states(ws: Workspace) -> list[State]:
    """States present in the database (facilities, state-level values or packages), by code."""
    codes = national_repo.present_state_codes(ws.conn, list(ws.catalog.states))
    return [ws.catalog.states[c] for c in sorted(codes) if c in ws.catalog.states]


def _package_imports(ws: Workspace, periods: set[str]) -> dict[tuple[str, str], list[str]]:
    """(state, period) → imported_at of every data package that carried the period."""
    found: dict[tuple[str, str], list[str]] = {}
    for state_code, periods_json, imported_at in national_repo.data_arrivals(ws.conn):
        try:
            carried = json.loads(periods_json or "[]")
        except ValueError:
            continue  # an unreadable list cannot prove delivery; the values still count
        if not isinstance(carried, list):
            continue
        for period in {str(p) for p in carried} & periods:
            found.setdefault((state_code, period), []).append(imported_at)
    return found


def completeness_matrix(
    ws: Workspace, year: int, deadline_day: int = DEFAULT_DEADLINE_DAY, today: dt.date | None = None
) -> Matrix:
    """States present in the database × the 12 months of ``year``.

    A package is on time when its first import is on or before ``deadline_day`` of the
    following month (the date written in ``imported_at``). ``flagged`` when unresolved
    conflicts exist for the state and month. Counts are non-empty values (facilities'
    and the state's) and facilities with at least one value.
    """
    if not 2000 <= int(year) <= 2100:
        parse_period(f"{year}01")  # raises the usual "period_malformed" message
    if not 1 <= deadline_day <= 31:
        raise ValueError(f"deadline_day must be 1..31, not {deadline_day}")
    today = today or dt.date.today()
    periods = tuple(f"{int(year):04d}{m:02d}" for m in range(1, 13))
    states = present_states(ws)
    first, last = periods[0], periods[-1]
    counts: dict[tuple[str, str], list[int]] = {}
    for state_code, period, values, units in national_repo.facility_counts(ws.conn, first, last):
        counts[(state_code, period)] = [values, units]
    for state_code, period, values in national_repo.state_level_counts(ws.conn, first, last, list(ws.catalog.states)):
        counts.setdefault((state_code, period), [0, 0])[0] += values
    registered = facilities_repo.count_by_state(ws.conn)
    conflicts = conflicts_repo.open_by_state_period(ws.conn, first, last)
    imports = _package_imports(ws, set(periods))
    cells: dict[tuple[str, str], MatrixCell] = {}
    for state in states:
        for period in periods:
            key = (state.code, period)
            values, units = counts.get(key, (0, 0))
            arrived = sorted(imports.get(key, []))
            deadline = deadline_for(period, deadline_day)
            if arrived:
                status = "on_time" if arrived[0][:10] <= deadline.isoformat() else "late"
            else:
                status = "received" if values else "missing"
            cells[key] = MatrixCell(
                state_code=state.code,
                period=period,
                status=status,
                flagged=key in conflicts,
                values=values,
                facilities_reporting=units,
                facilities=registered.get(state.code, 0),
                packages=len(arrived),
                first_import=arrived[0] if arrived else None,
                open_conflicts=conflicts.get(key, 0),
                deadline=deadline,
                due=today > deadline,
            )
    return Matrix(int(year), deadline_day, periods, tuple(states), cells)


# -- national figures ------------------------------------------------------------------------


def states_with_facilities(ws: Workspace) -> list[State]:
    """States holding at least one facility (those a summary can describe), by code."""
    codes = set(facilities_repo.states_with_facilities(ws.conn))
    return [ws.catalog.states[c] for c in sorted(codes) if c in ws.catalog.states]


def national_table(ws: Workspace, period: str, ytd: bool = True) -> list[tuple[str, str, StateSummary]]:
    """``(state code, state name, summary)`` of every state with facilities, by code."""
    period = parse_period(period, allow_future=True)
    return [(s.code, s.name, state_summary(ws, s.code, period, ytd=ytd)) for s in states_with_facilities(ws)]


def national_summary(
    ws: Workspace, period: str, ytd: bool = True, table: Sequence[tuple[str, str, StateSummary]] | None = None
) -> StateSummary:
    """The country's summary (code "00", "Nacional"): the states' figures added up.

    ``table`` reuses summaries already computed by :func:`national_table`. With no
    state in the database, every figure is "sin dato".
    """
    period = parse_period(period, allow_future=True)
    rows = list(table) if table is not None else national_table(ws, period, ytd)
    if not rows:
        # An empty country still has a shape: evaluate the formulas over nothing.
        empty = State(code=NATIONAL_CODE, name=NATIONAL_NAME, short_code="NAC", clues_prefix="", concurrent=False)
        window = year_to_date(period) if ytd else [period]
        return compute_summary(ws.catalog, empty, [], {}, window)
    return combine_summaries([summary for _, _, summary in rows])


def figure_by_state(table: Sequence[tuple[str, str, StateSummary]], figure_code: str) -> list[tuple[str, str, Figure]]:
    """One figure of every state, for a per-state chart: highest value first, sin dato last.

    Raises KeyError for a code that is not a figure of the summaries.
    """
    rows = [(code, name, summary.figures[figure_code]) for code, name, summary in table]
    return sorted(rows, key=lambda r: (r[2].value is None, -(r[2].value or 0), r[1]))


def facilities_behind(
    ws: Workspace, period: str, state_code: str | None, figure_code: str, ytd: bool = True
) -> list[Facility]:
    """The facilities behind figure ``figure_code`` of one state (or of the whole country).

    Ordered by state, then name. Raises KeyError for an unknown figure code and
    InputError for an unknown state.
    """
    if figure_code not in ws.catalog.indicators:
        raise KeyError(f"unknown figure {figure_code!r}")
    period = parse_period(period, allow_future=True)
    states = [ws.catalog.state(state_code)] if state_code else states_with_facilities(ws)
    found: list[Facility] = []
    for state in states:
        summary = state_summary(ws, state.code, period, ytd=ytd)
        found += summary_facilities(ws, summary, figure_code)
    return found
