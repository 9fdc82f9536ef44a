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

from app.models.messages import table as message_table
from app.models.values import format_number
from app.services.sync.outbox_reconcile import file_sha256, read_manifest
from app.services.workspace import Workspace
from app.storage import changelog, database, sync_repo

#: Lines of ``integrity_check`` reported at most (a badly damaged file lists thousands).
MAX_INTEGRITY_LINES = 20


@dataclass(frozen=True)
class Problem:
    """One thing found wrong: its kind (a ``health.<kind>`` message) and what names it."""

    kind: str
    params: dict[str, object]

    def message(self, lang: str = "es") -> str:
        shown = {k: format_number(v) if isinstance(v, int) else v for k, v in self.params.items()}
        return message_table("health.", lang)[self.kind].format(**shown)


@dataclass
class HealthReport:
    problems: list[Problem] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=lambda: {"log": 0, "outbox": 0, "archive": 0})

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self, lang: str = "es") -> list[str]:
        """The report as the CLI prints it."""
        text = message_table("health.", lang)
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
