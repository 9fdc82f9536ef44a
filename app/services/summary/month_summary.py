"""The state summary from stored values: the figures of the "Avances Generales" slide.

Productivity figures cover a window (year-to-date through the chosen month by
default); community-action figures are cumulative since the implementation
began (from the first period holding any community value up to the month), as
the seed's footnote says: "Indicadores de acción comunitaria registrados desde
el inicio de la implementación".
"""

from __future__ import annotations

from collections import defaultdict

from app.models.facility import Facility
from app.models.periods import parse_period, year_to_date
from app.models.summary import COMMUNITY_SECTION, Reading, StateSummary, compute_summary, lookback
from app.services.summary.reports import with_report_details
from app.services.workspace import Workspace
from app.storage import facilities_repo, values_repo


def community_start(ws: Workspace, state_code: str, period: str) -> str | None:
    """First period up to ``period`` with any community-action value of the state."""
    variables = [v.code for v in ws.catalog.variables.values() if v.section == COMMUNITY_SECTION]
    return _first_period(ws, state_code, period, variables)


def _first_period(ws: Workspace, state_code: str, period: str, variables: list[str]) -> str | None:
    """First period up to ``period`` with any value of ``variables`` in the state."""
    if not variables:
        return None
    return values_repo.first_period_with(ws.conn, state_code, period, variables)


def _periods_between(first: str, last: str) -> list[str]:
    out, year, month = [], int(first[:4]), int(first[4:])
    while f"{year:04d}{month:02d}" <= last:
        out.append(f"{year:04d}{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def state_summary(
    ws: Workspace, state_code: str, period: str, ytd: bool = True, community_from: str | None = None
) -> StateSummary:
    """Every figure of a state's summary through ``period``.

    ``ytd`` True: productivity over January..``period``; False: ``period`` alone.
    Community figures run from the first period with community data (or from
    ``community_from`` when the implementation date is known) to ``period``.
    Values of ``window`` are read whole; earlier periods of the community window only
    for community variables (the rest would be read and thrown away).
    """
    state = ws.catalog.state(state_code)
    period = parse_period(period, allow_future=True)
    window = year_to_date(period) if ytd else [period]
    start = (
        parse_period(community_from, allow_future=True) if community_from else community_start(ws, state.code, period)
    )
    community = _periods_between(start, period) if start else list(window)
    facilities = facilities_repo.list_facilities(ws.conn, state.code)
    by_period: dict[str, list[Reading]] = defaultdict(list)
    for reading in values_repo.summary_readings(ws.conn, state.code, window):
        by_period[reading[1]].append(reading)
    # Before the window only community figures look back: read just their variables.
    earlier = sorted(set(community) - set(window))
    community_vars = [v.code for v in ws.catalog.variables.values() if v.section == COMMUNITY_SECTION]
    for reading in values_repo.summary_readings(ws.conn, state.code, earlier, community_vars):
        by_period[reading[1]].append(reading)
    # Seed-004 indicators read their sheet's window (January, October or every month so
    # far): only their variables, only the months the report window does not cover.
    for first, variables in lookback(ws.catalog, period).items():
        first = first or _first_period(ws, state.code, period, sorted(variables))
        extra = [p for p in _periods_between(first, period) if p not in window] if first else []
        for reading in values_repo.summary_readings(ws.conn, state.code, extra, sorted(variables)):
            by_period[reading[1]].append(reading)
    summary = compute_summary(ws.catalog, state, facilities, by_period, window, community)
    # The cut-off date, section notes and provisional registry counts the coordinator added.
    return with_report_details(ws, summary)


def summary_facilities(ws: Workspace, summary: StateSummary, code: str) -> list[Facility]:
    """The facilities behind figure ``code`` of ``summary`` (drill-down), by name.

    Raises KeyError for a code that is not a figure of the summary.
    """
    figure = summary.figures.get(code)
    if figure is None:
        raise KeyError(f"unknown figure {code!r}")
    wanted = set(figure.facilities)
    found = [f for f in facilities_repo.list_facilities(ws.conn, summary.state_code) if f.clues in wanted]
    return sorted(found, key=lambda f: (f.name, f.clues))
