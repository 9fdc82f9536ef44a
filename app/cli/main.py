"""The command-line interface: the parser and ``main``; the commands live in one module per feature.

A thin layer over ``app.services``: every command opens the workspace, calls one
service and prints a short summary in the chosen language. Exit codes: 0 ok,
1 input rejected (the reason on stderr), 2 usage; ``verify`` also returns 3 for an intact
document whose signer is not trusted.
"""

from __future__ import annotations

import argparse
import logging
from typing import TextIO

from app.cli import export as cli_export
from app.cli.backup import add_backup_parsers
from app.cli.check import add_check_parser
from app.cli.demo import add_demo_parser
from app.cli.export import add_export_parser
from app.cli.facilities import add_facilities_parser
from app.cli.gui_start import GuiLauncher, add_global_options, configure_logging, start_gui
from app.cli.identity import add_identity_parser, add_verify_parser
from app.cli.monthly_report import add_report_parser
from app.cli.output import progress_bar as progress_bar  # tests and callers import it from here
from app.cli.output import say as _say
from app.cli.output import with_progress
from app.cli.selftest import add_selftest_parser
from app.cli.sync import add_sync_parsers
from app.cli.values import add_values_parser
from app.models.messages import InputError
from app.services.system.streams import stderr, stdout
from app.services.workspace import open_workspace, resolve_data_dir, unexpected_error

# The command modules import their services when a command first uses them: `--help` and
# `facilities list` must not load pandas, pyHanko or ReportLab (tests/cli/test_cli_imports.py,
# tests/bench/test_cli_start_bench.py).

log = logging.getLogger("coordina")


def _common_options() -> argparse.ArgumentParser:
    """The global options, given to every parser so they are accepted before or after the command."""
    common = argparse.ArgumentParser(add_help=False)
    add_global_options(common)
    return common


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; global options are accepted before or after the command.

    Each feature module registers its own sub-commands, in the order ``--help`` lists them.
    """
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="coordina",
        parents=[common],
        description="Coordina: monthly facility reports (IMSS-BIENESTAR). Without a command, starts the GUI.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_demo_parser(sub, common)
    add_facilities_parser(sub, common)
    add_values_parser(sub, common)
    add_report_parser(sub, common)
    add_identity_parser(sub, common)
    add_verify_parser(sub, common)
    add_export_parser(sub, common, with_progress(cli_export.cmd_export))
    add_sync_parsers(sub, common, with_progress)
    add_check_parser(sub, common)
    add_selftest_parser(sub, common)
    add_backup_parsers(sub, common)
    return parser


def main(
    argv: list[str] | None = None, gui: GuiLauncher | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 input rejected, 2 usage)."""
    out = out or stdout()  # a stream that drops the text when there is none (windowed exe)
    err = err or stderr()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    lang = getattr(args, "lang", None) or "es"
    if getattr(args, "command", None) == "self-test":  # temporary folders only, never DATA_DIR
        return args.func(args, out, err)
    if getattr(args, "command", None) is None:
        if gui is None:
            print(_say(lang, "no_gui"), file=err)
            return 2
        return start_gui(args, gui, err)
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    try:
        ws = open_workspace(data_dir, lang)
    except InputError as exc:
        print(exc.message(lang), file=err)
        return 1
    configure_logging(data_dir)
    try:
        log.info("command %s %s", args.command, getattr(args, "action", ""))
        return args.func(ws, args, out, err)
    except InputError as exc:
        log.info("rejected: %s", exc.message("es").splitlines()[0])
        print(exc.message(lang), file=err)
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: logged with its traceback, told plainly
        print(unexpected_error(exc).message(lang), file=err)
        return 1
    finally:
        ws.close()
