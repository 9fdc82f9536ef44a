"""``coordina self-test``: does this installation work, end to end? (issue 13 item 2)

In a new temporary folder — never the person's data directory or settings — it runs the
steps of :mod:`app.services.system.self_test_steps` in order: a new store migrated, the demo, a
signed and verified PDF whose text and fonts are checked, HQ's keys and profile, the
coordinator's enrolment, a full package imported at HQ, the acknowledgement and update
back, and the main window. A step whose prerequisite failed is skipped, not run. It
reports each step with its duration, and, frozen on Linux, the newest GLIBC version the
bundle's shared objects need. Tracebacks go to the temporary folder's log, which is kept
when a step fails (and removed with the folder when all pass, unless asked to keep it).
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app import __version__
from app.models.messages import InputError, table
from app.models.resources import is_frozen
from app.services.system.app_paths import settings_override
from app.services.system.self_test_pdf import PdfCheckError
from app.services.system.self_test_steps import STEPS, CheckFailed, Context, Detail, Step
from app.sync.errors import SyncError

log = logging.getLogger("coordina.selftest")


def text(lang: str) -> dict[str, str]:
    """The self-test's texts in ``lang`` (Spanish unless "en"), from the message catalogue."""
    return table("selftest.", lang)


@dataclass
class StepResult:
    """One step's outcome."""

    key: str
    name: str
    status: str  # "ok", "failed", "skipped"
    seconds: float = 0.0
    detail: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass
class Report:
    """The whole run, as printed and as ``--json``."""

    lang: str
    root: Path
    steps: list[StepResult] = field(default_factory=list)
    seconds: float = 0.0
    glibc: dict | None = None
    kept: bool = False

    @property
    def ok(self) -> bool:
        return bool(self.steps) and all(s.ok for s in self.steps)

    @property
    def log_path(self) -> Path:
        return self.root / "logs" / "coordina.log"

    def as_json(self) -> dict:
        """Plain data for ``self-test --json``."""
        return {
            "ok": self.ok,
            "version": __version__,
            "frozen": is_frozen(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "seconds": round(self.seconds, 2),
            "folder": str(self.root),
            "kept": self.kept,
            "log": str(self.log_path) if self.kept else None,
            "failed": [s.key for s in self.steps if s.status == "failed"],
            "steps": [
                {
                    "key": s.key,
                    "name": s.name,
                    "status": s.status,
                    "ok": s.ok,
                    "seconds": round(s.seconds, 2),
                    "detail": s.detail,
                    "error": s.error or None,
                }
                for s in self.steps
            ],
            "glibc": self.glibc,
        }


class CheckFailure(Exception):
    """A failure already put into words (``no_folder``)."""


def error_text(exc: BaseException, lang: str) -> str:
    """What went wrong, in words for a person; an unexpected error is logged with its traceback."""
    if isinstance(exc, (CheckFailed, PdfCheckError)):
        return text(lang)[exc.key].format(**exc.params)
    if isinstance(exc, InputError | SyncError):
        return exc.message(lang).splitlines()[0]
    log.error("self-test: unexpected error", exc_info=exc)
    return f"{type(exc).__name__}: {exc}"[:300]


def step_line(result: StepResult, lang: str, number: int) -> str:
    """The one printed line of a step."""
    label = text(lang)[result.status]
    if result.status == "skipped":
        return f"  {label:<8}{number}. {result.name}: {result.error}"
    what = result.detail if result.ok else f"{result.name}: {result.error}"
    return f"  {label:<8}{number}. {what} ({result.seconds:.1f} s)"


def _make_root(parent: Path | None, lang: str) -> Path:
    where = parent or Path(tempfile.gettempdir())
    try:
        return Path(tempfile.mkdtemp(prefix="coordina-autoprueba-", dir=str(where)))
    except OSError as exc:
        raise CheckFailure(text(lang)["no_folder"].format(where=where, reason=exc.strerror or exc)) from exc


class _Logging:
    """The run's log (``<root>/logs/coordina.log``) and faulthandler, for the run only."""

    def __init__(self, root: Path):
        (root / "logs").mkdir(parents=True, exist_ok=True)
        self.handler = logging.FileHandler(root / "logs" / "coordina.log", encoding="utf-8")
        self.handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self.loggers = [logging.getLogger("coordina"), logging.getLogger("app")]
        self.levels = [lg.level for lg in self.loggers]
        for lg in self.loggers:
            lg.addHandler(self.handler)
            lg.setLevel(logging.INFO)
        # A crash that kills the process (Qt's abort, a segfault) still names its step here.
        # (Unless something, such as pytest, already has it: its file must stay its own.)
        self.fault = None
        if not faulthandler.is_enabled():
            self.fault = open(root / "logs" / "faulthandler.log", "w", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(file=self.fault, all_threads=True)

    def close(self) -> None:
        if self.fault is not None:
            faulthandler.disable()
            self.fault.close()
        for lg, level in zip(self.loggers, self.levels, strict=True):
            lg.removeHandler(self.handler)
            lg.setLevel(level)
        self.handler.close()


def run_self_test(
    lang: str = "es",
    parent: Path | None = None,
    keep: bool = False,
    window: Callable[[Path, Path | None], Detail] | None = None,
    on_step: Callable[[StepResult, int], None] | None = None,
    glibc_folder: Path | None = None,
) -> Report:
    """Run every step in a new folder under ``parent`` (the system's temporary folder).

    ``window`` opens and closes the main window on a data directory (the GUI layer gives
    it); ``on_step`` sees each result as it comes; ``glibc_folder`` is scanned for the
    GLIBC versions its ELF files need (the running bundle's folder when frozen on Linux).
    Raises :class:`CheckFailure` when the temporary folder cannot be made.
    """
    started = time.perf_counter()
    root = _make_root(parent, lang)
    report = Report(lang, root)
    try:
        logs = _Logging(root)
    except OSError as exc:
        shutil.rmtree(root, ignore_errors=True)
        raise CheckFailure(text(lang)["no_folder"].format(where=root, reason=exc.strerror or exc)) from exc
    ctx = Context(root=root, lang=lang, window=window)
    log.info(
        "self-test of Coordina %s (%s, Python %s, frozen=%s) in %s",
        __version__,
        platform.platform(),
        platform.python_version(),
        is_frozen(),
        root,
    )
    try:
        # The window reads and writes settings: a file in the temporary folder, not the person's.
        with settings_override(root / "settings" / "Coordina.ini"):
            _run_steps(ctx, report, on_step)
        if glibc_folder is not None:
            report.glibc = _glibc(glibc_folder)
    finally:
        ctx.close()
        report.seconds = time.perf_counter() - started
        log.info("self-test finished in %.1f s: %s", report.seconds, "ok" if report.ok else "FAILED")
        logs.close()
        report.kept = keep or not report.ok
        if not report.kept:
            shutil.rmtree(root, ignore_errors=True)
    return report


def _run_steps(ctx: Context, report: Report, on_step: Callable[[StepResult, int], None] | None) -> None:
    """Every step in order into ``report``; one whose prerequisite did not pass is skipped."""
    words = text(report.lang)
    done: dict[str, str] = {}
    for number, step in enumerate(STEPS, start=1):
        result = StepResult(step.key, words[f"name.{step.key}"], "skipped")
        if any(done.get(need) != "ok" for need in step.needs):
            result.error = words["skipped_why"]
        else:
            _run_step(step, ctx, result, words, report.lang)
        done[step.key] = result.status
        report.steps.append(result)
        if on_step is not None:
            on_step(result, number)


def _run_step(step: Step, ctx: Context, result: StepResult, words: dict[str, str], lang: str) -> None:
    """Run one step, timed, into ``result``: its detail, or the error it met (never raised)."""
    log.info("step %s started", step.key)
    began = time.perf_counter()
    try:
        result.detail = words[step.key].format(*step.run(ctx))
        result.status = "ok"
    except Exception as exc:  # noqa: BLE001 - named and reported, never raised
        result.status, result.error = "failed", error_text(exc, lang)
    result.seconds = time.perf_counter() - began
    log.log(logging.INFO if result.ok else logging.ERROR, "step %s: %s %s", step.key, result.status, result.error)


def _glibc(folder: Path) -> dict:
    from app.services.system.elf_glibc import scan_folder

    return scan_folder(folder).as_json()


def glibc_lines(report: Report) -> list[str]:
    """What the GLIBC scan found (nothing when there was none)."""
    words = text(report.lang)
    lines: list[str] = []
    if report.glibc is not None:
        g = report.glibc
        if g["highest"]:
            lines.append(words["glibc"].format(version=g["highest"], file=g["highest_file"], count=g["elf_files"]))
        else:
            lines.append(words["glibc_none"].format(count=g["elf_files"]))
        if g["unreadable"]:
            lines.append(words["glibc_unreadable"].format(files=", ".join(g["unreadable"][:5])))
    return lines


def verdict_line(report: Report) -> str:
    """The last line: passed, or which steps failed and where the log is."""
    words = text(report.lang)
    if report.ok:
        return words["passed"].format(count=len(report.steps), seconds=f"{report.seconds:.1f}")
    names = ", ".join(
        f"«{s.name}»" if report.lang != "en" else f"'{s.name}'" for s in report.steps if s.status == "failed"
    )
    return words["failed_summary"].format(names=names, log=report.log_path)


def header_lines(lang: str) -> list[str]:
    """The line printed before the steps."""
    words = text(lang)
    return [
        words["header"].format(
            version=__version__,
            where=words["frozen" if is_frozen() else "source"],
            system=platform.platform(terse=True),
            python=platform.python_version(),
        )
    ]
