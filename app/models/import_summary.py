"""The shape of an import summary: DHIS2's ``ImportSummary``, plus the package it came from.

A package import (GUI, CLI, self-test) returns one per file; the inbox stores it as JSON and
the outbox keeps HQ's acknowledgement the same way. These are TypedDicts, not classes,
because the summary *is* JSON: it is written to the database and shown as it is.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict


class ImportCount(TypedDict):
    """How many values an import wrote, changed, left alone or deleted."""

    imported: int
    updated: int
    ignored: int
    deleted: int


class ImportConflict(TypedDict):
    """One DHIS2 ``conflict`` entry: a refused value or a warning about one object."""

    object: str
    value: str | None
    errorCode: str
    property: str
    indexes: list[int]
    #: W_CONFLICT only: whose value was kept ("ours", "theirs").
    applied: NotRequired[str]


class PackageRef(TypedDict):
    """What identifies the package a summary is about (None where its manifest lacks it)."""

    uuid: str | None
    kind: str | None
    state: str | None
    device: str | None
    sequence: int | None
    sha256: str
    manifest_sha256: str | None


class FacilityCount(TypedDict):
    """What a data package did to the facility registry."""

    created: int
    updated: int
    ignored: int


class ImportSummary(TypedDict):
    """An import summary in DHIS2's shape (``status`` SUCCESS, WARNING or ERROR)."""

    responseType: str
    status: str
    description: str
    importCount: ImportCount
    conflicts: list[ImportConflict]
    rejectedIndexes: list[int]
    dryRun: bool
    file: str
    package: NotRequired[PackageRef]
    #: Data packages: what the package's registry did.
    facilities: NotRequired[FacilityCount]
    #: A package imported before: the stored summary, shown again.
    alreadyImported: NotRequired[bool]
