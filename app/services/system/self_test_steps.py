"""The steps of ``coordina self-test``: the README's sequence on temporary data directories.

Each step is a function of the shared :class:`Context` that returns a short detail or
raises. They call the same services as the CLI commands (``init``, ``demo``, ``identity
create``, ``report pdf --sign``, ``verify``, ``hq-profile export/import``, ``enrol
export/import``, ``sync export --full``, ``sync import``, ``sync ack``, ``sync update``,
``values export``) in-process, each side on its own data directory under the temporary
folder: a frozen bundle's ``sys.executable`` is the bundle, not a Python to run scripts with.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.models.values import format_number

if TYPE_CHECKING:
    from app.reports.signing.identity import Identity
    from app.services.workspace import Workspace

STATE = "18"  # Nayarit, the reference demo state
PERIOD = "202302"
NAME, POSITION = "Ana Núñez", "Coordinadora estatal"
SIGNED_PDF = "avances-nayarit.pdf"  # step 3 writes it; the window step shows it in Qt PDF
#: What a step found, as the values its line shows (the ``selftest.`` messages format them).
Detail = tuple[str, ...]


class CheckFailed(Exception):
    """A step ran but its result is wrong; ``key`` names the ``selftest.`` message."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class Context:
    """What the steps share: the folders and the two open workspaces."""

    root: Path
    lang: str = "es"
    window: Callable[[Path, Path | None], Detail] | None = None  # the GUI step (app/ui), given by the CLI
    state: Workspace | None = None
    hq: Workspace | None = None
    identity: Identity | None = None
    facilities: int = 0
    values: int = 0
    package: Path | None = None
    # Fresh passphrases each run: nothing made here can open anything else.
    state_pass: bytes = field(default_factory=lambda: secrets.token_urlsafe(18).encode())
    hq_pass: bytes = field(default_factory=lambda: secrets.token_urlsafe(18).encode())

    @property
    def state_dir(self) -> Path:
        return self.root / "estado"

    @property
    def hq_dir(self) -> Path:
        return self.root / "oficinas-centrales"

    @property
    def usb(self) -> Path:
        return self.root / "usb"

    def close(self) -> None:
        """Close both workspaces (before the window opens the state's, and at the end)."""
        for ws in (self.state, self.hq):
            if ws is not None:
                ws.close()
        self.state = self.hq = None


def _n(value: int) -> str:
    return format_number(value)


def step_store(ctx: Context) -> Detail:
    """A new data directory: created, database made and migrated to the latest schema."""
    from app.services.workspace import open_workspace
    from app.storage import migrations

    ctx.root.mkdir(parents=True, exist_ok=True)
    ctx.usb.mkdir(exist_ok=True)
    ctx.state = open_workspace(ctx.state_dir, ctx.lang, user="autoprueba")
    version = migrations.schema_version(ctx.state.conn)
    if version != migrations.LATEST or migrations.schema_of(ctx.state.conn) != migrations.expected_schema(version):
        raise CheckFailed("schema_wrong", version=version, latest=migrations.LATEST)
    return (str(version),)


def step_demo(ctx: Context) -> Detail:
    """``init --role state`` and ``demo``: the Nayarit demonstration data."""
    from app.services.files.demo import build_demo
    from app.services.sync.sync_profile import init_profile
    from app.storage import facilities_repo

    assert ctx.state is not None
    init_profile(ctx.state, "state", STATE, NAME, POSITION)
    made = build_demo(ctx.state, STATE)
    stored = len(facilities_repo.list_facilities(ctx.state.conn, STATE))
    if not made.values or not made.facilities or stored != made.facilities:
        raise CheckFailed("demo_empty", facilities=stored, values=made.values)
    ctx.facilities, ctx.values = made.facilities, made.values
    return _n(made.facilities), _n(made.values)


def step_pdf(ctx: Context) -> Detail:
    """``identity create``, ``report pdf --sign`` and ``verify``; then text and fonts."""
    from app.services.summary import identity as identities
    from app.services.summary.report_pdf import PdfOptions, export_state_pdf
    from app.services.system.self_test_pdf import check_summary_pdf

    assert ctx.state is not None
    p12 = ctx.state_dir / "ana.p12"
    ctx.identity = identities.create_identity_file(ctx.state, NAME, POSITION, STATE, p12, ctx.state_pass)
    pdf = ctx.usb / SIGNED_PDF
    export_state_pdf(ctx.state, STATE, PERIOD, pdf, PdfOptions(layout="slide", lang="es"), ctx.identity)
    verdict = identities.verify_file(ctx.state, pdf)
    if verdict.exit_code != 0:
        raise CheckFailed("pdf_not_verified", code=verdict.exit_code, problem=verdict.problem_text(ctx.lang) or "?")
    fonts = check_summary_pdf(pdf)
    return _n(pdf.stat().st_size // 1024), fonts


def step_hq(ctx: Context) -> Detail:
    """``init --role hq``, ``hq-profile export`` at HQ, ``hq-profile import`` at the state."""
    from app.services.sync import sync_profile
    from app.services.workspace import open_workspace

    assert ctx.state is not None
    ctx.hq = open_workspace(ctx.hq_dir, ctx.lang, user="autoprueba-oc")
    sync_profile.init_profile(ctx.hq, "hq", passphrase=ctx.hq_pass)
    fingerprint = sync_profile.export_hq_profile(ctx.hq, ctx.usb / "hq.json")
    sync_profile.import_hq_profile(ctx.state, ctx.usb / "hq.json", fingerprint)
    return (fingerprint[:9],)


def step_enrol(ctx: Context) -> Detail:
    """``enrol export`` at the state, ``enrol import`` at HQ with the fingerprint."""
    from app.services.sync import sync_enrol

    assert ctx.state is not None and ctx.hq is not None
    fingerprint = sync_enrol.export_enrolment(ctx.state, ctx.usb / "enrol-nayarit.json")
    reg = sync_enrol.import_enrolment(ctx.hq, ctx.usb / "enrol-nayarit.json", fingerprint=fingerprint)
    if reg.state_code != STATE or not reg.active:
        raise CheckFailed("enrol_wrong", state=reg.state_code)
    return (fingerprint[:9],)


def step_package(ctx: Context) -> Detail:
    """``sync export --full --sign`` at the state, ``sync import`` at HQ: values and units."""
    from app.services.sync.sync_export import export_package
    from app.services.sync.sync_import import import_packages
    from app.storage import facilities_repo, values_repo

    assert ctx.state is not None and ctx.hq is not None and ctx.identity is not None
    made = export_package(ctx.state, ctx.usb, ctx.identity, full=True)
    ctx.package = made.path
    result = import_packages(ctx.hq, [made.path])[0]
    if result.summary["status"] != "SUCCESS":
        raise CheckFailed("import_refused", file=made.path.name, why=result.summary["description"])
    # A new HQ: everything it holds came in this package (units and state-level values alike).
    units = facilities_repo.count_by_state(ctx.hq.conn).get(STATE, 0)
    values = values_repo.value_row_count(ctx.hq.conn)
    if units != ctx.facilities or values != made.values or made.facilities != ctx.facilities:
        raise CheckFailed(
            "hq_counts", units=units, expected_units=ctx.facilities, values=values, expected_values=made.values
        )
    return made.path.name, _n(values), _n(units)


def step_return(ctx: Context) -> Detail:
    """``sync ack`` and ``sync update`` at HQ, both imported at the state; then both sides
    export the state's values (``values export``) and the files must be identical."""
    from app.services.files.value_files import export_values
    from app.services.sync.sync_ack import make_ack, make_update
    from app.services.sync.sync_import import import_packages

    assert ctx.state is not None and ctx.hq is not None
    ack = make_ack(ctx.hq, STATE, ctx.usb)
    update = make_update(ctx.hq, STATE, ctx.usb)
    for result in import_packages(ctx.state, [ack, update]):
        if not result.ok:
            raise CheckFailed("import_refused", file=result.path.name, why=result.summary["description"])
    at_hq, at_state = ctx.usb / "oc-18.csv", ctx.usb / "nayarit-18.csv"
    rows = export_values(ctx.hq, at_hq, "csv", STATE)
    export_values(ctx.state, at_state, "csv", STATE)
    if at_hq.read_bytes() != at_state.read_bytes():
        raise CheckFailed("values_differ", left=at_hq.name, right=at_state.name)
    return (_n(rows),)


def step_window(ctx: Context) -> Detail:
    """The main window on the state's data directory (offscreen without a display)."""
    ctx.close()  # the window opens the data directory itself, as the GUI does
    if ctx.window is None:
        raise CheckFailed("no_window")
    pdf = ctx.usb / SIGNED_PDF  # step 3's signed summary, shown in Qt PDF's preview
    return ctx.window(ctx.state_dir, pdf if pdf.is_file() else None)


@dataclass(frozen=True)
class Step:
    key: str
    run: Callable[[Context], Detail]
    needs: tuple[str, ...] = ()


STEPS: tuple[Step, ...] = (
    Step("store", step_store),
    Step("demo", step_demo, ("store",)),
    Step("pdf", step_pdf, ("demo",)),
    Step("hq", step_hq, ("demo",)),
    Step("enrol", step_enrol, ("pdf", "hq")),
    Step("package", step_package, ("enrol",)),
    Step("return", step_return, ("package",)),
    Step("window", step_window, ("demo",)),
)
