"""Issue 12, "Screens that fit": every window and dialog opens within the screen and is usable at 1024×768.

The screen size is fixed when QApplication starts, so each size runs
``tests/ui/fit_probe.py`` in a process of its own on Qt's offscreen platform with a
JSON screen configuration (``offscreen:configfile=...``); the probe opens the real main
window on a real data directory and every window and dialog over it, and reports frames
and buttons, which the tests below check. The remaining tests run here, on real widgets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QVBoxLayout

from app.ui.common import settings
from app.ui.common.window_fit import FRAME_ALLOWANCE, clamp_rect, fit_window
from tests.ui.shell.test_main_window import open_window

from .fit_probe import WINDOWS

REPO = Path(__file__).resolve().parents[2]
SIZES = [(1366, 768), (1024, 768)]
NAMES = ["main"] + [name for name, _make in WINDOWS]
#: A taskbar of this height is common on the coordinators' laptops; the offscreen screen has
#: none, so a window's minimum size must leave room for it (and for a title bar).
TASKBAR = 40


@pytest.fixture(scope="module")
def probed(tmp_path_factory) -> dict[tuple[int, int], dict]:
    """Each screen size's probe report (one subprocess per size, for the whole module)."""
    reports = {}
    for width, height in SIZES:
        work = tmp_path_factory.mktemp(f"fit{width}")
        config = work / "screen.json"
        config.write_text(
            json.dumps(
                {
                    "screens": [
                        {
                            "name": f"Laptop{width}",
                            "x": 0,
                            "y": 0,
                            "width": width,
                            "height": height,
                            "logicalDpi": 96,
                            "logicalBaseDpi": 96,
                            "dpr": 1,
                        }
                    ]
                }
            ),
            encoding="utf-8",
        )
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=f"offscreen:configfile={config}",
            XDG_CONFIG_HOME=str(work / "config"),
            XDG_DATA_HOME=str(work / "data"),
            PYTHONPATH=str(REPO),
        )
        out = work / "report.json"
        done = subprocess.run(
            [sys.executable, "-m", "tests.ui.fit_probe", str(out)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        reports[(width, height)] = json.loads(out.read_text(encoding="utf-8"))
    return reports


def _inside(inner: list[int], outer: list[int]) -> bool:
    return QRect(*outer).contains(QRect(*inner))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("name", NAMES)
def test_window_fits_and_its_buttons_are_visible(probed, size, name):
    report = probed[size][name]
    available = report["available"]
    assert available[2:] == list(size), "the probe did not run on the requested screen"
    assert _inside(report["frame"], available), f"{name} at {size}: frame {report['frame']} leaves {available}"
    # Usable with a title bar and a taskbar too: the window may be shrunk that far.
    min_w, min_h = report["minimum"]
    assert min_w <= available[2] - FRAME_ALLOWANCE.width(), f"{name} cannot be narrower than {min_w} px"
    assert min_h <= available[3] - FRAME_ALLOWANCE.height() - TASKBAR, f"{name} cannot be lower than {min_h} px"
    for button in report["buttons"]:
        if button["scrollable"] and not button["in_box"]:
            continue  # inside a list or scroll area: reached by scrolling
        label = f"{name} at {size}: button «{button['text']}» {button['rect']}"
        assert _inside(button["rect"], report["frame"]), f"{label} is outside its window {report['frame']}"
        assert _inside(button["rect"], available), f"{label} is off-screen"
        assert button["rect"][2] >= button["min_width"], f"{label} is too narrow for its text"


def test_the_probe_opens_every_top_level_dialog_class():
    """A new dialog class must be added to the probe, or its fit is never checked."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "app" / "ui").rglob("*.py"))
    probe = (REPO / "tests" / "ui" / "fit_probe.py").read_text(encoding="utf-8")
    import re

    classes = set(re.findall(r"^class (\w+)\((?:QDialog|JobDialog|QMainWindow)\)", source, re.M))
    classes |= set(re.findall(r"^class (\w+Window)\(QWidget\)", source, re.M))
    # ShellWindow is MainWindow as its menus see it (an interface, never opened itself).
    missing = sorted(c for c in classes - {"JobDialog", "MainWindow", "ShellWindow"} if c not in probe)
    assert not missing, f"not opened by tests/ui/fit_probe.py: {missing}"


# -- fit_window itself, on this process's screen --------------------------------------------
def _dialog(qtbot, name: str, width: int, height: int) -> QDialog:
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    layout.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
    fit_window(dialog, name, width, height)
    qtbot.addWidget(dialog)
    return dialog


def test_a_window_larger_than_the_screen_opens_within_it(qtbot):
    area = QApplication.primaryScreen().availableGeometry()
    dialog = _dialog(qtbot, "big", area.width() + 500, area.height() + 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert area.contains(dialog.frameGeometry())
    assert dialog.height() <= area.height() - FRAME_ALLOWANCE.height()


def test_size_and_place_are_remembered(qtbot):
    first = _dialog(qtbot, "remembered", 400, 300)
    first.show()
    qtbot.waitExposed(first)
    first.resize(420, 310)
    first.move(30, 40)
    first.reject()  # hidden: the place is saved
    second = _dialog(qtbot, "remembered", 400, 300)
    second.show()
    qtbot.waitExposed(second)
    assert (second.pos().x(), second.pos().y(), second.width(), second.height()) == (30, 40, 420, 310)


def test_a_place_on_a_screen_that_is_gone_comes_back_on_screen(qtbot):
    # Saved on a second monitor to the right, which is no longer plugged in; and too big.
    settings.app_settings().setValue("window/gone", QRect(5000, 2000, 3000, 2500))
    dialog = _dialog(qtbot, "gone", 400, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert QApplication.primaryScreen().availableGeometry().contains(dialog.frameGeometry())


def test_clamp_rect_keeps_the_minimum_and_moves_inside():
    area = QRect(0, 0, 1008, 728)
    assert clamp_rect(QRect(900, 700, 400, 300), area) == QRect(608, 428, 400, 300)
    assert clamp_rect(QRect(-50, -20, 2000, 900), area) == QRect(0, 0, 1008, 728)


# -- the grid at 1024 -----------------------------------------------------------------------
def test_names_give_way_to_value_columns_in_a_narrow_grid(qtbot, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    window.resize(1008, 728)
    qtbot.wait(50)
    names = window.entry.grid.verticalHeader()
    assert names.width() <= int(window.entry.grid.width() * 0.3) + 1
    window.resize(1900, 1000)
    qtbot.wait(50)
    assert names.maximumWidth() == 340


def test_after_ctrl_pgdn_a_current_cell_is_highlighted(qtbot, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    grid = window.entry.grid
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    before = window.entry.section_tabs.currentIndex()
    qtbot.keyClick(grid, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: window.entry.section_tabs.currentIndex() == (before + 1) % window.entry.section_tabs.count()
    )
    current = grid.currentIndex()
    assert current.isValid()
    assert grid.selectionModel().isSelected(current)
    assert grid.hasFocus()  # the highlight is drawn as active, and typing goes to the cell
    assert grid.viewport().rect().intersects(grid.visualRect(current))
