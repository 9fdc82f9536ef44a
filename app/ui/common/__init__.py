"""Widgets, item models and helpers every screen shares."""
