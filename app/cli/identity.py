"""``coordina identity create|trust`` and ``coordina verify``: signing identities and signed PDFs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from app.cli import verify as cli_verify
from app.cli.output import say as _say
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

identities = lazy("app.services.summary.identity")  # pyHanko: imported by the commands only


def cmd_identity_create(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write a new ECDSA key and self-signed certificate as PKCS#12."""
    passphrase = identities.passphrase_from_env(args.passphrase_env)
    made = identities.create_identity_file(
        ws, args.name, args.position, args.state, Path(args.out), passphrase, overwrite=args.force
    )
    print(
        _say(ws.lang, "identity_created", name=made.name, state=made.state, path=args.out, fp=made.fingerprint_sha256),
        file=out,
    )
    return 0


def cmd_identity_trust(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Trust a coordinator's certificate when verifying."""
    cert = identities.add_trusted(ws, identities.read_file(Path(args.file)))
    print(_say(ws.lang, "trusted", name=identities.subject_label(cert), fp=identities.fingerprint(cert)), file=out)
    return 0


def cmd_verify(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Verify a signed PDF: exit 0 trusted, 3 intact but untrusted, 1 invalid."""
    extra = [identities.read_certificate(Path(p)) for p in args.trust or []]
    result = identities.verify_file(ws, Path(args.file), extra)
    if args.json:
        json.dump(cli_verify.verify_json(result, ws.lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return result.exit_code
    when = result.signed_at.isoformat(sep=" ") if result.signed_at else "?"
    key = {0: "verify_ok", 3: "verify_untrusted"}.get(result.exit_code, "verify_bad")
    problem = cli_verify.problem_text(result, ws.lang)
    print(
        _say(
            ws.lang,
            key,
            name=result.signer_name or "?",
            when=when,
            fp=result.fingerprint or "?",
            problem=problem or "?",
        ),
        *cli_verify.detail_lines(result, ws.lang),
        sep="\n",
        file=out if result.exit_code == 0 else err,
    )
    return result.exit_code


def add_identity_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``identity create`` and ``identity trust``."""
    idn = sub.add_parser("identity", parents=[common], help="signing identities")
    idn_sub = idn.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = idn_sub.add_parser("create", parents=[common], help="create an ECDSA key + self-signed certificate as PKCS#12")
    p.add_argument("--name", required=True, metavar="N")
    p.add_argument("--position", required=True, metavar="P")
    p.add_argument("--state", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="F.p12")
    p.add_argument("--passphrase-env", required=True, metavar="VAR", help="environment variable holding the passphrase")
    p.add_argument("--force", action="store_true", help="replace an existing F.p12 (its identity is lost)")
    p.set_defaults(func=cmd_identity_create)

    p = idn_sub.add_parser(
        "trust", parents=[common], help="trust a coordinator's certificate (PEM or DER) when verifying"
    )
    p.add_argument("file", metavar="CERT.pem")
    p.set_defaults(func=cmd_identity_trust)


def add_verify_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``verify F.pdf [--trust CERT.pem]... [--json]``."""
    p = sub.add_parser("verify", parents=[common], help="verify a signed PDF (exit 0 trusted, 3 untrusted, 1 invalid)")
    p.add_argument("file", metavar="F.pdf")
    p.add_argument("--trust", action="append", metavar="CERT.pem", help="also trust this certificate (repeatable)")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=cmd_verify)
