"""Issue 9 defect 10: backups taken at the same time, killed, or losing their folder.

Two backups in the same second must be two files; no ``.partial``/``-wal``/``-shm`` file is
ever left beside them; a killed backup's partial file is removed at the next start; a
backups folder that disappears gives a clear message and loses nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.models.messages import InputError
from app.models.values import ValueChange, ValueKey
from app.services.entry import month_values as entry
from app.services.files import backup
from app.services.workspace import open_workspace
from app.storage import backups
from app.storage.crashpoints import ENV_CRASH_AT

REPO = Path(__file__).resolve().parents[2]
KEY = ValueKey("NTSSA000001", "202302", "cirugias")
SAME_SECOND = dt.datetime(2023, 3, 1, 9, 30, 15)


def _leftovers(directory: Path) -> list[str]:
    """Files that are neither a finished backup nor the lock file."""
    names = {b.path.name for b in backups.list_backups(directory)}
    return sorted(p.name for p in directory.iterdir() if p.name not in names and p.name != backups.LOCK_NAME)


def _intact(path: Path) -> bool:
    backups.check_backup_file(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_two_threads_in_the_same_second_make_two_files(ws):
    entry.record_changes(ws, [ValueChange(KEY, "7")])
    made: list[Path] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def one() -> None:
        own = open_workspace(ws.data_dir, user="ana")  # each thread its own connection
        try:
            start.wait()
            made.append(backups.snapshot(own.conn, own.backups_dir, "manual", now=SAME_SECOND))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(made)) == 2 and all(p.exists() for p in made)
    assert all(_intact(p) for p in made)
    assert _leftovers(ws.backups_dir) == []


_WORKER = """
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from app.services.workspace import open_workspace
from app.services.files import backup
ws = open_workspace(Path({data!r}), user="p")
for _ in range({count}):
    print(backup.backup_now(ws, "manual"), flush=True)
ws.close()
"""


def test_two_processes_backing_up_at_once(ws):
    entry.record_changes(ws, [ValueChange(KEY, "7")])
    code = _WORKER.format(repo=str(REPO), data=str(ws.data_dir), count=4)
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outputs]
    reported = [line for out, _ in outputs for line in out.split()]
    assert len(reported) == 8 and len(set(reported)) == 8
    assert all(_intact(Path(p)) for p in reported)
    assert _leftovers(ws.backups_dir) == []


def test_names_sort_by_time_and_old_names_still_list(ws):
    directory = ws.backups_dir
    directory.mkdir(exist_ok=True)
    old = directory / "coordina-20230101-080000-manual.db"
    old_counter = directory / "coordina-20230101-080000-1-diario.db"
    shutil.copy(backups.snapshot(ws.conn, directory, "manual", now=dt.datetime(2023, 1, 1, 7)), old)
    shutil.copy(old, old_counter)
    a = backups.snapshot(ws.conn, directory, "manual", now=SAME_SECOND)
    b = backups.snapshot(ws.conn, directory, "manual", now=SAME_SECOND.replace(microsecond=5))
    listed = backups.list_backups(directory)
    assert [x.path for x in listed[:2]] == [b, a]
    assert {old, old_counter} <= {x.path for x in listed}
    assert listed[0].created == SAME_SECOND.replace(microsecond=5)


def test_a_backup_with_an_accented_reason_is_listed_and_pruned(ws):
    """``sync import`` takes its backup as "importación": it must be listed (and pruned)."""
    made = backups.snapshot(ws.conn, ws.backups_dir, "importación")
    assert [b.path for b in backups.list_backups(ws.backups_dir)] == [made]
    assert backups.list_backups(ws.backups_dir)[0].reason == "importación"


def test_a_held_lock_gives_a_clear_busy_message(ws):
    ws.backups_dir.mkdir(exist_ok=True)
    with backups.backup_lock(ws.backups_dir):
        with pytest.raises(InputError) as info:
            backups.snapshot(ws.conn, ws.backups_dir, "manual", lock_timeout=0.2)
    assert info.value.code == "backup_busy"
    assert "ocupada" in info.value.message("es")
    assert backups.list_backups(ws.backups_dir) == []
    assert _leftovers(ws.backups_dir) == []


def test_cleanup_leaves_a_running_backups_partial_alone(ws):
    ws.backups_dir.mkdir(exist_ok=True)
    partial = ws.backups_dir / "coordina-20230101-080000-000001-abcd-manual.db.partial"
    partial.write_bytes(b"x" * 100)
    with backups.backup_lock(ws.backups_dir):
        assert backups.cleanup_stale(ws.backups_dir) == []
    assert partial.exists()
    assert backups.cleanup_stale(ws.backups_dir) == [partial]
    assert not partial.exists()


@pytest.mark.parametrize("point", ["backup_copied", "backup_before_rename"])
def test_a_killed_backup_is_cleaned_up_at_the_next_start(ws, point):
    entry.record_changes(ws, [ValueChange(KEY, "7")])
    ws.close()
    code = _WORKER.format(repo=str(REPO), data=str(ws.data_dir), count=1)
    env = {**os.environ, ENV_CRASH_AT: point}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    assert any(".partial" in p.name for p in ws.backups_dir.iterdir())  # the kill left its partial
    again = open_workspace(ws.data_dir, user="ana")  # start-up clean-up
    try:
        assert _leftovers(again.backups_dir) == []
        assert backups.list_backups(again.backups_dir) == []
        assert entry.load_month(again, "18", "202302").value("NTSSA000001", "cirugias") == 7
    finally:
        again.close()


def test_a_backups_folder_that_disappears_mid_copy(ws):
    entry.record_changes(ws, [ValueChange(KEY, "7")])
    ws.backups_dir.mkdir(exist_ok=True)

    def vanish(status: int, remaining: int, total: int) -> None:
        shutil.rmtree(ws.backups_dir, ignore_errors=True)

    with pytest.raises(InputError) as info:
        backups.snapshot(ws.conn, ws.backups_dir, "manual", progress=vanish)
    assert info.value.code == "backup_unwritable"
    assert str(ws.backups_dir) in info.value.message("es")
    # Nothing committed is lost, and the next backup works again.
    assert entry.load_month(ws, "18", "202302").value("NTSSA000001", "cirugias") == 7
    assert backup.backup_now(ws).exists()


def test_a_backups_folder_that_is_a_file(ws):
    ws.backups_dir.write_text("no soy una carpeta")
    with pytest.raises(InputError) as info:
        backup.backup_now(ws)
    assert info.value.code == "backup_unwritable"
    assert ws.backups_dir.read_text() == "no soy una carpeta"
