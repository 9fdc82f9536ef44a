"""Snapshot backups: kept, pruned, restored; a wrong file restores nothing."""

import datetime as dt

import pytest

from app.models.messages import InputError
from app.models.values import ValueChange, ValueKey
from app.services.entry import month_values as entry
from app.services.files import backup
from app.storage import backups

KEY = ValueKey("NTSSA000001", "202302", "cirugias")


def test_restore_brings_back_the_snapshot_and_keeps_a_safety_copy(ws):
    entry.record_changes(ws, [ValueChange(KEY, "100")])
    saved = backup.backup_now(ws)
    entry.record_changes(ws, [ValueChange(KEY, "999")])
    safety = backup.restore_backup(ws, saved)
    assert entry.load_month(ws, "18", "202302").value("NTSSA000001", "cirugias") == 100
    assert safety.exists() and safety != saved
    # The safety copy holds the state before the restore.
    backup.restore_backup(ws, safety)
    assert entry.load_month(ws, "18", "202302").value("NTSSA000001", "cirugias") == 999


def test_only_the_newest_ten_are_kept(ws):
    start = dt.datetime(2023, 1, 1, 8, 0, 0)
    for i in range(13):
        backups.snapshot(ws.conn, ws.backups_dir, "diario", now=start + dt.timedelta(days=i))
    kept = backup.list_backups(ws)
    assert len(kept) == 10
    assert kept[0].created == start + dt.timedelta(days=12)
    assert kept[-1].created == start + dt.timedelta(days=3)


def test_daily_backup_is_taken_once_a_day(ws):
    assert backup.ensure_daily_backup(ws) is not None
    assert backup.ensure_daily_backup(ws) is None


@pytest.mark.parametrize("content", [b"", b"not sqlite at all" * 50])
def test_restoring_a_wrong_file_writes_nothing(ws, tmp_path, content, db_dump):
    entry.record_changes(ws, [ValueChange(KEY, "100")])
    before = db_dump(ws.conn)
    bogus = tmp_path / "coordina-20230101-000000-manual.db"
    bogus.write_bytes(content)
    with pytest.raises(InputError):
        backup.restore_backup(ws, bogus)
    with pytest.raises(InputError) as err:
        backup.restore_backup(ws, tmp_path / "missing.db")
    assert err.value.code == "backup_missing"
    assert db_dump(ws.conn) == before
    assert backup.list_backups(ws) == []  # no safety snapshot for a refused restore


def _tampered_backup(ws, tmp_path, statements: list[str]):
    """A real backup of ``ws``, then altered by ``statements`` (as an attacker or a bug would)."""
    import shutil
    import sqlite3

    saved = backup.backup_now(ws)
    copy = tmp_path / "coordina-20230101-000000-manual.db"
    shutil.copy(saved, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()
    return copy


@pytest.mark.parametrize(
    "statements",
    [
        # A trigger that silently clears revocations on every insert.
        ["CREATE TRIGGER t AFTER INSERT ON change_log BEGIN DELETE FROM registrations; END"],
        ["DROP TABLE settings"],
        ["CREATE VIEW everything AS SELECT * FROM data_values"],
        # A lowered version: migrate() would try to create tables that exist (a traceback before).
        ["PRAGMA user_version = 1"],
    ],
)
def test_restore_refuses_a_database_that_is_not_our_schema(ws, tmp_path, statements, db_dump):
    entry.record_changes(ws, [ValueChange(KEY, "100")])
    tampered = _tampered_backup(ws, tmp_path, statements)
    before = db_dump(ws.conn)
    with pytest.raises(InputError) as err:
        backup.restore_backup(ws, tampered)
    assert err.value.code == "schema_mismatch"
    assert "no un respaldo de Coordina" in err.value.message("es")
    assert db_dump(ws.conn) == before
    assert entry.load_month(ws, "18", "202302").value("NTSSA000001", "cirugias") == 100


def test_restore_accepts_an_untouched_backup_of_an_older_schema(ws, tmp_path):
    """Backups made by an older Coordina (same migrations, lower version) still restore."""
    import sqlite3

    from app.storage.migrations import LATEST, migrate

    old = tmp_path / "coordina-20220101-000000-manual.db"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, LATEST - 1)
    conn.close()
    backup.restore_backup(ws, old)
    assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


@pytest.mark.parametrize("encoding", [0, 2, 3, 4])
def test_restore_refuses_a_backup_in_another_text_encoding(ws, tmp_path, encoding, db_dump):
    """Header byte 56 says UTF-16 (found by fuzzing): refused, not an internal error."""
    import shutil

    saved = backup.backup_now(ws)
    copy = tmp_path / "coordina-20230101-000000-manual.db"
    shutil.copy(saved, copy)
    data = bytearray(copy.read_bytes())
    data[56:60] = encoding.to_bytes(4, "big")
    copy.write_bytes(bytes(data))
    before = db_dump(ws.conn)
    with pytest.raises(InputError) as err:
        backup.restore_backup(ws, copy)
    assert err.value.code == "not_a_database"
    assert db_dump(ws.conn) == before


def test_the_list_reads_the_time_in_each_name_and_passes_over_names_that_are_no_date(tmp_path):
    (tmp_path / "coordina-20230215-093001-000042-ab12-diario.db").write_bytes(b"x")
    (tmp_path / "coordina-20230214-180000-manual.db").write_bytes(b"x")  # an older name, no microseconds
    (tmp_path / "coordina-20231399-250000-diario.db").write_bytes(b"x")  # named by hand: no such day
    found = backups.list_backups(tmp_path)
    assert [(b.created, b.reason) for b in found] == [
        (dt.datetime(2023, 2, 15, 9, 30, 1, 42), "diario"),
        (dt.datetime(2023, 2, 14, 18, 0, 0), "manual"),
    ]
