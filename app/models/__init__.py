"""Pure domain layer: dataclasses, catalog, periods, validation. Standard library only."""
