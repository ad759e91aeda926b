"""SQLite storage: sqlmodel tables, the engine and its pragmas, Alembic migrations, read queries."""
