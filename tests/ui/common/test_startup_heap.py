"""The garbage collector during the first window's start (app/ui/common/startup_heap.py).

Each case runs in a fresh interpreter: the collector's state belongs to the process, and
this one has built main windows already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(body: str) -> None:
    code = "import gc\nfrom app.ui.common import startup_heap as heap\n" + body
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_held_from_the_start_until_released_and_the_start_up_objects_frozen() -> None:
    _run(
        "heap.hold_collection()\n"
        "assert not gc.isenabled()\n"
        "heap.freeze_startup_objects()\n"
        "assert not gc.isenabled() and gc.get_freeze_count() > 0\n"
        "heap.release_collection()\n"
        "assert gc.isenabled()\n"
        "heap.release_collection()\n"  # idempotent
        "assert gc.isenabled()\n"
    )


def test_only_the_first_window_holds_the_collector() -> None:
    _run(
        "heap.hold_collection(); heap.freeze_startup_objects(); heap.release_collection()\n"
        "frozen = gc.get_freeze_count()\n"
        "heap.hold_collection()\n"  # a second window in the same process (the tests)
        "assert gc.isenabled()\n"
        "heap.freeze_startup_objects()\n"
        "assert gc.get_freeze_count() == frozen\n"  # its garbage is not frozen with the first's
    )


def test_a_collector_switched_off_by_someone_else_stays_off() -> None:
    _run("gc.disable()\nheap.hold_collection()\nheap.release_collection()\nassert not gc.isenabled()\n")
