"""Background work for the GUI, in the manner of anki's taskman.

* One database worker thread owns its own :class:`Workspace` (SQLite
  connections never cross threads) and runs jobs one after another, so writes
  stay ordered: an undo never overtakes the edit it undoes.
* A thread pool runs CPU work that needs no database.
* Results and errors come back to the UI thread through Qt signals; progress
  and cancellation go through a :class:`Progress` handed to every job.
* A job's callbacks belong to an owner QObject (``owner=``, or the QObject whose
  bound method a callback is). A dialog closed before its load finishes is
  deleted; its late result is then dropped instead of reaching a deleted widget
  (``RuntimeError: Internal C++ object already deleted``).
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, QThread, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from app.services.workspace import Workspace

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job when the person pressed Cancel."""


class Progress:
    """Handed to a job: report progress and check for cancellation."""

    def __init__(self, job_id: int, emitter: _Signals):
        self.job_id = job_id
        self._emitter = emitter
        self.cancel_requested = False

    def update(self, done: int, total: int, text: str = "") -> None:
        """Report progress; raises :class:`Cancelled` if cancel was requested."""
        self._emitter.progress.emit(self.job_id, done, total, text)
        self.check()

    def check(self) -> None:
        if self.cancel_requested:
            raise Cancelled()

    def callback(self) -> Callable[[int, int], None]:
        """A ``(done, total)`` callable for services that take one."""
        return lambda done, total: self.update(done, total)


class _Signals(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object, str)
    progress = Signal(int, int, int, str)


class _DbWorker(QObject):
    """Lives in the database thread; opens its own workspace on first use."""

    run_job = Signal(int, object, object)

    def __init__(self, data_dir: Path, lang: str, signals: _Signals):
        super().__init__()
        self._data_dir = data_dir
        self._lang = lang
        self._signals = signals
        self._ws: Workspace | None = None
        self.run_job.connect(self._run)

    @Slot(int, object, object)
    def _run(self, job_id: int, fn: Callable[[Workspace, Progress], Any], progress: Progress) -> None:
        try:
            if self._ws is None:
                # Imported here: the storage stack loads on the worker, after the first paint.
                from app.services.workspace import open_workspace

                self._ws = open_workspace(self._data_dir, self._lang)
            result = fn(self._ws, progress)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the UI
            self._signals.failed.emit(job_id, exc, traceback.format_exc())
        else:
            self._signals.finished.emit(job_id, result)

    @Slot()
    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
            self._ws = None


class _CpuJob(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[Progress], Any], progress: Progress, signals: _Signals):
        super().__init__()
        self._job = (job_id, fn, progress, signals)

    def run(self) -> None:
        job_id, fn, progress, signals = self._job
        try:
            result = fn(progress)
        except BaseException as exc:  # noqa: BLE001
            signals.failed.emit(job_id, exc, traceback.format_exc())
        else:
            signals.finished.emit(job_id, result)


class _Pending:
    """A submitted job's callbacks and the QObjects they belong to.

    A plain class: a dataclass costs ~1 ms to create, on the way to every start's grid.
    """

    __slots__ = ("on_done", "on_error", "on_progress", "progress", "owners")

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
        progress: Progress,
        owners: tuple[QObject, ...] = (),
    ):
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.progress = progress
        self.owners = owners

    def owner_gone(self) -> bool:
        """Whether a QObject the callbacks belong to has been deleted (its result must be dropped)."""
        return any(not shiboken6.isValid(owner) for owner in self.owners)


def _owners(owner: QObject | None, callbacks: tuple[Callable | None, ...]) -> tuple[QObject, ...]:
    """``owner`` and every QObject a callback is a bound method of, each once."""
    found: list[QObject] = [owner] if owner is not None else []
    for callback in callbacks:
        bound = getattr(callback, "__self__", None)
        if isinstance(bound, QObject) and all(bound is not known for known in found):
            found.append(bound)
    return tuple(found)


class TaskManager(QObject):
    """Runs database and CPU jobs off the UI thread; callbacks run on the UI thread."""

    busy_changed = Signal(bool)
    error = Signal(object)  # an exception no on_error handled

    def __init__(self, data_dir: Path, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.progress.connect(self._on_progress)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._thread = QThread()
        self._thread.setObjectName("coordina-db")
        self._worker = _DbWorker(Path(data_dir), lang, self._signals)
        self._worker.moveToThread(self._thread)
        self._thread.start()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max(1, QThread.idealThreadCount() - 1))

    # -- submitting ---------------------------------------------------------------
    def run_db(
        self,
        fn: Callable[[Workspace, Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> Progress:
        """Queue ``fn(workspace, progress)`` on the database thread; returns its Progress.

        The callbacks run on the UI thread, unless ``owner`` (or a QObject whose bound
        method a callback is) has been deleted by then: the result is dropped. A widget
        that passes closures touching itself must pass itself as ``owner``.
        """
        progress = self._register(on_done, on_error, on_progress, owner)
        self._worker.run_job.emit(progress.job_id, fn, progress)
        return progress

    def run_cpu(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> Progress:
        """Run ``fn(progress)`` in the thread pool (no database access); ``owner`` as in :meth:`run_db`."""
        progress = self._register(on_done, on_error, on_progress, owner)
        self._pool.start(_CpuJob(progress.job_id, fn, progress, self._signals))
        return progress

    def _register(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
        owner: QObject | None,
    ) -> Progress:
        """A new job id and its Progress, with the callbacks waiting for its result."""
        job_id = next(self._ids)
        progress = Progress(job_id, self._signals)
        owners = _owners(owner, (on_done, on_error, on_progress))
        self._add(job_id, _Pending(on_done, on_error, on_progress, progress, owners))
        return progress

    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """Process events until every job has reported back (used on close and in tests)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(2)
        return not self._pending

    def shutdown(self) -> None:
        """Finish queued work, close the worker's connection and stop the thread."""
        self.wait_idle()
        self._pool.waitForDone()
        self._worker.close()  # queued jobs are done; safe to close from here
        self._thread.quit()
        self._thread.wait()

    # -- results ------------------------------------------------------------------
    def _add(self, job_id: int, pending: _Pending) -> None:
        was_busy = bool(self._pending)
        self._pending[job_id] = pending
        if not was_busy:
            self.busy_changed.emit(True)

    def _pop(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        return pending

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        pending = self._pop(job_id)
        if pending is None or pending.owner_gone():
            return  # its widget was closed meanwhile: nobody is left to show the result
        if pending.on_done:
            pending.on_done(result)

    @Slot(int, object, str)
    def _on_failed(self, job_id: int, exc: BaseException, trace: str) -> None:
        pending = self._pop(job_id)
        if not isinstance(exc, Cancelled):
            log.warning("background job failed: %s", trace)
        if pending is not None and pending.owner_gone():
            # Logged above; a message about a closed window would only puzzle the person.
            return
        if pending and pending.on_error:
            pending.on_error(exc)
        elif not isinstance(exc, Cancelled):
            self.error.emit(exc)

    @Slot(int, int, int, str)
    def _on_progress(self, job_id: int, done: int, total: int, text: str) -> None:
        pending = self._pending.get(job_id)
        if pending and pending.on_progress and not pending.owner_gone():
            pending.on_progress(done, total, text)
