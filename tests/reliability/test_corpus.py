"""Replay every input that ever failed a fuzz target (tests/reliability/corpus/<target>/).

Each ``<sha>.bin`` runs through the same command and data directory as in fuzzing, judged by
the same oracle. A case whose fix belongs to another engineer is listed in
``corpus/<target>/xfail.json`` (sha -> reason) and runs as ``xfail(strict=True)``: the day the
fix lands it passes, the strict xfail fails, and the entry is removed from the manifest.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reliability import fuzz_targets
from tests.reliability.fuzz_targets import Fuzzer, targets
from tests.reliability.fuzz_world import shared_world
from tests.reliability.harness import CORPUS

TARGETS = targets()


def corpus_cases() -> list:
    params = []
    for folder in sorted(p for p in CORPUS.glob("*") if p.is_dir() and p.name in TARGETS):
        manifest = folder / "xfail.json"
        xfail = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
        for meta in sorted(folder.glob("*.json")):
            if meta.name == "xfail.json":
                continue
            sha = meta.stem
            marks = [pytest.mark.xfail(strict=True, reason=xfail[sha])] if sha in xfail else []
            params.append(pytest.param(folder.name, meta, id=f"{folder.name}/{sha}", marks=marks))
    return params


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return shared_world(tmp_path_factory)


@pytest.mark.parametrize(("target", "meta"), corpus_cases())
def test_corpus_replay(target: str, meta: Path, world, tmp_path, monkeypatch):
    kept = json.loads(meta.read_text(encoding="utf-8"))
    data = meta.with_suffix(".bin").read_bytes()
    fuzzer = Fuzzer(TARGETS[target], world, tmp_path)
    # A replay answers in well under a second; a kept hang is stopped early (it may also be
    # eating memory), still long enough to tell it from a fixed case.
    monkeypatch.setattr(fuzz_targets, "CASE_TIMEOUT", 3.0)
    try:
        findings = fuzzer.run(
            fuzzer.replay_bytes(kept, data), kept["file_name"], kept["mutation"], kept["seed"], keep=False
        )
    finally:
        fuzzer.close()
    assert not findings, (
        f"{target}/{meta.stem} (first seen: {kept['signature']}, "
        f"mutation {kept['mutation']}): " + "; ".join(f"{f.kind}: {f.detail}" for f in findings)
    )


def test_every_xfail_entry_has_its_input():
    for manifest in CORPUS.glob("*/xfail.json"):
        for sha in json.loads(manifest.read_text(encoding="utf-8")):
            assert (manifest.parent / f"{sha}.bin").is_file(), f"{manifest}: {sha} has no input"
