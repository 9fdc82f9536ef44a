"""Issue 11 hole 5: a restore says what it replaces and asks first (CLI and service).

The schema check itself (extra trigger, foreign file) is in
``tests/storage/test_backups.py::test_restore_refuses_a_database_that_is_not_our_schema``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from app.cli import main as cli
from app.models.facility import Facility
from app.models.messages import InputError
from app.services.files import backup
from app.services.workspace import open_workspace
from app.storage import facilities_repo

UNITS = [
    Facility("NTSSA000001", "Hospital General de Tepic", "18", "HG", 2, "Tepic"),
    Facility("NTSSA000002", "Centro de Salud Rural Jala", "18", "CSR", 1, "Jala"),
]


@pytest.fixture
def snapshot(data_dir: Path) -> Path:
    """A backup with two units, then a third unit added after it."""
    ws = open_workspace(data_dir, user="ana")
    try:
        with ws.db.atomic():
            facilities_repo.upsert_facilities(ws.conn, UNITS, "2023-01-01T00:00:00+00:00")
        taken = backup.backup_now(ws, "manual")
        with ws.db.atomic():
            facilities_repo.upsert_facilities(
                ws.conn, [Facility("NTSSA000003", "CS Urbano", "18", "CSU", 1, "Tepic")], "2023-01-02T00:00:00+00:00"
            )
    finally:
        ws.close()
    return taken


def _units(data_dir: Path) -> int:
    ws = open_workspace(data_dir, user="ana")
    try:
        return ws.conn.execute("SELECT count(*) FROM facilities").fetchone()[0]
    finally:
        ws.close()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return cli.main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


def test_preview_says_the_date_and_counts_it_replaces(data_dir, snapshot):
    ws = open_workspace(data_dir, user="ana")
    try:
        preview = backup.preview_restore(ws, snapshot)
        assert preview.backup_counts == (0, 2, 0) and preview.current_counts == (0, 3, 0)
        text = "\n".join(preview.lines("es"))
        assert snapshot.name in text and "unidades: 3 ahora → 2 en el respaldo" in text
        assert "facilities: 3 now → 2 in the backup" in "\n".join(preview.lines("en"))
        with pytest.raises(InputError):
            backup.preview_restore(ws, data_dir / "no-existe.db")
    finally:
        ws.close()


def test_cli_restore_without_yes_and_no_terminal_restores_nothing(data_dir, snapshot, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("s\n"))  # not a terminal: nobody to ask
    code, out, err = run("--data-dir", str(data_dir), "restore", str(snapshot))
    assert code == 1 and "No se restauró nada" in err and "--yes" in err
    assert "unidades: 3 ahora → 2 en el respaldo" in out
    assert _units(data_dir) == 3


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "code", "units"), [("s\n", 0, 2), ("n\n", 1, 3), ("\n", 1, 3)])
def test_cli_restore_asks_at_a_terminal(data_dir, snapshot, monkeypatch, answer, code, units):
    monkeypatch.setattr(sys, "stdin", _Terminal(answer))
    got, out, _err = run("--data-dir", str(data_dir), "restore", str(snapshot))
    assert got == code and "[s/N]" in out
    assert _units(data_dir) == units


def test_cli_restore_with_yes(data_dir, snapshot):
    code, out, _ = run("--data-dir", str(data_dir), "restore", str(snapshot), "--yes")
    assert code == 0 and "Restaurado" in out and "unidades: 3 ahora → 2" in out
    assert _units(data_dir) == 2
