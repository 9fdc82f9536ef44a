"""Numbered migrations upgrade every earlier schema, with data in it."""

import sqlite3

import pytest

from app.models.messages import InputError
from app.storage.database import connect
from app.storage.migrations import LATEST, MIGRATIONS, migrate, schema_version

# Rows valid at each schema version, inserted before upgrading further.
SEED_ROWS = {
    1: [
        # Columns named: later migrations add columns to facilities (issue 11: sync marks).
        "INSERT INTO facilities (clues, name, state_code, municipality, jurisdiction, type_code, level, "
        "institution, status, status_since, is_demo, created_at, updated_at) VALUES ('NTSSA000001', "
        "'Hospital General de Tepic', '18', 'Tepic', '', "
        "'HG', 2, 'IMSSB', 'operando', '2020-01-01', 0, '2023-01-01', '2023-01-01')",
        "INSERT INTO data_values VALUES ('NTSSA000001', '202302', 'cirugias', '', 120, 'revisado', 0, 0, "
        "'3f1c2a52-0000-4000-8000-000000000001', 1, '2023-03-01', 'ana')",
        "INSERT INTO change_log (at, user, org_unit, period, variable, disaggregation, field, old_value, "
        "new_value, source, prev_hash, hash) VALUES ('2023-03-01', 'ana', 'NTSSA000001', '202302', "
        "'cirugias', '', 'value', NULL, '120', 'manual', '0', 'h1')",
    ],
    # Columns named: migration 5 (issue 10) adds reports.cutoff_date.
    2: [
        "INSERT INTO reports (state_code, period, status, updated_at, updated_by) VALUES "
        "('18', '202302', 'cerrado', '2023-03-02', 'ana')"
    ],
    3: ["INSERT INTO settings VALUES ('demo', '0')"],
    # Sync rows from before packages were identified by their signed manifest (issue 11).
    4: [
        "INSERT INTO sync_base VALUES ('NTSSA000001', '202302', 'cirugias', '', 1)",
        "INSERT INTO inbox (uuid, sha256, kind, imported_at, imported_by, summary) VALUES "
        "('u1', 'f1', 'data', '2023-03-02', 'hq', '{}')",
        "INSERT INTO outbox (uuid, sequence, device_id, sha256, file_name, path, created_at, log_mark, "
        "value_count) VALUES ('u1', 1, 'd1', 'f1', 'a.coordina', '/x/a.coordina', '2023-03-02', 1, 1)",
    ],
    5: ["INSERT INTO section_notes VALUES ('18', '202302', 'resumen', 'nota', '2023-03-02', 'ana')"],
    6: [],
}


def test_fresh_database_reaches_latest(data_dir):
    db = connect(data_dir / "x.db")
    assert schema_version(db.conn) == LATEST
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


@pytest.mark.parametrize("start", range(1, LATEST))
def test_upgrade_from_every_earlier_schema_keeps_data(data_dir, start):
    conn = sqlite3.connect(str(data_dir / "old.db"), isolation_level=None)
    migrate(conn, target=start)
    for version in range(1, start + 1):
        for sql in SEED_ROWS[version]:
            conn.execute(sql)
    conn.close()

    db = connect(data_dir / "old.db")  # connect() migrates to the latest
    assert schema_version(db.conn) == LATEST
    assert db.conn.execute("SELECT value, comment FROM data_values").fetchall() == [(120, "revisado")]
    assert db.conn.execute("SELECT name FROM facilities").fetchall() == [("Hospital General de Tepic",)]
    # Migration 2 seeds the status history from the facilities that already existed.
    if start < 2:
        assert db.conn.execute("SELECT clues, status FROM facility_status_history").fetchall() == [
            ("NTSSA000001", "operando")
        ]
    if start >= 4:  # rows from before the manifest identity keep their file hash, no identity
        for table in ("inbox", "outbox"):
            assert db.conn.execute(f"SELECT sha256, manifest_sha256 FROM {table}").fetchall() == [("f1", None)]
    if start >= 2:  # reports closed before migration 5 were closed on the whole month
        assert db.conn.execute("SELECT status, cutoff_date FROM reports").fetchall() == [("cerrado", "")]
    if start >= 5:
        assert db.conn.execute("SELECT text FROM section_notes").fetchall() == [("nota",)]
    # Migration 3 makes the change log append-only.
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.conn.execute("DELETE FROM change_log")


def test_every_migration_is_numbered_without_gaps():
    assert sorted(MIGRATIONS) == list(range(1, LATEST + 1))


def test_a_failed_migration_leaves_the_previous_version(data_dir, monkeypatch):
    conn = sqlite3.connect(str(data_dir / "x.db"), isolation_level=None)
    migrate(conn, target=1)
    monkeypatch.setitem(MIGRATIONS, 2, "CREATE TABLE reports (x); CREATE TABLE facilities (y);")
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn)
    assert schema_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'reports'").fetchone() is None


def test_database_from_a_newer_coordina_is_refused(data_dir):
    conn = sqlite3.connect(str(data_dir / "x.db"))
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(InputError) as err:
        connect(data_dir / "x.db")
    assert err.value.code == "schema_too_new"
    assert "actualice Coordina" in err.value.message("es")


def test_a_file_that_is_not_a_database_is_refused(data_dir):
    path = data_dir / "x.db"
    path.write_bytes(b"esto no es una base de datos" * 100)
    with pytest.raises(InputError) as err:
        connect(path)
    assert err.value.code == "not_a_database"
