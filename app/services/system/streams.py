"""Standard streams that may not exist.

A windowed Windows executable (and ``pythonw``) starts with ``sys.stdin``, ``sys.stdout``
and ``sys.stderr`` set to None: ``print`` then quietly does nothing, but ``stream.write``,
``stream.isatty()`` or ``json.dump(..., stream)`` raise AttributeError (issue 13: ``demo``
failed with "'NoneType' object has no attribute 'isatty'"). Every use of a standard stream
goes through here.
"""

from __future__ import annotations

import io
import sys
from typing import TextIO


class NullStream(io.TextIOBase):
    """A text stream that accepts and drops everything; never a terminal."""

    def write(self, text: str) -> int:
        return len(text)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False


def stdout() -> TextIO:
    """``sys.stdout``, or a stream that drops the text when there is none."""
    return sys.stdout if sys.stdout is not None else NullStream()  # type: ignore[return-value]


def stderr() -> TextIO:
    """``sys.stderr``, or a stream that drops the text when there is none."""
    return sys.stderr if sys.stderr is not None else NullStream()  # type: ignore[return-value]


def is_terminal(stream: object) -> bool:
    """Whether ``stream`` is an interactive terminal (False for None or a closed stream)."""
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def stdin_is_terminal() -> bool:
    """Whether there is a person at a terminal to answer a question."""
    return is_terminal(sys.stdin)


def ensure_streams() -> None:
    """Give a windowed process sinks for the standard streams (at start-up, in main.py).

    Libraries that write to ``sys.stderr`` directly then lose their text instead of
    failing; our own output already goes through :func:`stdout`/:func:`stderr`.
    """
    if sys.stdout is None:
        sys.stdout = NullStream()
    if sys.stderr is None:
        sys.stderr = NullStream()
