"""``coordina backup`` and ``coordina restore FILE``: database snapshots."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from app.cli.output import say as _say
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

backup = lazy("app.services.files.backup")

#: The answers that mean yes at the restore prompt.
YES = ("s", "sí", "si", "y", "yes")


def cmd_backup(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Snapshot the database now; prints the file written."""
    print(_say(ws.lang, "backup", path=str(backup.backup_now(ws, "manual"))), file=out)
    return 0


def _agreed(lang: str, out: TextIO) -> bool:
    """Ask at the terminal whether to restore; with no terminal to ask at, the answer is no."""
    answer = ""
    if sys.stdin is not None and sys.stdin.isatty():
        print(_say(lang, "restore_ask"), end="", file=out, flush=True)
        answer = sys.stdin.readline().strip().lower()
    return answer in YES


def cmd_restore(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Restore a backup after showing what it replaces and asking (unless ``--yes``)."""
    # Say what is replaced (the backup's date, its counts beside the current ones) and ask,
    # unless --yes; with no terminal to ask at, nothing is restored (issue 11 hole 5).
    preview = backup.preview_restore(ws, Path(args.file))
    print("\n".join(preview.lines(ws.lang)), file=out)
    if not args.yes and not _agreed(ws.lang, out):
        print(_say(ws.lang, "restore_declined"), file=err)
        return 1
    safety = backup.restore_backup(ws, Path(args.file))
    print(_say(ws.lang, "restored", path=args.file, safety=str(safety)), file=out)
    return 0


def add_backup_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``backup`` and ``restore FILE [--yes]``."""
    p = sub.add_parser("backup", parents=[common], help="snapshot the database now")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", parents=[common], help="restore a backup file (shows what it replaces, asks)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="restore without asking")
    p.set_defaults(func=cmd_restore)
