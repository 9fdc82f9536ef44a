"""Fuzzing (issue 9): mutated valid inputs through the CLI, judged by the oracle of fuzz_runner.

Each target runs ``scaled(30, 10_000)`` hypothesis cases (COORDINA_FUZZ_CASES overrides): byte-wise
and structured mutations of the valid seeds of ``fuzz_world``. A case fails the oracle on a
traceback, an exit code outside 0/1/2 (verify: 0/1/2/3), a hang, a refusal without a documented
code, a refusal that changed the database or wrote a file, or (verify) a changed signed byte
that still verifies. Every failing input is kept in ``corpus/<target>/`` (replayed by
test_corpus.py); this test fails only on a defect *not yet* in the corpus, so a known defect
owned by another engineer does not make ``make test`` flaky, while its replay is an xfail.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.reliability.fuzz_targets import Fuzzer, targets
from tests.reliability.fuzz_world import shared_world
from tests.reliability.harness import full_mode, record, scaled

TARGETS = targets()


def cases() -> int:
    override = os.environ.get("COORDINA_FUZZ_CASES")
    return int(override) if override else scaled(30, 10_000)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return shared_world(tmp_path_factory)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz(name, world, tmp_path):
    fuzzer = Fuzzer(TARGETS[name], world, tmp_path)

    def batch(count: int):
        @settings(
            max_examples=count,
            derandomize=False,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )
        @given(st.data())
        def one_case(data):
            fuzzer.fuzz_one(data.draw)

        return one_case

    try:
        # Hypothesis may end a run early (a search space it judges exhausted): run again with
        # a fresh seed until the target's count is reached.
        wanted = cases()
        for _ in range(50):
            before = fuzzer.stats.cases
            if before >= wanted:
                break
            batch(wanted - before)()
            if fuzzer.stats.cases == before:
                break
    finally:
        fuzzer.close()
        result = fuzzer.stats.as_record()
        result["mode"] = "full" if full_mode() else "smoke"
        record(f"fuzz-{name}", result)
    assert fuzzer.stats.cases > 0
    new = [f"{f.signature} ({f.detail}) -> corpus/{name}/{f.sha}.bin" for f in fuzzer.new]
    assert not new, "new defects found (inputs kept in the corpus):\n" + "\n".join(new)
