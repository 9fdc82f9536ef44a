"""Numbered schema migrations. A released migration is never edited: add a new one.

The schema version is kept in ``PRAGMA user_version``; every migration runs in
its own transaction together with the version bump, so a crash leaves the
database at the previous version, never half-migrated.
"""

from __future__ import annotations

import sqlite3

from app.models.messages import InputError

MIGRATIONS: dict[int, str] = {
    1: """
        CREATE TABLE facilities (
            clues TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            state_code TEXT NOT NULL,
            municipality TEXT NOT NULL DEFAULT '',
            jurisdiction TEXT NOT NULL DEFAULT '',
            type_code TEXT NOT NULL,
            level INTEGER NOT NULL,
            institution TEXT NOT NULL DEFAULT 'IMSSB',
            status TEXT NOT NULL DEFAULT 'operando',
            status_since TEXT NOT NULL DEFAULT '',
            is_demo INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX idx_facilities_state ON facilities(state_code);

        CREATE TABLE data_values (
            org_unit TEXT NOT NULL,
            period TEXT NOT NULL,
            variable TEXT NOT NULL,
            disaggregation TEXT NOT NULL DEFAULT '',
            value,
            comment TEXT NOT NULL DEFAULT '',
            provisional INTEGER NOT NULL DEFAULT 0,
            follow_up INTEGER NOT NULL DEFAULT 0,
            uuid TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (org_unit, period, variable, disaggregation)
        );
        CREATE INDEX idx_values_period ON data_values(period, org_unit);

        CREATE TABLE change_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            org_unit TEXT NOT NULL,
            period TEXT NOT NULL,
            variable TEXT NOT NULL,
            disaggregation TEXT NOT NULL DEFAULT '',
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            source TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX idx_log_cell ON change_log(org_unit, period, variable, disaggregation);
    """,
    2: """
        CREATE TABLE reports (
            state_code TEXT NOT NULL,
            period TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'borrador'
                CHECK (status IN ('borrador', 'cerrado', 'recibido', 'aprobado')),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (state_code, period)
        );
        CREATE TABLE facility_status_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            clues TEXT NOT NULL REFERENCES facilities(clues) ON DELETE CASCADE,
            status TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL
        );
        INSERT INTO facility_status_history (clues, status, start_date, recorded_at)
            SELECT clues, status, status_since, updated_at FROM facilities;
    """,
    3: """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        -- Change-log rows are append-only: refuse edits and deletions in SQL too.
        CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
    """,
}

LATEST = max(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """Current schema version of an open database."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> list[int]:
    """Apply every pending migration up to ``target``; returns those applied.

    Refuses a database written by a newer Coordina rather than damaging it.
    """
    current = schema_version(conn)
    if current > LATEST:
        raise InputError("schema_too_new", found=current)
    applied = []
    for number in range(current + 1, target + 1):
        script = MIGRATIONS[number]
        # executescript() would COMMIT first; run statement by statement inside
        # one explicit transaction so the version bump is atomic with the DDL.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split_sql(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    statements, buffer = [], ""
    for piece in "\n".join(lines).split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                statements.append(buffer.strip())
            buffer = ""
    return statements
