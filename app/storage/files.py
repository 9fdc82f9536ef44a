"""Writing output files so that a failure leaves nothing behind.

A file is written beside its destination under a temporary name, flushed to disk, then
renamed over the destination in one step: a full disk or a crash never leaves a half
written PDF where the coordinator expects a whole one.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from app.models.messages import InputError, os_reason


def output_error(exc: OSError, path: Path) -> InputError:
    """A clear bilingual error for an output file that could not be written."""
    if exc.errno == errno.ENOSPC:
        return InputError("disk_full", path=str(path))
    return InputError("output_unwritable", path=str(path), reason=os_reason(exc))


def discard(path: Path) -> None:
    """Remove a temporary file if it is there; never raises (its folder may be gone or not a folder)."""
    try:
        Path(path).unlink(missing_ok=True)
    except OSError:
        pass


def check_writable_dir(folder: Path) -> None:
    """Raise InputError unless files can be created in ``folder`` (created when missing).

    Run before long work, so the person learns about a read-only folder at once.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".coordina-", delete=True):
            pass
    except OSError as exc:
        raise output_error(exc, folder) from None


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (temporary file + rename)."""
    path = Path(path)
    if path.is_dir():
        raise InputError("output_unwritable", path=str(path), reason="es una carpeta / is a folder")
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        tmp = Path(name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise output_error(exc, path) from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
