#!/usr/bin/env python3
"""Move Coordina's flat layout into feature folders (issue 14) and rewrite every reference.

Run at the root of a tree in the flat layout (a clean git work tree):

    python3 tools/restructure.py            # check the mapping, move with `git mv`, rewrite
    python3 tools/restructure.py --check    # only check the mapping and print what moves

It refuses (exit 1, listing them) when a module under app/ui, app/services, app/reports,
app/*.py (app/cli*.py included) or tests/ has no rule in MOVES below. Standard library only;
at the end it runs `ruff check --select I --fix` on the rewritten files when ruff is found,
because moved modules change the sorted order of import blocks.

What is rewritten, in every tracked text file (.py .md .toml .spec .sh .cfg .ts .txt .html,
Makefile, .ci/): import statements (`from P import a, b as c`, parenthesized lists,
`import a.b`, relative imports made absolute), dotted names ("app.ui.tasks" in monkeypatch
targets, lazy()/importlib names, docs, `python -m tests.ui.screenshots`) and slash paths
("app/ui/grid_model.py"). In moved files, `Path(__file__)...parents[N]` that climbs to a
folder that did not move is corrected for the new depth.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# --- THE MAPPING --------------------------------------------------------------------------
# (from folder, to folder, modules). A module is a file name without ".py" in the from
# folder: a plain name, a glob ("grid_*": every matching module keeps its name) or
# "old->new" (a rename). Only files directly in the from folder match. An exact name beats
# a glob; between globs the longer pattern wins. A module mapped to its own folder stays.
# Tests not named here follow their module (tests/ui/test_theme.py -> tests/ui/common/ when
# app/ui/theme.py goes to app/ui/common/): the "mirror" rule.
MOVES: list[tuple[str, str, str]] = [
    # app/: the CLI becomes a package; top-level helpers go where the CLI may import them.
    ("app", "app", "__init__"),
    ("app", "app/cli", "cli->main cli_*"),  # cli_check -> check etc., see CLI_PREFIX
    ("app", "app/services/system", "streams lazy crash_log"),
    # app/ui
    ("app/ui", "app/ui", "__init__ app"),
    (
        "app/ui",
        "app/ui/common",
        "alerts formatting form_fields folder_field cutoff_field "
        "job_dialog progress_dialog tasks settings window_fit plain_codes plain_text qt_spanish "
        "row_table_model month_picker pdf_preview passphrase_dialog crash_dialog theme theme_*",
    ),
    (
        "app/ui",
        "app/ui/shell",
        "main_window main_window_* main_menus welcome_page help_window "
        "first_run_* self_test_window shell_window month_toolbar save_indicator daily_backup "
        "window_icon",
    ),
    (
        "app/ui",
        "app/ui/entry",
        "entry_page grid_* session session_* month_index side_panel "
        "problem_panel filter_bar history_dialog comment_dialog close_check section_notes_dialog "
        "undo_edits",
    ),
    ("app/ui", "app/ui/facilities", "facilities_dialog facility_* import_preview_dialog"),
    ("app/ui", "app/ui/files", "file_actions file_* import_dialog backups_dialog"),
    (
        "app/ui",
        "app/ui/summary",
        "summary_* export_dialog export_* batch_export_dialog "
        "verify_dialog identity_dialog signing_choice dashboard_* targets_dialog",
    ),
    ("app/ui", "app/ui/sync", "sync_* outbox_dialog respond_* profile_* fingerprint_dialogs hq_* conflicts_dialog"),
    ("app/ui", "app/ui/national", "consolidation_*"),
    # app/services (renames: a module may not share its name with its new package)
    ("app/services", "app/services", "__init__ workspace worker_env transactions"),
    ("app/services", "app/services/entry", "entry->month_values edits overview"),
    ("app/services", "app/services/facilities", "facilities->registry catalog_install registry_marks facility_*"),
    ("app/services", "app/services/files", "value_* backup demo demo_values"),
    ("app/services", "app/services/summary", "summary->month_summary summary_* report_* reports identity targets"),
    ("app/services", "app/services/sync", "sync_* outbox_reconcile"),
    ("app/services", "app/services/national", "consolidation consolidation_* national_*"),
    (
        "app/services",
        "app/services/system",
        "app_paths elf_glibc first_run health_check self_test self_test_* log_file",
    ),
    # app/reports
    ("app/reports", "app/reports", "__init__"),
    ("app/reports", "app/reports/pdf", "pdf_* summary_pdf summary_pdf_*"),
    (
        "app/reports",
        "app/reports/signing",
        "identity signing->pades signature_block signed_summary verification verification_* verify_*",
    ),
    # tests: the same tree; fixture helpers go with their users or stay at the layer level.
    ("tests", "tests", "conftest test_architecture test_gui_start_imports test_restructure test_coverage_gate"),
    ("tests", "tests/cli", "test_cli test_cli_*"),
    (
        "tests/ui",
        "tests/ui",
        "conftest typing dialog_fixtures sync_fixtures fit_probe "
        "test_screen_fit test_signal_emits test_translation test_late_results",
    ),
    ("tests/ui", "tools/screenshots", "screenshots screenshots_*"),
    ("tests/ui", "tests/ui/common", "test_plain_codes test_plain_text test_theme*"),
    ("tests/ui", "tests/ui/shell", "test_main_window test_first_run test_help_window"),
    ("tests/ui", "tests/ui/entry", "test_grid_* test_session test_filter_bar test_history_dialog test_feedback"),
    ("tests/ui", "tests/ui/facilities", "test_facilities_dialog test_facility_*"),
    ("tests/ui", "tests/ui/files", "test_backups_dialog test_import_dialog"),
    (
        "tests/ui",
        "tests/ui/summary",
        "export_fixtures test_export_* test_batch_export_dialog "
        "test_dashboard test_identity_dialog test_report_details_ui test_targets_dialog "
        "test_verify_dialog",
    ),
    ("tests/ui", "tests/ui/sync", "test_conflicts_dialog test_outbox_dialog test_profile_dialog test_respond_dialog"),
    ("tests/ui", "tests/ui/national", "consolidation_fixtures test_consolidation_*"),
    ("tests/services", "tests/services", "conftest sync_pair test_sql_in_storage"),
    ("tests/services", "tests/services/entry", "test_entry_*"),
    ("tests/services", "tests/services/facilities", "test_facility_import"),
    (
        "tests/services",
        "tests/services/files",
        "test_demo test_demo_* test_value_files "
        "test_value_files_* test_values_provisional test_formula_injection test_restore_preview",
    ),
    ("tests/services", "tests/services/summary", "test_summary_* test_report_* test_indicator_windows test_targets"),
    ("tests/services", "tests/services/sync", "test_outbox_reconcile"),
    ("tests/services", "tests/services/national", "national_fixtures test_consolidation test_national_*"),
    ("tests/services", "tests/services/system", "test_health_check"),
    ("tests/packaging_app", "tests/services/system", "*"),
    ("tests/reports", "tests/reports", "attacks pki"),
    ("tests/reports", "tests/reports/pdf", "test_summary_pdf test_summary_pdf_*"),
    ("tests/reports", "tests/reports/signing", "test_identity test_signature_block test_signing test_verify_*"),
    # layers without feature folders stay as they are
    ("tests/models", "tests/models", "*"),
    ("tests/storage", "tests/storage", "*"),
    ("tests/sync", "tests/sync", "*"),
    ("tests/packaging", "tests/packaging", "*"),
    ("tests/reliability", "tests/reliability", "*"),
    ("tests/bench", "tests/bench", "*"),
    ("tests/e2e", "tests/e2e", "*"),
]
#: app/cli_check.py -> app/cli/check.py: the prefix a glob in app/cli drops.
CLI_PREFIX = "cli_"

#: The docstring of each new package's __init__.py (app/ only: tests are not packages).
PACKAGES: dict[str, str] = {
    "app/cli": "The command line: the parser (main) and one module per feature.",
    "app/ui/common": "Widgets, item models and helpers every screen shares.",
    "app/ui/shell": "The main window, its menus, the welcome page, help and first-run wizard.",
    "app/ui/entry": "Monthly data entry: the grid, its session, side panels and cell dialogs.",
    "app/ui/facilities": "The facility registry: list, editor and CLUES import preview.",
    "app/ui/files": "Value files in and out, backups and restore.",
    "app/ui/summary": "The month's summary: PDF export, signing, verification, dashboard, targets.",
    "app/ui/sync": "Sync with headquarters: packages, outbox, profiles, keys and conflicts.",
    "app/ui/national": "National consolidation of the states' packages (headquarters).",
    "app/services/entry": "Recording and reading a month's values and their edits.",
    "app/services/facilities": "The facility registry, its catalogue install and marks.",
    "app/services/files": "Value files (CSV/XLSX) in and out, backups and demo data.",
    "app/services/summary": "The month's summary, its series, PDF reports, identities and targets.",
    "app/services/sync": "Sync packages: export, import, keys, profiles, acknowledgements.",
    "app/services/national": "National consolidation and its exports.",
    "app/services/system": "The app itself: paths, streams, logs, crash log, self-test, health.",
    "app/reports/pdf": "The summary PDF (ReportLab): pages, text, charts and fonts.",
    "app/reports/signing": "Signing identities, PAdES signing and signature verification.",
}

#: Folders whose every module must be mapped, and the files (app/*.py) likewise.
CHECKED_DIRS = ("app/ui", "app/services", "app/reports", "tests")
# .json: the reliability corpus names kill points ("before:app.services.sync_import:...")
# and defect signatures by module and path.
TEXT_SUFFIXES = {
    ".py",
    ".md",
    ".toml",
    ".spec",
    ".sh",
    ".cfg",
    ".ts",
    ".txt",
    ".html",
    ".ini",
    ".yml",
    ".yaml",
    ".iss",
    ".pyi",
    ".json",
}
TEXT_NAMES = {"Makefile", "run"}
#: The script and its test name the old paths on purpose: never rewritten.
SELF = {"tools/restructure.py", "tests/test_restructure.py"}
LINE_LIMIT = 100  # ruff's line-length: longer rewritten imports are wrapped


# --- the mapping, resolved ------------------------------------------------------------------


@dataclass
class Plan:
    """Where each module goes (repo-relative posix paths) and what each glob matched."""

    moves: dict[str, str] = field(default_factory=dict)  # every mapped file, moved or not
    matched: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)  # rule -> names
    unmapped: list[str] = field(default_factory=list)
    clashes: list[str] = field(default_factory=list)

    def moved(self) -> dict[str, str]:
        return {old: new for old, new in self.moves.items() if old != new}


def _rules() -> list[tuple[str, str, str, str | None]]:
    """(from folder, to folder, pattern, new name or None) for every word of MOVES."""
    out = []
    for src, dst, words in MOVES:
        for word in words.split():
            pattern, _, new = word.partition("->")
            out.append((src, dst, pattern, new or None))
    return out


def _target(src: str, dst: str, stem: str, new: str | None) -> str:
    if new is None and src == "app" and dst == "app/cli" and stem.startswith(CLI_PREFIX):
        new = stem[len(CLI_PREFIX) :]
    return f"{dst}/{new or stem}.py"


def checked_files(root: Path) -> list[str]:
    """Every module the mapping must cover."""
    files = [p for p in (root / "app").glob("*.py")]
    for folder in CHECKED_DIRS:
        files += [p for p in (root / folder).rglob("*.py") if "__pycache__" not in p.parts]
    return sorted({p.relative_to(root).as_posix() for p in files})


def _mirror(rel: str, plan_app: dict[str, str]) -> str | None:
    """tests/<layer>/test_<x>.py follows app/<layer>/<x>.py (or the longest module <x> starts with)."""
    path = PurePosixPath(rel)
    if len(path.parts) != 3 or not path.name.startswith("test_"):
        return None
    layer, name = path.parts[1], path.stem[len("test_") :]
    best = None
    for old, new in plan_app.items():
        o = PurePosixPath(old)
        if o.parent.as_posix() != f"app/{layer}" or o.stem == "__init__":
            continue
        if (name == o.stem or name.startswith(o.stem + "_")) and (
            best is None or len(o.stem) > len(PurePosixPath(best[0]).stem)
        ):
            best = (old, new)
    if best is None:
        return None
    feature = PurePosixPath(best[1]).parent.relative_to(f"app/{layer}").as_posix()
    return f"tests/{layer}/{feature}/{path.name}".replace("/./", "/")


def make_plan(root: Path) -> Plan:
    plan = Plan()
    rules = _rules()
    for rel in checked_files(root):
        path = PurePosixPath(rel)
        folder, stem = path.parent.as_posix(), path.stem
        hits = [r for r in rules if r[0] == folder and fnmatch.fnmatchcase(stem, r[2])]
        exact = [r for r in hits if r[2] == stem]
        if exact:
            hits = exact
        elif hits:
            longest = max(len(r[2]) for r in hits)
            hits = [r for r in hits if len(r[2]) == longest]
        if len(hits) > 1:
            plan.clashes.append(f"{rel}: " + ", ".join(f"{r[2]} -> {r[1]}" for r in hits))
            continue
        if not hits:
            continue
        src, dst, pattern, new = hits[0]
        plan.moves[rel] = _target(src, dst, stem, new)
        plan.matched.setdefault((src, dst, pattern), []).append(stem)
    app_moves = {o: n for o, n in plan.moves.items() if o.startswith("app/")}
    for rel in checked_files(root):
        if rel in plan.moves or any(rel.startswith(c.split(":")[0]) for c in plan.clashes):
            continue
        mirrored = _mirror(rel, app_moves) if rel.startswith("tests/") else None
        if mirrored:
            plan.moves[rel] = mirrored
            plan.matched.setdefault((PurePosixPath(rel).parent.as_posix(), "(mirror)", "test_*"), []).append(
                f"{PurePosixPath(rel).stem}->{mirrored}"
            )
        else:
            plan.unmapped.append(rel)
    targets: dict[str, str] = {}
    for old, new in plan.moves.items():
        if new in targets and targets[new] != old:
            plan.clashes.append(f"{old} and {targets[new]} both -> {new}")
        targets[new] = old
    return plan


# --- dotted names ---------------------------------------------------------------------------


def dotted(rel: str) -> str:
    parts = list(PurePosixPath(rel).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def module_map(moved: dict[str, str]) -> dict[str, str]:
    return {dotted(o): dotted(n) for o, n in moved.items() if o.endswith(".py")}


def _names_regex(names: list[str], sep: str, tail: str) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # Not part of a longer name on either side: `app.cli` must not match `app.cli_pdf`.
    return re.compile(rf"(?<![\w{re.escape(sep)}-])({alternatives}){tail}")


class Rewriter:
    """Rewrites one file's text for the moved modules."""

    def __init__(self, moved: dict[str, str], evacuated: dict[str, str]) -> None:
        self.mods = module_map(moved)
        self.moved = moved
        self.dotted_re = _names_regex(list(self.mods), ".", r"(?!\w)")
        paths = {**moved, **evacuated}
        self.paths = paths
        self.slash_re = _names_regex(list(paths), "", r"(?![\w.])")

    # text outside import statements
    def plain(self, text: str) -> str:
        """Text outside real import statements: one-line imports inside strings (scripts
        run in a subprocess) are rewritten as imports, the rest by dotted and slash name."""
        out, pos = [], 0
        for m in _TEXT_FROM.finditer(text):
            names = [(n, a) for n, _, a in (w.strip().partition(" as ") for w in m.group("names").split(","))]
            new = self._from(m.group("module"), [(n.strip(), a.strip() or None) for n, a in names])
            if new is None:
                continue
            out.append(self._names_in(text[pos : m.start()]))
            out.append("; ".join(_wrap(st, 0, "", one_line=True) for st in new))
            pos = m.end()
        out.append(self._names_in(text[pos:]))
        return "".join(out)

    def _names_in(self, text: str) -> str:
        if self.dotted_re:
            text = self.dotted_re.sub(lambda m: self.mods[m.group(1)], text)
        if self.slash_re:
            text = self.slash_re.sub(lambda m: self.paths[m.group(1)], text)
        return text

    def python(self, rel: str, text: str, force_absolute: bool) -> str:
        try:
            tree = ast.parse(text, filename=rel)
        except SyntaxError as exc:
            print(f"  warning: {rel}:{exc.lineno} does not parse; names rewritten as text only")
            return self.plain(text)
        starts = _line_starts(text)
        edits: list[tuple[int, int, str]] = []
        package = _package_of(rel)
        file_moves = rel in self.moved
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                new = self._statement(node, package, force_absolute or file_moves)
                if new is None:
                    continue
                a = _offset(text, starts, node.lineno, node.col_offset)
                b = _offset(text, starts, node.end_lineno or node.lineno, node.end_col_offset or 0)
                if len(new) == 1 and new[0][1] == _names(node):
                    # Only the module changes: keep the statement's own layout and comments.
                    head = _HEAD.match(text, a)
                    if head:
                        edits.append((a, head.end(), f"{new[0][0]} import"))
                        continue
                line_start = starts[node.lineno - 1]
                indent = text[line_start:a]
                joiner = "\n" + indent if indent.strip() == "" else "; "
                # A comment in the statement (a noqa for E402) is kept on each new one.
                comment = "  ".join(_COMMENT.findall(text[a:b]))
                if not comment:
                    rest = _COMMENT.match(text, b)
                    comment = rest.group(1) if rest and len(new) > 1 else ""
                    comments = [comment] * (len(new) - 1) + [""]
                else:
                    comments = [comment] * len(new)
                edits.append((a, b, joiner.join(_wrap(s, len(indent), c) for s, c in zip(new, comments, strict=True))))
        edits.sort()
        out, pos = [], 0
        for a, b, new in edits:
            out.append(self.plain(text[pos:a]))
            out.append(new)
            pos = b
        out.append(self.plain(text[pos:]))
        result = "".join(out)
        if file_moves:
            result = fix_file_depth(rel, self.moved[rel], result)
        return result

    def _statement(
        self, node: ast.Import | ast.ImportFrom, package: str, absolute: bool
    ) -> list[tuple[str, list[tuple[str, str | None]]]] | None:
        """New statements as (module or "" for `import`, [(name, asname)]), None if unchanged."""
        if isinstance(node, ast.Import):
            changed = False
            names = []
            for alias in node.names:
                new = self._module(alias.name)
                changed |= new != alias.name
                names.append((new, alias.asname))
            return [("", names)] if changed else None
        module = node.module or ""
        relative = node.level > 0
        if relative:
            parts = package.split(".") if package else []
            base = ".".join(parts[: len(parts) - (node.level - 1)])
            module = ".".join(p for p in (base, node.module) if p)
        new = self._from(module, _names(node))
        if new is None and relative and absolute:
            return [(f"from {module}", _names(node))]
        return new

    def _from(
        self, module: str, names: list[tuple[str, str | None]]
    ) -> list[tuple[str, list[tuple[str, str | None]]]] | None:
        """`from module import names` split by where each name now lives; None if unchanged."""
        groups: dict[str, list[tuple[str, str | None]]] = {}
        new_module = self._module(module)
        changed = new_module != module
        for name, asname in names:
            full = f"{module}.{name}"
            if new_module == module and full in self.mods:
                pkg, _, leaf = self.mods[full].rpartition(".")
                groups.setdefault(pkg, []).append((leaf, asname or (name if leaf != name else None)))
                changed = True
            else:
                groups.setdefault(new_module, []).append((name, asname))
        return [(f"from {m}", ns) for m, ns in groups.items()] if changed else None

    def _module(self, name: str) -> str:
        if name in self.mods:
            return self.mods[name]
        return name


#: A module name or folder built at run time, which no rewrite can follow.
_BUILT_NAME = re.compile(
    r"""f["'](?:app|tests)\.[\w.]*\{|["'](?:app|tests)\.[\w.]*\.["']\s*\+|"""
    r"""["'](?:ui|services|reports)["']\)\.glob\("""
)
#: A one-line `from app... import a, b as c` in any text (a script in a string, a doc).
_TEXT_FROM = re.compile(
    r"\bfrom (?P<module>(?:app|tests)(?:\.\w+)*) import "
    r"(?P<names>\w+(?: as \w+)?(?:, *\w+(?: as \w+)?)*)"
)
_HEAD = re.compile(r"from\s+\.*[\w.]*\s+import")
_COMMENT = re.compile(r"[ \t]*(#[^\n]*)")


def _names(node: ast.Import | ast.ImportFrom) -> list[tuple[str, str | None]]:
    return [(a.name, a.asname) for a in node.names]


def _wrap(
    statement: tuple[str, list[tuple[str, str | None]]], indent: int, comment: str, one_line: bool = False
) -> str:
    head, names = statement
    items = [n if a is None else f"{n} as {a}" for n, a in names]
    tail = f"  {comment}" if comment else ""
    if head == "":
        return "import " + ", ".join(items) + tail
    one = f"{head} import {', '.join(items)}"
    if one_line or indent + len(one) + len(tail) <= LINE_LIMIT or len(items) == 1:
        return one + tail
    inner = " " * (indent + 4)
    return f"{head} import ({tail}\n" + "".join(f"{inner}{i},\n" for i in items) + " " * indent + ")"


def _line_starts(text: str) -> list[int]:
    starts, pos = [0], 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        starts.append(pos)
    return starts


def _offset(text: str, starts: list[int], lineno: int, col_bytes: int) -> int:
    """ast columns count UTF-8 bytes; turn one into a character offset."""
    line = text[starts[lineno - 1] : starts[lineno] if lineno < len(starts) else len(text)]
    return starts[lineno - 1] + len(line.encode("utf-8")[:col_bytes].decode("utf-8"))


def _package_of(rel: str) -> str:
    name = dotted(rel)
    return name if rel.endswith("__init__.py") else name.rpartition(".")[0]


_FILE_DEPTH = re.compile(
    r"Path\(__file__\)(?P<how>\.resolve\(\)|\.absolute\(\))?"
    r"(?:(?P<parents>\.parents\[(?P<n>\d+)\])|(?P<chain>(?:\.parent)+))"
)


def fix_file_depth(old: str, new: str, text: str) -> str:
    """`Path(__file__).resolve().parents[N]` climbs to the same folder from the new place."""
    old_p, new_p = PurePosixPath(old), PurePosixPath(new)

    def repl(m: re.Match[str]) -> str:
        k = int(m.group("n")) + 1 if m.group("parents") else m.group("chain").count(".parent")
        if k < 2 or k - 1 >= len(old_p.parents):
            return m.group(0)  # the file's own folder moves with it
        aim = old_p.parents[k - 1]
        for k2 in range(1, len(new_p.parents) + 1):
            if new_p.parents[k2 - 1] == aim:
                break
        else:
            print(f"  warning: {new}: {m.group(0)} aimed at {aim}/, which is not above it now")
            return m.group(0)
        how = m.group("how") or ""
        climb = f".parents[{k2 - 1}]" if m.group("parents") else ".parent" * k2
        return f"Path(__file__){how}{climb}"

    return _FILE_DEPTH.sub(repl, text)


# --- the run --------------------------------------------------------------------------------


def text_files(root: Path) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    out = []
    for rel in listed.splitlines():
        p = PurePosixPath(rel)
        if p.parts[0] in {".venv", "build", "dist"} or rel in SELF or not (root / rel).is_file():
            continue
        if p.suffix in TEXT_SUFFIXES or p.name in TEXT_NAMES or p.parts[0] == ".ci":
            out.append(rel)
    return out


def evacuated_dirs(plan: Plan) -> dict[str, str]:
    """Folders every module of which goes to one other folder: 'tests/packaging_app' -> ..."""
    by_dir: dict[str, set[str]] = {}
    for old, new in plan.moves.items():
        by_dir.setdefault(PurePosixPath(old).parent.as_posix(), set()).add(PurePosixPath(new).parent.as_posix())
    return {d: t.pop() for d, t in by_dir.items() if len(t) == 1 and d not in t and d not in {"app", "tests"}}


def print_plan(plan: Plan) -> None:
    """One line per row of MOVES: a glob with what it matched, a name marked if no such file."""
    print("Rules and what they matched (glob[matches]; name? = no such module):")
    rows = [(s, d, w) for s, d, w in MOVES] + sorted({(s, d, "test_*") for s, d, _ in plan.matched if d == "(mirror)"})
    for src, dst, words in rows:
        shown = []
        for word in words.split():
            pattern = word.partition("->")[0]
            names = plan.matched.get((src, dst, pattern), [])
            if any(c in pattern for c in "*?["):
                shown.append(f"{word}[{' '.join(names)}]")
            else:
                shown.append(word if names else f"{word}?")
        print(f"  {src} -> {dst}: {' '.join(shown)}")
    moved = plan.moved()
    print(f"{len(moved)} of {len(plan.moves)} mapped modules move.")


def git_mv(root: Path, old: str, new: str) -> None:
    (root / new).parent.mkdir(parents=True, exist_ok=True)
    tracked = subprocess.run(["git", "ls-files", "--error-unmatch", old], cwd=root, capture_output=True).returncode == 0
    if tracked:
        subprocess.run(["git", "mv", old, new], cwd=root, check=True)
    else:
        (root / old).rename(root / new)


def run(root: Path, check_only: bool) -> int:
    if (root / "app" / "cli" / "main.py").is_file():
        print("app/cli/main.py exists: this tree has the feature folders already.")
        return 1
    plan = make_plan(root)
    print_plan(plan)
    if plan.unmapped or plan.clashes:
        for rel in plan.unmapped:
            print(f"NOT MAPPED: {rel}")
        for clash in plan.clashes:
            print(f"AMBIGUOUS: {clash}")
        print("Add a rule to MOVES in tools/restructure.py; nothing was changed.")
        return 1
    if check_only:
        for old, new in sorted(plan.moved().items()):
            print(f"  {old} -> {new}")
        return 0
    moved = plan.moved()
    rewriter = Rewriter(moved, evacuated_dirs(plan))
    changed: list[str] = []
    for rel in text_files(root):
        path = root / rel
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if rel.endswith(".py"):
            new_text = rewriter.python(rel, text, force_absolute=rel.startswith("app/ui/"))
        else:
            new_text = rewriter.plain(text)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
            changed.append(rel)
    for old, new in sorted(moved.items()):
        git_mv(root, old, new)
    for folder, doc in PACKAGES.items():
        init = root / folder / "__init__.py"
        if (root / folder).is_dir() and not init.exists():
            init.write_text(f'"""{doc}"""\n', encoding="utf-8")
            subprocess.run(["git", "add", init.relative_to(root).as_posix()], cwd=root, check=True)
    print(f"Moved {len(moved)} modules; rewrote {len(changed)} files.")
    for rel in text_files(root):
        if rel.endswith(".py") and rel not in SELF:
            for n, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1):
                if _BUILT_NAME.search(line):
                    print(f"  check by hand: {rel}:{n}: {line.strip()}")
    final = [moved.get(r, r) for r in changed if r.endswith(".py")]
    ruff = shutil.which("ruff") or (str(root / ".venv/bin/ruff") if (root / ".venv/bin/ruff").exists() else None)
    if ruff and final:
        subprocess.run([ruff, "check", "--select", "I", "--fix", "--quiet", *final], cwd=root)
    else:
        print("ruff not found: run `ruff check --select I --fix .` to sort the import blocks.")
    print("Next: ruff check, the tests, then `git add -A` and commit (moves are staged already).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the mapping only")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="tree (default: here)")
    args = parser.parse_args(argv)
    return run(args.root.resolve(), args.check)


if __name__ == "__main__":
    sys.exit(main())
