"""Coordina's composition root: arguments → data directory → logging → workspace → GUI or command.

``python main.py`` starts the GUI; ``python main.py COMMAND ...`` runs a command
(see ``python main.py --help``). The argument handling and the commands live in
:mod:`app.cli.main`; Qt is imported only when the GUI starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `app` importable from the repo root
    sys.path.insert(0, str(Path(__file__).resolve().parent))


def run_gui(data_dir: Path, lang: str | None) -> int:
    """Start the desktop app (imported lazily so CLI commands never load Qt).

    ``lang`` is None when ``--lang`` was not given: the GUI then uses its saved choice.
    """
    from app.ui.app import run_gui as start

    return start(data_dir, lang)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    from app.cli.main import main as cli_main

    return cli_main(argv, gui=run_gui)


if __name__ == "__main__":
    import multiprocessing

    from app.services.system.streams import ensure_streams

    multiprocessing.freeze_support()  # the batch PDF export's worker processes, when frozen
    # A windowed Windows exe (the GUI, or a command started from its shortcut) has no
    # console: sys.stdout and sys.stderr are None. Give them sinks before anything writes.
    ensure_streams()
    try:
        sys.exit(main())
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        if sys.stderr is not None:
            sys.stderr.close()
        sys.exit(0)
