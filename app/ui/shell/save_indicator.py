"""The status bar's save indicator, which never says "Guardado" while something is not stored."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.ui.common import theme


class SaveIndicator(QLabel):
    """ "Guardado ✓", "Guardando…" or why the month is not saved, in the palette's colours."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("save_label")

    def show_state(self, *, rejected: int, saving: bool, failed: bool) -> None:
        """What the indicator says: refused text on screen first, then a write on its way,
        then a last write that failed; only then "Guardado"."""
        if rejected:
            self.setText(
                self.tr("No guardado: {0} celdas con texto rechazado (F8)").format(rejected)
                if rejected > 1
                else self.tr("No guardado: 1 celda con texto rechazado (F8)")
            )
            self.setStyleSheet(theme.text_style("error", bold=True))
        elif saving:
            self.setText(self.tr("Guardando…"))
            self.setStyleSheet(theme.text_style("warning"))
        elif failed:
            self.setText(self.tr("No se guardó el último cambio"))
            self.setStyleSheet(theme.text_style("error", bold=True))
        else:
            self.setText(self.tr("Guardado ✓"))
            self.setStyleSheet(theme.text_style("ok"))
