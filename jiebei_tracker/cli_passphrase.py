"""The passphrase on the command line: how a command gets the passphrase of a protected file, and the commands that
set, change and remove it (``encrypt``, ``change-passphrase``, ``decrypt``).

The passphrase comes from ``--passphrase-file FILE`` (its first line), else ``$JIEBEI_TRACKER_PASSPHRASE``, else
a prompt on the terminal (``getpass``: nothing is echoed); with none of these, or a wrong one, the command exits 1
with one line. A new passphrase comes the same way: ``--new-passphrase-file``, ``$JIEBEI_TRACKER_NEW_PASSPHRASE``,
or typed twice. It is never printed, logged or put in the process title.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jiebei_tracker.domain.errors import DatabaseProblem, FileProblem, InvalidValue

PASSPHRASE_ENV = "JIEBEI_TRACKER_PASSPHRASE"
NEW_PASSPHRASE_ENV = "JIEBEI_TRACKER_NEW_PASSPHRASE"


def add_passphrase_option(parser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"the passphrase of a protected database, on the first line of FILE (else ${PASSPHRASE_ENV}, "
        "else asked on the terminal)",
    )


def register(commands) -> dict:
    encrypt = commands.add_parser(
        "encrypt", help="protect the database with a passphrase (SQLCipher; needs jiebei-tracker[encryption])"
    )
    _new_passphrase_option(encrypt)
    change = commands.add_parser("change-passphrase", help="give the protected database a new passphrase")
    _new_passphrase_option(change)
    commands.add_parser("decrypt", help="remove the passphrase: the database becomes a plain SQLite file again")
    return {"encrypt": encrypt_command, "change-passphrase": change_command, "decrypt": decrypt_command}


def _new_passphrase_option(parser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=f"the new passphrase, on the first line of FILE (else ${NEW_PASSPHRASE_ENV}, else typed twice)",
    )


def _read_passphrase_file(text: str, option: str) -> str:
    path = Path(text).expanduser()
    try:
        with open(path, encoding="utf-8") as handle:
            line = handle.readline()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "is not UTF-8 text"
        raise FileProblem(path, f"{option}: cannot be read ({reason})") from None
    passphrase = line.rstrip("\r\n")
    if not passphrase:
        raise FileProblem(path, f"{option}: the first line is empty; put the passphrase there")
    return passphrase


def passphrase_for(db_path: Path, args) -> str:
    """The passphrase of the protected file at ``db_path``: from the file option, the environment or the
    terminal; DatabaseProblem (one line, exit 1) when there is no way to get one."""
    option = getattr(args, "passphrase_file", None)
    if option:
        return _read_passphrase_file(option, "--passphrase-file")
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if sys.stdin.isatty():
        import getpass

        passphrase = getpass.getpass(f"Passphrase for {db_path}: ")
        if passphrase:
            return passphrase
    raise DatabaseProblem(
        db_path,
        f"is not an SQLite file: if it is protected with a passphrase, give it with --passphrase-file FILE or "
        f"${PASSPHRASE_ENV}, or run the command on a terminal to type it",
    )


def key_for(db_path: Path, args) -> str | None:
    """The passphrase when the file at ``db_path`` has one, else None (nothing is asked for a plain file)."""
    from jiebei_tracker.services.files.protection import is_protected

    return passphrase_for(db_path, args) if is_protected(db_path) else None


def _new_passphrase(args) -> str:
    from jiebei_tracker.services.files.protection import check_passphrase

    if args.new_passphrase_file:
        passphrase = _read_passphrase_file(args.new_passphrase_file, "--new-passphrase-file")
    elif os.environ.get(NEW_PASSPHRASE_ENV):
        passphrase = os.environ[NEW_PASSPHRASE_ENV]
    elif sys.stdin.isatty():
        import getpass

        passphrase = getpass.getpass("New passphrase: ")
        if getpass.getpass("The new passphrase again: ") != passphrase:
            raise InvalidValue("new passphrase", "…", "the two do not match; nothing was changed")
    else:
        raise InvalidValue(
            "new passphrase",
            "…",
            f"give it with --new-passphrase-file FILE or ${NEW_PASSPHRASE_ENV}, or run on a terminal to type it",
        )
    return check_passphrase(passphrase, "new passphrase")


def _done(out, db_path: Path, what: str, before) -> int:
    print(f"{db_path}: {what}", file=out)
    if before is not None:
        print(f"the file as it was is backed up in {before.path}", file=out)
    return 0


def encrypt_command(args, db_path: Path, out) -> int:
    from jiebei_tracker.services.files.protection import encrypt, is_protected

    if is_protected(db_path):
        raise DatabaseProblem(db_path, "is already protected with a passphrase; use change-passphrase")
    if not db_path.exists():
        raise DatabaseProblem(db_path, "no such file; start the app or add a record first")
    from jiebei_tracker.storage.database import open_database

    open_database(db_path).close()  # a file that cannot be used is refused, naming it, before anything is asked
    new = _new_passphrase(args)
    before = encrypt(db_path, new)
    _done(out, db_path, "protected with the passphrase (backups made from now on are encrypted with it too)", before)
    print(
        "older backups keep the protection they had; exports, reports and calendars are plain files "
        "(see docs/encryption.md)",
        file=out,
    )
    return 0


def change_command(args, db_path: Path, out) -> int:
    from jiebei_tracker.services.files.protection import change_passphrase, forget, is_protected

    if not is_protected(db_path):
        raise DatabaseProblem(db_path, "has no passphrase to change; use encrypt")
    old = passphrase_for(db_path, args)
    new = _new_passphrase(args)
    before = change_passphrase(db_path, old, new)
    forget(db_path)  # a remembered passphrase is the old one now
    return _done(out, db_path, "the passphrase is changed", before)


def decrypt_command(args, db_path: Path, out) -> int:
    from jiebei_tracker.services.files.protection import decrypt, forget, is_protected

    if not is_protected(db_path):
        raise DatabaseProblem(db_path, "has no passphrase; nothing to remove")
    before = decrypt(db_path, passphrase_for(db_path, args))
    forget(db_path)
    return _done(out, db_path, "the passphrase is removed: the file is a plain SQLite database again", before)


# They convert the file itself, which must not be open.
encrypt_command.takes_path = True
change_command.takes_path = True
decrypt_command.takes_path = True
