"""Migration 5 (issue 10): a schema-4 database with data gains the cut-off date, section notes
and provisional registry counts, and keeps every value, report and log row."""

from __future__ import annotations

import sqlite3

from app.storage import facilities_repo, reports_repo
from app.storage.database import connect
from app.storage.migrations import migrate, schema_version


def test_schema_4_database_migrates_and_keeps_its_data(data_dir):
    conn = sqlite3.connect(str(data_dir / "old.db"), isolation_level=None)
    migrate(conn, target=4)
    conn.execute(
        "INSERT INTO facilities VALUES ('NTSSA000001', 'Hospital General de Tepic', '18', 'Tepic', "
        "'', 'HG', 2, 'IMSSB', 'operando', '2020-01-01', 0, '2023-01-01', '2023-01-01')"
    )
    conn.execute(
        "INSERT INTO data_values VALUES ('NTSSA000001', '202302', 'cirugias', '', 120, 'ok', 1, 0, "
        "'3f1c2a52-0000-4000-8000-000000000001', 3, '2023-03-01', 'ana')"
    )
    conn.execute("INSERT INTO reports VALUES ('18', '202302', 'cerrado', '2023-03-02', 'ana')")
    conn.close()

    db = connect(data_dir / "old.db")
    assert schema_version(db.conn) >= 5
    assert db.conn.execute("SELECT value, comment, provisional, version FROM data_values").fetchall() == [
        (120, "ok", 1, 3)
    ]
    assert db.conn.execute("SELECT state_code, period, status, cutoff_date FROM reports").fetchall() == [
        ("18", "202302", "cerrado", "")
    ]
    assert reports_repo.report_cutoff(db.conn, "18", "202302") is None
    assert reports_repo.section_notes(db.conn, "18", "202302") == {}
    assert facilities_repo.registry_provisional(db.conn, "18") == {}
    with db.atomic():
        reports_repo.set_section_note(
            db.conn, "18", "202302", "servicios", "(Programado para agosto)", "ana", "2023-03-03", "manual"
        )
        facilities_repo.set_registry_provisional(db.conn, "18", "hospitals_count", "En proceso", "ana", "2023-03-03")
    assert reports_repo.section_notes(db.conn, "18", "202302") == {"servicios": "(Programado para agosto)"}
    assert facilities_repo.registry_provisional(db.conn, "18") == {"hospitals_count": "En proceso"}
