"""``python main.py check``: database, change log, outbox and package archive (issue 9).

A healthy workspace exits 0; each kind of damage exits 1 with one line naming the thing.
"""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from app.cli import main as cli
from app.services.sync import sync_export, sync_import
from app.services.system.health_check import check_workspace
from app.storage.database import DB_FILENAME
from tests.services.sync_pair import make_pair


@pytest.fixture(scope="module")
def exchanged(nayarit_demo_db: Path, tmp_path_factory):
    """A state that exported one package and HQ that imported it, built once (copied per test)."""
    root = tmp_path_factory.mktemp("check")
    pair = make_pair(nayarit_demo_db, root)
    made = sync_export.export_package(pair.state, pair.usb, pair.identity)
    assert sync_import.import_packages(pair.hq, [made.path])[0].ok
    pair.state.close()
    pair.hq.close()
    return root


@pytest.fixture
def site(exchanged: Path, tmp_path: Path) -> Path:
    """A private copy of the state, HQ and the USB folder (paths in the rows kept valid)."""
    import shutil

    root = tmp_path / "site"
    shutil.copytree(exchanged, root)
    for side in ("nayarit", "hq"):
        conn = sqlite3.connect(root / side / DB_FILENAME)
        with conn:
            conn.execute("UPDATE outbox SET path = replace(path, ?, ?)", (str(exchanged), str(root)))
            conn.execute("UPDATE inbox SET archive_path = replace(archive_path, ?, ?)", (str(exchanged), str(root)))
            conn.execute("UPDATE settings SET value = replace(value, ?, ?)", (str(exchanged), str(root)))
        conn.close()
    return root


def _check(data_dir: Path, *extra: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), "check", *extra], out=out, err=err)
    return code, out.getvalue() + err.getvalue()


def _sql(data_dir: Path, *statements: str) -> None:
    conn = sqlite3.connect(data_dir / DB_FILENAME, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_a_healthy_state_and_hq_pass(site):
    for side in ("nayarit", "hq"):
        code, text = _check(site / side)
        assert code == 0, text
        assert "Todo en orden" in text
    code, text = _check(site / "nayarit", "--lang", "en")
    assert code == 0 and "All good" in text


def test_json_output(site):
    code, text = _check(site / "hq", "--json")
    doc = json.loads(text)
    assert code == 0 and doc["ok"] is True and doc["problems"] == []
    assert doc["checked"]["archive"] == 1


def test_a_tampered_log_row(site):
    state = site / "nayarit"
    _sql(state, "DROP TRIGGER change_log_no_update", "UPDATE change_log SET new_value = '999999' WHERE id = 5")
    code, text = _check(state)
    assert code == 1
    # The demo logs its values as block links (one hash seals many rows), so the break is
    # named at the first row of the block that holds row 5.
    conn = sqlite3.connect(state / DB_FILENAME)
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM change_log WHERE id < 5 AND hash != ''").fetchone()[0]
    conn.close()
    lines = [line for line in text.splitlines() if "historial de cambios" in line]
    assert len(lines) == 1 and lines[0].endswith(f"registro {first}"), lines


def test_a_deleted_outbox_file(site):
    state = site / "nayarit"
    package = next((site / "usb").glob("*.coordina"))
    package.unlink()
    code, text = _check(state)
    assert code == 1
    assert any("bandeja de salida" in line.lower() and package.name in line for line in text.splitlines()), text
    code, text = _check(state, "--json")
    assert json.loads(text)["problems"][0]["kind"] == "outbox_missing"


def test_a_package_file_without_its_row(site):
    state = site / "nayarit"
    package = next((site / "usb").glob("*.coordina"))
    _sql(state, "DELETE FROM outbox")
    code, text = _check(state)
    assert code == 1
    assert any("sin registro" in line and package.name in line for line in text.splitlines())


def test_an_altered_outbox_file(site):
    package = next((site / "usb").glob("*.coordina"))
    package.write_bytes(package.read_bytes() + b"x")
    code, text = _check(site / "nayarit")
    assert code == 1 and package.name in text


def test_an_altered_archive_file(site):
    hq = site / "hq"
    archived = next((hq / "archivo").rglob("*.coordina"))
    data = bytearray(archived.read_bytes())
    data[100] ^= 0xFF
    archived.write_bytes(bytes(data))
    code, text = _check(hq)
    assert code == 1
    lines = [line for line in text.splitlines() if archived.name in line]
    assert len(lines) == 1 and "archivo de paquetes" in lines[0].lower()


def test_a_missing_archive_file(site):
    hq = site / "hq"
    next((hq / "archivo").rglob("*.coordina")).unlink()
    code, text = _check(hq)
    assert code == 1 and "no existe" in text


def test_a_corrupted_database_page(site):
    state = site / "nayarit"
    conn = sqlite3.connect(state / DB_FILENAME)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'idx_values_period'").fetchone()[0]
    conn.close()
    with open(state / DB_FILENAME, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    code, text = _check(state)
    assert code == 1, text
    assert "Traceback" not in text
    assert any("base de datos" in line.lower() for line in text.splitlines()[1:])


def test_a_foreign_key_violation(site):
    state = site / "nayarit"
    _sql(
        state,
        "PRAGMA foreign_keys = OFF",
        "INSERT INTO facility_status_history (clues, status, start_date, recorded_at) "
        "VALUES ('XXSSA999999', 'operando', '2023-01-01', '2023-01-01')",
    )
    report = None
    from app.services.workspace import open_workspace

    ws = open_workspace(state)
    try:
        report = check_workspace(ws)
    finally:
        ws.close()
    kinds = {p.kind for p in report.problems}
    assert "foreign_key" in kinds, report.problems
