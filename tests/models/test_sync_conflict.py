"""The conflict rule on its own: every branch of :func:`app.models.sync_conflict.decide`."""

from __future__ import annotations

import pytest

from app.models.sync_conflict import (
    CONFLICT_DELETE,
    CONFLICT_KEEP,
    CONFLICT_UPDATE,
    DELETE,
    IGNORE,
    IMPORT,
    UPDATE,
    Decision,
    decide,
)

A = ("12", "", 0, 0)  # value, comment, provisional, follow-up
B = ("15", "revisado", 0, 0)
EARLY, LATE = "2026-01-01T10:00:00+00:00", "2026-01-02T10:00:00+00:00"


def test_no_copy_at_hq_imports_the_value():
    assert decide(None, None, "", 1, 0, A, LATE, False) is IMPORT


def test_a_row_never_versioned_counts_as_no_copy():
    assert decide(0, B, LATE, 1, 0, A, EARLY, False) is IMPORT


def test_a_tombstone_for_a_value_hq_never_had_is_ignored():
    assert decide(None, None, "", 2, 1, (None, "", 0, 0), LATE, True) is IGNORE


def test_same_version_and_content_is_ignored():
    assert decide(3, A, EARLY, 3, 2, A, EARLY, False) is IGNORE


def test_same_version_other_content_based_on_ours_is_an_update():
    # The sender's base is HQ's version: a clean update even though the versions match.
    assert decide(3, A, EARLY, 3, 3, B, LATE, False) is UPDATE


def test_hq_version_is_the_senders_base_clean_update():
    assert decide(2, A, EARLY, 3, 2, B, LATE, False) is UPDATE


def test_hq_version_is_the_senders_base_tombstone_deletes():
    assert decide(2, A, EARLY, 3, 2, (None, "", 0, 0), LATE, True) is DELETE


def test_both_changed_to_the_same_content_is_ignored():
    assert decide(4, B, LATE, 3, 2, B, EARLY, False) is IGNORE


def test_conflict_later_sender_wins():
    decision = decide(4, A, EARLY, 3, 2, B, LATE, False)
    assert decision is CONFLICT_UPDATE
    assert decision.applies and decision.conflict == "theirs" and decision.counted == "updated"


def test_conflict_tie_goes_to_the_sender():
    assert decide(4, A, LATE, 3, 2, B, LATE, False) is CONFLICT_UPDATE


def test_conflict_later_hq_copy_is_kept():
    decision = decide(4, A, LATE, 3, 2, B, EARLY, False)
    assert decision is CONFLICT_KEEP
    assert not decision.applies and decision.conflict == "ours" and decision.counted == "ignored"


def test_conflict_tombstone_applied_when_later():
    decision = decide(4, A, EARLY, 3, 2, (None, "", 0, 0), LATE, True)
    assert decision is CONFLICT_DELETE and decision.counted == "deleted" and decision.applies


def test_conflict_tombstone_kept_out_when_earlier():
    assert decide(4, A, LATE, 3, 2, (None, "", 0, 0), EARLY, True) is CONFLICT_KEEP


@pytest.mark.parametrize(
    "decision, applies", [(IMPORT, True), (UPDATE, True), (DELETE, True), (IGNORE, False), (CONFLICT_KEEP, False)]
)
def test_applies_follows_the_count(decision: Decision, applies: bool):
    assert decision.applies is applies
    assert decision.conflict is None or decision in (CONFLICT_KEEP,)
