"""What the "Responder a los estados" dialog reads, and what it says about it.

:func:`snapshot` runs on the database thread; :func:`role_notice` explains why a data
directory cannot answer the states; :func:`written_lines` turns a bulk run's
:class:`~app.services.sync.sync_respond.Written` into the status lines and their colour. The
texts keep the dialog's translation context ("RespondDialog"), spelled out in full
so lupdate finds each one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services.sync import sync_profile, sync_respond
from app.services.sync.sync_respond import ACK, Written
from app.services.workspace import Workspace
from app.ui.sync.sync_errors import sync_error_text


def snapshot(ws: Workspace) -> dict:
    """The profile's role, the states to answer and HQ's active catalog folder (database thread)."""
    prof = sync_profile.profile(ws)
    role = prof.role if prof is not None else None
    return {
        "role": role,
        "states": sync_respond.states_to_answer(ws) if role == "hq" else [],
        "catalog_dir": Path(ws.catalog_dir),
        "catalog_version": ws.catalog.version,
    }


def role_notice(role: str | None, has_states: bool) -> str:
    """Why nothing can be written here (not HQ, or no state registered yet); "" when HQ can write."""
    if role == "state":
        return QCoreApplication.translate(
            "RespondDialog",
            "Este diálogo es para oficinas centrales: ahí se escriben los acuses y las "
            "actualizaciones de los estados. En este directorio de datos (una coordinación "
            "estatal) los acuses de oficinas centrales se importan en Sincronizar ▸ Enviar "
            "paquete a oficinas centrales…",
        )
    if role != "hq":
        return QCoreApplication.translate(
            "RespondDialog",
            "Este directorio de datos no tiene perfil de oficinas centrales. Créelo en "
            "Sincronizar ▸ Perfil y registro… para responder a los estados.",
        )
    if not has_states:
        return QCoreApplication.translate(
            "RespondDialog",
            "Todavía no hay coordinaciones registradas. Regístrelas en Sincronizar ▸ Perfil y registro…",
        )
    return ""


def written_lines(result: Written, names: dict[str, str], lang: str) -> tuple[list[str], str]:
    """The count, the folder, then what happened or what to do; and "ok", "warning" or "error".

    ``names`` maps state codes to the names shown in the table.
    """
    count = (
        QCoreApplication.translate("RespondDialog", "Acuses escritos: %1 de %2.")
        if result.kind == ACK
        else QCoreApplication.translate("RespondDialog", "Actualizaciones escritas: %1 de %2.")
    )
    lines = [count.replace("%1", str(len(result.paths))).replace("%2", str(result.total))]
    if result.paths:
        lines.append(
            QCoreApplication.translate("RespondDialog", "Carpeta: %1").replace("%1", str(result.paths[0].parent))
        )
    if result.error is not None:
        name = names.get(result.error_state or "", result.error_state or "")
        lines.append(
            QCoreApplication.translate("RespondDialog", "Falló %1: %2")
            .replace("%1", name)
            .replace("%2", sync_error_text(result.error, lang))
        )
        return lines, "error"
    if result.stopped:
        lines.append(
            QCoreApplication.translate(
                "RespondDialog", "Cancelado antes de terminar; los archivos escritos están completos."
            )
        )
        return lines, "warning"
    if result.kind == ACK:
        lines.append(
            QCoreApplication.translate(
                "RespondDialog", "Entréguelos a cada estado: al importarlos, sus paquetes quedan como entregados."
            )
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "RespondDialog",
                "Entréguelas a cada estado: se importan en Sincronizar ▸ Enviar paquete a oficinas centrales…",
            )
        )
    return lines, "ok"
