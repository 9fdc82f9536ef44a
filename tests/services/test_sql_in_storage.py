"""Every SQL statement lives in app/storage (issue 14): services call named repository functions."""

from __future__ import annotations

import re
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"
#: Modules still allowed to hold SQL: none since the restructure of issue 14.
NOT_YET: set[str] = set()
SQL_CALL = re.compile(r"\.(execute|executemany|executescript)\(")
SQL_TEXT = re.compile(r"[\"'](SELECT|INSERT|UPDATE|DELETE|BEGIN|COMMIT|ROLLBACK|PRAGMA|CREATE)\b")


def test_services_hold_no_sql():
    found = []
    for path in sorted(SERVICES.rglob("*.py")):  # every feature folder too
        if path.name in NOT_YET:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if SQL_CALL.search(line) or SQL_TEXT.search(line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert not found, "SQL outside app/storage:\n" + "\n".join(found)
