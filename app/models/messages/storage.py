"""Messages of the data directory, the disk, backups and unexpected errors."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "data_dir_unwritable": {
        "es": "No se puede escribir en el directorio de datos {path}: {reason}",
        "en": "The data directory {path} is not writable: {reason}",
    },
    "disk_full": {
        "es": "No hay espacio en disco para guardar en {path}; no se guardó nada",
        "en": "The disk is full at {path}; nothing was saved",
    },
    "database_locked": {
        "es": "La base de datos está ocupada por otro proceso; intente de nuevo",
        "en": "The database is busy in another process; try again",
    },
    "reason_exists": {"es": "ya existe un archivo con ese nombre", "en": "a file with that name exists"},
    "reason_not_a_folder": {"es": "no es una carpeta", "en": "not a folder"},
    "reason_is_a_folder": {"es": "es una carpeta", "en": "it is a folder"},
    "reason_missing": {"es": "no existe", "en": "it does not exist"},
    "reason_denied": {"es": "permiso denegado", "en": "permission denied"},
    "reason_read_only": {"es": "sistema de archivos de solo lectura", "en": "read-only file system"},
    "reason_io": {"es": "error de lectura o escritura del disco", "en": "disk read/write error"},
    "reason_full": {"es": "disco lleno", "en": "disk full"},
    "schema_mismatch": {
        "es": "{path} es una base de datos pero no un respaldo de Coordina: su estructura no es la de la versión {version} (objetos de más o de menos); no se cambió nada",
        "en": "{path} is a database but not a Coordina backup: its structure is not that of version {version} (objects added or missing); nothing was changed",
    },
    "not_a_database": {"es": "{path} no es una base de datos de Coordina", "en": "{path} is not a Coordina database"},
    "gui_crash": {
        "es": "Coordina encontró un error inesperado (un defecto del programa, no de sus datos) y lo anotó en {log}. Lo ya guardado está a salvo; si la ventana deja de responder, ciérrela y vuelva a abrir Coordina, y envíe ese archivo a soporte.",
        "en": "Coordina hit an unexpected error (a bug in the program, not in your data) and recorded it in {log}. What was saved is safe; if the window stops responding, close it, open Coordina again and send that file to support.",
    },
    "internal_error": {
        "es": "Error interno de Coordina (un defecto del programa, no de sus datos ni del disco): {error}. No se guardó nada. Los detalles quedaron en {log}; envíelos a soporte",
        "en": "Coordina internal error (a bug in the program, not in your data or disk): {error}. Nothing was saved. The details are in {log}; send them to support",
    },
    "disk_io_error": {
        "es": "Error de lectura o escritura del disco en {path} ({reason}); no se guardó nada",
        "en": "Disk read/write error at {path} ({reason}); nothing was saved",
    },
    "backup_busy": {
        "es": "Otro respaldo está en curso en {path}; la base de datos está ocupada, intente de nuevo",
        "en": "Another backup is running in {path}; the database is busy, try again",
    },
    "backup_unwritable": {
        "es": "No se pudo escribir el respaldo en la carpeta {path} ({reason}); la base de datos no cambió",
        "en": "The backup could not be written to the folder {path} ({reason}); the database did not change",
    },
    "backup_missing": {"es": "No existe el respaldo {path}", "en": "Backup not found: {path}"},
    "schema_too_new": {
        "es": "La base de datos es de una versión más nueva de Coordina (esquema {found}); actualice Coordina",
        "en": "The database comes from a newer Coordina (schema {found}); update Coordina",
    },
    "output_unwritable": {
        "es": "No se puede escribir {path}: {reason}. No se escribió nada",
        "en": "Cannot write {path}: {reason}. Nothing was written",
    },
    # What restoring a backup replaces (the CLI prints it before asking).
    "backup_preview_head": {"es": "Respaldo {name} del {when}", "en": "Backup {name} taken {when}"},
    "backup_preview_last": {"es": "; último cambio: {last}", "en": "; its last change: {last}"},
    "backup_preview_replaces": {"es": "Reemplaza los datos actuales:", "en": "It replaces the current data:"},
    "backup_preview_row": {
        "es": "  {label}: {ours} ahora → {theirs} en el respaldo",
        "en": "  {label}: {ours} now → {theirs} in the backup",
    },
    "backup_count_values": {"es": "valores", "en": "values"},
    "backup_count_facilities": {"es": "unidades", "en": "facilities"},
    "backup_count_reports": {"es": "informes", "en": "reports"},
}
