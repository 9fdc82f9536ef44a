"""Shared by tests/packaging/: the repository root, packaging/*.py loaded by path, real ELF files.

packaging/ is not a Python package (and must not shadow the ``packaging`` distribution), so
its modules are loaded from their files under private names.
"""

from __future__ import annotations

import importlib.util
import sys
import sysconfig
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def load(name: str) -> ModuleType:
    """packaging/<name>.py as the module ``coordina_packaging_<name>``."""
    module_name = f"coordina_packaging_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def qt_lib_dir() -> Path:
    """The Qt libraries of the installed PySide6 wheel (real ELF files with real needs)."""
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt" / "lib"


def dynload(prefix: str) -> Path:
    """A real extension module of the running interpreter (``_decimal``, ``_sqlite3``...)."""
    folder = Path(sysconfig.get_config_var("DESTSHARED"))
    return sorted(folder.glob(f"{prefix}.cpython-*.so"))[0]
