"""SQLite storage: sqlmodel tables, the engine and its pragmas, Alembic migrations, read queries (plain-driver reads
for the window in reads.py, session queries in queries.py)."""
