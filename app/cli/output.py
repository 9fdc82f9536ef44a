"""What every command shares: its messages in the chosen language and the terminal progress bar."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from app.models.messages import text as message_text
from app.models.values import format_number
from app.services.system.streams import is_terminal
from app.services.workspace import Workspace

#: A progress callback (done, total), or None where nothing shows progress.
Progress = Callable[[int, int], None] | None


def say(lang: str, key: str, **params: object) -> str:
    """The message ``cli.<key>`` in ``lang``, integers written with thousands separators."""
    shown = {k: format_number(v) if isinstance(v, int) else v for k, v in params.items()}
    return message_text("cli." + key, lang, **shown)


def progress_bar(stream: TextIO) -> Progress:
    """A one-line text progress bar on ``stream`` when it is a terminal, else None."""
    if not is_terminal(stream):  # also None: a windowed Windows exe has no console
        return None

    def show(done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        filled = int(30 * fraction)
        stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {int(fraction * 100):3d} %")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def with_progress(command: Callable) -> Callable:
    """A command that takes a progress callback, given the terminal's progress bar."""

    def run(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        return command(ws, args, out, err, progress=progress_bar(err))

    return run
