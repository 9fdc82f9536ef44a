"""Run `values import` in this process and print its exit code, seconds and peak memory.

Used by test_values_import_bench.py through a subprocess, so the peak (VmHWM) is the
import's alone, not the test runner's.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reference(path: str) -> None:
    """The bare floor: read every row with the csv module and parse its value, nothing else."""
    import csv

    start = time.perf_counter()
    rows = 0
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            rows += 1
            try:
                float(row[4])
            except ValueError:
                pass
    print(json.dumps({"code": 0, "rows": rows, "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}))


def main() -> None:
    from app.cli import main as cli

    data_dir, path = sys.argv[1], sys.argv[2]
    if data_dir == "--reference":
        reference(path)
        return
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    code = cli.main(["--data-dir", data_dir, "values", "import", path], out=out, err=err)
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "code": code,
                "seconds": seconds,
                "peak_mb": _peak_mb(),
                "stdout": out.getvalue()[-2000:],
                "stderr_lines": err.getvalue().count("\n"),
                "stderr_head": err.getvalue()[:600],
                "stderr_tail": err.getvalue()[-300:],
            }
        )
    )


if __name__ == "__main__":
    main()
