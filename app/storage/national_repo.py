"""What the national consolidation (HQ) counts across states. Read-only SQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence


def present_state_codes(conn: sqlite3.Connection, state_codes: Sequence[str]) -> set[str]:
    """Codes of states present in the database: with facilities, state-level values (of one of
    ``state_codes``, the catalog's states) or imported data packages."""
    codes = {r[0] for r in conn.execute("SELECT DISTINCT state_code FROM facilities")}
    marks = ", ".join("?" * len(state_codes))
    codes |= {
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT org_unit FROM data_values WHERE org_unit IN ({marks})", list(state_codes)
        )
    }
    codes |= {
        r[0]
        for r in conn.execute("SELECT DISTINCT state_code FROM inbox WHERE kind = 'data' AND state_code IS NOT NULL")
    }
    return codes


def data_arrivals(conn: sqlite3.Connection) -> list[tuple[str, str | None, str]]:
    """(state code, periods as stored JSON, imported_at) of every data package imported."""
    return conn.execute(
        "SELECT state_code, periods, imported_at FROM inbox WHERE kind = 'data' AND state_code IS NOT NULL"
    ).fetchall()


def facility_counts(conn: sqlite3.Connection, first: str, last: str) -> list[tuple[str, str, int, int]]:
    """(state code, period, values, reporting units) of facility values from ``first`` to ``last``."""
    return conn.execute(
        "SELECT f.state_code, v.period, count(*), count(DISTINCT v.org_unit) FROM data_values AS v "
        "JOIN facilities AS f ON f.clues = v.org_unit "
        "WHERE v.period BETWEEN ? AND ? AND v.value IS NOT NULL GROUP BY 1, 2",
        (first, last),
    ).fetchall()


def state_level_counts(
    conn: sqlite3.Connection, first: str, last: str, state_codes: Sequence[str]
) -> list[tuple[str, str, int]]:
    """(state code, period, values) of the states' own (state-level) values from ``first`` to ``last``."""
    marks = ", ".join("?" * len(state_codes))
    return conn.execute(
        f"SELECT org_unit, period, count(*) FROM data_values WHERE period BETWEEN ? AND ? "
        f"AND value IS NOT NULL AND org_unit IN ({marks}) GROUP BY 1, 2",
        (first, last, *state_codes),
    ).fetchall()
