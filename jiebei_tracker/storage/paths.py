"""Where the database lives: ``--db``, else ``JIEBEI_TRACKER_DB``, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV_VAR = "JIEBEI_TRACKER_DB"
DB_FILENAME = "jiebei-tracker.db"
APP_NAME = "jiebei-tracker"


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()
