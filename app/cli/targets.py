"""``coordina targets set|clear|list``: HQ's targets (metas) per indicator."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from app.models.messages import InputError, table
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

targets = lazy("app.services.summary.targets")


def _t(ws: Workspace) -> dict[str, str]:
    return table("cli.sync.", ws.lang)


def _target_pairs(items: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError("target_syntax", text=item)
        pairs[key.strip()] = value.strip()
    return pairs


def _list_targets(ws: Workspace, as_json: bool, out: TextIO) -> None:
    """The stored targets, one line each with the indicator's label, or as JSON."""
    text = _t(ws)
    stored = targets.targets(ws)
    if as_json:
        json.dump(stored, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if not stored:
        print(text["no_targets"], file=out)
    for key, value in stored.items():
        indicator = ws.catalog.indicators.get(targets.split_key(key)[1])
        label = indicator.label(ws.lang) if indicator else "?"
        shown = str(int(value)) if value.is_integer() else str(value)
        print(text["target_line"].format(key=key, value=shown, label=label), file=out)


def cmd_targets(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``targets set CODE=VALUE...`` / ``clear CODE`` / ``list [--json]``: HQ's metas."""
    text = _t(ws)
    if args.action == "set":
        stored = targets.set_targets(ws, _target_pairs(args.entries))
        print(text["targets_set"].format(count=len(stored)), file=out)
    elif args.action == "clear":
        gone = targets.clear_target(ws, args.code)
        print(text["target_cleared" if gone else "target_absent"].format(key=args.code), file=out)
    else:
        _list_targets(ws, args.json, out)
    return 0


def add_targets_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``targets set``, ``targets clear`` and ``targets list``."""
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
