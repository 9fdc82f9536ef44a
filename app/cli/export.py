"""``coordina export``: the national export from the command line.

    export --format csv|xlsx|dhis2|adx --out F [--state CODE] [--period YYYYMM]

Without ``--state`` every state in the database is exported; without ``--period`` every
month. The format and the file's extension must agree (.csv, .xlsx, .json, .xml).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from app.models.messages import table
from app.models.values import format_number
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

national_export = lazy("app.services.national.national_export")  # imported by the command only


def add_export_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, handler: Callable) -> None:
    """Register ``export`` with its flags, exactly as the issue names them."""
    p = sub.add_parser(
        "export", parents=[common], help="national export of stored values: CSV, XLSX, DHIS2 JSON or ADX XML"
    )
    p.add_argument(
        "--format",
        required=True,
        choices=tuple(national_export.FORMATS),
        help="csv, xlsx, dhis2 (dataValueSets JSON, .json) or adx (ADX 1.0 XML, .xml)",
    )
    p.add_argument("--out", required=True, metavar="F")
    p.add_argument("--state", metavar="CODE", default=None, help="only this state (default: all)")
    p.add_argument("--period", metavar="YYYYMM", default=None, help="only this month (default: all)")
    p.set_defaults(func=handler)


def cmd_export(
    ws: Workspace,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the export; prints how many values went where."""
    rows = national_export.export_national(ws, args.format, Path(args.out), args.state, args.period, progress=progress)
    text = table("cli.export.", ws.lang)
    print(text["exported"].format(rows=format_number(rows), fmt=args.format, path=args.out), file=out)
    return 0
