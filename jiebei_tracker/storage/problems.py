"""What can go wrong with the data file and the files around it, as one-line messages naming the file.

The CLI prints ``str(problem)`` and exits 1; the window shows it in a dialog. None of them is a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path


class FileProblem(Exception):
    """A file or folder the app cannot use: ``path`` and what is wrong with it."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class DatabaseProblem(FileProblem):
    """The database file cannot be opened or used: damaged, not a database, too new, not writable, …"""


class DatabaseBusy(DatabaseProblem):
    """Another program kept the file locked for writing longer than the app waits."""


class DatabaseDamaged(DatabaseProblem):
    """The file is not a database, or a damaged one: a backup can take its place (``backups.recover``)."""
