"""The process the kill -9 harness kills: real work through app/services, journaled.

    python tests/reliability/kill_worker.py OPERATION DATA_DIR JOURNAL SEED
        [--inputs DIR] [--reference FILE] [--kill-at [before|after:]MODULE:FUNCTION:N] [--crash-at NAME]

It imports what the operation needs, prints ``ready`` (the parent starts its clock there, so
interpreter start-up is not part of the window it kills in), then does the operation as a
sequence of steps. After each step has COMMITTED (the service call returned) it appends
``step K values=N: what`` to JOURNAL and fsyncs it: the parent then knows that everything up
to step K must survive the kill.

``--reference FILE`` (unkilled runs only) appends the database's fingerprint after every step,
so the parent knows every state the database may be in. ``--kill-at after:M:F:N`` makes the process
SIGKILL itself as the Nth call of ``M.F`` returns (``before:``, as it starts): a kill moment
that reproduces exactly (the corpus uses it); ``--crash-at NAME`` arms one of the app's own
crash points (``COORDINA_CRASH_AT``, app/storage/crashpoints.py). Side folders live beside DATA_DIR: ``usb/`` (packages) and ``out/`` (PDFs).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE)]

from kill_prepare import PASSPHRASE, PERIOD, STATE  # noqa: E402

#: Edits the grid makes in one run of ``edits``: batches of 1-3 cells (a paste is one batch).
EDIT_BATCHES = 80
#: What ``close`` does, in order (202302 has validation errors: it cannot be closed).
CLOSE_STEPS = (("close", "202301"), ("reopen", "202301"), ("close", "202301"), ("reopen", "202301"))
BACKUPS = 3


class Journal:
    """Append-only, fsync'ed record of what the operation has committed."""

    def __init__(self, path: Path, reference: Path | None, data_dir: Path):
        self._handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        self._reference = reference
        self._data_dir = data_dir
        self.steps = 0

    def commit(self, what: str, values: int = 0) -> None:
        """Record one committed step (and, in a reference run, the database it left)."""
        self.steps += 1
        self._handle.write(f"step {self.steps} values={values}: {what}\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())
        if self._reference is not None:
            from kill_checks import fingerprint

            started = time.monotonic()
            found = fingerprint(self._data_dir)
            with open(self._reference, "a", encoding="utf-8") as out:
                out.write(
                    json.dumps({"step": self.steps, "fingerprint": found, "seconds": time.monotonic() - started}) + "\n"
                )


def plan_edits(conn, catalog, seed: int) -> list[list[tuple[str, str, str, int]]]:
    """The grid edits of one run: batches of (org_unit, variable, option, new value).

    Distinct cells, so each cell's expected value is unambiguous; a function of the template
    and the seed alone, so the parent computes the same plan to check the result.
    """
    from kill_prepare import _numeric_cells

    rng = random.Random(seed)
    cells = _numeric_cells(conn, catalog, PERIOD, 100_000)
    sizes = [rng.choice((1, 1, 1, 2, 3)) for _ in range(EDIT_BATCHES)]
    chosen = rng.sample(cells, sum(sizes))
    batches, start = [], 0
    for size in sizes:
        batches.append(
            [
                (org, var, opt, int(value) + 1 + rng.randrange(100))
                for org, var, opt, value in chosen[start : start + size]
            ]
        )
        start += size
    return batches


# -- operations ----------------------------------------------------------------------------


def op_edits(ws, journal: Journal, args) -> None:
    from app.models.values import ValueChange, ValueKey
    from app.services.entry.edits import record_edits

    for batch in plan_edits(ws.conn, ws.catalog, args.seed):
        outcome = record_edits(
            ws, [ValueChange(ValueKey(org, PERIOD, var, opt), value) for org, var, opt, value in batch]
        )
        if outcome.error is not None:
            raise outcome.error
        journal.commit("committed edit " + "; ".join(f"{o}/{PERIOD}/{v}/{p} = {x}" for o, v, p, x in batch), len(batch))


def _values_import(ws, journal: Journal, args, suffix: str) -> None:
    from app.services.files.value_files import import_values

    result = import_values(ws, args.inputs / f"values.{suffix}")
    journal.commit(f"import values.{suffix} done", result.imported + result.updated)


def op_values_csv(ws, journal: Journal, args) -> None:
    _values_import(ws, journal, args, "csv")


def op_values_xlsx(ws, journal: Journal, args) -> None:
    _values_import(ws, journal, args, "xlsx")


def op_close(ws, journal: Journal, args) -> None:
    from app.services.summary.reports import close_report, reopen_report

    for action, period in CLOSE_STEPS:
        (close_report if action == "close" else reopen_report)(ws, STATE, period)
        journal.commit(f"{action} report {STATE} {period}")


def op_sync_import(ws, journal: Journal, args) -> None:
    from app.services.sync.sync_import import import_packages

    def progress(done: int, total: int) -> None:
        # Called after each package's own transaction has committed (or been refused).
        if done:
            journal.commit(f"import package {done}/{total} done")

    paths = sorted((args.inputs / "packages").glob("*.coordina"))
    results = import_packages(ws, paths, progress=progress)
    bad = [r.summary for r in results if r.summary.get("status") not in ("SUCCESS", "WARNING")]
    if bad:
        raise RuntimeError(f"reference packages refused: {bad}")


def op_sync_export(ws, journal: Journal, args) -> None:
    from app.models.values import ValueChange, ValueKey
    from app.services.entry.month_values import record_changes
    from app.services.summary.identity import load_identity
    from app.services.sync.sync_export import export_package

    identity = load_identity(p12=args.inputs / "ana.p12", passphrase=PASSPHRASE)
    usb = args.data_dir.parent / "usb"
    made = export_package(ws, usb, identity)
    journal.commit(f"export {made.sequence} {made.path.name} {made.sha256}", made.values)
    row = ws.conn.execute(
        "SELECT org_unit, variable, disaggregation, value FROM data_values "
        "WHERE typeof(value) = 'integer' ORDER BY org_unit, variable LIMIT 1"
    ).fetchone()
    record_changes(ws, [ValueChange(ValueKey(row[0], PERIOD, row[1], row[2]), row[3] + 5)])
    journal.commit(f"committed edit {row[0]}/{PERIOD}/{row[1]}/{row[2]} = {row[3] + 5}", 1)
    made = export_package(ws, usb, identity)
    journal.commit(f"export {made.sequence} {made.path.name} {made.sha256}", made.values)


def op_backup(ws, journal: Journal, args) -> None:
    from app.services.files.backup import backup_now

    for _ in range(BACKUPS):
        journal.commit(f"backup {backup_now(ws, 'manual').name}")


def op_restore(ws, journal: Journal, args) -> None:
    from app.services.files.backup import restore_backup

    source = min(ws.backups_dir.glob("coordina-*.db"))  # the template's one backup
    safety = restore_backup(ws, source)
    journal.commit(f"restore {source.name} (safety {safety.name})")


def op_pdf(ws, journal: Journal, args) -> None:
    from app.services.summary.identity import load_identity
    from app.services.summary.report_pdf import PdfOptions, export_state_pdf

    identity = load_identity(p12=args.inputs / "ana.p12", passphrase=PASSPHRASE)
    out = args.data_dir.parent / "out"
    for layout in ("slide", "handout"):
        made = export_state_pdf(ws, STATE, PERIOD, out / f"avances-{layout}.pdf", PdfOptions(layout=layout), identity)
        journal.commit(f"pdf {made.path.name}")


def op_migrate(ws, journal: Journal, args) -> None:
    # Opening the workspace ran the migrations (see main()); nothing is left to do.
    from app.storage.migrations import schema_version

    journal.commit(f"migrated to {schema_version(ws.conn)}")


OPERATIONS: dict[str, tuple[str, Callable]] = {
    # name: (template it runs on, what it does)
    "edits": ("state", op_edits),
    "values_csv": ("state", op_values_csv),
    "values_xlsx": ("state", op_values_xlsx),
    "close": ("state", op_close),
    "sync_import": ("hq", op_sync_import),
    "sync_export": ("small", op_sync_export),
    "backup": ("state", op_backup),
    "restore": ("restore", op_restore),
    "pdf": ("state", op_pdf),
    "migrate": ("old", op_migrate),
}

#: Imported before ``ready``, so the parent's clock does not count interpreter start-up.
_PRELOAD = (
    "app.services.workspace",
    "app.services.entry.edits",
    "app.services.files.value_files",
    "app.services.summary.reports",
    "app.services.files.backup",
    "app.storage.migrations",
)
_PRELOAD_BY_OP = {
    "sync_import": ("app.services.sync.sync_import",),
    "sync_export": ("app.services.sync.sync_export", "app.services.summary.identity"),
    "pdf": ("app.services.summary.report_pdf", "app.services.summary.identity"),
    "values_xlsx": ("openpyxl", "pandas"),
    "values_csv": ("pandas",),
}


def _arm_kill(spec: str) -> None:
    """``[before|after:]MODULE:FUNCTION:N``: SIGKILL this process at the Nth call of the function.

    ``before`` (the default) kills as the call starts, ``after`` as it returns: a moment
    that reproduces exactly, where a random kill would hit it once in a hundred runs.
    """
    parts = spec.split(":")
    when = parts.pop(0) if parts[0] in ("before", "after") else "before"
    module_name, function, nth = parts
    module = importlib.import_module(module_name)
    original = getattr(module, function)
    calls = {"n": 0}

    def armed(*a, **kw):
        calls["n"] += 1
        if when == "before" and calls["n"] == int(nth):
            os.kill(os.getpid(), signal.SIGKILL)
        found = original(*a, **kw)
        if when == "after" and calls["n"] == int(nth):
            os.kill(os.getpid(), signal.SIGKILL)
        return found

    setattr(module, function, armed)


def preload(operation: str) -> None:
    """Import what ``operation`` needs (before ``ready``: start-up is not part of the window)."""
    for name in _PRELOAD + _PRELOAD_BY_OP.get(operation, ()):
        importlib.import_module(name)


def run_operation(args: argparse.Namespace, ready: Callable[[], None] = lambda: None) -> None:
    """Open the data directory and do ``args.operation``, journaling every committed step."""
    from app.services.workspace import open_workspace

    journal = Journal(args.journal, args.reference, args.data_dir)
    ready()
    ws = open_workspace(args.data_dir, user="ana")
    try:
        OPERATIONS[args.operation][1](ws, journal, args)
    finally:
        ws.close()


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("operation", choices=sorted(OPERATIONS))
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("journal", type=Path)
    parser.add_argument("seed", type=int)
    parser.add_argument("--inputs", type=Path, default=None)
    parser.add_argument("--reference", type=Path, default=None)
    parser.add_argument("--kill-at", default=None)
    parser.add_argument("--crash-at", default=None, help="one of the app's crash points (app/storage/crashpoints.py)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.crash_at:
        os.environ["COORDINA_CRASH_AT"] = args.crash_at
    preload(args.operation)
    if args.kill_at:
        _arm_kill(args.kill_at)
    run_operation(args, lambda: print("ready", flush=True))
    print("done", flush=True)
    return 0


if __name__ == "__main__":  # the package reader's helper process re-imports this module
    sys.exit(main())
