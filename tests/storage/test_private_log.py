"""The log file rolls over by size and stays owner-only (app/storage/permissions.py).

``DATA_DIR/logs/coordina.log`` is what support asks a coordinator for: it must keep the
newest records, never grow without bound, and never be readable by another local account.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

from app.services.system.log_file import rotating_handler

ROOT = Path(__file__).resolve().parents[2]


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(f"test.private_log.{id(handler)}")
    logger.propagate = False
    logger.addHandler(handler)
    return logger


def test_the_log_rolls_over_at_its_size_and_keeps_the_newest_records(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "coordina.log"
    handler = rotating_handler(path, max_bytes=200, backups=2)
    logger = _logger(handler)
    try:
        for number in range(40):
            logger.warning("registro %02d con acentos: ñandú", number)
    finally:
        handler.close()
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["coordina.log", "coordina.log.1", "coordina.log.2"]  # the oldest dropped
    for name in files:
        assert (path.parent / name).stat().st_size < 200
        assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8").splitlines()[-1] == "registro 39 con acentos: ñandú"
    newer, older = (
        (path.parent / "coordina.log.1").read_text("utf-8"),
        (path.parent / "coordina.log.2").read_text("utf-8"),
    )
    first = int(path.read_text("utf-8").split()[1])
    assert int(newer.splitlines()[-1].split()[1]) == first - 1  # nothing lost between files
    assert int(older.splitlines()[-1].split()[1]) == int(newer.split()[1]) - 1
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_log_that_is_not_a_regular_file_is_never_rolled(tmp_path: Path) -> None:
    handler = rotating_handler(tmp_path / "logs" / "coordina.log", max_bytes=10, backups=1)
    handler.close()
    handler.baseFilename = os.devnull
    handler.stream = open(os.devnull, "a", encoding="utf-8")  # noqa: SIM115 - closed by the handler
    logger = _logger(handler)
    try:
        logger.warning("x" * 100)
    finally:
        handler.close()
    assert os.path.exists(os.devnull) and not os.path.exists(os.devnull + ".1")


def test_the_desktop_start_does_not_load_the_network_log_handlers() -> None:
    code = (
        "import sys\n"
        "from app.services.system.log_file import rotating_handler\n"
        "print(sorted(m for m in ('logging.handlers', 'socket', 'pickle') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
