"""Recording and reading a month's values and their edits."""
