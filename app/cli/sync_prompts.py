"""What the sync commands share: HQ's passphrase, unlocking HQ's keys and confirming a fingerprint."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from app.models.messages import table
from app.services.system.lazy import lazy
from app.services.system.streams import stdin_is_terminal
from app.services.workspace import Workspace

sync_keys = lazy("app.services.sync.sync_keys")
identities = lazy("app.services.summary.identity")


def _t(ws: Workspace) -> dict[str, str]:
    return table("cli.sync.", ws.lang)


def passphrase(args: argparse.Namespace) -> bytes | None:
    """The passphrase in ``--passphrase-env``'s variable, None without the flag."""
    var = getattr(args, "passphrase_env", None)
    return identities.passphrase_from_env(var) if var else None


def unlock(ws: Workspace, args: argparse.Namespace, err: TextIO) -> None:
    """At HQ: check ``--passphrase-env`` against the keys (raw keys are wrapped now).

    A wrong passphrase stops the command here, before anything is written.
    """
    if not sync_keys.holds_private_keys(ws):
        return  # a state: HQ's public keys only
    given = passphrase(args)
    if given is None:
        if not sync_keys.needs_passphrase(ws):
            print(_t(ws)["unprotected"], file=err)
        return  # hq_keys() says E_PASSPHRASE_NEEDED where the keys are needed
    if sync_keys.unlock(ws, given):
        print(_t(ws)["wrapped"], file=err)


def confirmed(ws: Workspace, args: argparse.Namespace, out: TextIO, what: str, fp: str) -> bool:
    """Without ``--fingerprint``: ask at a terminal; never assume yes."""
    if args.fingerprint is not None or not stdin_is_terminal():  # None in a windowed exe
        return False
    out.write(_t(ws)["confirm"].format(what=what, fp=fp))
    out.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in ("s", "si", "sí", "y", "yes")
