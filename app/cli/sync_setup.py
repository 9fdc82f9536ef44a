"""Setting up sync: ``init`` (a data directory's profile), ``hq-profile`` and ``enrol``.

    init --role state --state CODE [--name N --position P]    init --role hq --passphrase-env VAR
    hq-profile export --out F --passphrase-env VAR     hq-profile import F [--fingerprint FP]
    hq-profile rotate --passphrase-env VAR
    enrol export --out F [--cert F]  enrol import F [--fingerprint FP] [--replace FP]
    enrol revoke FP   enrol list

An HQ profile or an enrolment is stored only once its fingerprint is confirmed, with
``--fingerprint`` (as read over the phone) or by answering yes at a terminal.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from app.cli.sync_prompts import confirmed, passphrase, unlock
from app.models.messages import InputError, table
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

sync_profile = lazy("app.services.sync.sync_profile")
sync_enrol = lazy("app.services.sync.sync_enrol")


def _t(ws: Workspace) -> dict[str, str]:
    return table("cli.sync.", ws.lang)


# -- init ---------------------------------------------------------------------------------


def cmd_init(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Give the data directory its profile: a state's device, or HQ with its protected keys."""
    given = passphrase(args)
    if args.role == "hq" and given is None:
        raise InputError("required_field", field="--passphrase-env VAR")
    made = sync_profile.init_profile(
        ws, args.role, args.state, args.name or "", args.position or "", passphrase=given if args.role == "hq" else None
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


def add_init_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``init --role state|hq``."""
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


# -- hq-profile ---------------------------------------------------------------------------


def cmd_hq_profile(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """HQ exports or rotates its profile; a state imports it once the fingerprint is confirmed."""
    if args.action == "export":
        unlock(ws, args, err)
        fp = sync_profile.export_hq_profile(ws, Path(args.out))
        print(_t(ws)["hq_exported"].format(path=args.out, fp=fp), file=out)
    elif args.action == "rotate":
        given = passphrase(args)
        unlock(ws, args, err)
        print(_t(ws)["rotated"].format(fp=sync_profile.rotate_hq_keys(ws, given or b"")), file=out)
    else:
        sync_profile.require_profile(ws, "state")
        found = sync_profile.read_hq_profile(Path(args.file))
        yes = confirmed(ws, args, out, _t(ws)["what_hq"], found.readable)
        keys, fp = sync_profile.import_hq_profile(ws, Path(args.file), args.fingerprint, confirmed=yes)
        print(_t(ws)["hq_imported"].format(name=keys.name, fp=fp), file=out)
    return 0


def add_hq_profile_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``hq-profile export``, ``hq-profile import`` and ``hq-profile rotate``."""
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


# -- enrol --------------------------------------------------------------------------------


def _registration_line(ws: Workspace, template: str, reg: Any) -> str:
    """``template`` (enrol_imported, revoked) filled with the registration's name, state and fingerprint."""
    return template.format(
        name=reg.name, state=ws.catalog.states[reg.state_code].name, fp=sync_profile.readable(reg.fingerprint)
    )


def _import_enrolment(ws: Workspace, args: argparse.Namespace, out: TextIO) -> None:
    """HQ registers an enrolment file once its fingerprint is confirmed."""
    sync_profile.require_profile(ws, "hq")
    state, _cert, fp = sync_enrol.enrolment_preview(ws, Path(args.file))
    yes = confirmed(ws, args, out, _t(ws)["what_enrol"].format(state=state), fp)
    reg = sync_enrol.import_enrolment(ws, Path(args.file), args.replace, args.fingerprint, confirmed=yes)
    print(_registration_line(ws, _t(ws)["enrol_imported"], reg), file=out)


def _list_registrations(ws: Workspace, out: TextIO) -> None:
    """One line per registered certificate, active or revoked (and when)."""
    text = _t(ws)
    for reg in sync_enrol.registrations(ws):
        status = text["active"] if reg.active else text["revoked_status"].format(at=reg.revoked_at)
        print(
            text["registration"].format(
                state=reg.state_code, name=reg.name, fp=sync_profile.readable(reg.fingerprint), status=status
            ),
            file=out,
        )


def cmd_enrol(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``enrol export|import|revoke|list``: coordinator certificates registered at HQ."""
    if args.action == "export":
        fp = sync_enrol.export_enrolment(ws, Path(args.out), Path(args.cert) if args.cert else None)
        print(_t(ws)["enrol_exported"].format(path=args.out, fp=fp), file=out)
    elif args.action == "import":
        _import_enrolment(ws, args, out)
    elif args.action == "revoke":
        reg = sync_enrol.revoke(ws, args.fingerprint, args.note or "")
        print(_registration_line(ws, _t(ws)["revoked"], reg), file=out)
    else:
        _list_registrations(ws, out)
    return 0


def add_enrol_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``enrol export``, ``enrol import``, ``enrol revoke`` and ``enrol list``."""
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
