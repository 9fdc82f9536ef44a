"""Coordina: monthly facility reports for IMSS-BIENESTAR state coordinators."""

from pathlib import Path

__version__ = "0.1.0"

#: Root of the read-only resources (catalog, fonts, translations).
RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
