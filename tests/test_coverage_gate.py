"""tools/coverage_gate.py: the per-layer figures `make test` prints and the floors it enforces."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("coverage_gate", ROOT / "tools" / "coverage_gate.py")
assert _spec is not None and _spec.loader is not None
gate = importlib.util.module_from_spec(_spec)
sys.modules["coverage_gate"] = gate  # dataclasses look the module up by name
_spec.loader.exec_module(gate)


def test_layers_are_the_first_folder_under_app_so_the_feature_folder_move_keeps_them() -> None:
    app = ROOT / "app"
    assert gate.layer_of(app / "storage" / "migrations.py") == "storage"
    assert gate.layer_of(app / "services" / "sync" / "sync_export.py") == "services"
    assert gate.layer_of(app / "ui" / "entry" / "grid_view.py") == "ui"
    assert gate.layer_of(app / "cli_sync.py") == "cli"
    assert gate.layer_of(app / "cli.py") == "cli"
    assert gate.layer_of(app / "cli" / "sync.py") == "cli"
    assert gate.layer_of(app / "crash_log.py") == "app"
    assert gate.layer_of(ROOT / "main.py") is None


def test_a_core_layer_under_its_floor_or_missing_fails_the_gate() -> None:
    good = gate.Tally(files=1, statements=90, covered_lines=90, branches=10, covered_branches=0)
    poor = gate.Tally(files=1, statements=100, covered_lines=80, branches=0, covered_branches=0)
    assert good.percent == 90.0
    assert gate.failures({"models": good, "storage": good, "sync": good, "ui": poor}) == []
    missed = gate.failures({"models": good, "storage": poor})
    assert missed == [
        "storage: 80.0 % is under the 90 % floor",
        "sync: no files measured (is app/sync/ gone or the data file stale?)",
    ]


def test_the_table_lists_known_layers_in_order_then_new_ones_and_a_total() -> None:
    one = gate.Tally(files=1, statements=10, covered_lines=5, branches=0, covered_branches=0)
    lines = gate.format_table({"zeta": one, "ui": one, "models": one})
    assert [line.split()[0] for line in lines] == ["layer", "models", "ui", "zeta", "total"]
    assert lines[-1].split()[1:4] == ["3", "30", "0"] and "50.0 %" in lines[-1]


def test_without_a_data_file_the_gate_says_to_run_make_test(tmp_path: Path, capsys) -> None:
    assert gate.main(["--data-file", str(tmp_path / ".coverage")]) == 2
    assert "run `make test` first" in capsys.readouterr().err
