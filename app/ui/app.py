"""Starting the GUI: QApplication, translations, one instance per data directory, main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app import RESOURCES_DIR, __version__
from app.models.resources import is_frozen
from app.services.system import crash_log
from app.services.system.app_paths import log_dir, settings_file
from app.ui.common.alerts import error_message
from app.ui.common.settings import saved_language
from app.ui.common.startup_heap import hold_collection
from app.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
#: The "coordina" logger is the one with the log file (app/cli/gui_start.py configure_logging).
gui_log = logging.getLogger("coordina.gui")

LOCK_NAME = "coordina.lock"


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("Coordina")
    app.setApplicationName("Coordina")
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Spanish is the source language; English loads coordina_en.qm and Qt's own strings.

    qtbase's translations give standard buttons ("Cancel"/"Cancelar") in the
    chosen language. Returns the translators, which must outlive the app.
    """
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(QLocale("es_MX" if lang == "es" else "en_US"), "qtbase", "_", qt_dir):
        app.installTranslator(qt_base)
        translators.append(qt_base)
    if lang == "es":  # what qtbase_es leaves in English ("Look in:"): asked before qtbase
        from app.ui.common.qt_spanish import QtSpanishFallback

        fallback = QtSpanishFallback(app)
        app.installTranslator(fallback)
        translators.append(fallback)
    if lang == "en":
        ours = QTranslator(app)
        if ours.load(str(RESOURCES_DIR / "i18n" / f"coordina_{lang}.qm")):
            app.installTranslator(ours)
            translators.append(ours)
        else:
            log.warning("English translation not found; the interface stays in Spanish")
    QLocale.setDefault(QLocale("es_MX" if lang == "es" else "en_US"))
    return translators


def create_main_window(data_dir: Path, lang: str = "es") -> MainWindow:
    """A main window on ``data_dir`` (creates the QApplication if needed); used by tests too."""
    hold_collection()
    _application()
    return MainWindow(Path(data_dir), lang)


def run_gui(data_dir: Path, lang: str | None = None) -> int:
    """Run the desktop app on ``data_dir``; returns the process exit code.

    ``lang`` None means the language chosen in Ver → Idioma (Spanish by default).
    A second instance on the same data directory is told and exits with 1, as
    does a data directory that cannot be opened.
    """
    hold_collection()
    app = _application()
    data_dir = Path(data_dir)
    # Before anything else can fail: an uncaught exception or a hard crash must reach the
    # log, since a windowed app has no console to print it on (issue 13).
    from app.ui.common.crash_dialog import CrashNotifier

    notifier = CrashNotifier(app)
    crash_log.install(log_dir(data_dir), notifier.notify)
    lang = lang or saved_language()
    gui_log.info(
        "GUI start: Coordina %s (%s), %s, Python %s, Qt platform %s, lang %s, data dir %s, settings %s",
        __version__,
        "bundle" if is_frozen() else "source",
        _system_text(),
        sys.version.split()[0],
        app.platformName(),
        lang,
        data_dir,
        settings_file(),
    )
    try:
        return _run(app, data_dir, lang)
    finally:
        # The log and faulthandler stay until the process ends (a crash while Qt tears down
        # is still recorded); a message box no longer has a window to belong to.
        crash_log.stop_notifying()


def _system_text() -> str:
    """The operating system for the log's start line ("Linux 6.1.0-18-amd64 x86_64").

    From ``os.uname`` where there is one: ``platform.platform()`` runs ``uname -p`` as a
    child process on Linux, ~5 ms of every start (issue 12).
    """
    if hasattr(os, "uname"):
        name = os.uname()
        return f"{name.sysname} {name.release} {name.machine}"
    import platform  # noqa: PLC0415 - Windows: no uname; this line only

    return platform.platform()


def _run(app: QApplication, data_dir: Path, lang: str) -> int:
    translators = install_translators(app, lang)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        QMessageBox.critical(None, "Coordina", error_message(exc, lang))
        return 1
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # a crashed instance's lock is stale once its process is gone
    if not lock.tryLock(100):
        QMessageBox.warning(
            None,
            "Coordina",
            app.translate(
                "run_gui",
                "Coordina ya está abierto con este directorio de datos:\n{0}\n\n"
                "Use la ventana que ya está abierta; dos ventanas sobre los mismos datos podrían "
                "pisarse los cambios.",
            ).format(data_dir),
        )
        return 1
    try:
        window = MainWindow(data_dir, lang)
        exit_code = {"code": 0}

        def fatal(exc: BaseException) -> None:
            QMessageBox.critical(window, "Coordina", error_message(exc, lang))
            exit_code["code"] = 1
            window.close()

        window.fatal_error.connect(fatal)
        window.show()
        code = app.exec()
        window.shutdown()
        del translators
        gui_log.info("GUI exit: %s", exit_code["code"] or code)
        return exit_code["code"] or code
    finally:
        lock.unlock()
