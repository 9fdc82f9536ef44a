"""The conflict rule: what HQ does with a received value, given its own copy (DESIGN.md §6).

Pure: it sees versions, contents and times, never a database, so every branch is tested
on its own (tests/models/test_sync_conflict.py). ``app.services.sync.sync_values`` asks it once
per received value and does what it says.

- HQ has no copy (or one never versioned): *imported* (a tombstone for nothing: *ignored*);
- same version and same content: *ignored* (already here: a re-sent or full package);
- HQ's version is the sender's ``base_version``: a clean *update* (or *deleted* for a tombstone);
- HQ's copy changed since the sender's base but holds the same content: *ignored*;
- otherwise both changed it: a **conflict**. The later ``updated_at`` is applied (ties go to
  the sender, who owns the state's data) and the conflict is flagged for a person to review.
"""

from __future__ import annotations

from dataclasses import dataclass

IMPORTED, UPDATED, DELETED, IGNORED = "imported", "updated", "deleted", "ignored"
THEIRS, OURS = "theirs", "ours"


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with one received value.

    ``counted`` names the import summary's count it adds to; ``conflict`` is ``None`` for a
    clean outcome, else the side the rule applied (``"theirs"`` or ``"ours"``).
    """

    counted: str
    conflict: str | None = None

    @property
    def applies(self) -> bool:
        """Whether the received value is written (HQ's copy is replaced)."""
        return self.counted != IGNORED


# The few possible answers, built once: the rule runs for every value of every package.
IMPORT = Decision(IMPORTED)
UPDATE = Decision(UPDATED)
DELETE = Decision(DELETED)
IGNORE = Decision(IGNORED)
CONFLICT_UPDATE = Decision(UPDATED, THEIRS)
CONFLICT_DELETE = Decision(DELETED, THEIRS)
CONFLICT_KEEP = Decision(IGNORED, OURS)


def decide(
    ours_version: int | None,
    ours_content: tuple[object, ...] | None,
    ours_updated_at: str,
    version: int,
    base_version: int,
    content: tuple[object, ...],
    updated_at: str,
    deleted: bool,
) -> Decision:
    """Apply, keep or flag a received value against HQ's copy.

    ``ours_*`` describe HQ's copy (version ``None`` when it has none); ``content`` is (value, comment,
    provisional, follow-up) on both sides, compared whole; times are stored-form ISO texts,
    which compare in time order. ``deleted`` marks a tombstone.
    """
    if not ours_version:  # no copy, or a row never versioned (0)
        return IGNORE if deleted else IMPORT
    same = ours_content == content
    if ours_version == version and same:
        return IGNORE
    if ours_version == base_version:
        return DELETE if deleted else UPDATE
    if same:  # both sides changed it, to the same thing: nothing to decide
        return IGNORE
    if updated_at >= ours_updated_at:  # a tie goes to the sender
        return CONFLICT_DELETE if deleted else CONFLICT_UPDATE
    return CONFLICT_KEEP
