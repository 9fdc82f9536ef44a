"""What the disk-fault tests need besides a mount: the CLI, a database snapshot, messages, logs.

Every scenario goes through the front door (``python main.py --data-dir DIR ...`` in a
subprocess), so what is checked is what a coordinator would read on the screen.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.harness import REPO_ROOT

MAIN = REPO_ROOT / "main.py"
DB = "coordina.db"
#: What counts as committed data: a value a person typed or imported, and its history.
COMMITTED = ("data_values", "change_log")
#: The log line format of app/cli/gui_start.py's configure_logging ("%(asctime)s %(levelname)s %(name)s: ...").
_LOG_STAMP = "2026-01-01 00:00:00,000"


def run_cli(data_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python main.py --data-dir DIR args...`` with the test's environment (isolated XDG dirs)."""
    env = dict(os.environ)
    env.pop("COORDINA_DATA_DIR", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, str(MAIN), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=str(REPO_ROOT),
        check=False,
    )


def fresh_copy(data_dir: Path, demo_db: Path) -> Path:
    """The demo workspace in ``data_dir`` (a copy of the database, as ``demo`` leaves it)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_db, data_dir / DB)
    return data_dir


def has_traceback(stderr: str) -> bool:
    """A Python traceback or a logging-module error dump reached the user."""
    return "Traceback (most recent call last)" in stderr or "--- Logging error ---" in stderr


def message_head(code: str, lang: str = "es") -> str:
    """The fixed start of a message (the text before its first placeholder).

    Compared by this prefix, the tests keep working when a message's wording after its
    first parameter is refined.
    """
    from app.models.messages import MESSAGES

    return MESSAGES[code][lang].split("{", 1)[0]


def said(stderr: str, code: str) -> bool:
    """Whether the message ``code`` (in Spanish, the default) is on stderr."""
    return message_head(code) in stderr


def user_message(result: subprocess.CompletedProcess, limit: int = 400) -> str:
    """What the user read on stderr (or stdout when stderr is empty), trimmed for the report."""
    text = (result.stderr or result.stdout or "").strip()
    return text if len(text) <= limit else text[:limit] + " …"


@dataclass
class DbState:
    """Everything in the database a person could lose, and whether it is sound."""

    tables: dict[str, list[tuple]] = field(default_factory=dict)
    integrity: str = ""
    chain_break: int | None = None
    #: SHA-256 of the file when no WAL was beside it (None otherwise).
    digest: str | None = None

    @property
    def sound(self) -> bool:
        return self.integrity == "ok" and self.chain_break is None


#: States already computed, by the SHA-256 of a database file that has no WAL beside it.
_STATES: dict[str, DbState] = {}


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def db_state(db_path: Path) -> DbState:
    """Dump every table, run ``PRAGMA integrity_check`` and verify the change-log chain.

    A file byte-for-byte equal to one already examined (and with no WAL beside it) has the
    same tables, integrity and chain, so its state is reused: every scenario starts from
    the same demo, and a refused command leaves the file untouched. That keeps the smoke
    run short without checking less.
    """
    wal = db_path.with_name(db_path.name + "-wal")
    digest = None if wal.exists() and wal.stat().st_size else _digest(db_path)
    if digest in _STATES:
        return _STATES[digest]
    state = _examine(db_path)
    state.digest = digest
    if digest is not None:
        _STATES[digest] = state
    return state


def _examine(db_path: Path) -> DbState:
    from app.storage.changelog import verify_chain

    conn = sqlite3.connect(str(db_path))
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        tables = {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}
        integrity = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
        chain = verify_chain(conn)
    finally:
        conn.close()
    return DbState(tables, integrity, chain)


def lost_rows(before: DbState, after: DbState) -> int:
    """Committed rows (values, change log) present before and missing or altered after."""
    if before is after:
        return 0
    lost = 0
    for table in COMMITTED:
        kept = set(after.tables.get(table, []))
        lost += sum(1 for row in before.tables.get(table, []) if row not in kept)
    return lost


def build_import_csv(demo_db: Path, work: Path, out: Path, rows: int, state: str, period: str) -> int:
    """A valid long-format CSV that changes ``rows`` stored cells of one month (their comment).

    The keys come from ``values export`` of the demo itself, so every row passes validation
    and really updates a stored value: the import has to write, and fails only for the disk.
    """
    from app.services.files.value_files import export_values
    from app.services.workspace import open_workspace
    from app.storage.database import DB_FILENAME

    scratch = work / "export_ws"
    scratch.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_db, scratch / DB_FILENAME)
    exported = work / "exportados.csv"
    ws = open_workspace(scratch, user="ana")
    try:
        export_values(ws, exported, "csv", state, period)
    finally:
        ws.close()
    with exported.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    header, body = table[0], table[1 : rows + 1]
    comment = header.index("comment")
    for row in body:
        row[comment] = "revisado en la visita de supervisión"
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *body])
    shutil.rmtree(scratch)
    return len(body)


def command_available(name: str) -> bool:
    """Whether ``python main.py NAME`` exists yet (``check`` is being written in parallel)."""
    from app.cli.main import build_parser

    for action in build_parser()._actions:  # argparse keeps subcommands in a private list
        if isinstance(action, argparse._SubParsersAction):
            return name in action.choices
    return False


def log_line_length(message: str) -> int:
    """Bytes of one INFO line of the ``coordina`` logger (the CLI logs "command <cmd> <action>")."""
    return len(f"{_LOG_STAMP} INFO coordina: {message}\n".encode())


def pad_log(data_dir: Path, block: int, remainder: int) -> Path:
    """Give ``logs/coordina.log`` a length ≡ ``remainder`` (mod ``block``) with earlier-looking lines.

    The log of a data directory in use has some length; the tests pick it so that the
    next line starts a fresh block (it is then written while the disk still has room), or
    so that a given line ends exactly at a block boundary (the line after it needs a new
    block, on a disk that is full by then).
    """
    log = data_dir / "logs" / "coordina.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    line = f"{_LOG_STAMP} INFO coordina: command facilities list \n"
    target = 3 * block + remainder % block
    text = line * ((target - 200) // len(line))
    last = target - len(text.encode()) - len(f"{_LOG_STAMP} INFO coordina: \n")
    text += f"{_LOG_STAMP} INFO coordina: {'x' * last}\n"
    log.write_text(text, encoding="utf-8")
    assert log.stat().st_size % block == remainder % block
    return log
