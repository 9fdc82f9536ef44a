"""Coordina: monthly facility reports for IMSS-BIENESTAR state coordinators."""

from app.models.resources import resources_dir

__version__ = "0.1.0"

#: Root of the read-only resources (catalog, fonts, translations); ``sys._MEIPASS`` when frozen.
RESOURCES_DIR = resources_dir()
