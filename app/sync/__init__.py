"""Sync packages between a state and headquarters (DESIGN.md §6): no Qt, no database.

``crypto`` seals payloads to HQ's X25519 key and signs with Ed25519 or X.509 keys;
``archive`` reads zip files defensively; ``manifest`` and ``payload`` are the package's
documents; ``package`` builds and opens whole packages.
"""
