"""No console: ``sys.stdout``/``sys.stderr`` None, as in a windowed Windows exe (issue 13 item 4).

Before the fix ``demo`` failed there with "'NoneType' object has no attribute 'isatty'"
(logged as an internal error, exit 1). Each run below sets both streams to None before
Coordina is imported, in a separate interpreter, and checks by its effects (exit code,
database, log), since nothing can be printed.
"""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import progress_bar
from app.services.system.streams import NullStream, is_terminal

ROOT = Path(__file__).resolve().parents[3]

#: Through main.py, as the executable runs it (ensure_streams, then the CLI).
VIA_MAIN = """
import sys, runpy
sys.stdout = None
sys.stderr = None
sys.argv = [{main!r}] + {args!r}
try:
    runpy.run_path({main!r}, run_name="__main__")
except SystemExit as done:
    code = done.code
else:
    code = 0
assert sys.stdout is not None and sys.stderr is not None  # main.py gave them sinks
open({rc!r}, "w").write(str(code))
"""

#: Straight into app.cli.main.main with the streams still None (its own guards only).
VIA_CLI = """
import sys
sys.stdout = None
sys.stderr = None
sys.path.insert(0, {root!r})
from app.cli.main import main
code = main({args!r})
assert sys.stdout is None and sys.stderr is None
open({rc!r}, "w").write(str(code))
"""


def run_without_console(tmp_path: Path, template: str, args: list[str], env_extra: dict | None = None) -> int:
    rc = tmp_path / "rc.txt"
    code = template.format(main=str(ROOT / "main.py"), root=str(ROOT), args=args, rc=str(rc))
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        **(env_extra or {}),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    # The interpreter itself may print (a Qt warning through fd 2); Python code must not fail.
    assert done.returncode == 0, done.stderr
    return int(rc.read_text())


def demo_counts(data_dir: Path) -> tuple[int, int]:
    conn = sqlite3.connect(data_dir / "coordina.db")
    try:
        return (
            conn.execute("SELECT COUNT(*) FROM facilities").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM data_values").fetchone()[0],
        )
    finally:
        conn.close()


@pytest.mark.parametrize("template", [VIA_MAIN, VIA_CLI], ids=["main.py", "app.cli.main.main"])
def test_demo_works_with_no_console(tmp_path, template):
    data = tmp_path / "datos"
    assert run_without_console(tmp_path, template, ["--data-dir", str(data), "demo"]) == 0
    assert demo_counts(data) == (309, 56490)
    log = (data / "logs" / "coordina.log").read_text(encoding="utf-8")
    assert "command demo" in log
    assert "internal error" not in log and "isatty" not in log


def test_self_test_works_with_no_console(tmp_path):
    (tmp_path / "tmp").mkdir()
    code = run_without_console(tmp_path, VIA_MAIN, ["self-test", "--json"], {"TMPDIR": str(tmp_path / "tmp")})
    assert code == 0
    assert list((tmp_path / "tmp").iterdir()) == []  # passed: its folder is gone


GUI_WITHOUT_CONSOLE = """
import sys, runpy
sys.stdout = None
sys.stderr = None
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0]])
QTimer.singleShot(3000, app.quit)  # the window's month is on screen well before
sys.argv = [{main!r}, "--data-dir", {data!r}]
try:
    runpy.run_path({main!r}, run_name="__main__")
except SystemExit as done:
    open({rc!r}, "w").write(str(done.code))
"""


def test_the_gui_starts_with_no_console_and_logs_its_start(tmp_path):
    data = tmp_path / "datos"
    rc = tmp_path / "rc.txt"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "demo"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=300,
    )
    code = GUI_WITHOUT_CONSOLE.format(main=str(ROOT / "main.py"), data=str(data), rc=str(rc))
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert rc.read_text() == "0"
    log = (data / "logs" / "coordina.log").read_text(encoding="utf-8")
    start = next(line for line in log.splitlines() if "GUI start:" in line)
    assert "INFO coordina.gui" in start and "Coordina 0.1.0 (source)" in start
    assert f"data dir {data}" in start and "Qt platform offscreen" in start
    assert "GUI exit: 0" in log
    fault = data / "logs" / "faulthandler.log"
    assert fault.is_file() and stat.S_IMODE(fault.stat().st_mode) == 0o600


def test_progress_bar_and_terminal_checks_accept_missing_streams():
    assert progress_bar(None) is None
    assert progress_bar(NullStream()) is None
    assert not is_terminal(None)
    closed = NullStream()
    closed.close()
    assert not is_terminal(closed)
