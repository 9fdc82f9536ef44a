"""tools/restructure.py (issue 14's folder move) on made-up sources and a made-up tree.

The real run is proven on a clone (see the issue note); these pin the rewriting rules that
run depends on: imports split by destination, relative imports made absolute, dotted and
slash names, `Path(__file__)` depth, and the refusal to leave a module unmapped.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("restructure", ROOT / "tools" / "restructure.py")
assert _spec and _spec.loader
restructure = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("restructure", restructure)
_spec.loader.exec_module(restructure)

MOVED = {
    "app/cli.py": "app/cli/main.py",
    "app/crash_log.py": "app/services/system/crash_log.py",
    "app/services/entry.py": "app/services/entry/month_values.py",
    "app/ui/tasks.py": "app/ui/common/tasks.py",
    "app/ui/grid_view.py": "app/ui/entry/grid_view.py",
    "tests/test_cli.py": "tests/cli/test_cli.py",
}


def rewrite(rel: str, source: str) -> str:
    return restructure.Rewriter(MOVED, {}).python(rel, source, rel.startswith("app/ui/"))


def test_from_imports_split_by_destination_and_keep_their_comment():
    src = "from app import RESOURCES_DIR, crash_log  # noqa: E402\nfrom app.services import entry, workspace\n"
    assert rewrite("main.py", src) == (
        "from app import RESOURCES_DIR  # noqa: E402\n"
        "from app.services.system import crash_log  # noqa: E402\n"
        "from app.services.entry import month_values as entry\n"
        "from app.services import workspace\n"
    )


def test_a_module_that_becomes_a_package_is_imported_from_its_new_module():
    assert rewrite("main.py", "from app.cli import main\nimport app.ui.tasks as t\n") == (
        "from app.cli.main import main\nimport app.ui.common.tasks as t\n"
    )


def test_a_parenthesized_import_keeps_its_layout_when_only_the_module_moves():
    src = "from app.ui.tasks import (  # noqa: F401 - re-exported\n    A,\n    B,\n)\n"
    assert rewrite("app/models/x.py", src) == src.replace("app.ui.tasks", "app.ui.common.tasks")


def test_relative_imports_in_app_ui_become_absolute():
    src = "def f():\n    from .tasks import TaskManager\n    from . import grid_view\n"
    assert rewrite("app/ui/grid_view.py", src) == (
        "def f():\n    from app.ui.common.tasks import TaskManager\n    from app.ui.entry import grid_view\n"
    )


def test_dotted_names_and_paths_in_text_but_not_longer_names():
    src = (
        'monkeypatch.setattr("app.ui.tasks.QThread", None)\n'
        'lazy("app.services.entry")\n'
        'PATH = "app/ui/tasks.py"  # and ../../app/ui/grid_view.py\n'
        'OTHER = "app.cli_pdf", "app/cli_pdf.py", "app.ui.tasks_x"\n'
    )
    assert rewrite("tests/ui/test_x.py", src) == (
        'monkeypatch.setattr("app.ui.common.tasks.QThread", None)\n'
        'lazy("app.services.entry.month_values")\n'
        'PATH = "app/ui/common/tasks.py"  # and ../../app/ui/entry/grid_view.py\n'
        'OTHER = "app.cli_pdf", "app/cli_pdf.py", "app.ui.tasks_x"\n'
    )


def test_a_moved_file_still_climbs_to_the_same_folder():
    src = "ROOT = Path(__file__).resolve().parent.parent\nHERE = Path(__file__).parent\n"
    assert rewrite("tests/test_cli.py", src) == (
        "ROOT = Path(__file__).resolve().parent.parent.parent\nHERE = Path(__file__).parent\n"
    )
    assert (
        restructure.fix_file_depth(
            "tests/ui/test_a.py", "tests/ui/entry/test_a.py", "R = Path(__file__).resolve().parents[2]"
        )
        == "R = Path(__file__).resolve().parents[3]"
    )


def _tree(tmp_path: Path, files: list[str]) -> Path:
    for rel in files:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("", encoding="utf-8")
    return tmp_path


def test_new_modules_land_by_prefix_and_tests_follow_their_module(tmp_path):
    root = _tree(
        tmp_path,
        ["app/ui/grid_totals.py", "tests/ui/test_grid_totals.py", "app/ui/theme.py", "tests/ui/test_theme_roles.py"],
    )
    plan = restructure.make_plan(root)
    assert not plan.unmapped and not plan.clashes
    assert plan.moves["app/ui/grid_totals.py"] == "app/ui/entry/grid_totals.py"
    assert plan.moves["tests/ui/test_grid_totals.py"] == "tests/ui/entry/test_grid_totals.py"
    assert plan.moves["tests/ui/test_theme_roles.py"] == "tests/ui/common/test_theme_roles.py"


def test_an_unmapped_module_is_refused_and_nothing_moves(tmp_path, capsys):
    root = _tree(tmp_path, ["app/ui/grid_totals.py", "app/ui/brand_new.py", "app/cli_new.py"])
    plan = restructure.make_plan(root)
    assert plan.unmapped == ["app/ui/brand_new.py"]
    assert plan.moves["app/cli_new.py"] == "app/cli/new.py"
    assert restructure.run(root, check_only=False) == 1
    assert "NOT MAPPED: app/ui/brand_new.py" in capsys.readouterr().out
    assert (root / "app/ui/grid_totals.py").is_file()


def test_imports_in_a_script_string_are_rewritten_as_imports():
    src = 'CODE = "from app import cli, crash_log; cli.main()"\nDOC = "from app.cli import main"\n'
    assert rewrite("tests/x.py", src) == (
        'CODE = "from app.cli import main as cli; from app.services.system import crash_log; '
        'cli.main()"\nDOC = "from app.cli.main import main"\n'
    )
