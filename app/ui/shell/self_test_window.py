"""The self-test's last step: the real main window on the demo, opened, loaded and closed.

Run by ``coordina self-test`` (app/cli/selftest.py passes it to the service as a callable,
since services never import Qt). Without a display the caller has already asked for Qt's
``offscreen`` platform, so the step works from a console, over SSH and in CI.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEventLoop, QTimer, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QImage

from app import RESOURCES_DIR
from app.services.system.self_test import text
from app.services.system.self_test_steps import CheckFailed, Detail
from app.ui.common.alerts import error_message
from app.ui.common.pdf_preview import render_first_page

#: The demo's month loads in about a second; a slow, shared machine gets much longer.
LOAD_TIMEOUT_S = 60

log = logging.getLogger("coordina.selftest.qt")


def _to_log(_kind: object, _context: object, message: str) -> None:
    """Qt's own messages during the step ("This plugin does not support propagateSizeHints()"
    from the offscreen platform) go to the self-test's log, not over its printed lines."""
    log.info("Qt: %s", message)


def _check_english() -> None:
    """The English translation must load (a bundle that lost its .qm is in Spanish only)."""
    from PySide6.QtCore import QTranslator

    qm = RESOURCES_DIR / "i18n" / "coordina_en.qm"
    if not QTranslator().load(str(qm)):
        raise CheckFailed("translation_missing", path=str(qm))


def open_main_window(data_dir: Path, lang: str = "es", pdf: Path | None = None) -> Detail:
    """Open the main window on ``data_dir``, wait until its month is on screen, close it.

    Returns (state, facilities, Qt platform). Raises CheckFailed when the month does not
    load in time, the data cannot be opened, or the month has no facilities.
    """
    from app.ui.app import _application, install_translators
    from app.ui.shell.main_window import MainWindow

    previous = qInstallMessageHandler(_to_log)
    app = _application()
    translators = install_translators(app, lang)
    _check_english()
    window = MainWindow(Path(data_dir), lang)
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def finish(key: str, value: object = True) -> None:
        outcome.setdefault(key, value)
        loop.quit()

    window.session.loaded.connect(lambda: finish("loaded"))
    window.session.load_failed.connect(lambda exc: finish("error", exc))
    window.fatal_error.connect(lambda exc: finish("error", exc))
    QTimer.singleShot(LOAD_TIMEOUT_S * 1000, lambda: finish("timeout"))
    started = time.monotonic()
    try:
        window.show()
        if not outcome:
            loop.exec()
        if "error" in outcome:
            raise CheckFailed("window_failed", error=error_message(cast(BaseException, outcome["error"]), lang))
        if "loaded" not in outcome:
            raise CheckFailed("window_timeout", seconds=int(time.monotonic() - started))
        month = window.session.month
        state = window.catalog.states[window.current_state()].name
        if month is None or not month.facilities:
            raise CheckFailed("window_empty", state=state)
        period = month.period
        platform = QGuiApplication.platformName()
    finally:
        window.close()  # stores queued edits and stops the worker threads
        window.deleteLater()
        app.processEvents()
        for translator in translators:
            app.removeTranslator(translator)
        qInstallMessageHandler(previous)
    _check_chart(Path(data_dir), str(month.state_code), period, lang)
    if pdf is not None and _blank(render_first_page(pdf.read_bytes(), 600)):
        raise CheckFailed("preview_blank")
    words = text(lang)
    return (
        state,
        str(len(month.facilities)),
        platform,
        words["window.preview" if pdf is not None else "window.no_preview"],
    )


def _check_chart(data_dir: Path, state_code: str, period: str, lang: str) -> None:
    """The dashboard's bar chart (Qt Charts), drawn from the month's real summary: a bundle
    that lost the module or its plugins fails here (Qt PDF is checked on step 3's PDF)."""
    from PySide6.QtCharts import QChartView

    from app.services.summary.month_summary import state_summary
    from app.services.workspace import open_workspace
    from app.ui.summary.dashboard_charts import bar_chart

    ws = open_workspace(data_dir)
    try:
        summary = state_summary(ws, state_code, period)
    finally:
        ws.close()
    figures = [f for f in summary.figures.values() if f.unit == "percent" and f.value is not None][:6]
    chart, _bars, _shown = bar_chart("Autoprueba", figures, lang, percent=True)
    view = QChartView(chart)
    view.resize(640, 400)
    if not figures or _blank(view.grab().toImage()):
        raise CheckFailed("chart_blank")


def _blank(image: QImage) -> bool:
    """Whether ``image`` is missing or a single colour (nothing was drawn on it)."""
    if image.isNull():
        return True
    first = image.pixel(0, 0)
    step = max(1, min(image.width(), image.height()) // 40)
    return all(
        image.pixel(x, y) == first for x in range(0, image.width(), step) for y in range(0, image.height(), step)
    )
