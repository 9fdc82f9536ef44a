"""Every state's summary PDF, computed in parallel worker processes.

A state's summary is pure-Python arithmetic (the GIL allows one at a time), so the batch
spreads the states over processes, one per core. Each worker opens its own connection to
the data directory (SQLite allows concurrent readers in WAL mode) and writes its file whole
or not at all. The signing identity reaches the workers as PKCS#12 bytes through the pool's
pipe, in memory only; the passphrase itself never leaves the parent.

Progress is reported as states finish; the callback may raise to cancel, which stops the
states not yet started and keeps the files already written.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

from cryptography.hazmat.primitives.serialization import NoEncryption, pkcs12

from app.reports.signing.identity import Identity, load_pkcs12
from app.services.worker_env import without_passphrases
from app.services.workspace import open_workspace

Progress = Callable[[int, int], None]
#: What a worker runs for one state: ``report_pdf.export_state_pdf``, handed in by its caller
#: (a module-level function, so it pickles by name) so that this module never imports it.
Export = Callable[..., object]


def identity_bytes(identity: Identity) -> bytes:
    """The identity as unencrypted PKCS#12 bytes, to hand to a worker process."""
    return pkcs12.serialize_key_and_certificates(
        identity.name.encode("utf-8"),
        identity.private_key,
        identity.certificate,
        identity.chain or None,
        NoEncryption(),
    )


def _worker(export: Export, data_dir: str, lang: str, state: str, period: str, path: str, options, p12: bytes | None):
    ws = open_workspace(Path(data_dir), lang)
    try:
        identity = load_pkcs12(p12, b"") if p12 else None
        return export(ws, state, period, Path(path), options, identity)
    finally:
        ws.close()


def default_workers() -> int:
    """Worker processes for a batch: one per core, up to four."""
    return max(1, min(4, os.cpu_count() or 1))


def export_parallel(
    export: Export,
    data_dir: Path,
    lang: str,
    jobs: list[tuple[str, Path]],
    period: str,
    options,
    identity: Identity | None,
    workers: int,
    progress: Progress | None = None,
) -> list:
    """Run ``export`` (``export_state_pdf``) for every (state, path) in ``jobs``; results in ``jobs`` order."""
    p12 = identity_bytes(identity) if identity is not None else None
    total = len(jobs)
    results: dict[int, object] = {}
    # "spawn": never fork a process that may hold Qt threads or an open SQLite connection.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=min(workers, total), mp_context=context)
    pending: dict[Future, int] = {}
    try:
        if progress:  # a Cancel pressed before the start stops here, before any work
            progress(0, total)
        with without_passphrases():  # workers are spawned by submit(): no passphrase variable (issue 11)
            for index, (state, path) in enumerate(jobs):
                future = pool.submit(_worker, export, str(data_dir), lang, state, period, str(path), options, p12)
                pending[future] = index
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                results[pending.pop(future)] = future.result()  # re-raises a worker's error
            if progress:
                progress(len(results), total)
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
    return [results[i] for i in range(total)]
