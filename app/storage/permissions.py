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


class PrivateRotatingFileHandler(logging.FileHandler):
    """A log that rolls over at ``max_bytes`` to ``.1`` … ``.{backups}``, every file owner-only (0600).

    What ``logging.handlers.RotatingFileHandler`` does, without that module: it brings
    ``socket``, ``pickle`` and ``selectors`` (for its network handlers), ~7 ms of every start
    of the desktop app, which sets up this log before its window (issue 12).
    """

    def __init__(self, path: Path, max_bytes: int, backups: int, encoding: str = "utf-8"):
        super().__init__(path, mode="a", encoding=encoding)
        self.max_bytes, self.backups = max_bytes, backups

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        _tighten(Path(self.baseFilename), PRIVATE_FILE)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._roll_over()
        except Exception:  # noqa: BLE001 - logging's own rule: a log never raises into the app
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        """Whether ``record`` would take a regular log file to ``max_bytes`` (never /dev/null)."""
        if self.max_bytes <= 0 or not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, io.SEEK_END)
        return self.stream.tell() + len(self.format(record)) + 1 >= self.max_bytes

    def _roll_over(self) -> None:
        """coordina.log → .1 → .2 …; the oldest beyond ``backups`` is dropped."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for number in range(self.backups, 0, -1):
            older = f"{base}.{number - 1}" if number > 1 else base
            if os.path.exists(older):
                os.replace(older, f"{base}.{number}")  # replaces the one beyond ``backups``
        if self.backups <= 0:
            os.remove(base)
        self.stream = self._open()
