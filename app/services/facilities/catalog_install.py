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

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.models.catalog import Catalog
from app.models.catalog_load import load_catalog
from app.models.import_summary import ImportConflict
from app.models.messages import InputError, text
from app.services.workspace import (
    CATALOG_SETTING,
    CATALOGS_DIR,
    Workspace,
    forget_installed,
    installed_catalog,
    is_newer,
    write_transaction,
)
from app.storage import files, reports_repo
from app.sync import safejson
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
_SHOWN = 8  # items named in a "drops data" message


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


# -- reading, staging, checking ---------------------------------------------------------------


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
    _check_version_name(loaded.version, where)
    return loaded, texts


def _check_version_name(version: str, where: str) -> None:
    """The version names a folder: letters, digits, dots, dashes, underscores only."""
    if not _SAFE_VERSION.match(version) or ".." in version:
        raise CatalogError("E_CATALOG_INVALID", where, InputError("catalog_version_invalid", version=version))


def catalogs_root(ws: Workspace) -> Path:
    return ws.data_dir / CATALOGS_DIR


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


def _stage(ws: Workspace, texts: dict[str, str]) -> Path:
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


def dropped_with_data(conn: sqlite3.Connection, old: Catalog, new: Catalog) -> list[InputError]:
    """What ``new`` removes from ``old`` that local data still uses (one message per item).

    Variables, disaggregation options and category options with values; states with a
    facility, a value or the profile; facility types of registered facilities.
    """
    problems: list[InputError] = []
    per_variable = conn.execute(
        "SELECT variable, disaggregation, count(*) FROM data_values GROUP BY variable, disaggregation ORDER BY 1, 2"
    ).fetchall()
    gone_vars: dict[str, int] = {}
    for variable, option, count in per_variable:
        if variable in old.variables and variable not in new.variables:
            gone_vars[variable] = gone_vars.get(variable, 0) + count
        elif variable in old.variables and variable in new.variables:
            if option in old.option_codes(old.variables[variable]) and option not in new.option_codes(
                new.variables[variable]
            ):
                problems.append(InputError("catalog_drop_option", option=option, variable=variable, count=count))
    problems[:0] = [
        InputError("catalog_drop_variable", variable=code, count=count) for code, count in gone_vars.items()
    ]
    categorical = [code for code, var in old.variables.items() if var.options and code in new.variables]
    for code in categorical:
        before = {o.code for o in old.variables[code].options}
        after = {o.code for o in new.variables[code].options}
        for value, count in conn.execute(
            "SELECT value, count(*) FROM data_values WHERE variable = ? "
            "AND value IS NOT NULL GROUP BY value ORDER BY 1",
            (code,),
        ):
            if str(value) in before and str(value) not in after:
                problems.append(InputError("catalog_drop_option", option=value, variable=code, count=count))
    used_states = {
        r[0]
        for r in conn.execute(
            "SELECT state_code FROM facilities UNION SELECT org_unit FROM data_values "
            "UNION SELECT state_code FROM profile WHERE state_code IS NOT NULL"
        )
    }
    for code in sorted(used_states):
        if code in old.states and code not in new.states:
            problems.append(InputError("catalog_drop_state", state=code, name=old.states[code].name))
    for (code,) in conn.execute("SELECT DISTINCT type_code FROM facilities ORDER BY 1"):
        if code in old.facility_types and code not in new.facility_types:
            problems.append(InputError("catalog_drop_type", type=code))
    return problems


def _check_keeps_data(ws: Workspace, new: Catalog, where: str) -> None:
    problems = dropped_with_data(ws.conn, current_catalog(ws), new)
    if problems:
        shown = problems[:_SHOWN]
        if len(problems) > _SHOWN:
            shown.append(InputError("catalog_drops_more", count=len(problems) - _SHOWN))
        raise CatalogError("E_CATALOG_DROPS_DATA", where, InputError("catalog_drops", version=new.version, items=shown))


def _place(ws: Workspace, staged: Path, version: str) -> Path:
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


def _remove(folder: Path) -> None:
    forget_installed(folder)
    shutil.rmtree(folder, ignore_errors=True)


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
    extra = ", ".join(sorted(names - set(CATALOG_FILES))[:_SHOWN]) or none
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
        return Received(notes=[_notice("W_CATALOG_INVALID", "", text("catalog_notice_json", lang, reason=exc), lang)])
    active = active_version(ws)
    if not is_newer(version, active):
        return Received(
            version,
            notes=[
                _notice(
                    "W_CATALOG_NOT_NEWER",
                    version,
                    text("catalog_notice_not_newer", lang, version=version, active=active),
                    lang,
                )
            ],
        )
    try:
        _check_version_name(version, where)
    except CatalogError as exc:
        return Received(version, notes=[_notice("W_CATALOG_INVALID", version, exc.message(lang), lang)])
    staged = _stage(ws, files_doc)
    try:
        loaded = load_catalog(staged)
        _check_keeps_data(ws, loaded, where)
    except InputError as exc:
        shutil.rmtree(staged, ignore_errors=True)
        if exc.code != "catalog_invalid":
            raise  # E_CATALOG_DROPS_DATA: the whole update is refused
        return Received(
            version,
            notes=[
                _notice(
                    "W_CATALOG_INVALID",
                    version,
                    text("catalog_notice_unloadable", lang, reason=exc.message(lang)),
                    lang,
                )
            ],
        )
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
    final = _place(ws, received.staged, received.version)
    received.staged = None
    try:
        reports_repo.settings_set(ws.conn, CATALOG_SETTING, received.version)
    except BaseException:
        _remove(final)
        raise
    on_rollback.append(lambda: _remove(final))
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
    _check_keeps_data(ws, loaded, where)
    staged = _stage(ws, texts)
    final: Path | None = None
    try:
        load_catalog(staged)  # what was written, read back
        with write_transaction(ws):
            final = _place(ws, staged, loaded.version)
            reports_repo.settings_set(ws.conn, CATALOG_SETTING, loaded.version)
    except InputError as exc:
        if final is not None:
            _remove(final)
        if exc.code == "catalog_invalid":
            raise CatalogError("E_CATALOG_INVALID", str(staged), cause=exc) from None
        raise
    except BaseException:
        if final is not None:
            _remove(final)
        raise
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return loaded, final
