"""Print test coverage per layer of app/ and fail when a core layer is under its floor.

`make test` runs pytest with ``--cov`` (settings in pyproject.toml, [tool.coverage.*]) and
then this script, which reads the coverage data file and groups the files by the first
folder under app/ (models, storage, sync, reports, services, ui, ...). Grouping by folder
rather than by a fixed list of modules keeps the figures right when modules move into
feature folders (app/services/sync/..., app/ui/entry/...). The CLI modules are
app/cli/main.py and app/cli_*.py today and will be a package app/cli/ later: both count as
"cli". Other modules directly in app/ count as "app".

The floors apply to models, storage and sync: the layers with no Qt and no user on the
other end, where untested lines are lines nobody has ever run. A partial run
(``make test PYTEST_ARGS='-k foo'``) passes ``--no-gate``: figures are printed, not judged.

Usage: python tools/coverage_gate.py [--no-gate] [--data-file PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import coverage

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
# Printed first, in this order; any other group found (a new package) follows.
LAYERS = ("models", "storage", "sync", "reports", "services", "cli", "ui", "app")
# Percent (statements and branches together, as coverage.py counts it) a layer must reach.
FLOORS = {"models": 90.0, "storage": 90.0, "sync": 90.0}


@dataclass
class Tally:
    """Statements and branches of one group of files, and how many of them ran."""

    files: int = 0
    statements: int = 0
    covered_lines: int = 0
    branches: int = 0
    covered_branches: int = 0

    def add(self, summary: dict[str, int]) -> None:
        """Adds one file's summary from coverage's JSON report."""
        self.files += 1
        self.statements += summary["num_statements"]
        self.covered_lines += summary["covered_lines"]
        self.branches += summary.get("num_branches", 0)
        self.covered_branches += summary.get("covered_branches", 0)

    @property
    def percent(self) -> float:
        """Covered share of statements plus branches; 100 for a group with nothing to run."""
        total = self.statements + self.branches
        if total == 0:
            return 100.0
        return 100.0 * (self.covered_lines + self.covered_branches) / total


def layer_of(path: Path) -> str | None:
    """The layer a source file belongs to, or None when it is not under app/."""
    try:
        parts = path.resolve().relative_to(APP).parts
    except ValueError:
        return None
    if len(parts) > 1:
        return parts[0]
    stem = Path(parts[0]).stem
    # app/cli/main.py and app/cli/sync.py now; app/cli/ (caught above) after the folder move.
    return "cli" if stem == "cli" or stem.startswith("cli_") else "app"


def tally_layers(data_file: Path) -> dict[str, Tally]:
    """Reads the data file and sums the JSON report's per-file figures by layer."""
    cov = coverage.Coverage(data_file=str(data_file), config_file=str(ROOT / "pyproject.toml"))
    cov.load()
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "coverage.json"
        # The JSON report applies the same exclusions and branch rules as the terminal one.
        cov.json_report(outfile=str(report), ignore_errors=True)
        files = json.loads(report.read_text(encoding="utf-8"))["files"]
    tallies: dict[str, Tally] = {}
    for name, entry in files.items():
        layer = layer_of(ROOT / name)
        if layer is not None:
            tallies.setdefault(layer, Tally()).add(entry["summary"])
    return tallies


def format_table(tallies: dict[str, Tally]) -> list[str]:
    """One line per layer (the known ones first) and a total line."""
    order = [n for n in LAYERS if n in tallies] + sorted(set(tallies) - set(LAYERS))
    lines = [f"{'layer':<10}{'files':>6}{'stmts':>8}{'branches':>10}{'cover':>9}  floor"]
    total = Tally()
    for name in order:
        t = tallies[name]
        floor = f"{FLOORS[name]:.0f} %" if name in FLOORS else ""
        lines.append(f"{name:<10}{t.files:>6}{t.statements:>8}{t.branches:>10}{t.percent:>7.1f} %  {floor}")
        for field in ("files", "statements", "covered_lines", "branches", "covered_branches"):
            setattr(total, field, getattr(total, field) + getattr(t, field))
    lines.append(f"{'total':<10}{total.files:>6}{total.statements:>8}{total.branches:>10}{total.percent:>7.1f} %")
    return lines


def failures(tallies: dict[str, Tally]) -> list[str]:
    """A sentence for each floored layer that is missing or under its floor."""
    found = []
    for name, floor in FLOORS.items():
        if name not in tallies:
            found.append(f"{name}: no files measured (is app/{name}/ gone or the data file stale?)")
        elif tallies[name].percent < floor:
            found.append(f"{name}: {tallies[name].percent:.1f} % is under the {floor:.0f} % floor")
    return found


def main(argv: list[str] | None = None) -> int:
    """Prints the table; returns 1 when a floor is missed (unless --no-gate), 2 without data."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-gate", action="store_true", help="print the figures only (a partial test run)")
    parser.add_argument(
        "--data-file", type=Path, default=None, help="coverage data file (default: [tool.coverage.run] data_file)"
    )
    args = parser.parse_args(argv)
    data_file = args.data_file or ROOT / coverage.Coverage(config_file=str(ROOT / "pyproject.toml")).config.data_file
    if not data_file.is_file():
        print(f"coverage_gate: no coverage data at {data_file}; run `make test` first", file=sys.stderr)
        return 2
    tallies = tally_layers(data_file)
    print("\n".join(format_table(tallies)))
    if args.no_gate:
        print("coverage_gate: partial run (PYTEST_ARGS given), floors not applied")
        return 0
    missed = failures(tallies)
    for line in missed:
        print(f"coverage_gate: FAIL {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
