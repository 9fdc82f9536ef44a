"""What local data uses of the catalog: the checks before a catalogue update replaces it."""

from __future__ import annotations

import sqlite3


def value_counts_by_cell(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(variable, disaggregation, number of rows) of every variable and option with data."""
    return conn.execute(
        "SELECT variable, disaggregation, count(*) FROM data_values GROUP BY variable, disaggregation ORDER BY 1, 2"
    ).fetchall()


def value_counts_of(conn: sqlite3.Connection, variable: str) -> list[tuple[object, int]]:
    """(stored value, number of rows) of a variable's non-empty values."""
    return conn.execute(
        "SELECT value, count(*) FROM data_values WHERE variable = ? AND value IS NOT NULL GROUP BY value ORDER BY 1",
        (variable,),
    ).fetchall()


def states_in_use(conn: sqlite3.Connection) -> set[str]:
    """States with a facility, a state-level value, or this install's profile."""
    return {
        row[0]
        for row in conn.execute(
            "SELECT state_code FROM facilities UNION SELECT org_unit FROM data_values "
            "UNION SELECT state_code FROM profile WHERE state_code IS NOT NULL"
        )
    }


def facility_types_in_use(conn: sqlite3.Connection) -> list[str]:
    """The facility types of registered facilities."""
    return [row[0] for row in conn.execute("SELECT DISTINCT type_code FROM facilities ORDER BY 1")]
