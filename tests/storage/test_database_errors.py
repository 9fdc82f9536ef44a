"""Issue 9 defect 7: only a real disk problem is blamed on the data directory.

A programming error (a constraint, a bad query, a misused API) is an internal error: it is
logged with its traceback and the person is told it is a defect, not that the disk is
unwritable.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3

import pytest

from app.models.messages import InputError
from app.services.workspace import open_workspace, write_transaction
from app.storage.database import DB_FILENAME, connect, translate_error


def _caught(action) -> BaseException:
    try:
        action()
    except BaseException as exc:  # noqa: BLE001 - the test wants the exact exception
        return exc
    raise AssertionError("no exception")


def test_integrity_error_is_an_internal_error_not_an_unwritable_disk(ws, caplog):
    def duplicate():
        with write_transaction(ws):
            ws.conn.execute("INSERT INTO settings (key, value) VALUES ('k', '1')")
            ws.conn.execute("INSERT INTO settings (key, value) VALUES ('k', '2')")

    with caplog.at_level(logging.ERROR), pytest.raises(InputError) as info:
        duplicate()
    assert info.value.code == "internal_error"
    text = info.value.message("es")
    assert "no se puede escribir" not in text.lower()
    assert "defecto" in text and "coordina.log" in text
    assert "internal error" in info.value.message("en").lower()
    # Logged with its traceback, for the bug report.
    logged = [r for r in caplog.records if r.exc_info and r.levelno >= logging.ERROR]
    assert logged and logged[-1].exc_info[0] is sqlite3.IntegrityError
    # Rolled back: nothing of the action was kept.
    assert ws.conn.execute("SELECT count(*) FROM settings WHERE key = 'k'").fetchone()[0] == 0


@pytest.mark.parametrize("sql", ["SELECT * FROM no_such_table", "INSERT INTO settings VALUES (1)", "SELEC 1"])
def test_bad_sql_is_an_internal_error(ws, sql):
    exc = _caught(lambda: ws.conn.execute(sql))
    assert translate_error(exc, ws.db_path).code == "internal_error"


def test_misused_api_is_an_internal_error(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db")
    conn.close()
    exc = _caught(lambda: conn.execute("SELECT 1"))  # ProgrammingError: closed database
    assert translate_error(exc, tmp_path / "x.db").code == "internal_error"


def test_read_only_database_is_unwritable(data_dir):
    """A real SQLITE_READONLY (what a read-only disk or file gives), even as root."""
    open_workspace(data_dir).close()
    conn = sqlite3.connect(f"file:{data_dir / DB_FILENAME}?mode=ro", uri=True)
    exc = _caught(lambda: conn.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')"))
    conn.close()
    assert getattr(exc, "sqlite_errorname", "").startswith("SQLITE_READONLY")
    err = translate_error(exc, data_dir / DB_FILENAME)
    assert err.code == "data_dir_unwritable"
    assert str(data_dir) in err.message("es")


def test_query_only_database_refuses_a_write_as_unwritable(ws):
    ws.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(InputError) as info, write_transaction(ws):
        ws.conn.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
    assert info.value.code == "data_dir_unwritable"


def test_full_database_is_disk_full(ws):
    pages = ws.conn.execute("PRAGMA page_count").fetchone()[0]
    ws.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(InputError) as info, write_transaction(ws):
        ws.conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)", ((str(i), "x" * 2000) for i in range(200))
        )
    assert info.value.code == "disk_full"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, "disk_full"),
        (errno.EDQUOT, "disk_full"),
        (errno.EACCES, "data_dir_unwritable"),
        (errno.EPERM, "data_dir_unwritable"),
        (errno.EROFS, "data_dir_unwritable"),
        (errno.EINVAL, "internal_error"),
        (errno.ENAMETOOLONG, "internal_error"),
    ],
)
def test_os_errors_by_errno(data_dir, code, expected):
    exc = OSError(code, os.strerror(code))
    assert translate_error(exc, data_dir / DB_FILENAME).code == expected


def test_key_error_is_internal(data_dir):
    assert translate_error(KeyError("x"), data_dir / DB_FILENAME).code == "internal_error"


def test_missing_directory_is_unwritable_not_internal(tmp_path):
    with pytest.raises(InputError) as info:
        connect(tmp_path / "no_existe" / DB_FILENAME)
    assert info.value.code == "data_dir_unwritable"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root ignores directory permissions; the mode=ro test covers it",
)
def test_read_only_directory_is_unwritable(tmp_path):
    directory = tmp_path / "ro"
    directory.mkdir()
    directory.chmod(0o555)
    try:
        with pytest.raises(InputError) as info:
            connect(directory / DB_FILENAME)
        assert info.value.code == "data_dir_unwritable"
    finally:
        directory.chmod(0o700)


def test_not_a_database_is_still_reported_as_such(data_dir):
    (data_dir / DB_FILENAME).write_bytes(b"esto no es sqlite" * 100)
    with pytest.raises(InputError) as info:
        connect(data_dir / DB_FILENAME)
    assert info.value.code == "not_a_database"


def test_busy_database_is_reported_busy(data_dir):
    open_workspace(data_dir).close()
    holder = sqlite3.connect(data_dir / DB_FILENAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        other = sqlite3.connect(data_dir / DB_FILENAME, timeout=0, isolation_level=None)
        exc = _caught(lambda: other.execute("BEGIN IMMEDIATE"))
        other.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert translate_error(exc, data_dir / DB_FILENAME).code == "database_locked"


def test_cli_shows_an_internal_error_without_traceback(data_dir, capsys, monkeypatch):
    """The CLI prints the internal-error message (exit 1), never a traceback."""
    from app.cli import main as cli
    from app.services.files import backup

    def broken(ws, reason="manual"):
        with write_transaction(ws):
            ws.conn.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(backup, "backup_now", broken)
    code = cli.main(["--data-dir", str(data_dir), "backup"])
    captured = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in captured.err
    assert "defecto" in captured.err


def test_atomic_commits_nests_and_rolls_back(tmp_path):
    """Database.atomic: a block commits; an error rolls it back; a nested block is a savepoint."""
    from app.storage.database import connect

    db = connect(tmp_path / "t.db", run_migrations=False)
    db.conn.execute("CREATE TABLE t (x INTEGER)")
    with db.atomic():
        db.conn.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(ValueError), db.atomic():
        db.conn.execute("INSERT INTO t VALUES (2)")
        raise ValueError("boom")
    with db.atomic():
        db.conn.execute("INSERT INTO t VALUES (3)")
        with pytest.raises(ValueError), db.atomic():
            db.conn.execute("INSERT INTO t VALUES (4)")
            raise ValueError("inner")
        db.conn.execute("INSERT INTO t VALUES (5)")
    assert [r[0] for r in db.conn.execute("SELECT x FROM t ORDER BY x")] == [1, 3, 5]
    assert not db.conn.in_transaction
    db.close()
