"""The command-line interface: argparse and one small function per command.

A thin layer over ``app.services``: every command opens the workspace, calls one
service and prints a short summary in the chosen language. Exit codes: 0 ok,
1 input rejected (the reason on stderr), 2 usage; ``verify`` also returns 3 for an intact
document whose signer is not trusted.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import logging.handlers
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from app.cli import export as cli_export
from app.cli import pdf as cli_pdf
from app.cli import report as cli_report
from app.cli import verify as cli_verify
from app.cli.check import add_check_parser
from app.cli.display import display_missing
from app.cli.export import add_export_parser
from app.cli.pdf import add_pdf_parser
from app.cli.selftest import add_selftest_parser
from app.cli.sync import add_sync_parsers
from app.models.messages import InputError
from app.models.messages import text as message_text
from app.models.values import format_number
from app.services.system import log_file
from app.services.system.lazy import lazy
from app.services.system.streams import is_terminal, stderr, stdout
from app.services.workspace import Workspace, open_workspace, resolve_data_dir, unexpected_error

# Imported when a command first uses them: `--help` and `facilities list` must not load
# pandas, pyHanko or ReportLab (tests/cli/test_cli_imports.py, tests/bench/test_cli_start_bench.py).
backup = lazy("app.services.files.backup")
demo = lazy("app.services.files.demo")
facilities = lazy("app.services.facilities.registry")
reports = lazy("app.services.summary.reports")
value_files = lazy("app.services.files.value_files")
identities = lazy("app.services.summary.identity")

log = logging.getLogger("coordina")

GuiLauncher = Callable[[Path, str | None], int]  # lang None: the GUI's saved preference


def _say(lang: str, key: str, **params: object) -> str:
    shown = {k: format_number(v) if isinstance(v, int) else v for k, v in params.items()}
    return message_text("cli." + key, lang, **shown)


def progress_bar(stream: TextIO) -> Callable[[int, int], None] | None:
    """A one-line text progress bar on ``stream`` when it is a terminal, else None."""
    if not is_terminal(stream):  # also None: a windowed Windows exe has no console
        return None

    def show(done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        filled = int(30 * fraction)
        stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {int(fraction * 100):3d} %")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


# -- commands -------------------------------------------------------------------------


def cmd_demo(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    result = demo.build_demo(ws, args.state, progress=progress_bar(err))
    print(
        _say(
            ws.lang,
            "demo",
            state=ws.catalog.states[result.state_code].name,
            facilities=result.facilities,
            values=result.values,
            first=result.periods[0],
            last=result.periods[-1],
        ),
        file=out,
    )
    return 0


def cmd_facilities_import(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    preview = facilities.preview_facility_import(ws, Path(args.file))
    if preview.rejected:
        raise preview.error()  # the CLI is all or nothing, like every file import
    facilities.apply_facility_import(ws, preview)
    print(
        _say(
            ws.lang,
            "facilities_imported",
            total=len(preview.accepted),
            new=preview.new_count,
            updated=preview.updated_count,
            unchanged=preview.unchanged_count,
        ),
        file=out,
    )
    return 0


def cmd_facilities_list(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    found = facilities.list_facilities(ws, args.state)
    if args.json:
        json.dump([dataclasses.asdict(f) for f in found], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not found:
        print(_say(ws.lang, "facilities_none"), file=out)
    for fac in found:
        ftype = ws.catalog.facility_types.get(fac.type_code)
        label = ftype.label(ws.lang) if ftype else fac.type_code
        demo_mark = " [DEMO]" if fac.is_demo else ""
        print(f"{fac.clues}  {fac.name}  ·  {label}  ·  {fac.municipality}  ·  {fac.status}{demo_mark}", file=out)
    return 0


def cmd_values_import(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    result = value_files.import_values(ws, Path(args.file), progress=progress_bar(err))
    print(
        _say(
            ws.lang,
            "values_imported",
            rows=result.rows,
            imported=result.imported,
            updated=result.updated,
            unchanged=result.unchanged,
        ),
        file=out,
    )
    if result.flagged:
        print(_say(ws.lang, "values_flagged", flagged=result.flagged), file=out)
    return 0


def cmd_values_export(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rows = value_files.export_values(ws, Path(args.out), args.format, args.state, args.period)
    print(_say(ws.lang, "exported", rows=rows, path=args.out), file=out)
    return 0


def cmd_values_template(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path = value_files.write_template(ws, args.state, args.period, Path(args.out))
    print(
        _say(ws.lang, "template", state=ws.catalog.state(args.state).name, period=args.period, path=str(path)), file=out
    )
    return 0


def cmd_report(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    state = ws.catalog.state(args.state)
    if args.action == "close":
        reports.close_report(ws, state.code, args.period, cutoff=args.fecha_corte)
        key = "closed"
    else:
        reports.reopen_report(ws, state.code, args.period)
        key = "reopened"
    print(_say(ws.lang, key, state=state.name, period=args.period), file=out)
    return 0


def cmd_report_pdf(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return cli_pdf.cmd_report_pdf(ws, args, out, err, progress=progress_bar(err))


def cmd_export(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return cli_export.cmd_export(ws, args, out, err, progress=progress_bar(err))


def _with_progress(command: Callable) -> Callable:
    """A command that takes a progress callback, given the terminal's progress bar."""

    def run(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        return command(ws, args, out, err, progress=progress_bar(err))

    return run


def cmd_backup(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    print(_say(ws.lang, "backup", path=str(backup.backup_now(ws, "manual"))), file=out)
    return 0


def cmd_restore(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # Say what is replaced (the backup's date, its counts beside the current ones) and ask,
    # unless --yes; with no terminal to ask at, nothing is restored (issue 11 hole 5).
    preview = backup.preview_restore(ws, Path(args.file))
    print("\n".join(preview.lines(ws.lang)), file=out)
    if not args.yes:
        answer = ""
        if sys.stdin is not None and sys.stdin.isatty():
            print(_say(ws.lang, "restore_ask"), end="", file=out, flush=True)
            answer = sys.stdin.readline().strip().lower()
        if answer not in ("s", "sí", "si", "y", "yes"):
            print(_say(ws.lang, "restore_declined"), file=err)
            return 1
    safety = backup.restore_backup(ws, Path(args.file))
    print(_say(ws.lang, "restored", path=args.file, safety=str(safety)), file=out)
    return 0


def cmd_identity_create(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
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
    cert = identities.add_trusted(ws, identities.read_file(Path(args.file)))
    print(_say(ws.lang, "trusted", name=identities.subject_label(cert), fp=identities.fingerprint(cert)), file=out)
    return 0


def cmd_verify(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
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


# -- parser ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; global options are accepted before or after the command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="data directory (default: $COORDINA_DATA_DIR or the user data folder)",
    )
    common.add_argument(
        "--lang", choices=("es", "en"), default=argparse.SUPPRESS, help="language of messages (default: es)"
    )
    parser = argparse.ArgumentParser(
        prog="coordina",
        parents=[common],
        description="Coordina: monthly facility reports (IMSS-BIENESTAR). Without a command, starts the GUI.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", parents=[common], help="build a demo state from the seeds' figures")
    p.add_argument("--state", default="18", metavar="CODE", help="INEGI state code (default 18)")
    p.set_defaults(func=cmd_demo)

    fac = sub.add_parser("facilities", parents=[common], help="facility registry")
    fac_sub = fac.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = fac_sub.add_parser("import", parents=[common], help="import a CLUES catalogue (CSV/XLSX)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_facilities_import)
    p = fac_sub.add_parser("list", parents=[common], help="list facilities")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--state", metavar="CODE", default=None)
    p.set_defaults(func=cmd_facilities_list)
    cli_report.add_provisional_parser(fac_sub, common)

    val = sub.add_parser("values", parents=[common], help="import and export values")
    val_sub = val.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = val_sub.add_parser("import", parents=[common], help="import long-format CSV/XLSX or a template")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_values_import)
    p = val_sub.add_parser("export", parents=[common], help="export values in long format")
    p.add_argument("--format", required=True, choices=("csv", "xlsx"))
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--state", metavar="CODE", default=None)
    p.add_argument("--period", metavar="YYYYMM", default=None)
    p.set_defaults(func=cmd_values_export)
    p = val_sub.add_parser("template", parents=[common], help="write the month's Excel template")
    p.add_argument("--state", required=True, metavar="CODE")
    p.add_argument("--period", required=True, metavar="YYYYMM")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.set_defaults(func=cmd_values_template)

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
    add_pdf_parser(rep_sub, common, cmd_report_pdf)
    cli_report.add_note_parser(rep_sub, common)

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

    p = sub.add_parser("verify", parents=[common], help="verify a signed PDF (exit 0 trusted, 3 untrusted, 1 invalid)")
    p.add_argument("file", metavar="F.pdf")
    p.add_argument("--trust", action="append", metavar="CERT.pem", help="also trust this certificate (repeatable)")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=cmd_verify)

    add_export_parser(sub, common, cmd_export)
    add_sync_parsers(sub, common, _with_progress)
    add_check_parser(sub, common)
    add_selftest_parser(sub, common)

    p = sub.add_parser("backup", parents=[common], help="snapshot the database now")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", parents=[common], help="restore a backup file (shows what it replaces, asks)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="restore without asking")
    p.set_defaults(func=cmd_restore)
    return parser


def configure_logging(data_dir: Path) -> None:
    """Warnings to stderr; everything from INFO up to ``DATA_DIR/logs/coordina.log`` if writable."""
    root = logging.getLogger("coordina")
    if getattr(root, "_coordina_configured", False):
        return
    root.setLevel(logging.INFO)
    # A log that cannot be written (full disk, read-only folder) must never print logging's
    # own traceback over the message the user needs: drop the record silently instead.
    logging.raiseExceptions = False
    try:
        handler = log_file.rotating_handler(data_dir / "logs" / "coordina.log")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        # Modules that log under their own name (app.ui.entry.session, app.reports.signing.pades…)
        # reach the same file; before, their records went nowhere but stderr.
        modules = logging.getLogger("app")
        modules.setLevel(logging.INFO)
        modules.handlers = [h for h in modules.handlers if not log_file.is_log_handler(h)]
        modules.addHandler(handler)
        root._coordina_configured = True  # type: ignore[attr-defined]
    except OSError:
        pass  # an unwritable data directory is reported by open_workspace


def main(
    argv: list[str] | None = None, gui: GuiLauncher | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 input rejected, 2 usage)."""
    out = out or stdout()  # a stream that drops the text when there is none (windowed exe)
    err = err or stderr()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    chosen_lang: str | None = getattr(args, "lang", None)
    lang = chosen_lang or "es"
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    if getattr(args, "command", None) == "self-test":  # temporary folders only, never DATA_DIR
        return args.func(args, out, err)
    if getattr(args, "command", None) is None:
        if gui is None:
            print(_say(lang, "no_gui"), file=err)
            return 2
        if display_missing():  # else Qt dies with a misleading "xcb-cursor0 is needed"
            print(_say(lang, "no_display"), file=err)
            return 1
        configure_logging(data_dir)
        return gui(data_dir, chosen_lang)
    try:
        ws = open_workspace(data_dir, lang)
    except InputError as exc:
        print(exc.message(lang), file=err)
        return 1
    configure_logging(data_dir)
    try:
        log.info("command %s %s", args.command, getattr(args, "action", ""))
        return args.func(ws, args, out, err)
    except InputError as exc:
        log.info("rejected: %s", exc.message("es").splitlines()[0])
        print(exc.message(lang), file=err)
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: logged with its traceback, told plainly
        print(unexpected_error(exc).message(lang), file=err)
        return 1
    finally:
        ws.close()
