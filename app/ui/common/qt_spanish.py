"""Spanish for the few Qt strings that Qt's own ``qtbase_es.qm`` leaves in English (issue 12).

PySide6 ships ``qtbase_es.qm``, but its file dialog still says "Look in:" and "Files of
type:" (and uses Spain's "fichero"). This translator is installed after qtbase's, so Qt
asks it first; for any other string it returns None and Qt falls through to qtbase.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

#: (context, source) → es-MX. Only what qtbase_es lacks or words differently in Mexico.
STRINGS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Buscar en:",
    ("QFileDialog", "Look in:"): "Buscar en:",
    ("QFileDialog", "Files of &type:"): "&Tipo de archivo:",
    ("QFileDialog", "Files of type:"): "Tipo de archivo:",
    ("QFileDialog", "File &name:"): "&Nombre del archivo:",
    ("QFileDialog", "All Files (*)"): "Todos los archivos (*)",
    ("QFileDialog", "Sidebar"): "Barra lateral",
    ("QFileDialog", "Save As"): "Guardar como",
    ("QFileDialog", "Show &hidden files"): "Mostrar archivos &ocultos",
}


class QtSpanishFallback(QTranslator):
    """A QTranslator over :data:`STRINGS`; returns None for everything else."""

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,  # noqa: D102
        n: int = -1,
    ) -> str | None:
        return STRINGS.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API: an "empty" translator is skipped
        return False
