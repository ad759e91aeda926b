"""Alembic migrations (run through storage.migrations_runner)."""
