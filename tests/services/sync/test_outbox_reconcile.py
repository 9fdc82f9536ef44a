"""Issue 9 defect 9: a kill during ``sync export`` never leaves the outbox and the files apart.

The export is run in a child process that kills itself with SIGKILL at each step (the
``COORDINA_CRASH_AT`` hook). After every kill the workspace is opened again (which
reconciles the outbox) and: every outbox row's file is there with its hash, every package
file of this device has its row, no temporary file is left, and the next export's sequence
is higher than every sequence ever written, so headquarters imports it (no ``E_REPLAY``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.services.sync import sync_export, sync_import
from app.services.sync.outbox_reconcile import reconcile_outbox
from app.services.workspace import open_workspace
from app.storage import sync_repo
from app.storage.crashpoints import ENV_CRASH_AT
from app.sync import package
from tests.services.sync_pair import PASSPHRASE, PASSPHRASE_ENV, Pair, make_pair

REPO = Path(__file__).resolve().parents[3]
POINTS = ["export_built", "export_reserved", "export_temp_written", "export_renamed", "export_finished"]


@pytest.fixture
def pair(nayarit_demo_db: Path, tmp_path: Path):
    made = make_pair(nayarit_demo_db, tmp_path)
    yield made
    made.state.close()
    made.hq.close()


def _manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))


def _assert_agree(pair: Pair, ws) -> None:
    rows = sync_repo.outbox(ws.conn)
    for row in rows:
        assert Path(row.path).is_file(), row
        assert package.sha256(Path(row.path).read_bytes()) == row.sha256
    uuids = {r.uuid for r in rows}
    for path in pair.usb.glob("*.coordina"):
        assert _manifest(path)["uuid"] in uuids, f"{path.name} has no outbox row"
    assert [p.name for p in pair.usb.iterdir() if p.name.startswith(".")] == []


def _cli_export(pair: Pair, crash_at: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, PASSPHRASE_ENV: PASSPHRASE.decode()}
    env.pop(ENV_CRASH_AT, None)
    if crash_at:
        env[ENV_CRASH_AT] = crash_at
    return subprocess.run(
        [
            sys.executable,
            str(REPO / "main.py"),
            "--data-dir",
            str(pair.state.data_dir),
            "sync",
            "export",
            "--out",
            str(pair.usb),
            "--sign",
            str(pair.p12),
            "--passphrase-env",
            PASSPHRASE_ENV,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def _import_all_at_hq(pair: Pair) -> list[dict]:
    files = sorted(pair.usb.glob("*.coordina"), key=lambda p: _manifest(p)["sequence"])
    return [r.summary for r in sync_import.import_packages(pair.hq, files)]


@pytest.mark.parametrize("point", POINTS)
def test_a_kill_at_any_step_leaves_rows_and_files_in_agreement(pair, point):
    sync_export.export_package(pair.state, pair.usb, pair.identity)
    pair.state.close()
    killed = _cli_export(pair, point)
    assert killed.returncode == -9, killed.stderr
    written = [_manifest(p)["sequence"] for p in pair.usb.glob("*.coordina")]

    ws = open_workspace(pair.state.data_dir, user="ana")  # start-up reconciles the outbox
    pair.state = ws
    _assert_agree(pair, ws)
    again = sync_export.export_package(ws, pair.usb, pair.identity)
    assert again.sequence > max(written)
    assert again.sequence > max(r.sequence for r in sync_repo.outbox(ws.conn) if r.uuid != again.uuid)
    _assert_agree(pair, ws)
    summaries = _import_all_at_hq(pair)
    assert [s["status"] for s in summaries if s["status"] == "ERROR"] == [], summaries
    codes = {c.get("errorCode") for s in summaries for c in s.get("conflicts", [])}
    assert "E_REPLAY" not in codes


def test_a_package_file_without_its_row_never_has_its_sequence_reused(pair):
    """What the kill left before the fix: a complete signed file at its final name, no row."""
    first = sync_export.export_package(pair.state, pair.usb, pair.identity)
    with pair.state.db.atomic():
        pair.state.conn.execute("DELETE FROM outbox WHERE uuid = ?", (first.uuid,))
    assert sync_import.import_packages(pair.hq, [first.path])[0].ok  # HQ got it
    second = sync_export.export_package(pair.state, pair.usb, pair.identity)
    assert second.sequence > first.sequence
    result = sync_import.import_packages(pair.hq, [second.path])[0]
    assert result.ok, result.summary


def test_a_reserved_row_whose_folder_is_gone_waits_for_it(pair, tmp_path):
    """A USB stick unplugged before the reconcile: the row is kept until its folder is back."""
    stick = tmp_path / "stick"
    made = sync_export.export_package(pair.state, stick, pair.identity)
    with pair.state.db.atomic():  # as if killed before the rename: the row is still 'writing'
        sync_repo.mark_writing(pair.state.conn, made.uuid)
    moved = tmp_path / "moved"
    stick.rename(moved)
    assert reconcile_outbox(pair.state) == {made.uuid: "pending"}
    assert sync_repo.get_outbox(pair.state.conn, made.uuid) is not None
    moved.rename(stick)
    assert reconcile_outbox(pair.state) == {made.uuid: "done"}
    assert reconcile_outbox(pair.state) == {}


def test_an_abandoned_sequence_is_never_reused(pair):
    made = sync_export.export_package(pair.state, pair.usb, pair.identity)
    with pair.state.db.atomic():
        sync_repo.mark_writing(pair.state.conn, made.uuid)
    made.path.unlink()  # the file never reached its final name
    assert reconcile_outbox(pair.state) == {made.uuid: "abandoned"}
    assert sync_repo.get_outbox(pair.state.conn, made.uuid) is None
    after = sync_export.export_package(pair.state, pair.usb, pair.identity)
    assert after.sequence == made.sequence + 1
    result = sync_import.import_packages(pair.hq, [after.path])[0]
    assert result.ok
    assert "W_SEQUENCE_GAP" in {c["errorCode"] for c in result.summary["conflicts"]}


def test_restoring_an_older_backup_does_not_reuse_a_sequence(pair):
    """A backup from before an export knows nothing of it; HQ may already hold that package."""
    from app.services.files import backup

    older = backup.backup_now(pair.state)
    first = sync_export.export_package(pair.state, pair.usb, pair.identity)
    assert sync_import.import_packages(pair.hq, [first.path])[0].ok
    backup.restore_backup(pair.state, older)
    elsewhere = pair.usb.parent / "otra_carpeta"  # not the folder that holds the first file
    second = sync_export.export_package(pair.state, elsewhere, pair.identity)
    assert second.sequence > first.sequence
    assert sync_import.import_packages(pair.hq, [second.path])[0].ok
