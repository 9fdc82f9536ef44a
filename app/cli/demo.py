"""``coordina demo``: build a demo state from the seeds' figures."""

from __future__ import annotations

import argparse
from typing import TextIO

from app.cli.output import progress_bar
from app.cli.output import say as _say
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

demo = lazy("app.services.files.demo")  # imported by the command, not by `--help`


def cmd_demo(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Build the demo state; prints its name, counts and months."""
    result = demo.build_demo(ws, args.state, progress=progress_bar(err))
    print(
        _say(
            ws.lang,
            "demo",
            state=ws.catalog.states[result.state_code].name,
            facilities=result.facilities,
            values=result.values,
            first=result.periods[0],
            last=result.periods[-1],
        ),
        file=out,
    )
    return 0


def add_demo_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``demo [--state CODE]``."""
    p = sub.add_parser("demo", parents=[common], help="build a demo state from the seeds' figures")
    p.add_argument("--state", default="18", metavar="CODE", help="INEGI state code (default 18)")
    p.set_defaults(func=cmd_demo)
