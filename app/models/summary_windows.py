"""The months each indicator reads: the report window, a seed-004 sheet window or the community one."""

from __future__ import annotations

from collections.abc import Sequence

from .catalog import Catalog, Indicator, formula_variables
from .periods import year_to_date

COMMUNITY_SECTION = "comunitaria"


def _months(first: str, last: str) -> tuple[str, ...]:
    out, year, month = [], int(first[:4]), int(first[4:])
    while f"{year:04d}{month:02d}" <= last:
        out.append(f"{year:04d}{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def window_start(kind: str, last: str) -> str | None:
    """First month of a sheet window ending at ``last``: "year" → January, "oct_sep" →
    the latest October (202302 → 202210, 202311 → 202310); None for the other kinds."""
    if kind == "year":
        return year_to_date(last)[0]
    if kind == "oct_sep":
        year, month = int(last[:4]), int(last[4:])
        return f"{year if month >= 10 else year - 1:04d}10"
    return None


def indicator_variables(indicator: Indicator) -> set[str]:
    """Codes of the variables an indicator's formula reads."""
    refs = formula_variables(indicator.numerator) + formula_variables(indicator.denominator or {})
    return {ref.split(".")[0] for ref in refs}


def lookback(catalog: Catalog, last: str) -> dict[str | None, set[str]]:
    """What a caller must read beyond the report window for the sheet windows.

    Variables of non-community indicators whose window is their own, keyed by the first
    month they need (None: every month since the first stored value). Community
    indicators read the community window the caller already supplies.
    """
    out: dict[str | None, set[str]] = {}
    for indicator in catalog.indicators.values():
        if indicator.section == COMMUNITY_SECTION or indicator.window == "report":
            continue
        first = window_start(indicator.window, last)
        out.setdefault(first, set()).update(indicator_variables(indicator))
    return out


def indicator_window(
    indicator: Indicator, window: tuple[str, ...], community: tuple[str, ...], supplied: Sequence[str]
) -> tuple[str, ...]:
    """The months ``indicator`` reads for a report over ``window``.

    "report" → ``window``; "since_start" → the community window for community figures,
    else every supplied month up to the report month; "year"/"oct_sep" → January or
    October to the report month (community figures never before the community window).
    """
    if indicator.window == "report" or not window:
        return window
    last = window[-1]
    is_community = indicator.section == COMMUNITY_SECTION
    if indicator.window == "since_start":
        if is_community:
            return community
        return tuple(sorted({p for p in supplied if p <= last} | set(window)))
    months = _months(window_start(indicator.window, last) or last, last)
    if is_community and community:
        months = tuple(p for p in months if p >= community[0])
    return months
