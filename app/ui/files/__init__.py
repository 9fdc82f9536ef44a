"""Value files in and out, backups and restore."""
