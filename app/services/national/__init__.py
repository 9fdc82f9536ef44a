"""National consolidation and its exports."""
