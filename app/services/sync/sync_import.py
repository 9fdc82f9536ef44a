"""Importing packages: data at HQ, acknowledgements and updates at a state (issue 4 item 3).

One entry point, :func:`import_packages`, for every kind, as ``sync import FILE...`` is one
command. The order of checks for a data package (DESIGN.md §6):

1. the zip and the manifest's shape and format version;
2. the signer: registered at HQ, for *that* state, not revoked, and the manifest's signature
   made by that certificate — all *before* decrypting anything;
3. idempotency (same UUID and signed manifest: the stored summary, nothing changes; same UUID, other
   content: refused) and the device's sequence (replays and old packages refused, gaps
   reported); the signed ``previous_sha256`` and ``scope`` must agree with what HQ holds and
   what the parts carry (:mod:`app.services.sync.sync_checks`);
4. the SHA-256 of every file, then decryption, then the payload's shape;
5. every value with the rules of manual entry; one bad value refuses the whole package;
6. the values applied, logged and archived in ONE transaction (a dry run rolls it back).

The summary has DHIS2's import-summary shape (:mod:`app.services.sync.sync_summary`), with our
error codes (``app.sync.errors`` and :data:`app.services.sync.sync_values.VALUE_ERROR_CODES`) and
Spanish messages. The sender's checks (2, 3) are in :mod:`app.services.sync.sync_import_checks`;
a data package's steps (claims, contents, months, summary) in :mod:`app.services.sync.sync_import_data`;
acknowledgements and updates at a state in :mod:`app.services.sync.sync_import_hq`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from app.models.import_summary import ImportSummary
from app.models.messages import InputError
from app.services.files.backup import backup_now
from app.services.sync import sync_checks, sync_facilities
from app.services.sync.sync_facilities import Unit
from app.services.sync.sync_import_checks import check_signer
from app.services.sync.sync_import_data import (
    DataClaims,
    Parts,
    apply_parts,
    check_claims,
    data_summary,
    open_contents,
    refused_summary,
)
from app.services.sync.sync_import_hq import import_from_hq
from app.services.sync.sync_profile import hq_keys, require_profile
from app.services.sync.sync_reader import PartReader
from app.services.sync.sync_summary import error_summary, stored_summary
from app.services.workspace import Rollback, Workspace, write_transaction
from app.storage import facilities_repo, files, sync_repo
from app.storage.sync_repo import InboxEntry
from app.sync import package
from app.sync.errors import SyncError
from app.sync.package import RawPackage

log = logging.getLogger("coordina.sync")
Progress = Callable[[int, int], None]
ARCHIVE_DIR = "archivo"
MAX_PACKAGE_BYTES = 2 << 30
#: Sealed payload bytes from which reading in a helper process repays starting it (a state's
#: year is ~6 MB; one month of one state ~0.5 MB reads inline).
PIPELINE_MIN_BYTES = 4 << 20

#: A file of the batch as first read: the package's header (what orders it), or why it was refused.
Header = tuple[Path, RawPackage | InputError]


@dataclass(frozen=True)
class ImportResult:
    """One file's outcome: its DHIS2-shaped summary."""

    path: Path
    summary: ImportSummary

    @property
    def ok(self) -> bool:
        return self.summary["status"] != "ERROR"


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


def _order(item: Header) -> tuple:
    """Data packages per state and device in sequence order; then acks and updates."""
    path, raw = item
    if isinstance(raw, InputError):
        return (9, "", "", 0, str(path))
    m = raw.manifest
    rank = {"data": 0, "update": 1, "ack": 2}.get(raw.kind, 3)
    seq = m.get("sequence") if isinstance(m.get("sequence"), int) else 0
    return (rank, str(m.get("state", "")), str(m.get("device", "")), seq, str(path))


def import_packages(
    ws: Workspace,
    paths: Sequence[Path],
    dry_run: bool = False,
    progress: Progress | None = None,
    pipeline: bool | None = None,
) -> list[ImportResult]:
    """Import every file (any kind), each in its own transaction; one summary per file.

    The files are ordered first (per state and device by sequence), so the order they were
    chosen or dropped in does not matter. A snapshot backup is taken once before anything is
    applied. ``progress(done, total)`` may raise to cancel between packages.

    ``pipeline`` reads the data packages' parts in a helper process while this one writes
    (:class:`~app.services.sync.sync_reader.PartReader`); by default, when the data to read is
    large enough (:data:`PIPELINE_MIN_BYTES`) to repay starting the process.
    """
    read, payload = _read_headers(paths)
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
            raw = _reread(path, header)
            if isinstance(raw, InputError):
                results.append(ImportResult(path, error_summary(raw, path, ws.lang, dry_run=dry_run)))
            else:
                if not backed_up and sync_repo.get_inbox(ws.conn, raw.uuid) is None:
                    backup_now(ws, "importación")
                    backed_up = True
                results.append(ImportResult(path, _import_file(ws, path, raw, dry_run, reader)))
                del raw
            if progress:
                progress(done, total)
    return results


def _read_headers(paths: Sequence[Path]) -> tuple[list[Header], int]:
    """Every file's header (or why it is refused), in import order; and the data payload's size."""
    read: list[Header] = []
    payload = 0
    raw: RawPackage | InputError  # a package, or why its file was refused
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
    return read, payload


def _reread(path: Path, header: RawPackage | InputError) -> RawPackage | InputError:
    """The whole package, read again when its turn comes (or why it is refused)."""
    if isinstance(header, InputError):
        return header
    try:
        return read_package_file(path)
    except InputError as exc:
        return exc
    except Exception as exc:
        return _internal(exc, path)


def _import_file(ws: Workspace, path: Path, raw: RawPackage, dry_run: bool, reader: PartReader | None) -> ImportSummary:
    """One package's summary: a failure of the disk, the database or the code is reported, not raised."""
    try:
        return import_one(ws, path, raw, dry_run, reader)
    except InputError as exc:  # the disk or the database, not the package
        return error_summary(exc, path, ws.lang, raw, dry_run)
    except Exception as exc:  # rolled back already; the other files still import
        return error_summary(_internal(exc, path), path, ws.lang, raw, dry_run)


def _internal(exc: BaseException, path: Path) -> SyncError:
    """A bug met while handling one file: logged with its traceback, reported as such."""
    log.error("internal error importing %s", path, exc_info=exc)
    return SyncError("E_INTERNAL", Path(path).name, f"{type(exc).__name__}: {str(exc)[:160]}")


def import_one(
    ws: Workspace, path: Path, raw: RawPackage, dry_run: bool = False, reader: PartReader | None = None
) -> ImportSummary:
    """Import one read package; never raises for bad input (the summary says why)."""
    try:
        if raw.kind == "data":
            return _import_data(ws, path, raw, dry_run, reader)
        return import_from_hq(ws, path, raw, dry_run)
    except InputError as exc:
        return error_summary(exc, path, ws.lang, raw, dry_run)


# -- data packages at HQ ----------------------------------------------------------------


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


def _import_data(
    ws: Workspace, path: Path, raw: RawPackage, dry_run: bool, reader: PartReader | None = None
) -> ImportSummary:
    """A data package at HQ: its sender and signed claims checked, then applied whole or not at all."""
    require_profile(ws, "hq")
    keys = hq_keys(ws)
    if raw.manifest.get("hq_id") != keys.hq_id:
        raise SyncError("E_HQ_MISMATCH", raw.where, raw.manifest.get("hq_id"))
    state, signer = check_signer(ws, raw)
    stored = sync_repo.get_inbox(ws.conn, raw.uuid)
    if stored is not None:  # the same signed manifest, even in another zip: already here
        sync_checks.check_same(stored, raw)
        return stored_summary(stored, dry_run, ws.lang)
    claims = check_claims(ws, raw, state, signer)
    units, parts = open_contents(ws, raw, state, keys, reader)
    return _apply_data(ws, path, raw, dry_run, claims, units, parts)


def _apply_data(
    ws: Workspace, path: Path, raw: RawPackage, dry_run: bool, claims: DataClaims, units: list[Unit], parts: Parts
) -> ImportSummary:
    """Apply, archive and record the package in ONE transaction (a dry run rolls it back)."""
    archived: list[Path] = []
    try:
        with write_transaction(ws, immediate=True):
            registry = sync_facilities.apply_registry(
                ws.conn, units, claims.state, raw.uuid, claims.now, f"firmante {claims.signer[:16]}"
            )
            applied, periods, problems = apply_parts(ws, raw, claims, parts)
            if problems:
                raise Rollback(refused_summary(path, raw, dry_run, problems, ws.lang))
            claims.tally.check(raw)  # E_SCOPE: the parts held other than the signed scope says
            result = data_summary(path, raw, dry_run, claims, registry, applied, ws.lang)
            if dry_run:
                raise Rollback(result)
            archived.append(_archive(ws, raw, claims.state))
            m = raw.manifest
            sync_repo.add_inbox(
                ws.conn,
                InboxEntry(
                    raw.uuid,
                    raw.sha256,
                    "data",
                    claims.state,
                    m.get("device"),
                    m.get("sequence"),
                    claims.signer,
                    tuple(periods),
                    m.get("created_at"),
                    claims.now,
                    ws.user,
                    result,
                    str(archived[0]),
                    raw.manifest_sha256,
                ),
            )
    except Rollback as rolled_back:
        return rolled_back.result
    except BaseException:
        for file in archived:  # also when COMMIT itself failed: nothing was kept
            file.unlink(missing_ok=True)
        raise
    return result
