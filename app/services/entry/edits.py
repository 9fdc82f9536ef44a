"""Recording a batch of edits from the GUI and reading back what the database keeps.

The grid applies an edit locally at once and stores it in the background. When
the write finishes, the GUI reconciles its copy with the stored state of the
same cells, so a refused or failed write never leaves the screen showing a value
that was not kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.models.values import DataValue, ValueChange, ValueKey
from app.services.entry.month_values import record_changes
from app.services.workspace import Workspace
from app.storage import values_repo


@dataclass
class EditOutcome:
    """What a write left in the database for the cells it touched.

    ``stored`` maps every touched key to its stored value (None when the cell
    has never been stored); it is None when even reading back failed.
    ``error`` is the exception that refused the write, or None on success.
    """

    stored: dict[ValueKey, DataValue | None] | None
    error: BaseException | None = None


def record_edits(ws: Workspace, changes: Sequence[ValueChange], source: str = "manual") -> EditOutcome:
    """Store ``changes`` in one transaction (all or nothing) and read the cells back."""
    error: BaseException | None = None
    try:
        record_changes(ws, changes, source)
    except Exception as exc:  # noqa: BLE001 - every refusal goes back to the GUI as data
        error = exc
    keys = [c.key for c in changes]
    try:
        found = values_repo.get_values(ws.conn, keys)
    except Exception:  # noqa: BLE001 - the GUI falls back to its own snapshot
        return EditOutcome(None, error)
    return EditOutcome({key: found.get(key) for key in keys}, error)
