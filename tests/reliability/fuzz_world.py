"""The small, real world every fuzz target starts from, built once through the CLI.

A Nayarit state with two facilities and a handful of values, a headquarters that knows the
state's coordinator, and one valid input of every kind the fuzzer mutates: a signed package,
value exports and the month's template, a CLUES catalogue, the HQ profile, an enrolment, a
backup and a signed PDF. Everything is kept small on purpose: each fuzz case restores a
pristine data directory and dumps its database, so a small database keeps 10,000 cases fast.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from app.cli import main as cli

PASSPHRASE_ENV = "COORDINA_FUZZ_PASSPHRASE"
PASSPHRASE = "frase de paso del fuzz"

FACILITIES = [
    ["CLUES", "NOMBRE DE LA UNIDAD", "ENTIDAD", "MUNICIPIO", "TIPOLOGÍA", "NIVEL DE ATENCIÓN"],
    ["NTSSA000001", "Hospital General de Tepic", "18", "Tepic", "HOSPITAL GENERAL", "SEGUNDO NIVEL"],
    ["NTSSA000002", "Centro de Salud Rural Jala", "18", "Jala", "RURAL DE 01 NUCLEO BASICO", "PRIMER NIVEL"],
]
VALUES = [
    ["org_unit", "period", "variable", "disaggregation", "value", "comment"],
    ["NTSSA000001", "202302", "cirugias", "", "120", "incluye cirugía ambulatoria"],
    ["NTSSA000001", "202302", "plazas_autorizadas", "especialistas", "40", ""],
    ["NTSSA000002", "202302", "consultas_medicina_familiar", "", "300", ""],
    ["NTSSA000002", "202301", "consultas_medicina_familiar", "", "280", ""],
]


@dataclass
class World:
    """Pristine data directories (never run against directly) and valid seed inputs."""

    root: Path
    dirs: dict[str, Path] = field(default_factory=dict)
    seeds: dict[str, Path] = field(default_factory=dict)


def run_cli(*argv: str) -> tuple[int, str, str]:
    """The CLI in-process, as tests/cli/test_cli.py runs it."""
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _ok(*argv: str) -> str:
    code, out, err = run_cli(*argv)
    if code != 0:
        raise RuntimeError(f"building the fuzz world: {argv} -> {code}\n{out}\n{err}")
    return out


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


HQ_FP_ENV = "COORDINA_FUZZ_HQ_FINGERPRINT"
ENROL_FP_ENV = "COORDINA_FUZZ_ENROL_FINGERPRINT"


def build_world(root: Path) -> World:
    """Build every data directory and seed under ``root`` (about two seconds)."""
    os.environ[PASSPHRASE_ENV] = PASSPHRASE
    world = World(root)
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    state, hq, bare_state = root / "state", root / "hq", root / "state_bare"

    clues = _csv(seeds / "clues.csv", FACILITIES)
    values = _csv(seeds / "valores.csv", VALUES)
    for folder in (state, hq):
        _ok("--data-dir", str(folder), "facilities", "import", str(clues))
    _ok("--data-dir", str(state), "values", "import", str(values))

    _ok(
        "--data-dir",
        str(state),
        "init",
        "--role",
        "state",
        "--state",
        "18",
        "--name",
        "Ana Núñez",
        "--position",
        "Coordinadora estatal",
    )
    _ok("--data-dir", str(bare_state), "init", "--role", "state", "--state", "18")
    # HQ's keys under a passphrase; profiles and enrolments confirmed by fingerprint (issue 11)
    _ok("--data-dir", str(hq), "init", "--role", "hq", "--passphrase-env", PASSPHRASE_ENV)
    hq_fp = (
        _ok(
            "--data-dir",
            str(hq),
            "hq-profile",
            "export",
            "--out",
            str(seeds / "hq.json"),
            "--passphrase-env",
            PASSPHRASE_ENV,
        )
        .rsplit(": ", 1)[1]
        .strip()
    )
    _ok("--data-dir", str(state), "hq-profile", "import", str(seeds / "hq.json"), "--fingerprint", hq_fp)
    p12 = seeds / "ana.p12"
    _ok(
        "--data-dir",
        str(state),
        "identity",
        "create",
        "--name",
        "Ana Núñez",
        "--position",
        "Coordinadora estatal",
        "--state",
        "18",
        "--out",
        str(p12),
        "--passphrase-env",
        PASSPHRASE_ENV,
    )
    enrol_fp = (
        _ok("--data-dir", str(state), "enrol", "export", "--out", str(seeds / "enrol.json")).rsplit(": ", 1)[1].strip()
    )
    # HQ before the enrolment: the enrol target's directory, where the seed is accepted.
    shutil.copytree(hq, root / "hq_unenrolled")
    _ok("--data-dir", str(hq), "enrol", "import", str(seeds / "enrol.json"), "--fingerprint", enrol_fp)
    # The fingerprints read over the phone, for the import targets: a mutation that keeps them
    # goes on to the storing path, the rest is refused as a mismatch.
    os.environ[HQ_FP_ENV], os.environ[ENROL_FP_ENV] = hq_fp, enrol_fp

    outbox = seeds / "usb"
    package = Path(
        _ok(
            "--data-dir",
            str(state),
            "sync",
            "export",
            "--out",
            str(outbox),
            "--full",
            "--sign",
            str(p12),
            "--passphrase-env",
            PASSPHRASE_ENV,
        ).strip()
    )
    for fmt in ("csv", "xlsx"):
        _ok(
            "--data-dir",
            str(state),
            "values",
            "export",
            "--format",
            fmt,
            "--out",
            str(seeds / f"export.{fmt}"),
            "--state",
            "18",
            "--period",
            "202302",
        )
    _ok(
        "--data-dir",
        str(state),
        "values",
        "template",
        "--state",
        "18",
        "--period",
        "202302",
        "--out",
        str(seeds / "plantilla.xlsx"),
    )
    backup = Path(_ok("--data-dir", str(state), "backup").split(": ", 1)[1].strip())
    shutil.copy(backup, seeds / "respaldo.db")
    _ok(
        "--data-dir",
        str(state),
        "report",
        "pdf",
        "--state",
        "18",
        "--period",
        "202302",
        "--out",
        str(seeds / "avances.pdf"),
        "--sign",
        str(p12),
        "--passphrase-env",
        PASSPHRASE_ENV,
    )
    clues_xlsx = seeds / "clues.xlsx"
    _xlsx(clues_xlsx, FACILITIES)

    world.dirs = {"state": state, "hq": hq, "hq_unenrolled": root / "hq_unenrolled", "state_bare": bare_state}
    world.seeds = {
        "package": package,
        "values_csv": seeds / "export.csv",
        "values_xlsx": seeds / "export.xlsx",
        "template": seeds / "plantilla.xlsx",
        "values_long_csv": values,
        "clues_csv": clues,
        "clues_xlsx": clues_xlsx,
        "hq_profile": seeds / "hq.json",
        "enrol": seeds / "enrol.json",
        "backup": seeds / "respaldo.db",
        "pdf": seeds / "avances.pdf",
        "p12": p12,
    }
    for folder in world.dirs.values():
        shutil.rmtree(folder / "logs", ignore_errors=True)
    return world


def _xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


_WORLD: World | None = None


def shared_world(tmp_path_factory) -> World:
    """One world per test session, whichever fuzz module asks first."""
    global _WORLD
    if _WORLD is None:
        _WORLD = build_world(tmp_path_factory.mktemp("fuzz_world"))
    os.environ[PASSPHRASE_ENV] = PASSPHRASE
    return _WORLD
