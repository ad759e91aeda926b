"""Alembic environment: runs on the connection the app hands over (see migrations_runner)."""

from alembic import context
from sqlmodel import SQLModel

import jiebei_tracker.storage.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through jiebei_tracker.storage.migrations_runner")

context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
