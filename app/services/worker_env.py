"""Worker processes never inherit a passphrase (issue 11, hole 10).

The CLI reads passphrases from environment variables named by ``--passphrase-env``. A
worker process started with ``spawn`` gets a copy of this process's environment, where any
code it runs (or a crash dump, or ``/proc/<pid>/environ``) could read them. Every variable
a passphrase was read from is registered here, and :func:`without_passphrases` takes them
out of the environment while workers are started.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator

_VARS: set[str] = set()
_LOCK = threading.Lock()


def register(var: str) -> None:
    """``var`` held a passphrase: keep it out of every worker started from now on."""
    if var:
        _VARS.add(var)


def registered() -> frozenset[str]:
    return frozenset(_VARS)


@contextlib.contextmanager
def without_passphrases() -> Iterator[None]:
    """Start worker processes inside this block: the passphrase variables are absent meanwhile.

    They are put back afterwards, for the rest of this process (a later command in the same
    process may read them again).
    """
    with _LOCK:
        saved = {var: os.environ.pop(var) for var in list(_VARS) if var in os.environ}
        try:
            yield
        finally:
            os.environ.update(saved)
