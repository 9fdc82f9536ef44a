"""The facility registry in sync packages (issue 11): built at the sender, applied at the receiver.

A state's data package carries its registry as the sealed part ``facilities.bin``: every
unit with ``--full``, otherwise the units changed here since the last package HQ
acknowledged. Each unit travels with its ``updated_at`` and its dated operating-status
history. HQ applies it before the values, in the same transaction:

- a unit HQ does not know is created, marked as reported by the state;
- a unit HQ has not changed since the state last wrote it is updated (a clean update);
- a unit HQ changed on its own (a DGIS CLUES import, a hand edit) and the state's copy
  differs: the values' rule applies (the later ``updated_at``, ties to the state) and the
  conflict is flagged for review side by side, both versions kept;
- an older copy than the one HQ already took from the state (a replayed change) is ignored.

HQ's updates carry its registry back; there :func:`apply_update_registry` keeps a state's
edit HQ has not yet acknowledged. Both directions read the rows with
:func:`~app.services.sync.sync_facilities_read.parse_units`:
every field of its exact type, every code in the catalog, every CLUES of the sender's state
(else ``E_FACILITY_STATE``), otherwise ``E_REGISTRY`` and nothing is written.

Every change is logged in the hash-chained change log under the unit's CLUES (empty period,
variable ``unidad``, field ``unidad`` for a new unit or ``unidad.<campo>``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from cryptography.hazmat.primitives.asymmetric import x25519

from app.models.facility import Facility, StatusPeriod
from app.models.import_summary import ImportConflict
from app.models.messages import InputError
from app.models.messages import text as message_text
from app.services.sync.sync_facilities_read import MAX_HISTORY as MAX_HISTORY
from app.services.sync.sync_facilities_read import MAX_TEXT as MAX_TEXT
from app.services.sync.sync_facilities_read import MAX_UNITS as MAX_UNITS
from app.services.sync.sync_facilities_read import Unit as Unit
from app.services.sync.sync_facilities_read import open_registry as open_registry
from app.services.sync.sync_facilities_read import parse_units as parse_units
from app.services.workspace import now_iso, write_transaction
from app.storage import changelog, conflicts_repo, facilities_repo
from app.storage.changelog import LogEntry
from app.sync import crypto, package
from app.sync.errors import SyncError

#: The conflict rows of a facility have this variable (and an empty period).
FACILITY_CONFLICT = "unidad"
_COMPARED = (
    "name",
    "municipality",
    "jurisdiction",
    "type_code",
    "level",
    "institution",
    "status",
    "status_since",
    "is_demo",
)


@dataclass
class RegistryApplied:
    """What applying a registry did (or would do, in a dry run)."""

    created: int = 0
    updated: int = 0
    ignored: int = 0
    notes: list[ImportConflict] = field(default_factory=list)

    def text(self, lang: str = "es") -> str:
        return message_text("sync_registry_counts", lang, created=self.created, updated=self.updated)


# -- building (the sender) ----------------------------------------------------------------


def unit_record(fac: Facility, updated_at: str, history: Sequence[StatusPeriod]) -> dict:
    """One unit as a package carries it."""
    return {**asdict(fac), "updated_at": updated_at, "history": [[p.status, p.start_date, p.end_date] for p in history]}


def registry_records(conn: sqlite3.Connection, state_code: str, changed_only: bool = False) -> list[dict]:
    """The state's units as records; with ``changed_only``, only local changes not yet acknowledged.

    A local change is a row written here after the other side's copy last wrote it, and not
    older than the newest package HQ acknowledged (equal counts: timestamps have seconds).
    """
    cutoff = facilities_repo.last_acknowledged_at(conn) if changed_only else ""
    marks = facilities_repo.sync_marks(conn, state_code)
    histories = facilities_repo.status_histories(conn, state_code)
    out = []
    for fac in facilities_repo.list_facilities(conn, state_code):
        updated, synced, _remote, _by = marks[fac.clues]
        if changed_only and not (updated >= cutoff and (not synced or updated > synced)):
            continue
        out.append(unit_record(fac, updated, histories.get(fac.clues, [])))
    return out


def seal_registry(
    conn: sqlite3.Connection, state_code: str, full: bool, package_uuid: str, recipient: x25519.X25519PublicKey
) -> tuple[bytes, int]:
    """(the sealed ``facilities.bin`` part, how many units it carries)."""
    units = registry_records(conn, state_code, changed_only=not full)
    doc = {"state": state_code, "full": full, "facilities": units}
    name = package.REGISTRY_PART
    return crypto.seal(package.gzip_json(doc), recipient, aad=package.part_aad(package_uuid, name)), len(units)


# -- applying -------------------------------------------------------------------------------


def _snapshot(fac: Facility, updated_at: str, history: Sequence[StatusPeriod]) -> str:
    return json.dumps(unit_record(fac, updated_at, history), ensure_ascii=False, sort_keys=True)


def _log(
    conn: sqlite3.Connection,
    now: str,
    user: str,
    old: Facility | None,
    unit: Unit,
    old_history: Sequence[StatusPeriod],
    source: str,
) -> None:
    """One change-log row per changed field (or one for a new unit), chained like values."""
    new = unit.facility
    rows: list[tuple[str, object, object]] = []
    if old is None:
        rows.append(("unidad", None, _snapshot(new, unit.updated_at, unit.history)))
    else:
        rows += [
            (f"unidad.{name}", getattr(old, name), getattr(new, name))
            for name in _COMPARED
            if getattr(old, name) != getattr(new, name)
        ]
        if tuple(old_history) != unit.history:
            rows.append(
                (
                    "unidad.historial",
                    json.dumps([asdict(p) for p in old_history], ensure_ascii=False),
                    json.dumps([asdict(p) for p in unit.history], ensure_ascii=False),
                )
            )
    # Under the unit's CLUES and the variable "unidad": the conflicts view shows it as the history.
    changelog.append(
        conn,
        [
            LogEntry(
                now,
                user,
                new.clues,
                "",
                FACILITY_CONFLICT,
                "",
                name,
                changelog.as_log_text(a),
                changelog.as_log_text(b),
                source,
            )
            for name, a, b in rows
        ],
    )


def _write(conn: sqlite3.Connection, unit: Unit, now: str, reported_by: str | None) -> None:
    facilities_repo.upsert_facilities(conn, [unit.facility], now)
    if unit.history:
        facilities_repo.replace_status_history(conn, unit.facility.clues, unit.history, now)
    written = facilities_repo.updated_at(conn, unit.facility.clues)
    facilities_repo.mark_synced(conn, unit.facility.clues, written, unit.updated_at, reported_by)


def _differs(a: Facility, b: Facility) -> bool:
    return any(getattr(a, name) != getattr(b, name) for name in _COMPARED)


def check_units_belong(conn: sqlite3.Connection, units: Sequence[Unit], state: str, where: str) -> None:
    """A CLUES this side holds under another state is not the sender's to change."""
    known = facilities_repo.existing_clues(conn)
    for unit in units:
        other = known.get(unit.facility.clues)
        if other is not None and other != state:
            raise SyncError(
                "E_FACILITY_STATE",
                where,
                InputError("sync_detail.facility_state", clues=unit.facility.clues, state=other),
            )


def _note(clues: str, value: str, code: str, applied: str | None = None) -> ImportConflict:
    """A summary note about one unit of the registry (``applied``: W_CONFLICT's kept side)."""
    note: ImportConflict = {"object": clues, "value": value, "errorCode": code, "property": "facility", "indexes": []}
    if applied is not None:
        note["applied"] = applied
    return note


def apply_registry(
    conn: sqlite3.Connection, units: Sequence[Unit], state: str, package_uuid: str, now: str, user: str
) -> RegistryApplied:
    """HQ: apply a state's registry by the rules of the module's docstring (inside the import's
    transaction); conflicts go to the ``conflicts`` table with both versions."""
    result = RegistryApplied()
    if not units:
        return result
    marks = facilities_repo.sync_marks(conn, state)
    current = {f.clues: f for f in facilities_repo.list_facilities(conn, state)}
    histories = facilities_repo.status_histories(conn, state)
    source = f"paquete {package_uuid}"
    for unit in units:
        clues = unit.facility.clues
        mine = current.get(clues)
        if mine is None:
            _write(conn, unit, now, state)
            _log(conn, now, user, None, unit, (), source)
            result.created += 1
            continue
        updated, synced, remote, _by = marks[clues]
        history = tuple(histories.get(clues, ()))
        if remote and unit.updated_at == remote:  # the copy HQ already took (a resent delta)
            result.ignored += 1
            continue
        if remote and unit.updated_at < remote:  # older than the copy HQ took from the state
            result.ignored += 1
            result.notes.append(_note(clues, unit.updated_at, "W_REGISTRY_STALE"))
            continue
        if not _differs(mine, unit.facility) and (history == unit.history or not unit.history):
            facilities_repo.mark_synced(conn, clues, updated, unit.updated_at)
            result.ignored += 1
            continue
        if not synced or updated > synced:  # HQ changed it on its own: the rule decides, flagged
            applied = _flag_conflict(conn, unit, mine, updated, history, package_uuid, state, now)
            result.notes.append(_note(clues, unit.facility.name, "W_CONFLICT", applied=applied))
            if applied == "ours":
                result.ignored += 1
                continue
        _write(conn, unit, now, None)
        _log(conn, now, user, mine, unit, history, source)
        result.updated += 1
    return result


def _flag_conflict(
    conn: sqlite3.Connection,
    unit: Unit,
    mine: Facility,
    updated: str,
    history: tuple[StatusPeriod, ...],
    package_uuid: str,
    state: str,
    now: str,
) -> str:
    """Record both versions of a unit changed on both sides; returns the one the rule applies."""
    applied = "theirs" if unit.updated_at >= updated else "ours"
    row = (
        unit.facility.clues,
        "",
        FACILITY_CONFLICT,
        "",
        _snapshot(mine, updated, history),
        _snapshot(unit.facility, unit.updated_at, unit.history),
        applied,
        package_uuid,
        state,
        now,
    )
    conflicts_repo.add_conflicts(conn, [row])
    return applied


def apply_update_registry(
    conn: sqlite3.Connection, units: Sequence[Unit], state: str, package_uuid: str, now: str, user: str
) -> RegistryApplied:
    """A state: HQ's registry from an update; a local edit HQ has not acknowledged is kept."""
    result = RegistryApplied()
    cutoff = facilities_repo.last_acknowledged_at(conn)
    marks = facilities_repo.sync_marks(conn, state)
    current = {f.clues: f for f in facilities_repo.list_facilities(conn, state)}
    histories = facilities_repo.status_histories(conn, state)
    source = f"actualización {package_uuid}"
    for unit in units:
        clues = unit.facility.clues
        mine = current.get(clues)
        if mine is None:
            _write(conn, unit, now, None)
            _log(conn, now, user, None, unit, (), source)
            result.created += 1
            continue
        updated, synced, remote, _by = marks[clues]
        history = tuple(histories.get(clues, ()))
        same = not _differs(mine, unit.facility) and (history == unit.history or not unit.history)
        if same or (remote and unit.updated_at < remote):
            result.ignored += 1
            continue
        if updated >= cutoff and (not synced or updated > synced):
            result.ignored += 1
            result.notes.append(_note(clues, mine.name, "W_LOCAL_EDIT_KEPT"))
            continue
        _write(conn, unit, now, None)
        _log(conn, now, user, mine, unit, history, source)
        result.updated += 1
    return result


def resolve_conflict(conn: sqlite3.Connection, conflict_id: int, choice: str, now: str, user: str) -> Facility:
    """HQ accepts one side of a flagged unit (inside a transaction); returns the unit as stored.

    The chosen version is written (with its status history) only when it is not the applied
    one; either way the review is recorded on the conflict, as for values.
    """
    row = conflicts_repo.get_conflict(conn, conflict_id)  # columns: conflicts_repo.COLUMNS
    if row is None or row[3] != FACILITY_CONFLICT:
        raise InputError("conflict_missing", id=conflict_id)
    if row[11]:
        raise InputError("conflict_resolved", id=conflict_id, at=row[11])
    chosen = json.loads(row[5] if choice == "ours" else row[6])
    fac = Facility(**{name: chosen[name] for name in Facility.__dataclass_fields__})
    unit = Unit(fac, chosen["updated_at"], tuple(StatusPeriod(*p) for p in chosen["history"]))
    if choice != row[7]:
        before = facilities_repo.get_facility(conn, fac.clues)
        old_history = facilities_repo.status_history(conn, fac.clues)
        facilities_repo.upsert_facilities(conn, [fac], now)
        if unit.history:
            facilities_repo.replace_status_history(conn, fac.clues, unit.history, now)
        _log(conn, now, user, before, unit, old_history, f"conflicto {conflict_id}: {choice}")
    conflicts_repo.mark_resolved(conn, conflict_id, now, user, choice)
    return facilities_repo.get_facility(conn, fac.clues) or fac


def resolve(ws, conflict_id: int, choice: str) -> Facility:
    """:func:`resolve_conflict` in its own transaction, as the reviewer (the conflicts view)."""
    if choice not in ("ours", "theirs"):
        raise InputError("conflict_choice", choice=choice)
    with write_transaction(ws):
        return resolve_conflict(ws.conn, conflict_id, choice, now_iso(), ws.user)
