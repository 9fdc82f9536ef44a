"""SQLite storage through sqlite-utils: schema, migrations, repositories, backups, files."""
