"""Write RELIABILITY.md from the JSON figures of the last ``make reliability`` run.

Usage: ``python tests/reliability/report.py build/reliability [MORE_FOLDERS...] RELIABILITY.md``
(when parts were run separately, a file in a later folder replaces the same file of an earlier one)

Each part of the harness leaves its figures in the output folder (``kill.json``,
``fuzz-<target>.json``, ``disk.json``); this script only formats them, so the file always
shows what was measured and nothing else. A missing part is reported as not run.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import sys
from pathlib import Path


def _load(folder: Path, name: str) -> dict | None:
    path = folder / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += [
        "| " + " | ".join(str(cell).replace("|", "\\|").replace("\n", " ") for cell in row) + " |" for row in rows
    ]
    return lines


def kill_section(kill: dict | None) -> list[str]:
    """Kills made and survived, values lost, per operation, and where in time the kills fell."""
    out = ["## Kill -9", ""]
    if kill is None:
        return out + ["Not run.", ""]
    out += [
        f"**{kill['kills']} kills, {kill['survived']} survived, {kill['values_lost']} values lost** "
        f"({kill['finished_before_kill']} runs finished before their kill and were checked too).",
        "",
        "After each kill: `PRAGMA integrity_check` ok, the change-log chain verifies, every value the "
        "child reported committed is there, an import is all or nothing per package, no half file "
        "at a final name, outbox and files agree, and the app opens.",
        "",
    ]
    rows = []
    for op, figures in kill["operations"].items():
        rows.append(
            [
                op,
                figures["kills"],
                figures["survived"],
                figures["values_lost"],
                f"{figures['reference_seconds']:.2f}",
                " / ".join(f"{q:.2f}" for q in figures["kill_fraction_quartiles"]),
                figures["leftover_temp_files"],
                len(figures["failures"]),
            ]
        )
    out += _table(
        [
            "operation",
            "kills",
            "survived",
            "values lost",
            "run alone (s)",
            "kill point quartiles (fraction of the run)",
            "temp files left",
            "failures",
        ],
        rows,
    )
    out += [
        "",
        "Kills per tenth of the operation's duration (all operations): "
        + ", ".join(str(n) for n in kill["kill_fraction_deciles"])
        + ".",
        "",
    ]
    failures = [(op, f) for op, figures in kill["operations"].items() for f in figures["failures"]]
    for op, failure in failures:
        out.append(f"- {op}, seed {failure['seed']}: {'; '.join(failure['problems'])}")
    return out + ([""] if failures else [])


def fuzz_section(folder: Path) -> list[str]:
    """Cases per target, exit codes, findings."""
    out = ["## Fuzzing", ""]
    runs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("fuzz-*.json"))]
    if not runs:
        return out + ["Not run.", ""]
    rows = []
    for run in runs:
        codes = run["exit_codes"]
        rows.append(
            [
                run["target"],
                f"{run['cases']:,}",
                codes.get("0", 0),
                codes.get("1", 0),
                sum(v for k, v in codes.items() if k not in ("0", "1")),
                len(run["findings"]),
                f"{run['seconds']:.0f}",
                f"{run['slowest_case_s']:.2f}",
            ]
        )
    out += _table(
        [
            "target",
            "cases",
            "exit 0",
            "exit 1",
            "other (traceback, hang, exit 2+)",
            "findings",
            "seconds",
            "slowest case (s)",
        ],
        rows,
    )
    out += [
        "",
        "Each case is a structured or byte-wise mutation (hypothesis) of a valid input, run "
        "through the real command on a real data directory. The oracle: no traceback, exit 0 or "
        "1 (2 for usage), no hang, a documented code on every refusal, and the database "
        "byte-for-byte unchanged (a dump of every table) whenever the command refused.",
        "",
    ]
    corpus = Path(__file__).resolve().parent / "corpus"
    for run in runs:
        open_cases = _xfails(corpus / run["target"])
        for finding in run["findings"]:
            example = corpus / run["target"] / f"{finding['example']}.bin"
            if finding["example"] in open_cases:
                status = f"open: corpus/{run['target']}/{finding['example']} replays as an expected failure"
            elif example.is_file():
                status = f"fixed since: corpus/{run['target']}/{finding['example']} passes in `make test`"
            else:
                status = "fixed since; this signature already had its examples in the corpus"
            out.append(
                f"- **{run['target']}** `{finding['signature']}` ×{finding['count']}: "
                f"{finding['detail'].split('. No se guardó')[0]} ({status})"
            )
    return out + [""]


def _xfails(folder: Path) -> set[str]:
    manifest = folder / "xfail.json"
    return set(json.loads(manifest.read_text(encoding="utf-8"))) if manifest.is_file() else set()


def disk_section(disk: dict | None) -> list[str]:
    """Each disk fault, what the user read, what was lost."""
    out = ["## Disk faults", ""]
    if disk is None:
        return out + ["Not run.", ""]
    out += [f"**Values lost in all scenarios: {disk['data_lost']}.**", ""]
    rows = [
        [
            s["name"],
            s["filesystem"],
            s["command"],
            s["exit"],
            s["message"],
            "yes" if s["traceback"] else "no",
            s["data_lost"],
            "ok" if s["ok"] else "FAILED",
        ]
        for s in disk["scenarios"]
    ]
    out += _table(
        ["scenario", "file system", "command", "exit", "what the user read", "traceback", "values lost", "verdict"],
        rows,
    )
    return out + [""]


def render(folder: Path) -> str:
    """The whole RELIABILITY.md text for the figures in ``folder``."""
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    lines = [
        "# Reliability",
        "",
        f"Figures of the last full-strength run of each part (`make reliability`, or that part "
        f"alone with `COORDINA_RELIABILITY=full`; written {when}, Python "
        f"{platform.python_version()}, {platform.machine()}, 2 cores). `make test` runs the same "
        "harness as a short smoke version and replays every kept input in "
        "`tests/reliability/corpus/`.",
        "",
    ]
    lines += kill_section(_load(folder, "kill"))
    lines += fuzz_section(folder)
    lines += disk_section(_load(folder, "disk"))
    return "\n".join(lines).rstrip() + "\n"


def gather(folders: list[Path], into: Path) -> Path:
    """Copy the figures of ``folders`` into ``into``, a later folder's file replacing an earlier one."""
    into.mkdir(parents=True, exist_ok=True)
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            (into / path.name).write_bytes(path.read_bytes())
    return into


def main(argv: list[str]) -> int:
    """Write the report; returns 0, or 2 on a usage error."""
    if len(argv) < 2:
        print("usage: report.py FIGURES_FOLDER [MORE_FOLDERS...] OUTPUT.md", file=sys.stderr)
        return 2
    folders = [Path(a) for a in argv[:-1]]
    if len(folders) == 1:
        text = render(folders[0])
    else:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            text = render(gather(folders, Path(tmp)))
    Path(argv[-1]).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
