"""What the command line prints on success (``cli.<feature>.<key>``); errors use the other modules."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "cli.demo": {
        "es": "Demo creada para {state}: {facilities} unidades, {values} valores, periodos {first}–{last}. Los datos están marcados como DEMO.",
        "en": "Demo built for {state}: {facilities} facilities, {values} values, periods {first}–{last}. The data are labelled DEMO.",
    },
    "cli.facilities_imported": {
        "es": "Importadas {total} unidades: {new} nuevas, {updated} actualizadas, {unchanged} sin cambios",
        "en": "Imported {total} facilities: {new} new, {updated} updated, {unchanged} unchanged",
    },
    "cli.facilities_none": {"es": "No hay unidades registradas", "en": "No facilities registered"},
    "cli.values_imported": {
        "es": "Importadas {rows} filas: {imported} nuevas, {updated} actualizadas, {unchanged} sin cambios",
        "en": "Imported {rows} rows: {imported} new, {updated} updated, {unchanged} unchanged",
    },
    "cli.values_flagged": {
        "es": "{flagged} celdas con errores o avisos de validación; revíselas en la captura",
        "en": "{flagged} cells have validation errors or warnings; review them in the grid",
    },
    "cli.exported": {"es": "Exportadas {rows} filas a {path}", "en": "Exported {rows} rows to {path}"},
    "cli.template": {
        "es": "Plantilla de {state} {period} escrita en {path}",
        "en": "Template for {state} {period} written to {path}",
    },
    "cli.closed": {"es": "Informe de {state} {period}: cerrado", "en": "Report {state} {period}: closed"},
    "cli.reopened": {
        "es": "Informe de {state} {period}: reabierto (borrador); deberá firmarse de nuevo",
        "en": "Report {state} {period}: reopened (draft); it must be signed again",
    },
    "cli.backup": {"es": "Respaldo creado: {path}", "en": "Backup created: {path}"},
    "cli.restored": {
        "es": "Restaurado {path}. Respaldo de seguridad del estado anterior: {safety}",
        "en": "Restored {path}. Safety backup of the previous state: {safety}",
    },
    "cli.restore_ask": {
        "es": "¿Restaurar este respaldo? Escriba «s» para confirmar [s/N]: ",
        "en": "Restore this backup? Type 'y' to confirm [y/N]: ",
    },
    "cli.restore_declined": {
        "es": "No se restauró nada: confirme con --yes o respondiendo «s»",
        "en": "Nothing was restored: confirm with --yes or by answering 'y'",
    },
    "cli.no_gui": {
        "es": "La interfaz gráfica no está disponible; use un comando (vea --help)",
        "en": "The graphical interface is not available; use a command (see --help)",
    },
    "cli.no_display": {
        "es": "No hay pantalla: la ventana de Coordina no puede abrirse aquí (no están definidas DISPLAY ni WAYLAND_DISPLAY).\nUse xvfb-run (xvfb-run -a python main.py) o abra una sesión gráfica; los comandos (vea --help) no la necesitan.",
        "en": "No display: Coordina's window cannot open here (neither DISPLAY nor WAYLAND_DISPLAY is set).\nUse xvfb-run (xvfb-run -a python main.py) or start a graphical session; the commands (see --help) do not need one.",
    },
    "cli.identity_created": {
        "es": "Identidad de {name} ({state}) guardada en {path}\nHuella SHA-256: {fp}",
        "en": "Identity of {name} ({state}) saved to {path}\nSHA-256 fingerprint: {fp}",
    },
    "cli.verify_ok": {
        "es": "Firma válida e íntegra de {name}, {when}\nHuella SHA-256: {fp}",
        "en": "Valid, intact signature by {name}, {when}\nSHA-256 fingerprint: {fp}",
    },
    "cli.verify_untrusted": {
        "es": "Documento íntegro firmado por {name}, {when}, pero el firmante NO es de confianza\nHuella SHA-256: {fp}",
        "en": "Intact document signed by {name}, {when}, but the signer is NOT trusted\nSHA-256 fingerprint: {fp}",
    },
    "cli.verify_bad": {"es": "No verificado: {problem}", "en": "Not verified: {problem}"},
    "cli.trusted": {
        "es": "Certificado de {name} agregado a los de confianza\nHuella SHA-256: {fp}",
        "en": "Certificate of {name} added to the trusted ones\nSHA-256 fingerprint: {fp}",
    },
    "cli.sync.init_state": {
        "es": "Perfil estatal creado: {state}. Dispositivo {device}",
        "en": "State profile created: {state}. Device {device}",
    },
    "cli.sync.init_hq": {
        "es": "Perfil de oficinas centrales creado; sus claves privadas quedan protegidas con la contraseña.\nHuella de oficinas centrales: {fp}",
        "en": "Headquarters profile created; its private keys are protected by the passphrase.\nHeadquarters fingerprint: {fp}",
    },
    "cli.sync.rotated": {
        "es": "Claves de oficinas centrales renovadas. Nueva huella: {fp}\nExporte el perfil (hq-profile export) y envíelo a los estados: está firmado con la clave anterior.",
        "en": "Headquarters keys renewed. New fingerprint: {fp}\nExport the profile (hq-profile export) and send it to the states: it is signed by the old key.",
    },
    "cli.sync.wrapped": {
        "es": "Las claves privadas de oficinas centrales estaban sin cifrar; ahora están protegidas con la contraseña. Borre los respaldos anteriores (backups/): aún las contienen.",
        "en": "Headquarters' private keys were stored unencrypted; they are now protected by the passphrase. Delete the older backups (backups/): they still hold them.",
    },
    "cli.sync.unprotected": {
        "es": "Aviso: las claves privadas de oficinas centrales no están protegidas; indique --passphrase-env VARIABLE para cifrarlas.",
        "en": "Warning: headquarters' private keys are not protected; give --passphrase-env VARIABLE to encrypt them.",
    },
    "cli.sync.confirm": {
        "es": "Huella de {what}: {fp}\n¿Coincide con la que le leyeron por teléfono? [s/N] ",
        "en": "Fingerprint of {what}: {fp}\nDoes it match the one read to you over the phone? [y/N] ",
    },
    "cli.sync.what_hq": {"es": "oficinas centrales", "en": "headquarters"},
    "cli.sync.what_enrol": {
        "es": "registro (certificado y estado {state})",
        "en": "the enrolment (certificate and state {state})",
    },
    "cli.sync.hq_exported": {
        "es": "Perfil de oficinas centrales escrito en {path}\nHuella (compárela por teléfono): {fp}",
        "en": "Headquarters profile written to {path}\nFingerprint (compare it over the phone): {fp}",
    },
    "cli.sync.hq_imported": {
        "es": "Perfil de {name} importado.\nHuella (compárela por teléfono): {fp}",
        "en": "Profile of {name} imported.\nFingerprint (compare it over the phone): {fp}",
    },
    "cli.sync.enrol_exported": {
        "es": "Registro del coordinador escrito en {path}\nHuella del registro, certificado y estado (díctela por teléfono): {fp}",
        "en": "Coordinator enrolment written to {path}\nEnrolment fingerprint, certificate and state (read it over the phone): {fp}",
    },
    "cli.sync.enrol_imported": {
        "es": "Registrado {name} para {state}.\nHuella del certificado: {fp}",
        "en": "Registered {name} for {state}.\nCertificate fingerprint: {fp}",
    },
    "cli.sync.revoked": {
        "es": "Certificado de {name} ({state}) revocado.\nHuella: {fp}",
        "en": "Certificate of {name} ({state}) revoked.\nFingerprint: {fp}",
    },
    "cli.sync.exported": {"es": "{path}", "en": "{path}"},
    "cli.sync.export_detail": {
        "es": "Paquete {seq} ({kind}): {values} valores, {tomb} borrados",
        "en": "Package {seq} ({kind}): {values} values, {tomb} deleted",
    },
    "cli.sync.ack": {"es": "{path}", "en": "{path}"},
    "cli.sync.ok": {"es": "{file}: {status} — {description}", "en": "{file}: {status} — {description}"},
    "cli.sync.registration": {"es": "{state}  {name}  {fp}  {status}", "en": "{state}  {name}  {fp}  {status}"},
    "cli.sync.active": {"es": "vigente", "en": "active"},
    "cli.sync.revoked_status": {"es": "revocado {at}", "en": "revoked {at}"},
    "cli.sync.catalog_installed": {
        "es": "Catálogo {version} instalado en {path}.\nSe usa desde la próxima vez que se abra Coordina con este directorio de datos.",
        "en": "Catalog {version} installed in {path}.\nIt is used from the next time Coordina opens this data directory.",
    },
    "cli.sync.targets_set": {
        "es": "{count} metas guardadas. Viajan en la próxima actualización (sync update).",
        "en": "{count} targets saved. They travel in the next update (sync update).",
    },
    "cli.sync.target_cleared": {"es": "Meta {key} borrada.", "en": "Target {key} cleared."},
    "cli.sync.target_absent": {"es": "No había meta para {key}.", "en": "There was no target for {key}."},
    "cli.sync.target_line": {"es": "{key}  {value}  {label}", "en": "{key}  {value}  {label}"},
    "cli.sync.no_targets": {"es": "Sin metas.", "en": "No targets."},
    "cli.pdf.written": {
        "es": "{state} {period}: {path} ({signed}; huella de datos {fp})",
        "en": "{state} {period}: {path} ({signed}; data fingerprint {fp})",
    },
    "cli.pdf.signed": {"es": "firmado por {name}", "en": "signed by {name}"},
    "cli.pdf.unsigned": {"es": "sin firma", "en": "unsigned"},
    "cli.pdf.batch": {"es": "Resúmenes escritos en {folder}: {count}", "en": "Summaries written to {folder}: {count}"},
    "cli.report.note_set": {
        "es": "{state} {period}, sección «{section}»: {text}",
        "en": "{state} {period}, section '{section}': {text}",
    },
    "cli.report.note_cleared": {
        "es": "{state} {period}, sección «{section}»: nota borrada",
        "en": "{state} {period}, section '{section}': note deleted",
    },
    "cli.report.note_line": {"es": "{section}: {text}", "en": "{section}: {text}"},
    "cli.report.no_notes": {"es": "{state} {period}: sin notas", "en": "{state} {period}: no notes"},
    "cli.report.marked": {
        "es": "{state}, {count}: provisional ** {note}",
        "en": "{state}, {count}: provisional ** {note}",
    },
    "cli.report.unmarked": {
        "es": "{state}, {count}: ya no es provisional",
        "en": "{state}, {count}: no longer provisional",
    },
    "cli.report.mark_line": {"es": "{count}: ** {note}", "en": "{count}: ** {note}"},
    "cli.report.no_marks": {"es": "{state}: ningún conteo provisional", "en": "{state}: no provisional count"},
    "cli.verify.count": {"es": "Firmas en el archivo: {n}", "en": "Signatures in the file: {n}"},
    "cli.verify.line": {
        "es": "  {i}. «{field}» ({kind}) de {name}, {when}: {state}",
        "en": "  {i}. '{field}' ({kind}) by {name}, {when}: {state}",
    },
    "cli.verify.ok": {"es": "íntegra y de confianza", "en": "intact and trusted"},
    "cli.verify.warning": {"es": "íntegra, firmante NO de confianza", "en": "intact, signer NOT trusted"},
    "cli.verify.error": {"es": "NO válida", "en": "NOT valid"},
    "cli.verify.certification": {"es": "certificación", "en": "certification"},
    "cli.verify.approval": {"es": "aprobación", "en": "approval"},
    "cli.verify.timestamp": {"es": "sello de tiempo", "en": "timestamp"},
    "cli.export.exported": {
        "es": "Exportados {rows} valores ({fmt}) a {path}",
        "en": "Exported {rows} values ({fmt}) to {path}",
    },
}
