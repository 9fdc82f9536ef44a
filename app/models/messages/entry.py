"""Messages of data entry and files: value files, facility registry, periods, reports, targets."""

from __future__ import annotations

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
        "es": "{path}: el archivo está cifrado o protegido con contraseña; guárdelo sin contraseña y vuelva a importarlo. No se guardó nada",
        "en": "{path}: the file is encrypted or password-protected; save it without a password and import it again. Nothing was saved",
    },
    "cell_excel_error": {
        "es": "hoja «{sheet}», celda {cell}: contiene el error de Excel {value}; corríjalo o escriba el valor",
        "en": "sheet '{sheet}', cell {cell}: holds the Excel error {value}; fix it or type the value",
    },
    "cell_formula_uncached": {
        "es": "hoja «{sheet}», celda {cell}: la fórmula «{value}» no tiene un valor calculado; abra y guarde el archivo en Excel o escriba el valor",
        "en": "sheet '{sheet}', cell {cell}: the formula '{value}' has no computed value; open and save the file in Excel or type the value",
    },
    "too_precise": {
        "es": "«{value}» tiene más de 4 decimales o más de 15 cifras y se guardaría redondeado",
        "en": "'{value}' has more than 4 decimals or more than 15 digits and would be stored rounded",
    },
    "extra_fields": {
        "es": "la fila tiene {count} campos y el encabezado {expected}; ¿un número con coma sin comillas, como 1,234?",
        "en": "the row has {count} fields and the header {expected}; a number with an unquoted comma, such as 1,234?",
    },
    "more_errors": {
        "es": "… y {count} errores más (se muestran los primeros {shown})",
        "en": "… and {count} more errors (the first {shown} are shown)",
    },
    "missing_columns": {"es": "{path}: faltan las columnas {columns}", "en": "{path}: missing columns {columns}"},
    "row_error": {"es": "{path}, fila {row}: {reason}", "en": "{path}, row {row}: {reason}"},
    "rows_rejected": {
        "es": "{count} filas rechazadas; no se guardó nada",
        "en": "{count} rows rejected; nothing was saved",
    },
    "unknown_clues": {"es": "CLUES desconocida «{clues}»", "en": "unknown CLUES '{clues}'"},
    "invalid_clues": {
        "es": "CLUES inválida «{clues}» (se esperan 11 caracteres: 2 letras de estado, 3 de institución y 6 dígitos)",
        "en": "invalid CLUES '{clues}' (expected 11 characters: 2-letter state, 3-letter institution and 6 digits)",
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
    "period_future": {"es": "el periodo {period} está en el futuro", "en": "period {period} is in the future"},
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
        "es": "el texto debe ser simple y de una sola línea (sin saltos de línea, tabuladores ni caracteres de control)",
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
    "wrong_sheet": {"es": "{path}: la hoja «{sheet}» no existe", "en": "{path}: sheet '{sheet}' does not exist"},
    "template_mismatch": {
        "es": "{path}: la plantilla es de {found} y no de {expected}",
        "en": "{path}: the template is for {found}, not {expected}",
    },
    "unknown_institution": {"es": "institución no reconocida «{value}»", "en": "unrecognised institution '{value}'"},
    "invalid_date": {"es": "fecha no válida «{value}»; use AAAA-MM-DD", "en": "invalid date '{value}'; use YYYY-MM-DD"},
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
        "es": "{state} ya tiene {count} unidades reales registradas; la demostración solo se crea en un estado sin unidades reales",
        "en": "{state} already has {count} real facilities; the demo is only built for a state without real facilities",
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
    # A yes/no value as a cell shows it and the grid's drop-down offers it.
    "value_yes": {"es": "Sí", "en": "Yes"},
    "value_no": {"es": "No", "en": "No"},
}
