<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es_MX">
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="117"/>
        <source>Respaldos</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="121"/>
        <source>Coordina guarda un respaldo cada día y otro antes de cada importación o restauración. Se conservan los 10 más recientes.</source>
        <translation>Coordina takes a backup every day and another before each import or restore. The 10 most recent are kept.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="145"/>
        <source>Crear respaldo ahora</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="146"/>
        <source>Restaurar…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="147"/>
        <source>Abrir carpeta</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="156"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="197"/>
        <source>Todavía no hay respaldos.</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="208"/>
        <source>Respaldo creado: %1</source>
        <translation>Backup created: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="211"/>
        <source>Creando respaldo…</source>
        <translation>Creating backup…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="220"/>
        <source>Restaurar respaldo</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="221"/>
        <source>¿Restaurar el respaldo del %1 (%2)?</source>
        <translation>Restore the backup of %1 (%2)?</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="225"/>
        <source>Los datos actuales se reemplazarán por los de ese respaldo. Antes de restaurar, Coordina guarda un respaldo de seguridad de los datos actuales («Antes de restaurar»), así que podrá volver a ellos si se equivoca.</source>
        <translation>The current data will be replaced by that backup. Before restoring, Coordina saves a safety backup of the current data (&quot;Before restore&quot;), so you can go back to it if this was a mistake.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="229"/>
        <source>Restaurar</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="230"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="250"/>
        <source>Se restauró el respaldo del %1. Los datos anteriores quedaron en el respaldo de seguridad %2.</source>
        <translation>The backup of %1 was restored. The previous data is kept in the safety backup %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="260"/>
        <source>No se pudo restaurar el respaldo. Motivo: %1</source>
        <translation>The backup could not be restored. Reason: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="266"/>
        <source>Restaurando respaldo…</source>
        <translation>Restoring backup…</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="47"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="47"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="47"/>
        <source>Tamaño</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="49"/>
        <source>Diario</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="50"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="51"/>
        <source>Antes de importar</source>
        <translation>Before import</translation>
    </message>
    <message>
        <location filename="../../app/ui/backups_dialog.py" line="52"/>
        <source>Antes de restaurar</source>
        <translation>Before restore</translation>
    </message>
</context>
<context>
    <name>CellRow</name>
    <message>
        <location filename="../../app/ui/form_fields.py" line="67"/>
        <source>Comentario</source>
        <extracomment>Grid columns of a row; the form lays its header out on the same indexes.</extracomment>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="70"/>
        <source>Provisional</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="72"/>
        <source>Dato provisional: en proceso de definición con el Gobierno del estado</source>
        <translation>Provisional figure: being agreed with the state government</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="75"/>
        <source>Seguimiento</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="76"/>
        <source>Marcar para dar seguimiento a este dato</source>
        <translation>Mark this figure for follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="81"/>
        <source>Historial de cambios de esta celda</source>
        <translation>Change history of this cell</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="98"/>
        <location filename="../../app/ui/form_fields.py" line="110"/>
        <source>sin dato</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="100"/>
        <source>Sí</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="101"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="113"/>
        <source>Pesos, por ejemplo 1,250,000.50</source>
        <translation>Pesos, e.g. 1,250,000.50</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="114"/>
        <source>Porcentaje de 0 a 100</source>
        <translation>Percentage from 0 to 100</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="115"/>
        <source>Número entero, sin negativos</source>
        <translation>Whole number, not negative</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="195"/>
        <source>No se guardó: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_fields.py" line="215"/>
        <source>Valor requerido: todavía sin dato</source>
        <translation>Required value: still no data</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../app/ui/comment_dialog.py" line="20"/>
        <source>Comentario de la celda</source>
        <translation>Cell comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/comment_dialog.py" line="27"/>
        <source>Por ejemplo: Según el SIS, revisión pendiente</source>
        <translation>For example: According to SIS, review pending</translation>
    </message>
    <message>
        <location filename="../../app/ui/comment_dialog.py" line="31"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/comment_dialog.py" line="32"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FacilitiesDialog</name>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="51"/>
        <source>Unidades médicas (CLUES)</source>
        <translation>Health facilities (CLUES)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="55"/>
        <source>Buscar por CLUES, nombre, municipio, jurisdicción…</source>
        <translation>Search by CLUES, name, municipality, jurisdiction…</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="58"/>
        <source>Todos los estados</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="82"/>
        <source>Nueva…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="83"/>
        <source>Editar…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="84"/>
        <source>Importar…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="85"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="151"/>
        <source>%1 unidades</source>
        <translation>%1 facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="152"/>
        <source>%1 de %2 unidades</source>
        <translation>%1 of %2 facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="193"/>
        <source>Se guardó %1 (%2).</source>
        <translation>Saved %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="199"/>
        <source>Importar catálogo CLUES</source>
        <translation>Import CLUES catalogue</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="200"/>
        <source>Catálogo CLUES (*.csv *.xlsx);;Todos los archivos (*)</source>
        <translation>CLUES catalogue (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities_dialog.py" line="215"/>
        <source>Importación terminada: %1 nuevas, %2 actualizadas.</source>
        <translation>Import finished: %1 new, %2 updated.</translation>
    </message>
</context>
<context>
    <name>FacilitiesModel</name>
    <message>
        <location filename="../../app/ui/facility_models.py" line="52"/>
        <source>Cambio</source>
        <extracomment>Raw value for sorting (numbers sort as numbers, dates as ISO text). The Facility of a row.</extracomment>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="52"/>
        <source>CLUES</source>
        <translation>CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="52"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="53"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="53"/>
        <source>Nivel</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="53"/>
        <source>Municipio</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="54"/>
        <source>Jurisdicción</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="54"/>
        <source>Institución</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="55"/>
        <source>Estatus</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="55"/>
        <source>Desde</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="55"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="58"/>
        <source>Nueva</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="58"/>
        <source>Actualizada</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="59"/>
        <source>Sin cambios</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="60"/>
        <source>demo</source>
        <translation>demo</translation>
    </message>
</context>
<context>
    <name>FacilityEditorDialog</name>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="54"/>
        <source>Editar unidad</source>
        <extracomment>QDateEdit cannot be empty: its minimum date stands for &quot;sin fecha&quot;.</extracomment>
        <translation>Edit facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="54"/>
        <source>Nueva unidad</source>
        <translation>New facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="59"/>
        <source>p. ej. NTIMB000123</source>
        <translation>e.g. NTIMB000123</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="84"/>
        <source>sin fecha</source>
        <translation>no date</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="85"/>
        <source>Sí (datos de demostración)</source>
        <translation>Yes (demo data)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="85"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="94"/>
        <source>CLUES</source>
        <translation>CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="96"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="97"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="98"/>
        <source>Municipio</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="99"/>
        <source>Jurisdicción</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="100"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="101"/>
        <source>Nivel de atención</source>
        <translation>Level of care</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="102"/>
        <source>Institución</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="103"/>
        <source>Estatus de operación</source>
        <translation>Operating status</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="104"/>
        <source>Desde</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="105"/>
        <source>Demostración</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="106"/>
        <source>Historial de estatus</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="110"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="111"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="132"/>
        <source>Se registrará al guardar.</source>
        <translation>Recorded when saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="144"/>
        <source>La CLUES identifica la unidad y no se puede cambiar</source>
        <translation>The CLUES identifies the facility and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="165"/>
        <source>%1 · desde %2</source>
        <translation>%1 · since %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="167"/>
        <source>hasta %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="169"/>
        <source>(actual)</source>
        <translation>(current)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="196"/>
        <source>CLUES válida</source>
        <translation>Valid CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="239"/>
        <source>Ya existe una unidad con la CLUES %1; búsquela y use «Editar…».</source>
        <translation>A facility with CLUES %1 already exists; find it and use &quot;Edit…&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_editor.py" line="257"/>
        <source>No se guardó: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>FacilityFormDialog</name>
    <message>
        <location filename="../../app/ui/facility_form.py" line="55"/>
        <source>Formulario de la unidad</source>
        <translation>Facility form</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="107"/>
        <source>◀ Anterior (RePág)</source>
        <translation>◀ Previous (PgUp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="108"/>
        <source>Siguiente (AvPág) ▶</source>
        <translation>Next (PgDn) ▶</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="110"/>
        <source>Deshacer</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="111"/>
        <source>Rehacer</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="112"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="258"/>
        <location filename="../../app/ui/facility_form.py" line="327"/>
        <source>%1 de %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="262"/>
        <source>borrador</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="262"/>
        <source>cerrado</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="264"/>
        <source>Informe de %1 · %2</source>
        <translation>Report for %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="267"/>
        <source>Datos estatales · %1</source>
        <translation>State data · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="269"/>
        <source>Variables que se capturan una sola vez para todo el estado (basificación).</source>
        <translation>Variables entered once for the whole state (basification).</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="271"/>
        <source>Datos estatales</source>
        <translation>State data</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="283"/>
        <source>desde %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="290"/>
        <source>Estatus: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="292"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="300"/>
        <source>Se ocultan %1 campos que no aplican a %2.</source>
        <translation>%1 fields that do not apply to %2 are hidden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="333"/>
        <source>Capturado: %1 de %2 campos</source>
        <translation>Entered: %1 of %2 fields</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="343"/>
        <source>El informe de %1 está cerrado: el formulario es de solo lectura. Reábralo para editar.</source>
        <translation>The %1 report is closed: the form is read-only. Reopen it to edit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="348"/>
        <source>%1 en %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_form.py" line="403"/>
        <source>No se guardó el último cambio: %1</source>
        <translation>The last change was not saved: %1</translation>
    </message>
</context>
<context>
    <name>FacilityImportDialog</name>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="59"/>
        <source>Importar unidades · %1</source>
        <translation>Import facilities · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="62"/>
        <source>Leyendo %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="80"/>
        <source>Aceptadas</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="82"/>
        <source>Rechazadas</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="90"/>
        <source>Importar</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="93"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="132"/>
        <source>Aceptadas (%1)</source>
        <translation>Accepted (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="133"/>
        <source>Rechazadas (%1): no se importarán</source>
        <translation>Rejected (%1): will not be imported</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="135"/>
        <source>%1 filas aceptadas: %2 nuevas, %3 actualizadas y %4 sin cambios.</source>
        <translation>%1 rows accepted: %2 new, %3 updated and %4 unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="139"/>
        <source>%1 filas rechazadas no se importarán; abajo se dice por qué.</source>
        <translation>%1 rejected rows will not be imported; the reasons are below.</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="146"/>
        <source>Columnas reconocidas: %1</source>
        <translation>Recognised columns: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="148"/>
        <source>Importar %1 unidades</source>
        <translation>Import %1 facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="151"/>
        <source>No hay nada que importar.</source>
        <translation>There is nothing to import.</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="154"/>
        <source>CLUES</source>
        <translation>CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="154"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="154"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="155"/>
        <source>Municipio</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="155"/>
        <source>Jurisdicción</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="156"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="156"/>
        <source>Nivel</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="156"/>
        <source>Institución</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="157"/>
        <source>Estatus</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="157"/>
        <source>Desde</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="161"/>
        <source>No se pudo leer el archivo: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="165"/>
        <location filename="../../app/ui/import_preview_dialog.py" line="183"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="178"/>
        <source>Importación terminada: %1 nuevas, %2 actualizadas.</source>
        <translation>Import finished: %1 new, %2 updated.</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="189"/>
        <source>No se importó nada: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_dialog.py" line="194"/>
        <source>Importando unidades…</source>
        <translation>Importing facilities…</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../app/ui/file_actions.py" line="79"/>
        <location filename="../../app/ui/file_actions.py" line="89"/>
        <source>Importar valores</source>
        <translation>Import values</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="80"/>
        <source>Hojas de cálculo (*.xlsx *.csv);;Todos los archivos (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="94"/>
        <source>Se leyeron {0} filas de {1}: {2} valores nuevos, {3} actualizados y {4} sin cambio.</source>
        <translation>Read {0} rows from {1}: {2} new values, {3} updated and {4} unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="98"/>
        <source>{0} celdas tienen avisos o errores de validación: revíselas en la tabla.</source>
        <translation>{0} cells have validation warnings or errors: check them in the table.</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="109"/>
        <location filename="../../app/ui/file_actions.py" line="124"/>
        <source>Exportar valores</source>
        <translation>Export values</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="110"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="127"/>
        <source>Se exportaron {0} valores a {1}.</source>
        <translation>Exported {0} values to {1}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="134"/>
        <location filename="../../app/ui/file_actions.py" line="147"/>
        <source>Plantilla de Excel</source>
        <translation>Excel template</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="135"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="151"/>
        <source>Plantilla guardada en {0}.
Llénela en Excel y tráigala con Archivo → Importar valores…</source>
        <translation>Template saved to {0}.
Fill it in Excel and bring it back with File → Import values…</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="160"/>
        <source>Datos de demostración</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../app/ui/file_actions.py" line="162"/>
        <source>Preparando los datos de demostración…</source>
        <translation>Preparing the demo data…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="30"/>
        <source>Buscar por nombre o CLUES</source>
        <translation>Search by name or CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="34"/>
        <source>Tipo:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="34"/>
        <source>Nivel:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="35"/>
        <source>Municipio:</source>
        <translation>Municipality:</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="58"/>
        <location filename="../../app/ui/filter_bar.py" line="61"/>
        <location filename="../../app/ui/filter_bar.py" line="65"/>
        <source>Todos</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="83"/>
        <source>{0} de {1} unidades</source>
        <translation>{0} of {1} facilities</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <location filename="../../app/ui/grid_view.py" line="114"/>
        <source>Copiar</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="115"/>
        <source>Pegar</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="116"/>
        <source>Borrar celdas (Supr)</source>
        <translation>Clear cells (Del)</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="196"/>
        <source>Borrar {0} celdas</source>
        <translation>Clear {0} cells</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="198"/>
        <source>No se borró nada</source>
        <translation>Nothing was cleared</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="201"/>
        <source>{0} celdas borradas (sin dato)</source>
        <translation>{0} cells cleared (no data)</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="218"/>
        <source>{0} celdas copiadas</source>
        <translation>{0} cells copied</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="238"/>
        <location filename="../../app/ui/grid_view.py" line="248"/>
        <source>No se pegó nada</source>
        <translation>Nothing was pasted</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="239"/>
        <source>El bloque copiado ({0} filas × {1} columnas) no cabe a partir de la celda elegida. Elija una celda más arriba o más a la izquierda, o filtre menos unidades.</source>
        <translation>The copied block ({0} rows × {1} columns) does not fit from the chosen cell. Choose a cell further up or to the left, or filter fewer facilities.</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="246"/>
        <source>Pegar {0} celdas</source>
        <translation>Paste {0} cells</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="251"/>
        <source>{0} celdas pegadas</source>
        <translation>{0} cells pasted</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="269"/>
        <source>Avance</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="270"/>
        <source>• {0} — {1}: {2}</source>
        <translation>• {0} — {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="273"/>
        <source>… y {0} celdas más</source>
        <translation>… and {0} more cells</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="275"/>
        <source>No se guardó ninguna celda. Corrija estas y vuelva a intentarlo:</source>
        <translation>No cell was saved. Fix these and try again:</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="294"/>
        <source>Historial de la celda…</source>
        <translation>Cell history…</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="296"/>
        <source>Comentario…</source>
        <translation>Comment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="298"/>
        <location filename="../../app/ui/grid_view.py" line="366"/>
        <source>Marcar como provisional</source>
        <translation>Mark as provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="303"/>
        <location filename="../../app/ui/grid_view.py" line="366"/>
        <source>Marcar para seguimiento</source>
        <translation>Mark for follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="311"/>
        <source>Abrir formulario de la unidad</source>
        <translation>Open the facility form</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="342"/>
        <source>Comentario en {0}</source>
        <translation>Comment on {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_view.py" line="373"/>
        <source>No se pudo guardar</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="183"/>
        <source>Historial</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="195"/>
        <source>Verificando el historial…</source>
        <translation>Checking the history…</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="210"/>
        <source>Esta celda no tiene cambios registrados.</source>
        <translation>This cell has no recorded changes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="214"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="245"/>
        <source>Historial íntegro</source>
        <translation>History intact</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="247"/>
        <source>Cada cambio lleva la huella del anterior; ninguna se ha modificado.</source>
        <translation>Each change carries the fingerprint of the previous one; none has been altered.</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="251"/>
        <source>¡El historial fue alterado en el registro %1!</source>
        <translation>The history was altered at record %1!</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="252"/>
        <source>Alguien modificó la base de datos fuera de Coordina; los cambios a partir de ese registro no son confiables.</source>
        <translation>Someone modified the database outside Coordina; changes from that record on cannot be trusted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="259"/>
        <source>No se pudo leer el historial: %1</source>
        <translation>The history could not be read: %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="70"/>
        <source>Fecha y hora</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="70"/>
        <source>Usuario</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="70"/>
        <source>Campo</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="71"/>
        <source>Antes</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="71"/>
        <source>Después</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="71"/>
        <source>Origen</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="73"/>
        <source>valor</source>
        <translation>value</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="74"/>
        <source>comentario</source>
        <translation>comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="75"/>
        <source>provisional</source>
        <translation>provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="76"/>
        <source>seguimiento</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="77"/>
        <source>estatus</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="80"/>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="81"/>
        <location filename="../../app/ui/history_dialog.py" line="82"/>
        <location filename="../../app/ui/history_dialog.py" line="83"/>
        <location filename="../../app/ui/history_dialog.py" line="84"/>
        <source>archivo</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="85"/>
        <source>demo</source>
        <translation>demo</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="86"/>
        <location filename="../../app/ui/history_dialog.py" line="87"/>
        <source>paquete</source>
        <translation>package</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="89"/>
        <source>sin dato</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="90"/>
        <source>(vacío)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="91"/>
        <source>Sí</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="91"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="92"/>
        <source>borrador</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="92"/>
        <source>cerrado</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="93"/>
        <source>recibido</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="93"/>
        <source>aprobado</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_dialog.py" line="125"/>
        <source>Registro %1 · huella %2</source>
        <translation>Record %1 · fingerprint %2</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../app/ui/main_menus.py" line="36"/>
        <source>&amp;Archivo</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="38"/>
        <source>Importar unidades…</source>
        <translation>Import facilities…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="39"/>
        <source>Importar valores…</source>
        <translation>Import values…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="40"/>
        <source>Exportar valores…</source>
        <translation>Export values…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="41"/>
        <source>Plantilla de Excel…</source>
        <translation>Excel template…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="43"/>
        <source>Respaldos…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="45"/>
        <source>Salir</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="48"/>
        <source>&amp;Editar</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="49"/>
        <source>Deshacer</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="51"/>
        <source>Rehacer</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="60"/>
        <source>Comentario…</source>
        <translation>Comment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="61"/>
        <source>Historial de la celda…</source>
        <translation>Cell history…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="63"/>
        <source>&amp;Informe</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="64"/>
        <source>Cerrar informe…</source>
        <translation>Close report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="65"/>
        <source>Reabrir informe…</source>
        <translation>Reopen report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="67"/>
        <source>Datos estatales…</source>
        <translation>State data…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="68"/>
        <source>Sección siguiente</source>
        <translation>Next section</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="72"/>
        <source>Sección anterior</source>
        <translation>Previous section</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="79"/>
        <source>&amp;Ver</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="80"/>
        <location filename="../../app/ui/main_menus.py" line="96"/>
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="89"/>
        <source>A&amp;yuda</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="90"/>
        <location filename="../../app/ui/main_menus.py" line="101"/>
        <source>Acerca de Coordina</source>
        <translation>About Coordina</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="97"/>
        <source>El idioma cambiará la próxima vez que abra Coordina. / The language will change the next time you open Coordina.</source>
        <translation>The language will change the next time you open Coordina. / El idioma cambiará la próxima vez que abra Coordina.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_menus.py" line="102"/>
        <source>&lt;h3&gt;Coordina {0}&lt;/h3&gt;&lt;p&gt;Informes mensuales de las unidades de salud para las coordinaciones estatales de IMSS-BIENESTAR. Funciona sin conexión; cada dato se guarda al momento.&lt;/p&gt;&lt;p&gt;Directorio de datos:&lt;br&gt;&lt;code&gt;{1}&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coordina {0}&lt;/h3&gt;&lt;p&gt;Monthly health-facility reports for the IMSS-BIENESTAR state coordinations. Works offline; every value is saved as soon as it is entered.&lt;/p&gt;&lt;p&gt;Data directory:&lt;br&gt;&lt;code&gt;{1}&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="100"/>
        <source>Mes del informe</source>
        <translation>Report month</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104"/>
        <source> Estado: </source>
        <translation> State: </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="106"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="110"/>
        <source>   Mes: </source>
        <translation>   Month: </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="117"/>
        <source>DEMO: datos de ejemplo</source>
        <translation>DEMO: sample data</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="123"/>
        <source>Abriendo los datos…</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="235"/>
        <source>No se pudo hacer el respaldo diario: {0}</source>
        <translation>The daily backup could not be made: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="239"/>
        <source>No se pudieron abrir los datos.</source>
        <translation>The data could not be opened.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="245"/>
        <source>Respaldo diario guardado</source>
        <translation>Daily backup saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="251"/>
        <source>Cargando {0}, {1}…</source>
        <translation>Loading {0}, {1}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="266"/>
        <source>{0} no tiene unidades registradas. Use Archivo → Importar unidades… o elija otro estado.</source>
        <translation>{0} has no registered facilities. Use File → Import facilities… or choose another state.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="272"/>
        <source>No se pudo abrir el mes</source>
        <translation>The month could not be opened</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="290"/>
        <source>Informe cerrado: la tabla es de solo lectura. Para corregir, use «Reabrir informe…»; la reapertura queda registrada.</source>
        <translation>Report closed: the table is read-only. To correct it, use “Reopen report…”; reopening is logged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="293"/>
        <source>Informe cerrado</source>
        <translation>Report closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="294"/>
        <source>Informe reabierto: la reapertura quedó registrada</source>
        <translation>Report reopened: the reopening was logged</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="297"/>
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="297"/>
        <source>Guardado ✓</source>
        <translation>Saved ✓</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="302"/>
        <source>No se guardó: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="303"/>
        <source>No se guardó el cambio</source>
        <translation>The change was not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="312"/>
        <location filename="../../app/ui/main_window.py" line="315"/>
        <source>Cerrar informe</source>
        <translation>Close report</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="313"/>
        <source>¿Cerrar el informe de {0}?

La captura quedará de solo lectura. Si después necesita corregir, podrá reabrirlo; la reapertura queda registrada.</source>
        <translation>Close the report of {0}?

Data entry becomes read-only. If you need to correct it later you can reopen it; reopening is logged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="322"/>
        <location filename="../../app/ui/main_window.py" line="325"/>
        <source>Reabrir informe</source>
        <translation>Reopen report</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="323"/>
        <source>¿Reabrir el informe de {0}?

La reapertura queda registrada en el historial y el resumen firmado tendrá que firmarse de nuevo.</source>
        <translation>Reopen the report of {0}?

The reopening is logged in the history and the signed summary will have to be signed again.</translation>
    </message>
</context>
<context>
    <name>MonthGridModel</name>
    <message>
        <location filename="../../app/ui/grid_model.py" line="122"/>
        <source>Avance</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_model.py" line="123"/>
        <source>Celdas con dato de la unidad en esta sección</source>
        <translation>The facility&apos;s cells with data in this section</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="140"/>
        <source>(sí/no)</source>
        <translation>(yes/no)</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="152"/>
        <source>Se suma en el año (flujo)</source>
        <translation>Added up over the year (flow)</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="152"/>
        <source>Vale el último mes (existencia)</source>
        <translation>The latest month counts (stock)</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="103"/>
        <source>Municipio: {0}</source>
        <extracomment>Everything the delegate paints, in one call: (text, background, foreground, alignment, italic, marks, completeness or None). One data() call per cell instead of nine.</extracomment>
        <translation>Municipality: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="105"/>
        <source>Jurisdicción: {0}</source>
        <translation>Jurisdiction: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_model.py" line="320"/>
        <source>{0} de {1} celdas con dato en esta sección</source>
        <translation>{0} of {1} cells with data in this section</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="116"/>
        <source>No aplica a este tipo de unidad ({0})</source>
        <translation>Does not apply to this facility type ({0})</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="120"/>
        <source>No se guardó «{0}»: {1}</source>
        <translation>“{0}” was not saved: {1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="122"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="122"/>
        <source>Aviso</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="126"/>
        <source>Comentario: {0}</source>
        <translation>Comment: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="128"/>
        <source>Provisional: en proceso de definición con el Gobierno del estado</source>
        <translation>Provisional: being defined with the state government</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="130"/>
        <source>Marcado para seguimiento</source>
        <translation>Marked for follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_cells.py" line="132"/>
        <source>Informe cerrado: solo lectura</source>
        <translation>Report closed: read-only</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_model.py" line="340"/>
        <source>Editar {0} de {1}</source>
        <translation>Edit {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_model.py" line="368"/>
        <source>el informe está cerrado; reábralo para editar</source>
        <translation>the report is closed; reopen it to edit</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_model.py" line="393"/>
        <source>la columna Avance se calcula, no se escribe</source>
        <translation>the Progress column is computed, not typed</translation>
    </message>
    <message>
        <location filename="../../app/ui/grid_model.py" line="394"/>
        <source>no aplica a este tipo de unidad</source>
        <translation>does not apply to this facility type</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <location filename="../../app/ui/month_picker.py" line="27"/>
        <source>Mes</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../app/ui/month_picker.py" line="30"/>
        <source>Año</source>
        <translation>Year</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <location filename="../../app/ui/facility_models.py" line="180"/>
        <source>Fila</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../app/ui/facility_models.py" line="180"/>
        <source>Motivo del rechazo</source>
        <translation>Reason for rejection</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../app/ui/side_panel.py" line="61"/>
        <source>Informe del mes</source>
        <translation>Month report</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="64"/>
        <source>Estado del informe:</source>
        <translation>Report status:</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="71"/>
        <source>Cerrar informe…</source>
        <translation>Close report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="73"/>
        <source>Reabrir informe…</source>
        <translation>Reopen report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="84"/>
        <source>Datos estatales…</source>
        <translation>State data…</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="85"/>
        <source>Variables que se capturan para el estado, no por unidad</source>
        <translation>Variables entered for the state, not per facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="92"/>
        <source>Borrador</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="92"/>
        <source>Cerrado</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="101"/>
        <source>Cada cambio se guarda al momento. Cierre el informe cuando esté completo.</source>
        <translation>Every change is saved at once. Close the report when it is complete.</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="103"/>
        <source>Informe cerrado: la captura es de solo lectura. Reábralo para corregir (queda registrado).</source>
        <translation>Report closed: data entry is read-only. Reopen it to correct (this is logged).</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="108"/>
        <source>Avance de captura del mes</source>
        <translation>Month data-entry progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="133"/>
        <source>{0} % ({1} de {2})</source>
        <translation>{0} % ({1} of {2})</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="142"/>
        <source>&lt;b style=&apos;color:#b3261e&apos;&gt;{0} celdas con error&lt;/b&gt; · {1} con aviso</source>
        <translation>&lt;b style=&apos;color:#b3261e&apos;&gt;{0} cells with errors&lt;/b&gt; · {1} with warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="145"/>
        <source>Sin errores · {0} celdas con aviso</source>
        <translation>No errors · {0} cells with warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="149"/>
        <source>Marcas de la tabla</source>
        <translation>Table marks</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="153"/>
        <source>Error: revise el valor</source>
        <translation>Error: check the value</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="154"/>
        <source>Aviso: falta o salto atípico</source>
        <translation>Warning: missing or unusual jump</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="155"/>
        <source>No guardado: texto rechazado</source>
        <translation>Not saved: text refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="156"/>
        <source>No aplica a la unidad</source>
        <translation>Not applicable to the facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="157"/>
        <source>Esquina azul: comentario</source>
        <translation>Blue corner: comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="158"/>
        <source>Esquina morada: provisional</source>
        <translation>Purple corner: provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/side_panel.py" line="159"/>
        <source>Esquina naranja: seguimiento</source>
        <translation>Orange corner: follow-up</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/welcome_page.py" line="24"/>
        <source>Le damos la bienvenida a Coordina</source>
        <translation>Welcome to Coordina</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_page.py" line="30"/>
        <source>Aquí registrará cada mes el estatus, el personal, los servicios, el abasto, la acción comunitaria y la infraestructura de las unidades de su estado. Cada dato se guarda al momento en este equipo, también sin conexión.</source>
        <translation>Here you record, month by month, the status, staffing, services, supply, community action and infrastructure of your state&apos;s facilities. Every value is saved at once on this computer, also offline.</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_page.py" line="38"/>
        <source>Cargar datos de demostración (Nayarit, febrero 2023)</source>
        <translation>Load demo data (Nayarit, February 2023)</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_page.py" line="48"/>
        <source>Unidades y cifras de ejemplo, basadas en las cifras publicadas y marcadas como DEMO en todas partes. Sirve para conocer la aplicación.</source>
        <translation>Sample facilities and figures, based on the published figures and labelled DEMO everywhere. A way to get to know the app.</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_page.py" line="51"/>
        <source>Importar unidades…</source>
        <translation>Import facilities…</translation>
    </message>
    <message>
        <location filename="../../app/ui/welcome_page.py" line="56"/>
        <source>Un archivo CSV o Excel con el catálogo CLUES de la DGIS: verá una vista previa antes de guardar.</source>
        <translation>A CSV or Excel file with the DGIS CLUES catalogue: you will see a preview before saving.</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../app/ui/alerts.py" line="23"/>
        <source>Ocurrió un error inesperado ({0}). Nada se guardó a medias; puede intentarlo de nuevo.</source>
        <translation>An unexpected error occurred ({0}). Nothing was half-saved; you can try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/alerts.py" line="47"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <location filename="../../app/ui/app.py" line="81"/>
        <source>Coordina ya está abierto con este directorio de datos:
{0}

Use la ventana que ya está abierta; dos ventanas sobre los mismos datos podrían pisarse los cambios.</source>
        <translation>Coordina is already open on this data directory:
{0}

Use the window that is already open; two windows on the same data could overwrite each other&apos;s changes.</translation>
    </message>
</context>
<context>
    <name>run_with_progress</name>
    <message>
        <location filename="../../app/ui/progress_dialog.py" line="29"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
