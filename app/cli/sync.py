"""Sync commands (issue 4 item 6): the ``sync`` packages here; the other groups in their modules.

Names and flags as the issue writes them:

    sync export --out DIR [--full] --sign F.p12 --passphrase-env VAR
    sync import FILE... [--dry-run] [--json] [--passphrase-env VAR]   (VAR: HQ's keys)
    sync ack|update --state CODE --out DIR --passphrase-env VAR [--catalog DIR]
    sync status [--json]

HQ's private keys are wrapped under the passphrase in ``--passphrase-env``'s variable (issue
11). ``init``, ``hq-profile`` and ``enrol`` are in app/cli/sync_setup.py, ``catalog install``
in app/cli/catalog.py, ``targets`` in app/cli/targets.py; :func:`add_sync_parsers` registers
them all.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from app.cli.catalog import add_catalog_parser
from app.cli.sync_prompts import unlock
from app.cli.sync_setup import add_enrol_parser, add_hq_profile_parser, add_init_parser
from app.cli.targets import add_targets_parser
from app.models.messages import table
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

# Imported by the commands that use them, not when the parser is built (`--help`).
sync_ack = lazy("app.services.sync.sync_ack")
sync_export = lazy("app.services.sync.sync_export")
sync_import = lazy("app.services.sync.sync_import")
sync_keys = lazy("app.services.sync.sync_keys")
sync_status = lazy("app.services.sync.sync_status")
identities = lazy("app.services.summary.identity")

Progress = Callable[[int, int], None] | None


def _t(ws: Workspace) -> dict[str, str]:
    return table("cli.sync.", ws.lang)


def _export_package(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO, progress: Progress) -> int:
    """A state writes its next signed package; the path on stdout, what it holds on stderr."""
    text = _t(ws)
    passphrase = identities.passphrase_from_env(args.passphrase_env)
    identity = identities.load_identity(p12=Path(args.sign), passphrase=passphrase)
    made = sync_export.export_package(
        ws, Path(args.out), identity, full=args.full, pdfs=[Path(p) for p in args.pdf or []], progress=progress
    )
    print(text["exported"].format(path=made.path), file=out)
    print(
        text["export_detail"].format(
            seq=made.sequence, kind="completo" if made.full else "cambios", values=made.values, tomb=made.tombstones
        ),
        file=err,
    )
    return 0


def _import_packages(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO, progress: Progress) -> int:
    """Import packages of any kind; exit 1 unless every one was accepted."""
    sync_keys.require_passphrase(ws)  # HQ: every data package needs the key; say it once
    results = sync_import.import_packages(ws, [Path(f) for f in args.files], dry_run=args.dry_run, progress=progress)
    if args.json:
        doc = results[0].summary if len(results) == 1 else [r.summary for r in results]
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_import_results(ws, results, out, err)
    return 0 if all(r.ok for r in results) else 1


def _print_import_results(ws: Workspace, results: list, out: TextIO, err: TextIO) -> None:
    """One line per package with its status, then its first 20 conflicts (stderr when refused)."""
    text = _t(ws)
    for r in results:
        print(
            text["ok"].format(file=r.path.name, status=r.summary["status"], description=r.summary["description"]),
            file=out if r.ok else err,
        )
        for c in r.summary["conflicts"][:20]:
            print(f"  [{c['errorCode']}] {c['object']}: {c['value']}", file=out if r.ok else err)


def _write_reply(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    """HQ writes a state's acknowledgement (``ack``) or its facility/target/catalog update."""
    if args.action == "ack":
        made = sync_ack.make_ack(ws, args.state, Path(args.out))
    else:
        made = sync_ack.make_update(
            ws, args.state, Path(args.out), catalog_dir=Path(args.catalog) if args.catalog else None
        )
    print(_t(ws)["ack"].format(path=made), file=out)
    return 0


def _show_status(ws: Workspace, args: argparse.Namespace, out: TextIO) -> int:
    """The outbox and the inbox, as text or ``--json``."""
    status = sync_status.status(ws)
    if args.json:
        json.dump(status, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(sync_status.status_text(status, ws.lang))
    return 0


def cmd_sync(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO, progress: Progress = None) -> int:
    """``sync export|import|ack|update|status``; HQ's keys are unlocked first where they are needed."""
    if args.action == "export":
        return _export_package(ws, args, out, err, progress)
    if args.action in ("import", "ack", "update"):
        unlock(ws, args, err)
    if args.action == "import":
        return _import_packages(ws, args, out, err, progress)
    if args.action in ("ack", "update"):
        return _write_reply(ws, args, out)
    return _show_status(ws, args, out)


def add_package_parsers(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, wrap: Callable[[Callable], Callable]
) -> None:
    """Register ``sync export|import|ack|update|status``. ``wrap`` adds the CLI's progress bar."""
    sy = sub.add_parser("sync", parents=[common], help="sync packages between a state and HQ")
    sy_sub = sy.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sy_sub.add_parser("export", parents=[common], help="state: write the next package; prints its path")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--full", action="store_true", help="every value, not only the changes")
    p.add_argument("--sign", required=True, metavar="F.p12")
    p.add_argument("--passphrase-env", required=True, metavar="VAR")
    p.add_argument("--pdf", action="append", metavar="F.pdf", help="also carry this signed PDF (repeatable)")
    p.set_defaults(func=wrap(cmd_sync))
    p = sy_sub.add_parser("import", parents=[common], help="import packages of any kind")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="check and preview; change nothing")
    p.add_argument("--json", action="store_true", help="the DHIS2-shaped summary as JSON")
    p.add_argument("--passphrase-env", metavar="VAR", help="HQ: environment variable with HQ's keys' passphrase")
    p.set_defaults(func=wrap(cmd_sync))
    for action, text in (
        ("ack", "HQ: write the acknowledgement for a state"),
        (
            "update",
            "HQ: write a facility/target (and catalog) update for a state; "
            "it carries the targets stored with 'targets set'",
        ),
    ):
        p = sy_sub.add_parser(action, parents=[common], help=text)
        p.add_argument("--state", required=True, metavar="CODE")
        p.add_argument("--out", required=True, metavar="DIR")
        p.add_argument("--passphrase-env", metavar="VAR", help="environment variable with HQ's keys' passphrase")
        if action == "update":
            p.add_argument(
                "--catalog", metavar="DIR", help="also carry this catalog folder (must be HQ's active catalog)"
            )
        p.set_defaults(func=cmd_sync)
    p = sy_sub.add_parser("status", parents=[common], help="outbox and inbox")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)


def add_sync_parsers(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, wrap: Callable[[Callable], Callable]
) -> None:
    """Register init, hq-profile, enrol, sync, catalog and targets. ``wrap`` adds the CLI's progress bar."""
    add_init_parser(sub, common)
    add_hq_profile_parser(sub, common)
    add_enrol_parser(sub, common)
    add_package_parsers(sub, common, wrap)
    add_catalog_parser(sub, common)
    add_targets_parser(sub, common)
