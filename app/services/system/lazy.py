"""Modules imported on first use, so the CLI parses its arguments before loading heavy ones.

``python main.py --help`` used to import pandas, pyHanko and ReportLab (about 1.5 s) before
argparse ran. The command modules now name their services through :func:`lazy`; the real
import happens when a command first touches one of its attributes.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for a module until one of its attributes is read, then imports it once."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        # Only called for attributes this proxy does not have itself: the module's ones.
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy(name: str) -> Any:
    """A stand-in for ``import name`` that imports the module when first used."""
    return LazyModule(name)
