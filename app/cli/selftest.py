"""``coordina self-test [--json] [--keep] [--dir DIR] [--glibc-folder DIR]``.

Checks this installation end to end in a temporary folder (see app/services/system/self_test.py):
one line per step with ok/FALLÓ and its duration, then the verdict. Exit 0 only when every
step passed, 1 otherwise. It never opens the data directory (``--data-dir`` is ignored).
Frozen on Linux it also prints the newest GLIBC version the bundle's files need.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TextIO

from app.services.system.lazy import lazy

self_test = lazy("app.services.system.self_test")
elf_glibc = lazy("app.services.system.elf_glibc")


def add_selftest_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``self-test``."""
    p = sub.add_parser(
        "self-test", parents=[common], help="check this installation end to end in a temporary folder (0 ok, 1 failed)"
    )
    p.add_argument("--json", action="store_true", help="the result as JSON")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (kept anyway on failure)")
    p.add_argument(
        "--dir",
        metavar="DIR",
        default=None,
        help="make the temporary folder inside DIR (default: the system's temporary folder)",
    )
    p.add_argument(
        "--glibc-folder",
        metavar="DIR",
        default=None,
        help="report the newest GLIBC version DIR's ELF files need (default when frozen on Linux: the bundle's folder)",
    )
    p.set_defaults(func=cmd_self_test)


def _window(lang: str):
    """The GUI step: Qt is imported here, when the step runs, never by the services."""

    def open_window(data_dir: Path, pdf: Path | None = None):
        from app.cli.display import display_missing

        if display_missing() or not os.environ.get("QT_QPA_PLATFORM"):
            # Offscreen unless told otherwise: no window flashes on a desktop, and a console,
            # SSH session or CI (env -i) has no display at all. Qt reads this when the
            # QApplication is made, so it is set here, in the step.
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from app.ui.shell.self_test_window import open_main_window

        return open_main_window(data_dir, lang, pdf)

    return open_window


def cmd_self_test(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the self-test; 0 when every step passed, 1 otherwise."""
    lang = getattr(args, "lang", None) or "es"
    folder = Path(args.glibc_folder) if args.glibc_folder else elf_glibc.running_bundle()

    def show(result, number: int) -> None:
        if not args.json:
            print(self_test.step_line(result, lang, number), file=out, flush=True)

    if not args.json:
        print(*self_test.header_lines(lang), sep="\n", file=out, flush=True)
    try:
        report = self_test.run_self_test(
            lang,
            Path(args.dir) if args.dir else None,
            args.keep,
            window=_window(lang),
            on_step=show,
            glibc_folder=folder,
        )
    except self_test.CheckFailure as exc:
        if args.json:
            json.dump({"ok": False, "error": str(exc), "steps": []}, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            print(str(exc), file=err)
        return 1
    if args.json:
        json.dump(report.as_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for line in self_test.glibc_lines(report):
            print(line, file=out)
        print(self_test.verdict_line(report), file=out if report.ok else err)
    return 0 if report.ok else 1
