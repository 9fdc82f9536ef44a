"""The dependency rules of DESIGN.md §2, checked by parsing imports with `ast`.

    ui → services → (storage, sync, reports) → models

- Nothing outside app/ui/ (main.py included) imports Qt.
- app/models imports only the standard library (and itself).
- app/storage, app/sync and app/reports import only app.models from the app.
- app/services does not import app.ui.

Every `import`, `from ... import` (relative ones resolved), `importlib.import_module("...")`
and `__import__("...")` counts, wherever it appears: in functions, under `if TYPE_CHECKING:`
or in a try block alike. A package directory that does not exist yet has nothing to check.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"

QT_MODULES = {"PySide6", "shiboken6", "PySide2", "shiboken2", "PyQt5", "PyQt6"}
MIDDLE_LAYERS = ("storage", "sync", "reports")


@dataclass(frozen=True)
class Import:
    path: str  # relative to the repo root, for messages
    line: int
    module: str  # absolute dotted name
    names: tuple[str, ...] = ()  # for `from module import a, b`

    @property
    def top(self) -> str:
        return self.module.partition(".")[0]

    def app_targets(self) -> list[str]:
        """The app modules this import may load: `from app import sync` loads app.sync."""
        if self.module == "app":
            return [f"app.{n}" for n in self.names if n != "*"] or ["app"]
        if self.module.startswith("app."):
            return [self.module]
        return []

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def layer_of(target: str) -> str:
    """'app.storage.repo' -> 'storage'; the bare package 'app' -> ''."""
    parts = target.split(".")
    return parts[1] if len(parts) > 1 else ""


def module_name(relpath: str) -> tuple[str, bool]:
    """'app/storage/db.py' -> ('app.storage.db', False); '.../__init__.py' -> (package, True)."""
    parts = list(Path(relpath).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def scan_source(relpath: str, source: str | bytes) -> list[Import]:
    """All imports in one file's source. Raises SyntaxError for a file that does not parse."""
    tree = ast.parse(source, filename=relpath)
    name, is_package = module_name(relpath)
    package = name if is_package else name.rpartition(".")[0]
    found: list[Import] = []

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(relpath, node.lineno, alias.name))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".") if package else []
                up = node.level - 1
                if up > len(parts):
                    base = "." * node.level  # beyond the top: kept visibly unresolved
                else:
                    base = ".".join(parts[: len(parts) - up])
                module = ".".join(p for p in (base, node.module) if p)
            else:
                module = node.module or ""
            names = tuple(alias.name for alias in node.names)
            found.append(Import(relpath, node.lineno, module, names))
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = (
                func.attr
                if isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id == "importlib"
                else func.id
                if isinstance(func, ast.Name)
                else None
            )
            arg = node.args[0]
            if (
                called in {"import_module", "__import__"}
                and isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and not arg.value.startswith(".")
            ):
                found.append(Import(relpath, node.lineno, arg.value))
    return found


def python_files() -> list[Path]:
    files = (
        sorted(p for p in APP.rglob("*.py") if "__pycache__" not in p.parts) if APP.is_dir() else []
    )
    main = ROOT / "main.py"
    if main.is_file():
        files.append(main)
    return files


def scan(files: list[Path]) -> list[Import]:
    found: list[Import] = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        try:
            found.extend(scan_source(rel, path.read_bytes()))
        except SyntaxError as exc:
            pytest.fail(f"{rel}:{exc.lineno}: does not parse, imports cannot be checked: {exc.msg}")
    return found


def files_under(package: str) -> list[Path]:
    return [p for p in python_files() if p.relative_to(ROOT).parts[:2] == ("app", package)]


def report(violations: list[str], rule: str) -> str:
    return f"{rule} — {len(violations)} violation(s):\n  " + "\n  ".join(violations)


# --- the rules --------------------------------------------------------------------------


def test_only_ui_imports_qt():
    outside_ui = [p for p in python_files() if p.relative_to(ROOT).parts[:2] != ("app", "ui")]
    violations = [
        f"{imp.where()}: imports {imp.module}" for imp in scan(outside_ui) if imp.top in QT_MODULES
    ]
    assert not violations, report(violations, "only app/ui/ may import Qt (PySide6/shiboken6)")


def test_models_imports_only_stdlib():
    violations = []
    for imp in scan(files_under("models")):
        targets = imp.app_targets()
        if targets:
            violations += [
                f"{imp.where()}: imports {t}" for t in targets if layer_of(t) != "models"
            ]
        elif imp.top not in sys.stdlib_module_names:
            violations.append(f"{imp.where()}: imports {imp.module} (not standard library)")
    assert not violations, report(violations, "app/models may import only the standard library")


@pytest.mark.parametrize("layer", MIDDLE_LAYERS)
def test_middle_layer_imports_only_models(layer):
    violations = [
        f"{imp.where()}: imports {t}"
        for imp in scan(files_under(layer))
        for t in imp.app_targets()
        if layer_of(t) not in {layer, "models"}
    ]
    assert not violations, report(
        violations, f"app/{layer} may import only app.models from the app"
    )


def test_services_do_not_import_ui():
    violations = [
        f"{imp.where()}: imports {t}"
        for imp in scan(files_under("services"))
        for t in imp.app_targets()
        if layer_of(t) == "ui"
    ]
    assert not violations, report(violations, "app/services must not import app.ui")


def test_ui_reaches_the_database_only_through_services():
    """The GUI and the CLI share app/services: the UI may name storage data types
    (``from app.storage.backups import Backup``) but never takes a repository module."""
    violations = [
        f"{imp.where()}: imports {imp.module} {', '.join(imp.names)}".strip()
        for imp in scan(files_under("ui"))
        if imp.module == "app.storage" or (imp.module.startswith("app.storage.") and not imp.names)
        or (imp.module.startswith("app.storage.") and any(n[:1].islower() for n in imp.names))
    ]
    assert not violations, report(violations, "app/ui must go through app.services for data")


# --- the scanner, on sources made up here -------------------------------------------------


def _modules(relpath: str, source: str) -> list[tuple[int, str]]:
    return [(imp.line, imp.module) for imp in scan_source(relpath, source)]


def test_scanner_resolves_relative_imports():
    src = "from . import repo\nfrom ..models import period\nfrom .db import open_db\n"
    assert _modules("app/storage/backup.py", src) == [
        (1, "app.storage"),
        (2, "app.models"),
        (3, "app.storage.db"),
    ]
    assert _modules("app/storage/__init__.py", "from .db import x\n") == [(1, "app.storage.db")]


def test_scanner_finds_nested_and_dynamic_imports():
    src = (
        "import importlib\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from app.sync import package\n"
        "def f():\n"
        "    import PySide6.QtCore\n"
        "    importlib.import_module('shiboken6')\n"
        "    __import__('app.ui')\n"
    )
    mods = _modules("app/storage/x.py", src)
    assert (4, "app.sync") in mods
    assert (6, "PySide6.QtCore") in mods
    assert (7, "shiboken6") in mods
    assert (8, "app.ui") in mods


def test_scanner_sees_packages_imported_from_app():
    (imp,) = scan_source("app/sync/x.py", "from app import models, storage\n")
    assert [layer_of(t) for t in imp.app_targets()] == ["models", "storage"]
