"""Numbered schema migrations. A released migration is never edited: add a new one.

The schema version is kept in ``PRAGMA user_version``; every migration runs in
its own transaction together with the version bump, so a crash leaves the
database at the previous version, never half-migrated.
"""

from __future__ import annotations

import functools
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
    4: """
        -- Sync (DESIGN.md §5-§7). One profile per data directory: a state coordinator's
        -- (one state) or headquarters'.
        CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            role TEXT NOT NULL CHECK (role IN ('state', 'hq')),
            state_code TEXT,
            device_id TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            position TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            CHECK ((role = 'state') = (state_code IS NOT NULL))
        );
        -- HQ's keys: at HQ with the private halves; at a state, the imported public profile.
        CREATE TABLE hq_keys (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            hq_id TEXT NOT NULL,
            name TEXT NOT NULL,
            sign_public BLOB NOT NULL,
            enc_public BLOB NOT NULL,
            sign_private BLOB,
            enc_private BLOB,
            imported_at TEXT NOT NULL
        );
        -- HQ: coordinators' certificates registered per state; revocation is kept, not deleted.
        CREATE TABLE registrations (
            fingerprint TEXT PRIMARY KEY,
            state_code TEXT NOT NULL,
            name TEXT NOT NULL,
            certificate BLOB NOT NULL,
            registered_at TEXT NOT NULL,
            registered_by TEXT NOT NULL,
            revoked_at TEXT,
            revoked_by TEXT,
            replaced_by TEXT
        );
        CREATE INDEX idx_registrations_state ON registrations(state_code);
        CREATE TABLE registration_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            action TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            state_code TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        -- State: every package exported, until HQ's acknowledgement marks it delivered.
        CREATE TABLE outbox (
            uuid TEXT PRIMARY KEY,
            sequence INTEGER NOT NULL,
            device_id TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            previous_sha256 TEXT,
            file_name TEXT NOT NULL,
            path TEXT NOT NULL,
            created_at TEXT NOT NULL,
            full INTEGER NOT NULL DEFAULT 0,
            log_mark INTEGER NOT NULL,
            value_count INTEGER NOT NULL,
            delivered_at TEXT,
            ack_uuid TEXT,
            ack_summary TEXT,
            UNIQUE (device_id, sequence)
        );
        -- State: the version of each value HQ has acknowledged (the next base_version).
        CREATE TABLE sync_base (
            org_unit TEXT NOT NULL,
            period TEXT NOT NULL,
            variable TEXT NOT NULL,
            disaggregation TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL,
            PRIMARY KEY (org_unit, period, variable, disaggregation)
        );
        -- Both sides: every package imported (idempotency, sequence gaps, the archive).
        CREATE TABLE inbox (
            uuid TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            kind TEXT NOT NULL,
            state_code TEXT,
            device_id TEXT,
            sequence INTEGER,
            signer TEXT NOT NULL DEFAULT '',
            periods TEXT NOT NULL DEFAULT '[]',  -- JSON list of the periods it carried
            created_at TEXT,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            summary TEXT NOT NULL,
            archive_path TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX idx_inbox_device ON inbox(state_code, device_id, sequence);
        -- HQ: values applied against a newer version than the sender's base, for review.
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            org_unit TEXT NOT NULL,
            period TEXT NOT NULL,
            variable TEXT NOT NULL,
            disaggregation TEXT NOT NULL DEFAULT '',
            ours TEXT NOT NULL,
            theirs TEXT NOT NULL,
            applied TEXT NOT NULL CHECK (applied IN ('ours', 'theirs')),
            package_uuid TEXT NOT NULL,
            state_code TEXT NOT NULL,
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            resolved_by TEXT,
            resolution TEXT CHECK (resolution IN ('ours', 'theirs'))
        );
        CREATE INDEX idx_conflicts_open ON conflicts(resolved_at, state_code);
    """,
    5: """
        -- Issue 10. The cut-off date a report was closed with ('' = the whole month).
        ALTER TABLE reports ADD COLUMN cutoff_date TEXT NOT NULL DEFAULT '';
        -- A short plain-text note per slide section of a state's month.
        CREATE TABLE section_notes (
            state_code TEXT NOT NULL,
            period TEXT NOT NULL,
            section TEXT NOT NULL,
            text TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (state_code, period, section)
        );
        -- Registry counts (hospitals, UNEMES, health units) of a state marked provisional,
        -- with the footnote the summary prints ("En proceso de definición…").
        CREATE TABLE registry_provisional (
            state_code TEXT NOT NULL,
            figure_code TEXT NOT NULL,
            note TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (state_code, figure_code)
        );
        -- Issue 10 part 1. At a state: the coordinator certificates headquarters revoked, as
        -- its updates bring them (HQ's own list is registrations.revoked_at); verify refuses
        -- a PDF signed by one of them.
        CREATE TABLE revoked_certificates (
            fingerprint TEXT PRIMARY KEY,
            revoked_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            package_uuid TEXT NOT NULL
        );
    """,
    # Issue 11: the facility registry travels in packages (app/services/sync/sync_facilities.py).
    6: """
        -- HQ: the state whose package created the unit ('' for units HQ registered itself).
        ALTER TABLE facilities ADD COLUMN reported_by TEXT NOT NULL DEFAULT '';
        -- Both sides: when the other side's copy last wrote this row (local time) and that
        -- copy's own updated_at. A row edited here after synced_at is a local edit.
        ALTER TABLE facilities ADD COLUMN synced_at TEXT NOT NULL DEFAULT '';
        ALTER TABLE facilities ADD COLUMN remote_updated_at TEXT NOT NULL DEFAULT '';
    """,
    # Issue 11 holes 3 and 6 (app/services/sync/sync_ack.py, sync_import.py).
    7: """
        -- Both sides: a package's identity is the SHA-256 of its signed manifest (which lists
        -- every file's hash), not of the zip: a re-wrapped zip is the same package. NULL in
        -- rows written before (their sha256, of the whole file, is compared instead).
        ALTER TABLE inbox ADD COLUMN manifest_sha256 TEXT;
        ALTER TABLE outbox ADD COLUMN manifest_sha256 TEXT;
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


@functools.cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str, str]]:
    """The schema objects a database at ``version`` holds when made by these migrations.

    Each is (type, name, table, SQL with whitespace collapsed). Used to accept for restore
    only files that are Coordina databases of a known schema: an extra trigger, a missing
    table or a lowered ``user_version`` shows up as a difference.
    """
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, version)
        return schema_of(conn)
    finally:
        conn.close()


def schema_of(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str]]:
    """The schema objects of an open database, as :func:`expected_schema` lists them.

    SQLite's own tables (``sqlite_sequence``, ``sqlite_stat1`` from ``PRAGMA optimize``)
    come and go with use and are left out.
    """
    rows = conn.execute("SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master").fetchall()
    # A damaged file may hold a BLOB where a name belongs: kept as a difference of its own
    # (never decoded into a name that would match).
    damaged = {("damaged", repr(row), "", "") for row in rows if not all(isinstance(v, str) for v in row)}
    return frozenset(
        {
            (kind, name, table, " ".join(sql.split()))
            for kind, name, table, sql in rows
            if all(isinstance(v, str) for v in (kind, name, table, sql)) and not name.startswith("sqlite_")
        }
        | damaged
    )


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
