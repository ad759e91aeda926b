"""The CLI's commands for the data file itself: ``backup`` (a copy now), ``backups`` (the automatic ones kept beside
the database) and ``restore`` (put a backup back, after backing up what is there).

``backups`` and ``restore`` work on the file's path, not on an opened database: a damaged file can be listed
against and restored over."""

from __future__ import annotations

import sys
from pathlib import Path

from jiebei_tracker.cli_words import add_language_option, error_line, headers, lang_of, say
from jiebei_tracker.domain.errors import InvalidValue


def reason_text(reason: str, lang: str = "en") -> str:
    """Why a backup was made (``daily``, ``import``, …) in words: ``first write of the day`` / ``当天首次修改``."""
    return say(f"reason_{reason}", lang)


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
    for parser in (backup, listing, restore):
        add_language_option(parser)
    return {"backup": backup_command, "backups": backups_command, "restore": restore_command}


def backup_command(args, context) -> int:
    from jiebei_tracker.services.files.backups import back_up

    target = back_up(context.database, None if args.file is None else Path(args.file))
    print(say("backed_up", lang_of(args), db=context.database.path, target=target), file=context.out)
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
    lang = lang_of(args)
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
        print(say("no_backups", lang, db=db_path), file=out)
        return 0
    print_table(
        headers("backups_headers", lang),
        [
            [
                str(number),
                line.made_at.strftime("%Y-%m-%d %H:%M"),
                reason_text(line.reason.value, lang),
                str(line.loans)
                if line.ok
                else say("encrypted" if line.problem == NEEDS_PASSPHRASE else "damaged", lang),
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

    lang = lang_of(args)
    source = _chosen(args.backup, db_path, lang)
    db_key, backup_key, contents = _keys(args, db_path, source)
    counts = {"loans": contents.loans, "repayments": contents.repayments}
    question = say("restore_question", lang, db=db_path, name=source.name, **counts)
    if not args.yes:
        if not sys.stdin.isatty():
            print(error_line(question + say("restore_yes", lang), lang), file=sys.stderr)
            return 1
        if input(say("restore_prompt", lang, question=question)).strip().lower() not in ("y", "yes"):
            print(say("not_restored", lang), file=out)
            return 1
    try:
        if db_key is None and is_protected(db_path):  # damaged, or its passphrase not given: it is kept, renamed
            raise PassphraseNeeded(db_path)
        database = open_database(db_path, write_attempts=3, key=db_key)
    except DatabaseDamaged:  # the file cannot be opened: the backup takes its place, the damaged one is kept
        kept = recover(db_path, source, backup_key)
        print(say("restored", lang, db=db_path, source=source), file=out)
        if kept is not None:
            print(say("kept_damaged", lang, kept=kept), file=out)
        return 0
    try:
        before = restore(database, source, backup_key)
    finally:
        database.close()
    print(say("restored", lang, db=db_path, source=source), file=out)
    if before is not None:
        print(say("backed_up_before", lang, before=before), file=out)
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


def _chosen(text: str, db_path: Path, lang: str = "en") -> Path:
    """``N`` is the Nth backup `backups` lists; anything else is a file."""
    from jiebei_tracker.storage.backups import list_backups

    if text.isdigit():
        found = list_backups(db_path)
        number = int(text)
        if not 1 <= number <= len(found):
            raise InvalidValue("BACKUP", text, say("no_such_backup", lang, db=db_path, count=len(found)))
        return found[number - 1].path
    path = Path(text).expanduser()
    if not path.exists():
        raise InvalidValue("BACKUP", text, say("no_such_file", lang))
    return path


# These two take the database's path: they must work when the file cannot be opened.
backups_command.takes_path = True
restore_command.takes_path = True
