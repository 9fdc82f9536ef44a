"""Error and warning codes in plain Spanish: what happened and what to do, the code kept for support.

Codes such as ``W_CONFLICT`` or ``E_TRUNCATED`` are stable (tests, the CLI's JSON and import
summaries use them) and stay in every message, but at the end, in parentheses
("(código E_TRUNCATED)"), after a sentence a coordinator can act on.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_LEADING_CODE = re.compile(r"^\[([A-Z][A-Z0-9_]+)\]\s*")


def _meanings() -> dict[str, str]:
    # Written out in full so that lupdate files them under "PlainCodes".
    return {
        "W_CONFLICT": QCoreApplication.translate(
            "PlainCodes",
            "Oficinas centrales y el estado cambiaron el mismo valor. Se aplicó el más reciente y "
            "quedó marcado para revisión: revíselo en Sincronizar ▸ Conflictos.",
        ),
        "W_SEQUENCE_GAP": QCoreApplication.translate(
            "PlainCodes", "Faltan envíos anteriores de este equipo, pero este los incluye: no hay que hacer nada."
        ),
        "W_LOCAL_EDIT_KEPT": QCoreApplication.translate(
            "PlainCodes",
            "Esta unidad se editó aquí después del envío de oficinas centrales: se conservó "
            "su versión. Revise que sea la correcta.",
        ),
        "W_TARGET_UNKNOWN": QCoreApplication.translate(
            "PlainCodes",
            "Llegó una meta de un indicador que este catálogo no tiene; no se guardó. "
            "Actualice el catálogo y vuelva a importar.",
        ),
        "W_TARGET_INVALID": QCoreApplication.translate(
            "PlainCodes",
            "Llegó una meta con un valor no válido; no se guardó. Pida a oficinas centrales que la corrija.",
        ),
        "E_SIDE": QCoreApplication.translate(
            "PlainCodes",
            "El paquete trae datos de control incompletos para este valor; no se importó. "
            "Pida que generen el paquete de nuevo.",
        ),
    }


def plain_meaning(code: str) -> str:
    """What a code means for the person and what to do next (generic by kind when unknown)."""
    known = _meanings().get(code)
    if known:
        return known
    if code.startswith("W_"):
        return QCoreApplication.translate("PlainCodes", "Aviso: se importó, pero revise este dato.")
    if code.startswith("E_") and code in _VALUE_CODES:
        return QCoreApplication.translate(
            "PlainCodes", "Este valor no se importó. Corríjalo en el origen y envíe el paquete otra vez."
        )
    if code.startswith("E_"):
        return QCoreApplication.translate(
            "PlainCodes",
            "El archivo se rechazó completo y no se guardó nada. Pida que se genere y se envíe de nuevo; "
            "si se repite, comuníquese con soporte técnico.",
        )
    return ""


#: Codes of one rejected value inside an otherwise accepted package (DHIS2-style conflicts).
_VALUE_CODES = frozenset(
    {
        "E_UNKNOWN_ORGUNIT",
        "E_ORGUNIT_STATE",
        "E_LEVEL",
        "E_UNKNOWN_VARIABLE",
        "E_UNKNOWN_OPTION",
        "E_PERIOD",
        "E_FUTURE_PERIOD",
        "E_NOT_NUMBER",
        "E_NOT_INTEGER",
        "E_PRECISION",
        "E_NEGATIVE",
        "E_RANGE",
        "E_NOT_BOOLEAN",
        "E_NOT_OPTION",
    }
)


def code_note(code: str) -> str:
    """ "(código E_TRUNCATED)": the code as support asks for it."""
    return QCoreApplication.translate("PlainCodes", "(código {0})").format(code)


def code_at_end(text: str) -> str:
    """Move a leading "[E_CODE] " of a service message to the end: "… (código E_CODE)".

    Each line of a multi-line message is treated on its own, so nested details read the same.
    """
    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        found = _LEADING_CODE.match(line.lstrip())
        if found:
            body = line.lstrip()[found.end() :].rstrip()
            line = f"{indent}{body} {code_note(found.group(1))}"
        lines.append(line)
    return "\n".join(lines)
