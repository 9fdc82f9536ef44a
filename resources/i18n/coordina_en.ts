<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es_MX">
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="119"/>
        <source>Respaldos</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="124"/>
        <source>Coordina guarda un respaldo cada día y otro antes de cada importación o restauración. Se conservan los 10 más recientes.</source>
        <translation>Coordina takes a backup every day and another before each import or restore. The 10 most recent are kept.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="147"/>
        <source>Crear respaldo ahora</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="148"/>
        <source>Restaurar…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="149"/>
        <source>Abrir carpeta</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="158"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="199"/>
        <source>Todavía no hay respaldos.</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="210"/>
        <source>Respaldo creado: %1</source>
        <translation>Backup created: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="216"/>
        <source>Creando respaldo…</source>
        <translation>Creating backup…</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="259"/>
        <source>Restaurar respaldo</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="260"/>
        <source>¿Restaurar el respaldo del %1 (%2)?</source>
        <translation>Restore the backup of %1 (%2)?</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="268"/>
        <source>Los datos actuales se reemplazarán por los de ese respaldo:</source>
        <translation>The current data will be replaced by that backup:</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="273"/>
        <source>Antes de restaurar, Coordina guarda un respaldo de seguridad de los datos actuales («Antes de restaurar»), así que podrá volver a ellos si se equivoca.</source>
        <translation>Before restoring, Coordina saves a safety backup of the current data (&quot;Before restore&quot;), so you can go back to it if this was a mistake.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="241"/>
        <source>No se puede restaurar ese respaldo. Motivo: %1</source>
        <translation>That backup cannot be restored. Reason: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="246"/>
        <source>Valores</source>
        <translation>Values</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="246"/>
        <source>Unidades</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="246"/>
        <source>Informes</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="248"/>
        <source>%1: %2 ahora → %3 en el respaldo</source>
        <translation>%1: %2 now → %3 in the backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="277"/>
        <source>Restaurar</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="278"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="298"/>
        <source>Se restauró el respaldo del %1. Los datos anteriores quedaron en el respaldo de seguridad %2.</source>
        <translation>The backup of %1 was restored. The previous data is kept in the safety backup %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="309"/>
        <source>No se pudo restaurar el respaldo. Motivo: %1</source>
        <translation>The backup could not be restored. Reason: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="317"/>
        <source>Restaurando respaldo…</source>
        <translation>Restoring backup…</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="49"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="49"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="49"/>
        <source>Tamaño</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="51"/>
        <source>Diario</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="52"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="53"/>
        <source>Antes de importar</source>
        <translation>Before import</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/backups_dialog.py" line="54"/>
        <source>Antes de restaurar</source>
        <translation>Before restore</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="68"/>
        <source>Exportar todos los estados</source>
        <extracomment>Asks for the passphrase; tests replace it to answer the modal prompt.</extracomment>
        <translation>Export all states</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="88"/>
        <source>Un PDF de Avances Generales a %1 por cada estado que tiene unidades en la base de datos, todos en la misma carpeta.</source>
        <translation>One General Progress PDF as of %1 for each state that has facilities in the database, all in the same folder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="101"/>
        <source>Carpeta:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="102"/>
        <source>Formato:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="103"/>
        <source>Idioma del PDF:</source>
        <translation>PDF language:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="109"/>
        <source>%v de %m</source>
        <translation>%v of %m</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="116"/>
        <source>Exportar todo</source>
        <translation>Export all</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="119"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="121"/>
        <source>Abrir carpeta</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="123"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="79"/>
        <source>Archivos escritos:</source>
        <translation>Files written:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="95"/>
        <source>Carpeta para los PDF</source>
        <translation>Folder for the PDFs</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="157"/>
        <source>Elija la carpeta donde guardar los PDF.</source>
        <translation>Choose the folder where the PDFs will be saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="165"/>
        <source>Exportación cancelada: no se escribió ningún archivo.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="193"/>
        <source>Preparando…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="204"/>
        <source>Cancelando…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="211"/>
        <source>Exportando %1 de %2…</source>
        <translation>Exporting %1 of %2…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="225"/>
        <source>Cancelado. Se escribieron %n archivo(s) completos; no quedó ninguno a medias.</source>
        <translation>
            <numerusform>Cancelled. %n complete file was written; none was left half-written.</numerusform>
            <numerusform>Cancelled. %n complete files were written; none was left half-written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="231"/>
        <source>Listo: se escribieron %n PDF firmados.</source>
        <translation>
            <numerusform>Done: %n signed PDF was written.</numerusform>
            <numerusform>Done: %n signed PDFs were written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="233"/>
        <source>Listo: se escribieron %n PDF.</source>
        <translation>
            <numerusform>Done: %n PDF was written.</numerusform>
            <numerusform>Done: %n PDFs were written.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="243"/>
        <source>No se exportó: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/batch_export_dialog.py" line="245"/>
        <source>No se pudo exportar</source>
        <translation>Could not export</translation>
    </message>
</context>
<context>
    <name>CellMarks</name>
    <message>
        <location filename="../../app/ui/entry/cell_marks.py" line="39"/>
        <source>Comentario en {0}</source>
        <translation>Comment on {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/cell_marks.py" line="55"/>
        <source>Marcar como provisional</source>
        <translation>Mark as provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/cell_marks.py" line="55"/>
        <source>Marcar para seguimiento</source>
        <translation>Mark for follow-up</translation>
    </message>
</context>
<context>
    <name>CellMenu</name>
    <message>
        <location filename="../../app/ui/entry/grid_cell_menu.py" line="42"/>
        <source>Historial de la celda…</source>
        <translation>Cell history…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cell_menu.py" line="44"/>
        <source>Comentario…</source>
        <translation>Comment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cell_menu.py" line="47"/>
        <source>Marcar como provisional</source>
        <translation>Mark as provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cell_menu.py" line="48"/>
        <source>Marcar para seguimiento</source>
        <translation>Mark for follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cell_menu.py" line="57"/>
        <source>Abrir formulario de la unidad</source>
        <translation>Open the facility form</translation>
    </message>
</context>
<context>
    <name>CellRow</name>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="58"/>
        <source>Comentario</source>
        <extracomment>Grid columns of a row; the form lays its header out on the same indexes.</extracomment>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="61"/>
        <source>Provisional</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="62"/>
        <source>Dato provisional: en proceso de definición con el Gobierno del estado</source>
        <translation>Provisional figure: being agreed with the state government</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="66"/>
        <source>Seguimiento</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="67"/>
        <source>Marcar para dar seguimiento a este dato</source>
        <translation>Mark this figure for follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="73"/>
        <source>Historial de cambios de esta celda</source>
        <translation>Change history of this cell</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="90"/>
        <location filename="../../app/ui/common/form_fields.py" line="102"/>
        <source>sin dato</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="92"/>
        <source>Sí</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="93"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="106"/>
        <source>Pesos, por ejemplo 1,250,000.50</source>
        <translation>Pesos, e.g. 1,250,000.50</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="107"/>
        <source>Porcentaje de 0 a 100</source>
        <translation>Percentage from 0 to 100</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="108"/>
        <source>Número entero, sin negativos</source>
        <translation>Whole number, not negative</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="187"/>
        <source>No se guardó: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/form_fields.py" line="207"/>
        <source>Valor requerido: todavía sin dato</source>
        <translation>Required value: still no data</translation>
    </message>
</context>
<context>
    <name>CloseCheck</name>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="33"/>
        <source>¿Cerrar el informe de {0}?</source>
        <translation>Close the report of {0}?</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="65"/>
        <source>• {0} celdas con texto rechazado que NO se guardó (rojo oscuro).</source>
        <translation>• {0} cells with rejected text that was NOT saved (dark red).</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="71"/>
        <source>• {0} celdas con error.</source>
        <translation>• {0} cells with an error.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="74"/>
        <source>• Sin errores.</source>
        <translation>• No errors.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="77"/>
        <source>• {0} celdas con aviso.</source>
        <translation>• {0} cells with a warning.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="82"/>
        <source>• Sin avisos.</source>
        <translation>• No warnings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="92"/>
        <source>• Secciones sin completar:</source>
        <translation>• Sections not complete:</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="90"/>
        <source>    {0}: {1} % ({2} de {3})</source>
        <translation>    {0}: {1} % ({2} of {3})</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="89"/>
        <source>• Todas las secciones al 100 %.</source>
        <translation>• Every section at 100 %.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="51"/>
        <source>Estado del mes:</source>
        <translation>State of the month:</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="55"/>
        <source>Puede revisarlos en «Problemas del mes» (F8) antes de cerrar.</source>
        <translation>You can review them in “Month&apos;s problems” (F8) before closing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/close_check.py" line="38"/>
        <source>La captura quedará de solo lectura. Si después necesita corregir, podrá reabrirlo; la reapertura queda registrada.</source>
        <translation>Entry will become read-only. If you need to correct it later you can reopen it; the reopening is recorded.</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../app/ui/entry/comment_dialog.py" line="13"/>
        <source>Comentario de la celda</source>
        <translation>Cell comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/comment_dialog.py" line="20"/>
        <source>Por ejemplo: Según el SIS, revisión pendiente</source>
        <translation>For example: According to SIS, review pending</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/comment_dialog.py" line="24"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/comment_dialog.py" line="25"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="74"/>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="388"/>
        <source>Conflictos de sincronización</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="79"/>
        <source>Valores que cambiaron en oficinas centrales y en el estado desde el último paquete. La regla aplicó el cambio más reciente y guardó ambos; elija cuál se queda.</source>
        <translation>Values that changed both at headquarters and in the state since the last package. The rule applied the most recent change and kept both; choose which one stays.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="85"/>
        <source>Mostrar resueltos</source>
        <translation>Show resolved</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="122"/>
        <source>Oficinas centrales (nuestra)</source>
        <translation>Headquarters (ours)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="123"/>
        <source>Estado (suya)</source>
        <translation>State (theirs)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="127"/>
        <source>Aceptar la de oficinas centrales</source>
        <translation>Accept headquarters&apos; version</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="129"/>
        <source>Aceptar la del estado</source>
        <translation>Accept the state&apos;s version</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="145"/>
        <source>Historial de la celda:</source>
        <translation>Cell history:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="154"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="167"/>
        <source>Valor:</source>
        <translation>Value:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="168"/>
        <source>Comentario:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="169"/>
        <source>Provisional:</source>
        <translation>Provisional:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="170"/>
        <source>Versión:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="171"/>
        <source>Modificado:</source>
        <translation>Modified:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="172"/>
        <source>Por:</source>
        <translation>By:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="212"/>
        <source>%n conflicto(s) por revisar.</source>
        <translation>
            <numerusform>%n conflict to review.</numerusform>
            <numerusform>%n conflicts to review.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="214"/>
        <source>No hay conflictos por revisar.</source>
        <translation>There are no conflicts to review.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="239"/>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="369"/>
        <source>sin dato</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="242"/>
        <source>Sí</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="242"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="246"/>
        <source>(sin comentario)</source>
        <translation>(no comment)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="259"/>
        <source>Estatus: %1 desde %2</source>
        <translation>Status: %1 since %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="262"/>
        <source>Tipo: %1, nivel %2</source>
        <translation>Type: %1, level %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="265"/>
        <source>Municipio: %1</source>
        <translation>Municipality: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="266"/>
        <source>Jurisdicción: %1</source>
        <translation>Jurisdiction: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="267"/>
        <source>Institución: %1</source>
        <translation>Institution: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="288"/>
        <source>Aceptada por %1 el %2</source>
        <translation>Accepted by %1 on %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="294"/>
        <source>La regla aplicó esta versión (el cambio más reciente).</source>
        <translation>The rule applied this version (the most recent change).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="297"/>
        <source>No aplicada.</source>
        <translation>Not applied.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="302"/>
        <source>Seleccione un conflicto de la lista.</source>
        <translation>Select a conflict from the list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="311"/>
        <source>Registro de la unidad</source>
        <translation>Unit registry record</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="356"/>
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="367"/>
        <source>Se aceptó la versión de %1: %2.</source>
        <translation>Accepted the version from %1: %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="368"/>
        <source>oficinas centrales</source>
        <translation>headquarters</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="368"/>
        <source>el estado</source>
        <translation>the state</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/conflicts_dialog.py" line="386"/>
        <source>No se pudo completar: %1</source>
        <translation>Could not complete: %1</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="177"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="178"/>
        <source>CLUES</source>
        <translation>CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="179"/>
        <source>Unidad</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="180"/>
        <source>Periodo</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="181"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="182"/>
        <source>Aplicada</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="183"/>
        <source>Revisión</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="186"/>
        <source>La de oficinas centrales</source>
        <translation>Headquarters&apos; version</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="186"/>
        <source>La del estado</source>
        <translation>The state&apos;s version</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="188"/>
        <source>Aceptada la de oficinas centrales</source>
        <translation>Accepted headquarters&apos; version</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="189"/>
        <source>Aceptada la del estado</source>
        <translation>Accepted the state&apos;s version</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="212"/>
        <source>Registro de la unidad</source>
        <translation>Unit registry record</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="245"/>
        <source>Pendiente</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="248"/>
        <source>Por %1 el %2</source>
        <translation>By %1 on %2</translation>
    </message>
</context>
<context>
    <name>ConsolidationWindow</name>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="74"/>
        <location filename="../../app/ui/national/consolidation_window.py" line="84"/>
        <location filename="../../app/ui/national/consolidation_window.py" line="281"/>
        <location filename="../../app/ui/national/consolidation_window.py" line="345"/>
        <source>Consolidación nacional</source>
        <extracomment>The date the matrix compares deadlines with (None: today); tests fix it.</extracomment>
        <translation>National consolidation</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="87"/>
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="88"/>
        <source>Volver a calcular con los datos guardados (F5)</source>
        <translation>Recalculate from the saved data (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="95"/>
        <source>Completitud de los informes</source>
        <translation>Report completeness</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="96"/>
        <source>Cifras nacionales</source>
        <translation>National figures</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="146"/>
        <source>Mes:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="150"/>
        <source>Gráfica:</source>
        <translation>Chart:</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="181"/>
        <source>Doble clic o Enter en una cifra: ver las unidades detrás de ella.</source>
        <translation>Double-click or Enter on a figure: see the facilities behind it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="191"/>
        <source>Solo el estado seleccionado</source>
        <translation>Only the selected state</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="192"/>
        <source>El estado de la fila seleccionada en la tabla o en la matriz</source>
        <translation>The state of the row selected in the table or the matrix</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="193"/>
        <source>Solo el mes elegido</source>
        <translation>Only the chosen month</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="194"/>
        <source>El mes de la pestaña Cifras nacionales</source>
        <translation>The month of the National figures tab</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="230"/>
        <location filename="../../app/ui/national/consolidation_window.py" line="322"/>
        <source>Calculando…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="267"/>
        <source>Acumulado %1</source>
        <translation>Cumulative %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="280"/>
        <source>No se pudo calcular.</source>
        <translation>Could not calculate.</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="287"/>
        <source>%1 por estado</source>
        <translation>%1 by state</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="330"/>
        <source>%1 · %2: %3 · %4 unidades</source>
        <translation>%1 · %2: %3 · %4 facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="337"/>
        <source>ninguna unidad tiene datos de este indicador.</source>
        <translation>no facility has data for this indicator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_window.py" line="365"/>
        <source>Seleccione la fila de un estado, o desmarque «Solo el estado seleccionado».</source>
        <translation>Select a state&apos;s row, or untick “Only the selected state”.</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="60"/>
        <source>&lt;b&gt;Este directorio de datos todavía no tiene perfil de sincronización.&lt;/b&gt;&lt;br&gt;Elija una sola vez quién trabaja con él: una coordinación estatal, que envía paquetes firmados, u oficinas centrales, que los recibe y consolida.</source>
        <translation>&lt;b&gt;This data directory does not have a sync profile yet.&lt;/b&gt;&lt;br&gt;Choose once who works with it: a state coordination, which sends signed packages, or headquarters, which receives and consolidates them.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="88"/>
        <source>Coordinación estatal</source>
        <translation>State coordination</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="89"/>
        <source>Oficinas centrales</source>
        <translation>Headquarters</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="102"/>
        <source>Nombre completo de quien coordina</source>
        <translation>Full name of the coordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="104"/>
        <source>p. ej. Coordinadora estatal</source>
        <translation>e.g. State coordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="106"/>
        <source>Estado:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="107"/>
        <source>Nombre:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="108"/>
        <source>Cargo:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="126"/>
        <source>Crea las claves de oficinas centrales en este equipo. Hágalo solo en la computadora que recibirá los paquetes de los estados.</source>
        <translation>Creates the headquarters keys on this computer. Do it only on the computer that will receive the states&apos; packages.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="69"/>
        <source>Crear perfil</source>
        <translation>Create profile</translation>
    </message>
</context>
<context>
    <name>CutoffField</name>
    <message>
        <location filename="../../app/ui/common/cutoff_field.py" line="38"/>
        <source>Hasta el día</source>
        <translation>Up to</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/cutoff_field.py" line="39"/>
        <source>Las notas al pie dirán «al 23 de febrero» en lugar del último día del mes.</source>
        <translation>The footnotes will say “to 23 February” instead of the month&apos;s last day.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/cutoff_field.py" line="51"/>
        <source>Fecha de corte</source>
        <translation>Cut-off date</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/cutoff_field.py" line="95"/>
        <source>El informe se cerró con esta fecha de corte; reábralo para cambiarla.</source>
        <translation>The report was closed with this cut-off date; reopen it to change it.</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <location filename="../../app/ui/shell/daily_backup.py" line="33"/>
        <source>Respaldo diario guardado</source>
        <translation>Daily backup saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/daily_backup.py" line="37"/>
        <source>No se pudo hacer el respaldo diario: {0}</source>
        <translation>The daily backup could not be made: {0}</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="86"/>
        <location filename="../../app/ui/summary/dashboard_window.py" line="257"/>
        <location filename="../../app/ui/summary/dashboard_window.py" line="381"/>
        <source>Tablero del estado</source>
        <translation>State dashboard</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="123"/>
        <source>DATOS DE DEMOSTRACIÓN</source>
        <translation>DEMONSTRATION DATA</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="127"/>
        <source>Datos de ejemplo construidos con las cifras publicadas; no son datos reales del estado.</source>
        <translation>Sample data built from the published figures; not the state&apos;s real data.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="116"/>
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="117"/>
        <source>Volver a calcular con los datos guardados (F5)</source>
        <translation>Recalculate from the saved data (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="119"/>
        <source>Exportar PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="149"/>
        <source>Ver las unidades</source>
        <translation>Show the facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="180"/>
        <source>Elija un indicador para ver las unidades detrás de él.</source>
        <translation>Choose an indicator to see the facilities behind it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="245"/>
        <location filename="../../app/ui/summary/dashboard_window.py" line="359"/>
        <source>Calculando…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="256"/>
        <source>No se pudo calcular el resumen.</source>
        <translation>The summary could not be calculated.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="298"/>
        <source>%1 de %2 (%3 %)</source>
        <translation>%1 of %2 (%3 %)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="306"/>
        <source>sin dato</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="314"/>
        <source>Acción comunitaria (desde el inicio)</source>
        <translation>Community action (since the start)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="324"/>
        <source>Meta</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="329"/>
        <source>Consultas y cirugías por mes</source>
        <translation>Consultations and surgeries per month</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="367"/>
        <source>%1: %2 · %3 unidades</source>
        <translation>%1: %2 · %3 facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_window.py" line="373"/>
        <source>ninguna unidad tiene datos de este indicador.</source>
        <translation>no facility has data for this indicator.</translation>
    </message>
</context>
<context>
    <name>EnrolmentConfirm</name>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="61"/>
        <source>Reemplazar coordinador</source>
        <translation>Replace coordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="61"/>
        <source>Registrar coordinador</source>
        <translation>Register coordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="64"/>
        <source>Estado:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="65"/>
        <source>Nombre:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="67"/>
        <source>Cargo:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="71"/>
        <source>Reemplaza a:</source>
        <translation>Replaces:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="75"/>
        <source>Llame por teléfono a la persona y pídale que le lea la huella que Coordina le mostró al exportar su registro. Registre solo si los 16 grupos coinciden.</source>
        <translation>Phone the person and ask them to read you the fingerprint Coordina showed them when they exported their enrolment. Register only if all 16 groups match.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="84"/>
        <source>Reemplazar</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="84"/>
        <source>Registrar</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="85"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EntryPage</name>
    <message>
        <location filename="../../app/ui/entry/entry_page.py" line="183"/>
        <source>Avance</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="182"/>
        <source>Fecha de corte:</source>
        <translation>Cut-off date:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="117"/>
        <source>Exportar resumen en PDF</source>
        <extracomment>Asks for the passphrase; tests replace it to answer the modal prompt.</extracomment>
        <translation>Export summary as PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="140"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · Avances Generales a %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · General Progress as of %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="167"/>
        <source>Leyenda de %1 al pie de cada página (ninguna si se deja vacía)</source>
        <translation>%1 banner at the foot of each page (none if left blank)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="172"/>
        <source>Elegir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="178"/>
        <source>Formato:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="179"/>
        <source>Idioma del PDF:</source>
        <translation>PDF language:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="180"/>
        <source>Leyenda de %1:</source>
        <translation>%1 banner:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="188"/>
        <source>Abrir PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="189"/>
        <source>Abrir carpeta</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="192"/>
        <source>Exportar</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="195"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="150"/>
        <source>Guardar como:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="209"/>
        <source>Vista previa de la primera página (sin firma)</source>
        <translation>Preview of the first page (unsigned)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="128"/>
        <source>Preparando vista previa…</source>
        <translation>Preparing preview…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="257"/>
        <source>Guardar resumen en PDF</source>
        <translation>Save summary as PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="257"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="312"/>
        <source>No se pudo preparar la vista previa: %1</source>
        <translation>The preview could not be prepared: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="323"/>
        <source>Escriba dónde guardar el PDF.</source>
        <translation>Enter where to save the PDF.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="331"/>
        <source>Exportación cancelada: no se escribió ningún archivo.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="348"/>
        <source>Exportando…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="358"/>
        <source>Se guardó el PDF firmado.</source>
        <translation>The signed PDF was saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="360"/>
        <source>Se guardó el PDF (sin firma).</source>
        <translation>The PDF was saved (unsigned).</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="362"/>
        <source>Archivo:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="362"/>
        <source>Carpeta:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="366"/>
        <source>Huella del certificado (SHA-256):</source>
        <translation>Certificate fingerprint (SHA-256):</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="370"/>
        <source>Huella de los datos:</source>
        <translation>Data fingerprint:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="381"/>
        <source>No se exportó el PDF: %1</source>
        <translation>The PDF was not exported: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="382"/>
        <source>No se pudo exportar el PDF</source>
        <translation>Could not export the PDF</translation>
    </message>
</context>
<context>
    <name>ExportProfilePage</name>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="222"/>
        <source>Enviar el perfil de oficinas centrales</source>
        <translation>Send the headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="225"/>
        <source>Guarde el perfil de oficinas centrales (.json) y envíelo a cada coordinación estatal. Cuando lo importen, dícteles por teléfono la huella que aparece aquí.</source>
        <translation>Save the headquarters profile (.json) and send it to each state coordination. When they import it, read them the fingerprint shown here over the phone.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="236"/>
        <source>Listo: el perfil se guardó. Envíelo a las coordinaciones estatales.</source>
        <translation>Done: the profile was saved. Send it to the state coordinations.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="238"/>
        <source>Todavía no se ha guardado el perfil.</source>
        <translation>The profile has not been saved yet.</translation>
    </message>
</context>
<context>
    <name>FacilitiesDialog</name>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="51"/>
        <source>Unidades médicas (CLUES)</source>
        <translation>Health facilities (CLUES)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="63"/>
        <source>Buscar por CLUES, nombre, municipio, jurisdicción…</source>
        <translation>Search by CLUES, name, municipality, jurisdiction…</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="66"/>
        <source>Todos los estados</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="92"/>
        <source>Nueva…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="93"/>
        <source>Editar…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="94"/>
        <source>Importar…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="95"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="163"/>
        <source>%1 unidades</source>
        <translation>%1 facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="165"/>
        <source>%1 de %2 unidades</source>
        <translation>%1 of %2 facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="207"/>
        <source>Se guardó %1 (%2).</source>
        <translation>Saved %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="214"/>
        <source>Importar catálogo CLUES</source>
        <translation>Import CLUES catalogue</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="216"/>
        <source>Catálogo CLUES (*.csv *.xlsx);;Todos los archivos (*)</source>
        <translation>CLUES catalogue (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facilities_dialog.py" line="233"/>
        <source>Importación terminada: %1 nuevas, %2 actualizadas.</source>
        <translation>Import finished: %1 new, %2 updated.</translation>
    </message>
</context>
<context>
    <name>FacilitiesModel</name>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="53"/>
        <source>Cambio</source>
        <extracomment>Raw value for sorting (numbers sort as numbers, dates as ISO text). The Facility of a row.</extracomment>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="54"/>
        <source>CLUES</source>
        <translation>CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="55"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="56"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="57"/>
        <source>Nivel</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="58"/>
        <source>Municipio</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="59"/>
        <source>Jurisdicción</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="60"/>
        <source>Institución</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="61"/>
        <source>Estatus</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="62"/>
        <source>Desde</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="63"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="67"/>
        <source>Nueva</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="68"/>
        <source>Actualizada</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="69"/>
        <source>Sin cambios</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="71"/>
        <source>demo</source>
        <translation>demo</translation>
    </message>
</context>
<context>
    <name>FacilitiesPage</name>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="248"/>
        <source>Las unidades de salud</source>
        <translation>The health facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="251"/>
        <source>El informe mensual se captura por unidad. Importe el catálogo CLUES de su estado (CSV o Excel, como lo publica la DGIS); verá una vista previa antes de importar. Para conocer la aplicación sin datos reales, cargue la demostración (Nayarit, febrero 2023, marcada como DEMO).</source>
        <translation>The monthly report is entered per facility. Import your state&apos;s CLUES catalogue (CSV or Excel, as published by DGIS); you will see a preview before importing. To get to know the app without real data, load the demo (Nayarit, February 2023, marked DEMO).</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="256"/>
        <source>Importar el catálogo CLUES…</source>
        <translation>Import the CLUES catalogue…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="257"/>
        <source>Cargar datos de demostración</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="269"/>
        <source>Listo: hay %1 unidades registradas.</source>
        <translation>Done: %1 facilities are registered.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="272"/>
        <source>Todavía no hay unidades registradas.</source>
        <translation>No facilities are registered yet.</translation>
    </message>
</context>
<context>
    <name>FacilityEditorDialog</name>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="59"/>
        <source>Editar unidad</source>
        <extracomment>QDateEdit cannot be empty: its minimum date stands for &quot;sin fecha&quot;.</extracomment>
        <translation>Edit facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="59"/>
        <source>Nueva unidad</source>
        <translation>New facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="80"/>
        <source>p. ej. NTIMB000123</source>
        <translation>e.g. NTIMB000123</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="105"/>
        <source>sin fecha</source>
        <translation>no date</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="106"/>
        <source>Sí (datos de demostración)</source>
        <translation>Yes (demo data)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="106"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="116"/>
        <source>CLUES</source>
        <translation>CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="118"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="119"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="120"/>
        <source>Municipio</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="121"/>
        <source>Jurisdicción</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="122"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="123"/>
        <source>Nivel de atención</source>
        <translation>Level of care</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="124"/>
        <source>Institución</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="125"/>
        <source>Estatus de operación</source>
        <translation>Operating status</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="126"/>
        <source>Desde</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="127"/>
        <source>Demostración</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="128"/>
        <source>Historial de estatus</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="132"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="133"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="74"/>
        <source>Se registrará al guardar.</source>
        <translation>Recorded when saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="160"/>
        <source>La CLUES identifica la unidad y no se puede cambiar</source>
        <translation>The CLUES identifies the facility and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="186"/>
        <source>%1 · desde %2</source>
        <translation>%1 · since %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="189"/>
        <source>hasta %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="191"/>
        <source>(actual)</source>
        <translation>(current)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="218"/>
        <source>CLUES válida</source>
        <translation>Valid CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="261"/>
        <source>Ya existe una unidad con la CLUES %1; búsquela y use «Editar…».</source>
        <translation>A facility with CLUES %1 already exists; find it and use &quot;Edit…&quot;.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_editor.py" line="281"/>
        <source>No se guardó: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>FacilityFormDialog</name>
    <message>
        <location filename="../../app/ui/facilities/facility_form.py" line="66"/>
        <source>Formulario de la unidad</source>
        <translation>Facility form</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_frame.py" line="90"/>
        <source>◀ Anterior (RePág)</source>
        <translation>◀ Previous (PgUp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_frame.py" line="91"/>
        <source>Siguiente (AvPág) ▶</source>
        <translation>Next (PgDn) ▶</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_frame.py" line="93"/>
        <source>Deshacer</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_frame.py" line="94"/>
        <source>Rehacer</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_frame.py" line="95"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form.py" line="272"/>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="45"/>
        <source>%1 de %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="54"/>
        <source>borrador</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="55"/>
        <source>cerrado</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="59"/>
        <source>Informe de %1 · %2</source>
        <translation>Report for %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="69"/>
        <source>Datos estatales · %1</source>
        <translation>State data · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="70"/>
        <source>Variables que se capturan una sola vez para todo el estado (basificación).</source>
        <translation>Variables entered once for the whole state (basification).</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="73"/>
        <source>Datos estatales</source>
        <translation>State data</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="84"/>
        <source>desde %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="93"/>
        <source>Estatus: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="95"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="100"/>
        <source>Se ocultan %1 campos que no aplican a %2.</source>
        <translation>%1 fields that do not apply to %2 are hidden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form.py" line="279"/>
        <source>Capturado: %1 de %2 campos</source>
        <translation>Entered: %1 of %2 fields</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form.py" line="290"/>
        <source>El informe de %1 está cerrado: el formulario es de solo lectura. Reábralo para editar.</source>
        <translation>The %1 report is closed: the form is read-only. Reopen it to edit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form.py" line="296"/>
        <source>%1 en %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form.py" line="345"/>
        <source>Cargando el mes… El formulario acepta cambios en cuanto termine.</source>
        <translation>Loading the month… The form takes changes again as soon as it is done.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form.py" line="360"/>
        <source>No se guardó el último cambio: %1</source>
        <translation>The last change was not saved: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_form_header.py" line="42"/>
        <source>%1 unidades</source>
        <translation>%1 facilities</translation>
    </message>
</context>
<context>
    <name>FacilityImportDialog</name>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="60"/>
        <source>Importar unidades · %1</source>
        <translation>Import facilities · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="76"/>
        <source>Leyendo %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="96"/>
        <source>Aceptadas</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="98"/>
        <source>Rechazadas</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="108"/>
        <source>Importar</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="111"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="144"/>
        <source>Aceptadas (%1)</source>
        <translation>Accepted (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="145"/>
        <source>Rechazadas (%1): no se importarán</source>
        <translation>Rejected (%1): will not be imported</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="148"/>
        <source>%1 filas aceptadas: %2 nuevas, %3 actualizadas y %4 sin cambios.</source>
        <translation>%1 rows accepted: %2 new, %3 updated and %4 unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="155"/>
        <source>%1 filas rechazadas no se importarán; abajo se dice por qué.</source>
        <translation>%1 rejected rows will not be imported; the reasons are below.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="162"/>
        <source>Columnas reconocidas: %1</source>
        <translation>Recognised columns: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="164"/>
        <source>Importar %1 unidades</source>
        <translation>Import %1 facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="167"/>
        <source>No hay nada que importar.</source>
        <translation>There is nothing to import.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="171"/>
        <source>CLUES</source>
        <translation>CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="172"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="173"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="174"/>
        <source>Municipio</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="175"/>
        <source>Jurisdicción</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="176"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="177"/>
        <source>Nivel</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="178"/>
        <source>Institución</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="179"/>
        <source>Estatus</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="180"/>
        <source>Desde</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="185"/>
        <source>No se pudo leer el archivo: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="189"/>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="210"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="203"/>
        <source>Importación terminada: %1 nuevas, %2 actualizadas.</source>
        <translation>Import finished: %1 new, %2 updated.</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="216"/>
        <source>No se importó nada: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/import_preview_dialog.py" line="224"/>
        <source>Importando unidades…</source>
        <translation>Importing facilities…</translation>
    </message>
</context>
<context>
    <name>FacilityListModel</name>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="94"/>
        <source>CLUES</source>
        <translation>CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="94"/>
        <source>Unidad</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="94"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="94"/>
        <source>Municipio</source>
        <translation>Municipality</translation>
    </message>
</context>
<context>
    <name>FigureModel</name>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="39"/>
        <source>Indicador</source>
        <extracomment>Role holding the figure code of a row (what the drill-down asks for).</extracomment>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="39"/>
        <source>Valor</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="39"/>
        <source>Meta</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="40"/>
        <source>Clic o Enter: ver las unidades detrás de este dato</source>
        <translation>Click or Enter: see the facilities behind this figure</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="53"/>
        <source>Meta %1</source>
        <translation>Target %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/dashboard_models.py" line="70"/>
        <source>Meta definida por oficinas centrales</source>
        <translation>Target set by headquarters</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="125"/>
        <location filename="../../app/ui/files/file_actions.py" line="137"/>
        <source>Importar valores</source>
        <translation>Import values</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="127"/>
        <source>Hojas de cálculo (*.xlsx *.csv);;Todos los archivos (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="143"/>
        <source>Se leyeron {0} filas de {1}: {2} valores nuevos, {3} actualizados y {4} sin cambio.</source>
        <translation>Read {0} rows from {1}: {2} new values, {3} updated and {4} unchanged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="153"/>
        <source>{0} celdas tienen avisos o errores de validación: revíselas en la tabla.</source>
        <translation>{0} cells have validation warnings or errors: check them in the table.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="170"/>
        <location filename="../../app/ui/files/file_actions.py" line="187"/>
        <source>Exportar valores</source>
        <translation>Export values</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="172"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="194"/>
        <source>Se exportaron {0} valores a {1}.</source>
        <translation>Exported {0} values to {1}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="203"/>
        <location filename="../../app/ui/files/file_actions.py" line="218"/>
        <source>Plantilla de Excel</source>
        <translation>Excel template</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="205"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="228"/>
        <source>Plantilla guardada en {0}.
Llénela en Excel y tráigala con Archivo → Importar valores…</source>
        <translation>Template saved to {0}.
Fill it in Excel and bring it back with File → Import values…</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="240"/>
        <source>Datos de demostración</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="250"/>
        <source>Preparando los datos de demostración…</source>
        <translation>Preparing the demo data…</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="59"/>
        <source>Importar unidades</source>
        <translation>Import facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/file_actions.py" line="61"/>
        <source>Catálogo CLUES (*.csv *.xlsx);;Todos los archivos (*)</source>
        <translation>CLUES catalogue (*.csv *.xlsx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/ui/entry/filter_bar.py" line="30"/>
        <source>Buscar por nombre o CLUES</source>
        <translation>Search by name or CLUES</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/filter_bar.py" line="39"/>
        <source>Tipo:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/filter_bar.py" line="40"/>
        <source>Nivel:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/filter_bar.py" line="41"/>
        <source>Municipio:</source>
        <translation>Municipality:</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/filter_bar.py" line="49"/>
        <source>Buscar por…</source>
        <translation>Search by…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/filter_bar.py" line="67"/>
        <location filename="../../app/ui/entry/filter_bar.py" line="70"/>
        <location filename="../../app/ui/entry/filter_bar.py" line="74"/>
        <source>Todos</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/filter_bar.py" line="102"/>
        <source>{0} de {1} unidades</source>
        <translation>{0} of {1} facilities</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="62"/>
        <source>Asistente de configuración de Coordina</source>
        <extracomment>Asks for an existing identity&apos;s passphrase; tests replace it.</extracomment>
        <translation>Coordina setup assistant</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="103"/>
        <source>Omitir este paso</source>
        <translation>Skip this step</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="104"/>
        <source>Puede volver a él en Archivo ▸ Asistente de configuración…</source>
        <translation>You can come back to it in File ▸ Setup assistant…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="105"/>
        <source>Atrás</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="106"/>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="212"/>
        <source>Siguiente</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="164"/>
        <source>Quién usa este equipo</source>
        <translation>Who uses this computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="165"/>
        <source>Identidad para firmar</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="166"/>
        <source>Perfil de oficinas centrales</source>
        <translation>Headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="167"/>
        <source>Enviar perfil a los estados</source>
        <translation>Send profile to the states</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="168"/>
        <source>Unidades de salud</source>
        <translation>Health facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="175"/>
        <source>Hecho</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="177"/>
        <source>Omitido</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="179"/>
        <source>Pendiente</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="212"/>
        <source>Terminar</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="263"/>
        <source>Archivo de identidad</source>
        <translation>Identity file</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="265"/>
        <source>Identidad PKCS#12 (*.p12 *.pfx);;Todos los archivos (*)</source>
        <translation>PKCS#12 identity (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="273"/>
        <source>Certificado de la e.firma</source>
        <translation>e.firma certificate</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="273"/>
        <source>Certificado (*.cer);;Todos los archivos (*)</source>
        <translation>Certificate (*.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="281"/>
        <source>Clave privada de la e.firma</source>
        <translation>e.firma private key</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="283"/>
        <source>Clave privada (*.key);;Todos los archivos (*)</source>
        <translation>Private key (*.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="293"/>
        <source>Escriba la contraseña de %1.</source>
        <translation>Type the passphrase of %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="325"/>
        <source>Importar unidades</source>
        <translation>Import facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_wizard.py" line="327"/>
        <source>Catálogo CLUES (*.csv *.xlsx);;Todos los archivos (*)</source>
        <translation>CLUES catalogue (*.csv *.xlsx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <location filename="../../app/ui/common/folder_field.py" line="23"/>
        <source>Elegir…</source>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>GridEditing</name>
    <message>
        <location filename="../../app/ui/entry/grid_editing.py" line="53"/>
        <source>Editar {0} de {1}</source>
        <translation>Edit {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_editing.py" line="73"/>
        <source>el mes todavía se está cargando; espere un momento</source>
        <translation>the month is still loading; please wait a moment</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_editing.py" line="86"/>
        <source>el informe está cerrado; reábralo para editar</source>
        <translation>the report is closed; reopen it to edit</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_editing.py" line="110"/>
        <source>la columna Avance se calcula, no se escribe</source>
        <translation>the Progress column is computed, not typed</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_editing.py" line="111"/>
        <source>no aplica a este tipo de unidad</source>
        <translation>does not apply to this facility type</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="141"/>
        <source>Cargando el mes…</source>
        <translation>Loading the month…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="147"/>
        <source>Espere: se está cargando el mes. No se escribió nada.</source>
        <translation>Please wait: the month is loading. Nothing was written.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="112"/>
        <source>Copiar</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="113"/>
        <source>Pegar</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="114"/>
        <source>Borrar celdas (Supr)</source>
        <translation>Clear cells (Del)</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="231"/>
        <source>Borrar {0} celdas</source>
        <translation>Clear {0} cells</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="233"/>
        <source>No se borró nada</source>
        <translation>Nothing was cleared</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="236"/>
        <source>{0} celdas borradas (sin dato)</source>
        <translation>{0} cells cleared (no data)</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="251"/>
        <source>{0} celdas copiadas</source>
        <translation>{0} cells copied</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="268"/>
        <location filename="../../app/ui/entry/grid_view.py" line="283"/>
        <source>No se pegó nada</source>
        <translation>Nothing was pasted</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="270"/>
        <source>El bloque copiado ({0} filas × {1} columnas) no cabe a partir de la celda elegida. Elija una celda más arriba o más a la izquierda, o filtre menos unidades.</source>
        <translation>The copied block ({0} rows × {1} columns) does not fit from the chosen cell. Choose a cell further up or to the left, or filter fewer facilities.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="281"/>
        <source>Pegar {0} celdas</source>
        <translation>Paste {0} cells</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="286"/>
        <source>{0} celdas pegadas</source>
        <translation>{0} cells pasted</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="303"/>
        <source>Avance</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="304"/>
        <source>• {0} — {1}: {2}</source>
        <translation>• {0} — {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="306"/>
        <source>… y {0} celdas más</source>
        <translation>… and {0} more cells</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="310"/>
        <source>No se guardó ninguna celda. Corrija estas y vuelva a intentarlo:</source>
        <translation>No cell was saved. Fix these and try again:</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_view.py" line="386"/>
        <source>No se pudo guardar</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../app/ui/shell/help_window.py" line="76"/>
        <source>Guía de uso de Coordina</source>
        <extracomment>The guide&apos;s sections, in order; each is an ``id`` in both languages&apos; index.html. Section of each top-level window or dialog, by class name. A widget&apos;s own ``help_topic`` attribute wins over this table.</extracomment>
        <translation>Coordina user guide</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="191"/>
        <source>Historial</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="218"/>
        <source>Esta celda no tiene cambios registrados.</source>
        <translation>This cell has no recorded changes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="222"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="267"/>
        <source>Historial íntegro</source>
        <translation>History intact</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="275"/>
        <source>¡El historial fue alterado en el registro %1!</source>
        <translation>The history was altered at record %1!</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="291"/>
        <source>No se pudo leer el historial: %1</source>
        <translation>The history could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="203"/>
        <source>Leyendo el historial…</source>
        <translation>Reading the history…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="257"/>
        <source>Comprobando en segundo plano que nadie haya alterado el historial…</source>
        <translation>Checking in the background that nobody altered the history…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="269"/>
        <source>Cada cambio lleva un código de control calculado con el anterior; ninguno se ha modificado.</source>
        <translation>Each change carries a control code computed with the previous one; none has been modified.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="278"/>
        <source>Alguien modificó la base de datos fuera de Coordina; los cambios a partir de ese registro no son confiables. Restaure un respaldo (Archivo ▸ Respaldos…) o avise a soporte técnico.</source>
        <translation>Someone modified the database outside Coordina; changes from that record on cannot be trusted. Restore a backup (File ▸ Backups…) or tell technical support.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="289"/>
        <source>No se pudo comprobar el historial: %1</source>
        <translation>The history could not be checked: %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="79"/>
        <source>Fecha y hora</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="80"/>
        <source>Usuario</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="81"/>
        <source>Campo</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="82"/>
        <source>Antes</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="83"/>
        <source>Después</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="84"/>
        <source>Origen</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="87"/>
        <source>valor</source>
        <translation>value</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="88"/>
        <source>comentario</source>
        <translation>comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="89"/>
        <source>provisional</source>
        <translation>provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="90"/>
        <source>seguimiento</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="91"/>
        <source>estatus</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="94"/>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="95"/>
        <location filename="../../app/ui/entry/history_dialog.py" line="96"/>
        <location filename="../../app/ui/entry/history_dialog.py" line="97"/>
        <location filename="../../app/ui/entry/history_dialog.py" line="98"/>
        <source>archivo</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="99"/>
        <source>demo</source>
        <translation>demo</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="100"/>
        <location filename="../../app/ui/entry/history_dialog.py" line="101"/>
        <source>paquete</source>
        <translation>package</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="103"/>
        <source>sin dato</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="104"/>
        <source>(vacío)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="105"/>
        <source>Sí</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="105"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="107"/>
        <source>borrador</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="108"/>
        <source>cerrado</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="109"/>
        <source>recibido</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="110"/>
        <source>aprobado</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/history_dialog.py" line="127"/>
        <source>Registro %1 · código de control %2 (para soporte)</source>
        <translation>Record %1 · control code %2 (for support)</translation>
    </message>
</context>
<context>
    <name>HqPage</name>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="274"/>
        <source>Cada coordinación estatal compara esta huella por teléfono al importar el perfil.</source>
        <translation>Each state coordination compares this fingerprint over the phone when importing the profile.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="275"/>
        <source>Exportar perfil de oficinas centrales…</source>
        <translation>Export headquarters profile…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="276"/>
        <source>Perfil de oficinas centrales</source>
        <translation>Headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="297"/>
        <source>Registrar coordinador…</source>
        <translation>Register coordinator…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="298"/>
        <source>Reemplazar…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="299"/>
        <source>Revocar…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="305"/>
        <source>Coordinadores registrados</source>
        <translation>Registered coordinators</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="319"/>
        <source>Oficinas centrales</source>
        <translation>Headquarters</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="319"/>
        <source>huella de sus claves:</source>
        <translation>fingerprint of its keys:</translation>
    </message>
</context>
<context>
    <name>HqPassphraseDialog</name>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="32"/>
        <source>Contraseña de las claves de oficinas centrales</source>
        <extracomment>``(parent, new) -&gt; bytes | None``: how a passphrase is asked (tests answer without a modal loop).</extracomment>
        <translation>Headquarters keys passphrase</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="36"/>
        <source>Elija una contraseña para proteger las claves privadas de oficinas centrales (al menos %1 caracteres). Se pedirá una vez por sesión; sin ella no se pueden leer los paquetes de los estados ni firmar acuses. Guárdela en un lugar seguro: no se puede recuperar.</source>
        <translation>Choose a passphrase to protect headquarters&apos; private keys (at least %1 characters). It is asked once per session; without it the states&apos; packages cannot be read nor acknowledgements signed. Keep it somewhere safe: it cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="42"/>
        <source>Escriba la contraseña de las claves de oficinas centrales. Se pide una vez por sesión.</source>
        <translation>Type the passphrase of headquarters&apos; keys. It is asked once per session.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="52"/>
        <source>Contraseña:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="54"/>
        <source>Repítala:</source>
        <translation>Repeat it:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="57"/>
        <source>Coordina no guarda esta contraseña en ningún archivo.</source>
        <translation>Coordina never stores this passphrase in a file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="61"/>
        <source>Aceptar</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="62"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="79"/>
        <source>Muy corta: al menos %1 caracteres.</source>
        <translation>Too short: at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="81"/>
        <source>Las dos contraseñas no coinciden.</source>
        <translation>The two passphrases do not match.</translation>
    </message>
</context>
<context>
    <name>HqProfileConfirm</name>
    <message>
        <location filename="../../app/ui/sync/hq_profile_confirm.py" line="34"/>
        <source>Importar perfil de oficinas centrales</source>
        <translation>Import headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_profile_confirm.py" line="37"/>
        <source>Oficinas centrales:</source>
        <translation>Headquarters:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_profile_confirm.py" line="39"/>
        <source>Reemplaza a:</source>
        <translation>Replaces:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_profile_confirm.py" line="42"/>
        <source>Este perfil renueva las claves de oficinas centrales y está firmado con la clave en uso. Aun así, compare la huella nueva por teléfono si puede.</source>
        <translation>This profile renews headquarters&apos; keys and is signed by the key in use. Still, compare the new fingerprint over the phone if you can.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_profile_confirm.py" line="47"/>
        <source>Llame por teléfono a oficinas centrales y pida que le lean su huella. Importe solo si los 16 grupos coinciden: con este perfil se cifran sus paquetes y se aceptan las actualizaciones.</source>
        <translation>Call headquarters and ask them to read their fingerprint to you. Import only if all 16 groups match: your packages are encrypted to this profile and its updates are accepted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_profile_confirm.py" line="57"/>
        <source>Coincide: importar</source>
        <translation>It matches: import</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/hq_profile_confirm.py" line="59"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HqProfilePage</name>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="185"/>
        <source>El perfil de oficinas centrales</source>
        <translation>The headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="188"/>
        <source>Oficinas centrales le envía un archivo de perfil (.json). Al importarlo, Coordina muestra su huella: compárela por teléfono con oficinas centrales antes de confirmar. Solo así sus paquetes llegarán cifrados a quien deben.</source>
        <translation>Headquarters sends you a profile file (.json). When you import it, Coordina shows its fingerprint: compare it with headquarters over the phone before confirming. Only then will your packages reach the right recipient, encrypted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="201"/>
        <source>Listo: el perfil de oficinas centrales está importado y su huella fue confirmada.</source>
        <translation>Done: the headquarters profile is imported and its fingerprint was confirmed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="204"/>
        <source>Primero elija quién trabaja con este equipo (paso 1).</source>
        <translation>First choose who works on this computer (step 1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="208"/>
        <source>Todavía no se ha importado. Si aún no tiene el archivo, omita este paso: podrá hacerlo en Sincronizar ▸ Perfil y registro…</source>
        <translation>Not imported yet. If you do not have the file yet, skip this step: you can do it in Sync ▸ Profile and registration…</translation>
    </message>
</context>
<context>
    <name>HqUnlock</name>
    <message>
        <location filename="../../app/ui/sync/hq_unlock.py" line="128"/>
        <source>Claves de oficinas centrales</source>
        <translation>Headquarters keys</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="255"/>
        <source>Carpeta: %1
Esta computadora ya confía en su certificado. Para que la coordinación nacional lo registre, exporte su registro en Sincronizar ▸ Perfil y registro: ahí verá la huella que debe leer por teléfono. Huella del certificado (SHA-256):</source>
        <translation>Folder: %1
This computer already trusts your certificate. For the national coordination to register it, export your enrolment in Sync ▸ Profile and enrolment: there you will see the fingerprint to read over the phone. Certificate fingerprint (SHA-256):</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="69"/>
        <source>Crear identidad para firmar</source>
        <translation>Create a signing identity</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="74"/>
        <source>Coordina crea una clave y un certificado a su nombre y los guarda en un archivo .p12 protegido con contraseña. Con ese archivo firmará los resúmenes en PDF. Guárdelo en un lugar seguro y no comparta la contraseña.</source>
        <translation>Coordina creates a key and a certificate in your name and saves them in a password-protected .p12 file. You will sign the PDF summaries with that file. Keep it in a safe place and do not share the password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="104"/>
        <source>Nombre completo, como aparecerá en la firma</source>
        <translation>Full name, as it will appear in the signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="106"/>
        <source>p. ej. Coordinadora estatal</source>
        <translation>e.g. State coordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="112"/>
        <source>Elegir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="123"/>
        <source>Nombre:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="124"/>
        <source>Cargo:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="125"/>
        <source>Estado:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="126"/>
        <source>Guardar en:</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="127"/>
        <source>Contraseña:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="128"/>
        <source>Repita la contraseña:</source>
        <translation>Repeat the password:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="144"/>
        <location filename="../../app/ui/summary/identity_dialog.py" line="269"/>
        <source>Crear identidad</source>
        <translation>Create identity</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="147"/>
        <source>Abrir carpeta</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="149"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="174"/>
        <source>Guardar identidad</source>
        <translation>Save identity</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="174"/>
        <source>Identidad PKCS#12 (*.p12)</source>
        <translation>PKCS#12 identity (*.p12)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="189"/>
        <source>Las contraseñas no coinciden.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="198"/>
        <source>Escriba su nombre.</source>
        <translation>Enter your name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="200"/>
        <source>Escriba su cargo.</source>
        <translation>Enter your position.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="202"/>
        <source>Elija dónde guardar el archivo .p12.</source>
        <translation>Choose where to save the .p12 file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="204"/>
        <source>Ya existe %1. Elija otro nombre para no reemplazar esa identidad.</source>
        <translation>%1 already exists. Choose another name so as not to replace that identity.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="206"/>
        <source>Escriba una contraseña para proteger la clave.</source>
        <translation>Enter a password to protect the key.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="208"/>
        <source>Las contraseñas no coinciden. Escríbala de nuevo en los dos campos.</source>
        <translation>The passwords do not match. Enter it again in both fields.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="239"/>
        <source>Creando la identidad…</source>
        <translation>Creating the identity…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="250"/>
        <source>Se creó %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/identity_dialog.py" line="268"/>
        <source>No se creó la identidad: %1</source>
        <translation>The identity was not created: %1</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="147"/>
        <source>Su identidad para firmar</source>
        <translation>Your signing identity</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="150"/>
        <source>Con ella firma los resúmenes en PDF y los paquetes que envía a oficinas centrales. Puede crear una nueva en Coordina, o usar un archivo de identidad (.p12 o .pfx) o su e.firma del SAT que ya tenga. La contraseña nunca se guarda.</source>
        <translation>With it you sign the PDF summaries and the packages you send to headquarters. You can create a new one in Coordina, or use an identity file (.p12 or .pfx) or your SAT e.firma that you already have. The passphrase is never stored.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="155"/>
        <source>Crear una identidad nueva…</source>
        <translation>Create a new identity…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="156"/>
        <source>Usar un archivo .p12 o .pfx…</source>
        <translation>Use a .p12 or .pfx file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="157"/>
        <source>Usar mi e.firma del SAT (.cer y .key)…</source>
        <translation>Use my SAT e.firma (.cer and .key)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="170"/>
        <source>Listo: esta computadora ya tiene la identidad con la que firmará. Puede cambiarla cuando quiera.</source>
        <translation>Done: this computer has the identity you will sign with. You can change it at any time.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="175"/>
        <source>Todavía no hay identidad. Sin ella podrá capturar, pero no firmar.</source>
        <translation>No identity yet. Without one you can enter data, but not sign.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="61"/>
        <source>Importar paquetes de sincronización</source>
        <translation>Import sync packages</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="80"/>
        <source>Agregar paquetes…</source>
        <translation>Add packages…</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="82"/>
        <source>Quitar</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="83"/>
        <source>Quita de la lista los archivos seleccionados (tecla Supr).</source>
        <translation>Removes the selected files from the list (Del key).</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="85"/>
        <source>También puede arrastrar aquí los archivos .coordina.</source>
        <translation>You can also drag .coordina files here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="103"/>
        <location filename="../../app/ui/files/import_dialog.py" line="199"/>
        <source>Conflictos y errores del paquete seleccionado</source>
        <translation>Conflicts and errors of the selected package</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="66"/>
        <source>%v de %m</source>
        <translation>%v of %m</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="119"/>
        <source>Vista previa</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="120"/>
        <source>Revisa los paquetes sin guardar nada (tecla Intro).</source>
        <translation>Checks the packages without saving anything (Enter key).</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="123"/>
        <source>Importar</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="125"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="127"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="75"/>
        <source>Agregue los paquetes que recibió; revise la vista previa antes de importar.</source>
        <translation>Add the packages you received; check the preview before importing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="152"/>
        <source>Sin revisar</source>
        <translation>Not checked</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/files/import_dialog.py" line="157"/>
        <source>Se omitieron %n archivo(s) que no son paquetes .coordina.</source>
        <translation>
            <numerusform>%n file that is not a .coordina package was skipped.</numerusform>
            <numerusform>%n files that are not .coordina packages were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/files/import_dialog.py" line="161"/>
        <source>%n paquete(s) en la lista. Revise la vista previa antes de importar.</source>
        <translation>
            <numerusform>%n package in the list. Check the preview before importing.</numerusform>
            <numerusform>%n packages in the list. Check the preview before importing.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="168"/>
        <source>Agregar paquetes</source>
        <translation>Add packages</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="168"/>
        <source>Paquetes de Coordina (*.coordina)</source>
        <translation>Coordina packages (*.coordina)</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="197"/>
        <source>Conflictos y errores de %1</source>
        <translation>Conflicts and errors of %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="269"/>
        <source>Revisando los paquetes…</source>
        <translation>Checking the packages…</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="269"/>
        <source>Importando…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="279"/>
        <source>Cancelando…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="294"/>
        <source>No importado (cancelado)</source>
        <translation>Not imported (cancelled)</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="302"/>
        <source>correctos: %1 · con avisos: %2 · con error: %3</source>
        <translation>OK: %1 · with warnings: %2 · with errors: %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="308"/>
        <source>Vista previa cancelada; no se guardó nada.</source>
        <translation>Preview cancelled; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="311"/>
        <source>Cancelado después de %1 de %2 paquetes; cada uno se importó completo o no se importó. </source>
        <translation>Cancelled after %1 of %2 packages; each one was either imported in full or not at all. </translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="320"/>
        <source>Vista previa (no se guardó nada): </source>
        <translation>Preview (nothing was saved): </translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="326"/>
        <source>Importación terminada: </source>
        <translation>Import finished: </translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="339"/>
        <source>No se pudo terminar: %1</source>
        <translation>Could not finish: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/files/import_dialog.py" line="341"/>
        <source>Importar paquetes</source>
        <translation>Import packages</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="139"/>
        <source>Objeto</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="140"/>
        <source>Valor o detalle</source>
        <translation>Value or detail</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="138"/>
        <source>Código (soporte)</source>
        <translation>Code (support)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="141"/>
        <source>Qué pasó y qué hacer</source>
        <translation>What happened and what to do</translation>
    </message>
</context>
<context>
    <name>LayoutCombo</name>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="72"/>
        <source>Diapositiva 16:9 (pantalla o proyector)</source>
        <extracomment>Typing in the banner field waits this long before the preview is redrawn.</extracomment>
        <translation>16:9 slide (screen or projector)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="73"/>
        <source>Impreso A4 (vertical)</source>
        <translation>A4 printout (portrait)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/export_dialog.py" line="75"/>
        <source>Diapositiva compacta 16:9 (solo filas con datos)</source>
        <translation>Compact 16:9 slide (only rows with data)</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="105"/>
        <source>Notas y marcas del resumen…</source>
        <translation>Summary notes and marks…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="62"/>
        <source>&amp;Archivo</source>
        <extracomment>Actions shown only at headquarters / only where no HQ profile is (issue 12). (action, key names) given their shortcuts after the first paint (install_shortcuts).</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="63"/>
        <location filename="../../app/ui/shell/main_menus.py" line="226"/>
        <source>Importar unidades…</source>
        <translation>Import facilities…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="65"/>
        <source>Importar valores…</source>
        <translation>Import values…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="66"/>
        <source>Exportar valores…</source>
        <translation>Export values…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="67"/>
        <source>Plantilla de Excel…</source>
        <translation>Excel template…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="69"/>
        <source>Respaldos…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="75"/>
        <source>Salir</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="80"/>
        <source>&amp;Editar</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="81"/>
        <source>Deshacer</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="83"/>
        <source>Rehacer</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="92"/>
        <source>Comentario…</source>
        <translation>Comment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="93"/>
        <source>Historial de la celda…</source>
        <translation>Cell history…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="97"/>
        <source>&amp;Informe</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="98"/>
        <source>Cerrar informe…</source>
        <translation>Close report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="99"/>
        <source>Reabrir informe…</source>
        <translation>Reopen report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="102"/>
        <source>Datos estatales…</source>
        <translation>State data…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="107"/>
        <source>Sección siguiente</source>
        <translation>Next section</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="116"/>
        <source>Sección anterior</source>
        <translation>Previous section</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="130"/>
        <source>&amp;Resumen</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="133"/>
        <source>Tablero del estado…</source>
        <translation>State dashboard…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="136"/>
        <source>Exportar PDF firmado…</source>
        <translation>Export signed PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="139"/>
        <source>Exportar todos los estados…</source>
        <translation>Export all states…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="142"/>
        <source>Verificar un PDF firmado…</source>
        <translation>Verify a signed PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="144"/>
        <source>Crear identidad de firma…</source>
        <translation>Create signing identity…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="148"/>
        <source>&amp;Sincronizar</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="150"/>
        <source>Perfil y registro…</source>
        <translation>Profile and enrolment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="152"/>
        <source>Enviar paquete a oficinas centrales…</source>
        <translation>Send a package to headquarters…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="154"/>
        <source>Importar paquetes…</source>
        <translation>Import packages…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="157"/>
        <source>Conflictos por revisar…</source>
        <translation>Conflicts to review…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="158"/>
        <source>Responder a los estados…</source>
        <translation>Answer the states…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="159"/>
        <source>Consolidado nacional…</source>
        <translation>National consolidation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="160"/>
        <source>Metas…</source>
        <translation>Targets…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="163"/>
        <source>&amp;Ver</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="164"/>
        <location filename="../../app/ui/shell/main_menus.py" line="240"/>
        <source>Idioma</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="175"/>
        <source>A&amp;yuda</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="180"/>
        <location filename="../../app/ui/shell/main_menus.py" line="250"/>
        <source>Acerca de Coordina</source>
        <translation>About Coordina</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="176"/>
        <source>Guía de uso</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="242"/>
        <source>El idioma cambiará la próxima vez que abra Coordina. / The language will change the next time you open Coordina.</source>
        <translation>The language will change the next time you open Coordina. / El idioma cambiará la próxima vez que abra Coordina.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="252"/>
        <source>&lt;h3&gt;Coordina {0}&lt;/h3&gt;&lt;p&gt;Informes mensuales de las unidades de salud para las coordinaciones estatales de IMSS-BIENESTAR. Funciona sin conexión; cada dato se guarda al momento.&lt;/p&gt;&lt;p&gt;Directorio de datos:&lt;br&gt;&lt;code&gt;{1}&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Coordina {0}&lt;/h3&gt;&lt;p&gt;Monthly health-facility reports for the IMSS-BIENESTAR state coordinations. Works offline; every value is saved as soon as it is entered.&lt;/p&gt;&lt;p&gt;Data directory:&lt;br&gt;&lt;code&gt;{1}&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="64"/>
        <source>Padrón de unidades…</source>
        <translation>Facility registry…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="72"/>
        <location filename="../../app/ui/shell/main_menus.py" line="179"/>
        <source>Asistente de configuración…</source>
        <translation>Setup assistant…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="202"/>
        <source>Abriendo los datos…</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="216"/>
        <source>Todavía no hay unidades</source>
        <translation>No facilities yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="218"/>
        <source>Este directorio de datos todavía no tiene unidades de salud, así que no hay informe que abrir, cerrar, resumir o exportar.

Importe el catálogo CLUES de su estado (CSV o Excel) o cargue los datos de demostración para conocer la aplicación.</source>
        <translation>This data directory has no health facilities yet, so there is no report to open, close, summarise or export.

Import your state&apos;s CLUES catalogue (CSV or Excel) or load the demo data to get to know the app.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="227"/>
        <source>Cargar la demostración</source>
        <translation>Load the demo</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_menus.py" line="228"/>
        <source>Ahora no</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="111"/>
        <source>Abriendo los datos…</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="202"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="271"/>
        <source>No se pudieron abrir los datos.</source>
        <translation>The data could not be opened.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="280"/>
        <source>Cargando {0}, {1}…</source>
        <translation>Loading {0}, {1}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="297"/>
        <source>{0} no tiene unidades registradas. Use Archivo → Importar unidades… o elija otro estado.</source>
        <translation>{0} has no registered facilities. Use File → Import facilities… or choose another state.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="305"/>
        <source>No se pudo abrir el mes</source>
        <translation>The month could not be opened</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="325"/>
        <source>Informe cerrado: la tabla es de solo lectura. Para corregir, use «Reabrir informe…»; la reapertura queda registrada.</source>
        <translation>Report closed: the table is read-only. To correct it, use “Reopen report…”; reopening is logged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="333"/>
        <source>Informe cerrado</source>
        <translation>Report closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="333"/>
        <source>Informe reabierto: la reapertura quedó registrada</source>
        <translation>Report reopened: the reopening was logged</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="349"/>
        <source>No se guardó: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/main_window.py" line="350"/>
        <source>No se guardó el cambio</source>
        <translation>The change was not saved</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="67"/>
        <source>A tiempo</source>
        <extracomment>Role of a matrix cell&apos;s display status (&quot;on_time&quot;, &quot;late&quot;, &quot;received&quot;, &quot;missing&quot;, &quot;not_due&quot;). Role of a matrix cell&apos;s flag (open conflicts) as a bool. Role of a national table cell&apos;s drill-down key: (state code or None for the country, figure code). The theme tint of each display status; the text colour alone must also read.</extracomment>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="68"/>
        <source>Tarde</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="69"/>
        <source>Recibido</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="70"/>
        <source>Falta</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="71"/>
        <source>No vencido</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="141"/>
        <location filename="../../app/ui/national/consolidation_models.py" line="152"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="204"/>
        <source>%1 de %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="210"/>
        <source>Entregados: %1 de %2</source>
        <translation>Delivered: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="213"/>
        <source>Tarde: %1</source>
        <translation>Late: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="214"/>
        <source>Faltan (vencidos): %1</source>
        <translation>Missing (overdue): %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="215"/>
        <source>Con conflictos sin resolver: %1</source>
        <translation>With unresolved conflicts: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="226"/>
        <source>Estado: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="227"/>
        <source>Valores capturados: %1</source>
        <translation>Values entered: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="228"/>
        <source>Unidades que informaron: %1 de %2</source>
        <translation>Facilities that reported: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="231"/>
        <source>Paquetes recibidos: %1</source>
        <translation>Packages received: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="232"/>
        <source>Primera importación: %1</source>
        <translation>First import: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="233"/>
        <source>ninguna</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="235"/>
        <source>Fecha límite: %1</source>
        <translation>Deadline: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="239"/>
        <source>%1 Conflictos sin resolver: %2</source>
        <translation>%1 Unresolved conflicts: %2</translation>
    </message>
</context>
<context>
    <name>MatrixPanel</name>
    <message>
        <location filename="../../app/ui/national/consolidation_matrix.py" line="61"/>
        <source>Año</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_matrix.py" line="63"/>
        <source>Año:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_matrix.py" line="75"/>
        <source>%1 conflictos sin resolver</source>
        <translation>%1 unresolved conflicts</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_matrix.py" line="78"/>
        <source>A tiempo: paquete importado a más tardar el día %1 del mes siguiente.</source>
        <translation>On time: package imported by day %1 of the following month.</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_matrix.py" line="97"/>
        <source>Pase el puntero sobre una celda para ver los valores, las unidades que informaron, los paquetes y la primera importación. Doble clic: las cifras de ese mes.</source>
        <translation>Hover over a cell to see the values, the facilities that reported, the packages and the first import. Double-click: that month&apos;s figures.</translation>
    </message>
</context>
<context>
    <name>MonthGridModel</name>
    <message>
        <location filename="../../app/ui/entry/grid_model.py" line="109"/>
        <source>Avance</source>
        <extracomment>How many cells hold refused text (&quot;No guardado&quot;), each time that number changes: the save indicator must not say &quot;Guardado&quot; while any is on screen.</extracomment>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_model.py" line="110"/>
        <source>Celdas con dato de la unidad en esta sección</source>
        <translation>The facility&apos;s cells with data in this section</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="205"/>
        <source>(sí/no)</source>
        <translation>(yes/no)</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="220"/>
        <source>Se suma en el año (flujo)</source>
        <translation>Added up over the year (flow)</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="222"/>
        <source>Vale el último mes (existencia)</source>
        <translation>The latest month counts (stock)</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="149"/>
        <source>Municipio: {0}</source>
        <extracomment>Everything the delegate paints, in one call: (text, background, foreground, alignment, italic, marks, completeness or None). One data() call per cell instead of nine. [cache key of the palette last seen, (base, text) the colours above were made for]</extracomment>
        <translation>Municipality: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="151"/>
        <source>Jurisdicción: {0}</source>
        <translation>Jurisdiction: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_model.py" line="291"/>
        <source>{0} de {1} celdas con dato en esta sección</source>
        <translation>{0} of {1} cells with data in this section</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="169"/>
        <source>No aplica a este tipo de unidad ({0})</source>
        <translation>Does not apply to this facility type ({0})</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="176"/>
        <source>No se guardó «{0}»: {1}</source>
        <translation>“{0}” was not saved: {1}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="180"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="182"/>
        <source>Aviso</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="187"/>
        <source>Comentario: {0}</source>
        <translation>Comment: {0}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="190"/>
        <source>Provisional: en proceso de definición con el Gobierno del estado</source>
        <translation>Provisional: being defined with the state government</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="195"/>
        <source>Marcado para seguimiento</source>
        <translation>Marked for follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/grid_cells.py" line="197"/>
        <source>Informe cerrado: solo lectura</source>
        <translation>Report closed: read-only</translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <location filename="../../app/ui/common/month_picker.py" line="27"/>
        <source>Mes</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/month_picker.py" line="30"/>
        <source>Año</source>
        <translation>Year</translation>
    </message>
</context>
<context>
    <name>MonthToolbar</name>
    <message>
        <location filename="../../app/ui/shell/month_toolbar.py" line="19"/>
        <source>Mes del informe</source>
        <translation>Report month</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/month_toolbar.py" line="22"/>
        <source> Estado: </source>
        <translation> State: </translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/month_toolbar.py" line="24"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/month_toolbar.py" line="29"/>
        <source>   Mes: </source>
        <translation>   Month: </translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/month_toolbar.py" line="36"/>
        <source>DEMO: datos de ejemplo</source>
        <translation>DEMO: sample data</translation>
    </message>
</context>
<context>
    <name>NationalExporter</name>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="78"/>
        <source>Exportar CSV…</source>
        <extracomment>Asks where to save: (parent, title, suggested path, file filter) → the path, or None. Asks for the output file; tests replace it to answer the modal save dialog.</extracomment>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="78"/>
        <source>Valores CSV (*.csv)</source>
        <translation>CSV values (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="79"/>
        <source>Exportar Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="79"/>
        <source>Libro de Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="80"/>
        <source>Exportar DHIS2 JSON…</source>
        <translation>Export DHIS2 JSON…</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="80"/>
        <source>DHIS2 dataValueSets JSON (*.json)</source>
        <translation>DHIS2 dataValueSets JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="81"/>
        <source>Exportar ADX XML…</source>
        <translation>Export ADX XML…</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="81"/>
        <source>ADX XML (*.xml)</source>
        <translation>ADX XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="82"/>
        <source>PDF nacional…</source>
        <translation>National PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="82"/>
        <source>Documento PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="104"/>
        <source>Exportando valores…</source>
        <translation>Exporting values…</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="124"/>
        <source>Generando el PDF nacional…</source>
        <translation>Generating the national PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="139"/>
        <source>Se escribió el PDF nacional:
%1</source>
        <translation>The national PDF was written:
%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="142"/>
        <source>Se exportaron %1 valores a:
%2</source>
        <translation>%1 values were exported to:
%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="148"/>
        <source>Exportación terminada</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="149"/>
        <source>¿Abrir la carpeta?</source>
        <translation>Open the folder?</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="154"/>
        <source>Abrir carpeta</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="155"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_export.py" line="169"/>
        <source>No se pudo exportar</source>
        <translation>Could not export</translation>
    </message>
</context>
<context>
    <name>NationalModel</name>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="279"/>
        <source>Hospitales</source>
        <extracomment>The figures of the national table, in column order (codes of the summary).</extracomment>
        <translation>Hospitals</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="280"/>
        <source>Unidades
de salud</source>
        <translation>Health
facilities</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="281"/>
        <source>Consultas</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="282"/>
        <source>Cirugías</source>
        <translation>Surgeries</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="283"/>
        <source>Cobertura de
especialistas</source>
        <translation>Specialist
coverage</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="284"/>
        <source>Cobertura de médicos
generales y enfermería</source>
        <translation>GP and nursing
coverage</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="285"/>
        <source>Recetas
surtidas</source>
        <translation>Prescriptions
filled</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="287"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="287"/>
        <source>Completitud
del mes</source>
        <translation>Month
completeness</translation>
    </message>
    <message>
        <location filename="../../app/ui/national/consolidation_models.py" line="288"/>
        <source>Doble clic o Enter: ver las unidades detrás de este dato</source>
        <translation>Double-click or Enter: see the facilities behind this figure</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="79"/>
        <source>Enviar paquete a oficinas centrales</source>
        <extracomment>Asks for the passphrase; tests replace it to answer the modal prompt.</extracomment>
        <translation>Send a package to headquarters</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="117"/>
        <source>Carpeta de salida:</source>
        <translation>Output folder:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="119"/>
        <source>Todo (completo)</source>
        <translation>Everything (full)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="122"/>
        <source>Envía todos los valores del estado, no solo los cambios desde el último acuse de oficinas centrales.</source>
        <translation>Sends all the state&apos;s values, not only the changes since headquarters&apos; last acknowledgement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="133"/>
        <source>Enviar paquete…</source>
        <translation>Send package…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="141"/>
        <source>Nuevo paquete</source>
        <translation>New package</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="149"/>
        <source>Abrir carpeta</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="151"/>
        <source>Importar acuse o actualización…</source>
        <translation>Import acknowledgement or update…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="153"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="187"/>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="195"/>
        <source>Bandeja de salida</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="200"/>
        <source>Este directorio de datos no tiene perfil de coordinación estatal. Créelo en Sincronizar ▸ Perfil y registro…</source>
        <translation>This data directory has no state coordination profile. Create it in Sync ▸ Profile and enrolment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="208"/>
        <source>Falta el perfil de oficinas centrales: impórtelo en Sincronizar ▸ Perfil y registro… antes de enviar paquetes.</source>
        <translation>The headquarters profile is missing: import it in Sync ▸ Profile and enrolment… before sending packages.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="113"/>
        <source>Carpeta para el paquete</source>
        <translation>Folder for the package</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="243"/>
        <source>Elija la carpeta donde se guardará el paquete.</source>
        <translation>Choose the folder where the package will be saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="254"/>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="277"/>
        <source>No se pudo enviar el paquete</source>
        <translation>Could not send the package</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="263"/>
        <source>Envío cancelado: no se escribió ningún paquete.</source>
        <translation>Sending cancelled: no package was written.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="273"/>
        <source>Preparando el paquete…</source>
        <translation>Preparing the package…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="292"/>
        <source>completo</source>
        <translation>full</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="292"/>
        <source>cambios</source>
        <translation>changes</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="295"/>
        <source>Se guardó el paquete %1.</source>
        <translation>Package %1 was saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="298"/>
        <source>Núm. %1 (%2): %3 valores, %4 borrados. Carpeta: %5</source>
        <translation>No. %1 (%2): %3 values, %4 deleted. Folder: %5</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="306"/>
        <source>Queda pendiente hasta que importe el acuse de oficinas centrales.</source>
        <translation>It stays pending until you import headquarters&apos; acknowledgement.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="323"/>
        <source>Acuse o actualización de oficinas centrales</source>
        <translation>Acknowledgement or update from headquarters</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="325"/>
        <source>Paquetes de Coordina (*.coordina);;Todos los archivos (*)</source>
        <translation>Coordina packages (*.coordina);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="338"/>
        <source>Importando…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="342"/>
        <source>No se pudo importar</source>
        <translation>Could not import</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="350"/>
        <source>importado</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="351"/>
        <source>importado con avisos</source>
        <translation>imported with warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="352"/>
        <source>rechazado</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="216"/>
        <source>Huella de las claves de oficinas centrales (para compararla por teléfono): %1</source>
        <translation>Fingerprint of the headquarters keys (to compare by phone): %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/outbox_dialog.py" line="221"/>
        <source>Para: %1 · %2 paquetes sin acuse de recibo de oficinas centrales</source>
        <translation>To: %1 · %2 packages without a receipt from headquarters</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="90"/>
        <source>Núm.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="90"/>
        <source>Archivo</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="90"/>
        <source>Creado</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="90"/>
        <source>Valores</source>
        <translation>Values</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="90"/>
        <source>Entrega</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="107"/>
        <source>(completo)</source>
        <translation>(full)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="110"/>
        <source>Entregado %1</source>
        <translation>Delivered %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="112"/>
        <source>Esperando acuse de recibo</source>
        <translation>Waiting for the receipt</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="120"/>
        <source>Identificador del paquete (para soporte): %1</source>
        <translation>Package id (for support): %1</translation>
    </message>
</context>
<context>
    <name>PackagesModel</name>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="64"/>
        <source>Archivo</source>
        <extracomment>summary status -&gt; the theme role colouring its cell (text on a tint of the same hue)</extracomment>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="65"/>
        <source>Estado</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="66"/>
        <source>Nuevos</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="67"/>
        <source>Actualizados</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="68"/>
        <source>Ignorados</source>
        <translation>Ignored</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="69"/>
        <source>Borrados</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="70"/>
        <source>Descripción</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="73"/>
        <source>Correcto</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="74"/>
        <source>Con avisos</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_models.py" line="75"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../app/ui/common/passphrase_dialog.py" line="25"/>
        <source>Contraseña de la firma</source>
        <extracomment>``(parent, prompt) -&gt; bytes | None``: how a dialog gets a passphrase. Dialogs take one as an attribute so tests can answer the modal prompt without a nested event loop.</extracomment>
        <translation>Signature password</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/passphrase_dialog.py" line="32"/>
        <source>Coordina no guarda esta contraseña.</source>
        <translation>Coordina does not store this password.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/passphrase_dialog.py" line="36"/>
        <source>Aceptar</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/passphrase_dialog.py" line="37"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../app/ui/common/pdf_preview.py" line="60"/>
        <source>No se pudo mostrar la vista previa.</source>
        <extracomment>Longest side of the rendered page, in pixels: sharp on a large dialog, still quick.</extracomment>
        <translation>The preview could not be shown.</translation>
    </message>
</context>
<context>
    <name>PlainCodes</name>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="20"/>
        <source>Oficinas centrales y el estado cambiaron el mismo valor. Se aplicó el más reciente y quedó marcado para revisión: revíselo en Sincronizar ▸ Conflictos.</source>
        <translation>Headquarters and the state changed the same value. The latest one was applied and flagged for review: review it in Sync ▸ Conflicts.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="25"/>
        <source>Faltan envíos anteriores de este equipo, pero este los incluye: no hay que hacer nada.</source>
        <translation>Earlier packages from this computer are missing, but this one includes them: nothing to do.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="28"/>
        <source>Esta unidad se editó aquí después del envío de oficinas centrales: se conservó su versión. Revise que sea la correcta.</source>
        <translation>This facility was edited here after headquarters sent it: your version was kept. Check that it is the right one.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="33"/>
        <source>Llegó una meta de un indicador que este catálogo no tiene; no se guardó. Actualice el catálogo y vuelva a importar.</source>
        <translation>A target arrived for an indicator this catalog does not have; it was not saved. Update the catalog and import again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="38"/>
        <source>Llegó una meta con un valor no válido; no se guardó. Pida a oficinas centrales que la corrija.</source>
        <translation>A target arrived with an invalid value; it was not saved. Ask headquarters to correct it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="42"/>
        <source>El paquete trae datos de control incompletos para este valor; no se importó. Pida que generen el paquete de nuevo.</source>
        <translation>The package has incomplete control data for this value; it was not imported. Ask for the package to be made again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="56"/>
        <source>Aviso: se importó, pero revise este dato.</source>
        <translation>Warning: imported, but check this value.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="58"/>
        <source>Este valor no se importó. Corríjalo en el origen y envíe el paquete otra vez.</source>
        <translation>This value was not imported. Correct it at the source and send the package again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="62"/>
        <source>El archivo se rechazó completo y no se guardó nada. Pida que se genere y se envíe de nuevo; si se repite, comuníquese con soporte técnico.</source>
        <translation>The whole file was refused and nothing was saved. Ask for it to be made and sent again; if it happens again, contact technical support.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/plain_codes.py" line="93"/>
        <source>(código {0})</source>
        <extracomment>Codes of one rejected value inside an otherwise accepted package (DHIS2-style conflicts).</extracomment>
        <translation>(code {0})</translation>
    </message>
</context>
<context>
    <name>ProblemListModel</name>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="137"/>
        <source>Tipo</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="139"/>
        <source>Unidad</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="141"/>
        <source>Sección</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="140"/>
        <source>Columna</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="138"/>
        <source>Problema</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="143"/>
        <source>No guardado</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="143"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="143"/>
        <source>Aviso</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>ProblemPanel</name>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="205"/>
        <source>Problema de la celda actual</source>
        <extracomment>(org unit, variable, option) of the cell the person chose in the list.</extracomment>
        <translation>Problem of the current cell</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="214"/>
        <source>Muestra u oculta la lista de problemas del mes (F8). Enter o un clic en una fila lleva a su celda.</source>
        <translation>Shows or hides the list of the month&apos;s problems (F8). Enter or a click on a row goes to its cell.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="226"/>
        <source>Problemas del mes</source>
        <translation>Month&apos;s problems</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="262"/>
        <source>No guardado</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="263"/>
        <source>{0}. Escriba un valor válido o bórrelo con Supr.</source>
        <translation>{0}. Type a valid value or clear it with Delete.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="270"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="270"/>
        <source>Aviso</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="274"/>
        <source>Elija una celda para ver sus problemas.</source>
        <translation>Choose a cell to see its problems.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="281"/>
        <source>sin problemas</source>
        <translation>no problems</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="284"/>
        <source>{0}: sin problemas</source>
        <translation>{0}: no problems</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="303"/>
        <source>{0} sin guardar</source>
        <translation>{0} not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="304"/>
        <source>{0} con error</source>
        <translation>{0} with errors</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="305"/>
        <source>{0} con aviso</source>
        <translation>{0} with warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/problem_panel.py" line="306"/>
        <source>Problemas del mes: {0} (F8)</source>
        <translation>Month&apos;s problems: {0} (F8)</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="249"/>
        <source>No se importó: la huella no se confirmó.</source>
        <translation>Not imported: the fingerprint was not confirmed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="253"/>
        <source>Se importó el perfil de oficinas centrales con la huella confirmada.</source>
        <translation>The headquarters profile was imported with its fingerprint confirmed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="110"/>
        <location filename="../../app/ui/sync/profile_dialog.py" line="188"/>
        <source>Perfil y registro</source>
        <extracomment>Ask before registering / for the revocation note; tests replace them.</extracomment>
        <translation>Profile and enrolment</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="117"/>
        <source>Leyendo el perfil…</source>
        <translation>Reading the profile…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="123"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="175"/>
        <source>JSON (*.json);;Todos los archivos (*)</source>
        <translation>JSON (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="215"/>
        <source>Escriba el nombre de la persona que coordina el estado.</source>
        <translation>Enter the name of the person who coordinates the state.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="222"/>
        <source>Creando el perfil…</source>
        <translation>Creating the profile…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="225"/>
        <source>Se creó el perfil de este directorio de datos.</source>
        <translation>The profile of this data directory was created.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="234"/>
        <source>Crear perfil</source>
        <translation>Create profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="239"/>
        <source>Perfil de oficinas centrales</source>
        <translation>Headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="245"/>
        <source>Importar perfil de oficinas centrales</source>
        <translation>Import headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="265"/>
        <source>Certificado del coordinador</source>
        <translation>Coordinator certificate</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="267"/>
        <source>Certificado (*.cer *.crt *.pem);;Todos los archivos (*)</source>
        <translation>Certificate (*.cer *.crt *.pem);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="278"/>
        <source>Guardar registro del coordinador</source>
        <translation>Save coordinator enrolment</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="292"/>
        <source>Se guardó %1. Envíelo a oficinas centrales.</source>
        <translation>%1 was saved. Send it to headquarters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="298"/>
        <source>Exportar registro del coordinador</source>
        <translation>Export coordinator enrolment</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="303"/>
        <source>Guardar perfil de oficinas centrales</source>
        <translation>Save headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="313"/>
        <source>Se guardó %1. Envíelo a las coordinaciones estatales y dícteles la huella por teléfono.</source>
        <translation>%1 was saved. Send it to the state coordinations and read them the fingerprint over the phone.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="326"/>
        <source>Exportar perfil de oficinas centrales</source>
        <translation>Export headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="333"/>
        <source>Archivo de registro del coordinador</source>
        <translation>Coordinator enrolment file</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="341"/>
        <source>Registro del coordinador que lo reemplaza</source>
        <translation>Enrolment of the replacing coordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="348"/>
        <source>Registrar coordinador</source>
        <translation>Register coordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="352"/>
        <source>No se registró: la huella no se confirmó.</source>
        <translation>Not registered: the fingerprint was not confirmed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="357"/>
        <source>Se registró a %1 (%2).</source>
        <translation>%1 (%2) was registered.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="378"/>
        <source>Se revocó el registro de %1.</source>
        <translation>The enrolment of %1 was revoked.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_dialog.py" line="382"/>
        <source>Revocar registro</source>
        <translation>Revoke enrolment</translation>
    </message>
</context>
<context>
    <name>RegistrationModel</name>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="32"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="33"/>
        <source>Nombre</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="34"/>
        <source>Huella del certificado</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="35"/>
        <source>Situación</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="36"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="61"/>
        <source>vigente</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="61"/>
        <source>revocado</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="66"/>
        <source>Revocado el %1</source>
        <translation>Revoked on %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="68"/>
        <source>Reemplazado por %1</source>
        <translation>Replaced by %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_tables.py" line="71"/>
        <source>Registrado el %1</source>
        <translation>Registered on %1</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="178"/>
        <source>Fila</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../app/ui/facilities/facility_models.py" line="178"/>
        <source>Motivo del rechazo</source>
        <translation>Reason for rejection</translation>
    </message>
</context>
<context>
    <name>ReportClosing</name>
    <message>
        <location filename="../../app/ui/shell/report_closing.py" line="35"/>
        <source>Cerrar informe</source>
        <translation>Close report</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/report_closing.py" line="45"/>
        <source>¿Reabrir el informe de {0}?

La reapertura queda registrada en el historial y el resumen firmado tendrá que firmarse de nuevo.</source>
        <translation>Reopen the report of {0}?

The reopening is logged in the history and the signed summary will have to be signed again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/report_closing.py" line="48"/>
        <source>Reabrir informe</source>
        <translation>Reopen report</translation>
    </message>
</context>
<context>
    <name>RespondDialog</name>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="76"/>
        <location filename="../../app/ui/sync/respond_dialog.py" line="211"/>
        <source>Responder a los estados</source>
        <translation>Answer the states</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="101"/>
        <source>Escriba para cada estado seleccionado un acuse (lo que oficinas centrales recibió; al importarlo, el estado marca sus paquetes como entregados) o una actualización (su padrón de unidades y, si lo elige, el catálogo).</source>
        <translation>Write for each selected state an acknowledgement (what headquarters received; when the state imports it, its packages are marked delivered) or an update (its facility registry and, if you choose, the catalog).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="86"/>
        <source>Carpeta de destino:</source>
        <translation>Destination folder:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="54"/>
        <source>Escribir acuses</source>
        <translation>Write acknowledgements</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="96"/>
        <source>Lo que oficinas centrales recibió de cada estado y los valores que quedaron en revisión.</source>
        <translation>What headquarters received from each state and the values left for review.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="101"/>
        <source>Acuses</source>
        <translation>Acknowledgements</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="55"/>
        <source>Incluir el catálogo</source>
        <translation>Include the catalog</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="66"/>
        <source>El catálogo activo de oficinas centrales; el estado lo instala solo si es más reciente que el suyo.</source>
        <translation>Headquarters&apos; active catalog; the state installs it only if it is newer than its own.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="57"/>
        <source>Escribir actualizaciones</source>
        <translation>Write updates</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="113"/>
        <source>El padrón de unidades y las metas de cada estado.</source>
        <translation>Each state&apos;s facility registry and targets.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="118"/>
        <source>Actualizaciones</source>
        <translation>Updates</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="71"/>
        <source>%v de %m estados</source>
        <translation>%v of %m states</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="59"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="74"/>
        <source>Se detiene después del estado en curso; los archivos escritos quedan completos.</source>
        <translation>Stops after the current state; the files already written stay complete.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="62"/>
        <source>Abrir carpeta</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="63"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="191"/>
        <source>%1 de %2 estados seleccionados (Ctrl+A: todos)</source>
        <translation>%1 of %2 states selected (Ctrl+A: all)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="37"/>
        <source>Este diálogo es para oficinas centrales: ahí se escriben los acuses y las actualizaciones de los estados. En este directorio de datos (una coordinación estatal) los acuses de oficinas centrales se importan en Sincronizar ▸ Enviar paquete a oficinas centrales…</source>
        <translation>This dialog is for headquarters: that is where the states&apos; acknowledgements and updates are written. In this data directory (a state coordination) headquarters&apos; acknowledgements are imported in Sync ▸ Send a package to headquarters…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="45"/>
        <source>Este directorio de datos no tiene perfil de oficinas centrales. Créelo en Sincronizar ▸ Perfil y registro… para responder a los estados.</source>
        <translation>This data directory has no headquarters profile. Create it in Sync ▸ Profile and enrolment… to answer the states.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="51"/>
        <source>Todavía no hay coordinaciones registradas. Regístrelas en Sincronizar ▸ Perfil y registro…</source>
        <translation>No coordinators are registered yet. Register them in Sync ▸ Profile and enrolment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="52"/>
        <source>Carpeta para los paquetes</source>
        <translation>Folder for the packages</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_controls.py" line="56"/>
        <source>Carpeta del catálogo</source>
        <translation>Catalog folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="277"/>
        <source>Seleccione al menos un estado.</source>
        <translation>Select at least one state.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="281"/>
        <source>Elija la carpeta donde se guardarán los paquetes.</source>
        <translation>Choose the folder where the packages will be saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="287"/>
        <source>Elija la carpeta del catálogo.</source>
        <translation>Choose the catalog folder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="308"/>
        <source>Escribiendo acuses…</source>
        <translation>Writing acknowledgements…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="308"/>
        <source>Escribiendo actualizaciones…</source>
        <translation>Writing updates…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="311"/>
        <source>No se escribieron los acuses</source>
        <translation>The acknowledgements were not written</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="311"/>
        <source>No se escribieron las actualizaciones</source>
        <translation>The updates were not written</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="322"/>
        <source>Cancelando…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="333"/>
        <source>No se escribió ningún archivo.</source>
        <translation>No file was written.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="64"/>
        <source>Acuses escritos: %1 de %2.</source>
        <translation>Acknowledgements written: %1 of %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="66"/>
        <source>Actualizaciones escritas: %1 de %2.</source>
        <translation>Updates written: %1 of %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="71"/>
        <source>Carpeta: %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="76"/>
        <source>Falló %1: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="83"/>
        <source>Cancelado antes de terminar; los archivos escritos están completos.</source>
        <translation>Cancelled before the end; the files written are complete.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="90"/>
        <source>Entréguelos a cada estado: al importarlos, sus paquetes quedan como entregados.</source>
        <translation>Hand them to each state: when it imports them, its packages are marked delivered.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_data.py" line="96"/>
        <source>Entréguelas a cada estado: se importan en Sincronizar ▸ Enviar paquete a oficinas centrales…</source>
        <translation>Hand them to each state: they are imported in Sync ▸ Send a package to headquarters…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="362"/>
        <source>No se escribieron todos los paquetes</source>
        <translation>Not all packages were written</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="224"/>
        <source>Catálogo activo (versión %1)</source>
        <translation>Active catalog (version %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_dialog.py" line="227"/>
        <source>Vacío: se envía el catálogo activo. Elija una carpeta solo para enviar otro catálogo.</source>
        <translation>Empty: the active catalog is sent. Choose a folder only to send another catalog.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="106"/>
        <source>Revocar registro</source>
        <translation>Revoke enrolment</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="110"/>
        <source>Los paquetes firmados con este certificado se rechazarán desde ahora. El registro queda en la lista como revocado.</source>
        <translation>Packages signed with this certificate will be rejected from now on. The enrolment stays in the list as revoked.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="116"/>
        <source>Estado:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="117"/>
        <source>Nombre:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="118"/>
        <source>Huella:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="120"/>
        <source>p. ej. cambio de coordinadora, certificado extraviado</source>
        <translation>e.g. change of coordinator, lost certificate</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="121"/>
        <source>Motivo:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="124"/>
        <source>Revocar</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/fingerprint_dialogs.py" line="125"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="104"/>
        <source>¿Quién trabaja con Coordina en este equipo?</source>
        <translation>Who works with Coordina on this computer?</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="107"/>
        <source>Una coordinación estatal captura los informes de su estado y los envía firmados; oficinas centrales los recibe y arma el consolidado nacional. Para una coordinación estatal, elija el estado y escriba el nombre y el cargo de quien coordina. En oficinas centrales se crean aquí las claves, protegidas con una contraseña.</source>
        <translation>A state coordination enters its state&apos;s reports and sends them signed; headquarters receives them and builds the national consolidation. For a state coordination, choose the state and type the coordinator&apos;s name and position. At headquarters the keys are created here, protected by a passphrase.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="122"/>
        <source>Todavía no se ha elegido. Puede omitir este paso y hacerlo después en Sincronizar ▸ Perfil y registro…</source>
        <translation>Not chosen yet. You can skip this step and do it later in Sync ▸ Profile and registration…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="129"/>
        <source>Listo: este equipo es de oficinas centrales y ya tiene sus claves.</source>
        <translation>Done: this computer belongs to headquarters and has its keys.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="133"/>
        <source>Listo: coordinación estatal de %1 · %2</source>
        <translation>Done: state coordination of %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/first_run_pages.py" line="135"/>
        <source>(sin nombre)</source>
        <translation>(no name)</translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <location filename="../../app/ui/shell/save_indicator.py" line="22"/>
        <source>No guardado: {0} celdas con texto rechazado (F8)</source>
        <translation>Not saved: {0} cells with rejected text (F8)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/save_indicator.py" line="24"/>
        <source>No guardado: 1 celda con texto rechazado (F8)</source>
        <translation>Not saved: 1 cell with rejected text (F8)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/save_indicator.py" line="28"/>
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/save_indicator.py" line="31"/>
        <source>No se guardó el último cambio</source>
        <translation>The last change was not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/save_indicator.py" line="34"/>
        <source>Guardado ✓</source>
        <translation>Saved ✓</translation>
    </message>
</context>
<context>
    <name>SectionNotesDialog</name>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="55"/>
        <source>Notas y marcas del resumen</source>
        <translation>Summary notes and marks</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="57"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="92"/>
        <source>Ej.: (Programado para agosto)</source>
        <translation>E.g.: (Scheduled for August)</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="97"/>
        <source>Notas por sección de %1 (se imprimen bajo el título de la sección; máximo %2 caracteres)</source>
        <translation>Section notes for %1 (printed under the section title; at most %2 characters)</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="115"/>
        <source>Nota al pie de %1</source>
        <translation>Footnote of %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="119"/>
        <source>Conteos del padrón en proceso de definición (todos los meses)</source>
        <translation>Registry counts still being defined (every month)</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="125"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="129"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="148"/>
        <source>El informe está cerrado: las notas no se pueden cambiar (reábralo para editarlas).</source>
        <translation>The report is closed: the notes cannot be changed (reopen it to edit them).</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="166"/>
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="171"/>
        <source>Guardado. Se imprimirá en el próximo resumen en PDF.</source>
        <translation>Saved. It will be printed in the next PDF summary.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/section_notes_dialog.py" line="176"/>
        <source>No se guardó: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="68"/>
        <source>Informe del mes</source>
        <extracomment>The badge&apos;s colour role per report status (amber while a draft, green once closed).</extracomment>
        <translation>Month report</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="71"/>
        <source>Estado del informe:</source>
        <translation>Report status:</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="78"/>
        <source>Cerrar informe…</source>
        <translation>Close report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="80"/>
        <source>Reabrir informe…</source>
        <translation>Reopen report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="91"/>
        <source>Datos estatales…</source>
        <translation>State data…</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="92"/>
        <source>Variables que se capturan para el estado, no por unidad</source>
        <translation>Variables entered for the state, not per facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="99"/>
        <source>Borrador</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="99"/>
        <source>Cerrado</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="109"/>
        <source>Cada cambio se guarda al momento. Cierre el informe cuando esté completo.</source>
        <translation>Every change is saved at once. Close the report when it is complete.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="113"/>
        <source>Informe cerrado: la captura es de solo lectura. Reábralo para corregir (queda registrado).</source>
        <translation>Report closed: data entry is read-only. Reopen it to correct (this is logged).</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="118"/>
        <source>Avance de captura del mes</source>
        <translation>Month data-entry progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="152"/>
        <source>{0} % ({1} de {2})</source>
        <translation>{0} % ({1} of {2})</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="162"/>
        <source>&lt;b style=&apos;color:{2}&apos;&gt;{0} celdas con error&lt;/b&gt; · {1} con aviso</source>
        <translation>&lt;b style=&apos;color:{2}&apos;&gt;{0} cells with errors&lt;/b&gt; · {1} with warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="167"/>
        <source>Sin errores · {0} celdas con aviso</source>
        <translation>No errors · {0} cells with warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="171"/>
        <source>Marcas de la tabla</source>
        <translation>Table marks</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="175"/>
        <source>Error: revise el valor</source>
        <translation>Error: check the value</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="176"/>
        <source>Aviso: falta o salto atípico</source>
        <translation>Warning: missing or unusual jump</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="177"/>
        <source>No guardado: texto rechazado</source>
        <translation>Not saved: text refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="178"/>
        <source>No aplica a la unidad</source>
        <translation>Not applicable to the facility</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="179"/>
        <source>Esquina azul: comentario</source>
        <translation>Blue corner: comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="180"/>
        <source>Esquina morada: provisional</source>
        <translation>Purple corner: provisional</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry/side_panel.py" line="181"/>
        <source>Esquina naranja: seguimiento</source>
        <translation>Orange corner: follow-up</translation>
    </message>
</context>
<context>
    <name>SigningChoice</name>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="64"/>
        <source>Firma electrónica</source>
        <translation>Electronic signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="65"/>
        <source>Sin firma</source>
        <translation>No signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="66"/>
        <source>Archivo de identidad (.p12 / .pfx)</source>
        <translation>Identity file (.p12 / .pfx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="67"/>
        <source>e.firma del SAT (.cer + .key)</source>
        <translation>SAT e.firma (.cer + .key)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="75"/>
        <source>Archivo .p12 o .pfx</source>
        <translation>.p12 or .pfx file</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="76"/>
        <source>Certificado .cer</source>
        <translation>.cer certificate</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="77"/>
        <source>Clave privada .key</source>
        <translation>.key private key</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="97"/>
        <source>Elegir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="140"/>
        <source>Elija el archivo .p12 o .pfx de su identidad.</source>
        <translation>Choose the .p12 or .pfx file of your identity.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="143"/>
        <source>Elija el certificado .cer de su e.firma.</source>
        <translation>Choose the .cer certificate of your e.firma.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="144"/>
        <source>Elija la clave privada .key de su e.firma.</source>
        <translation>Choose the .key private key of your e.firma.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="158"/>
        <source>Escriba la contraseña de la clave privada de su e.firma (%1).</source>
        <translation>Enter the password of your e.firma private key (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="161"/>
        <source>Escriba la contraseña de %1.</source>
        <translation>Enter the password of %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="205"/>
        <source>Archivo de identidad</source>
        <translation>Identity file</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="207"/>
        <source>Identidad PKCS#12 (*.p12 *.pfx);;Todos los archivos (*)</source>
        <translation>PKCS#12 identity (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="215"/>
        <source>Certificado de la e.firma</source>
        <translation>e.firma certificate</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="217"/>
        <source>Certificado (*.cer);;Todos los archivos (*)</source>
        <translation>Certificate (*.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="228"/>
        <source>Clave privada de la e.firma</source>
        <translation>e.firma private key</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/signing_choice.py" line="230"/>
        <source>Clave privada (*.key);;Todos los archivos (*)</source>
        <translation>Private key (*.key);;All files (*)</translation>
    </message>
</context>
<context>
    <name>StatePage</name>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="168"/>
        <source>Coordinación:</source>
        <translation>Coordination:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="169"/>
        <source>Dispositivo:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="174"/>
        <source>Perfil de oficinas centrales</source>
        <translation>Headquarters profile</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="179"/>
        <source>Compare esta huella por teléfono con oficinas centrales</source>
        <translation>Compare this fingerprint with headquarters over the phone</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="181"/>
        <source>Importar perfil de oficinas centrales…</source>
        <translation>Import headquarters profile…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="191"/>
        <source>Registro del coordinador</source>
        <translation>Coordinator enrolment</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="194"/>
        <source>Oficinas centrales debe registrar su certificado antes de aceptar sus paquetes. Exporte el archivo de registro, envíelo y dicte por teléfono la huella que aparece aquí.</source>
        <translation>Headquarters must register your certificate before accepting your packages. Export the enrolment file, send it and read out over the phone the fingerprint shown here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="199"/>
        <source>Exportar registro del coordinador…</source>
        <translation>Export coordinator enrolment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="200"/>
        <source>Con otro certificado (.cer)…</source>
        <translation>With another certificate (.cer)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="203"/>
        <source>Registre, por ejemplo, el certificado de su e.firma del SAT en lugar de la identidad creada en Coordina.</source>
        <translation>Register, for example, the certificate of your SAT e.firma instead of the identity created in Coordina.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="226"/>
        <source>Coordinación estatal · %1</source>
        <translation>State coordination · %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="227"/>
        <source>(sin nombre)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="233"/>
        <source>Todavía no se ha importado. Pida a oficinas centrales su archivo de perfil (.json) e impórtelo aquí.</source>
        <translation>Not imported yet. Ask headquarters for their profile file (.json) and import it here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="240"/>
        <source>Importado: %1. Huella:</source>
        <translation>Imported: %1. Fingerprint:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/profile_pages.py" line="248"/>
        <source>Se guardó %1. Huella de su registro (certificado y estado), para dictarla por teléfono:</source>
        <translation>%1 was saved. Fingerprint of your enrolment (certificate and state), to read over the phone:</translation>
    </message>
</context>
<context>
    <name>StatesToAnswerModel</name>
    <message>
        <location filename="../../app/ui/sync/respond_models.py" line="28"/>
        <source>Estado</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_models.py" line="29"/>
        <source>Coordinación</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_models.py" line="30"/>
        <source>Paquetes recibidos</source>
        <translation>Packages received</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_models.py" line="31"/>
        <source>Último paquete</source>
        <translation>Last package</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_models.py" line="32"/>
        <source>Valores por revisar</source>
        <translation>Values to review</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_models.py" line="52"/>
        <source>Ninguno</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_models.py" line="64"/>
        <source>Clave %1</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/respond_models.py" line="66"/>
        <source>Revíselos en Sincronizar ▸ Conflictos por revisar…</source>
        <translation>Review them in Sync ▸ Conflicts to review…</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../../app/ui/sync/sync_actions.py" line="31"/>
        <source>Solo en oficinas centrales</source>
        <translation>Headquarters only</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_actions.py" line="33"/>
        <source>Conflictos, Responder a los estados y Consolidado nacional son ventanas de oficinas centrales: reúnen lo que envían las coordinaciones estatales. En este equipo, envíe sus informes con Sincronizar ▸ Enviar paquete a oficinas centrales…</source>
        <translation>Conflicts, Reply to the states and National consolidation are headquarters windows: they gather what the state coordinations send. On this computer, send your reports with Sync ▸ Send package to headquarters…</translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <location filename="../../app/ui/sync/sync_errors.py" line="17"/>
        <source>Todavía no hay un certificado del coordinador en este equipo. Cree primero su identidad de firma en Resumen ▸ Crear identidad de firma… y después vuelva a exportar el registro.</source>
        <translation>There is no coordinator certificate on this computer yet. First create your signing identity in Summary ▸ Create signing identity… and then export the enrolment again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_errors.py" line="23"/>
        <source>Falta el perfil de oficinas centrales. Impórtelo primero en Sincronizar ▸ Perfil y registro… (Importar perfil de oficinas centrales…).</source>
        <translation>The headquarters profile is missing. Import it first in Sync ▸ Profile and enrolment… (Import headquarters profile…).</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync/sync_errors.py" line="28"/>
        <source>Este directorio de datos no tiene perfil de sincronización. Créelo en Sincronizar ▸ Perfil y registro…</source>
        <translation>This data directory has no sync profile. Create it in Sync ▸ Profile and enrolment…</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="191"/>
        <source>Metas</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="208"/>
        <source>Meta nacional de cada indicador. Viaja a los estados en la próxima actualización de oficinas centrales.</source>
        <translation>National target of each indicator. It travels to the states in headquarters&apos; next update.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="215"/>
        <source>Las metas las define oficinas centrales. Aquí se muestran las recibidas en la última actualización.</source>
        <translation>Targets are set by headquarters. These are the ones received in the last update.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="250"/>
        <source>Guardar</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="252"/>
        <source>Restablecer</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="253"/>
        <source>Deshacer los cambios que aún no se guardan</source>
        <translation>Undo the changes not saved yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="255"/>
        <location filename="../../app/ui/summary/targets_dialog.py" line="296"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="296"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="314"/>
        <source>Cambios descartados.</source>
        <translation>Changes discarded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="323"/>
        <source>Guardando…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="327"/>
        <source>Metas guardadas. Viajan a los estados en la próxima actualización.</source>
        <translation>Targets saved. They travel to the states in the next update.</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="74"/>
        <source>Indicador</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="74"/>
        <source>Unidad</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="74"/>
        <source>Meta</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="75"/>
        <source>porcentaje (%)</source>
        <translation>percent (%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="75"/>
        <source>número</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="75"/>
        <source>pesos</source>
        <translation>pesos</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="141"/>
        <source>Meta de referencia del catálogo: %1</source>
        <translation>Catalog reference target: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="146"/>
        <source>Escriba la meta y pulse Enter; deje la celda vacía para quitarla.</source>
        <translation>Type the target and press Enter; leave the cell empty to remove it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/targets_dialog.py" line="165"/>
        <source>%1: %2. Se conserva la meta anterior.</source>
        <translation>%1: %2. The previous target is kept.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="146"/>
        <source>Este documento contiene DATOS DE DEMOSTRACIÓN: sus cifras no son reales.</source>
        <translation>This document holds DEMO DATA: its figures are not real.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="163"/>
        <source>Firma</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="163"/>
        <source>Firmante</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="163"/>
        <source>Fecha</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="163"/>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="96"/>
        <source>Firmas del archivo (el resultado es el de la peor):</source>
        <translation>Signatures in the file (the result is the worst one&apos;s):</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="240"/>
        <source>certificación</source>
        <translation>certification</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="241"/>
        <source>aprobación</source>
        <translation>approval</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="242"/>
        <source>sello de tiempo</source>
        <translation>timestamp</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="247"/>
        <source>Íntegra y de confianza</source>
        <translation>Intact and trusted</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="248"/>
        <source>Íntegra; firmante no es de confianza</source>
        <translation>Intact; signer not trusted</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="249"/>
        <source>No válida</source>
        <translation>Not valid</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="87"/>
        <location filename="../../app/ui/summary/verify_dialog.py" line="196"/>
        <location filename="../../app/ui/summary/verify_dialog.py" line="322"/>
        <source>Verificar PDF firmado</source>
        <extracomment>Verdict kinds, which are also the theme roles (text and tint) that colour them.</extracomment>
        <translation>Verify signed PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="104"/>
        <source>Abrir PDF…</source>
        <translation>Open PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="106"/>
        <source>Abra un PDF o arrástrelo a esta ventana.</source>
        <translation>Open a PDF or drag it onto this window.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="136"/>
        <source>Firmante:</source>
        <translation>Signer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="137"/>
        <source>Fecha de la firma:</source>
        <translation>Signing date:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="138"/>
        <source>Documento íntegro:</source>
        <translation>Document intact:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="139"/>
        <source>Firmante de confianza:</source>
        <translation>Trusted signer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="140"/>
        <source>Huella del certificado (SHA-256):</source>
        <translation>Certificate fingerprint (SHA-256):</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="141"/>
        <source>Observación:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="173"/>
        <source>Compare la huella con la que le dicte el firmante por teléfono antes de agregar su certificado a la lista de confianza.</source>
        <translation>Compare the fingerprint with the one the signer reads out to you over the phone before adding their certificate to the trusted list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="182"/>
        <source>Agregar certificado de confianza…</source>
        <translation>Add trusted certificate…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="184"/>
        <source>Cerrar</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="100"/>
        <source>Todavía no se ha abierto ningún PDF.</source>
        <translation>No PDF has been opened yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="196"/>
        <source>PDF (*.pdf);;Todos los archivos (*)</source>
        <translation>PDF (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="206"/>
        <source>Verificando…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="232"/>
        <source>Sí</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="232"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="299"/>
        <source>Firma válida: el documento está íntegro y el firmante es de confianza.</source>
        <translation>Valid signature: the document is intact and the signer is trusted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="301"/>
        <source>El documento está íntegro, pero el firmante no está en su lista de confianza.</source>
        <translation>The document is intact, but the signer is not on your trusted list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="303"/>
        <source>Este PDF no tiene una firma válida.</source>
        <translation>This PDF does not have a valid signature.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="305"/>
        <source>No confíe en este documento: la firma no es válida.</source>
        <translation>Do not trust this document: the signature is not valid.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="316"/>
        <source>Ninguna.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="321"/>
        <source>No se pudo verificar el archivo.</source>
        <translation>The file could not be verified.</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="329"/>
        <location filename="../../app/ui/summary/verify_dialog.py" line="351"/>
        <source>Certificado de confianza</source>
        <translation>Trusted certificate</translation>
    </message>
    <message>
        <location filename="../../app/ui/summary/verify_dialog.py" line="331"/>
        <source>Certificados (*.pem *.cer *.crt *.der);;Todos los archivos (*)</source>
        <translation>Certificates (*.pem *.cer *.crt *.der);;All files (*)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/shell/welcome_page.py" line="40"/>
        <source>Le damos la bienvenida a Coordina</source>
        <translation>Welcome to Coordina</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/welcome_page.py" line="47"/>
        <source>Aquí registrará cada mes el estatus, el personal, los servicios, el abasto, la acción comunitaria y la infraestructura de las unidades de su estado. Cada dato se guarda al momento en este equipo, también sin conexión.</source>
        <translation>Here you record, month by month, the status, staffing, services, supply, community action and infrastructure of your state&apos;s facilities. Every value is saved at once on this computer, also offline.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/welcome_page.py" line="59"/>
        <source>Cargar datos de demostración (Nayarit, febrero 2023)</source>
        <translation>Load demo data (Nayarit, February 2023)</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/welcome_page.py" line="71"/>
        <source>Unidades y cifras de ejemplo, basadas en las cifras publicadas y marcadas como DEMO en todas partes. Sirve para conocer la aplicación.</source>
        <translation>Sample facilities and figures, based on the published figures and labelled DEMO everywhere. A way to get to know the app.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/welcome_page.py" line="79"/>
        <source>Importar unidades…</source>
        <translation>Import facilities…</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell/welcome_page.py" line="86"/>
        <source>Un archivo CSV o Excel con el catálogo CLUES de la DGIS: verá una vista previa antes de guardar.</source>
        <translation>A CSV or Excel file with the DGIS CLUES catalogue: you will see a preview before saving.</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../app/ui/common/alerts.py" line="25"/>
        <source>Ocurrió un error inesperado ({0}). Nada se guardó a medias; puede intentarlo de nuevo.</source>
        <translation>An unexpected error occurred ({0}). Nothing was half-saved; you can try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/alerts.py" line="49"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <location filename="../../app/ui/app.py" line="121"/>
        <source>Coordina ya está abierto con este directorio de datos:
{0}

Use la ventana que ya está abierta; dos ventanas sobre los mismos datos podrían pisarse los cambios.</source>
        <extracomment>The &quot;coordina&quot; logger is the one with the log file (app/cli/main.py configure_logging).</extracomment>
        <translation>Coordina is already open on this data directory:
{0}

Use the window that is already open; two windows on the same data could overwrite each other&apos;s changes.</translation>
    </message>
</context>
<context>
    <name>run_with_progress</name>
    <message>
        <location filename="../../app/ui/common/progress_dialog.py" line="28"/>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
