"""Open every top-level window and dialog of the app on one screen size and measure it.

Run in a process of its own, because the screen is fixed when QApplication starts:

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python -m tests.ui.fit_probe OUT.json
    xvfb-run -a -s "-screen 0 1024x768x24" python -m tests.ui.fit_probe OUT.json --shots DIR --demo

Writes, per window, its frame, the screen's available geometry and every visible push
button (dialog-box buttons included) with its place; ``tests/ui/test_screen_fit.py``
asserts on that. With ``--shots`` it also saves a grab of the whole screen per window
(``<name>_<width>.png``): what the person would see, with anything off-screen cut off.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QRect, QThread
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialogButtonBox, QPushButton, QWidget

STATE, PERIOD = "18", "202302"


def settle(until: Callable[[], bool] = lambda: True, timeout_ms: int = 15000) -> None:
    """Process events until ``until()`` holds, then let layouts and paints finish."""
    deadline = QDeadlineTimer(timeout_ms)
    while not until() and not deadline.hasExpired():
        QApplication.processEvents()
        QThread.msleep(5)
    for _ in range(25):
        QApplication.processEvents()
        QThread.msleep(4)


@dataclass
class Ctx:
    """What the window factories need: the main window and the data behind it."""

    window: object  # MainWindow
    work: Path
    hospital: str


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def measure(widget: QWidget) -> dict:
    """The window's frame, its screen's available area and its visible buttons (global rects)."""
    screen = widget.screen()
    frame = widget.frameGeometry()
    buttons = []
    for button in widget.findChildren(QPushButton):
        if not button.isVisibleTo(widget) or button.window() is not widget:
            continue
        top_left = button.mapToGlobal(button.rect().topLeft())
        box = button.parentWidget()
        buttons.append(
            {
                "text": button.text().replace("&", ""),
                "rect": _rect(QRect(top_left, button.size())),
                "in_box": isinstance(box, QDialogButtonBox),
                "scrollable": _in_scroll_area(button, widget),
                "min_width": button.minimumSizeHint().width(),
            }
        )
    return {
        "class": type(widget).__name__,
        "frame": _rect(frame),
        "geometry": _rect(widget.geometry()),
        "available": _rect(screen.availableGeometry()),
        "minimum": [widget.minimumSizeHint().width(), widget.minimumSizeHint().height()],
        "buttons": buttons,
    }


# -- the windows -----------------------------------------------------------------------------
def _dashboard(c: Ctx) -> QWidget:
    from app.ui.summary.dashboard_window import DashboardWindow

    w = c.window
    dash = DashboardWindow(w.tasks, w.catalog, w.lang, w._summary_actions, w)
    dash.load(STATE, PERIOD)
    return dash


def _consolidation(c: Ctx) -> QWidget:
    from app.ui.national.consolidation_window import ConsolidationWindow

    w = c.window
    return ConsolidationWindow(w.tasks, w.catalog, w.lang, PERIOD, w)


def _facility_form(c: Ctx) -> QWidget:
    from app.ui.facilities.facility_form import FacilityFormDialog

    return FacilityFormDialog(c.window.session, c.hospital, c.window)


def _facilities(c: Ctx) -> QWidget:
    from app.ui.facilities.facilities_dialog import FacilitiesDialog

    w = c.window
    return FacilitiesDialog(w.tasks, w.catalog, w.lang, w)


def _facility_editor(c: Ctx) -> QWidget:
    from app.services.workspace import open_workspace
    from app.storage import facilities_repo
    from app.ui.facilities.facility_editor import FacilityEditorDialog

    w = c.window
    ws = open_workspace(w.data_dir, user="probe")
    try:
        facility = facilities_repo.get_facility(ws.conn, c.hospital)
    finally:
        ws.close()
    return FacilityEditorDialog(w.tasks, w.catalog, w.lang, facility, w)


def _import_preview(c: Ctx) -> QWidget:
    from app.ui.facilities.import_preview_dialog import FacilityImportDialog
    from tools.screenshots.screenshots_dialogs import import_file

    w = c.window
    return FacilityImportDialog(w.tasks, w.catalog, w.lang, import_file(c.work), w)


def _export(c: Ctx) -> QWidget:
    from app.ui.summary.export_dialog import ExportDialog

    w = c.window
    return ExportDialog(w.tasks, w.catalog, w.lang, STATE, PERIOD, w)


def _batch_export(c: Ctx) -> QWidget:
    from app.ui.summary.batch_export_dialog import BatchExportDialog

    w = c.window
    return BatchExportDialog(w.tasks, w.catalog, w.lang, PERIOD, w)


def _verify(c: Ctx) -> QWidget:
    from app.ui.summary.verify_dialog import VerifyDialog

    return VerifyDialog(c.window.tasks, c.window.lang, c.window)


def _history(c: Ctx) -> QWidget:
    from app.models.values import ValueKey
    from app.ui.entry.history_dialog import HistoryDialog

    w = c.window
    return HistoryDialog(w.tasks, w.catalog, ValueKey(c.hospital, PERIOD, "camas_censables"), w.lang, w)


def _simple(module: str, cls: str, with_state: bool = False, with_period: bool = False):
    def make(c: Ctx) -> QWidget:
        import importlib

        klass = getattr(importlib.import_module(module), cls)
        w = c.window
        args = [w.tasks, w.catalog, w.lang]
        if with_state:
            args.append(STATE)
        if with_period:
            args.append(PERIOD)
        return klass(*args, parent=w)

    return make


def _backups(c: Ctx) -> QWidget:
    from app.ui.files.backups_dialog import BackupsDialog

    return BackupsDialog(c.window.tasks, c.window.lang, c.window)


def _comment(c: Ctx) -> QWidget:
    from app.ui.entry.comment_dialog import CommentDialog

    return CommentDialog(
        "Hospital Integral Comunitario de Santa María del Oro — Camas censables",
        "Se habilitó el área de pediatría",
        c.window,
    )


def _passphrase(c: Ctx) -> QWidget:
    from app.ui.common.passphrase_dialog import PassphraseDialog

    return PassphraseDialog("Contraseña de firma_nayarit.p12", c.window)


def _enrolment(c: Ctx) -> QWidget:
    from app.ui.sync.fingerprint_dialogs import EnrolmentConfirm, EnrolmentInfo

    info = EnrolmentInfo(
        STATE, "Nayarit", "Lucía Hernández Ávila", "Coordinadora estatal de Nayarit", " ".join(["3F9A"] * 16)
    )
    return EnrolmentConfirm(info, parent=c.window)


def _revoke(c: Ctx) -> QWidget:
    from app.storage.sync_repo import Registration
    from app.ui.sync.fingerprint_dialogs import RevokeDialog

    reg = Registration("3F9A" * 16, STATE, "Lucía Hernández Ávila", b"", "2023-01-05T10:00:00+00:00", None, None)
    return RevokeDialog(reg, "Nayarit", c.window)


def _hq_passphrase(c: Ctx) -> QWidget:
    from app.ui.sync.hq_unlock import HqPassphraseDialog

    return HqPassphraseDialog(True, c.window)


def _hq_profile_confirm(c: Ctx) -> QWidget:
    from app.ui.sync.hq_profile_confirm import HqProfileConfirm, HqProfileInfo

    info = HqProfileInfo("Oficinas centrales IMSS-BIENESTAR", " ".join(["3F9A"] * 16), False, "")
    return HqProfileConfirm(info, c.window)


def _first_run(c: Ctx) -> QWidget:
    from app.ui.shell.first_run_wizard import FirstRunWizard  # issue 12 "H"; absent before it lands

    return FirstRunWizard(c.window, c.window)


def _help(c: Ctx) -> QWidget:
    from app.ui.shell.help_window import HelpWindow  # issue 12 "I"; absent before it lands

    return HelpWindow(c.window.lang, c.window)


def _progress(c: Ctx) -> QWidget:
    from app.ui.common.progress_dialog import run_with_progress

    def slow(_ws, _progress):
        QThread.msleep(1500)

    dialog = run_with_progress(c.window, c.window.tasks, "Cargando datos de demostración…", slow, lambda _r: None)
    dialog.setMinimumDuration(0)
    return dialog


WINDOWS: list[tuple[str, Callable[[Ctx], QWidget]]] = [
    ("dashboard", _dashboard),
    ("consolidation", _consolidation),
    ("facility_form", _facility_form),
    ("facilities", _facilities),
    ("facility_editor", _facility_editor),
    ("import_preview", _import_preview),
    ("export", _export),
    ("batch_export", _batch_export),
    ("verify", _verify),
    ("history", _history),
    ("outbox", _simple("app.ui.sync.outbox_dialog", "OutboxDialog")),
    ("respond", _simple("app.ui.sync.respond_dialog", "RespondDialog")),
    ("targets", _simple("app.ui.summary.targets_dialog", "TargetsDialog")),
    ("section_notes", _simple("app.ui.entry.section_notes_dialog", "SectionNotesDialog", True, True)),
    ("import_packages", _simple("app.ui.files.import_dialog", "ImportDialog")),
    ("profile", _simple("app.ui.sync.profile_dialog", "ProfileDialog", True)),
    ("identity", _simple("app.ui.summary.identity_dialog", "IdentityDialog", True)),
    ("conflicts", _simple("app.ui.sync.conflicts_dialog", "ConflictsDialog")),
    ("backups", _backups),
    ("comment", _comment),
    ("passphrase", _passphrase),
    ("enrolment_confirm", _enrolment),
    ("revoke", _revoke),
    ("hq_passphrase", _hq_passphrase),
    ("hq_profile_confirm", _hq_profile_confirm),
    ("progress", _progress),
]
if importlib.util.find_spec("app.ui.shell.first_run_wizard") is not None:
    WINDOWS.append(("first_run", _first_run))
if importlib.util.find_spec("app.ui.shell.help_window") is not None:
    WINDOWS.append(("help", _help))


def prepare(data_dir: Path, demo: bool) -> str:
    """Facilities and values to show; returns a hospital's CLUES."""
    if demo:
        from tools.screenshots.screenshots_dialogs import prepare as demo_prepare

        return demo_prepare(data_dir)
    from tests.ui.dialog_fixtures import HOSPITAL, seed

    seed(data_dir)
    return HOSPITAL


def run(out: Path, shots: Path | None, demo: bool, only: set[str] | None, lang: str = "es") -> dict:
    """Open the main window, then every window of :data:`WINDOWS` over it; measure each."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.ui.app import create_main_window, install_translators

    translators = install_translators(app, lang)  # noqa: F841 - kept alive for the run
    work = Path(tempfile.mkdtemp(prefix="coordina-fit-"))
    data_dir = work / "data"
    data_dir.mkdir()
    hospital = prepare(data_dir, demo)
    size = app.primaryScreen().geometry().width()
    window = create_main_window(data_dir, lang)
    window.show()
    settle(lambda: window.session.month is not None)
    if (window.session.state_code, window.session.period) != (STATE, PERIOD):
        window.select_month(STATE, PERIOD)
        settle(
            lambda: (
                window.session.period == PERIOD
                and not window.session.is_loading()
                and not window.session.history_pending()
            )
        )
    settle(lambda: not window.tasks.is_busy())
    results: dict[str, dict] = {}
    if only is None or "main" in only:
        results["main"] = measure(window)
        _shot(app, shots, "main", size)
    ctx = Ctx(window, work, hospital)
    for name, make in WINDOWS:
        if only is not None and name not in only:
            continue
        widget = make(ctx)
        widget.show()
        settle(lambda: not window.tasks.is_busy(), timeout_ms=8000)
        results[name] = measure(widget)
        _shot(app, shots, name, size)
        widget.close()
        widget.deleteLater()
        settle()
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    window.close()
    settle()
    return results


def _shot(app: QApplication, shots: Path | None, name: str, size: int) -> None:
    if shots is None:
        return
    shots.mkdir(parents=True, exist_ok=True)
    app.primaryScreen().grabWindow(0).save(str(shots / f"{name}_{size}.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--demo", action="store_true", help="the Nayarit demo instead of the test facilities")
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--lang", default="es")
    args = parser.parse_args(argv)
    run(args.out, args.shots, args.demo, set(args.only) if args.only else None, args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
