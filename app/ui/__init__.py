"""PySide6 user interface. The only package that imports Qt.

Qt's core is imported with the package, before any screen's module, so that PySide's check
of each module imported after it is the cheap one (app/ui/common/feature_scan.py).
"""

import PySide6.QtCore  # noqa: F401 - loads PySide's feature module, which install() adjusts

from app.ui.common.feature_scan import install as _install_feature_scan

_install_feature_scan()
