"""PDF summaries and their signatures: plain data in, bytes out (DESIGN.md §2, §5)."""
