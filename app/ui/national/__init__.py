"""National consolidation of the states' packages (headquarters)."""
