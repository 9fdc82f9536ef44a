"""``python main.py check``: is everything a coordinator relies on intact? (issue 9)

Four checks, each independent of the others (a damaged database does not stop the
files from being checked):

- the database: ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``;
- the change log's hash chain (:func:`app.storage.changelog.verify_chain`);
- the outbox against its files: each package not yet delivered is in its folder with its
  SHA-256, none is left half written, and every package file of this device in those
  folders has its row (a delivered package may have been moved away: that is normal);
- the package archive: each imported package's archive copy exists and has its SHA-256.

Each problem is one line naming the thing, in Spanish or English.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.models.values import format_number
from app.services.sync.outbox_reconcile import file_sha256, read_manifest
from app.services.workspace import Workspace
from app.storage import changelog, database, sync_repo

#: Lines of ``integrity_check`` reported at most (a badly damaged file lists thousands).
MAX_INTEGRITY_LINES = 20

TEXT: dict[str, dict[str, str]] = {
    "es": {
        "database": "Base de datos dañada ({path}): {detail}",
        "foreign_key": "Base de datos: la tabla {table} (fila {rowid}) apunta a un registro inexistente de {parent}",
        "change_log": "El historial de cambios fue alterado a partir del registro {id}",
        "outbox_missing": "Bandeja de salida: el paquete {name} (secuencia {sequence}) no está en {path}",
        "outbox_hash": "Bandeja de salida: el archivo {path} no coincide con el paquete {name} que se "
        "exportó (SHA-256 distinto)",
        "outbox_writing": "Bandeja de salida: el paquete {name} (secuencia {sequence}) no se terminó de "
        "escribir y su carpeta {folder} no está disponible",
        "outbox_orphan": "Bandeja de salida: el paquete {path} (secuencia {sequence}) está sin registro "
        "en la bandeja de salida",
        "archive_missing": "Archivo de paquetes: la copia {path} del paquete {uuid} no existe",
        "archive_hash": "Archivo de paquetes: la copia {path} del paquete {uuid} fue modificada (SHA-256 distinto)",
        "healthy": "Todo en orden: base de datos íntegra, historial de cambios verificado ({log} "
        "registros), {outbox} paquetes en la bandeja de salida y {archive} en el archivo "
        "coinciden con sus archivos",
        "found": "Problemas encontrados: {count}",
    },
    "en": {
        "database": "Damaged database ({path}): {detail}",
        "foreign_key": "Database: table {table} (row {rowid}) points to a missing row of {parent}",
        "change_log": "The change log was altered from entry {id} on",
        "outbox_missing": "Outbox: package {name} (sequence {sequence}) is not in {path}",
        "outbox_hash": "Outbox: the file {path} does not match the exported package {name} (different SHA-256)",
        "outbox_writing": "Outbox: package {name} (sequence {sequence}) was not fully written and its "
        "folder {folder} is not available",
        "outbox_orphan": "Outbox: the package {path} (sequence {sequence}) has no outbox row",
        "archive_missing": "Package archive: the copy {path} of package {uuid} does not exist",
        "archive_hash": "Package archive: the copy {path} of package {uuid} was modified (different SHA-256)",
        "healthy": "All good: database intact, change log verified ({log} entries), {outbox} outbox "
        "packages and {archive} archived packages match their files",
        "found": "Problems found: {count}",
    },
}


@dataclass(frozen=True)
class Problem:
    """One thing found wrong: its kind (a key of :data:`TEXT`) and what names it."""

    kind: str
    params: dict[str, object]

    def message(self, lang: str = "es") -> str:
        shown = {k: format_number(v) if isinstance(v, int) else v for k, v in self.params.items()}
        return TEXT.get(lang, TEXT["es"])[self.kind].format(**shown)


@dataclass
class HealthReport:
    problems: list[Problem] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=lambda: {"log": 0, "outbox": 0, "archive": 0})

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self, lang: str = "es") -> list[str]:
        """The report as the CLI prints it."""
        text = TEXT.get(lang, TEXT["es"])
        if self.ok:
            return [text["healthy"].format(**{k: format_number(v) for k, v in self.checked.items()})]
        return [
            text["found"].format(count=format_number(len(self.problems))),
            *("- " + p.message(lang) for p in self.problems),
        ]

    def as_json(self, lang: str = "es") -> dict:
        return {
            "ok": self.ok,
            "checked": dict(self.checked),
            "problems": [
                {"kind": p.kind, **{k: str(v) for k, v in p.params.items()}, "message": p.message(lang)}
                for p in self.problems
            ],
        }


def check_workspace(ws: Workspace) -> HealthReport:
    """Run every check on ``ws``; never raises for damage (it is reported)."""
    report = HealthReport()
    for step in (_database, _change_log, _outbox, _archive):
        try:
            step(ws, report)
        except sqlite3.DatabaseError as exc:  # a damaged page stops this check, not the others
            report.problems.append(Problem("database", {"path": str(ws.db_path), "detail": str(exc)}))
    return report


def _database(ws: Workspace, report: HealthReport) -> None:
    rows = database.integrity_rows(ws.conn, MAX_INTEGRITY_LINES)
    if rows != ["ok"]:
        # One row may hold several findings, one per line, under a "*** in database main ***" title.
        found = [
            line.strip()
            for row in rows
            for line in str(row).splitlines()
            if line.strip() and not line.startswith("***")
        ]
        report.problems.extend(
            Problem("database", {"path": str(ws.db_path), "detail": line}) for line in found[:MAX_INTEGRITY_LINES]
        )
    for table, rowid, parent, _fk in database.foreign_key_problems(ws.conn):
        report.problems.append(Problem("foreign_key", {"table": table, "rowid": str(rowid), "parent": parent}))


def _change_log(ws: Workspace, report: HealthReport) -> None:
    broken = changelog.verify_chain(ws.conn)
    if broken is not None:
        report.problems.append(Problem("change_log", {"id": str(broken)}))
    report.checked["log"] = changelog.row_count(ws.conn)


def _outbox(ws: Workspace, report: HealthReport) -> None:
    rows = sync_repo.outbox(ws.conn)
    writing = set(sync_repo.writing_outbox(ws.conn))
    report.checked["outbox"] = len(rows)
    folders: set[Path] = set()
    for row in rows:
        path = Path(row.path)
        folders.add(path.parent)
        common = {"name": row.file_name, "sequence": row.sequence, "path": str(path)}
        if row.uuid in writing:  # still unsettled after the start-up reconcile: its folder is away
            report.problems.append(Problem("outbox_writing", {**common, "folder": str(path.parent)}))
        elif not path.is_file():
            if row.delivered_at is None:
                report.problems.append(Problem("outbox_missing", {**common, "path": str(path.parent)}))
        elif file_sha256(path) != row.sha256:
            report.problems.append(Problem("outbox_hash", common))
    profile = sync_repo.get_profile(ws.conn)
    if profile is None:
        return
    known = {row.uuid for row in rows}
    folders.update(Path(f) for f in sync_repo.export_folders(ws.conn))
    for folder in sorted(folders):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.coordina")):
            manifest = read_manifest(path)
            if (
                manifest
                and manifest.get("kind") == "data"
                and manifest.get("device") == profile.device_id
                and manifest.get("uuid") not in known
            ):
                report.problems.append(
                    Problem("outbox_orphan", {"path": str(path), "sequence": manifest.get("sequence")})
                )


def _archive(ws: Workspace, report: HealthReport) -> None:
    entries = [e for e in sync_repo.inbox(ws.conn) if e.archive_path]
    report.checked["archive"] = len(entries)
    for entry in entries:
        path = Path(entry.archive_path)
        if not path.is_absolute():
            path = ws.data_dir / path
        params: dict[str, object] = {"path": str(path), "uuid": entry.uuid}
        if not path.is_file():
            report.problems.append(Problem("archive_missing", params))
        elif file_sha256(path) != entry.sha256:
            report.problems.append(Problem("archive_hash", params))
