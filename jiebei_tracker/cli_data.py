"""The CLI's commands for the data file itself: ``backup`` (a copy now), ``backups`` (the automatic ones kept beside
the database) and ``restore`` (put a backup back, after backing up what is there).

``backups`` and ``restore`` work on the file's path, not on an opened database: a damaged file can be listed
against and restored over."""

from __future__ import annotations

import sys
from pathlib import Path

from jiebei_tracker.domain.errors import InvalidValue

REASON_TEXT = {
    "daily": "first write of the day",
    "import": "before an import",
    "migration": "before an upgrade",
    "restore": "before a restore",
    "manual": "made by you",
    "passphrase": "before a passphrase change",
}


def register(commands) -> dict:
    backup = commands.add_parser(
        "backup", help="write a checked copy of the database to FILE (default: a new one in the backups folder)"
    )
    backup.add_argument("file", nargs="?", metavar="FILE")

    listing = commands.add_parser("backups", help="list the backups kept beside the database, newest first")
    listing.add_argument("--json", action="store_true")

    restore = commands.add_parser(
        "restore", help="replace the data with a backup (the current data is backed up first)"
    )
    restore.add_argument("backup", metavar="BACKUP|FILE", help="a number from `backups` (1 = newest), or a file")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.add_argument(
        "--backup-passphrase-file",
        metavar="FILE",
        help="the backup's passphrase, on the first line of FILE, when it is not the database's",
    )
    return {"backup": backup_command, "backups": backups_command, "restore": restore_command}


def backup_command(args, context) -> int:
    from jiebei_tracker.services.files.backups import back_up

    target = back_up(context.database, None if args.file is None else Path(args.file))
    print(f"backed up {context.database.path} to {target}", file=context.out)
    return 0


def backups_command(args, db_path: Path, out) -> int:
    from jiebei_tracker.cli_listings import dump_json, print_table
    from jiebei_tracker.cli_passphrase import key_for
    from jiebei_tracker.domain.errors import DatabaseProblem
    from jiebei_tracker.services.files.backups import NEEDS_PASSPHRASE, lines

    try:
        key = key_for(db_path, args)
    except DatabaseProblem:
        key = None  # the list is still shown; encrypted backups say they need the passphrase
    found = lines(db_path, key=key)
    if args.json:
        dump_json(
            [
                {
                    "number": number,
                    "file": str(line.path),
                    "made_at": line.made_at.isoformat(),
                    "reason": line.reason.value,
                    "size": line.size,
                    "ok": line.ok,
                    "problem": line.problem,
                    "loans": line.loans,
                    "repayments": line.repayments,
                }
                for number, line in enumerate(found, 1)
            ],
            out,
        )
        return 0
    if not found:
        print(f"no backups of {db_path} yet (one is made on the first change of each day)", file=out)
        return 0
    print_table(
        ["#", "made", "why", "loans", "repayments", "size", "file"],
        [
            [
                str(number),
                line.made_at.strftime("%Y-%m-%d %H:%M"),
                REASON_TEXT[line.reason.value],
                str(line.loans) if line.ok else "encrypted" if line.problem == NEEDS_PASSPHRASE else "damaged",
                str(line.repayments) if line.ok else "",
                line.size_text,
                line.path.name,
            ]
            for number, line in enumerate(found, 1)
        ],
        out,
    )
    return 0


def restore_command(args, db_path: Path, out) -> int:
    from jiebei_tracker.domain.errors import DatabaseDamaged, PassphraseNeeded
    from jiebei_tracker.services.files.backups import recover, restore
    from jiebei_tracker.services.files.protection import is_protected
    from jiebei_tracker.storage.database import open_database

    source = _chosen(args.backup, db_path)
    db_key, backup_key, contents = _keys(args, db_path, source)
    question = (
        f"Replace the data in {db_path} with {source.name} ({contents.loans} loans, {contents.repayments} "
        "repayments)? What is there now is backed up first."
    )
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"jiebei-tracker: error: {question} Add --yes to go ahead; nothing was restored", file=sys.stderr)
            return 1
        if input(f"{question} [y/N] ").strip().lower() not in ("y", "yes"):
            print("nothing was restored", file=out)
            return 1
    try:
        if db_key is None and is_protected(db_path):  # damaged, or its passphrase not given: it is kept, renamed
            raise PassphraseNeeded(db_path)
        database = open_database(db_path, write_attempts=3, key=db_key)
    except DatabaseDamaged:  # the file cannot be opened: the backup takes its place, the damaged one is kept
        kept = recover(db_path, source, backup_key)
        print(f"restored {db_path} from {source}", file=out)
        if kept is not None:
            print(f"the file that could not be opened is kept as {kept}", file=out)
        return 0
    try:
        before = restore(database, source, backup_key)
    finally:
        database.close()
    print(f"restored {db_path} from {source}", file=out)
    if before is not None:
        print(f"the data before the restore is backed up in {before}", file=out)
    return 0


def _keys(args, db_path: Path, source: Path):
    """The database's passphrase (None for a plain or damaged file), the backup's, and what the backup holds. The
    backup's passphrase is ``--backup-passphrase-file``, else the database's, else asked like the database's."""
    from jiebei_tracker.cli_passphrase import _read_passphrase_file, key_for, passphrase_for
    from jiebei_tracker.domain.errors import DatabaseProblem, WrongPassphrase
    from jiebei_tracker.services.files.protection import is_protected
    from jiebei_tracker.storage.backups import inspect

    db_key = None
    if is_protected(db_path):
        try:
            db_key = key_for(db_path, args)
        except DatabaseProblem:
            db_key = None  # damaged, or its passphrase unknown: the backup may take its place
    backup_key = None
    if is_protected(source):
        if args.backup_passphrase_file:
            backup_key = _read_passphrase_file(args.backup_passphrase_file, "--backup-passphrase-file")
        else:
            backup_key = db_key or passphrase_for(source, args)
    try:
        contents = inspect(source, backup_key)
    except WrongPassphrase:
        if args.backup_passphrase_file or not sys.stdin.isatty():
            raise
        import getpass

        backup_key = getpass.getpass(f"Passphrase for the backup {source.name}: ")
        contents = inspect(source, backup_key)
    return db_key, backup_key, contents


def _chosen(text: str, db_path: Path) -> Path:
    """``N`` is the Nth backup `backups` lists; anything else is a file."""
    from jiebei_tracker.storage.backups import list_backups

    if text.isdigit():
        found = list_backups(db_path)
        number = int(text)
        if not 1 <= number <= len(found):
            raise InvalidValue("BACKUP", text, f"no such backup of {db_path}; `backups` lists {len(found)}")
        return found[number - 1].path
    path = Path(text).expanduser()
    if not path.exists():
        raise InvalidValue("BACKUP", text, "no such file, and not a number from `backups`")
    return path


# These two take the database's path: they must work when the file cannot be opened.
backups_command.takes_path = True
restore_command.takes_path = True
