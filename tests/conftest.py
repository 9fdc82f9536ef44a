"""Shared pytest setup for Coordina.

Qt must see QT_QPA_PLATFORM before any test module imports it, so this is set first.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep tests away from a developer's real Coordina data and settings."""
    monkeypatch.delenv("COORDINA_DATA_DIR", raising=False)
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty, existing data directory for one test."""
    path = tmp_path / "data"
    path.mkdir()
    return path
