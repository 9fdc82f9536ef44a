"""The files a kill may leave: nothing half written at a final name, and the outbox agrees.

Helpers of kill_checks.py: each appends what it finds to an ``Outcome``.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kill_checks import Outcome, Step


def backups(data_dir: Path, out: Outcome, validate: bool = True) -> None:
    """Every backup at its final name is an intact Coordina database; other files are leftovers."""
    from app.models.messages import InputError
    from app.storage.backups import check_backup_file

    folder = Path(data_dir) / "backups"
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if re.match(r"^coordina-.*\.db$", path.name):
            if not validate:
                continue
            try:
                check_backup_file(path)
            except InputError as exc:
                out.fail("half_file", f"backup {path.name}: {exc.code}")
        elif path.name != ".lock":  # the backups' lock file stays, by design
            out.leftovers.append(f"backups/{path.name}")


def zip_ok(path: Path) -> str | None:
    """None when ``path`` is a whole zip with a manifest, else what is wrong with it."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
            if bad is not None:
                return f"bad entry {bad}"
            if "manifest.json" not in archive.namelist():
                return "no manifest.json"
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def packages(folder: Path, out: Outcome, where: str) -> None:
    """Every package at its final name (``*.coordina``) in ``folder`` is a whole zip."""
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file():
            continue
        if path.suffix == ".coordina":
            problem = zip_ok(path)
            if problem:
                out.fail("half_file", f"package {where}/{path.name}: {problem}")
        else:
            out.leftovers.append(f"{where}/{path.name}")


def pdfs(folder: Path, out: Outcome, validate: bool = True) -> None:
    """Every PDF at its final name is signed and its signature intact; other files are leftovers."""
    from app.reports.signing.pades import verify_pdf

    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix != ".pdf":
            out.leftovers.append(f"out/{path.name}")
            continue
        if not validate:
            continue
        result = verify_pdf(path.read_bytes(), [])
        if not (result.signed and result.intact):
            out.fail("half_file", f"PDF {path.name}: {result.problem_code or result.problem}")


def journaled_files(run_dir: Path, steps: list[Step], out: Outcome) -> None:
    """Every file the journal says was made is at its final name."""
    for step in steps:
        words = step.what.split()
        if words[0] == "backup" and not (run_dir / "data" / "backups" / words[1]).is_file():
            out.fail("committed_lost", f"backup {words[1]} is gone")
        elif words[0] == "pdf" and not (run_dir / "out" / words[1]).is_file():
            out.fail("committed_lost", f"PDF {words[1]} is gone")
        elif words[0] == "export":
            path = run_dir / "usb" / words[2]
            if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != words[3]:
                out.fail("committed_lost", f"package {words[2]} is gone or changed")


def outbox_and_files(run_dir: Path, out: Outcome) -> None:
    conn = sqlite3.connect(str(run_dir / "data" / "coordina.db"))
    try:
        rows = conn.execute("SELECT path, sha256, sequence FROM outbox").fetchall()
        inbox = conn.execute("SELECT uuid, sha256, archive_path FROM inbox WHERE archive_path != ''").fetchall()
    finally:
        conn.close()
    listed = set()
    for path, digest, sequence in rows:
        listed.add(Path(path).resolve())
        file = Path(path)
        if not file.is_file():
            out.fail("outbox_files", f"outbox row {sequence}: {file.name} is missing")
        elif hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            out.fail("outbox_files", f"outbox row {sequence}: {file.name} does not match its hash")
    usb = run_dir / "usb"
    for file in sorted(usb.glob("*.coordina")) if usb.is_dir() else []:
        if file.resolve() not in listed:
            out.fail("outbox_files", f"{file.name} has no outbox row (its sequence may be reused)")
    archived = {Path(a).resolve() for _, _, a in inbox}
    folder = run_dir / "data" / "archivo"
    for file in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if file.is_file() and file.resolve() not in archived:
            out.leftovers.append(f"archivo/{file.name} (no inbox row)")
    for uuid, digest, archive in inbox:
        file = Path(archive)
        if not file.is_file() or hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            out.fail("inbox_archive", f"inbox {uuid}: archive copy {file.name} missing or changed")


def next_sequence(run_dir: Path, inputs: Path, out: Outcome) -> None:
    """The next export after the kill uses a sequence no package file on disk has used."""
    from kill_prepare import PASSPHRASE

    from app.services.summary.identity import load_identity
    from app.services.sync.sync_export import export_package
    from app.services.workspace import open_workspace

    usb = run_dir / "usb"
    used = {
        int(m.group(1))
        for p in (usb.glob("*.coordina") if usb.is_dir() else [])
        if (m := re.search(r"_(\d+)\.coordina$", p.name))
    }
    ws = open_workspace(run_dir / "data", user="ana")
    try:
        made = export_package(ws, usb, load_identity(p12=inputs / "ana.p12", passphrase=PASSPHRASE))
    except Exception as exc:  # noqa: BLE001 - the failure is the finding
        out.fail("sequence_reuse", f"next export failed: {type(exc).__name__}: {exc}")
        return
    finally:
        ws.close()
    if made.sequence in used:
        out.fail("sequence_reuse", f"next export reused sequence {made.sequence} (on disk: {sorted(used)})")
