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
    from app.cli.gui_start import gui_arguments, start_gui

    # The desktop app's start skips the commands' parser and modules (issue 12).
    gui_args = gui_arguments(sys.argv[1:] if argv is None else argv)
    if gui_args is not None:
        from app.ui.common.startup_heap import hold_collection

        hold_collection()  # from here to the first month on screen: see startup_heap
        from app.services.system.streams import stderr

        return start_gui(gui_args, run_gui, stderr())
    from app.cli.main import main as cli_main

    return cli_main(argv, gui=run_gui)


if __name__ == "__main__":
    from app.services.system.streams import ensure_streams

    if getattr(sys, "frozen", False):  # the batch PDF export's worker processes; 14 ms to import
        import multiprocessing

        multiprocessing.freeze_support()
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
