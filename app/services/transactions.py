"""One transaction per action: all of it is kept, or none of it.

Kept apart from :mod:`app.services.workspace` so that modules the workspace itself calls
while it opens (the outbox reconciliation) can use it without importing the workspace.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from app.models.messages import InputError
from app.storage.database import Database, translate_error


class HasDatabase(Protocol):
    """What a transaction needs of a workspace: its database and where it lives."""

    @property
    def db(self) -> Database: ...
    @property
    def db_path(self) -> Path: ...
    @property
    def conn(self) -> sqlite3.Connection: ...


class Rollback(Exception):
    """Raised inside :func:`write_transaction` to roll the action back (a dry run, a refused
    package) while handing its ``result`` out to the caller, who catches it."""

    def __init__(self, result: Any):
        super().__init__("rolled back")
        self.result = result


@contextlib.contextmanager
def write_transaction(ws: HasDatabase, immediate: bool = False) -> Iterator[None]:
    """One transaction for one action: all of it is kept, or none of it.

    SQLite and OS failures (a full disk, a read-only directory) become an
    InputError naming the data directory, after the rollback. ``immediate`` takes the
    write lock at once (see :meth:`~app.storage.database.Database.atomic`). Raise
    :class:`Rollback` inside the block to undo it and still hand a result out.
    """
    try:
        with ws.db.atomic(immediate):
            yield
    except InputError:
        raise
    except (OSError, sqlite3.Error) as exc:
        raise translate_error(exc, ws.db_path) from exc
