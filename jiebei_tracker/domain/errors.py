"""What can go wrong that the user can do something about, each a one-line message: a bad value they gave
(naming the field and the value), or a file the app cannot use (naming the file).

The CLI prints ``str(problem)`` and exits 1; the window shows it in a dialog. None of them is a traceback. They
live here, at the bottom of the house, because storage raises them and every layer above catches them.
"""

from __future__ import annotations

import os
from pathlib import Path


class InvalidValue(ValueError):
    """A value the user gave that cannot be used; ``field`` and ``value`` say which, ``reason`` why."""

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}: {value!r}: {reason}")

    def with_field(self, field: str) -> InvalidValue:
        """The same complaint, reported against another field name (e.g. a CLI option)."""
        return InvalidValue(field, self.value, self.reason)


class FileProblem(Exception):
    """A file or folder the app cannot use: ``path`` and what is wrong with it."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class FileTaken(FileProblem):
    """The name is already taken (a file, a directory or a symlink is there); nothing was written."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(path, "already exists; choose a new file name")


class DatabaseProblem(FileProblem):
    """The database file cannot be opened or used: damaged, not a database, too new, not writable, …"""


class DatabaseBusy(DatabaseProblem):
    """Another program kept the file locked for writing longer than the app waits."""


class DatabaseDamaged(DatabaseProblem):
    """The file is not a database, or a damaged one: a backup can take its place (``storage.backups.recover``)."""


class PassphraseNeeded(DatabaseDamaged):
    """The file is not a plain SQLite database: protected with a passphrase (SQLCipher), or damaged — which of the
    two cannot be told without the passphrase. Give one to open it; without one it is treated as damaged."""

    def __init__(self, path: str | os.PathLike[str], reason: str | None = None) -> None:
        super().__init__(
            path,
            reason
            or "is not an SQLite file: it is protected with a passphrase, or it is not a Jiebei Tracker database "
            "(it was not changed)",
        )


class WrongPassphrase(DatabaseProblem):
    """The passphrase given does not open the file (or the file is not a database at all)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(path, "the passphrase is wrong (or the file is not a Jiebei Tracker database)")


class EncryptionUnavailable(DatabaseProblem):
    """Passphrases need SQLCipher (the ``encryption`` extra), which this installation does not have."""

    def __init__(self, path: str | os.PathLike[str], what: str = "needs a passphrase") -> None:
        super().__init__(
            path, f"{what}, and this installation has no encryption: pip install 'jiebei-tracker[encryption]'"
        )
