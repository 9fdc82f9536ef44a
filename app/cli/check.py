"""``check``: verify the database, the change log, the outbox and the package archive.

Exit 0 when everything is intact, 1 when a problem was found (one line each), as the
other commands do for rejected input.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TextIO

from app.services.system.health_check import check_workspace
from app.services.workspace import Workspace


def cmd_check(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    report = check_workspace(ws)
    if args.json:
        json.dump(report.as_json(ws.lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for line in report.lines(ws.lang):
            print(line, file=out)
    return 0 if report.ok else 1


def add_check_parser(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, command: Callable = cmd_check
) -> None:
    """Register ``check [--json]``."""
    p = sub.add_parser(
        "check",
        parents=[common],
        help="verify the database, change log, outbox and package archive (exit 0 healthy, 1 problems found)",
    )
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=command)
