"""``coordina values import|export|template``: values in and out of files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app.cli.output import progress_bar
from app.cli.output import say as _say
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

value_files = lazy("app.services.files.value_files")  # pandas: imported by the commands only


def cmd_values_import(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Import a long-format file or a template; prints the counts and how many were flagged."""
    result = value_files.import_values(ws, Path(args.file), progress=progress_bar(err))
    print(
        _say(
            ws.lang,
            "values_imported",
            rows=result.rows,
            imported=result.imported,
            updated=result.updated,
            unchanged=result.unchanged,
        ),
        file=out,
    )
    if result.flagged:
        print(_say(ws.lang, "values_flagged", flagged=result.flagged), file=out)
    return 0


def cmd_values_export(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Export the values in long format; prints how many rows went where."""
    rows = value_files.export_values(ws, Path(args.out), args.format, args.state, args.period)
    print(_say(ws.lang, "exported", rows=rows, path=args.out), file=out)
    return 0


def cmd_values_template(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write the month's Excel template for a state."""
    path = value_files.write_template(ws, args.state, args.period, Path(args.out))
    print(
        _say(ws.lang, "template", state=ws.catalog.state(args.state).name, period=args.period, path=str(path)), file=out
    )
    return 0


def add_values_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``values import FILE``, ``values export`` and ``values template``."""
    val = sub.add_parser("values", parents=[common], help="import and export values")
    val_sub = val.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = val_sub.add_parser("import", parents=[common], help="import long-format CSV/XLSX or a template")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_values_import)
    p = val_sub.add_parser("export", parents=[common], help="export values in long format")
    p.add_argument("--format", required=True, choices=("csv", "xlsx"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--state", metavar="CODE", default=None)
    p.add_argument("--period", metavar="YYYYMM", default=None)
    p.set_defaults(func=cmd_values_export)
    p = val_sub.add_parser("template", parents=[common], help="write the month's Excel template")
    p.add_argument("--state", required=True, metavar="CODE")
    p.add_argument("--period", required=True, metavar="YYYYMM")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.set_defaults(func=cmd_values_template)
