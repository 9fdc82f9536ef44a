"""Reading a data package's monthly parts: decrypt, inflate, parse and validate (no database).

An import has two halves: this one, pure CPU work on bytes, and writing the values into
SQLite (:mod:`app.services.sync.sync_values`). For a big batch (a national year)
:class:`PartReader` runs this half in a helper process, a month or two ahead of the writer,
so the halves overlap on two cores. A small import reads inline: starting a process would
cost more than it saves. Both ways run :func:`read_parts`, so they accept and refuse
exactly the same input with the same messages.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric import x25519

from app.models.catalog import Catalog
from app.models.dhis2 import iter_data_value_rows
from app.models.import_summary import ImportConflict
from app.services.sync.sync_values import Received, Validator
from app.services.worker_env import without_passphrases
from app.sync import package
from app.sync.errors import SyncError

#: Months read ahead of the writer: enough to keep both cores busy, few enough to bound memory.
READ_AHEAD = 2


@dataclass(frozen=True)
class PackageParts:
    """What reading a package's parts needs. Picklable: it crosses to the helper process."""

    uuid: str
    where: str
    state: str
    enc_private: bytes
    parts: tuple[tuple[str, str, bytes], ...]  # (name, period, sealed bytes), in period order
    #: (clues, state) of the units the package's own registry adds: known to its values.
    units: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(
        cls, raw: package.RawPackage, state: str, enc_private: bytes, files: Mapping[str, bytes] | None = None
    ) -> PackageParts:
        """The parts of a read (and already verified) data package.

        ``files``: its content already read by :func:`app.sync.package.check_hashes`.
        """
        files = raw.files if files is None else files
        return cls(
            raw.uuid,
            raw.where,
            state,
            enc_private,
            tuple((name, period, files[name]) for name, period in package.payload_parts(raw)),
        )


@dataclass
class PartRead:
    """One month of a package: its valid values and its rejected ones (DHIS2 conflicts)."""

    period: str
    received: list[Received]
    problems: list[ImportConflict]


def read_parts(job: PackageParts, validator: Validator) -> Generator[PartRead, None, None]:
    """Each month of the package in turn; raises SyncError for a part that cannot be read.

    Value indexes count from the package's first value, across its parts.
    """
    private = x25519.X25519PrivateKey.from_private_bytes(job.enc_private)
    count = 0
    for name, period, sealed in job.parts:
        plain = package.open_part(sealed, private, job.uuid, name, job.where)
        doc = package.gunzip_json(plain, job.where, max_depth=None)
        del plain
        part = PartRead(period, [], [])
        try:
            # release=True frees each form of the parsed JSON as its rows are built.
            for rows in iter_data_value_rows(doc, release=True):
                if rows and rows[0][1] != period:
                    raise ValueError(f"{name}: values of {rows[0][1]} in the part of {period}")
                good, bad = validator.rows(rows, start=count)
                part.received += good
                part.problems += bad
                count += len(rows)
        except ValueError as exc:
            raise SyncError("E_PAYLOAD", job.where, exc) from None
        del doc
        yield part


class PartReader:
    """A helper process that reads packages' parts while this process writes.

    One package at a time: :meth:`read` yields its months in order, as :func:`read_parts`
    would. The HQ decryption key travels to the helper with each package, through a pipe
    between the two processes; it is never written anywhere.
    """

    def __init__(self, catalog: Catalog, lang: str, known_units: dict[str, str]):
        self._args = (catalog, lang, known_units)
        self._process: multiprocessing.process.BaseProcess | None = None

    def _start(self) -> None:
        # Started at the first package that needs it: a batch of packages already imported
        # (the stored summaries) never pays for a process.
        ctx = multiprocessing.get_context("spawn")  # fork is unsafe in a process with Qt threads
        self._jobs = ctx.Queue()
        self._results = ctx.Queue(maxsize=READ_AHEAD)
        self._process = ctx.Process(
            target=_serve, args=(*self._args, self._jobs, self._results), name="coordina-lector", daemon=True
        )
        with without_passphrases():  # the helper never sees --passphrase-env's variable (issue 11)
            self._process.start()

    def read(self, job: PackageParts) -> Generator[PartRead, None, None]:
        """The months of ``job``; raises SyncError as :func:`read_parts` would.

        Leaving early (closing the generator) still consumes the rest of the package, so
        the next package starts clean.
        """
        if self._process is None:
            self._start()
        self._jobs.put(job)
        error: BaseException | None = None
        finished = False
        try:
            while True:
                kind, payload = self._next()
                if kind == "end":
                    finished = True
                    break
                if kind == "error":
                    error = payload
                elif kind == "crash":
                    error = RuntimeError(f"Coordina could not read the package: {payload}")
                elif error is None:
                    yield payload
        finally:
            while not finished:
                finished = self._next()[0] == "end"
        if error is not None:
            raise error

    def _next(self) -> tuple[str, Any]:  # (kind, a PartRead / a SyncError / a crash text)
        while True:
            try:
                return self._results.get(timeout=0.5)
            except queue.Empty:
                if self._process is None or not self._process.is_alive():
                    raise RuntimeError("Coordina's package reader stopped unexpectedly") from None

    def close(self) -> None:
        """Stop the helper process."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._jobs.put(None)
            self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._jobs.close()
        self._results.close()

    def __enter__(self) -> PartReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(
    catalog: Catalog,
    lang: str,
    known_units: dict[str, str],
    jobs: multiprocessing.Queue,
    results: multiprocessing.Queue,
) -> None:
    """The helper process: read each package's parts, then say "end"."""
    validators: dict[str, Validator] = {}
    while (job := jobs.get()) is not None:
        validator = validators.get(job.state)
        if job.units:  # units this package (or an earlier one of the batch) brings: not cached
            validator = Validator(catalog, lang, {**known_units, **dict(job.units)}, job.state)
        elif validator is None:
            validator = validators[job.state] = Validator(catalog, lang, known_units, job.state)
        try:
            for part in read_parts(job, validator):
                results.put(("part", part))
        except SyncError as exc:
            results.put(("error", _portable(exc)))
        except Exception as exc:  # a bug, not bad input: tell the importer instead of hanging it
            results.put(("crash", repr(exc)))
        results.put(("end", None))


def _portable(exc: SyncError) -> SyncError:
    """``exc`` as it can cross to the importer: whole, so its detail is still rendered in the
    reader's language there; with its Spanish text as the detail if something in it cannot
    be pickled (the queue's feeder thread would drop it, and the importer would wait)."""
    try:
        pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - any pickling failure: fall back to plain text
        return SyncError(exc.code, exc.where, exc.detail)
    return exc
