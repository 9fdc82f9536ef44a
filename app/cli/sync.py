"""Sync commands: profiles, enrolment, packages (issue 4 item 6). Names and flags as the
issue writes them:

    init --role state --state CODE [--name N --position P]    init --role hq --passphrase-env VAR
    hq-profile export --out F --passphrase-env VAR     hq-profile import F [--fingerprint FP]
    hq-profile rotate --passphrase-env VAR
    enrol export --out F [--cert F]  enrol import F [--fingerprint FP] [--replace FP]
    enrol revoke FP   enrol list
    sync export --out DIR [--full] --sign F.p12 --passphrase-env VAR
    sync import FILE... [--dry-run] [--json] [--passphrase-env VAR]   (VAR: HQ's keys)
    sync ack|update --state CODE --out DIR --passphrase-env VAR [--catalog DIR]

HQ's private keys are wrapped under the passphrase in ``--passphrase-env``'s variable (issue
11); an HQ profile or an enrolment is stored only once its fingerprint is confirmed, with
``--fingerprint`` (as read over the phone) or by answering yes at a terminal.
    sync status [--json]              catalog install DIR
    targets set CODE=VALUE...         targets clear CODE        targets list [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from app.models.messages import InputError, table
from app.services.system.lazy import lazy
from app.services.system.streams import stdin_is_terminal
from app.services.workspace import Workspace

# Imported by the commands that use them, not when the parser is built (`--help`).
catalog_install = lazy("app.services.facilities.catalog_install")
sync_ack = lazy("app.services.sync.sync_ack")
sync_export = lazy("app.services.sync.sync_export")
sync_import = lazy("app.services.sync.sync_import")
sync_keys = lazy("app.services.sync.sync_keys")
sync_profile = lazy("app.services.sync.sync_profile")
sync_enrol = lazy("app.services.sync.sync_enrol")
sync_status = lazy("app.services.sync.sync_status")
targets = lazy("app.services.summary.targets")
identities = lazy("app.services.summary.identity")

Progress = Callable[[int, int], None] | None


def _t(ws: Workspace) -> dict[str, str]:
    return table("cli.sync.", ws.lang)


def _passphrase(args: argparse.Namespace) -> bytes | None:
    var = getattr(args, "passphrase_env", None)
    return identities.passphrase_from_env(var) if var else None


def _unlock(ws: Workspace, args: argparse.Namespace, err: TextIO) -> None:
    """At HQ: check ``--passphrase-env`` against the keys (raw keys are wrapped now).

    A wrong passphrase stops the command here, before anything is written.
    """
    if not sync_keys.holds_private_keys(ws):
        return  # a state: HQ's public keys only
    passphrase = _passphrase(args)
    if passphrase is None:
        if not sync_keys.needs_passphrase(ws):
            print(_t(ws)["unprotected"], file=err)
        return  # hq_keys() says E_PASSPHRASE_NEEDED where the keys are needed
    if sync_keys.unlock(ws, passphrase):
        print(_t(ws)["wrapped"], file=err)


def _confirmed(ws: Workspace, args: argparse.Namespace, out: TextIO, what: str, fp: str) -> bool:
    """Without ``--fingerprint``: ask at a terminal; never assume yes."""
    if args.fingerprint is not None or not stdin_is_terminal():  # None in a windowed exe
        return False
    out.write(_t(ws)["confirm"].format(what=what, fp=fp))
    out.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in ("s", "si", "sí", "y", "yes")


def cmd_init(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    passphrase = _passphrase(args)
    if args.role == "hq" and passphrase is None:
        raise InputError("required_field", field="--passphrase-env VAR")
    made = sync_profile.init_profile(
        ws,
        args.role,
        args.state,
        args.name or "",
        args.position or "",
        passphrase=passphrase if args.role == "hq" else None,
    )
    if made.role == "hq":
        keys = sync_profile.hq_keys(ws)
        print(
            _t(ws)["init_hq"].format(
                fp=sync_profile.readable(sync_profile.hq_fingerprint(keys.sign_public, keys.enc_public))
            ),
            file=out,
        )
    else:
        print(
            _t(ws)["init_state"].format(state=ws.catalog.states[made.state_code].name, device=made.device_id), file=out
        )
    return 0


def cmd_hq_profile(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.action == "export":
        _unlock(ws, args, err)
        fp = sync_profile.export_hq_profile(ws, Path(args.out))
        print(_t(ws)["hq_exported"].format(path=args.out, fp=fp), file=out)
    elif args.action == "rotate":
        passphrase = _passphrase(args)
        _unlock(ws, args, err)
        print(_t(ws)["rotated"].format(fp=sync_profile.rotate_hq_keys(ws, passphrase or b"")), file=out)
    else:
        sync_profile.require_profile(ws, "state")
        found = sync_profile.read_hq_profile(Path(args.file))
        yes = _confirmed(ws, args, out, _t(ws)["what_hq"], found.readable)
        keys, fp = sync_profile.import_hq_profile(ws, Path(args.file), args.fingerprint, confirmed=yes)
        print(_t(ws)["hq_imported"].format(name=keys.name, fp=fp), file=out)
    return 0


def cmd_enrol(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text = _t(ws)
    if args.action == "export":
        fp = sync_enrol.export_enrolment(ws, Path(args.out), Path(args.cert) if args.cert else None)
        print(text["enrol_exported"].format(path=args.out, fp=fp), file=out)
    elif args.action == "import":
        sync_profile.require_profile(ws, "hq")
        state, _cert, fp = sync_enrol.enrolment_preview(ws, Path(args.file))
        yes = _confirmed(ws, args, out, text["what_enrol"].format(state=state), fp)
        reg = sync_enrol.import_enrolment(ws, Path(args.file), args.replace, args.fingerprint, confirmed=yes)
        print(
            text["enrol_imported"].format(
                name=reg.name, state=ws.catalog.states[reg.state_code].name, fp=sync_profile.readable(reg.fingerprint)
            ),
            file=out,
        )
    elif args.action == "revoke":
        reg = sync_enrol.revoke(ws, args.fingerprint, args.note or "")
        print(
            text["revoked"].format(
                name=reg.name, state=ws.catalog.states[reg.state_code].name, fp=sync_profile.readable(reg.fingerprint)
            ),
            file=out,
        )
    else:
        for reg in sync_enrol.registrations(ws):
            status = text["active"] if reg.active else text["revoked_status"].format(at=reg.revoked_at)
            print(
                text["registration"].format(
                    state=reg.state_code, name=reg.name, fp=sync_profile.readable(reg.fingerprint), status=status
                ),
                file=out,
            )
    return 0


def cmd_sync(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO, progress: Progress = None) -> int:
    text = _t(ws)
    if args.action == "export":
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
    if args.action in ("import", "ack", "update"):
        _unlock(ws, args, err)
    if args.action == "import":
        sync_keys.require_passphrase(ws)  # HQ: every data package needs the key; say it once
        results = sync_import.import_packages(
            ws, [Path(f) for f in args.files], dry_run=args.dry_run, progress=progress
        )
        if args.json:
            doc = results[0].summary if len(results) == 1 else [r.summary for r in results]
            json.dump(doc, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            for r in results:
                print(
                    text["ok"].format(
                        file=r.path.name, status=r.summary["status"], description=r.summary["description"]
                    ),
                    file=out if r.ok else err,
                )
                for c in r.summary["conflicts"][:20]:
                    print(f"  [{c['errorCode']}] {c['object']}: {c['value']}", file=out if r.ok else err)
        return 0 if all(r.ok for r in results) else 1
    if args.action == "ack":
        print(text["ack"].format(path=sync_ack.make_ack(ws, args.state, Path(args.out))), file=out)
        return 0
    if args.action == "update":
        made = sync_ack.make_update(
            ws, args.state, Path(args.out), catalog_dir=Path(args.catalog) if args.catalog else None
        )
        print(text["ack"].format(path=made), file=out)
        return 0
    status = sync_status.status(ws)
    if args.json:
        json.dump(status, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(sync_status.status_text(status, ws.lang))
    return 0


def cmd_catalog(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``catalog install DIR``: validate and install a newer catalog in this data directory."""
    loaded, folder = catalog_install.install_catalog(ws, Path(args.dir))
    print(_t(ws)["catalog_installed"].format(version=loaded.version, path=folder), file=out)
    return 0


def _target_pairs(items: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError("target_syntax", text=item)
        pairs[key.strip()] = value.strip()
    return pairs


def cmd_targets(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``targets set CODE=VALUE...`` / ``clear CODE`` / ``list [--json]``: HQ's metas."""
    text = _t(ws)
    if args.action == "set":
        stored = targets.set_targets(ws, _target_pairs(args.entries))
        print(text["targets_set"].format(count=len(stored)), file=out)
        return 0
    if args.action == "clear":
        gone = targets.clear_target(ws, args.code)
        print(text["target_cleared" if gone else "target_absent"].format(key=args.code), file=out)
        return 0
    stored = targets.targets(ws)
    if args.json:
        json.dump(stored, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not stored:
        print(text["no_targets"], file=out)
    for key, value in stored.items():
        indicator = ws.catalog.indicators.get(targets.split_key(key)[1])
        label = indicator.label(ws.lang) if indicator else "?"
        shown = str(int(value)) if value.is_integer() else str(value)
        print(text["target_line"].format(key=key, value=shown, label=label), file=out)
    return 0


def add_sync_parsers(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, wrap: Callable[[Callable], Callable]
) -> None:
    """Register init, hq-profile, enrol, sync, catalog and targets. ``wrap`` adds the CLI's progress bar."""
    p = sub.add_parser("init", parents=[common], help="give the data directory its profile (state or HQ)")
    p.add_argument("--role", required=True, choices=("state", "hq"))
    p.add_argument("--state", metavar="CODE")
    p.add_argument("--name", metavar="N")
    p.add_argument("--position", metavar="P")
    p.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="HQ: environment variable holding the passphrase that protects HQ's private keys",
    )
    p.set_defaults(func=cmd_init)

    hq = sub.add_parser("hq-profile", parents=[common], help="headquarters' public keys")
    hq_sub = hq.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = hq_sub.add_parser("export", parents=[common], help="HQ: write the HQ profile for the states")
    p.add_argument("--out", required=True, metavar="F")
    p.add_argument("--passphrase-env", metavar="VAR", help="environment variable with HQ's keys' passphrase")
    p.set_defaults(func=cmd_hq_profile)
    p = hq_sub.add_parser("import", parents=[common], help="state: import the HQ profile")
    p.add_argument("file", metavar="F")
    p.add_argument("--fingerprint", metavar="FP", help="HQ's fingerprint as read over the phone")
    p.set_defaults(func=cmd_hq_profile)
    p = hq_sub.add_parser(
        "rotate", parents=[common], help="HQ: new keys endorsed by the old ones (then hq-profile export)"
    )
    p.add_argument(
        "--passphrase-env",
        required=True,
        metavar="VAR",
        help="environment variable with HQ's keys' passphrase (also protects the new keys)",
    )
    p.set_defaults(func=cmd_hq_profile)

    en = sub.add_parser("enrol", parents=[common], help="coordinator certificates registered at HQ")
    en_sub = en.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = en_sub.add_parser("export", parents=[common], help="state: write the enrolment file")
    p.add_argument("--out", required=True, metavar="F")
    p.add_argument("--cert", metavar="F.cer", help="another certificate (e.g. the SAT e.firma .cer)")
    p.set_defaults(func=cmd_enrol)
    p = en_sub.add_parser("import", parents=[common], help="HQ: register an enrolment file")
    p.add_argument("file", metavar="F")
    p.add_argument("--replace", metavar="FINGERPRINT", help="revoke this registration in its favour")
    p.add_argument(
        "--fingerprint", metavar="FP", help="the enrolment's fingerprint (certificate and state) as read over the phone"
    )
    p.set_defaults(func=cmd_enrol)
    p = en_sub.add_parser("revoke", parents=[common], help="HQ: revoke a registration")
    p.add_argument("fingerprint", metavar="FINGERPRINT")
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(func=cmd_enrol)
    p = en_sub.add_parser("list", parents=[common], help="HQ: the registered certificates")
    p.set_defaults(func=cmd_enrol)

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

    cat = sub.add_parser("catalog", parents=[common], help="catalog versions")
    cat_sub = cat.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = cat_sub.add_parser(
        "install", parents=[common], help="validate and install a newer catalog folder in this data directory"
    )
    p.add_argument("dir", metavar="DIR")
    p.set_defaults(func=cmd_catalog)

    tg = sub.add_parser("targets", parents=[common], help="targets (metas) per indicator, set at HQ")
    tg_sub = tg.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = tg_sub.add_parser(
        "set", parents=[common], help="HQ: set targets, e.g. rx_filled_pct=95 (STATE:CODE=VALUE for one state)"
    )
    p.add_argument("entries", nargs="+", metavar="CODE=VALUE")
    p.set_defaults(func=cmd_targets)
    p = tg_sub.add_parser("clear", parents=[common], help="HQ: remove a target (CODE or STATE:CODE)")
    p.add_argument("code", metavar="CODE")
    p.set_defaults(func=cmd_targets)
    p = tg_sub.add_parser("list", parents=[common], help="the stored targets")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_targets)
