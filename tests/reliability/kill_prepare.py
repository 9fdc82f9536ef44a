"""What the kill -9 harness works on, built once per session and copied for every kill.

``prepare(root, demo_db)`` leaves in ``root``:

- ``templates/state``: two months of the Nayarit demo with a state profile, HQ's public profile imported and
  the coordinator enrolled at HQ (as tests/sync/conftest.py builds it);
- ``templates/restore``: the same, with a manual backup taken before a batch of edits;
- ``templates/small``: a state with a few thousand values (quick to export), same profile;
- ``templates/hq``: headquarters with Nayarit's facilities and the coordinator registered;
- ``templates/old``: the state's facilities, values and change log in a schema-1 database;
- ``inputs/``: signed sync packages (several, in sequence), a values file as CSV and XLSX and
  the coordinator's ``ana.p12``.

A kill copies one template (``shutil.copytree``) and never rebuilds anything.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

PASSPHRASE = b"frase de paso"
STATE = "18"
PERIOD = "202302"
#: Values changed by the ``values import`` file (CSV and XLSX carry the same rows).
IMPORT_ROWS = 600
#: Values of the small state that ``sync export`` and the sync packages carry.
SMALL_VALUES = 1500
#: Months of the demo the state templates hold (the last is the month edited and imported).
STATE_PERIODS = ("202301", "202302")
#: Sync packages prepared for ``sync import`` (the first carries every demo value).
PACKAGES = 4


@dataclass(frozen=True)
class Kit:
    """Where the prepared templates and inputs are."""

    root: Path

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def inputs(self) -> Path:
        return self.root / "inputs"

    def template(self, name: str) -> Path:
        return self.templates / name


def _numeric_cells(conn: sqlite3.Connection, catalog, period: str, limit: int) -> list[tuple]:
    """(org_unit, variable, option, value) of stored counts of the month, in a stable order."""
    counts = {code for code, v in catalog.variables.items() if v.unit == "count"}
    rows = conn.execute(
        "SELECT org_unit, variable, disaggregation, value FROM data_values WHERE period = ? "
        "AND typeof(value) IN ('integer', 'real') ORDER BY org_unit, variable, disaggregation",
        (period,),
    ).fetchall()
    return [r for r in rows if r[1] in counts][:limit]


def _values_files(ws, inputs: Path) -> None:
    """The same IMPORT_ROWS changed counts as a long-format CSV and XLSX."""
    from app.services.files.value_files import LONG_COLUMNS
    from app.storage.tabular import write_table

    cells = _numeric_cells(ws.conn, ws.catalog, PERIOD, IMPORT_ROWS)
    rows = [[org, PERIOD, var, opt, int(value) + 7, "importado"] for org, var, opt, value in cells]
    for suffix in ("csv", "xlsx"):
        write_table(inputs / f"values.{suffix}", LONG_COLUMNS, rows, sheet_name="valores")


def _edit_some(ws, offset: int, count: int) -> None:
    from app.models.values import ValueChange, ValueKey
    from app.services.entry.month_values import record_changes

    cells = _numeric_cells(ws.conn, ws.catalog, PERIOD, offset + count)[offset:]
    record_changes(ws, [ValueChange(ValueKey(org, PERIOD, var, opt), int(value) + 1) for org, var, opt, value in cells])


def _hq(root: Path, demo_db: Path, exchange: Path):
    from app.services.sync import sync_profile
    from app.services.workspace import open_workspace
    from app.storage import facilities_repo

    hq = open_workspace(root / "templates" / "hq", user="analista")
    sync_profile.init_profile(hq, "hq")
    sync_profile.export_hq_profile(hq, exchange / "hq.json")
    demo = open_workspace(demo_db.parent, user="demo")
    try:
        facilities = facilities_repo.list_facilities(demo.conn, STATE)
    finally:
        demo.close()
    with hq.db.atomic():
        facilities_repo.upsert_facilities(hq.conn, facilities, "2023-01-01T00:00:00+00:00")
    return hq


def _demo_months(demo_db: Path, periods: tuple[str, ...]):
    """Nayarit's facilities and the demo's values of ``periods`` (as ValueChanges)."""
    from app.models.values import ValueChange
    from app.services.workspace import open_workspace
    from app.storage import facilities_repo, values_repo

    demo = open_workspace(demo_db.parent, user="demo")
    try:
        facilities = facilities_repo.list_facilities(demo.conn, STATE)
        changes = [
            ValueChange(v.key, v.value, v.comment or None, v.provisional, v.follow_up)
            for period in periods
            for v in values_repo.all_values(demo.conn, STATE, period)
        ]
    finally:
        demo.close()
    return facilities, changes


def _state(demo_db: Path, folder: Path, hq, exchange: Path, inputs: Path):
    """The demo's last STATE_PERIODS months in a state's data directory, enrolled at HQ.

    Two months, not the demo's six: each kill's checks verify the whole change-log chain
    twice (here and in ``main.py check``; 1.9 s for the six months' 54,000 rows), and
    there are hundreds of kills.
    """
    from app.services.summary import identity as identities
    from app.services.sync import sync_enrol, sync_profile
    from app.services.workspace import now_iso, open_workspace, write_transaction
    from app.storage import facilities_repo, values_repo

    facilities, changes = _demo_months(demo_db, STATE_PERIODS)
    state = open_workspace(folder, user="ana")
    with write_transaction(state):
        facilities_repo.upsert_facilities(state.conn, facilities, now_iso())
        values_repo.apply_changes(state.conn, changes, "demo", "demo", now_iso())
    sync_profile.init_profile(state, "state", STATE, name="Ana Núñez", position="Coordinadora estatal")
    sync_profile.import_hq_profile(state, exchange / "hq.json", confirmed=True)
    identities.create_identity_file(state, "Ana Núñez", "Coordinadora estatal", STATE, inputs / "ana.p12", PASSPHRASE)
    sync_enrol.export_enrolment(state, exchange / "enrol.json")
    sync_enrol.import_enrolment(hq, exchange / "enrol.json", confirmed=True)
    return state


def _small_state(kit: Kit, demo_db: Path, inputs: Path, exchange: Path) -> None:
    """A state holding SMALL_VALUES of the demo's month, for quick exports and packages.

    The demo's 54,000 values make a package that takes seconds to write and to import: the
    kills would then mostly land in one long step. The same identity signs its packages.
    """
    from app.models.values import ValueChange, ValueKey
    from app.services.entry.month_values import record_changes
    from app.services.sync import sync_profile
    from app.services.workspace import open_workspace
    from app.storage import facilities_repo

    demo = open_workspace(demo_db.parent, user="demo")
    try:
        facilities = facilities_repo.list_facilities(demo.conn, STATE)
        cells = _numeric_cells(demo.conn, demo.catalog, PERIOD, SMALL_VALUES)
    finally:
        demo.close()
    ws = open_workspace(kit.template("small"), user="ana")
    try:
        with ws.db.atomic():
            facilities_repo.upsert_facilities(ws.conn, facilities, "2023-01-01T00:00:00+00:00")
        sync_profile.init_profile(ws, "state", STATE, name="Ana Núñez", position="Coordinadora estatal")
        sync_profile.import_hq_profile(ws, exchange / "hq.json", confirmed=True)
        record_changes(ws, [ValueChange(ValueKey(org, PERIOD, var, opt), value) for org, var, opt, value in cells])
    finally:
        ws.close()


def _packages(kit: Kit, inputs: Path) -> None:
    """PACKAGES signed packages of one device in sequence, made on a scratch copy of the small state.

    Nothing is acknowledged, so each package carries every value so far (a few thousand).
    """
    from app.services.summary import identity as identities
    from app.services.sync.sync_export import export_package
    from app.services.workspace import open_workspace

    scratch = kit.root / "scratch-state"
    shutil.copytree(kit.template("small"), scratch)
    identity = identities.load_identity(p12=inputs / "ana.p12", passphrase=PASSPHRASE)
    ws = open_workspace(scratch, user="ana")
    try:
        for number in range(PACKAGES):
            if number:
                _edit_some(ws, number * 50, 50)
            export_package(ws, inputs / "packages", identity)
    finally:
        ws.close()
    shutil.rmtree(scratch)


def _old_schema(demo_db: Path, folder: Path) -> None:
    """The demo's rows in a schema-1 database, so opening it runs every later migration."""
    from app.storage.database import DB_FILENAME
    from app.storage.migrations import migrate

    folder.mkdir(parents=True)
    conn = sqlite3.connect(str(folder / DB_FILENAME), isolation_level=None)
    migrate(conn, target=1)
    conn.execute("ATTACH DATABASE ? AS demo", (str(demo_db),))
    conn.execute("BEGIN")
    for table in ("facilities", "data_values", "change_log"):
        columns = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
        names = ", ".join(columns)
        conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM demo.{table}")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE demo")
    conn.close()


def prepare(root: Path, demo_db: Path) -> Kit:
    """Build every template and input under ``root`` (see the module's docstring)."""
    from app.services.files.backup import backup_now
    from app.services.workspace import open_workspace

    kit = Kit(Path(root))
    inputs = kit.inputs
    exchange = kit.root / "exchange"
    for folder in (inputs / "packages", exchange, kit.templates):
        folder.mkdir(parents=True, exist_ok=True)
    hq = _hq(kit.root, demo_db, exchange)
    try:
        state = _state(demo_db, kit.template("state"), hq, exchange, inputs)
    finally:
        hq.close()
    try:
        _values_files(state, inputs)
    finally:
        state.close()  # checkpoints the WAL: the template's .db alone is complete
    _small_state(kit, demo_db, inputs, exchange)
    _packages(kit, inputs)

    shutil.copytree(kit.template("state"), kit.template("restore"))
    ws = open_workspace(kit.template("restore"), user="ana")
    try:
        backup_now(ws, "manual")
        _edit_some(ws, 0, 200)  # the backup differs from the database it will replace
    finally:
        ws.close()
    _old_schema(kit.template("state") / "coordina.db", kit.template("old"))
    return kit
