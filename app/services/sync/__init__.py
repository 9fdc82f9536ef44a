"""Sync packages: export, import, keys, profiles, acknowledgements."""
