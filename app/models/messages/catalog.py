"""Messages of catalogs: loading errors, installing a new version, notices in an update."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "catalog_invalid": {"es": "Catálogo inválido ({file}): {reason}", "en": "Invalid catalog ({file}): {reason}"},
    "catalog_missing_column": {
        "es": "fila {row}, columna «{column}»: la columna no existe",
        "en": "row {row}, column '{column}': no such column",
    },
    "catalog_bad_number": {
        "es": "fila {row}, columna «{column}»: «{value}» no es un número",
        "en": "row {row}, column '{column}': '{value}' is not a number",
    },
    "catalog_bad_row": {"es": "fila {row}: {reason}", "en": "row {row}: {reason}"},
    "catalog_bad_json": {
        "es": "línea {line}, columna {column}: JSON no válido ({reason})",
        "en": "line {line}, column {column}: invalid JSON ({reason})",
    },
    "catalog_bad_entry": {"es": "{where}: contenido no válido ({reason})", "en": "{where}: invalid content ({reason})"},
    "catalog_missing_key": {"es": "{where}: falta el campo «{key}»", "en": "{where}: field '{key}' is missing"},
    "E_CATALOG_INVALID": {
        "es": "{where}: el catálogo no es válido: {detail}",
        "en": "{where}: the catalog is not valid: {detail}",
    },
    "E_CATALOG_NOT_NEWER": {"es": "{where}: el catálogo {detail}", "en": "{where}: catalog {detail}"},
    "E_CATALOG_NOT_ADOPTED": {
        "es": "{where}: el catálogo {detail} no es el que usan oficinas centrales; instálelo primero con «catalog install» (oficinas centrales valida los paquetes de los estados con su propio catálogo)",
        "en": "{where}: catalog {detail} is not the one headquarters uses; install it first with 'catalog install' (headquarters checks the states' packages against its own catalog)",
    },
    "E_CATALOG_MISMATCH": {
        "es": "{where}: los archivos del catálogo {detail} no coinciden con los del catálogo activo de la misma versión",
        "en": "{where}: the files of catalog {detail} differ from those of the active catalog of the same version",
    },
    "E_CATALOG_DROPS_DATA": {
        "es": "{where}: el catálogo {detail}. No se instaló y no se cambió nada; conserve esos elementos en el catálogo o depure primero esos datos",
        "en": "{where}: catalog {detail}. Nothing was installed or changed; keep those items in the catalog or clean up that data first",
    },
    # Installing a catalog: the details of the E_CATALOG_* codes above.
    "catalog_where": {"es": "catálogo", "en": "catalog"},
    "catalog_not_a_folder": {"es": "no es una carpeta", "en": "not a folder"},
    "catalog_file_too_large": {"es": "{name}: archivo demasiado grande", "en": "{name}: file too large"},
    "catalog_file_unreadable": {"es": "{name}: {reason}", "en": "{name}: {reason}"},
    "catalog_version_invalid": {
        "es": "catalog_version «{version}» no válida",
        "en": "invalid catalog_version '{version}'",
    },
    "catalog_older": {
        "es": "{version} es anterior al activo ({active})",
        "en": "{version} is older than the active one ({active})",
    },
    "catalog_same": {
        "es": "{version} es la misma versión que el activo ({active})",
        "en": "{version} is the same version as the active one ({active})",
    },
    "catalog_file_differs": {"es": "{version} ({name})", "en": "{version} ({name})"},
    "catalog_drops": {
        "es": "{version} quita elementos que tienen datos en este equipo: {items}",
        "en": "{version} drops items that hold data on this computer: {items}",
    },
    "catalog_drops_more": {"es": "y {count} más", "en": "and {count} more"},
    "catalog_drop_variable": {
        "es": "la variable «{variable}» ({count} valores)",
        "en": "the variable '{variable}' ({count} values)",
    },
    "catalog_drop_option": {
        "es": "la opción «{option}» de «{variable}» ({count} valores)",
        "en": "the option '{option}' of '{variable}' ({count} values)",
    },
    "catalog_drop_state": {"es": "el estado «{state} {name}»", "en": "the state '{state} {name}'"},
    "catalog_drop_type": {"es": "el tipo de unidad «{type}»", "en": "the facility type '{type}'"},
    # Notices in a state's import summary (W_CATALOG_*: the rest of the update applies).
    "catalog_object": {"es": "catálogo {version}", "en": "catalog {version}"},
    "catalog_none": {"es": "ninguno", "en": "none"},
    "catalog_notice_files": {
        "es": "el catálogo del paquete no tiene los archivos esperados (faltan: {missing}; sobran: "
        "{extra}); no se instaló",
        "en": "the package's catalog does not have the expected files (missing: {missing}; extra: "
        "{extra}); it was not installed",
    },
    "catalog_notice_json": {
        "es": "catalog.json no válido ({reason}); no se instaló",
        "en": "invalid catalog.json ({reason}); it was not installed",
    },
    "catalog_notice_not_newer": {
        "es": "el catálogo {version} no es más nuevo que el activo ({active}); no se instaló",
        "en": "catalog {version} is not newer than the active one ({active}); it was not installed",
    },
    "catalog_notice_unloadable": {
        "es": "{reason}; no se instaló (¿requiere una versión más nueva de Coordina?)",
        "en": "{reason}; it was not installed (does it need a newer version of Coordina?)",
    },
    "catalog_installed_note": {
        "es": "catálogo {version} instalado (se usa al abrir Coordina de nuevo)",
        "en": "catalog {version} installed (used when Coordina is opened again)",
    },
}
