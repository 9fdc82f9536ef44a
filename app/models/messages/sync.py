"""Messages of sync packages (stable ``E_*`` codes, shown as ``[E_CODE] text``) and conflicts."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "conflict_missing": {"es": "no existe el conflicto {id}", "en": "conflict {id} does not exist"},
    "conflict_choice": {
        "es": "elija «ours» (oficinas centrales) o «theirs» (el estado), no «{choice}»",
        "en": "choose 'ours' (headquarters) or 'theirs' (the state), not '{choice}'",
    },
    "conflict_resolved": {
        "es": "el conflicto {id} ya se resolvió el {at}",
        "en": "conflict {id} was already resolved on {at}",
    },
    "E_NOT_ZIP": {
        "es": "{where}: no es un paquete de Coordina (no es un archivo zip); elija el archivo .coordina que le enviaron",
        "en": "{where}: not a Coordina package (not a zip file); choose the .coordina file you were sent",
    },
    "E_TRUNCATED": {
        "es": "{where}: el paquete está incompleto o dañado ({detail}); cópielo de nuevo desde el original o pida que se lo envíen otra vez",
        "en": "{where}: the package is truncated or damaged ({detail}); copy it again from the original or ask for it to be sent again",
    },
    "E_TOO_LARGE": {
        "es": "{where}: el contenido descomprimido supera el límite ({detail}); posible bomba zip",
        "en": "{where}: the uncompressed content exceeds the limit ({detail}); possible zip bomb",
    },
    "E_RATIO": {
        "es": "{where}: «{detail}» se comprime de forma sospechosa (posible bomba zip)",
        "en": "{where}: '{detail}' compresses suspiciously (possible zip bomb)",
    },
    "E_ZIP_METHOD": {
        "es": "{where}: la entrada «{detail}» usa una compresión que Coordina no acepta (solo «stored» y «deflate»)",
        "en": "{where}: entry '{detail}' uses a compression Coordina does not accept (only stored and deflate)",
    },
    "E_ZIP_ENCRYPTED": {
        "es": "{where}: la entrada «{detail}» está cifrada con contraseña de zip; Coordina no escribe paquetes así",
        "en": "{where}: entry '{detail}' is zip-password encrypted; Coordina never writes packages like that",
    },
    "E_ZIP_VERSION": {
        "es": "{where}: el zip requiere funciones que Coordina no admite ({detail})",
        "en": "{where}: the zip needs features Coordina does not support ({detail})",
    },
    "E_ZIP_OVERLAP": {
        "es": "{where}: las entradas se superponen ({detail}); posible bomba zip",
        "en": "{where}: entries overlap ({detail}); possible zip bomb",
    },
    "E_SEQUENCE": {
        "es": "{where}: secuencia de paquetes no válida: {detail}",
        "en": "{where}: invalid package sequence: {detail}",
    },
    "E_INTERNAL": {
        "es": "{where}: error interno de Coordina al procesar este archivo ({detail}); no se cambió nada y el detalle quedó en el registro (logs/coordina.log)",
        "en": "{where}: Coordina internal error while processing this file ({detail}); nothing was changed and the details are in the log (logs/coordina.log)",
    },
    "E_PATH": {
        "es": "{where}: la entrada «{detail}» sale de la carpeta del paquete",
        "en": "{where}: entry '{detail}' escapes the package folder",
    },
    "E_DUPLICATE_ENTRY": {
        "es": "{where}: la entrada «{detail}» está repetida",
        "en": "{where}: entry '{detail}' appears twice",
    },
    "E_MISSING_FILE": {"es": "{where}: falta el archivo «{detail}»", "en": "{where}: file '{detail}' is missing"},
    "E_EXTRA_FILE": {
        "es": "{where}: el archivo «{detail}» no pertenece al paquete",
        "en": "{where}: file '{detail}' does not belong in the package",
    },
    "E_MANIFEST": {"es": "{where}: manifiesto no válido: {detail}", "en": "{where}: invalid manifest: {detail}"},
    "E_FORMAT_VERSION": {
        "es": "{where}: el paquete usa el formato {detail}, más nuevo que este Coordina; actualice Coordina",
        "en": "{where}: the package uses format {detail}, newer than this Coordina; update Coordina",
    },
    "E_SIGNATURE": {
        "es": "{where}: la firma del paquete no es válida: alguien lo modificó después de firmarlo; no lo use y pida que se lo envíen otra vez",
        "en": "{where}: the package's signature is not valid: it was changed after signing; do not use it and ask for it to be sent again",
    },
    "E_SIGNER_UNKNOWN": {
        "es": "{where}: el firmante no está registrado en oficinas centrales ({detail})",
        "en": "{where}: the signer is not registered at headquarters ({detail})",
    },
    "E_SIGNER_STATE": {
        "es": "{where}: el firmante está registrado para otro estado ({detail})",
        "en": "{where}: the signer is registered for another state ({detail})",
    },
    "E_SIGNER_REVOKED": {
        "es": "{where}: el certificado del firmante fue revocado ({detail})",
        "en": "{where}: the signer's certificate was revoked ({detail})",
    },
    "E_HASH": {
        "es": "{where}: el archivo «{detail}» del paquete cambió después de firmarse (su código de control no coincide); pida que se lo envíen otra vez",
        "en": "{where}: file '{detail}' in the package changed after signing (its checksum does not match); ask for it to be sent again",
    },
    "E_DECRYPT": {
        "es": "{where}: no se pudo abrir el contenido cifrado ({detail}); el paquete no es para este equipo o se dañó: pida que se lo envíen otra vez",
        "en": "{where}: the encrypted content could not be opened ({detail}); the package is not for this computer or is damaged: ask for it to be sent again",
    },
    "E_HQ_MISMATCH": {
        "es": "{where}: el paquete es para otras oficinas centrales ({detail}); compruebe que el estado importó el perfil correcto",
        "en": "{where}: the package is for another headquarters ({detail}); check that the state imported the right profile",
    },
    "E_PAYLOAD": {"es": "{where}: contenido no válido: {detail}", "en": "{where}: invalid content: {detail}"},
    "E_UUID_REUSED": {
        "es": "{where}: ya se importó un paquete con el mismo identificador y otro contenido ({detail}); no se importó: avise a soporte técnico",
        "en": "{where}: a package with the same id and other content was already imported ({detail})",
    },
    "E_REPLAY": {
        "es": "{where}: este paquete ya se había importado (envío {detail}); no hay que hacer nada, o importe el envío más reciente",
        "en": "{where}: this package was already imported (sequence {detail}); nothing to do, or import the latest one",
    },
    "E_SCOPE": {
        "es": "{where}: el contenido del paquete no coincide con lo que declara su firma ({detail}); pida que se lo envíen de nuevo. No se importó nada",
        "en": "{where}: the manifest's scope does not match the content ({detail}); nothing was imported",
    },
    "E_CHAIN": {
        "es": "{where}: el paquete no continúa al anterior de este equipo ({detail}); no se importó nada",
        "en": "{where}: the package does not follow this device's previous one ({detail}); nothing was imported",
    },
    "E_FACILITY_STATE": {
        "es": "{where}: el registro de unidades incluye una unidad de otro estado ({detail}); no se importó nada",
        "en": "{where}: the facility registry lists a unit of another state ({detail}); nothing was imported",
    },
    "E_REGISTRY": {
        "es": "{where}: registro de unidades no válido: {detail}; no se importó nada",
        "en": "{where}: invalid facility registry: {detail}; nothing was imported",
    },
    "E_PROFILE_FILE": {
        "es": "{where}: no es un perfil de oficinas centrales válido ({detail})",
        "en": "{where}: not a valid headquarters profile ({detail})",
    },
    "E_ENROL_FILE": {
        "es": "{where}: no es un archivo de registro de coordinador válido ({detail})",
        "en": "{where}: not a valid coordinator enrolment file ({detail})",
    },
    "E_ROLE": {
        "es": "{where}: esta acción es para el perfil {detail}",
        "en": "{where}: this action is for the {detail} profile",
    },
    "E_NO_PROFILE": {
        "es": "{where}: el directorio de datos no tiene perfil; use init --role state --state CLAVE o init --role hq",
        "en": "{where}: the data directory has no profile; use init --role state --state CODE or init --role hq",
    },
    "E_PROFILE_EXISTS": {
        "es": "{where}: el directorio de datos ya tiene el perfil {detail}",
        "en": "{where}: the data directory already has the {detail} profile",
    },
    "E_NO_HQ": {
        "es": "{where}: importe primero el perfil de oficinas centrales (hq-profile import)",
        "en": "{where}: import the headquarters profile first (hq-profile import)",
    },
    "E_NO_CERTIFICATE": {
        "es": "{where}: no hay certificado del coordinador; cree una identidad (identity create) o indique --cert",
        "en": "{where}: no coordinator certificate; create an identity (identity create) or give --cert",
    },
    "E_NOT_REGISTERED": {
        "es": "{where}: el certificado {detail} no está registrado",
        "en": "{where}: certificate {detail} is not registered",
    },
    "E_PASSPHRASE_NEEDED": {
        "es": "{where}: las claves de oficinas centrales están protegidas con contraseña; indíquela con --passphrase-env VARIABLE",
        "en": "{where}: headquarters' keys are protected by a passphrase; give it with --passphrase-env VARIABLE",
    },
    "E_PASSPHRASE_WRONG": {
        "es": "{where}: contraseña incorrecta para las claves de oficinas centrales; no se escribió nada",
        "en": "{where}: wrong passphrase for headquarters' keys; nothing was written",
    },
    "E_PASSPHRASE_WEAK": {
        "es": "{where}: la contraseña de las claves debe tener al menos {detail} caracteres",
        "en": "{where}: the keys' passphrase must have at least {detail} characters",
    },
    "E_FINGERPRINT_UNCONFIRMED": {
        "es": "{where}: compare la huella por teléfono y confírmela con --fingerprint «{detail}»; no se guardó nada",
        "en": "{where}: compare the fingerprint over the phone and confirm it with --fingerprint '{detail}'; nothing was stored",
    },
    "E_FINGERPRINT_MISMATCH": {
        "es": "{where}: la huella del archivo no es la confirmada ({detail}); el archivo no es el que se leyó por teléfono, no se guardó nada",
        "en": "{where}: the file's fingerprint is not the confirmed one ({detail}); it is not the file read over the phone, nothing was stored",
    },
    "E_HQ_ROTATION": {
        "es": "{where}: el nuevo perfil de oficinas centrales no está firmado con la clave en uso ({detail})",
        "en": "{where}: the new headquarters profile is not signed by the key in use ({detail})",
    },
    # What sync errors and import summaries say around the codes above.
    "sync_where": {"es": "paquete", "en": "package"},
    "sync_unknown": {"es": "{where}: {detail}", "en": "{where}: {detail}"},
    "sync_already_imported": {
        "es": "Paquete ya importado el {at}; no se cambió nada",
        "en": "Package already imported on {at}; nothing was changed",
    },
    "sync_values_rejected": {
        "es": "Paquete rechazado: {count} valores no válidos; no se importó nada",
        "en": "Package refused: {count} values are not valid; nothing was imported",
    },
    "sync_values_applied": {
        "es": "{applied} valores aplicados, {flagged} en conflicto para revisión; {registry}",
        "en": "{applied} values applied, {flagged} in conflict for review; {registry}",
    },
    "sync_wrong_state": {"es": "el paquete es para el estado {state}", "en": "the package is for the state {state}"},
    "sync_registry_counts": {
        "es": "{created} unidades nuevas, {updated} actualizadas",
        "en": "{created} new facilities, {updated} updated",
    },
    "sync_ack_applied": {
        "es": "{delivered} paquetes entregados; {flagged} valores en revisión en oficinas centrales",
        "en": "{delivered} packages delivered; {flagged} values under review at headquarters",
    },
    "sync_update_applied": {"es": "{registry}, {targets} metas", "en": "{registry}, {targets} targets"},
}
