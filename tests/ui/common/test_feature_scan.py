"""PySide's check of each imported module, made on bytes (app/ui/common/feature_scan.py).

The check decides whether a module may switch PySide features; the cheap one must give
PySide's own answer for every module, or a module's Qt names could change under it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app.ui.common.feature_scan import uses_pyside

ROOT = Path(__file__).resolve().parents[3]


def test_the_cheap_check_gives_pysides_answer_for_every_module_of_a_real_start() -> None:
    code = """
import json, sys
import PySide6.QtCore
feature = sys.modules["PySide6.support.feature"]
pysides = feature._mod_uses_pyside
import app.ui.shell.main_window  # the package installs the cheap check on the way
from app.ui.common.feature_scan import uses_pyside
assert feature._mod_uses_pyside is uses_pyside
modules = [m for m in list(sys.modules.values()) if getattr(m, "__name__", None)]
differ = [m.__name__ for m in modules if pysides(m) != uses_pyside(m)]
print(json.dumps({"checked": len(modules), "pyside": sum(map(uses_pyside, modules)), "differ": differ}))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["differ"] == []
    assert seen["checked"] > 150 and seen["pyside"] > 10  # the main window's modules, PySide's own


def test_a_module_without_a_source_file_does_not_use_pyside(tmp_path: Path) -> None:
    import types

    assert not uses_pyside(sys)  # built in
    assert not uses_pyside(types.ModuleType("made_in_memory"))
    gone = types.ModuleType("gone")
    gone.__spec__ = types.SimpleNamespace(origin=str(tmp_path / "gone.py"))  # type: ignore[assignment]
    assert not uses_pyside(gone)
    here = tmp_path / "here.py"
    here.write_text("from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    gone.__spec__ = types.SimpleNamespace(origin=str(here))  # type: ignore[assignment]
    assert uses_pyside(gone)
