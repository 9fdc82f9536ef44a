"""Importing packages: data at HQ, acknowledgements and updates at a state (issue 4 item 3).

One entry point, :func:`import_packages`, for every kind, as ``sync import FILE...`` is one
command. The order of checks for a data package (DESIGN.md §6):

1. the zip and the manifest's shape and format version;
2. the signer: registered at HQ, for *that* state, not revoked, and the manifest's signature
   made by that certificate — all *before* decrypting anything;
3. idempotency (same UUID and signed manifest: the stored summary, nothing changes; same UUID, other
   content: refused) and the device's sequence (replays and old packages refused, gaps
   reported); the signed ``previous_sha256`` and ``scope`` must agree with what HQ holds and
   what the parts carry (:mod:`app.services.sync_checks`);
4. the SHA-256 of every file, then decryption, then the payload's shape;
5. every value with the rules of manual entry; one bad value refuses the whole package;
6. the values applied, logged and archived in ONE transaction (a dry run rolls it back).

The summary has DHIS2's import-summary shape, with our error codes (``app.sync.errors``
and :data:`app.services.sync_values.VALUE_ERROR_CODES`) and Spanish messages.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path

from app.models.messages import InputError
from app.models.messages import text as message_text
from app.models.values import format_number
from app.reports import identity as ident
from app.storage import facilities_repo, files, sync_repo
from app.storage.database import translate_error
from app.storage.sync_repo import InboxEntry
from app.sync import crypto, package
from app.sync.errors import SyncError
from app.sync.package import RawPackage

from . import sync_checks, sync_facilities
from .backup import backup_now
from .sync_ack import apply_ack, apply_update, check_hq_sequence, check_hq_signed
from .sync_profile import certificate_fingerprint, hq_keys, require_profile
from .sync_reader import PackageParts, PartReader, read_parts
from .sync_values import Applied, Validator, apply_received
from .workspace import Workspace, now_iso

log = logging.getLogger("coordina.sync")
Progress = Callable[[int, int], None]
ARCHIVE_DIR = "archivo"
MAX_PACKAGE_BYTES = 2 << 30
#: Sealed payload bytes from which reading in a helper process repays starting it (a state's
#: year is ~6 MB; one month of one state ~0.5 MB reads inline).
PIPELINE_MIN_BYTES = 4 << 20


@dataclass(frozen=True)
class ImportResult:
    """One file's outcome: its DHIS2-shaped summary."""

    path: Path
    summary: dict

    @property
    def ok(self) -> bool:
        return self.summary["status"] != "ERROR"


def summary(status: str, description: str, raw: RawPackage | None = None, path: Path | None = None,
            counts: dict | None = None, conflicts: list | None = None, rejected: list | None = None,
            dry_run: bool = False) -> dict:
    """An import summary in DHIS2's shape, plus what identifies the package."""
    out = {
        "responseType": "ImportSummary", "status": status, "description": description,
        "importCount": {"imported": 0, "updated": 0, "ignored": 0, "deleted": 0, **(counts or {})},
        "conflicts": list(conflicts or []), "rejectedIndexes": sorted(rejected or []),
        "dryRun": dry_run, "file": str(path) if path else "",
    }
    if raw is not None:
        m = raw.manifest
        out["package"] = {"uuid": m.get("uuid"), "kind": m.get("kind"), "state": m.get("state"),
                          "device": m.get("device"), "sequence": m.get("sequence"), "sha256": raw.sha256,
                          "manifest_sha256": raw.manifest_sha256}
    return out


def error_summary(exc: InputError, path: Path, lang: str, raw: RawPackage | None = None,
                  dry_run: bool = False) -> dict:
    code = exc.code if isinstance(exc, SyncError) else f"E_{exc.code.upper()}"
    return summary("ERROR", exc.message(lang), raw, path,
                   conflicts=[{"object": path.name, "value": exc.message(lang), "errorCode": code,
                               "property": "package", "indexes": []}], dry_run=dry_run)


def read_package_file(path: Path) -> RawPackage:
    """Read a package file from disk (size-capped) and check its zip and manifest.

    Only the manifest and its signature are inflated (see :func:`app.sync.package.read`).
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise SyncError("E_TOO_LARGE", path.name, f"{path.stat().st_size:,} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("file_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    return package.read(data, path.name)


def _order(item: tuple[Path, RawPackage | InputError]) -> tuple:
    """Data packages per state and device in sequence order; then acks and updates."""
    path, raw = item
    if isinstance(raw, InputError):
        return (9, "", "", 0, str(path))
    m = raw.manifest
    rank = {"data": 0, "update": 1, "ack": 2}.get(raw.kind, 3)
    seq = m.get("sequence") if isinstance(m.get("sequence"), int) else 0
    return (rank, str(m.get("state", "")), str(m.get("device", "")), seq, str(path))


def import_packages(ws: Workspace, paths: Sequence[Path], dry_run: bool = False,
                    progress: Progress | None = None, pipeline: bool | None = None) -> list[ImportResult]:
    """Import every file (any kind), each in its own transaction; one summary per file.

    The files are ordered first (per state and device by sequence), so the order they were
    chosen or dropped in does not matter. A snapshot backup is taken once before anything is
    applied. ``progress(done, total)`` may raise to cancel between packages.

    ``pipeline`` reads the data packages' parts in a helper process while this one writes
    (:class:`~app.services.sync_reader.PartReader`); by default, when the data to read is
    large enough (:data:`PIPELINE_MIN_BYTES`) to repay starting the process.
    """
    read: list[tuple[Path, RawPackage | InputError]] = []
    payload = 0
    for path in map(Path, paths):
        try:
            raw = read_package_file(path)
        except InputError as exc:
            read.append((path, exc))
            continue
        except Exception as exc:  # a bug met by one file: that file is refused, the batch goes on
            read.append((path, _internal(exc, path)))
            continue
        if raw.kind == "data":
            payload += sum(raw.size(name) for name, _ in package.payload_parts(raw))
        # Keep what orders the batch, not the contents: a national batch is ~150 MB of
        # packages, so each one is read again (and checked again) when its turn comes.
        read.append((path, raw.header()))
    read.sort(key=_order)
    if pipeline is None:
        pipeline = payload >= PIPELINE_MIN_BYTES
    results: list[ImportResult] = []
    backed_up = dry_run
    total = len(read)
    if progress:
        progress(0, total)
    with ExitStack() as stack:
        reader: PartReader | None = None
        if pipeline:
            # HQ's units do not change during an import of data packages, so the reader
            # checks against these. Its process starts when a package first needs it.
            reader = stack.enter_context(PartReader(ws.catalog, ws.lang, facilities_repo.existing_clues(ws.conn)))
        for done, (path, header) in enumerate(read, start=1):
            try:
                raw = header if isinstance(header, InputError) else read_package_file(path)
            except InputError as exc:
                raw = exc
            except Exception as exc:
                raw = _internal(exc, path)
            if isinstance(raw, InputError):
                results.append(ImportResult(path, error_summary(raw, path, ws.lang, dry_run=dry_run)))
            else:
                if not backed_up and sync_repo.get_inbox(ws.conn, raw.uuid) is None:
                    backup_now(ws, "importación")
                    backed_up = True
                try:
                    outcome = import_one(ws, path, raw, dry_run, reader)
                except InputError as exc:  # the disk or the database, not the package
                    outcome = error_summary(exc, path, ws.lang, raw, dry_run)
                except Exception as exc:  # rolled back already; the other files still import
                    outcome = error_summary(_internal(exc, path), path, ws.lang, raw, dry_run)
                results.append(ImportResult(path, outcome))
                del raw
            if progress:
                progress(done, total)
    return results


def _internal(exc: BaseException, path: Path) -> SyncError:
    """A bug met while handling one file: logged with its traceback, reported as such."""
    log.error("internal error importing %s", path, exc_info=exc)
    return SyncError("E_INTERNAL", Path(path).name, f"{type(exc).__name__}: {str(exc)[:160]}")


def import_one(ws: Workspace, path: Path, raw: RawPackage, dry_run: bool = False,
               reader: PartReader | None = None) -> dict:
    """Import one read package; never raises for bad input (the summary says why)."""
    try:
        if raw.kind == "data":
            return _import_data(ws, path, raw, dry_run, reader)
        return _import_from_hq(ws, path, raw, dry_run)
    except InputError as exc:
        return error_summary(exc, path, ws.lang, raw, dry_run)


def _stored(stored: InboxEntry, dry_run: bool, lang: str = "es") -> dict:
    """The summary kept when the package was imported: importing it again changes nothing."""
    again = dict(stored.summary)
    again["description"] = message_text("sync_already_imported", lang, at=stored.imported_at)
    again["alreadyImported"] = True
    again["dryRun"] = dry_run
    return again


# -- data packages at HQ ----------------------------------------------------------------


def _check_signer(ws: Workspace, raw: RawPackage) -> tuple[str, str]:
    """(state code, signer fingerprint) after checking registration and signature."""
    m, where = raw.manifest, raw.where
    state = m.get("state")
    if not isinstance(state, str) or state not in ws.catalog.states:
        raise SyncError("E_MANIFEST", where, "state")
    signer = m.get("signer")
    if not isinstance(signer, dict) or not isinstance(signer.get("certificate"), str):
        raise SyncError("E_MANIFEST", where, "signer")
    try:
        embedded = ident.load_certificate(signer["certificate"].encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise SyncError("E_MANIFEST", where, "signer.certificate") from None
    fp = certificate_fingerprint(embedded)
    reg = sync_repo.get_registration(ws.conn, fp)
    name = ident.subject_label(embedded)
    if reg is None:
        raise SyncError("E_SIGNER_UNKNOWN", where, f"{name}, {fp[:16]}…")
    if reg.state_code != state:
        raise SyncError("E_SIGNER_STATE", where,
                        f"{name}: {ws.catalog.states[reg.state_code].name}, no {ws.catalog.states[state].name}")
    if not reg.active:
        raise SyncError("E_SIGNER_REVOKED", where, f"{name}, {reg.revoked_at}")
    registered = ident.load_certificate(reg.certificate)
    if not crypto.verify_with_certificate(raw.manifest_bytes, raw.signature, registered):
        raise SyncError("E_SIGNATURE", where)
    return state, fp


def _check_sequence(ws: Workspace, raw: RawPackage, state: str) -> list[dict]:
    """Refuse replays and old packages; return warnings for gaps."""
    m, where = raw.manifest, raw.where
    device, sequence, base = m.get("device"), m.get("sequence"), m.get("base_sequence", 0)
    if not isinstance(device, str) or not device or not isinstance(sequence, int) or sequence < 1 \
            or not isinstance(base, int) or isinstance(sequence, bool):
        raise SyncError("E_MANIFEST", where, "device/sequence")
    seen = sync_repo.device_sequences(ws.conn, state, device)
    last = max(seen, default=0)
    if sequence in seen or sequence < last:
        raise SyncError("E_REPLAY", where, f"{sequence} (última importada: {last})")
    if base > last:
        raise SyncError("E_SEQUENCE", where, f"se basa en el paquete {base}; el último importado es {last}")
    warnings = []
    if sequence > last + 1:
        missing = _missing_range(last + 1, sequence - 1)
        warnings.append({"object": f"{state} {device[:8]}", "value": f"faltan los paquetes {missing}; "
                         "su contenido viene incluido en este", "errorCode": "W_SEQUENCE_GAP",
                         "property": "sequence", "indexes": []})
    return warnings


def _missing_range(first: int, last: int) -> str:
    """The missing sequence numbers as a short text: listed when few, else a range.

    A signed manifest may claim any sequence (10**12): the warning never grows with it.
    """
    if last - first < 10:
        return ", ".join(str(n) for n in range(first, last + 1))
    return f"{first}–{last} ({last - first + 1:,} paquetes)"


def _archive(ws: Workspace, raw: RawPackage, state: str) -> Path:
    """Keep the package's bytes as ``archivo/<state>/<sha256>.coordina``.

    Named by its hash, not by the name it arrived with (which may be long enough to pass
    the file system's 255 bytes once prefixed; the inbox row's summary keeps that name).
    The bytes written are the ones read and checked, whole or not at all. Raises
    InputError (full disk, unwritable folder) naming the archive's path.
    """
    target = ws.data_dir / ARCHIVE_DIR / state / f"{raw.sha256}.coordina"
    files.write_bytes_atomic(target, raw.data)
    return target


def _import_data(ws: Workspace, path: Path, raw: RawPackage, dry_run: bool,
                 reader: PartReader | None = None) -> dict:
    require_profile(ws, "hq")
    keys = hq_keys(ws)
    m = raw.manifest
    if m.get("hq_id") != keys.hq_id:
        raise SyncError("E_HQ_MISMATCH", raw.where, m.get("hq_id"))
    state, signer = _check_signer(ws, raw)
    stored = sync_repo.get_inbox(ws.conn, raw.uuid)
    if stored is not None:  # the same signed manifest, even in another zip: already here
        sync_checks.check_same(stored, raw)
        return _stored(stored, dry_run, ws.lang)
    warnings = _check_sequence(ws, raw, state)
    # The signed claims must hold too (issue 11 holes 7, 8): the chain, the scope, the times.
    warnings += sync_checks.check_previous(ws.conn, raw, state)
    tally = sync_checks.check_scope(raw)
    now = now_iso()
    not_after, skew = sync_checks.signing_bound(raw, now)
    registration = sync_repo.get_registration(ws.conn, signer)
    author = sync_checks.author(registration.name if registration else "", signer)
    # Only now, the signer checked, is any content inflated: each entry within its size.
    contents = package.check_hashes(raw)
    # The registry first, whole: a bad row or a unit of another state refuses the package
    # before anything is written; the units it adds are known to its values.
    units = sync_facilities.open_registry(ws.catalog, raw, contents.get(package.REGISTRY_PART), state,
                                          keys.enc_private or b"")
    sync_facilities.check_units_belong(ws.conn, units, state, raw.where)
    known = facilities_repo.existing_clues(ws.conn)
    state_units = {clues: code for clues, code in known.items() if code == state}
    state_units.update((unit.facility.clues, state) for unit in units)
    job = PackageParts.of(raw, state, keys.enc_private or b"", contents)
    del contents
    if reader is None:
        validator = Validator(ws.catalog, ws.lang, {**known, **state_units}, state)
        parts = read_parts(job, validator)
    else:
        # The reader's units were read when the batch began: this state's units now (an
        # earlier package of the batch may have added some) travel with the job.
        parts = reader.read(dataclasses.replace(job, units=tuple(state_units.items())))
    problems: list[dict] = []
    applied = Applied()
    periods: list[str] = []
    conn = ws.conn
    archived = ""
    try:
        conn.execute("BEGIN IMMEDIATE")
        registry = sync_facilities.apply_registry(conn, units, state, raw.uuid, now, f"firmante {signer[:16]}")
        # One month at a time: decrypted, parsed and validated (inline, or ahead of us in the
        # reader process), then applied inside the one transaction. A bad value anywhere rolls
        # it all back; memory holds a month or two of one state, however long the package.
        with closing(parts):
            for part in parts:
                problems += part.problems
                if not problems:
                    apply_received(conn, part.received, raw.uuid, state, now, applied,
                                   author=author, not_after=not_after)
                    tally.add(part.received)
                    periods.append(part.period)
                del part
        if problems:
            conn.execute("ROLLBACK")
            rejected = sorted({i for p in problems for i in p["indexes"]})
            return summary("ERROR", message_text("sync_values_rejected", ws.lang,
                                                 count=format_number(len(rejected))), raw, path, conflicts=problems, rejected=rejected,
                           dry_run=dry_run)
        tally.check(raw)  # E_SCOPE: the parts held other than the signed scope says
        counts = {"imported": applied.imported, "updated": applied.updated, "ignored": applied.ignored,
                  "deleted": applied.deleted}
        notes = warnings + skew + sync_checks.skew_note(applied.skewed, not_after) + registry.notes \
            + applied.flagged
        status = "WARNING" if notes else "SUCCESS"
        text = message_text("sync_values_applied", ws.lang,
                            applied=format_number(applied.imported + applied.updated + applied.deleted),
                            flagged=format_number(len(applied.flagged)), registry=registry.text(ws.lang))
        result = summary(status, text, raw, path, counts, notes, dry_run=dry_run)
        result["facilities"] = {"created": registry.created, "updated": registry.updated,
                                "ignored": registry.ignored}
        if dry_run:
            conn.execute("ROLLBACK")
            return result
        archived = str(_archive(ws, raw, state))
        sync_repo.add_inbox(conn, InboxEntry(
            raw.uuid, raw.sha256, "data", state, m.get("device"), m.get("sequence"), signer,
            tuple(periods), m.get("created_at"), now, ws.user, result, archived, raw.manifest_sha256))
        conn.execute("COMMIT")
        return result
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if archived:
            Path(archived).unlink(missing_ok=True)
        if isinstance(exc, (OSError,)) or exc.__class__.__module__ == "sqlite3":
            raise translate_error(exc, ws.db_path) from exc
        raise


# -- acknowledgements and updates at a state ----------------------------------------------


def _import_from_hq(ws: Workspace, path: Path, raw: RawPackage, dry_run: bool) -> dict:
    prof = require_profile(ws, "state")
    check_hq_signed(ws, raw)
    if raw.manifest.get("state") != prof.state_code:
        raise SyncError("E_MANIFEST", raw.where, InputError("sync_wrong_state", state=raw.manifest.get("state")))
    stored = sync_repo.get_inbox(ws.conn, raw.uuid)
    if stored is not None:
        sync_checks.check_same(stored, raw)
        return _stored(stored, dry_run, ws.lang)
    # Numbered per state by HQ: an older ack or update replayed is refused (issue 11 hole 3).
    sequence = check_hq_sequence(ws, raw)
    doc = package.gunzip_json(package.check_hashes(raw)[package.CONTENT[raw.kind]], raw.where)
    conn = ws.conn
    now = now_iso()
    # What undoes work done outside the database (an installed catalog's folder) when the
    # transaction does not commit: a dry run, or an error.
    undo: list[Callable[[], None]] = []
    try:
        conn.execute("BEGIN IMMEDIATE")
        if raw.kind == "ack":
            counts, notes, text = apply_ack(ws, raw, doc, now)
        else:
            counts, notes, text = apply_update(ws, raw, doc, now, undo)
        result = summary("WARNING" if notes else "SUCCESS", text, raw, path, counts, notes, dry_run=dry_run)
        if dry_run:
            conn.execute("ROLLBACK")
            _run(undo)
            return result
        keys = sync_repo.get_hq_keys(conn)
        sync_repo.add_inbox(conn, InboxEntry(
            raw.uuid, raw.sha256, raw.kind, prof.state_code, keys.hq_id if keys else None, sequence, "HQ", (),
            raw.manifest.get("created_at"), now, ws.user, result, "", raw.manifest_sha256))
        conn.execute("COMMIT")
        return result
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        _run(undo)  # also when COMMIT itself failed: nothing was kept
        raise


def _run(undo: list[Callable[[], None]]) -> None:
    for step in reversed(undo):
        step()
    undo.clear()
