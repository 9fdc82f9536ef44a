"""HQ answers the states in bulk: what each registered state sent, and writing acknowledgements
or updates for several states in one go (Sincronizar ▸ Responder a los estados…).

The packages themselves are :func:`app.services.sync.sync_ack.make_ack` and
:func:`~app.services.sync.sync_ack.make_update`; this module adds the overview of the states and a
loop that checks everything it can before writing the first file (HQ profile and keys, the
destination folder, the catalog folder), then writes one package per state and can stop
between states.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.services.facilities import catalog_install
from app.services.sync import sync_ack
from app.services.sync.sync_profile import hq_keys, require_profile
from app.services.workspace import Workspace
from app.storage import conflicts_repo, files, sync_repo

ACK, UPDATE = "ack", "update"


@dataclass(frozen=True)
class StateToAnswer:
    """A state with at least one active registered coordinator, and what HQ received from it."""

    code: str
    name: str
    coordinators: tuple[str, ...]
    received: int  # data packages imported at HQ
    last_received: str | None  # ISO timestamp of the last import, None when nothing arrived
    open_conflicts: int  # flagged values not yet reviewed at HQ


@dataclass
class Written:
    """What a bulk run wrote: one file per state done, and whether it stopped early."""

    kind: str
    paths: list[Path] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    total: int = 0
    stopped: bool = False  # cancelled between states
    error: BaseException | None = None  # a failure after some files were written
    error_state: str | None = None


def states_to_answer(ws: Workspace) -> list[StateToAnswer]:
    """The states with an active registration, in catalog order, with their inbox counts."""
    coordinators: dict[str, list[str]] = {}
    for reg in sync_repo.list_registrations(ws.conn):
        if reg.active:
            coordinators.setdefault(reg.state_code, []).append(reg.name)
    received: dict[str, list[str]] = {}
    for entry in sync_repo.inbox(ws.conn, "data"):
        if entry.state_code:
            received.setdefault(entry.state_code, []).append(entry.imported_at)
    conflicts = conflicts_repo.open_by_state(ws.conn)
    order = {code: i for i, code in enumerate(ws.catalog.states)}
    rows = []
    for code in sorted(coordinators, key=lambda c: (order.get(c, len(order)), c)):
        state = ws.catalog.states.get(code)
        arrived = received.get(code, [])
        rows.append(
            StateToAnswer(
                code,
                state.name if state else code,
                tuple(sorted(set(coordinators[code]))),
                len(arrived),
                max(arrived) if arrived else None,
                int(conflicts.get(code, 0)),
            )
        )
    return rows


def check_ready(ws: Workspace, out_dir: Path, catalog_dir: Path | None = None) -> None:
    """Raise (SyncError, CatalogError, InputError) unless HQ can write packages into ``out_dir``
    with the catalog in ``catalog_dir``; writes nothing (the folder is created when missing)."""
    require_profile(ws, "hq")
    hq_keys(ws)
    if catalog_dir is not None:
        catalog_install.catalog_for_update(ws, Path(catalog_dir))
    files.check_writable_dir(Path(out_dir))


def write_packages(
    ws: Workspace,
    kind: str,
    states: Sequence[str],
    out_dir: Path,
    catalog_dir: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Written:
    """Write an acknowledgement (``kind="ack"``) or an update (``"update"``) for each state.

    Everything is checked first (:func:`check_ready`): a bad catalog folder or an unwritable
    destination raises before any file is written. ``should_stop`` is asked before each
    state (Cancelar); ``progress(done, total, state_code)`` is called after each one. A
    failure after the first file is returned in ``Written.error`` with the files already written.
    """
    if kind not in (ACK, UPDATE):
        raise ValueError(kind)
    codes = [ws.catalog.state(code).code for code in states]
    check_ready(ws, out_dir, catalog_dir if kind == UPDATE else None)
    result = Written(kind, total=len(codes))
    for done, code in enumerate(codes):
        if should_stop is not None and should_stop():
            result.stopped = True
            break
        try:
            if kind == ACK:
                path = sync_ack.make_ack(ws, code, Path(out_dir))
            else:
                path = sync_ack.make_update(ws, code, Path(out_dir), catalog_dir=catalog_dir)
        except Exception as exc:
            if not result.paths:
                raise
            result.error, result.error_state = exc, code
            break
        result.paths.append(path)
        result.states.append(code)
        if progress is not None:
            progress(done + 1, len(codes), code)
    return result
