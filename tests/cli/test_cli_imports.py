"""The CLI parses its arguments before loading heavy libraries (issue 12, speed).

``python main.py --help`` took 1.6 s, 9.8 × a bare ``import PySide6.QtWidgets``, because
``app.cli.main`` imported pandas, pyHanko and ReportLab at module level. Each check runs in a fresh
interpreter, since this test process has long since imported them all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "numpy", "openpyxl", "pyhanko", "reportlab")


def _loaded_after(code: str) -> list[str]:
    """The heavy modules present in ``sys.modules`` after running ``code`` in a new Python."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_cli_loads_no_heavy_library() -> None:
    assert _loaded_after("import app.cli.main") == []


def test_help_loads_no_heavy_library() -> None:
    code = (
        "import contextlib, io\nfrom app.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    assert main(['--help']) == 0"
    )
    assert _loaded_after(code) == []


def test_facilities_list_loads_no_heavy_library(tmp_path: Path) -> None:
    code = (
        "import io\nfrom app.cli.main import main\n"
        f"assert main(['facilities', 'list', '--data-dir', {str(tmp_path)!r}], "
        "out=io.StringIO(), err=io.StringIO()) == 0"
    )
    assert _loaded_after(code) == []


def test_lazy_modules_still_work_after_the_parser(tmp_path: Path) -> None:
    """A command that needs pandas gets it after the parser has run without it."""
    out = tmp_path / "plantilla.csv"
    code = (
        "import io\nfrom app.cli.main import main\n"
        f"assert main(['facilities', 'list', '--data-dir', {str(tmp_path)!r}], out=io.StringIO()) == 0\n"
        "import pandas\nassert pandas.DataFrame([[1]]).shape == (1, 1)\n"
        f"assert main(['values', 'template', '--data-dir', {str(tmp_path / 'd')!r}, '--state', 'NAY', "
        f"'--period', '202401', '--out', {str(out)!r}], out=io.StringIO(), err=io.StringIO()) in (0, 1)"
    )
    assert "pandas" in _loaded_after(code)


def test_cli_layouts_match_the_renderer() -> None:
    """cli_pdf writes the layout names out so `--help` need not import ReportLab."""
    from app.cli.pdf import LAYOUTS
    from app.reports.pdf.summary_pdf import LAYOUTS as RENDERED

    assert tuple(LAYOUTS) == tuple(RENDERED)
