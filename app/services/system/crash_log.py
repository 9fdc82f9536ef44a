"""Uncaught exceptions and hard crashes go to the log, in the GUI as in the CLI (issue 13).

A windowed app has no console: without this, an exception in a Qt slot or a worker
thread is printed to a ``sys.stderr`` that does not exist, and a segfault in a library
leaves nothing at all. :func:`install` sends every uncaught exception (main thread and
``threading`` threads) with its traceback to the ``coordina`` log, tells the person through
``notify`` (the GUI's message box), and points :mod:`faulthandler` at
``logs/faulthandler.log`` so a fatal signal leaves the Python stacks of every thread. No Qt
here: the GUI passes its own ``notify``.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from app.models.messages import render

FAULT_FILE = "faulthandler.log"

log = logging.getLogger("coordina.crash")

#: The open faulthandler file: it must stay open for as long as the process runs.
_fault_file: TextIO | None = None
_notify: Callable[[str], None] | None = None
_log_path = "logs/coordina.log"
_was_enabled = False  # faulthandler before install() (pytest's, PYTHONFAULTHANDLER)


def crash_message(log_path: str | None = None) -> str:
    """The plain bilingual text shown after an uncaught exception (Spanish first)."""
    where = log_path or _log_path
    return render("gui_crash", "es", log=where) + "\n\n" + render("gui_crash", "en", log=where)


def _report(kind: str, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> None:
    # threading's hook may pass no exception value; logging then prints the type alone.
    info = (exc_type, exc, tb)
    log.critical("uncaught exception (%s): %s", kind, exc_type.__name__, exc_info=info)  # type: ignore[arg-type]
    if _notify is not None:
        try:
            _notify(crash_message())
        except Exception:  # noqa: BLE001 - the message box itself failed: the log has the cause
            log.exception("could not show the crash message")


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C at a terminal: not a crash
        sys.__excepthook__(exc_type, exc, tb)
        return
    _report("main thread", exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if issubclass(args.exc_type, SystemExit):
        return  # a thread that ends by sys.exit() is not a crash (the default hook agrees)
    name = args.thread.name if args.thread is not None else "?"
    _report(f"thread {name}", args.exc_type, args.exc_value, args.exc_traceback)


def _open_fault_file(path: Path) -> TextIO:
    # Owner-only like the rest of the logs (issue 11); appended, so an earlier crash stays.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    return os.fdopen(fd, "a", encoding="utf-8")


def install(log_dir: Path, notify: Callable[[str], None] | None = None) -> Path | None:
    """Log uncaught exceptions (``sys.excepthook``, ``threading.excepthook``), tell the person
    through ``notify``, and enable :mod:`faulthandler` into ``log_dir/faulthandler.log``.

    Returns the faulthandler file's path, or None when the folder cannot be written (the
    hooks are installed anyway; the log handler then drops the records silently).
    """
    global _fault_file, _notify, _log_path, _was_enabled
    _notify = notify
    _log_path = str(Path(log_dir) / "coordina.log")
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
    path = Path(log_dir) / FAULT_FILE
    try:
        Path(log_dir).mkdir(parents=True, exist_ok=True)
        handle = _open_fault_file(path)
    except OSError as exc:
        log.warning("faulthandler not enabled: %s cannot be written (%s)", path, exc)
        return None
    if _fault_file is None:
        _was_enabled = faulthandler.is_enabled()
    previous, _fault_file = _fault_file, handle
    faulthandler.enable(file=_fault_file, all_threads=True)
    if previous is not None:
        previous.close()  # only now: faulthandler no longer writes to it
    return path


def stop_notifying() -> None:
    """Keep logging uncaught exceptions but show nothing more (the GUI has ended)."""
    global _notify
    _notify = None


def uninstall() -> None:
    """Put back Python's own hooks and stop faulthandler (tests; a second GUI start)."""
    global _fault_file, _notify
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    _notify = None
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None
        if _was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
