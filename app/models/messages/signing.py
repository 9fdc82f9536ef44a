"""Messages of signing identities, PDF signing and signature verification."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "passphrase_wrong": {"es": "{path}: contraseña incorrecta", "en": "{path}: wrong passphrase"},
    "identity_exists": {
        "es": "{path}: ya existe un archivo de identidad; no se reemplazó. Elija otro nombre o use --force para reemplazarlo (la identidad anterior se pierde)",
        "en": "{path}: an identity file already exists; it was not replaced. Choose another name or use --force to replace it (the old identity is lost)",
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
        "es": "{subject}: este es un CSD (Certificado de Sello Digital, sucursal «{branch}»), que el SAT emite solo para sellar facturas (CFDI); no sirve para firmar documentos. Use su e.firma (FIEL)",
        "en": "{subject}: this is a CSD (digital seal certificate, branch '{branch}'), which SAT issues only to seal invoices (CFDI); it cannot sign documents. Use your e.firma (FIEL)",
    },
    "identity_not_for_signing": {
        "es": "el certificado de {subject} no permite firmar documentos (uso de llave: {usage})",
        "en": "the certificate of {subject} does not allow signing documents (key usage: {usage})",
    },
    "identity_field_missing": {
        "es": "falta {field} para crear la identidad",
        "en": "{field} is required to create the identity",
    },
    "signing_failed": {"es": "no se pudo firmar el PDF: {reason}", "en": "the PDF could not be signed: {reason}"},
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
    "verify_untrusted": {"es": "el firmante no es de confianza", "en": "the signer is not trusted"},
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
    "verify_what_signature_field": {
        "es": "un campo de firma nuevo, sin firmar",
        "en": "a new, unsigned signature field",
    },
    "verify_what_signature": {"es": "otra firma", "en": "another signature"},
    "verify_what_annotation": {
        "es": "una anotación (algo dibujado sobre la página)",
        "en": "an annotation (something drawn over the page)",
    },
    "verify_what_page": {"es": "cambios en las páginas", "en": "changes to the pages"},
    "verify_what_content": {"es": "contenido nuevo de la página", "en": "new page content"},
    "verify_what_info": {
        "es": "cambios en la información del documento (título, autor…)",
        "en": "changes to the document information (title, author…)",
    },
    "verify_what_metadata": {"es": "cambios en los metadatos", "en": "changes to the metadata"},
    "verify_what_catalog": {"es": "cambios en la estructura del documento", "en": "changes to the document structure"},
    "verify_what_form": {"es": "cambios en el formulario", "en": "changes to the form"},
    "verify_what_other": {"es": "otros cambios", "en": "other changes"},
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
    "trust_cert_invalid": {
        "es": "{path}: no es un certificado PEM o DER válido",
        "en": "{path}: not a valid PEM or DER certificate",
    },
    # The visible signature block and the signature's /Reason in a signed summary.
    "signature_block.by": {"es": "Firmado digitalmente por", "en": "Digitally signed by"},
    "signature_block.when": {"es": "Fecha y hora: {when}", "en": "Date and time: {when}"},
    "signature_block.fingerprint": {"es": "Huella SHA-256 del certificado:", "en": "Certificate SHA-256 fingerprint:"},
    "signed_summary.reason": {
        "es": "Resumen estatal emitido por la coordinación",
        "en": "State summary issued by the coordination",
    },
}
