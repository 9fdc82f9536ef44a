"""One disk-fault scenario's outcome, and ``disk.json`` (what RELIABILITY.md shows of each fault).

Both disk test modules append here; each writes the whole list when it finishes, so the file
holds every scenario that ran in the session.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability import harness
from tests.reliability.disk_scenarios import DbState, has_traceback, lost_rows, user_message

RECORDS: list[dict] = []


@dataclass
class Run:
    """One scenario's outcome: the command, what the user saw, and the database around it."""

    name: str
    fs: str
    command: list[str]
    result: subprocess.CompletedProcess
    before: DbState
    after: DbState
    extra: dict = field(default_factory=dict)
    #: Where it ran (not recorded as such: a temporary path means nothing in a report).
    data: Path | None = None

    @property
    def lost(self) -> int:
        """Committed values and change-log rows there before and gone (or altered) after."""
        return lost_rows(self.before, self.after)

    @property
    def wrote_nothing(self) -> bool:
        """Every table is exactly as before."""
        return self.before.tables == self.after.tables


def _shown(text: str, data: Path | None) -> str:
    """``text`` with the scenario's temporary data directory shown as DATOS."""
    return text.replace(str(data), "DATOS") if data is not None else text


def record(run: Run, expected: str, ok: bool, finding: str | None = None, **more: object) -> None:
    """Keep a scenario for disk.json: what was done, what the user read, what was lost."""
    command = [Path(a).name if os.path.isabs(a) else a for a in run.command]
    extra = {k: _shown(v, run.data) if isinstance(v, str) else v for k, v in {**run.extra, **more}.items()}
    RECORDS.append(
        {
            "name": run.name,
            "filesystem": run.fs,
            "command": " ".join(command),
            "exit": run.result.returncode,
            "message": _shown(user_message(run.result), run.data),
            "traceback": has_traceback(run.result.stderr),
            "data_lost": run.lost,
            "wrote_nothing": run.wrote_nothing,
            "integrity": run.after.integrity,
            "db_file_unchanged": run.before.digest is not None and run.before.digest == run.after.digest,
            "chain_ok": run.after.chain_break is None,
            "expected": expected,
            "ok": ok,
            "finding": finding,
            **extra,
        }
    )


def write_disk_json() -> None:
    """Write ``disk.json`` (a no-op outside ``make reliability``)."""
    harness.record(
        "disk",
        {
            "scenarios": RECORDS,
            "data_lost": sum(r["data_lost"] for r in RECORDS),
            "findings": [r["name"] for r in RECORDS if r["finding"]],
        },
    )
