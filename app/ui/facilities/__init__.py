"""The facility registry: list, editor and CLUES import preview."""
