"""Sync with headquarters: packages, outbox, profiles, keys and conflicts."""
