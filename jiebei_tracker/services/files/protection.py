"""A passphrase on the data file, for the window and the CLI: whether the file has one, setting, changing and
removing it (storage/encryption.py does the conversion), and remembering it in the system keyring when the user
asks (the ``keyring`` library of the ``encryption`` extra, imported only then). The passphrase is passed along,
never stored by the app itself."""

from __future__ import annotations

import contextlib
from pathlib import Path

from jiebei_tracker.domain.errors import DatabaseProblem
from jiebei_tracker.services.workspace import is_sample_file
from jiebei_tracker.storage.backups import Backup
from jiebei_tracker.storage.connections import encryption_available, looks_encrypted
from jiebei_tracker.storage.encryption import MIN_PASSPHRASE, change_passphrase, check_passphrase

__all__ = [
    "MIN_PASSPHRASE",
    "change_passphrase",
    "check_passphrase",
    "decrypt",
    "encrypt",
    "encryption_available",
    "forget",
    "is_protected",
    "keyring_available",
    "remember",
    "remembered",
]

KEYRING_SERVICE = "jiebei-tracker"


def is_protected(path: Path) -> bool:
    """Whether the file at ``path`` is protected with a passphrase (it has no plain SQLite header)."""
    return looks_encrypted(Path(path))


def encrypt(path: Path, passphrase: str) -> Backup | None:
    """Protect the plain file at ``path`` with ``passphrase``; returns the backup made first. The sample data's
    file is never encrypted: it holds nothing of the user's."""
    if is_sample_file(Path(path)):
        raise DatabaseProblem(path, "is the sample data; it is never protected with a passphrase")
    return change_passphrase(Path(path), None, passphrase)


def decrypt(path: Path, passphrase: str) -> Backup | None:
    """Remove the passphrase: the file becomes plain again; returns the backup made first (encrypted)."""
    return change_passphrase(Path(path), passphrase, None)


def _keyring():
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


def _account(path: Path) -> str:
    return str(Path(path).resolve())


def remembered(path: Path) -> str | None:
    """The passphrase the system keyring keeps for this file, if the user asked to remember it (else None; also
    when there is no keyring, or it cannot be reached)."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, _account(path))
    except Exception:  # a locked or missing keyring backend: ask instead
        return None


def remember(path: Path, passphrase: str) -> None:
    """Keep the passphrase in the system keyring (the user ticked "Remember"); DatabaseProblem if it cannot."""
    keyring = _keyring()
    if keyring is None:
        raise DatabaseProblem(path, "the passphrase cannot be remembered: no keyring (pip install keyring)")
    try:
        keyring.set_password(KEYRING_SERVICE, _account(path), passphrase)
    except Exception as error:
        raise DatabaseProblem(path, f"the passphrase cannot be remembered ({type(error).__name__})") from None


def forget(path: Path) -> None:
    """Remove the file's passphrase from the system keyring, if it is there."""
    keyring = _keyring()
    if keyring is None:
        return
    with contextlib.suppress(Exception):  # nothing remembered, or no backend: nothing to forget
        keyring.delete_password(KEYRING_SERVICE, _account(path))
