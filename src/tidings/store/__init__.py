"""The corpus store (issue 7): SQLite by default, PostgreSQL by URL."""
