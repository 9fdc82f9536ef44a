"""Deterministic kill points for the crash tests (issue 9).

A test runs a command in a child process with ``COORDINA_CRASH_AT`` naming one point; the
child kills itself with SIGKILL when it reaches it, exactly as a power cut or ``kill -9``
would stop it there. Without the variable (always, outside tests) this does nothing.
"""

from __future__ import annotations

import os

ENV_CRASH_AT = "COORDINA_CRASH_AT"


def crash_point(name: str) -> None:
    """Die at once, with no clean-up at all, when ``COORDINA_CRASH_AT`` is ``name``."""
    if os.environ.get(ENV_CRASH_AT) == name:
        import signal  # noqa: PLC0415 - only in the crash tests: its enums cost ~4 ms of every start

        kill = getattr(signal, "SIGKILL", None)
        if kill is None:  # Windows: no SIGKILL; _exit skips every clean-up just the same
            os._exit(137)
        os.kill(os.getpid(), kill)
