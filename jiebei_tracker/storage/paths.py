"""Where the database lives: ``--db``, else ``JIEBEI_TRACKER_DB``, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from jiebei_tracker.storage.files import make_private_folder, tighten_data_folder

DB_ENV_VAR = "JIEBEI_TRACKER_DB"
DB_FILENAME = "jiebei-tracker.db"
APP_NAME = "jiebei-tracker"


def default_db_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()


def prepare_data_folder(db_path: Path) -> None:
    """The app's own data folder (where the database lives by default) is created, or tightened, to 0700 before
    anything is written in it — the database, its lock, its backups. A folder the user chose is left as it is
    (only folders the app creates are made 0700)."""
    if Path(db_path) == default_db_path():
        folder = make_private_folder(Path(db_path).parent)
        tighten_data_folder(folder)
