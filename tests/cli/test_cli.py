"""The command line: every command, exit codes 0/1/2, languages, data directory resolution."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent.parent
FACILITIES = [
    ["CLUES", "NOMBRE DE LA UNIDAD", "ENTIDAD", "MUNICIPIO", "TIPOLOGÍA", "NIVEL DE ATENCIÓN"],
    ["NTSSA000001", "Hospital General de Tepic", "18", "Tepic", "HOSPITAL GENERAL", "SEGUNDO NIVEL"],
    ["NTSSA000002", "Centro de Salud Rural Jala", "18", "Jala", "RURAL DE 01 NUCLEO BASICO", "PRIMER NIVEL"],
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def registered(data_dir, tmp_path):
    """A data directory with two Nayarit facilities imported through the CLI."""
    code, out, err = run(
        "--data-dir", str(data_dir), "facilities", "import", str(write_csv(tmp_path / "clues.csv", FACILITIES))
    )
    assert (code, err) == (0, ""), err
    return data_dir


def test_facilities_import_and_list(registered, tmp_path):
    code, out, _ = run("facilities", "list", "--data-dir", str(registered))
    assert code == 0 and "NTSSA000001  Hospital General de Tepic" in out
    code, out, _ = run("--data-dir", str(registered), "facilities", "list", "--json")
    data = json.loads(out)
    assert [(f["clues"], f["type_code"], f["level"]) for f in data] == [
        ("NTSSA000002", "CSR", 1),
        ("NTSSA000001", "HG", 2),
    ]
    code, out, _ = run("--data-dir", str(registered), "facilities", "import", str(tmp_path / "clues.csv"))
    assert out.strip() == "Importadas 2 unidades: 0 nuevas, 0 actualizadas, 2 sin cambios"


def test_rejected_rows_exit_1_with_details_in_the_chosen_language(registered, tmp_path):
    bad = write_csv(tmp_path / "malas.csv", [FACILITIES[0], ["XX1", "Mala", "18", "Tepic", "HG", "2"], FACILITIES[1]])
    code, out, err = run("--data-dir", str(registered), "facilities", "import", str(bad))
    assert code == 1 and out == ""
    assert "1 filas rechazadas; no se guardó nada" in err
    assert "malas.csv, fila 2: CLUES inválida «XX1»" in err
    code, _, err = run("--data-dir", str(registered), "--lang", "en", "facilities", "import", str(bad))
    assert code == 1
    assert "1 rows rejected; nothing was saved" in err and "malas.csv, row 2: invalid CLUES 'XX1'" in err
    code, _, err = run(
        "facilities", "import", str(tmp_path / "nada.csv"), "--lang", "en", "--data-dir", str(registered)
    )
    assert code == 1 and "File not found" in err


def test_values_import_export_and_template(registered, tmp_path):
    values = write_csv(
        tmp_path / "valores.csv",
        [
            ["org_unit", "period", "variable", "disaggregation", "value", "comment"],
            ["NTSSA000001", "202302", "cirugias", "", "120", "incluye cirugía ambulatoria"],
            ["NTSSA000001", "202302", "plazas_autorizadas", "especialistas", "40", ""],
            ["NTSSA000002", "202302", "consultas_medicina_familiar", "", "300", ""],
        ],
    )
    dd = ["--data-dir", str(registered)]
    code, out, _ = run(*dd, "values", "import", str(values))
    assert code == 0
    assert "Importadas 3 filas: 3 nuevas, 0 actualizadas, 0 sin cambios" in out
    code, out, _ = run(*dd, "--lang", "en", "values", "import", str(values))
    assert "Imported 3 rows: 0 new, 0 updated, 3 unchanged" in out

    exported = tmp_path / "export.xlsx"
    code, out, _ = run(
        *dd, "values", "export", "--format", "xlsx", "--out", str(exported), "--state", "18", "--period", "202302"
    )
    assert code == 0 and out.startswith("Exportadas 3 filas")
    code, out, _ = run(*dd, "values", "import", str(exported))
    assert "3 sin cambios" in out

    template = tmp_path / "plantilla.xlsx"
    code, out, _ = run(*dd, "values", "template", "--state", "18", "--period", "202302", "--out", str(template))
    assert code == 0 and template.is_file() and "Nayarit 202302" in out
    code, out, _ = run(*dd, "values", "import", str(template))
    assert code == 0 and "0 nuevas, 0 actualizadas" in out

    bad = write_csv(
        tmp_path / "mal.csv",
        [
            ["org_unit", "period", "variable", "disaggregation", "value", "comment"],
            ["NTSSA000001", "202302", "cirugias", "", "-4", ""],
        ],
    )
    code, _, err = run(*dd, "values", "import", str(bad))
    assert code == 1 and "mal.csv, fila 2: columna «value»: no se admiten valores negativos (-4)" in err


def test_report_close_and_reopen(registered):
    dd = ["--data-dir", str(registered)]
    code, out, _ = run(*dd, "report", "close", "--state", "18", "--period", "202302")
    assert (code, out.strip()) == (0, "Informe de Nayarit 202302: cerrado")
    code, _, err = run(*dd, "report", "close", "--state", "18", "--period", "202302")
    assert code == 1 and "ya está cerrado" in err
    code, out, _ = run(*dd, "--lang", "en", "report", "reopen", "--state", "18", "--period", "202302")
    assert code == 0 and "reopened" in out
    code, _, err = run(*dd, "report", "close", "--state", "99", "--period", "202302")
    assert code == 1 and "estado desconocido «99»" in err


def test_backup_and_restore(registered, tmp_path):
    dd = ["--data-dir", str(registered)]
    code, out, _ = run(*dd, "backup")
    assert code == 0
    snapshot = Path(out.strip().split(": ", 1)[1])
    assert snapshot.is_file()
    run(
        *dd,
        "facilities",
        "import",
        str(
            write_csv(
                tmp_path / "mas.csv",
                [FACILITIES[0], ["NTSSA000003", "Centro de Salud Urbano Tepic", "18", "Tepic", "URBANO", "1"]],
            )
        ),
    )
    assert len(json.loads(run(*dd, "facilities", "list", "--json")[1])) == 3
    code, out, _ = run(*dd, "restore", str(snapshot), "--yes")
    assert code == 0 and "Restaurado" in out
    assert len(json.loads(run(*dd, "facilities", "list", "--json")[1])) == 2
    code, _, err = run(*dd, "restore", str(tmp_path / "no.db"))
    assert code == 1 and "No existe el respaldo" in err


def test_demo_on_an_empty_data_directory(tmp_path):
    empty = tmp_path / "nuevo" / "datos"
    code, out, err = run("--data-dir", str(empty), "demo", "--state", "06")
    assert code == 0, err
    assert "Demo creada para Colima: 124 unidades" in out and "DEMO" in out
    facilities = json.loads(run("--data-dir", str(empty), "facilities", "list", "--json")[1])
    assert len(facilities) == 124 and all(f["is_demo"] for f in facilities)
    code, _, err = run("--data-dir", str(empty), "demo", "--state", "77")
    assert code == 1 and "estado desconocido" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["bogus"],
        ["values"],
        ["values", "export", "--format", "pdf", "--out", "x.pdf"],
        ["values", "template", "--state", "18"],
        ["report", "sign", "--state", "18", "--period", "202302"],
        ["--lang", "fr", "backup"],
    ],
)
def test_usage_errors_exit_2(data_dir, argv, capsys):
    assert cli.main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_unwritable_data_dir_exits_1(tmp_path):
    blocker = tmp_path / "un_archivo"
    blocker.write_text("x")
    code, _, err = run("--data-dir", str(blocker / "datos"), "backup")
    assert code == 1 and "No se puede escribir en el directorio de datos" in err
    code, _, err = run("--lang", "en", "--data-dir", str(blocker / "datos"), "backup")
    assert code == 1 and "is not writable" in err


def test_no_command_starts_the_gui_with_data_dir_and_language(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setenv("COORDINA_DATA_DIR", str(tmp_path / "env_dir"))
    assert cli.main(["--lang", "en"], gui=lambda d, lang: calls.append((d, lang)) or 0) == 0
    assert calls == [(tmp_path / "env_dir", "en")]
    assert cli.main(["--data-dir", str(tmp_path / "flag")], gui=lambda d, lang: calls.append((d, lang)) or 5) == 5
    assert calls[-1] == (tmp_path / "flag", None)  # no --lang: the GUI keeps its saved language


def test_progress_bar_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert cli.progress_bar(io.StringIO()) is None
    screen = Terminal()
    show = cli.progress_bar(screen)
    show(1, 4)
    show(4, 4)
    assert "[" + "#" * 7 + "." * 23 + "]  25 %" in screen.getvalue()
    assert screen.getvalue().endswith("100 %\n")


# -- the real entry point in a subprocess ----------------------------------------------------------


def main_py(*argv: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


def test_main_py_honours_coordina_data_dir(tmp_path):
    env = {**os.environ, "COORDINA_DATA_DIR": str(tmp_path / "desde_env"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    clues = write_csv(tmp_path / "clues.csv", FACILITIES)
    done = main_py("facilities", "import", str(clues), env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "desde_env" / "coordina.db").is_file()
    assert not (tmp_path / "xdg").exists()
    listed = main_py("facilities", "list", "--json", env=env)
    assert [f["clues"] for f in json.loads(listed.stdout)] == ["NTSSA000002", "NTSSA000001"]
    usage = main_py("facilities", env=env)
    assert usage.returncode == 2 and "usage:" in usage.stderr
    assert main_py("--help", env=env).returncode == 0
    rejected = main_py("--lang", "en", "values", "import", str(tmp_path / "none.csv"), env=env)
    assert rejected.returncode == 1 and "File not found" in rejected.stderr


def test_a_bug_is_an_internal_error_not_a_traceback(data_dir, monkeypatch):
    """An unexpected exception (a programming error) is exit 1 with the plain "internal error"
    message naming the log, and its traceback goes to the log file, not to the user."""
    from app.services.facilities import registry as facilities

    def broken(ws, state):
        raise KeyError("columna_inexistente")

    monkeypatch.setattr(facilities, "list_facilities", broken)
    # The log is configured once per process: start this test with none, so it goes to data_dir.
    import logging

    root = logging.getLogger("coordina")
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.delattr(root, "_coordina_configured", raising=False)
    code, out, err = run("--data-dir", str(data_dir), "facilities", "list")
    assert code == 1
    assert "Error interno de Coordina" in err and "Traceback" not in err
    assert "columna_inexistente" in err
    named = err.split("Los detalles quedaron en ")[1].split("; envíelos")[0]
    assert Path(named) == data_dir / "logs" / "coordina.log"
    log = Path(named).read_text(encoding="utf-8")
    assert "Traceback" in log and "columna_inexistente" in log


def test_module_loggers_reach_the_log_file(data_dir, monkeypatch):
    """Records of modules logging under their own name (app.ui.entry.session's missing outlier
    history, app.reports.signing.pades's fallback…) land in coordina.log, which support asks for."""
    import logging

    from app.cli.main import configure_logging

    root = logging.getLogger("coordina")
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.delattr(root, "_coordina_configured", raising=False)
    monkeypatch.setattr(logging.getLogger("app"), "handlers", [])
    configure_logging(data_dir)
    logging.getLogger("app.ui.entry.session").warning("no se pudo leer el historial de 18 202302")
    for handler in logging.getLogger("app").handlers:
        handler.flush()
    text = (data_dir / "logs" / "coordina.log").read_text(encoding="utf-8")
    assert "app.ui.entry.session" in text and "no se pudo leer el historial" in text
