"""Bilingual messages for errors raised below the UI (CLI and services).

The GUI translates its own widgets with Qt Linguist; errors that come from the
domain, storage or services are plain data (a code plus parameters) rendered
here so the CLI can print them in the language chosen with ``--lang``.
"""

from __future__ import annotations

import errno

MESSAGES: dict[str, dict[str, str]] = {
    "file_missing": {"es": "No existe el archivo: {path}", "en": "File not found: {path}"},
    "file_extension": {
        "es": "{path}: extensión no admitida «{ext}»; use .csv o .xlsx",
        "en": "{path}: unsupported extension '{ext}'; use .csv or .xlsx",
    },
    "file_unreadable": {
        "es": "{path}: no se pudo leer el archivo ({reason})",
        "en": "{path}: the file could not be read ({reason})",
    },
    "file_empty": {"es": "{path}: el archivo no tiene filas", "en": "{path}: the file has no rows"},
    "file_damaged": {
        "es": "{path}: el archivo está dañado y no se puede leer ({reason}); no se guardó nada",
        "en": "{path}: the file is damaged and cannot be read ({reason}); nothing was saved",
    },
    "file_encrypted": {
        "es": "{path}: el archivo está cifrado o protegido con contraseña; guárdelo sin contraseña "
        "y vuelva a importarlo. No se guardó nada",
        "en": "{path}: the file is encrypted or password-protected; save it without a password "
        "and import it again. Nothing was saved",
    },
    "cell_excel_error": {
        "es": "hoja «{sheet}», celda {cell}: contiene el error de Excel {value}; corríjalo o escriba "
        "el valor",
        "en": "sheet '{sheet}', cell {cell}: holds the Excel error {value}; fix it or type the value",
    },
    "cell_formula_uncached": {
        "es": "hoja «{sheet}», celda {cell}: la fórmula «{value}» no tiene un valor calculado; "
        "abra y guarde el archivo en Excel o escriba el valor",
        "en": "sheet '{sheet}', cell {cell}: the formula '{value}' has no computed value; "
        "open and save the file in Excel or type the value",
    },
    "too_precise": {
        "es": "«{value}» tiene más de 4 decimales o más de 15 cifras y se guardaría redondeado",
        "en": "'{value}' has more than 4 decimals or more than 15 digits and would be stored rounded",
    },
    "extra_fields": {
        "es": "la fila tiene {count} campos y el encabezado {expected}; ¿un número con coma sin "
        "comillas, como 1,234?",
        "en": "the row has {count} fields and the header {expected}; a number with an unquoted "
        "comma, such as 1,234?",
    },
    "more_errors": {
        "es": "… y {count} errores más (se muestran los primeros {shown})",
        "en": "… and {count} more errors (the first {shown} are shown)",
    },
    "missing_columns": {
        "es": "{path}: faltan las columnas {columns}",
        "en": "{path}: missing columns {columns}",
    },
    "row_error": {"es": "{path}, fila {row}: {reason}", "en": "{path}, row {row}: {reason}"},
    "rows_rejected": {
        "es": "{count} filas rechazadas; no se guardó nada",
        "en": "{count} rows rejected; nothing was saved",
    },
    "unknown_clues": {"es": "CLUES desconocida «{clues}»", "en": "unknown CLUES '{clues}'"},
    "invalid_clues": {
        "es": "CLUES inválida «{clues}» (se esperan 11 caracteres: 2 letras de estado, "
        "3 de institución y 6 dígitos)",
        "en": "invalid CLUES '{clues}' (expected 11 characters: 2-letter state, "
        "3-letter institution and 6 digits)",
    },
    "unknown_variable": {"es": "variable desconocida «{variable}»", "en": "unknown variable '{variable}'"},
    "unknown_disaggregation": {
        "es": "desagregación «{option}» no válida para {variable}",
        "en": "disaggregation '{option}' is not valid for {variable}",
    },
    "unknown_state": {"es": "estado desconocido «{state}»", "en": "unknown state '{state}'"},
    "unknown_type": {"es": "tipología no reconocida «{value}»", "en": "unrecognised facility type '{value}'"},
    "unknown_level": {"es": "nivel de atención no válido «{value}»", "en": "invalid level of care '{value}'"},
    "unknown_status": {"es": "estatus de operación no válido «{value}»", "en": "invalid operating status '{value}'"},
    "state_mismatch": {
        "es": "la CLUES {clues} no pertenece a {state}",
        "en": "CLUES {clues} does not belong to {state}",
    },
    "required_field": {"es": "falta el campo {field}", "en": "field {field} is missing"},
    "not_a_number": {"es": "«{value}» no es un número", "en": "'{value}' is not a number"},
    "not_an_integer": {"es": "«{value}» no es un número entero", "en": "'{value}' is not a whole number"},
    "negative": {"es": "no se admiten valores negativos ({value})", "en": "negative values are not allowed ({value})"},
    "below_min": {"es": "{value} es menor que el mínimo {min}", "en": "{value} is below the minimum {min}"},
    "above_max": {"es": "{value} supera el máximo {max}", "en": "{value} exceeds the maximum {max}"},
    "not_yes_no": {"es": "«{value}» no es sí/no (use 1 o 0)", "en": "'{value}' is not yes/no (use 1 or 0)"},
    "not_an_option": {
        "es": "«{value}» no es una opción válida ({options})",
        "en": "'{value}' is not a valid option ({options})",
    },
    "period_malformed": {
        "es": "periodo «{period}» mal formado; use AAAAMM, por ejemplo 202302",
        "en": "malformed period '{period}'; use YYYYMM, e.g. 202302",
    },
    "period_future": {
        "es": "el periodo {period} está en el futuro",
        "en": "period {period} is in the future",
    },
    "duplicate_key": {
        "es": "clave duplicada {key} (también en la fila {other_row})",
        "en": "duplicate key {key} (also in row {other_row})",
    },
    "report_closed": {
        "es": "el informe de {state} {period} está cerrado; reábralo para editar",
        "en": "the {state} {period} report is closed; reopen it to edit",
    },
    "report_not_closed": {
        "es": "el informe de {state} {period} no está cerrado",
        "en": "the {state} {period} report is not closed",
    },
    "report_has_errors": {
        "es": "el informe de {state} {period} tiene {count} celdas con errores; corríjalas antes de cerrar",
        "en": "the {state} {period} report has {count} cells with errors; fix them before closing",
    },
    "report_already_closed": {
        "es": "el informe de {state} {period} ya está cerrado",
        "en": "the {state} {period} report is already closed",
    },
    # issue 10: cut-off date, section notes, provisional marks
    "cutoff_malformed": {
        "es": "fecha de corte «{value}» no válida; use AAAA-MM-DD (por ejemplo 2023-02-23)",
        "en": "invalid cut-off date '{value}'; use YYYY-MM-DD (for example 2023-02-23)",
    },
    "cutoff_outside_month": {
        "es": "la fecha de corte {date} no está dentro del mes del informe ({month})",
        "en": "the cut-off date {date} is not inside the report's month ({month})",
    },
    "cutoff_future": {
        "es": "la fecha de corte {date} está en el futuro (hoy es {today})",
        "en": "the cut-off date {date} is in the future (today is {today})",
    },
    "cutoff_closed_differs": {
        "es": "el informe de {state} {period} se cerró con fecha de corte {stored}; reábralo para cambiarla",
        "en": "the {state} {period} report was closed with cut-off date {stored}; reopen it to change it",
    },
    "note_section_unknown": {
        "es": "sección «{section}» desconocida; use una de: {sections}",
        "en": "unknown section '{section}'; use one of: {sections}",
    },
    "note_too_long": {
        "es": "el texto tiene {length} caracteres; el máximo es {max}",
        "en": "the text has {length} characters; the maximum is {max}",
    },
    "note_not_plain": {
        "es": "el texto debe ser simple y de una sola línea (sin saltos de línea, tabuladores ni "
        "caracteres de control)",
        "en": "the text must be plain and on one line (no line breaks, tabs or control characters)",
    },
    "provisional_count_unknown": {
        "es": "«{count}» no es un conteo del padrón; use uno de: {counts}",
        "en": "'{count}' is not a registry count; use one of: {counts}",
    },
    "provisional_flag_invalid": {
        "es": "«{value}» no es válido para provisional; use sí/no, 1/0 o true/false (vacío: sin cambio)",
        "en": "'{value}' is not valid for provisional; use sí/no, 1/0 or true/false (empty: no change)",
    },
    "state_level_variable": {
        "es": "{variable} se captura a nivel estatal; use el código de estado como unidad",
        "en": "{variable} is entered at state level; use the state code as org unit",
    },
    "facility_level_variable": {
        "es": "{variable} se captura por unidad (CLUES), no por estado",
        "en": "{variable} is entered per facility (CLUES), not per state",
    },
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
        "es": "{path} es una base de datos pero no un respaldo de Coordina: su estructura "
              "no es la de la versión {version} (objetos de más o de menos); no se cambió nada",
        "en": "{path} is a database but not a Coordina backup: its structure is not that of "
              "version {version} (objects added or missing); nothing was changed",
    },
    "not_a_database": {
        "es": "{path} no es una base de datos de Coordina",
        "en": "{path} is not a Coordina database",
    },
    "gui_crash": {
        "es": "Coordina encontró un error inesperado (un defecto del programa, no de sus datos) y lo "
        "anotó en {log}. Lo ya guardado está a salvo; si la ventana deja de responder, ciérrela y "
        "vuelva a abrir Coordina, y envíe ese archivo a soporte.",
        "en": "Coordina hit an unexpected error (a bug in the program, not in your data) and recorded "
        "it in {log}. What was saved is safe; if the window stops responding, close it, open "
        "Coordina again and send that file to support.",
    },
    "internal_error": {
        "es": "Error interno de Coordina (un defecto del programa, no de sus datos ni del disco): "
        "{error}. No se guardó nada. Los detalles quedaron en {log}; envíelos a soporte",
        "en": "Coordina internal error (a bug in the program, not in your data or disk): {error}. "
        "Nothing was saved. The details are in {log}; send them to support",
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
        "es": "No se pudo escribir el respaldo en la carpeta {path} ({reason}); la base de datos no "
        "cambió",
        "en": "The backup could not be written to the folder {path} ({reason}); the database did not "
        "change",
    },
    "backup_missing": {"es": "No existe el respaldo {path}", "en": "Backup not found: {path}"},
    "schema_too_new": {
        "es": "La base de datos es de una versión más nueva de Coordina (esquema {found}); "
        "actualice Coordina",
        "en": "The database comes from a newer Coordina (schema {found}); update Coordina",
    },
    "wrong_sheet": {
        "es": "{path}: la hoja «{sheet}» no existe",
        "en": "{path}: sheet '{sheet}' does not exist",
    },
    "template_mismatch": {
        "es": "{path}: la plantilla es de {found} y no de {expected}",
        "en": "{path}: the template is for {found}, not {expected}",
    },
    "unknown_institution": {
        "es": "institución no reconocida «{value}»",
        "en": "unrecognised institution '{value}'",
    },
    "invalid_date": {
        "es": "fecha no válida «{value}»; use AAAA-MM-DD",
        "en": "invalid date '{value}'; use YYYY-MM-DD",
    },
    "in_column": {"es": "columna «{column}»: {reason}", "en": "column '{column}': {reason}"},
    "not_applicable": {
        "es": "{variable} no aplica a {type} (celda gris)",
        "en": "{variable} does not apply to {type} (grey cell)",
    },
    "export_format": {
        "es": "formato de exportación no admitido «{fmt}»; use csv o xlsx",
        "en": "unsupported export format '{fmt}'; use csv or xlsx",
    },
    "export_extension": {
        "es": "{path}: la extensión no corresponde al formato {fmt}; use un nombre terminado en .{fmt}",
        "en": "{path}: the extension does not match the {fmt} format; use a name ending in .{fmt}",
    },
    "demo_state_has_data": {
        "es": "{state} ya tiene {count} unidades reales registradas; la demostración solo se crea "
        "en un estado sin unidades reales",
        "en": "{state} already has {count} real facilities; the demo is only built for a state "
        "without real facilities",
    },
    "catalog_invalid": {
        "es": "Catálogo inválido ({file}): {reason}",
        "en": "Invalid catalog ({file}): {reason}",
    },
    "catalog_missing_column": {
        "es": "fila {row}, columna «{column}»: la columna no existe",
        "en": "row {row}, column '{column}': no such column",
    },
    "catalog_bad_number": {
        "es": "fila {row}, columna «{column}»: «{value}» no es un número",
        "en": "row {row}, column '{column}': '{value}' is not a number",
    },
    "catalog_bad_row": {
        "es": "fila {row}: {reason}",
        "en": "row {row}: {reason}",
    },
    "catalog_bad_json": {
        "es": "línea {line}, columna {column}: JSON no válido ({reason})",
        "en": "line {line}, column {column}: invalid JSON ({reason})",
    },
    "catalog_bad_entry": {
        "es": "{where}: contenido no válido ({reason})",
        "en": "{where}: invalid content ({reason})",
    },
    "catalog_missing_key": {
        "es": "{where}: falta el campo «{key}»",
        "en": "{where}: field '{key}' is missing",
    },
    "passphrase_wrong": {
        "es": "{path}: contraseña incorrecta",
        "en": "{path}: wrong passphrase",
    },
    "identity_exists": {
        "es": "{path}: ya existe un archivo de identidad; no se reemplazó. Elija otro nombre o use "
        "--force para reemplazarlo (la identidad anterior se pierde)",
        "en": "{path}: an identity file already exists; it was not replaced. Choose another name or use "
        "--force to replace it (the old identity is lost)",
    },
    "passphrase_env_missing": {
        "es": "la variable de entorno {var} no está definida o está vacía; ponga en ella la contraseña",
        "en": "the environment variable {var} is not set or is empty; put the passphrase in it",
    },
    "identity_unreadable": {
        "es": "{path}: no es un certificado o llave válido ({reason})",
        "en": "{path}: not a valid certificate or key ({reason})",
    },
    "identity_no_key": {
        "es": "{path}: el archivo no contiene una llave privada con su certificado",
        "en": "{path}: the file does not hold a private key with its certificate",
    },
    "identity_key_mismatch": {
        "es": "la llave privada no corresponde al certificado {subject}",
        "en": "the private key does not match the certificate {subject}",
    },
    "identity_expired": {
        "es": "el certificado de {subject} venció el {date}; tramite uno vigente",
        "en": "the certificate of {subject} expired on {date}; get a current one",
    },
    "identity_not_yet_valid": {
        "es": "el certificado de {subject} es válido apenas a partir del {date}",
        "en": "the certificate of {subject} is only valid from {date}",
    },
    "identity_csd": {
        "es": "{subject}: este es un CSD (Certificado de Sello Digital, sucursal «{branch}»), que el "
        "SAT emite solo para sellar facturas (CFDI); no sirve para firmar documentos. Use su "
        "e.firma (FIEL)",
        "en": "{subject}: this is a CSD (digital seal certificate, branch '{branch}'), which SAT "
        "issues only to seal invoices (CFDI); it cannot sign documents. Use your e.firma (FIEL)",
    },
    "identity_not_for_signing": {
        "es": "el certificado de {subject} no permite firmar documentos (uso de llave: {usage})",
        "en": "the certificate of {subject} does not allow signing documents (key usage: {usage})",
    },
    "identity_field_missing": {
        "es": "falta {field} para crear la identidad",
        "en": "{field} is required to create the identity",
    },
    "signing_failed": {
        "es": "no se pudo firmar el PDF: {reason}",
        "en": "the PDF could not be signed: {reason}",
    },
    "verify_not_pdf": {"es": "el archivo no es un PDF", "en": "the file is not a PDF"},
    "verify_unreadable": {
        "es": "el PDF no se puede leer (¿truncado o dañado?)",
        "en": "the PDF cannot be read (truncated or damaged?)",
    },
    "verify_unsigned": {"es": "el PDF no está firmado", "en": "the PDF is not signed"},
    "verify_unverifiable": {
        "es": "la firma está dañada y no se puede comprobar",
        "en": "the signature is damaged and cannot be checked",
    },
    "verify_altered": {
        "es": "el documento fue alterado después de firmarse",
        "en": "the document was altered after it was signed",
    },
    "verify_bad_signature": {"es": "el valor de la firma no es válido", "en": "the signature value is not valid"},
    "verify_modified_later": {
        "es": "el archivo se modificó después de la firma",
        "en": "the file was modified after the signature",
    },
    "verify_untrusted": {
        "es": "el firmante no es de confianza",
        "en": "the signer is not trusted",
    },
    # Issue 10: strict verification. "{what}" lists verify_what_* texts joined by "; ".
    "verify_encrypted": {
        "es": "el PDF está cifrado; un resumen firmado nunca lo está",
        "en": "the PDF is encrypted; a signed summary never is",
    },
    "verify_added_after": {
        "es": "se agregó al archivo después de firmarlo: {what}",
        "en": "added to the file after it was signed: {what}",
    },
    "verify_appended_bytes": {
        "es": "hay {n} bytes agregados después del final del archivo firmado",
        "en": "{n} bytes were appended after the end of the signed file",
    },
    "verify_cert_expired": {
        "es": "el certificado del firmante venció el {date} (se revisa a la fecha de hoy)",
        "en": "the signer's certificate expired on {date} (checked as of today)",
    },
    "verify_cert_not_yet_valid": {
        "es": "el certificado del firmante es válido apenas a partir del {date}",
        "en": "the signer's certificate is only valid from {date}",
    },
    "verify_cert_revoked": {
        "es": "oficinas centrales revocó el certificado del firmante el {date}",
        "en": "headquarters revoked the signer's certificate on {date}",
    },
    "verify_demo": {
        "es": "el documento contiene DATOS DE DEMOSTRACIÓN, no cifras reales",
        "en": "the document holds DEMO DATA, not real figures",
    },
    "verify_what_signature_field": {"es": "un campo de firma nuevo, sin firmar",
                                    "en": "a new, unsigned signature field"},
    "verify_what_signature": {"es": "otra firma", "en": "another signature"},
    "verify_what_annotation": {"es": "una anotación (algo dibujado sobre la página)",
                               "en": "an annotation (something drawn over the page)"},
    "verify_what_page": {"es": "cambios en las páginas", "en": "changes to the pages"},
    "verify_what_content": {"es": "contenido nuevo de la página", "en": "new page content"},
    "verify_what_info": {"es": "cambios en la información del documento (título, autor…)",
                         "en": "changes to the document information (title, author…)"},
    "verify_what_metadata": {"es": "cambios en los metadatos", "en": "changes to the metadata"},
    "verify_what_catalog": {"es": "cambios en la estructura del documento",
                            "en": "changes to the document structure"},
    "verify_what_form": {"es": "cambios en el formulario", "en": "changes to the form"},
    "verify_what_other": {"es": "otros cambios", "en": "other changes"},
    "output_unwritable": {
        "es": "No se puede escribir {path}: {reason}. No se escribió nada",
        "en": "Cannot write {path}: {reason}. Nothing was written",
    },
    "no_states_with_data": {
        "es": "La base de datos no tiene unidades de ningún estado; no hay resúmenes que exportar",
        "en": "The database holds no state's facilities; there is no summary to export",
    },
    "sign_choice_conflict": {
        "es": "use --sign (PKCS#12) o --cer y --key (e.firma del SAT), no ambos",
        "en": "use --sign (PKCS#12) or --cer and --key (SAT e.firma), not both",
    },
    "layout_unknown": {
        "es": "formato de página desconocido «{layout}» (use slide o handout)",
        "en": "unknown layout '{layout}' (use slide or handout)",
    },
    "conflict_missing": {"es": "no existe el conflicto {id}", "en": "conflict {id} does not exist"},
    "conflict_choice": {
        "es": "elija «ours» (oficinas centrales) o «theirs» (el estado), no «{choice}»",
        "en": "choose 'ours' (headquarters) or 'theirs' (the state), not '{choice}'",
    },
    "conflict_resolved": {
        "es": "el conflicto {id} ya se resolvió el {at}",
        "en": "conflict {id} was already resolved on {at}",
    },
    "trust_cert_invalid": {
        "es": "{path}: no es un certificado PEM o DER válido",
        "en": "{path}: not a valid PEM or DER certificate",
    },
    "national_export_format": {
        "es": "formato de exportación no admitido «{fmt}»; use csv, xlsx, dhis2 o adx",
        "en": "unsupported export format '{fmt}'; use csv, xlsx, dhis2 or adx",
    },
    "national_export_extension": {
        "es": "{path}: una exportación {fmt} debe terminar en {ext}",
        "en": "{path}: a {fmt} export must end in {ext}",
    },
    "target_unknown_indicator": {
        "es": "indicador desconocido «{indicator}» (vea «targets list» o el catálogo)",
        "en": "unknown indicator '{indicator}' (see 'targets list' or the catalog)",
    },
    "target_percent_range": {
        "es": "la meta es un porcentaje y {value} supera 100",
        "en": "the target is a percentage and {value} exceeds 100",
    },
    "target_read_only": {
        "es": "las metas las define oficinas centrales; en un perfil estatal solo se consultan",
        "en": "targets are set by headquarters; a state profile can only view them",
    },
    "targets_empty": {"es": "no se indicó ninguna meta", "en": "no target was given"},
    "target_entry": {"es": "{key}: {reason}", "en": "{key}: {reason}"},
    "targets_rejected": {
        "es": "{count} metas rechazadas; no se guardó nada",
        "en": "{count} targets rejected; nothing was saved",
    },
    "target_syntax": {
        "es": "«{text}» no tiene la forma CÓDIGO=VALOR (por ejemplo rx_filled_pct=95)",
        "en": "'{text}' is not of the form CODE=VALUE (e.g. rx_filled_pct=95)",
    },
}


def render(code: str, lang: str = "es", **params: object) -> str:
    """Render message ``code`` in ``lang`` ("es" or "en"), falling back to Spanish."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code + (" " + repr(params) if params else "")
    template = entry.get(lang) or entry["es"]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


class InputError(Exception):
    """Bad input from a person or a file. Carries a message code and parameters.

    ``details`` holds nested per-row errors (each itself an InputError) so that a
    whole file can be reported at once, row by row.
    """

    def __init__(self, code: str, details: list[InputError] | None = None, **params: object):
        self.code = code
        self.params = params
        self.details = list(details or [])
        super().__init__(render(code, "es", **self._rendered_params("es")))

    def _rendered_params(self, lang: str) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, value in self.params.items():
            out[key] = value.message(lang) if isinstance(value, InputError) else value
        return out

    def message(self, lang: str = "es") -> str:
        """The message in ``lang``, including nested details one per line."""
        head = render(self.code, lang, **self._rendered_params(lang))
        if not self.details:
            return head
        return "\n".join([head, *("  " + d.message(lang) for d in self.details)])


# Operating-system reasons, in the user's language: strerror() is always English.
_OS_REASONS: dict[int, str] = {
    errno.EEXIST: "reason_exists", errno.ENOTDIR: "reason_not_a_folder", errno.ENOENT: "reason_missing",
    errno.EACCES: "reason_denied", errno.EPERM: "reason_denied", errno.EROFS: "reason_read_only",
    errno.EIO: "reason_io", errno.ENOSPC: "reason_full", errno.EISDIR: "reason_is_a_folder",
}


def os_reason(exc: BaseException) -> InputError | str:
    """Why an OS or SQLite call failed, as a short bilingual phrase (raw text if unknown)."""
    number = getattr(exc, "errno", None)
    if number in _OS_REASONS:
        return InputError(_OS_REASONS[number])
    primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if primary == 10:  # SQLITE_IOERR
        return InputError("reason_io")
    if primary == 8:  # SQLITE_READONLY
        return InputError("reason_read_only")
    if primary == 14:  # SQLITE_CANTOPEN: the file or its folder is not there (any more)
        return InputError("reason_missing")
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
