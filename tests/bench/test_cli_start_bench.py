"""CLI start-up against a bare ``import PySide6.QtWidgets`` (issue 12).

``python main.py --help`` and ``python main.py facilities list`` each run in a fresh process,
alternating with ``python -c "import PySide6.QtWidgets"`` in the same run so that machine
noise hits all three alike; the medians are compared. Target: each ≤ 2 × the bare import.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

MAIN = Path(__file__).resolve().parents[2] / "main.py"
ROUNDS = 9
# Bytecode cached as in an installed app (this sandbox sets PYTHONDONTWRITEBYTECODE).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, capture_output=True, env=ENV, timeout=120)
    return (time.perf_counter() - start) * 1000


def test_cli_start_ratio(tmp_path, record):
    data_dir = str(tmp_path / "data")
    commands = {
        "bare": ["-c", "import PySide6.QtWidgets"],
        "help": [str(MAIN), "--help"],
        "list": [str(MAIN), "facilities", "list", "--data-dir", data_dir],
    }
    for args in commands.values():  # warm caches and create the data directory
        _run(args)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(ROUNDS):
        for name, args in commands.items():
            times[name].append(_run(args))
    median = {name: statistics.median(values) for name, values in times.items()}
    help_ratio = median["help"] / median["bare"]
    list_ratio = median["list"] / median["bare"]
    record(
        "cli_start",
        bare_ms=median["bare"],
        help_ms=median["help"],
        list_ms=median["list"],
        help_ratio=help_ratio,
        list_ratio=list_ratio,
    )
    assert help_ratio <= 2.0
    assert list_ratio <= 2.0
