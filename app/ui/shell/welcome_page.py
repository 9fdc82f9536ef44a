"""What a first start shows: a welcome and two ways to begin (demo data or the CLUES file)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.common import theme


class WelcomePage(QWidget):
    """Empty data directory: offer the demo (Nayarit, February 2023) or a facility import."""

    demo_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        column = QWidget()
        # A definite width lets the wrapped labels compute their height (no overlap).
        column.setFixedWidth(640)
        layout = QVBoxLayout(column)
        self._build_intro(layout)
        layout.addSpacing(18)
        self._build_demo(layout)
        layout.addSpacing(12)
        self._build_import(layout)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def _build_intro(self, layout: QVBoxLayout) -> None:
        """The large welcome title and what the application is for."""
        title = QLabel(self.tr("Le damos la bienvenida a Coordina"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Aquí registrará cada mes el estatus, el personal, los servicios, el abasto, la acción "
                "comunitaria y la infraestructura de las unidades de su estado. Cada dato se guarda al "
                "momento en este equipo, también sin conexión."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(intro)

    def _build_demo(self, layout: QVBoxLayout) -> None:
        """The big default button that loads the demo data, with its hint."""
        self.demo_button = QPushButton(self.tr("Cargar datos de demostración (Nayarit, febrero 2023)"))
        self.demo_button.setMinimumHeight(48)
        big = QFont(self.demo_button.font())
        big.setPointSizeF(big.pointSizeF() * 1.2)
        big.setBold(True)
        self.demo_button.setFont(big)
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.demo_requested)
        layout.addWidget(self.demo_button)
        layout.addWidget(
            self._hint(
                self.tr(
                    "Unidades y cifras de ejemplo, basadas en las cifras publicadas y marcadas como DEMO "
                    "en todas partes. Sirve para conocer la aplicación."
                )
            )
        )

    def _build_import(self, layout: QVBoxLayout) -> None:
        """The button that imports a CLUES catalogue file, with its hint."""
        self.import_button = QPushButton(self.tr("Importar unidades…"))
        self.import_button.setMinimumHeight(36)
        self.import_button.clicked.connect(self.import_requested)
        layout.addWidget(self.import_button)
        layout.addWidget(
            self._hint(
                self.tr(
                    "Un archivo CSV o Excel con el catálogo CLUES de la DGIS: verá una vista previa antes de guardar."
                )
            )
        )

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(theme.text_style("muted"))
        return label
