"""Catalog folders on disk: reading one, and staging, placing and removing an installed copy."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import uuid as uuidlib
from pathlib import Path

from app.models.catalog import Catalog
from app.models.catalog_load import load_catalog
from app.models.messages import InputError, text
from app.services.workspace import CATALOGS_DIR, Workspace, forget_installed
from app.storage import files
from app.sync.errors import SyncError

#: The files ``load_catalog`` reads: exactly these are packaged and installed.
CATALOG_FILES = (
    "catalog.json",
    "states.csv",
    "levels.csv",
    "facility_types.csv",
    "sections.csv",
    "disaggregations.csv",
    "operating_status.csv",
    "variables.csv",
    "rules.json",
    "indicators.json",
    "institutions.csv",
)
MAX_FILE_BYTES = 16 << 20
_SAFE_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")


class CatalogError(SyncError):
    """A catalog that cannot be packaged or installed (bilingual, with a stable code).

    ``cause`` (an InputError from ``load_catalog``) is the detail, rendered in the message's
    language; so is a ``detail`` given as an InputError.
    """

    def __init__(self, code: str, where: str = "", detail: object = "", cause: InputError | None = None):
        self.cause = cause
        super().__init__(code, where, cause if cause is not None else detail)

    def where_text(self, lang: str = "es") -> str:
        return self.where or text("catalog_where", lang)


def read_catalog_dir(directory: Path) -> tuple[Catalog, dict[str, str]]:
    """Load and validate a catalog folder; return it with its files' text (UTF-8).

    Raises CatalogError("E_CATALOG_INVALID") naming the folder and the reason.
    """
    directory = Path(directory)
    where = str(directory)
    if not directory.is_dir():
        raise CatalogError("E_CATALOG_INVALID", where, InputError("catalog_not_a_folder"))
    try:
        loaded = load_catalog(directory)
    except InputError as exc:
        raise CatalogError("E_CATALOG_INVALID", where, cause=exc) from None
    texts: dict[str, str] = {}
    for name in CATALOG_FILES:
        path = directory / name
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise CatalogError("E_CATALOG_INVALID", where, InputError("catalog_file_too_large", name=name))
            texts[name] = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CatalogError(
                "E_CATALOG_INVALID", where, InputError("catalog_file_unreadable", name=name, reason=exc)
            ) from None
    check_version_name(loaded.version, where)
    return loaded, texts


def check_version_name(version: str, where: str) -> None:
    """The version names a folder: letters, digits, dots, dashes, underscores only."""
    if not _SAFE_VERSION.match(version) or ".." in version:
        raise CatalogError("E_CATALOG_INVALID", where, InputError("catalog_version_invalid", version=version))


def catalogs_root(ws: Workspace) -> Path:
    """The folder installed catalogs live in: ``data_dir/catalogs``."""
    return ws.data_dir / CATALOGS_DIR


def stage(ws: Workspace, texts: dict[str, str]) -> Path:
    """Write the files to a new hidden folder under ``catalogs/`` (same disk as the target)."""
    root = catalogs_root(ws)
    staged: Path | None = None
    try:
        root.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(dir=root, prefix=".incoming-"))
        for name, text in texts.items():
            with open(staged / name, "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        return staged
    except OSError as exc:
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)
        raise files.output_error(exc, root) from None


def place(ws: Workspace, staged: Path, version: str) -> Path:
    """Rename the staged folder to ``catalogs/<version>`` (replacing a stale, inactive one)."""
    final = catalogs_root(ws) / version
    aside: Path | None = None
    try:
        if final.exists():
            aside = final.with_name(f".old-{version}-{uuidlib.uuid4().hex[:8]}")
            os.rename(final, aside)
            forget_installed(final)
        os.rename(staged, final)
    except OSError as exc:
        if aside is not None and not final.exists():
            with contextlib.suppress(OSError):
                os.rename(aside, final)
        raise files.output_error(exc, final) from None
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)
    return final


def remove_installed(folder: Path) -> None:
    """Remove an installed (or placed) catalog folder and forget its cached catalog."""
    forget_installed(folder)
    shutil.rmtree(folder, ignore_errors=True)
