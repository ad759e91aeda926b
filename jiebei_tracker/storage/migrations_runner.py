"""Runs the Alembic migrations shipped in ``storage/migrations``; skips Alembic when already at head."""

from __future__ import annotations

from importlib.resources import files

from sqlalchemy import Engine, inspect, text

# The newest revision in migrations/versions. A test checks it against Alembic's own idea of head.
HEAD_REVISION = "0002_settings"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("jiebei_tracker.storage") / "migrations"))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Create or upgrade the schema. Importing Alembic costs start-up time, so it is skipped when the
    database already stands at the head revision."""
    if current_revision(engine) == HEAD_REVISION:
        return
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
