"""The details inside sync messages: why a package, profile or enrolment was refused, and
the notes an import leaves (``W_*``).

A refusal is ``[E_CODE] where: what happened (detail); what to do``. The code's text is in
:mod:`app.models.messages.sync`; the detail, when it is more than a name or a number, is one
of these, so an English reader never meets a Spanish fragment in the middle of a sentence.
Numbers are formatted with thousands separators in both languages, as the rest of the app.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # JSON from outside (app/sync/safejson.py): manifests, parts, profiles, enrolments.
    "json_bytes": {"es": "más de {most:,} bytes", "en": "more than {most:,} bytes"},
    "json_not_utf8": {"es": "no es UTF-8 (byte {at})", "en": "not UTF-8 (byte {at})"},
    "json_syntax": {
        "es": "JSON no válido en la línea {line}, columna {column}: {reason}",
        "en": "invalid JSON at line {line}, column {column}: {reason}",
    },
    "json_digits": {
        "es": "un número entero de {digits:,} cifras (máximo {most})",
        "en": "an integer of {digits:,} digits (at most {most})",
    },
    "json_number_too_large": {
        "es": "un número demasiado grande ({reason}…): más cifras de las que Coordina admite",
        "en": "a number too large ({reason}…): more digits than Coordina accepts",
    },
    "json_too_deep": {
        "es": "anidamiento excesivo (más niveles de los que Coordina admite)",
        "en": "nested too deep (more levels than Coordina accepts)",
    },
    "json_deeper_than": {
        "es": "anidamiento excesivo (más de {most} niveles)",
        "en": "nested too deep (more than {most} levels)",
    },
    # The zip container (app/sync/archive.py).
    "sync_detail.no_central_directory": {
        "es": "no se encontró el directorio central",
        "en": "the central directory was not found",
    },
    "sync_detail.central_directory_misplaced": {
        "es": "el directorio central no está donde el zip dice",
        "en": "the central directory is not where the zip says",
    },
    "sync_detail.central_directory_damaged": {"es": "directorio central dañado", "en": "damaged central directory"},
    "sync_detail.central_directory_size": {
        "es": "directorio central de {size:,} bytes",
        "en": "a central directory of {size:,} bytes",
    },
    "sync_detail.multi_volume": {"es": "zip de varios volúmenes", "en": "a multi-volume zip"},
    "sync_detail.entries": {"es": "{count:,} entradas", "en": "{count:,} entries"},
    "sync_detail.entry_version": {"es": "{name}: versión {version}", "en": "{name}: version {version}"},
    "sync_detail.entry_method": {"es": "{name}: método {method}", "en": "{name}: method {method}"},
    "sync_detail.entry_other_name": {
        "es": "{name}: la cabecera local nombra otro archivo",
        "en": "{name}: the local header names another file",
    },
    "sync_detail.entry_sizes": {"es": "{name}: tamaños incoherentes", "en": "{name}: inconsistent sizes"},
    "sync_detail.entry_no_header": {
        "es": "{name}: falta su cabecera local",
        "en": "{name}: its local header is missing",
    },
    "sync_detail.entry_short": {"es": "{name}: faltan datos", "en": "{name}: data is missing"},
    "sync_detail.entry_crc": {"es": "{name}: CRC-32 no coincide", "en": "{name}: CRC-32 does not match"},
    "sync_detail.entry_longer": {"es": "{name}: más de lo declarado", "en": "{name}: more than it declares"},
    "sync_detail.entry_deflate": {
        "es": "{name}: datos comprimidos dañados (zlib: {reason})",
        "en": "{name}: damaged compressed data (zlib: {reason})",
    },
    "sync_detail.entry_incomplete": {"es": "{name}: datos incompletos", "en": "{name}: incomplete data"},
    # The signed manifest and its scope (app/sync/package.py, sync_checks).
    "sync_detail.field": {"es": "campo «{name}»", "en": "field '{name}'"},
    "sync_detail.field_value": {"es": "campo «{name}»: {value}", "en": "field '{name}': {value}"},
    "sync_detail.named": {"es": "«{name}»", "en": "'{name}'"},
    "sync_detail.named_value": {"es": "«{name}» {value}", "en": "'{name}' {value}"},
    "sync_detail.part_sha256": {"es": "sha256 de «{name}»", "en": "sha256 of '{name}'"},
    "sync_detail.scope_missing": {"es": "falta «scope»", "en": "'scope' is missing"},
    "sync_detail.scope_periods": {
        "es": "periodos declarados {claimed}; partes {parts}",
        "en": "declared periods {claimed}; parts {parts}",
    },
    "sync_detail.scope_count": {
        "es": "{name}: declara {claimed:,}, trae {found:,}",
        "en": "{name}: declares {claimed:,}, holds {found:,}",
    },
    "sync_detail.scope_items": {"es": "{name}: no coincide ({items})", "en": "{name}: does not match ({items})"},
    "sync_detail.part_sealed": {
        "es": "{name}: alterado, dañado o cifrado para otra clave",
        "en": "{name}: altered, damaged or sealed to another key",
    },
    "sync_detail.chain_first": {
        "es": "el primer paquete del equipo no puede seguir a otro",
        "en": "a device's first package cannot follow another",
    },
    "sync_detail.chain_other": {
        "es": "dice seguir a {previous}…, que es el paquete {sequence} de otro equipo o posterior",
        "en": "it says it follows {previous}…, which is package {sequence} of another device, or a later one",
    },
    # Who sent it, and in which order (sync_import_checks).
    "sync_detail.signer_state": {
        "es": "{name}: {registered}, no {claimed}",
        "en": "{name}: {registered}, not {claimed}",
    },
    "sync_detail.replay": {"es": "{sequence} (última importada: {last})", "en": "{sequence} (last imported: {last})"},
    "sync_detail.sequence_base": {
        "es": "se basa en el paquete {base}; el último importado es {last}",
        "en": "it builds on package {base}; the last one imported is {last}",
    },
    "sync_detail.packages_range": {
        "es": "{first}–{last} ({count:,} paquetes)",
        "en": "{first}–{last} ({count:,} packages)",
    },
    # The facility registry part (sync_facilities_read, sync_facilities).
    "sync_detail.facility_state": {"es": "{clues}: estado «{state}»", "en": "{clues}: state '{state}'"},
    "sync_detail.unit_updated_at": {
        "es": "unidad {index}: updated_at «{text}»",
        "en": "unit {index}: updated_at '{text}'",
    },
    "sync_detail.unit_not_object": {
        "es": "unidad {index}: se esperaba un objeto",
        "en": "unit {index}: an object was expected",
    },
    "sync_detail.unit_field": {"es": "unidad {index}: campo «{name}»", "en": "unit {index}: field '{name}'"},
    "sync_detail.unit_refused": {"es": "unidad {index} ({clues}): {reason}", "en": "unit {index} ({clues}): {reason}"},
    "sync_detail.unit_not_normal": {
        "es": "unidad {index} ({clues}): campos sin normalizar",
        "en": "unit {index} ({clues}): fields not normalised",
    },
    "sync_detail.unit_history": {"es": "unidad {index} ({clues}): historial", "en": "unit {index} ({clues}): history"},
    "sync_detail.unit_history_period": {
        "es": "unidad {index} ({clues}): periodo del historial",
        "en": "unit {index} ({clues}): a period of its history",
    },
    "sync_detail.facilities_list": {"es": "«facilities» debe ser una lista", "en": "'facilities' must be a list"},
    # The values part's "coordina" object (sync_values).
    "sync_detail.side_missing": {
        "es": "falta el objeto «coordina» (uuid, versión)",
        "en": "the 'coordina' object (uuid, version) is missing",
    },
    "sync_detail.side_type": {
        "es": "coordina.{name}: se esperaba {kind}",
        "en": "coordina.{name}: {kind} was expected",
    },
    "sync_detail.side_version": {"es": "coordina.version no válida", "en": "invalid coordina.version"},
    # Profiles and enrolments (sync_profile, sync_enrol).
    "sync_detail.role_hq": {"es": "de oficinas centrales", "en": "headquarters"},
    "sync_detail.role_state": {"es": "estatal", "en": "state"},
    "sync_detail.role_state_of": {"es": "estatal ({state})", "en": "state ({state})"},
    "sync_detail.over_1mb": {"es": "más de 1 MB", "en": "over 1 MB"},
    "sync_detail.key": {"es": "clave: {reason}", "en": "key: {reason}"},
    "sync_detail.bad_signature": {"es": "firma no válida", "en": "invalid signature"},
    "sync_detail.key_in_use": {"es": "en uso {fingerprint}…", "en": "in use {fingerprint}…"},
    "sync_detail.file_fingerprint": {"es": "archivo {fingerprint}…", "en": "file {fingerprint}…"},
    "sync_detail.certificate_expired": {
        "es": "certificado vencido el {date}",
        "en": "the certificate expired on {date}",
    },
    "sync_detail.certificate_revoked": {
        "es": "certificado ya registrado y revocado",
        "en": "the certificate is already registered, and revoked",
    },
    "sync_detail.certificate_registered": {
        "es": "certificado ya registrado para {state}",
        "en": "the certificate is already registered for {state}",
    },
    # The notes an import leaves beside what it applied (W_*).
    "sync_note.chain": {
        "es": "el paquete {sequence} no sigue al {previous} importado (¿se restauró un respaldo en el equipo?)",
        "en": "package {sequence} does not follow the imported {previous} (was a backup restored on the device?)",
    },
    "sync_note.signed_later": {
        "es": "el paquete dice haberse firmado el {signed}, después de la hora de oficinas centrales ({now}); "
        "revise el reloj del equipo",
        "en": "the package says it was signed on {signed}, after headquarters' time ({now}); check the device's clock",
    },
    "sync_note.values_later": {
        "es": "{count:,} valores con fecha posterior a la firma del paquete ({bound}) o no válida; "
        "se tomó la hora de firma (revise el reloj del equipo)",
        "en": "{count:,} values dated after the package was signed ({bound}), or with an invalid date; "
        "the signing time was used (check the device's clock)",
    },
    "sync_note.sequence_gap": {
        "es": "faltan los paquetes {missing}; su contenido viene incluido en este",
        "en": "packages {missing} are missing; their content is included in this one",
    },
}
