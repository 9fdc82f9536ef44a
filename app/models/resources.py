"""Where the read-only resources (catalog, fonts, help, translations, demo seeds) are.

From a source checkout they are ``<repo>/resources``. In a PyInstaller bundle they are
unpacked beside the code in ``sys._MEIPASS`` (``<bundle>/_internal/resources`` for a
one-folder build), which this says explicitly rather than trusting that a module's
``__file__`` happens to point there. Standard library only: every layer may ask.
"""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES = "resources"


def is_frozen() -> bool:
    """Whether this process runs from a bundle (PyInstaller sets ``sys.frozen``)."""
    return bool(getattr(sys, "frozen", False))


def bundle_root() -> Path | None:
    """The folder the bundle unpacked its files into, or None from a source checkout."""
    if not is_frozen():
        return None
    unpacked = getattr(sys, "_MEIPASS", None)
    # Without _MEIPASS (another freezer) the files sit beside the executable.
    return Path(unpacked) if unpacked else Path(sys.executable).resolve().parent


def resources_dir() -> Path:
    """The ``resources`` folder of this installation (bundle or checkout)."""
    root = bundle_root()
    if root is not None:
        return root / RESOURCES
    return Path(__file__).resolve().parents[2] / RESOURCES
