"""The HTTP API and web UI served by ``tidings serve`` (issue 7)."""
