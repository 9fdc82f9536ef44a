"""The ``report`` command group: close and reopen a month; ``pdf`` and ``note`` come from their modules.

report close --state CODE --period YYYYMM [--fecha-corte YYYY-MM-DD]
report reopen --state CODE --period YYYYMM
"""

from __future__ import annotations

import argparse
from typing import TextIO

from app.cli import pdf as cli_pdf
from app.cli import report as cli_report
from app.cli.output import say as _say
from app.cli.output import with_progress
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

reports = lazy("app.services.summary.reports")


def cmd_report(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Close (the cut-off date kept with it) or reopen a state's month."""
    state = ws.catalog.state(args.state)
    if args.action == "close":
        reports.close_report(ws, state.code, args.period, cutoff=args.fecha_corte)
        key = "closed"
    else:
        reports.reopen_report(ws, state.code, args.period)
        key = "reopened"
    print(_say(ws.lang, key, state=state.name, period=args.period), file=out)
    return 0


def add_report_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``report close``, ``report reopen``, ``report pdf`` and ``report note``."""
    rep = sub.add_parser(
        "report", parents=[common], help="close or reopen a monthly report; write the state summary PDF"
    )
    rep_sub = rep.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, text in (
        ("close", "close the month (refused while it has errors)"),
        ("reopen", "reopen a closed month (logged)"),
    ):
        p = rep_sub.add_parser(action, parents=[common], help=text)
        p.add_argument("--state", required=True, metavar="CODE")
        p.add_argument("--period", required=True, metavar="YYYYMM")
        if action == "close":
            p.add_argument(
                "--fecha-corte",
                metavar="YYYY-MM-DD",
                default=None,
                help="cut-off date inside the month, stored with the closed report",
            )
        p.set_defaults(func=cmd_report)
    cli_pdf.add_pdf_parser(rep_sub, common, with_progress(cli_pdf.cmd_report_pdf))
    cli_report.add_note_parser(rep_sub, common)
