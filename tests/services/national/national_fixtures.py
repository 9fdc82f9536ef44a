"""Two demo states (Nayarit and Colima) in one database, as at headquarters.

Expose them in a test module: ``two_ws = national_fixtures.two_ws`` (and ``two_states_db``);
an import would trip ruff F811 on every test that takes the fixture.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.services.files.demo import build_demo
from app.services.workspace import open_workspace
from app.storage.database import DB_FILENAME


@pytest.fixture(scope="session")
def two_states_db(nayarit_demo_db: Path, tmp_path_factory) -> Path:
    """The Nayarit demo plus the Colima demo, built once; tests get copies via ``two_ws``."""
    directory = tmp_path_factory.mktemp("two_states")
    shutil.copy(nayarit_demo_db, directory / DB_FILENAME)
    workspace = open_workspace(directory, user="demo")
    build_demo(workspace, "06")
    workspace.close()
    return directory / DB_FILENAME


@pytest.fixture
def two_ws(two_states_db: Path, tmp_path: Path):
    """A fresh copy of the two-state workspace."""
    directory = tmp_path / "hq_data"
    directory.mkdir()
    shutil.copy(two_states_db, directory / DB_FILENAME)
    workspace = open_workspace(directory, user="hq")
    yield workspace
    workspace.close()
