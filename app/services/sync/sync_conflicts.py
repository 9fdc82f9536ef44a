"""Values flagged at HQ: review them side by side and accept either version.

A conflict row keeps both versions as they were (``ours``: HQ's copy before the package,
``theirs``: the package's) and which one the rule applied. Accepting a version writes it
as the cell's value (a new version, logged with the reviewer's name) unless it is already
the applied one, and closes the conflict. Nothing is lost: both versions stay on record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.models.messages import InputError
from app.models.values import DataValue, ValueKey
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import changelog, conflicts_repo, values_repo
from app.storage.changelog import LogEntry


@dataclass(frozen=True)
class Conflict:
    """One flagged value: both versions, what the rule applied, and its review."""

    id: int
    key: ValueKey
    ours: dict
    theirs: dict
    applied: str  # "ours" | "theirs"
    package_uuid: str
    state_code: str
    created_at: str
    resolved_at: str | None
    resolved_by: str | None
    resolution: str | None


def _row(r: tuple) -> Conflict:
    return Conflict(
        r[0],
        ValueKey(r[1], r[2], r[3], r[4]),
        json.loads(r[5]),
        json.loads(r[6]),
        r[7],
        r[8],
        r[9],
        r[10],
        r[11],
        r[12],
        r[13],
    )


def list_conflicts(ws: Workspace, state: str | None = None, open_only: bool = True) -> list[Conflict]:
    """Flagged values, oldest first; only those not yet reviewed unless ``open_only`` is False."""
    code = ws.catalog.state(state).code if state else None
    return [_row(r) for r in conflicts_repo.list_conflicts(ws.conn, code, open_only)]


def get_conflict(ws: Workspace, conflict_id: int) -> Conflict:
    row = conflicts_repo.get_conflict(ws.conn, conflict_id)
    if row is None:
        raise InputError("conflict_missing", id=conflict_id)
    return _row(row)


def history(ws: Workspace, conflict: Conflict) -> list[LogEntry]:
    """The cell's change log (every version, who and when), oldest first."""
    k = conflict.key
    return changelog.cell_history(ws.conn, k.org_unit, k.period, k.variable, k.disaggregation)


def resolve(ws: Workspace, conflict_id: int, choice: str) -> DataValue:
    """Accept ``choice`` ("ours" or "theirs") for a flagged value; returns the cell as stored."""
    if choice not in ("ours", "theirs"):
        raise InputError("conflict_choice", choice=choice)
    conflict = get_conflict(ws, conflict_id)
    if conflict.resolved_at:
        raise InputError("conflict_resolved", id=conflict_id, at=conflict.resolved_at)
    now = now_iso()
    with write_transaction(ws):
        current = values_repo.get_values(ws.conn, [conflict.key]).get(conflict.key)
        chosen = conflict.ours if choice == "ours" else conflict.theirs
        wanted = {
            "value": chosen["value"],
            "comment": chosen.get("comment", ""),
            "provisional": bool(chosen.get("provisional")),
        }
        before: dict[str, Any] = {
            "value": current.value if current else None,
            "comment": current.comment if current else "",
            "provisional": bool(current.provisional) if current else False,
        }
        changed = [name for name in wanted if wanted[name] != before[name]]
        stored = current
        if changed:
            _write_choice(ws, conflict, current, chosen, wanted, now)
            _log_choice(ws, conflict.key, before, wanted, changed, f"conflicto {conflict_id}: {choice}", now)
            stored = values_repo.get_values(ws.conn, [conflict.key])[conflict.key]
        conflicts_repo.mark_resolved(ws.conn, conflict_id, now, ws.user, choice)
    return stored  # type: ignore[return-value]


def _write_choice(
    ws: Workspace, conflict: Conflict, current: DataValue | None, chosen: dict, wanted: dict[str, Any], now: str
) -> None:
    """Store the chosen version as the cell's next version (a new cell takes the chosen one's uuid)."""
    k = conflict.key
    row = (
        k.org_unit,
        k.period,
        k.variable,
        k.disaggregation,
        wanted["value"],
        wanted["comment"],
        int(wanted["provisional"]),
        int(current.follow_up if current else 0),
        current.uuid if current else chosen["uuid"],
        (current.version if current else 0) + 1,
        now,
        ws.user,
    )
    values_repo.upsert_received(ws.conn, [row])


def _log_choice(
    ws: Workspace,
    k: ValueKey,
    before: dict[str, Any],
    wanted: dict[str, Any],
    changed: list[str],
    source: str,
    now: str,
) -> None:
    """Every field the choice changes is logged, like an edit in the grid."""
    changelog.append(
        ws.conn,
        [
            LogEntry(
                now,
                ws.user,
                k.org_unit,
                k.period,
                k.variable,
                k.disaggregation,
                name,
                int(before[name]) if name == "provisional" else before[name],
                int(wanted[name]) if name == "provisional" else wanted[name],
                source,
            )
            for name in changed
        ],
    )
