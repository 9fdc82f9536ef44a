"""New catalog versions: carried by HQ's update package, installed in a data directory.

The catalog is a folder of CSV/JSON files (``resources/catalog``). A newer version reaches a
data directory in one of two ways:

- at a state, inside an HQ **update** package (``sync update --catalog DIR``): the files ride
  in ``update.json`` under ``"catalog": {"version", "files": {name: text}}``, so they are
  covered by the manifest's SHA-256 and HQ's signature like the rest of the update;
- at HQ (or anywhere), with ``catalog install DIR``.

Either way the files are written to a hidden staging folder under ``data_dir/catalogs/``,
validated there with :func:`app.models.catalog.load_catalog`, checked against the data the
directory holds (a catalog that drops a variable, option, state or facility type with local
data is refused: nothing may be orphaned), then renamed to ``data_dir/catalogs/<version>/``
and named active in the ``settings`` table in the same transaction. If that transaction rolls
back (a dry run, a later error), the folder is removed again. ``open_workspace`` then uses
it while it is newer than the bundled catalog.

Rules on versions:

- a state ignores, with a notice, a catalog not newer than its active one, and one that does
  not load (e.g. made by a newer Coordina); the rest of the update still applies;
- HQ only sends the catalog it uses itself: ``sync update --catalog DIR`` refuses a version
  other than HQ's active one (install it first with ``catalog install``, since HQ checks the
  states' packages against its own catalog) and a folder whose files differ from it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.models.catalog import Catalog
from app.models.catalog_load import load_catalog
from app.models.import_summary import ImportConflict
from app.models.messages import InputError, text
from app.services.facilities.catalog_drops import SHOWN, check_keeps_data
from app.services.facilities.catalog_drops import dropped_with_data as dropped_with_data
from app.services.facilities.catalog_folders import CATALOG_FILES as CATALOG_FILES
from app.services.facilities.catalog_folders import MAX_FILE_BYTES as MAX_FILE_BYTES
from app.services.facilities.catalog_folders import CatalogError as CatalogError
from app.services.facilities.catalog_folders import (
    catalogs_root,
    check_version_name,
    place,
    read_catalog_dir,
    remove_installed,
    stage,
)
from app.services.workspace import CATALOG_SETTING, Workspace, installed_catalog, is_newer, write_transaction
from app.storage import reports_repo
from app.sync import safejson

# Where catalog folders are read, staged and placed: app.services.facilities.catalog_folders;
# what a new catalog may not drop: app.services.facilities.catalog_drops.


def active_version(ws: Workspace) -> str:
    """The version in force now: the workspace's, or one installed since it was opened."""
    version = ws.catalog.version
    stored = reports_repo.settings_get(ws.conn, CATALOG_SETTING, "")
    return stored if stored and is_newer(stored, version) else version


def current_catalog(ws: Workspace) -> Catalog:
    """The catalog in force now (see :func:`active_version`)."""
    version = active_version(ws)
    if version == ws.catalog.version:
        return ws.catalog
    return installed_catalog(catalogs_root(ws) / version)


# -- at a state: receiving a catalog in an update ------------------------------------------------


@dataclass
class Received:
    """A catalog received in an update, checked and staged (or refused with a notice)."""

    version: str = ""
    staged: Path | None = None
    notes: list[ImportConflict] = field(default_factory=list)

    def discard(self) -> None:
        """Remove the staging folder (the update failed before installing it)."""
        if self.staged is not None:
            shutil.rmtree(self.staged, ignore_errors=True)
            self.staged = None


def _notice(code: str, version: str, message: str, lang: str) -> ImportConflict:
    return {
        "object": text("catalog_object", lang, version=version).strip(),
        "value": message,
        "errorCode": code,
        "property": "catalog",
        "indexes": [],
    }


def _files_notice(files_doc: object, lang: str) -> ImportConflict:
    """The notice for an update whose catalog lacks (or has extra) files."""
    names = set(map(str, files_doc)) if isinstance(files_doc, dict) else set()
    none = text("catalog_none", lang)
    missing = ", ".join(sorted(set(CATALOG_FILES) - names)) or none
    extra = ", ".join(sorted(names - set(CATALOG_FILES))[:SHOWN]) or none
    return _notice("W_CATALOG_INVALID", "", text("catalog_notice_files", lang, missing=missing, extra=extra), lang)


def receive(ws: Workspace, doc: object, where: str) -> Received:
    """Check the catalog of an update (``doc`` is update.json's ``"catalog"``, or None).

    Not newer than the active one, or not loadable: a notice (in ``ws.lang``), nothing
    written. Dropping something with local data: CatalogError (the whole update is refused,
    nothing changes, and it can be imported again once resolved). Otherwise the files are
    staged and loaded from the staging folder; :func:`install_received` puts them in place.
    """
    if doc is None:
        return Received()
    lang = ws.lang
    files_doc = doc.get("files") if isinstance(doc, dict) else None
    if (
        not isinstance(files_doc, dict)
        or set(files_doc) != set(CATALOG_FILES)
        or not all(isinstance(v, str) for v in files_doc.values())
    ):
        return Received(notes=[_files_notice(files_doc, lang)])
    try:
        meta: Any = safejson.loads(files_doc["catalog.json"], MAX_FILE_BYTES)  # not a dict: AttributeError below
        version = str(meta.get("catalog_version", "0"))
    except (safejson.JsonRefused, AttributeError) as exc:
        reason = exc.message(lang) if isinstance(exc, safejson.JsonRefused) else str(exc)
        return Received(
            notes=[_notice("W_CATALOG_INVALID", "", text("catalog_notice_json", lang, reason=reason), lang)]
        )
    active = active_version(ws)
    if not is_newer(version, active):
        not_newer = text("catalog_notice_not_newer", lang, version=version, active=active)
        return Received(version, notes=[_notice("W_CATALOG_NOT_NEWER", version, not_newer, lang)])
    try:
        check_version_name(version, where)
    except CatalogError as exc:
        return Received(version, notes=[_notice("W_CATALOG_INVALID", version, exc.message(lang), lang)])
    return _stage_checked(ws, files_doc, version, where)


def _stage_checked(ws: Workspace, files_doc: dict[str, str], version: str, where: str) -> Received:
    """Stage the files and load them back; an unloadable catalog is a notice, a dropping one refused."""
    lang = ws.lang
    staged = stage(ws, files_doc)
    try:
        loaded = load_catalog(staged)
        check_keeps_data(ws.conn, current_catalog(ws), loaded, where)
    except InputError as exc:
        shutil.rmtree(staged, ignore_errors=True)
        if exc.code != "catalog_invalid":
            raise  # E_CATALOG_DROPS_DATA: the whole update is refused
        unloadable = text("catalog_notice_unloadable", lang, reason=exc.message(lang))
        return Received(version, notes=[_notice("W_CATALOG_INVALID", version, unloadable, lang)])
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)  # whatever happens, no .incoming-* stays behind
        raise
    return Received(version, staged)


def install_received(ws: Workspace, received: Received, on_rollback: list[Callable[[], None]]) -> str:
    """Inside the import's transaction: put the staged catalog in place and make it active.

    Returns the sentence for the summary. Adds to ``on_rollback`` what removes the folder
    again: the importer calls it if its transaction rolls back (a dry run, a later error).
    """
    if received.staged is None:
        return ""
    final = place(ws, received.staged, received.version)
    received.staged = None
    try:
        reports_repo.settings_set(ws.conn, CATALOG_SETTING, received.version)
    except BaseException:
        remove_installed(final)
        raise
    on_rollback.append(lambda: remove_installed(final))
    return text("catalog_installed_note", ws.lang, version=received.version)


# -- at HQ: packaging, and installing for oneself ------------------------------------------------


def catalog_for_update(ws: Workspace, directory: Path) -> dict:
    """The ``"catalog"`` entry of an update: HQ's active catalog, read from ``directory``.

    Refused (CatalogError, nothing written) when the folder does not load, or holds another
    version than HQ's active one, or the same version with other files.
    """
    loaded, texts = read_catalog_dir(directory)
    where, active = str(directory), active_version(ws)
    if is_newer(loaded.version, active):
        raise CatalogError("E_CATALOG_NOT_ADOPTED", where, loaded.version)
    if loaded.version != active:
        raise CatalogError(
            "E_CATALOG_NOT_NEWER", where, InputError("catalog_older", version=loaded.version, active=active)
        )
    source = ws.catalog_dir if active == ws.catalog.version else catalogs_root(ws) / active
    for name in CATALOG_FILES:
        try:
            same = (source / name).read_bytes() == texts[name].encode("utf-8")
        except OSError:
            same = False
        if not same:
            raise CatalogError(
                "E_CATALOG_MISMATCH", where, InputError("catalog_file_differs", version=loaded.version, name=name)
            )
    return {"version": loaded.version, "files": texts}


def install_catalog(ws: Workspace, directory: Path) -> tuple[Catalog, Path]:
    """Validate and install the catalog in ``directory`` for this data directory (any role).

    It must load, be newer than the active catalog and keep everything local data uses.
    Returns (catalog, installed folder); it is used from the next ``open_workspace``.
    Raises CatalogError or InputError; nothing is left behind on failure.
    """
    loaded, texts = read_catalog_dir(directory)
    where, active = str(directory), active_version(ws)
    if not is_newer(loaded.version, active):
        older = is_newer(active, loaded.version)
        raise CatalogError(
            "E_CATALOG_NOT_NEWER",
            where,
            InputError("catalog_older" if older else "catalog_same", version=loaded.version, active=active),
        )
    check_keeps_data(ws.conn, current_catalog(ws), loaded, where)
    staged = stage(ws, texts)
    final: Path | None = None
    try:
        load_catalog(staged)  # what was written, read back
        with write_transaction(ws):
            final = place(ws, staged, loaded.version)
            reports_repo.settings_set(ws.conn, CATALOG_SETTING, loaded.version)
    except InputError as exc:
        if final is not None:
            remove_installed(final)
        if exc.code == "catalog_invalid":
            raise CatalogError("E_CATALOG_INVALID", str(staged), cause=exc) from None
        raise
    except BaseException:
        if final is not None:
            remove_installed(final)
        raise
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return loaded, final
