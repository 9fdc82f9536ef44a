"""Starting the GUI from the command line, without loading the commands.

``python main.py`` with only the global options (``--data-dir``, ``--lang``) starts the
GUI. Deciding that needs only those two options, not the parser of every command: the
command modules, the full parser and what they import cost ~70 ms that every start of the
desktop app paid before its window (issue 12). Anything else on the command line (a
command, ``--help``, a mistake) goes to :func:`app.cli.main.main`, which tells the usage.

Only argparse and logging load with this module: ``main.py`` pauses the garbage collector
for the GUI's start (app/ui/common/startup_heap.py) before the rest is imported.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

GuiLauncher = Callable[[Path, str | None], int]  # lang None: the GUI's saved preference


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """The options every invocation accepts, before or after a command."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="data directory (default: $COORDINA_DATA_DIR or the user data folder)",
    )
    parser.add_argument(
        "--lang", choices=("es", "en"), default=argparse.SUPPRESS, help="language of messages (default: es)"
    )


class _NotAGuiStart(Exception):
    """The command line is not just global options: the full parser must see it."""


class _QuietParser(argparse.ArgumentParser):
    """A parser that neither prints nor exits: its errors become :class:`_NotAGuiStart`."""

    def error(self, message: str) -> NoReturn:
        raise _NotAGuiStart(message)


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The parsed global options when ``argv`` asks for the GUI and nothing else; else None.

    None for a command, ``-h``, an abbreviated or unknown option, or a bad value: the full
    parser then reports it exactly as it always has.
    """
    parser = _QuietParser(add_help=False, allow_abbrev=False)
    add_global_options(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except (_NotAGuiStart, argparse.ArgumentError):
        return None
    return None if rest else args


def configure_logging(data_dir: Path) -> None:
    """Warnings to stderr; everything from INFO up to ``DATA_DIR/logs/coordina.log`` if writable."""
    root = logging.getLogger("coordina")
    if getattr(root, "_coordina_configured", False):
        return
    root.setLevel(logging.INFO)
    # A log that cannot be written (full disk, read-only folder) must never print logging's
    # own traceback over the message the user needs: drop the record silently instead.
    logging.raiseExceptions = False
    from app.services.system import log_file

    try:
        handler = log_file.rotating_handler(data_dir / "logs" / "coordina.log")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        # Modules that log under their own name (app.ui.entry.session, app.reports.signing.pades…)
        # reach the same file; before, their records went nowhere but stderr.
        modules = logging.getLogger("app")
        modules.setLevel(logging.INFO)
        modules.handlers = [h for h in modules.handlers if not log_file.is_log_handler(h)]
        modules.addHandler(handler)
        root._coordina_configured = True  # type: ignore[attr-defined]
    except OSError:
        pass  # an unwritable data directory is reported by open_workspace


def start_gui(args: argparse.Namespace, gui: GuiLauncher, err: TextIO) -> int:
    """Start the GUI on the data directory ``args`` name; 1 when no window can open."""
    from app.cli.display import display_missing
    from app.cli.output import say
    from app.services.workspace import resolve_data_dir

    chosen_lang: str | None = getattr(args, "lang", None)
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    if display_missing():  # else Qt dies with a misleading "xcb-cursor0 is needed"
        print(say(chosen_lang or "es", "no_display"), file=err)
        return 1
    configure_logging(data_dir)
    return gui(data_dir, chosen_lang)
