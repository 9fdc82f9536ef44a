"""What must hold after a kill -9, whatever the moment.

:func:`check_after_kill` runs every invariant on a killed run's folder and returns the
problems found (empty: the run survived) with the number of committed values lost:

- the database: ``PRAGMA integrity_check`` is ok and the change-log chain verifies;
- nothing committed is lost, nothing is half done: the database is in the state the
  reference run left after step K or K+1, K being the last step the journal says committed
  (edits: every journaled cell holds its value and has its log row, later cells are untouched;
  a migration: the data is the template's);
- no half file at a final name: every backup opens as an intact Coordina database, every
  package is a valid zip, every PDF verifies; everything the journal names is there;
- the app opens (``open_workspace``), and then outbox and files agree (every outbox row's file
  exists with its hash, no package without a row) and every inbox row's archive copy is there;
- ``python main.py check`` (when the command exists) exits 0.
"""

from __future__ import annotations

import hashlib
import io
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import kill_files

_FINGERPRINT = {
    "data_values": "SELECT org_unit, period, variable, disaggregation, value, comment, provisional, follow_up, "
    "version FROM data_values ORDER BY 1, 2, 3, 4",
    "change_log": "SELECT org_unit, period, variable, disaggregation, field, old_value, new_value, source "
    "FROM change_log ORDER BY id",
    "reports": "SELECT state_code, period, status FROM reports ORDER BY 1, 2",
    "facilities": "SELECT clues, name, state_code, type_code, status FROM facilities ORDER BY 1",
    "inbox": "SELECT uuid, sha256, kind, sequence FROM inbox ORDER BY 1",
    "outbox": "SELECT sequence, value_count, full, delivered_at IS NULL FROM outbox ORDER BY 1",
    "sync_base": "SELECT * FROM sync_base ORDER BY 1, 2, 3, 4",
    "conflicts": "SELECT org_unit, period, variable, disaggregation, applied FROM conflicts ORDER BY 1, 2, 3, 4",
}
#: What a migration must keep (the other tables do not exist before it).
DATA_TABLES = ("data_values", "change_log", "facilities")
_STEP = re.compile(r"^step (\d+) values=(\d+): (.*)$")


def _db(data_dir: Path) -> Path:
    return Path(data_dir) / "coordina.db"


def fingerprint(data_dir: Path) -> dict[str, str]:
    """A digest per table of what the user could lose (no uuids or timestamps: they differ per run)."""
    conn = sqlite3.connect(str(_db(data_dir)))
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        out = {}
        for table, query in _FINGERPRINT.items():
            if table not in tables:
                out[table] = "absent"
                continue
            digest = hashlib.sha256()
            count = 0
            for row in conn.execute(query):
                digest.update(repr(row).encode())
                count += 1
            out[table] = f"{count}:{digest.hexdigest()[:16]}"
        return out
    finally:
        conn.close()


@dataclass
class Step:
    number: int
    values: int
    what: str


def read_journal(path: Path) -> list[Step]:
    """The committed steps; a torn last line (killed while writing it) is not a commitment."""
    if not path.exists():
        return []
    steps = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _STEP.match(line)
        if found:
            steps.append(Step(int(found.group(1)), int(found.group(2)), found.group(3)))
    return steps


@dataclass
class Outcome:
    problems: list[str] = field(default_factory=list)
    values_lost: int = 0
    leftovers: list[str] = field(default_factory=list)  # temporary files left (not at final names)

    def fail(self, invariant: str, detail: str) -> None:
        self.problems.append(f"{invariant}: {detail}")


# -- the database ---------------------------------------------------------------------------


def _database(data_dir: Path, out: Outcome) -> None:
    from app.storage.changelog import verify_chain

    try:
        conn = sqlite3.connect(str(_db(data_dir)))
        try:
            found = conn.execute("PRAGMA integrity_check").fetchall()
            if found != [("ok",)]:
                out.fail("integrity_check", repr(found[:5]))
                return
            broken = verify_chain(conn)
            if broken is not None:
                out.fail("change_log_chain", f"first broken row {broken}")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        out.fail("integrity_check", f"{type(exc).__name__}: {exc}")


def _states(
    data_dir: Path, steps: list[Step], reference: list[dict], out: Outcome, tables: tuple[str, ...] | None = None
) -> None:
    """The database is the reference's state after step K or K+1 (K = journaled steps)."""
    now = fingerprint(data_dir)
    keys = tables or tuple(now)
    done = len(steps)
    allowed = [i for i in (done, done + 1) if i < len(reference)]
    if any(all(now[k] == reference[i][k] for k in keys) for i in allowed):
        return
    later = [i for i in range(len(reference)) if all(now[k] == reference[i][k] for k in keys)]
    if later and later[0] < done:
        lost = steps[later[0] : done]
        out.values_lost += sum(s.values for s in lost)
        out.fail(
            "committed_lost",
            f"database is at step {later[0]} but the journal says {done} committed: "
            + "; ".join(s.what[:80] for s in lost),
        )
        return
    differing = sorted(k for k in keys if all(now[k] != reference[i][k] for i in allowed))
    if later:
        out.fail("torn_state", f"database is at step {later[0]}, journal says {done}")
    else:
        out.fail("torn_state", f"matches no reference state; tables differing from steps {allowed}: {differing}")
    if done and "data_values" in differing:
        out.values_lost += steps[-1].values  # at least the last committed step is not as it was


def _same(stored: object, wanted: object) -> bool:
    """Equal as the app compares numbers (12 and 12.0 are one value)."""
    if isinstance(stored, (int, float)) and isinstance(wanted, (int, float)):
        return float(stored) == float(wanted)
    return stored == wanted


def _edits(data_dir: Path, steps: list[Step], plan: list[list[tuple]], original: dict, out: Outcome) -> None:
    """Journaled batches hold their values (with log rows); the batch in flight is all or nothing."""
    from kill_prepare import PERIOD

    conn = sqlite3.connect(str(_db(data_dir)))
    try:

        def stored(cell: tuple) -> object:
            row = conn.execute(
                "SELECT value FROM data_values WHERE org_unit = ? AND period = ? AND variable = ? "
                "AND disaggregation = ?",
                (cell[0], PERIOD, cell[1], cell[2]),
            ).fetchone()
            return row[0] if row else None

        def logged(cell: tuple) -> bool:
            return (
                conn.execute(
                    "SELECT 1 FROM change_log WHERE org_unit = ? AND period = ? AND variable = ? "
                    "AND disaggregation = ? AND field = 'value' AND new_value = ?",
                    (cell[0], PERIOD, cell[1], cell[2], str(cell[3])),
                ).fetchone()
                is not None
            )

        done = len(steps)
        for index, batch in enumerate(plan):
            applied = [_same(stored(c), c[3]) and logged(c) for c in batch]
            untouched = [_same(stored(c), original[c[:3]]) for c in batch]
            if index < done:
                lost = [c for c, ok in zip(batch, applied, strict=True) if not ok]
                if lost:
                    out.values_lost += len(lost)
                    out.fail("committed_lost", f"batch {index + 1}: {lost} (stored {[stored(c) for c in lost]})")
            elif index == done and (all(applied) or all(untouched)):
                continue
            elif not all(untouched):
                out.fail(
                    "torn_state",
                    f"batch {index + 1} (journal: {done} committed) partly or wrongly "
                    f"applied: {[stored(c) for c in batch]} vs planned {[c[3] for c in batch]}",
                )
    finally:
        conn.close()


# -- after the app opens ----------------------------------------------------------------------


def _opens(data_dir: Path, out: Outcome) -> bool:
    from app.services.workspace import open_workspace

    try:
        ws = open_workspace(data_dir, user="ana")
    except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
        out.fail("app_opens", f"{type(exc).__name__}: {exc}")
        return False
    ws.close()
    return True


_CHECK_COMMAND: bool | None = None


def check_command_exists() -> bool:
    """Whether ``python main.py check`` exists yet (another part of issue 9 adds it)."""
    global _CHECK_COMMAND
    if _CHECK_COMMAND is None:
        from app.cli.main import build_parser

        # argparse lists subcommands one a line ("    check   verify the database...")
        # or in braces ("{demo,...,check}").
        _CHECK_COMMAND = bool(re.search(r"^\s+check\s|[{,]check[,}]", build_parser().format_help(), re.MULTILINE))
    return _CHECK_COMMAND


def _check_command(data_dir: Path, out: Outcome) -> None:
    """``python main.py --data-dir DIR check`` exits 0.

    Run in this process through the CLI's entry point (what main.py calls), which spares
    a second of interpreter start-up on each of hundreds of kills.
    """
    if not check_command_exists():
        return
    from app.cli.main import main as cli_main

    said, complained = io.StringIO(), io.StringIO()
    try:
        code = cli_main(["--data-dir", str(data_dir), "check"], out=said, err=complained)
    except Exception as exc:  # noqa: BLE001 - a traceback is the finding
        out.fail("main_py_check", f"raised {type(exc).__name__}: {exc}")
        return
    if code != 0:
        out.fail("main_py_check", f"exit {code}: {(said.getvalue() + complained.getvalue()).strip()[-300:]}")


# -- all of it --------------------------------------------------------------------------------


@dataclass
class Expected:
    """What a run's result is checked against."""

    operation: str
    reference: list[dict] = field(default_factory=list)  # fingerprint before step 1, after each step
    plan: list[list[tuple]] = field(default_factory=list)  # edits only
    original: dict = field(default_factory=dict)  # edits only: (org, var, opt) -> template value
    inputs: Path | None = None  # the kit's inputs (sync_export: the identity for the next export)


def check_after_kill(run_dir: Path, expected: Expected) -> Outcome:
    """Every invariant on a killed (or finished) run in ``run_dir`` (data/, usb/, out/, journal.txt).

    The database and the files at their final names are checked as the kill left them; the
    state of the data once the app has opened, since opening is where the app finishes or
    undoes what a kill interrupted (an export's outbox row, a backup's partial file).
    """
    out = Outcome()
    data_dir = run_dir / "data"
    steps = read_journal(run_dir / "journal.txt")
    _database(data_dir, out)
    kill_files.backups(data_dir, out)
    kill_files.packages(run_dir / "usb", out, "usb")
    kill_files.packages(data_dir / "archivo", out, "archivo")
    kill_files.pdfs(run_dir / "out", out)
    kill_files.journaled_files(run_dir, steps, out)
    out.leftovers.clear()  # counted again once the app has opened and cleaned up
    if not _opens(data_dir, out):
        return out
    if expected.operation == "edits":
        _edits(data_dir, steps, expected.plan, expected.original, out)
    elif expected.operation == "migrate":
        _states(data_dir, [], expected.reference[:1], out, DATA_TABLES)
        _migrated(data_dir, out)
    else:
        _states(data_dir, steps, expected.reference, out)
    kill_files.outbox_and_files(run_dir, out)
    if expected.operation == "sync_export" and expected.inputs is not None:
        kill_files.next_sequence(run_dir, expected.inputs, out)
    kill_files.backups(data_dir, out, validate=False)  # leftovers only: checked whole above
    kill_files.packages(run_dir / "usb", out, "usb")
    kill_files.pdfs(run_dir / "out", out, validate=False)
    _check_command(data_dir, out)
    return out


def _migrated(data_dir: Path, out: Outcome) -> None:
    """Once opened, the schema is the latest and migration 2 ran exactly once."""
    from app.storage.migrations import LATEST, schema_version

    conn = sqlite3.connect(str(_db(data_dir)))
    try:
        version = schema_version(conn)
        history = conn.execute("SELECT count(*) FROM facility_status_history").fetchone()[0]
        facilities = conn.execute("SELECT count(*) FROM facilities").fetchone()[0]
    finally:
        conn.close()
    if version != LATEST:
        out.fail("app_opens", f"schema {version} after opening, expected {LATEST}")
    if history != facilities:
        out.fail("torn_state", f"{history} status-history rows for {facilities} facilities")
