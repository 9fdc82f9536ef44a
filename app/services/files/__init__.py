"""Value files (CSV/XLSX) in and out, backups and demo data."""
