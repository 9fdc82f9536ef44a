"""``coordina facilities import|list|provisional``: the facility registry."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import TextIO

from app.cli import report as cli_report
from app.cli.output import say as _say
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

# `facilities list` must not load pandas (tests/cli/test_cli_imports.py).
facilities = lazy("app.services.facilities.registry")


def cmd_facilities_import(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Import a CLUES catalogue, all or nothing; prints the new/updated/unchanged counts."""
    preview = facilities.preview_facility_import(ws, Path(args.file))
    if preview.rejected:
        raise preview.error()  # the CLI is all or nothing, like every file import
    facilities.apply_facility_import(ws, preview)
    print(
        _say(
            ws.lang,
            "facilities_imported",
            total=len(preview.accepted),
            new=preview.new_count,
            updated=preview.updated_count,
            unchanged=preview.unchanged_count,
        ),
        file=out,
    )
    return 0


def cmd_facilities_list(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """List the facilities (of one state with ``--state``), as text or ``--json``."""
    found = facilities.list_facilities(ws, args.state)
    if args.json:
        json.dump([dataclasses.asdict(f) for f in found], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not found:
        print(_say(ws.lang, "facilities_none"), file=out)
    for fac in found:
        ftype = ws.catalog.facility_types.get(fac.type_code)
        label = ftype.label(ws.lang) if ftype else fac.type_code
        demo_mark = " [DEMO]" if fac.is_demo else ""
        print(f"{fac.clues}  {fac.name}  ·  {label}  ·  {fac.municipality}  ·  {fac.status}{demo_mark}", file=out)
    return 0


def add_facilities_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``facilities import FILE``, ``facilities list`` and ``facilities provisional``."""
    fac = sub.add_parser("facilities", parents=[common], help="facility registry")
    fac_sub = fac.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = fac_sub.add_parser("import", parents=[common], help="import a CLUES catalogue (CSV/XLSX)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_facilities_import)
    p = fac_sub.add_parser("list", parents=[common], help="list facilities")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--state", metavar="CODE", default=None)
    p.set_defaults(func=cmd_facilities_list)
    cli_report.add_provisional_parser(fac_sub, common)
