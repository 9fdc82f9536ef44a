"""Running the kill worker: an unkilled reference per operation, then kills at random moments.

The reference run gives the operation's duration (from the worker's ``ready`` to its exit,
less the time it spent fingerprinting) and the database's state after each step. A kill is
drawn uniformly over [ready, ready + duration], so kills land all over the operation, not in
interpreter start-up; the moment is recorded as a fraction of the reference duration.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kill_checks import Expected, check_after_kill, fingerprint, read_journal
from kill_prepare import Kit
from kill_worker import OPERATIONS, plan_edits

WORKER = Path(__file__).resolve().parent / "kill_worker.py"
REPO_ROOT = WORKER.parent.parent.parent
#: Parallel runs (the machine has 2 cores).
WORKERS = 2
#: A run that has not finished this long after its reference duration has hung.
HANG_FACTOR, HANG_MIN = 10, 60.0
#: Runs of one kill at most (a run that finishes before its kill moment is run again).
ATTEMPTS = 8


@dataclass
class Reference:
    operation: str
    duration: float
    fingerprints: list[dict]
    steps: int = 0


@dataclass
class Trial:
    """One run: killed at ``kill_at`` seconds after ready, or finished before it."""

    operation: str
    seed: int
    planned: float
    killed: bool = False
    at: float = 0.0  # seconds after ready when the kill was sent
    fraction: float = 0.0
    problems: list[str] = field(default_factory=list)
    values_lost: int = 0
    leftovers: list[str] = field(default_factory=list)
    orphans: int = 0
    steps: int = 0
    stderr: str = ""
    timing: dict[str, float] = field(default_factory=dict)  # seconds: start-up, run, checks


def _fresh(kit: Kit, operation: str, run_dir: Path) -> Path:
    if run_dir.exists():
        shutil.rmtree(run_dir)
    run_dir.mkdir(parents=True)
    shutil.copytree(kit.template(OPERATIONS[operation][0]), run_dir / "data")
    return run_dir / "data"


def _spawn(kit: Kit, operation: str, run_dir: Path, seed: int, *extra: str) -> subprocess.Popen:
    stderr = open(run_dir / "stderr.txt", "wb")  # noqa: SIM115 - the child owns it
    try:
        return subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                operation,
                str(run_dir / "data"),
                str(run_dir / "journal.txt"),
                str(seed),
                "--inputs",
                str(kit.inputs),
                *extra,
            ],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=stderr,
            start_new_session=True,
        )
    finally:
        stderr.close()


def _wait_ready(proc: subprocess.Popen) -> bool:
    line = proc.stdout.readline()
    return line.strip() == b"ready"


def reference_run(kit: Kit, operation: str, work: Path) -> Reference:
    """Run the worker on ``operation`` unkilled: its duration and the database after every step.

    The duration runs from ``ready`` to the worker's exit, less the time the worker spent
    taking fingerprints (which a killed run does not take).
    """
    run_dir = work / f"reference-{operation}"
    data_dir = _fresh(kit, operation, run_dir)
    before = fingerprint(data_dir)
    # Edits are checked against their plan, not against states: no fingerprints to take.
    extra = () if operation == "edits" else ("--reference", str(run_dir / "reference.jsonl"))
    proc = _spawn(kit, operation, run_dir, 1, *extra)
    if not _wait_ready(proc):
        proc.wait()
        raise RuntimeError(f"{operation}: worker did not start: {(run_dir / 'stderr.txt').read_text()[-2000:]}")
    started = time.monotonic()
    code = proc.wait()
    elapsed = time.monotonic() - started
    proc.stdout.close()
    if code != 0:
        raise RuntimeError(
            f"{operation}: reference run failed ({code}): {(run_dir / 'stderr.txt').read_text()[-2000:]}"
        )
    reference = run_dir / "reference.jsonl"
    lines = [json.loads(x) for x in reference.read_text().splitlines()] if reference.exists() else []
    duration = max(elapsed - sum(x["seconds"] for x in lines), 0.05)
    steps = len(read_journal(run_dir / "journal.txt"))
    shutil.rmtree(run_dir)
    return Reference(operation, duration, [before] + [x["fingerprint"] for x in lines], steps)


def expected_for(kit: Kit, reference: Reference, seed: int) -> Expected:
    """What a run of ``reference.operation`` with ``seed`` is checked against."""
    expected = Expected(reference.operation, reference.fingerprints, inputs=kit.inputs)
    if reference.operation == "edits":
        from app.services.workspace import catalog

        conn = sqlite3.connect(str(kit.template("state") / "coordina.db"))
        try:
            expected.plan = plan_edits(conn, catalog(), seed)
            keys = {c[:3] for batch in expected.plan for c in batch}
            expected.original = {
                k: conn.execute(
                    "SELECT value FROM data_values WHERE org_unit = ? AND period = '202302' AND "
                    "variable = ? AND disaggregation = ?",
                    k,
                ).fetchone()[0]
                for k in keys
            }
        finally:
            conn.close()
    return expected


def _reap_group(pid: int) -> int:
    """Kill what is left of the worker's process group (helpers it started); how many were left."""
    time.sleep(0.2)
    try:
        os.killpg(pid, 0)
    except (ProcessLookupError, PermissionError):
        return 0
    found = subprocess.run(["pgrep", "-g", str(pid)], capture_output=True, text=True).stdout.split()
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return len(found)


def trial(
    kit: Kit,
    reference: Reference,
    seed: int,
    work: Path,
    kill_at: str | None = None,
    kill_after: float | None = None,
    crash_at: str | None = None,
) -> Trial:
    """Run once and SIGKILL it, then check everything.

    The kill comes at a random moment of the reference duration, or ``kill_after`` seconds
    after ready, or at a named moment: ``kill_at`` (a call, see kill_worker.py) or
    ``crash_at`` (one of the app's crash points).
    """
    operation = reference.operation
    rng = random.Random(f"{operation}:{seed}")
    planned = kill_after if kill_after is not None else rng.uniform(0.0, reference.duration)
    result = Trial(operation, seed, planned)
    run_dir = work / f"{operation}-{seed}-{uuid.uuid4().hex[:8]}"  # replays may share a seed
    _fresh(kit, operation, run_dir)
    extra = (("--kill-at", kill_at) if kill_at else ()) + (("--crash-at", crash_at) if crash_at else ())
    began = time.monotonic()
    proc = _spawn(kit, operation, run_dir, seed, *extra)
    ready = _wait_ready(proc)
    started = time.monotonic()
    result.timing["startup"] = started - began
    if kill_at or crash_at or not ready:
        try:
            code = proc.wait(timeout=max(HANG_MIN, reference.duration * HANG_FACTOR))
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            code = proc.wait()
            result.problems.append(f"hang: no end {HANG_FACTOR}x the reference duration after ready")
        result.killed = code == -signal.SIGKILL
        result.at = time.monotonic() - started
    else:
        try:
            code = proc.wait(timeout=planned)
            result.at = time.monotonic() - started  # finished before its kill moment
        except subprocess.TimeoutExpired:
            result.at = time.monotonic() - started
            os.kill(proc.pid, signal.SIGKILL)
            code = proc.wait()
            result.killed = True
    proc.stdout.close()
    result.orphans = _reap_group(proc.pid)
    result.fraction = result.at / reference.duration
    result.stderr = (run_dir / "stderr.txt").read_text(errors="replace")[-1500:]
    if not result.killed and code != 0:
        result.problems.append(f"worker_failed: exit {code}: {result.stderr[-500:]}")
    checking = time.monotonic()
    result.timing["run"] = checking - started
    outcome = check_after_kill(run_dir, expected_for(kit, reference, seed))
    result.timing["checks"] = time.monotonic() - checking
    result.problems += outcome.problems
    result.values_lost = outcome.values_lost
    result.leftovers = outcome.leftovers
    result.steps = (
        sum(1 for line in (run_dir / "journal.txt").read_text().splitlines() if line.startswith("step "))
        if (run_dir / "journal.txt").exists()
        else 0
    )
    if not result.problems:
        shutil.rmtree(run_dir, ignore_errors=True)  # failures keep their folder to look at
    return result


def _until_killed(kit: Kit, reference: Reference, seed: int, work: Path) -> list[Trial]:
    """Run until one run is killed; a run that finished before its kill moment is run again.

    Such a run was faster than the reference: the next moment is drawn over the duration
    it actually took, so the kills still cover the whole operation.
    """
    made = []
    for attempt in range(ATTEMPTS):
        made.append(trial(kit, reference, seed + attempt * 100_003, work))
        if made[-1].killed:
            break
        reference = dataclasses.replace(reference, duration=min(reference.duration, made[-1].at))
    return made


class Lab:
    """Two worker processes that run references, kills and replays, for a whole session.

    Processes, not threads: the checks are Python work (the change-log chain), and two
    threads would share one core through the GIL. Spawned, since pytest's process has threads.
    """

    def __init__(self, kit: Kit, work: Path):
        self.kit, self.work = kit, work
        self.refs: dict[str, Reference] = {}
        self._pool = ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"))

    def references(self, operations: list[str]) -> dict[str, Reference]:
        """The reference run of each operation (run once, two at a time, as the kills run)."""
        missing = [op for op in operations if op not in self.refs]
        for ref in self._pool.map(reference_run, [self.kit] * len(missing), missing, [self.work] * len(missing)):
            self.refs[ref.operation] = ref
        return {op: self.refs[op] for op in operations}

    def start_campaign(self, operations: list[str], kills: int, base_seed: int) -> list[Future]:
        """Start ``kills`` kills of every operation; each future gives a list of Trials.

        A run that finishes before its kill moment (it ran faster than the reference) is
        checked too but does not count: it is run again (see :func:`_until_killed`).
        """
        refs = self.references(operations)
        return [
            self._pool.submit(_until_killed, self.kit, refs[op], base_seed + i, self.work)
            for i in range(kills)
            for op in operations
        ]

    def start_replay(self, operation: str, seed: int, **moment: object) -> Future:
        """Start one run killed at the moment a corpus case names (see :func:`trial`)."""
        reference = self.references([operation])[operation]
        return self._pool.submit(trial, self.kit, reference, seed, self.work, **moment)

    def close(self) -> None:
        self._pool.shutdown()


def quartiles(values: list[float]) -> list[float]:
    if len(values) < 2:
        return [round(v, 3) for v in values * 3][:3]
    return [round(q, 3) for q in statistics.quantiles(values, n=4, method="inclusive")]


def summarise(refs: dict[str, Reference], trials: list[Trial], known: dict[tuple[str, str], str]) -> dict:
    """Figures per operation and in total, for harness.record("kill", ...)."""
    per_op = {}
    for op, ref in refs.items():
        mine = [t for t in trials if t.operation == op]
        killed = [t for t in mine if t.killed]
        fractions = [min(t.fraction, 1.0) for t in killed]
        failures = [t for t in mine if t.problems]
        per_op[op] = {
            "reference_seconds": round(ref.duration, 3),
            "steps": ref.steps,
            "kills": len(killed),
            "survived": sum(1 for t in killed if not t.problems),
            "finished_before_kill": len(mine) - len(killed),
            "values_lost": sum(t.values_lost for t in mine),
            "kill_fraction_quartiles": quartiles(fractions),
            "kill_fractions": sorted(round(f, 3) for f in fractions),
            "kill_fraction_deciles": [
                sum(1 for f in fractions if i / 10 <= f < (i + 1) / 10 or (i == 9 and f >= 1)) for i in range(10)
            ],
            "kill_seconds_max": round(max((t.at for t in killed), default=0.0), 3),
            "orphan_processes": sum(t.orphans for t in mine),
            "leftover_temp_files": sum(len(t.leftovers) for t in mine),
            "leftover_examples": sorted({name for t in mine for name in t.leftovers})[:5],
            "failures": [
                {
                    "seed": t.seed,
                    "kill_seconds": round(t.at, 4),
                    "fraction": round(t.fraction, 4),
                    "problems": t.problems,
                    "known": sorted(
                        {known[(op, p.split(":")[0])] for p in t.problems if (op, p.split(":")[0]) in known}
                    ),
                }
                for t in failures
            ],
        }
    killed = [t for t in trials if t.killed]
    return {
        "kills": len(killed),
        "survived": sum(1 for t in killed if not t.problems),
        "values_lost": sum(t.values_lost for t in trials),
        "finished_before_kill": len(trials) - len(killed),
        "kill_fraction_quartiles": quartiles([min(t.fraction, 1.0) for t in killed]),
        "kill_fraction_deciles": [
            sum(d) for d in zip(*(v["kill_fraction_deciles"] for v in per_op.values()), strict=True)
        ],
        "operations": per_op,
    }
