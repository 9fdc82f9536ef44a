"""``coordina report pdf``: the signed state summary from the command line.

    report pdf --state CODE --period YYYYMM --out F.pdf [--layout slide|handout|compact]
               [--sign F.p12 | --cer F.cer --key F.key] [--passphrase-env VAR] [--banner TEXT]
               [--fecha-corte YYYY-MM-DD]
    report pdf --all-states --period YYYYMM --out DIR [...]

The identity is opened (and the passphrase checked) and the output checked writable
before any summary is computed, so a mistake is reported at once and nothing is written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.models.messages import InputError, table
from app.models.values import format_number
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.services.summary.identity import Identity

# Imported by the command, not by `--help` (ReportLab and pyHanko take about a second).
identities = lazy("app.services.summary.identity")
report_pdf = lazy("app.services.summary.report_pdf")
#: The same as app.reports.pdf.summary_pdf.LAYOUTS (a test compares them), written out so that
#: building the parser does not import ReportLab.
LAYOUTS = ("slide", "handout", "compact")


def _t(lang: str) -> dict[str, str]:
    return table("cli.pdf.", lang)


def add_pdf_parser(report_sub: argparse._SubParsersAction, common: argparse.ArgumentParser, handler: Callable) -> None:
    """Register ``report pdf`` with its flags, exactly as the issue names them."""
    p = report_sub.add_parser(
        "pdf", parents=[common], help='write the state summary PDF ("Avances Generales"), optionally signed'
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--state", metavar="CODE", help="INEGI state code or name")
    target.add_argument(
        "--all-states", action="store_true", help="one PDF per state present in the database (--out is a folder)"
    )
    p.add_argument("--period", required=True, metavar="YYYYMM", help="last month of the window (year to date)")
    p.add_argument("--out", required=True, metavar="F.pdf|DIR")
    p.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="slide",
        help="slide: 16:9 for projectors (default); handout: A4 with the per-type table; "
        "compact: the 16:9 slide without rows that have no data",
    )
    p.add_argument("--sign", metavar="F.p12", help="sign with this PKCS#12 (.p12/.pfx) identity")
    p.add_argument("--cer", metavar="F.cer", help="sign with a SAT e.firma: the certificate")
    p.add_argument("--key", metavar="F.key", help="sign with a SAT e.firma: the private key")
    p.add_argument("--passphrase-env", metavar="VAR", help="environment variable holding the identity's passphrase")
    p.add_argument(
        "--banner",
        metavar="TEXT",
        default=None,
        help="banner for the page foot (default: the one saved for the report's year; none)",
    )
    p.add_argument(
        "--fecha-corte",
        metavar="YYYY-MM-DD",
        default=None,
        help="cut-off date inside the month the footnotes end at (default: the one "
        "stored with the report, else the month's last day)",
    )
    p.set_defaults(func=handler)


def _identity(args: argparse.Namespace) -> Identity | None:
    if args.sign and (args.cer or args.key):
        raise InputError("sign_choice_conflict")
    if not (args.sign or args.cer or args.key):
        return None
    if not args.sign and not (args.cer and args.key):
        raise InputError("required_field", field="--cer/--key")
    passphrase = identities.passphrase_from_env(args.passphrase_env or "--passphrase-env")
    if args.sign:
        return identities.load_identity(p12=Path(args.sign), passphrase=passphrase)
    return identities.load_identity(cer=Path(args.cer), key=Path(args.key), passphrase=passphrase)


def cmd_report_pdf(
    ws: Workspace,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write one state's summary, or every state's; prints one line per file."""
    identity = _identity(args)
    options = report_pdf.PdfOptions(layout=args.layout, lang=ws.lang, banner=args.banner, cutoff=args.fecha_corte)
    text = _t(ws.lang)
    signed = text["signed"].format(name=identity.name) if identity else text["unsigned"]
    if args.all_states:
        results = report_pdf.export_all_states(ws, args.period, Path(args.out), options, identity, progress=progress)
    else:
        results = [report_pdf.export_state_pdf(ws, args.state, args.period, Path(args.out), options, identity)]
    for result in results:
        print(
            text["written"].format(
                state=result.state_name, period=args.period, path=result.path, signed=signed, fp=result.fingerprint[:16]
            ),
            file=out,
        )
    if args.all_states:
        print(text["batch"].format(count=format_number(len(results)), folder=args.out), file=out)
    return 0
