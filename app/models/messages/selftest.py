"""The self-test's report (``selftest.<key>``): its steps, their lines and what a step found wrong."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "selftest.store": {"es": "Almacén nuevo, migrado al esquema {0}", "en": "New store, migrated to schema {0}"},
    "selftest.demo": {
        "es": "Datos de demostración de Nayarit: {0} unidades, {1} valores",
        "en": "Nayarit demonstration data: {0} facilities, {1} values",
    },
    "selftest.pdf": {
        "es": "PDF firmado y verificado ({0} KB): texto en español y fuentes incrustadas ({1})",
        "en": "Signed and verified PDF ({0} KB): Spanish text and embedded fonts ({1})",
    },
    "selftest.hq": {
        "es": "Oficinas centrales: claves y perfil importado en el estado (huella {0}…)",
        "en": "Headquarters: keys, and profile imported at the state (fingerprint {0}…)",
    },
    "selftest.enrol": {
        "es": "Registro de la coordinadora importado en oficinas centrales (huella {0}…)",
        "en": "Coordinator's enrolment imported at headquarters (fingerprint {0}…)",
    },
    "selftest.package": {
        "es": "Paquete completo {0} importado en oficinas centrales: {1} valores, {2} unidades",
        "en": "Full package {0} imported at headquarters: {1} values, {2} facilities",
    },
    "selftest.return": {
        "es": "Acuse y actualización importados en el estado: {0} filas idénticas en ambos lados",
        "en": "Acknowledgement and update imported at the state: {0} rows identical on both sides",
    },
    "selftest.window": {
        "es": "Ventana principal abierta y cerrada: {0}, {1} unidades (plataforma {2}); {3}",
        "en": "Main window opened and closed: {0}, {1} facilities (platform {2}); {3}",
    },
    "selftest.window.preview": {
        "es": "gráfica del tablero y vista previa del PDF firmado dibujadas",
        "en": "dashboard chart and signed PDF preview drawn",
    },
    "selftest.window.no_preview": {
        "es": "gráfica del tablero dibujada (sin PDF firmado que mostrar: falló el paso 3)",
        "en": "dashboard chart drawn (no signed PDF to show: step 3 failed)",
    },
    "selftest.name.store": {"es": "Almacén nuevo y migrado", "en": "New, migrated store"},
    "selftest.name.demo": {"es": "Datos de demostración", "en": "Demonstration data"},
    "selftest.name.pdf": {"es": "PDF firmado y verificado", "en": "Signed and verified PDF"},
    "selftest.name.hq": {"es": "Claves y perfil de oficinas centrales", "en": "Headquarters keys and profile"},
    "selftest.name.enrol": {"es": "Registro de la coordinadora", "en": "Coordinator's enrolment"},
    "selftest.name.package": {"es": "Paquete completo a oficinas centrales", "en": "Full package to headquarters"},
    "selftest.name.return": {
        "es": "Acuse y actualización de vuelta al estado",
        "en": "Acknowledgement and update back to the state",
    },
    "selftest.name.window": {"es": "Ventana principal", "en": "Main window"},
    "selftest.ok": {"es": "ok", "en": "ok"},
    "selftest.failed": {"es": "FALLÓ", "en": "FAILED"},
    "selftest.skipped": {"es": "omitido", "en": "skipped"},
    "selftest.skipped_why": {"es": "no se ejecutó: falló un paso anterior", "en": "not run: an earlier step failed"},
    "selftest.header": {
        "es": "Autoprueba de Coordina {version} ({where}; {system}; Python {python})",
        "en": "Coordina {version} self-test ({where}; {system}; Python {python})",
    },
    "selftest.frozen": {"es": "paquete instalado", "en": "installed bundle"},
    "selftest.source": {"es": "código fuente", "en": "source tree"},
    "selftest.glibc": {
        "es": "GLIBC más alta que requiere el paquete: {version} ({file}; {count} archivos ELF)",
        "en": "Highest GLIBC the bundle requires: {version} ({file}; {count} ELF files)",
    },
    "selftest.glibc_none": {
        "es": "Ningún archivo del paquete requiere una versión de GLIBC ({count} archivos ELF)",
        "en": "No file of the bundle requires a GLIBC version ({count} ELF files)",
    },
    "selftest.glibc_unreadable": {"es": "Archivos ELF ilegibles: {files}", "en": "Unreadable ELF files: {files}"},
    "selftest.passed": {
        "es": "Autoprueba correcta: {count} pasos en {seconds} s",
        "en": "Self-test passed: {count} steps in {seconds} s",
    },
    "selftest.failed_summary": {
        "es": "Autoprueba FALLIDA en: {names}. Detalles en {log}",
        "en": "Self-test FAILED at: {names}. Details in {log}",
    },
    "selftest.no_folder": {
        "es": "no se pudo crear la carpeta temporal en {where}: {reason}",
        "en": "the temporary folder could not be made in {where}: {reason}",
    },
    "selftest.schema_wrong": {
        "es": "el almacén quedó en el esquema {version}, no en el {latest}",
        "en": "the store is at schema {version}, not {latest}",
    },
    "selftest.demo_empty": {
        "es": "la demostración no guardó datos ({facilities} unidades, {values} valores)",
        "en": "the demo stored no data ({facilities} facilities, {values} values)",
    },
    "selftest.pdf_not_verified": {
        "es": "la firma del PDF no se verificó (código {code}): {problem}",
        "en": "the PDF's signature did not verify (code {code}): {problem}",
    },
    "selftest.pdf_text_missing": {
        "es": "el texto del PDF no contiene «{text}» (¿faltan las fuentes o los acentos?)",
        "en": "the PDF's text lacks '{text}' (fonts or accents missing?)",
    },
    "selftest.pdf_no_fonts": {
        "es": "el PDF no dibuja texto con ninguna fuente",
        "en": "the PDF draws no text with any font",
    },
    "selftest.pdf_font_not_embedded": {
        "es": "el PDF usa la fuente {font} sin incrustarla",
        "en": "the PDF uses the font {font} without embedding it",
    },
    "selftest.enrol_wrong": {
        "es": "el registro quedó para el estado {state}",
        "en": "the enrolment was stored for state {state}",
    },
    "selftest.import_refused": {"es": "{file} no se importó: {why}", "en": "{file} was not imported: {why}"},
    "selftest.hq_counts": {
        "es": "oficinas centrales tiene {units} unidades y {values} valores; se esperaban {expected_units} y {expected_values}",
        "en": "headquarters holds {units} facilities and {values} values; expected {expected_units} and {expected_values}",
    },
    "selftest.values_differ": {
        "es": "los valores exportados difieren: {left} y {right}",
        "en": "the exported values differ: {left} and {right}",
    },
    "selftest.no_window": {
        "es": "la interfaz gráfica no está disponible en esta instalación",
        "en": "the graphical interface is not available in this installation",
    },
    "selftest.window_timeout": {
        "es": "la ventana no terminó de abrir el mes en {seconds} s",
        "en": "the window did not finish opening the month in {seconds} s",
    },
    "selftest.window_failed": {
        "es": "la ventana no pudo abrir los datos: {error}",
        "en": "the window could not open the data: {error}",
    },
    "selftest.window_empty": {
        "es": "la ventana abrió {state} sin unidades",
        "en": "the window opened {state} with no facilities",
    },
    "selftest.chart_blank": {
        "es": "la gráfica del tablero salió en blanco (Qt Charts)",
        "en": "the dashboard chart came out blank (Qt Charts)",
    },
    "selftest.preview_blank": {
        "es": "la vista previa del PDF salió en blanco (Qt PDF)",
        "en": "the PDF preview came out blank (Qt PDF)",
    },
    "selftest.translation_missing": {
        "es": "falta la traducción al inglés ({path})",
        "en": "the English translation is missing ({path})",
    },
}
