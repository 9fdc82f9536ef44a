"""Run one fuzz case through the CLI in-process and judge it (the oracle).

A case is the bytes of one input file. It is written next to (never inside) a working copy of
a pristine data directory, the CLI's entry function runs with a per-case alarm, and the
oracle asks: no traceback, an exit code the command documents, a refusal message that maps
to a documented code, no hang, and on refusal a database identical (every row of every
table) to the pristine one, with no file written in the data directory.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import signal
import sqlite3
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.cli import main as cli
from app.models import messages
from app.sync import errors as sync_errors

APP_ROOT = Path(cli.__file__).resolve().parents[1]  # app/ (cli is app/cli/main.py)
DB = "coordina.db"
#: Folders whose changes are not a "write": the log, and safety snapshots taken by design.
IGNORED_DIRS = ("logs", "backups")


class Hang(BaseException):
    """Raised by the alarm inside a case that outlives its time; BaseException so the app's
    ``except Exception`` cannot swallow it."""


@dataclass
class Outcome:
    """What one CLI run did."""

    code: int | None
    out: str
    err: str
    error: str | None = None  # formatted traceback of an uncaught exception
    error_type: str | None = None
    where: str | None = None  # innermost app/ frame of the exception, "file:function"
    hung: bool = False
    seconds: float = 0.0


def _alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise Hang()


def run_cli(argv: list[str], timeout: float) -> Outcome:
    """``cli.main(argv)`` with captured streams; uncaught exceptions and hangs become data."""
    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    try:
        code = cli.main(argv, out=out, err=err)
        result = Outcome(code, out.getvalue(), err.getvalue())
    except Hang:
        result = Outcome(None, out.getvalue(), err.getvalue(), hung=True, error_type="Hang")
    except SystemExit as exc:  # counts as an exit code, as a shell would see it
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        result = Outcome(code, out.getvalue(), err.getvalue())
    except Exception as exc:  # noqa: BLE001 - the point: any escape is a finding
        result = Outcome(
            None,
            out.getvalue(),
            err.getvalue(),
            error=traceback.format_exc(),
            error_type=type(exc).__name__,
            where=_app_frame(exc),
        )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    result.seconds = time.perf_counter() - start
    return result


def _app_frame(exc: BaseException) -> str | None:
    """The innermost frame inside app/ (where the app let the exception through)."""
    where = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if APP_ROOT in path.parents:
            where = f"{path.relative_to(APP_ROOT.parent)}:{frame.name}"
    return where


# -- the database and the data directory ---------------------------------------------------


def dump_database(path: Path) -> dict[str, list]:
    """Schema, user_version and every row of every table, sorted: equal iff nothing changed."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        conn.text_factory = bytes  # a restored file may hold text that is not UTF-8: compare bytes
        dumped: dict[str, list] = {
            "__schema__": conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY 1, 2").fetchall(),
            "__user_version__": conn.execute("PRAGMA user_version").fetchall(),
        }
        for table in tables:
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            dumped[table] = sorted(rows, key=repr)
        return dumped
    finally:
        conn.close()


def listing(folder: Path) -> dict[str, str]:
    """Every file outside the database, the log and the backups, with its SHA-256."""
    found = {}
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if rel.parts[0] in IGNORED_DIRS or rel.name.startswith(DB) or not path.is_file():
            continue
        found[str(rel)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


class Sandbox:
    """A working copy of a pristine data directory, compared and restored cheaply per case."""

    def __init__(self, pristine: Path, work: Path):
        self.pristine, self.work = pristine, work
        self.db_bytes = (pristine / DB).read_bytes()
        self.db_dump = dump_database(pristine / DB)
        self.files = listing(pristine)
        self.reset()

    def reset(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.copytree(self.pristine, self.work)

    def changes(self) -> tuple[bool, list[str]]:
        """(database content changed, files added/changed/removed) against the pristine copy."""
        db = self.work / DB
        wal = self.work / (DB + "-wal")
        quick_same = db.is_file() and db.read_bytes() == self.db_bytes and (not wal.exists() or wal.stat().st_size == 0)
        db_changed = False if quick_same else (not db.is_file() or dump_database(db) != self.db_dump)
        now = listing(self.work)
        files = sorted(k for k in set(now) | set(self.files) if now.get(k) != self.files.get(k))
        return db_changed, files


# -- documented messages -----------------------------------------------------------------


def _template_regex(template: str) -> re.Pattern:
    parts = re.split(r"\{[a-z_]*\}", template)
    return re.compile(".*".join(re.escape(p) for p in parts), re.DOTALL)


MESSAGE_PATTERNS = [_template_regex(t) for entry in messages.MESSAGES.values() for t in entry.values()]
CLI_PATTERNS: list[re.Pattern[str]] = []  # the CLI's texts are in messages.MESSAGES too


def _sync_codes() -> set[str]:
    """Codes of app/sync/errors.py, plus those sync_values and the importers give (by literal)."""
    codes = set(sync_errors.MESSAGES)
    # Every sync and catalogue service (a split module keeps its codes), found by folder so
    # that moving a module cannot silently leave its codes out.
    sources = [
        APP_ROOT / "sync" / "errors.py",
        *(APP_ROOT / "services" / "sync").glob("*.py"),
        *(APP_ROOT / "services" / "facilities").glob("catalog_*.py"),
    ]
    for source in sources:
        codes |= set(re.findall(r"\b([EW]_[A-Z0-9_]+)\b", source.read_text(encoding="utf-8")))
    return codes


SYNC_CODES = _sync_codes()
_CODE_IN_TEXT = re.compile(r"\[([EW]_[A-Z0-9_]+)\]")


def documented_line(line: str) -> bool:
    """A line of stderr that renders a message of app/models/messages/ or carries a sync code."""
    line = line.strip()
    if not line:
        return True
    codes = _CODE_IN_TEXT.findall(line)
    if codes:
        return all(c in SYNC_CODES for c in codes)
    return any(p.fullmatch(line) for p in MESSAGE_PATTERNS) or any(p.fullmatch(line) for p in CLI_PATTERNS)


def undocumented(err: str, sync: bool) -> list[str]:
    """Lines of a refusal that map to no documented code (sync: at least one code must appear).

    The first line and every detail line (indented by two spaces, as InputError nests them) must
    render a template; other lines are continuations of a quoted value that held a line break.
    """
    lines = [ln for ln in err.splitlines() if ln.strip()]
    if not lines:
        return ["(empty stderr on refusal)"]
    heads = [lines[0], *(ln for ln in lines[1:] if ln.startswith("  ") and not ln.startswith("   "))]
    bad = [ln for ln in heads if not documented_line(ln)]
    if sync and not _CODE_IN_TEXT.search(err):
        bad.append("(no sync error code in the refusal)")
    return bad[:5]


# -- findings and statistics --------------------------------------------------------------


@dataclass
class Finding:
    kind: str  # traceback | hang | exit_code | undocumented | db_changed | files_written | ...
    detail: str
    signature: str  # what makes two findings the same defect
    sha: str = ""
    mutation: str = ""
    exit_code: int | None = None
    stderr: str = ""
    traceback: str = ""

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class Stats:
    target: str
    cases: int = 0
    exit_codes: dict[str, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    slowest: float = 0.0
    notes: dict[str, int] = field(default_factory=dict)

    def count(self, outcome: Outcome) -> None:
        self.cases += 1
        key = "hang" if outcome.hung else ("exception" if outcome.code is None else str(outcome.code))
        self.exit_codes[key] = self.exit_codes.get(key, 0) + 1
        self.seconds += outcome.seconds
        self.slowest = max(self.slowest, outcome.seconds)

    def note(self, name: str) -> None:
        self.notes[name] = self.notes.get(name, 0) + 1

    def signatures(self) -> dict[str, int]:
        seen: dict[str, int] = {}
        for f in self.findings:
            seen[f.signature] = seen.get(f.signature, 0) + 1
        return seen

    def as_record(self) -> dict:
        unique: dict[str, dict] = {}
        for f in self.findings:
            unique.setdefault(
                f.signature,
                {
                    "signature": f.signature,
                    "kind": f.kind,
                    "detail": f.detail,
                    "example": f.sha,
                    "mutation": f.mutation,
                    "count": 0,
                },
            )
            unique[f.signature]["count"] += 1
        return {
            "target": self.target,
            "cases": self.cases,
            "exit_codes": self.exit_codes,
            "findings": list(unique.values()),
            "finding_cases": len(self.findings),
            "seconds": round(self.seconds, 1),
            "slowest_case_s": round(self.slowest, 3),
            "notes": self.notes,
        }


def judge(
    outcome: Outcome,
    allowed: Iterable[int],
    sync_codes: bool,
    db_changed: bool,
    files: list[str],
    extra: Callable[[Outcome], list[tuple[str, str, str]]] | None = None,
) -> list[tuple[str, str, str]]:
    """(kind, detail, signature) of everything wrong with one case."""
    wrong: list[tuple[str, str, str]] = []
    if outcome.hung:
        wrong.append(("hang", "no answer within the case's time limit", "hang"))
    if outcome.error:
        last = outcome.error.strip().splitlines()[-1][:300]
        wrong.append(("traceback", last, f"traceback:{outcome.error_type}@{outcome.where}"))
    if "Traceback (most recent call last)" in outcome.err + outcome.out:
        wrong.append(("traceback", "a traceback reached the user's output", "traceback-in-output"))
    if outcome.code is not None and outcome.code not in allowed:
        wrong.append(("exit_code", f"exit code {outcome.code}", f"exit_code:{outcome.code}"))
    if outcome.code is not None and outcome.code != 0:
        if db_changed:
            wrong.append(("db_changed", "refused, but the database changed", "db_changed"))
        if files:
            wrong.append(
                (
                    "files_written",
                    f"refused, but files changed: {files[:5]}",
                    "files_written:" + "|".join(sorted({f.split("/")[0] for f in files})),
                )
            )
        internal = _INTERNAL.search(outcome.err)
        if internal:  # reported without a traceback, but still a defect of the program
            name = _EXC_NAME.search(internal.group(0))
            wrong.append(
                ("internal_error", internal.group(0)[:300], f"internal_error:{name.group(1) if name else '?'}")
            )
        elif outcome.code == 1:
            bad = undocumented(outcome.err, sync_codes)
            if bad:
                wrong.append(
                    ("undocumented", f"refusal without a documented code: {bad}", "undocumented:" + _shape(bad[0]))
                )
    if extra:
        wrong.extend(extra(outcome))
    return wrong


_INTERNAL = re.compile(r"(\[E_INTERNAL[A-Z_]*\]|Error interno|internal error)[^\n]*", re.IGNORECASE)
_EXC_NAME = re.compile(r"\b([A-Z]\w*(?:Error|Exception))\b")


def _shape(line: str) -> str:
    """A refusal line with paths, numbers and quoted text removed: groups the same message."""
    line = re.sub(r"/\S+", "<path>", line)
    line = re.sub(r"«[^»]*»|'[^']*'|\"[^\"]*\"", "<q>", line)
    return re.sub(r"\d+", "<n>", line)[:120]
