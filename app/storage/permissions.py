"""Owner-only files and folders (issue 11, hole 1).

The data directory holds the database (HQ's wrapped keys, every state's values), its
backups and logs: another local account must not read them. Folders are made ``0700`` and
files ``0600`` whatever the umask; a data directory made by an older Coordina is tightened
when it is opened. On Windows ``chmod`` only toggles read-only: the per-user AppData folder
is what protects the files there.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600

log = logging.getLogger("coordina.storage")


def _tighten(path: Path, mode: int) -> None:
    """``chmod`` to ``mode`` when broader and ours; a failure is logged, never fatal."""
    try:
        st = path.stat()
        if os.name != "posix" or stat.S_IMODE(st.st_mode) & ~mode == 0:
            return
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return  # someone else's folder (a shared mount): not ours to change
        os.chmod(path, mode)
    except OSError as exc:
        # Only for the log file: on a read-only or foreign file system the command goes on,
        # and whatever it cannot write is reported to the user in their language there.
        log.info("could not restrict permissions of %s: %s", path, exc)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it owner-only (0700). Raises OSError if it cannot be made."""
    path = Path(path)
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    _tighten(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists and is owner-only (0600), creating it empty if missing.

    Created with ``O_EXCL`` and mode 0600 so there is no moment when it is readable by others.
    """
    path = Path(path)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    _tighten(path, PRIVATE_FILE)
    return path


def tighten_files(folder: Path, pattern: str = "*") -> None:
    """Make the existing files matching ``pattern`` in ``folder`` owner-only (older installs)."""
    folder = Path(folder)
    if folder.is_dir():
        for path in folder.glob(pattern):
            if path.is_file():
                _tighten(path, PRIVATE_FILE)


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created owner-only (0600), the rolled-over ones too."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        _tighten(Path(self.baseFilename), PRIVATE_FILE)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)
