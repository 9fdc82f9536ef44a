"""The facility registry, its catalogue install and marks."""
