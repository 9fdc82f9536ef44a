"""The fuzz targets (which command, which data directory, which seeds, which mutations) and the
``Fuzzer`` that runs a case, judges it, restores the data directory and keeps what failed."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from tests.reliability.fuzz_formats import (
    PackageForge,
    pdf_structural,
    signed_bytes_intact,
    signed_ranges,
    sqlite_header_mutation,
    sqlite_mutation,
)
from tests.reliability.fuzz_mutators import (
    Draw,
    Mutated,
    byte_mutation,
    csv_mutation,
    json_mutation,
    xlsx_mutation,
    zip_mutation,
)
from tests.reliability.fuzz_runner import Finding, Outcome, Sandbox, Stats, judge, run_cli
from tests.reliability.fuzz_world import ENROL_FP_ENV, HQ_FP_ENV, PASSPHRASE, PASSPHRASE_ENV, World
from tests.reliability.harness import CORPUS

CASE_TIMEOUT = float(os.environ.get("COORDINA_FUZZ_TIMEOUT", "20"))
#: Extra seconds per MB of input: stacked "many_rows" mutations build catalogues of millions of
#: rows, which take seconds to read and check; a hang is slower than 1 MB/s on top of the limit.
SECONDS_PER_MB = 1.0


def case_timeout(size: int) -> float:
    """The time limit of a case whose input is ``size`` bytes."""
    return CASE_TIMEOUT + SECONDS_PER_MB * size / 1_000_000


#: Examples kept per defect signature: enough to reproduce, not thousands of copies.
KEEP_PER_SIGNATURE = 3


@dataclass
class Target:
    name: str
    data_dir: str  # key of World.dirs
    command: Callable[[Path], list[str]]  # input path -> the command's arguments
    seeds: list[str]  # keys of World.seeds
    mutate: Callable[[Draw, bytes, str, Fuzzer], Mutated]
    allowed: tuple[int, ...] = (0, 1, 2)
    sync_codes: bool = False
    file_name: Callable[[Draw, str], str] | None = None


def _text_entry(draw: Draw, name: str, content: bytes) -> tuple[bytes, str]:
    """A structured edit of a zip entry: JSON edits for JSON entries, byte edits for the rest."""
    if name.endswith(".json"):
        try:
            return json_mutation(draw, content)
        except ValueError:
            pass
    return byte_mutation(draw, content)


def _zip_tail(data: bytes) -> tuple[int, int]:
    """The central directory and end record: where zip readers look first."""
    at = data.rfind(b"PK\x01\x02")
    start = data.find(b"PK\x01\x02")
    return (start if start != -1 else max(0, len(data) - 200), len(data) - 1 if at != -1 else len(data) - 1)


def mutate_package(draw: Draw, data: bytes, seed: str, fuzzer: Fuzzer) -> Mutated:
    kind = draw(st.sampled_from(["bytes", "zip", "zip", "resign", "resign", "payload", "payload"]))
    if kind == "bytes":
        return byte_mutation(draw, data, focus=_zip_tail(data))
    if kind == "zip":
        return zip_mutation(draw, data, _text_entry)
    forge = fuzzer.forge()
    return forge.resign_manifest(draw, data) if kind == "resign" else forge.reforge_payload(draw, data)


def package_name(draw: Draw, seed: str) -> str:
    return draw(
        st.sampled_from(
            [
                seed,
                seed,
                seed,
                "NAY_202302_0001.coordina",
                "x.coordina",
                "paquete",
                "ñ" * 60 + ".coordina",
                "a" * 180 + ".coordina",
                "NAY 2023 (copia).coordina",
            ]
        )
    )


def mutate_table(draw: Draw, data: bytes, seed: str, fuzzer: Fuzzer) -> Mutated:
    """CSV or XLSX: cell-level structured edits, zip-level edits (XLSX), or bytes."""
    is_xlsx = data[:2] == b"PK"
    kind = draw(st.sampled_from(["cells", "cells", "cells", "bytes"] + (["zip", "zip"] if is_xlsx else [])))
    if kind == "bytes":
        return byte_mutation(draw, data, focus=_zip_tail(data) if is_xlsx else None)
    if kind == "zip":
        return zip_mutation(draw, data, _text_entry)
    return xlsx_mutation(draw, data) if is_xlsx else csv_mutation(draw, data)


def mutate_json(draw: Draw, data: bytes, seed: str, fuzzer: Fuzzer) -> Mutated:
    if draw(st.integers(0, 3)) == 0:
        return byte_mutation(draw, data)
    return json_mutation(draw, data)


def mutate_backup(draw: Draw, data: bytes, seed: str, fuzzer: Fuzzer) -> Mutated:
    kind = draw(st.sampled_from(["sql", "sql", "header", "bytes", "bytes_header"]))
    if kind == "sql":
        return sqlite_mutation(draw, data)
    if kind == "header":
        return sqlite_header_mutation(draw, data)
    return byte_mutation(draw, data, focus=(0, 100) if kind == "bytes_header" else None)


def mutate_pdf(draw: Draw, data: bytes, seed: str, fuzzer: Fuzzer) -> Mutated:
    kind = draw(st.sampled_from(["structural", "structural", "bytes", "bytes_signature", "bytes_tail"]))
    if kind == "structural":
        return pdf_structural(draw, data)
    ranges = signed_ranges(data)
    if kind == "bytes_signature" and ranges:
        # Around the /Contents hole, the /ByteRange and the signature dictionary.
        end_first = ranges[0][1]
        return byte_mutation(draw, data, focus=(max(0, end_first - 400), ranges[1][0] + 400))
    if kind == "bytes_tail":
        return byte_mutation(draw, data, focus=(max(0, len(data) - 2000), len(data) - 1))
    return byte_mutation(draw, data)


def _dd(path: Path) -> list[str]:
    return ["--data-dir", str(path)]


def targets() -> dict[str, Target]:
    """Every fuzz target by name (also the corpus folder's name)."""
    found = [
        Target(
            "sync-import",
            "hq",
            lambda p: ["sync", "import", str(p), "--passphrase-env", PASSPHRASE_ENV],
            ["package"],
            mutate_package,
            sync_codes=True,
            file_name=package_name,
        ),
        Target(
            "values-csv",
            "state",
            lambda p: ["values", "import", str(p)],
            ["values_csv", "values_long_csv"],
            mutate_table,
        ),
        Target(
            "values-xlsx", "state", lambda p: ["values", "import", str(p)], ["values_xlsx", "template"], mutate_table
        ),
        Target(
            "facilities-import",
            "state",
            lambda p: ["facilities", "import", str(p)],
            ["clues_csv", "clues_xlsx"],
            mutate_table,
        ),
        Target(
            "hq-profile-import",
            "state_bare",
            lambda p: ["hq-profile", "import", str(p), "--fingerprint", os.environ[HQ_FP_ENV]],
            ["hq_profile"],
            mutate_json,
            sync_codes=True,
        ),
        Target(
            "enrol-import",
            "hq_unenrolled",
            lambda p: ["enrol", "import", str(p), "--fingerprint", os.environ[ENROL_FP_ENV]],
            ["enrol"],
            mutate_json,
            sync_codes=True,
        ),
        Target("restore", "state", lambda p: ["restore", str(p), "--yes"], ["backup"], mutate_backup),
        Target("verify", "state", lambda p: ["verify", str(p)], ["pdf"], mutate_pdf, allowed=(0, 1, 2, 3)),
    ]
    return {t.name: t for t in found}


SUFFIX = {
    "package": ".coordina",
    "values_csv": ".csv",
    "values_long_csv": ".csv",
    "values_xlsx": ".xlsx",
    "template": ".xlsx",
    "clues_csv": ".csv",
    "clues_xlsx": ".xlsx",
    "hq_profile": ".json",
    "enrol": ".json",
    "backup": ".db",
    "pdf": ".pdf",
}


@dataclass
class Fuzzer:
    """Runs the cases of one target against a working copy of its pristine data directory."""

    target: Target
    world: World
    work: Path
    stats: Stats = field(init=False)
    new: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.stats = Stats(self.target.name)
        self.sandbox = Sandbox(self.world.dirs[self.target.data_dir], self.work / "data")
        self.inputs = self.work / "inputs"
        self.inputs.mkdir(parents=True, exist_ok=True)
        self.seed_bytes = {k: self.world.seeds[k].read_bytes() for k in self.target.seeds}
        self.corpus = CORPUS / self.target.name
        self.known = known_signatures(self.corpus)
        self.initial = set(self.known)
        self._forge: PackageForge | None = None

    def forge(self) -> PackageForge:
        if self._forge is None:
            import shutil

            copy = self.work / "hq_keys"
            shutil.copytree(self.world.dirs["hq"], copy)
            self._forge = PackageForge(copy, self.world.seeds["p12"], PASSPHRASE.encode())
        return self._forge

    def close(self) -> None:
        if self._forge:
            self._forge.close()

    def replay_bytes(self, kept: dict, data: bytes) -> bytes:
        """The kept input, re-signed for this world when it was made with the coordinator's key."""
        if not kept.get("recipe"):
            return data
        return self.forge().rebuild(kept["recipe"], self.seed_bytes[kept["seed"]])

    def fuzz_one(self, draw: Draw) -> None:
        """Draw a seed and a mutation, run it, judge it."""
        seed = draw(st.sampled_from(self.target.seeds))
        original = self.seed_bytes[seed]
        try:
            data, mutation = self.target.mutate(draw, original, seed, self)
        except Exception as exc:  # noqa: BLE001 - a mutator's own failure is not the app's
            self.stats.note(f"mutator-error:{type(exc).__name__}")
            return
        recipe = None
        if mutation.startswith(("resigned-manifest", "reforged-payload")) and self._forge:
            recipe = self._forge.last_recipe
        name = self.world.seeds[seed].name
        if not name.endswith(SUFFIX[seed]):
            name += SUFFIX[seed]
        if self.target.file_name:
            name = self.target.file_name(draw, name)
        self.run(data, name, mutation, seed, recipe)

    def run(
        self, data: bytes, name: str, mutation: str, seed: str, recipe: dict | None = None, keep: bool = True
    ) -> list[Finding]:
        """One case; returns its findings, kept in the corpus unless ``keep`` is off (a replay)."""
        path = self.inputs / name
        path.write_bytes(data)
        outcome = run_cli(["--data-dir", str(self.sandbox.work), *self.target.command(path)], case_timeout(len(data)))
        db_changed, files = self.sandbox.changes()
        extra = self._verify_check(self.seed_bytes.get(seed, b""), data) if self.target.name == "verify" else None
        wrong = judge(outcome, self.target.allowed, self.target.sync_codes, db_changed, files, extra)
        if db_changed or files or outcome.code != 1 or outcome.error:
            self.sandbox.reset()
        path.unlink(missing_ok=True)
        self.stats.count(outcome)
        if data == self.seed_bytes.get(seed):
            self.stats.note("no-op mutation")
        findings = [self._finding(kind, detail, sig, data, mutation, outcome) for kind, detail, sig in wrong]
        for f in findings:
            self.stats.findings.append(f)
            if keep:
                self._keep(f, data, name, seed, outcome, recipe)
        return findings

    def _verify_check(self, original: bytes, mutated: bytes) -> Callable[[Outcome], list]:
        def check(outcome: Outcome) -> list[tuple[str, str, str]]:
            if outcome.code in (0, 3) and mutated != original and not signed_bytes_intact(original, mutated):
                return [
                    (
                        "altered_verified",
                        f"signed bytes changed, yet verify exit {outcome.code}",
                        f"altered_verified:{outcome.code}",
                    )
                ]
            if outcome.code in (0, 3) and mutated != original:
                self.stats.note(f"verified-with-signed-bytes-intact:{outcome.code}")
            return []

        return check

    def _finding(self, kind: str, detail: str, sig: str, data: bytes, mutation: str, outcome: Outcome) -> Finding:
        return Finding(
            kind,
            detail,
            sig,
            sha=hashlib.sha256(data).hexdigest()[:16],
            mutation=mutation[:500],
            exit_code=outcome.code,
            stderr=outcome.err[-2000:],
            traceback=(outcome.error or "")[-4000:],
        )

    def _keep(self, finding: Finding, data: bytes, name: str, seed: str, outcome: Outcome, recipe: dict | None) -> None:
        """Write the input to the corpus unless that defect already has enough examples there."""
        if self.known.get(finding.signature, 0) >= KEEP_PER_SIGNATURE:
            return
        self.corpus.mkdir(parents=True, exist_ok=True)
        bin_path = self.corpus / f"{finding.sha}.bin"
        meta = self.corpus / f"{finding.sha}.json"
        if meta.exists():
            return
        bin_path.write_bytes(data)
        meta.write_text(
            json.dumps(
                {
                    "target": self.target.name,
                    "seed": seed,
                    "file_name": name,
                    "mutation": finding.mutation,
                    "signature": finding.signature,
                    "kind": finding.kind,
                    "detail": finding.detail,
                    "exit_code": outcome.code,
                    "stderr": finding.stderr,
                    "traceback": finding.traceback,
                    "recipe": recipe,
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n",
            encoding="utf-8",
        )
        self.known[finding.signature] = self.known.get(finding.signature, 0) + 1
        if finding.signature not in self.initial and finding.signature not in {f.signature for f in self.new}:
            self.new.append(finding)


def known_signatures(folder: Path) -> dict[str, int]:
    """How many corpus examples each defect signature already has."""
    seen: dict[str, int] = {}
    for meta in folder.glob("*.json"):
        if meta.name == "xfail.json":
            continue
        sig = json.loads(meta.read_text(encoding="utf-8")).get("signature", "")
        seen[sig] = seen.get(sig, 0) + 1
    return seen
