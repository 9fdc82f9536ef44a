"""What ``check`` reports (``health.<kind>``): the database, the change log, the outbox and the package archive."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "health.database": {"es": "Base de datos dañada ({path}): {detail}", "en": "Damaged database ({path}): {detail}"},
    "health.foreign_key": {
        "es": "Base de datos: la tabla {table} (fila {rowid}) apunta a un registro inexistente de {parent}",
        "en": "Database: table {table} (row {rowid}) points to a missing row of {parent}",
    },
    "health.change_log": {
        "es": "El historial de cambios fue alterado a partir del registro {id}",
        "en": "The change log was altered from entry {id} on",
    },
    "health.outbox_missing": {
        "es": "Bandeja de salida: el paquete {name} (secuencia {sequence}) no está en {path}",
        "en": "Outbox: package {name} (sequence {sequence}) is not in {path}",
    },
    "health.outbox_hash": {
        "es": "Bandeja de salida: el archivo {path} no coincide con el paquete {name} que se exportó (SHA-256 distinto)",
        "en": "Outbox: the file {path} does not match the exported package {name} (different SHA-256)",
    },
    "health.outbox_writing": {
        "es": "Bandeja de salida: el paquete {name} (secuencia {sequence}) no se terminó de escribir y su carpeta {folder} no está disponible",
        "en": "Outbox: package {name} (sequence {sequence}) was not fully written and its folder {folder} is not available",
    },
    "health.outbox_orphan": {
        "es": "Bandeja de salida: el paquete {path} (secuencia {sequence}) está sin registro en la bandeja de salida",
        "en": "Outbox: the package {path} (sequence {sequence}) has no outbox row",
    },
    "health.archive_missing": {
        "es": "Archivo de paquetes: la copia {path} del paquete {uuid} no existe",
        "en": "Package archive: the copy {path} of package {uuid} does not exist",
    },
    "health.archive_hash": {
        "es": "Archivo de paquetes: la copia {path} del paquete {uuid} fue modificada (SHA-256 distinto)",
        "en": "Package archive: the copy {path} of package {uuid} was modified (different SHA-256)",
    },
    "health.healthy": {
        "es": "Todo en orden: base de datos íntegra, historial de cambios verificado ({log} registros), {outbox} paquetes en la bandeja de salida y {archive} en el archivo coinciden con sus archivos",
        "en": "All good: database intact, change log verified ({log} entries), {outbox} outbox packages and {archive} archived packages match their files",
    },
    "health.found": {"es": "Problemas encontrados: {count}", "en": "Problems found: {count}"},
}
