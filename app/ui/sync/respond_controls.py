"""The respond dialog's controls below the table: destination folder, the acknowledgement and
update boxes, progress with Cancelar, and Abrir carpeta / Cerrar.

Kept apart from :mod:`app.ui.sync.respond_dialog` (the dialog: loading, selection, writing)
because these widgets are only built and laid out here; the dialog connects and enables them.
The strings keep the dialog's translation context through literal
``QCoreApplication.translate("RespondDialog", …)`` calls, so pyside6-lupdate still files them
under the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from app.ui.common.folder_field import FolderField
from app.ui.common.job_dialog import status_line


@dataclass(frozen=True)
class RespondControls:
    """The widgets the dialog reads, enables and connects."""

    folder_field: FolderField
    ack_button: QPushButton
    include_catalog: QCheckBox
    catalog_field: FolderField
    update_button: QPushButton
    progress_bar: QProgressBar
    cancel_button: QPushButton
    status: QLabel
    files_list: QListWidget
    open_folder_button: QPushButton
    close_button: QPushButton


def build_controls(start_folder: str) -> RespondControls:
    """The controls, with their texts and tooltips; the progress bar and the files list start hidden."""
    controls = RespondControls(
        folder_field=FolderField(
            QCoreApplication.translate("RespondDialog", "Carpeta para los paquetes"), start_folder
        ),
        ack_button=QPushButton(QCoreApplication.translate("RespondDialog", "Escribir acuses")),
        include_catalog=QCheckBox(QCoreApplication.translate("RespondDialog", "Incluir el catálogo")),
        catalog_field=FolderField(QCoreApplication.translate("RespondDialog", "Carpeta del catálogo")),
        update_button=QPushButton(QCoreApplication.translate("RespondDialog", "Escribir actualizaciones")),
        progress_bar=QProgressBar(),  # no text until the first run sets its range
        cancel_button=QPushButton(QCoreApplication.translate("RespondDialog", "Cancelar")),
        status=status_line(Qt.TextFormat.RichText),
        files_list=QListWidget(),
        open_folder_button=QPushButton(QCoreApplication.translate("RespondDialog", "Abrir carpeta")),
        close_button=QPushButton(QCoreApplication.translate("RespondDialog", "Cerrar")),
    )
    controls.include_catalog.setToolTip(
        QCoreApplication.translate(
            "RespondDialog",
            "El catálogo activo de oficinas centrales; el estado lo instala solo si es más reciente que el suyo.",
        )
    )
    controls.progress_bar.setFormat(QCoreApplication.translate("RespondDialog", "%v de %m estados"))
    controls.progress_bar.hide()  # an empty bar reads as a text box: shown once writing starts (issue 12)
    controls.cancel_button.setToolTip(
        QCoreApplication.translate(
            "RespondDialog", "Se detiene después del estado en curso; los archivos escritos quedan completos."
        )
    )
    controls.files_list.setMaximumHeight(110)
    controls.files_list.hide()
    return controls


def folder_row(controls: RespondControls) -> QHBoxLayout:
    """ "Carpeta de destino:" and the folder field."""
    row = QHBoxLayout()
    label = QLabel(QCoreApplication.translate("RespondDialog", "Carpeta de destino:"))
    label.setBuddy(controls.folder_field.edit)
    row.addWidget(label)
    row.addWidget(controls.folder_field, 1)
    return row


def ack_box(controls: RespondControls) -> QGroupBox:
    """What an acknowledgement carries, beside "Escribir acuses"."""
    text = QLabel(
        QCoreApplication.translate(
            "RespondDialog", "Lo que oficinas centrales recibió de cada estado y los valores que quedaron en revisión."
        )
    )
    text.setWordWrap(True)
    box = QGroupBox(QCoreApplication.translate("RespondDialog", "Acuses"))
    layout = QHBoxLayout(box)
    layout.addWidget(text, 1)
    layout.addWidget(controls.ack_button)
    return box


def update_box(controls: RespondControls) -> QGroupBox:
    """What an update carries beside "Escribir actualizaciones", and the catalog to send with it."""
    catalog_row = QHBoxLayout()
    catalog_row.addWidget(controls.include_catalog)
    catalog_row.addWidget(controls.catalog_field, 1)
    text = QLabel(QCoreApplication.translate("RespondDialog", "El padrón de unidades y las metas de cada estado."))
    text.setWordWrap(True)
    update_row = QHBoxLayout()
    update_row.addWidget(text, 1)
    update_row.addWidget(controls.update_button)
    box = QGroupBox(QCoreApplication.translate("RespondDialog", "Actualizaciones"))
    layout = QVBoxLayout(box)
    layout.addLayout(update_row)
    layout.addLayout(catalog_row)
    return box


def progress_row(controls: RespondControls) -> QHBoxLayout:
    """The progress bar over the states, with Cancelar."""
    row = QHBoxLayout()
    row.addWidget(controls.progress_bar, 1)
    row.addWidget(controls.cancel_button)
    return row


def actions_row(controls: RespondControls) -> QHBoxLayout:
    """Abrir carpeta on the left, Cerrar on the right."""
    row = QHBoxLayout()
    row.addWidget(controls.open_folder_button)
    row.addStretch(1)
    row.addWidget(controls.close_button)
    return row
