"""The log file under ``DATA_DIR/logs``: the CLI sets it up, the storage layer makes it private.

The CLI may import only services and models (tests/test_architecture.py); this is its way
to the owner-only folder and file handler of :mod:`app.storage.permissions`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.storage.permissions import PrivateRotatingFileHandler, private_dir


def rotating_handler(path: Path, max_bytes: int = 1_000_000, backups: int = 3) -> logging.Handler:
    """A UTF-8 rotating handler writing ``path``; its folder is made owner-only (issue 11)."""
    private_dir(path.parent)
    return PrivateRotatingFileHandler(path, max_bytes, backups)


def is_log_handler(handler: logging.Handler) -> bool:
    """Whether ``handler`` is one :func:`rotating_handler` made (so it is added only once)."""
    return isinstance(handler, PrivateRotatingFileHandler)
