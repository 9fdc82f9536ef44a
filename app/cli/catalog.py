"""``coordina catalog install DIR``: install a newer catalog in this data directory."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app.models.messages import table
from app.services.system.lazy import lazy
from app.services.workspace import Workspace

catalog_install = lazy("app.services.facilities.catalog_install")


def _t(ws: Workspace) -> dict[str, str]:
    return table("cli.sync.", ws.lang)


def cmd_catalog(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``catalog install DIR``: validate and install a newer catalog in this data directory."""
    loaded, folder = catalog_install.install_catalog(ws, Path(args.dir))
    print(_t(ws)["catalog_installed"].format(version=loaded.version, path=folder), file=out)
    return 0


def add_catalog_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``catalog install DIR``."""
    cat = sub.add_parser("catalog", parents=[common], help="catalog versions")
    cat_sub = cat.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = cat_sub.add_parser(
        "install", parents=[common], help="validate and install a newer catalog folder in this data directory"
    )
    p.add_argument("dir", metavar="DIR")
    p.set_defaults(func=cmd_catalog)
