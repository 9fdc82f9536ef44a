"""Data packages and conflicts as an import at headquarters records them (real tables, no mocks).

Shared by the consolidation window tests and its screenshot script.
"""

from __future__ import annotations

import json

from app.services.workspace import Workspace


def add_package(ws: Workspace, uuid: str, state: str, periods: list[str], imported_at: str) -> None:
    """A data package as the import records it in the inbox."""
    with ws.db.atomic():
        ws.conn.execute(
            "INSERT INTO inbox (uuid, sha256, kind, state_code, device_id, sequence, periods, created_at, "
            "imported_at, imported_by, summary) VALUES (?, ?, 'data', ?, 'dev', 1, ?, ?, ?, 'hq', '{}')",
            (uuid, "0" * 64, state, json.dumps(periods), imported_at, imported_at),
        )


def add_conflict(ws: Workspace, state: str, period: str) -> None:
    """An unresolved conflict, as an import leaves it for review."""
    with ws.db.atomic():
        ws.conn.execute(
            "INSERT INTO conflicts (org_unit, period, variable, ours, theirs, applied, package_uuid, "
            "state_code, created_at) VALUES (?, ?, 'cirugias', '1', '2', 'theirs', 'p', ?, '2023-03-01')",
            (state, period, state),
        )


def seed_packages(ws: Workspace) -> None:
    """Nayarit on time for Jan–Mar (February flagged), Colima late for February."""
    add_package(ws, "a", "18", ["202301", "202302"], "2023-02-08T18:00:00+00:00")
    add_package(ws, "b", "06", ["202302"], "2023-03-11T00:30:00+00:00")  # a day after the 10th
    add_package(ws, "c", "06", ["202302"], "2023-03-20T00:00:00+00:00")
    add_package(ws, "d", "18", ["202303"], "2023-04-10T12:00:00+00:00")
    add_conflict(ws, "18", "202302")
