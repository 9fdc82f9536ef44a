"""`values import` of a one-million-row CSV: bounded memory, the error list capped, and
nothing written when any row is bad (issue 9, defect 12).

Each import runs in its own process (tests/bench/values_import_probe.py) so its peak
resident memory (VmHWM) is measured alone. Run with `make bench BENCH_ARGS='-k values_import'`.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import RESOURCES_DIR
from app.models.catalog_load import load_catalog
from app.models.periods import current_period, shift

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("values_import_probe.py")
ROWS = 1_000_000
PEAK_LIMIT_MB = 300
HEADERS = ["org_unit", "period", "variable", "disaggregation", "value", "comment"]


def _keys() -> list[tuple[str, str]]:
    catalog = load_catalog(RESOURCES_DIR / "catalog")
    return [
        (v.code, o)
        for v in catalog.variables.values()
        if v.level == "facility" and v.unit == "count" and v.applies("hospital")
        for o in catalog.option_codes(v)
    ]


def _facilities(count: int) -> list[str]:
    return [f"NTSSA{i:06d}" for i in range(1, count + 1)]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A data directory with enough hospitals for a million distinct valid keys."""
    base = tmp_path_factory.mktemp("values_import_bench")
    data_dir = base / "data"
    clues = base / "clues.csv"
    with clues.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["CLUES", "NOMBRE DE LA UNIDAD", "ENTIDAD", "MUNICIPIO", "TIPOLOGÍA", "NIVEL DE ATENCIÓN"])
        for code in _facilities(130):
            writer.writerow([code, f"Hospital {code}", "18", "Tepic", "HOSPITAL GENERAL", "SEGUNDO NIVEL"])
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "facilities", "import", str(clues)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return data_dir


def _valid_rows():
    keys = _keys()
    periods = [shift(current_period(), -i) for i in range(0, 300)]
    for clues in _facilities(130):
        for period in periods:
            for variable, option in keys:
                yield [clues, period, variable, option, "5", ""]


def _write(path: Path, rows) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for index, row in enumerate(rows):
            if index == ROWS:
                break
            writer.writerow(row)
    return path


def _probe(data_dir: Path, path: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, str(PROBE), str(data_dir), str(path)], capture_output=True, text=True, cwd=ROOT, timeout=1800
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _reference(path: Path) -> float:
    """Seconds the bare csv-module read of ``path`` takes, in its own process, in this run."""
    return _probe(Path("--reference"), path)["seconds"]


def _stored(data_dir: Path) -> tuple[int, int]:
    conn = sqlite3.connect(data_dir / "coordina.db")
    try:
        return (
            conn.execute("SELECT count(*) FROM data_values").fetchone()[0],
            conn.execute("SELECT count(*) FROM change_log").fetchone()[0],
        )
    finally:
        conn.close()


def test_values_import_million_error_rows(workspace, tmp_path, record):
    path = _write(
        tmp_path / "errores.csv", (["NTSSA000001", "202302", "cirugias", "", f"malo{i}", ""] for i in range(ROWS))
    )
    before = _stored(workspace)
    result = _probe(workspace, path)
    bare = _reference(path)
    record(
        "values_import_1m_error_rows",
        seconds=result["seconds"],
        bare_csv_seconds=bare,
        ratio=result["seconds"] / bare,
        peak_mb=result["peak_mb"],
    )
    assert result["code"] == 1
    assert result["stderr_head"].startswith(f"{ROWS} filas rechazadas; no se guardó nada")
    assert result["stderr_lines"] == 102
    assert "y 999900 errores más" in result["stderr_tail"]
    assert result["peak_mb"] <= PEAK_LIMIT_MB
    assert _stored(workspace) == before


def test_values_import_million_valid_rows_and_one_bad(workspace, tmp_path, record):
    """Every row valid but the last: all of them checked and held, then nothing written."""

    def rows():
        for index, row in enumerate(_valid_rows()):
            if index == ROWS - 1:
                yield ["NTSSA000001", "202302", "cirugias", "", "-1", ""]
                return
            yield row

    path = _write(tmp_path / "casi_todo_bien.csv", rows())
    before = _stored(workspace)
    result = _probe(workspace, path)
    bare = _reference(path)
    record(
        "values_import_1m_valid_rows_one_bad",
        seconds=result["seconds"],
        bare_csv_seconds=bare,
        ratio=result["seconds"] / bare,
        peak_mb=result["peak_mb"],
    )
    assert result["code"] == 1
    assert result["stderr_head"].startswith("1 filas rechazadas; no se guardó nada"), result["stderr_head"]
    assert result["peak_mb"] <= PEAK_LIMIT_MB
    assert _stored(workspace) == before


def test_values_import_million_valid_rows_written(workspace, tmp_path, record):
    """A million valid values stored in one transaction, memory still bounded."""
    path = _write(tmp_path / "todo_bien.csv", _valid_rows())
    result = _probe(workspace, path)
    bare = _reference(path)
    record(
        "values_import_1m_valid_rows_written",
        seconds=result["seconds"],
        bare_csv_seconds=bare,
        ratio=result["seconds"] / bare,
        peak_mb=result["peak_mb"],
    )
    assert result["code"] == 0, result
    assert f"Importadas {ROWS:,} filas: {ROWS:,} nuevas" in result["stdout"], result["stdout"]
    assert result["peak_mb"] <= PEAK_LIMIT_MB
    assert _stored(workspace)[0] == ROWS
