"""The command line: no command opens the window; sub-commands script the same services the window uses.

Exit status: 0 success, 1 bad data (a message on stderr naming the field and value), 2 bad usage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from jiebei_tracker import __version__
from jiebei_tracker.cli_options import (
    EXIT_BAD_DATA,
    EXIT_OK,
    EXIT_USAGE,
    add_terms_arguments,
    option_value,
    purpose_argument,
    terms_from_arguments,
    whole_number,
)
from jiebei_tracker.cli_output import printable_output
from jiebei_tracker.cli_passphrase import add_passphrase_option
from jiebei_tracker.cli_words import add_language_option, lang_of, rate_words, refusal, say, term
from jiebei_tracker.cli_words import language as language_value
from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan, parse_positive_yuan, parse_yuan
from jiebei_tracker.domain.rates import decimal_text
from jiebei_tracker.domain.text import clean_name, clean_note, printable
from jiebei_tracker.domain.vocabulary import InquiryReason, NoteKind, PlatformKind

if TYPE_CHECKING:  # the heavy imports wait until a command needs them, so --help is instant
    import argparse

    from jiebei_tracker.services.ledger import Ledger
    from jiebei_tracker.services.session import Session
    from jiebei_tracker.storage.database import Database


@dataclass
class Context:
    """What every command gets: the open database, the ledger, today's date and where to print; ``session``
    (the Book and what is worked out from it) when a command asks."""

    database: Database
    ledger: Ledger
    today: date
    out: TextIO

    @cached_property
    def session(self) -> Session:
        from jiebei_tracker.services.session import Session

        return Session(database=self.database, today=lambda: self.today)


Handler = Callable[["argparse.Namespace", "Context"], int]  # names resolved only by type checkers


def build_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    import argparse

    parser = argparse.ArgumentParser(
        prog="jiebei-tracker",
        description="借呗信用健康助手 Jiebei Tracker — with no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $JIEBEI_TRACKER_DB, else the user data folder)"
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="put the app in the desktop's application menu: its .desktop entry and icon into $XDG_DATA_HOME "
        "(else ~/.local/share), starting this very program",
    )
    desktop.add_argument("--uninstall-desktop", action="store_true", help="take away what --install-desktop put there")
    add_passphrase_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = commands.add_parser("add-loan", help="record a loan and build its schedule")
    add.add_argument("--platform", required=True, help="e.g. 借呗, 微粒贷, 招商银行")
    add.add_argument("--borrowed-on", required=True, metavar="DATE")
    add_terms_arguments(add)
    add.add_argument("--autopay", action="store_true", help="repayments are deducted automatically")
    add.add_argument("--id", dest="external_id", metavar="EXT", help="the platform's own loan number")
    add.add_argument("--note", default="")
    past = add.add_mutually_exclusive_group()
    past.add_argument(
        "--paid-through", metavar="DATE", help="installments due on or before DATE were paid on their due dates"
    )
    past.add_argument("--settled-on", metavar="DATE", help="paid on schedule until DATE, then settled early that day")
    add.add_argument(
        "--payoff-amount", metavar="YUAN", help="with --settled-on: what was paid to settle (default: proposed)"
    )

    delete = commands.add_parser("delete-loan", help="delete a loan with its schedule and repayments")
    delete.add_argument("loan", metavar="LOAN")

    pay = commands.add_parser("pay", help="log a repayment")
    pay.add_argument("loan", metavar="LOAN", help="the loan's id, or the number `loans` shows")
    pay.add_argument("--on", required=True, metavar="DATE")
    pay.add_argument("--amount", required=True, metavar="YUAN")
    pay.add_argument("--note", default="")

    prepay = commands.add_parser(
        "prepay", help="repay part of a loan early (提前还部分): lower payments, or fewer of them"
    )
    prepay.add_argument("loan", metavar="LOAN", help="the loan's id, or the number `loans` shows")
    prepay.add_argument("--on", required=True, metavar="DATE")
    prepay.add_argument("--amount", required=True, metavar="YUAN")
    prepay.add_argument(
        "--keep",
        required=True,
        choices=("payment", "term"),
        help="payment: the same monthly payment, fewer installments; term: as many installments, each smaller",
    )
    prepay.add_argument("--note", default="")

    payoff = commands.add_parser("payoff", help="settle a loan early (proposes the amount when none is given)")
    payoff.add_argument("loan", metavar="LOAN")
    payoff.add_argument("--on", required=True, metavar="DATE")
    payoff.add_argument("--amount", metavar="YUAN")
    payoff.add_argument(
        "--force", action="store_true", help="record --amount even when it is far below the proposed payoff"
    )

    platform = commands.add_parser("platform", help="set a platform's kind or its penalty interest")
    platform.add_argument("name", metavar="NAME")
    platform.add_argument("--kind", metavar="KIND", help=", ".join(k.value for k in PlatformKind))
    platform.add_argument(
        "--penalty-multiplier",
        metavar="M",
        help="penalty interest (罚息) on what is overdue, as a multiple of the daily rate (default 1.5)",
    )

    limit = commands.add_parser("limit", help="record a platform's credit limit")
    limit.add_argument("platform", metavar="PLATFORM")
    limit.add_argument("--on", required=True, metavar="DATE")
    limit.add_argument("--amount", required=True, metavar="YUAN")

    note = commands.add_parser("note", help="add a credit-report (征信) note")
    note.add_argument("--on", required=True, metavar="DATE")
    note.add_argument("--kind", required=True, metavar="KIND", help=", ".join(k.value for k in NoteKind))
    note.add_argument("--text", required=True)
    note.add_argument(
        "--reason",
        metavar="REASON",
        help="an inquiry's 查询原因: " + ", ".join(r.value for r in InquiryReason) + " (default: the one the text "
        "names, else other)",
    )
    note.add_argument("--institution", metavar="NAME", default="", help="an inquiry's 查询机构")

    resolve = commands.add_parser("resolve-note", help="mark a credit-report note resolved")
    resolve.add_argument("note_id", metavar="ID")

    demo = commands.add_parser(
        "demo",
        help="fill an empty database with the sample borrower's history; with --years, --loans or --seed, "
        "with a large generated one instead",
    )
    demo.add_argument("--years", metavar="N", help=f"generated history: years before today (default {_DEMO_YEARS})")
    demo.add_argument("--loans", metavar="N", help=f"generated history: how many loans (default {_DEMO_LOANS})")
    demo.add_argument(
        "--seed", metavar="N", help=f"the same seed gives the same generated history (default {_DEMO_SEED})"
    )
    for command in (add, delete, pay, prepay, payoff, platform, limit, note, resolve, demo):
        add_language_option(command)
    return parser, commands


def _handlers(commands) -> dict[str, Handler]:
    """The core commands' handlers, plus every feature module's: each has ``register(commands) -> {name:
    handler}`` and adds its own sub-commands, in this order. Imported here: opening the window needs none."""
    from jiebei_tracker import (
        cli_data,
        cli_health,
        cli_import,
        cli_listings,
        cli_passphrase,
        cli_plan,
        cli_repayments,
    )

    handlers = dict(_CORE_COMMANDS)
    for module in (cli_listings, cli_repayments, cli_import, cli_health, cli_plan, cli_data, cli_passphrase):
        handlers.update(module.register(commands))
    return handlers


def _window_only(argv: Sequence[str]) -> tuple[bool, str | None]:
    """``(True, PATH or None)`` when the arguments only open the window — nothing, ``--db PATH`` or ``--db=PATH``
    — else ``(False, None)``. The window then starts without argparse and every sub-command's parser (which
    imports the feature modules); anything else, mistakes included, goes to the full parser."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--db=") and argv[0] != "--db=":
        return True, argv[0].removeprefix("--db=")
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command, or open the window. Whatever goes wrong ends in one line on stderr and exit 1 (2 for a
    mistake in the command line), never a traceback (set JIEBEI_TRACKER_DEBUG=1 to see one)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        with printable_output():  # the user's text comes out with its control characters escaped
            return _main(arguments)
    except KeyboardInterrupt:
        print("jiebei-tracker: interrupted; a change under way was not saved (the file is as it was)", file=sys.stderr)
        return EXIT_BAD_DATA
    except BrokenPipeError:
        # The reader went away (`jiebei-tracker loans | head`): stop quietly, as Python's docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BAD_DATA
    except Exception as error:
        if os.environ.get("JIEBEI_TRACKER_DEBUG"):
            raise
        print(f"jiebei-tracker: error: {printable(_problem_text(error))}", file=sys.stderr)
        return EXIT_BAD_DATA


def _problem_text(error: Exception) -> str:
    """One line for a failure no command caught: the file's problem, a full disk, or what Python said."""
    import errno

    from jiebei_tracker.domain.errors import FileProblem
    from jiebei_tracker.storage.database import database_problem
    from jiebei_tracker.storage.paths import resolve_db_path

    if isinstance(error, FileProblem):
        return str(error)
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        where = error.filename or "the disk"
        return f"{where}: no space left on the disk; nothing was changed"
    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename or 'a file'}: {error.strerror}"
    try:
        problem = database_problem(resolve_db_path(None), error)
    except Exception:
        problem = None
    if problem is not None:
        return problem.reason
    return f"{type(error).__name__}: {error} (run again with JIEBEI_TRACKER_DEBUG=1 to see where)"


def _main(arguments: list[str]) -> int:
    from jiebei_tracker.storage.paths import resolve_db_path

    for position, argument in enumerate(arguments, 1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            print(f"jiebei-tracker: error: argument {position} is not valid UTF-8 text: {shown}", file=sys.stderr)
            return EXIT_USAGE
    argv = arguments
    window_only, db_option = _window_only(argv)
    if window_only:
        from jiebei_tracker.app import run_gui

        return run_gui(resolve_db_path(db_option))
    parser, commands = build_parser()
    handlers = _handlers(commands)
    args = parser.parse_args(argv)
    if args.install_desktop or args.uninstall_desktop:
        if args.command is not None:
            parser.error(f"--{'un' if args.uninstall_desktop else ''}install-desktop goes alone, without a command")
        return _desktop(install=args.install_desktop)
    db_path = resolve_db_path(args.db)
    if args.command is None:
        from jiebei_tracker.app import run_gui

        return run_gui(db_path)
    lang = "en"
    try:
        if getattr(args, "lang", None) is not None:  # checked before the command does anything
            args.lang = lang = option_value(language_value, args.lang, "--lang")
        return _run(handlers[args.command], args, db_path)
    except InvalidValue as error:
        field = _OPTION_OF_FIELD.get(error.field, error.field)
        print(refusal(field, error.value, error.reason, lang), file=sys.stderr)
        return EXIT_BAD_DATA


def _desktop(*, install: bool) -> int:
    from jiebei_tracker import desktop

    home = desktop.data_home()
    if install:
        written = desktop.install(home)
        print(f"installed the app in the application menu: {written[0]}")
        print(f"  Exec={desktop.exec_value(desktop.launcher())}")
        print(f"  icon {desktop.ICON_NAME}: SVG and {len(written) - 2} PNG sizes under {home / 'icons' / 'hicolor'}")
    else:
        removed = desktop.uninstall(home)
        what = f"removed {len(removed)} file{'' if len(removed) == 1 else 's'}" if removed else "nothing to remove"
        print(f"{what}: {desktop.desktop_file(home)} and the {desktop.ICON_NAME} icons under {home}")
    return EXIT_OK


# The services name fields as the records do; the user typed options.
_OPTION_OF_FIELD = {
    "budget": "--budget",
    "amount": "--amount",
    "limit": "--amount",
    "paid_on": "--on",
    "date": "--on",
    "borrowed_on": "--borrowed-on",
    "principal": "--principal",
    "term_months": "--term",
    "platform": "--platform",
    "loan_id": "--id",
    "text": "--text",
    "reason": "--reason",
    "institution": "--institution",
    "loan": "LOAN",
    "note": "ID",
    "repayment": "ID",
    "paid_through": "--paid-through",
    "settled": "--settled-on",
    "payoff_amount": "--payoff-amount",
}


def _run(handler: Handler, args: argparse.Namespace, db_path: Path) -> int:
    from jiebei_tracker.services.ledger import Ledger
    from jiebei_tracker.storage.database import open_database
    from jiebei_tracker.storage.paths import prepare_data_folder

    prepare_data_folder(db_path)
    if getattr(handler, "takes_path", False):  # works on the file itself, even one that cannot be opened
        return handler(args, db_path, sys.stdout)
    from jiebei_tracker.cli_passphrase import key_for

    key = key_for(db_path, args)  # only for a protected file: from --passphrase-file, the environment or a prompt
    database = open_database(db_path, write_attempts=3, key=key)  # a command waits up to 15 s for another writer
    try:
        context = Context(database, Ledger(database=database), date.today(), sys.stdout)
        return handler(args, context)
    finally:
        database.close()


def _loan_id(context: Context, ref: str) -> int:
    from jiebei_tracker.services.loans import find_loan

    return find_loan(context.database, ref)


def _cmd_add_loan(args, context: Context) -> int:
    from jiebei_tracker.domain.records import LoanDraft

    lang = lang_of(args)
    terms, rate = terms_from_arguments(args, option_value(parse_date, args.borrowed_on, "--borrowed-on"))
    draft = LoanDraft(
        platform=args.platform,
        terms=terms,
        purpose=purpose_argument(args),
        autopay=args.autopay,
        note=option_value(clean_note, args.note, "--note"),
        external_id=args.external_id,
    )
    past = _past_choice(args, lang)
    changes = context.ledger.add_loan(draft, past)
    name = say("schedule_name", lang, name=args.external_id) if args.external_id else ""
    print(say("added_loan", lang, number=changes.created_id, name=name), file=context.out)
    outcome = context.ledger.past_outcome(draft, past)
    if outcome.on_schedule_count:
        paid = format_yuan(outcome.on_schedule_fen)
        print(say("on_schedule", lang, count=outcome.on_schedule_count, amount=paid), file=context.out)
    if outcome.payoff is not None:
        day, amount = outcome.payoff.paid_on.isoformat(), format_yuan(outcome.payoff.amount_fen)
        print(say("settled_on", lang, day=day, amount=amount), file=context.out)
    if past is None and outcome.overdue_count:
        print(say("overdue_warning", lang, count=outcome.overdue_count), file=sys.stderr)
    if rate.is_high:
        print(say("high_rate", lang, rate=rate.as_entered(), words=rate_words(rate, lang)), file=sys.stderr)
    return EXIT_OK


def _past_choice(args, lang: str = "en"):
    """What the user said of the installments already due: --paid-through, --settled-on (with its amount)."""
    from jiebei_tracker.domain.past import PastRepayments

    if args.payoff_amount is not None and args.settled_on is None:
        raise InvalidValue("--payoff-amount", args.payoff_amount, say("with_settled_on", lang))
    if args.paid_through is not None:
        return PastRepayments.paid_through(option_value(parse_date, args.paid_through, "--paid-through"))
    if args.settled_on is not None:
        return PastRepayments.settled(
            option_value(parse_date, args.settled_on, "--settled-on"),
            option_value(parse_positive_yuan, args.payoff_amount, "--payoff-amount"),
        )
    return None


def _cmd_delete_loan(args, context: Context) -> int:
    loan_id = _loan_id(context, args.loan)
    context.ledger.delete_loan(loan_id)
    print(say("deleted_loan", lang_of(args), number=loan_id), file=context.out)
    return EXIT_OK


def _cmd_pay(args, context: Context) -> int:
    loan_id = _loan_id(context, args.loan)
    amount = option_value(parse_positive_yuan, args.amount, "--amount")
    _, edit = context.ledger.log_repayment_undoably(
        loan_id,
        paid_on=option_value(parse_date, args.on, "--on"),
        amount_fen=amount,
        note=option_value(clean_note, args.note, "--note"),
    )
    lang = lang_of(args)
    print(say("logged", lang, amount=format_yuan(amount), number=loan_id), file=context.out)
    for removed in edit.removed:  # the one the app had assumed for that installment: the same payment
        print(say("replaced_assumed", lang, day=removed["paid_on"].isoformat()), file=context.out)
    return EXIT_OK


def _cmd_payoff(args, context: Context) -> int:
    from jiebei_tracker.domain.dates import check_day
    from jiebei_tracker.domain.payments import is_low_payoff
    from jiebei_tracker.services.loan_detail import payoff_quote

    lang = lang_of(args)
    loan_id = _loan_id(context, args.loan)
    paid_on = check_day(option_value(parse_date, args.on, "--on"), field="--on", today=context.today)
    amount = option_value(parse_positive_yuan, args.amount, "--amount")
    quote = payoff_quote(context.database, loan_id, paid_on=paid_on)
    if amount is not None and not args.force and is_low_payoff(amount, quote.amount_fen):
        reason = say("far_below", lang, quote=format_yuan(quote.amount_fen), day=paid_on.isoformat())
        raise InvalidValue("--amount", format_yuan(amount), reason)
    if amount is None:
        amount = quote.amount_fen
        print(say("proposed", lang, parts=_quote_parts(quote, lang)), file=context.out)
    context.ledger.pay_off(loan_id, paid_on=paid_on, amount_fen=amount)
    print(say("paid_off", lang, number=loan_id, amount=format_yuan(amount)), file=context.out)
    return EXIT_OK


def _cmd_prepay(args, context: Context) -> int:
    from jiebei_tracker.domain.dates import check_day
    from jiebei_tracker.domain.prepay import Keep
    from jiebei_tracker.services.loan_detail import prepayment_preview

    loan_id = _loan_id(context, args.loan)
    paid_on = check_day(option_value(parse_date, args.on, "--on"), field="--on", today=context.today)
    amount = option_value(parse_positive_yuan, args.amount, "--amount")
    keep = Keep(args.keep)
    try:
        plan = prepayment_preview(
            context.database, loan_id, paid_on=paid_on, amount_fen=amount, keep=keep, today=context.today
        )
        context.ledger.prepay(loan_id, paid_on=paid_on, amount_fen=amount, keep=keep, note=args.note)
    except InvalidValue as error:
        raise error.with_field({"paid_on": "--on", "amount": "--amount"}.get(error.field, error.field)) from None
    rebuilt = plan.rebuilt
    regular = rebuilt[0] if len(rebuilt) == 1 else rebuilt[1]
    said = say(
        "prepaid",
        lang_of(args),
        amount=format_yuan(amount),
        number=loan_id,
        day=paid_on.isoformat(),
        interest=format_yuan(plan.interest_fen),
        principal=format_yuan(plan.principal_fen),
        count=len(rebuilt),
        regular=format_yuan(regular.total_fen),
        first=regular.due_on.isoformat(),
        last=format_yuan(rebuilt[-1].total_fen),
        last_day=rebuilt[-1].due_on.isoformat(),
        saved=format_yuan(plan.interest_saved_fen),
    )
    print(said, file=context.out)
    return EXIT_OK


def _quote_parts(quote, lang: str = "en") -> str:
    """How a proposed payoff is made up, as the repayment dialog says it: what fell due (in full), then the
    principal not yet due with its interest so far; with a note when penalty interest may come on top."""
    parts = []
    if quote.due_unpaid_count:
        count = quote.due_unpaid_count
        parts.append(
            say("due_one" if count == 1 else "due_many", lang, count=count, amount=format_yuan(quote.due_unpaid_fen))
        )
    if quote.principal_fen:
        interest = format_yuan(quote.accrued_interest_fen)
        principal = format_yuan(quote.principal_fen)
        parts.append(say("accrued", lang, principal=principal, days=quote.accrued_days, interest=interest))
    if quote.penalty_fen:
        parts.append(say("penalty", lang, amount=format_yuan(quote.penalty_fen)))
    text = " + ".join(parts) or format_yuan(quote.amount_fen)
    if quote.penalty_fen:
        text += say("estimate", lang)
    return text


def _cmd_platform(args, context: Context) -> int:
    from jiebei_tracker.domain.penalty import parse_multiplier

    lang = lang_of(args)
    if args.kind is None and args.penalty_multiplier is None:
        raise InvalidValue("--kind", None, say("kind_or_penalty", lang))
    name = option_value(clean_name, args.name, "NAME")
    kind = option_value(PlatformKind.parse, args.kind, "--kind")
    multiplier = option_value(parse_multiplier, args.penalty_multiplier, "--penalty-multiplier")
    if kind is not None:
        context.ledger.set_platform_kind(name, kind)
        print(say("platform_kind", lang, name=name, kind=term(kind, lang)), file=context.out)
    if multiplier is not None:
        context.ledger.set_penalty_multiplier(name, multiplier)
        print(say("platform_penalty", lang, name=name, multiplier=decimal_text(multiplier)), file=context.out)
    return EXIT_OK


def _cmd_limit(args, context: Context) -> int:
    amount = option_value(parse_yuan, args.amount, "--amount")
    platform = option_value(clean_name, args.platform, "PLATFORM")
    context.ledger.record_limit(platform, recorded_on=option_value(parse_date, args.on, "--on"), limit_fen=amount)
    print(say("limit", lang_of(args), platform=platform, amount=format_yuan(amount)), file=context.out)
    return EXIT_OK


def _cmd_note(args, context: Context) -> int:
    changes = context.ledger.add_note(
        noted_on=option_value(parse_date, args.on, "--on"),
        kind=option_value(NoteKind.parse, args.kind, "--kind"),
        text=args.text,
        reason=option_value(InquiryReason.parse, args.reason, "--reason"),
        institution=args.institution,
    )
    print(say("added_note", lang_of(args), id=changes.created_id), file=context.out)
    return EXIT_OK


def _cmd_resolve_note(args, context: Context) -> int:
    lang = lang_of(args)
    note_id = whole_number(args.note_id, "ID", 1, 2**62, lang=lang)
    context.ledger.resolve_note(note_id)
    print(say("resolved_note", lang, id=note_id), file=context.out)
    return EXIT_OK


_DEMO_YEARS, _DEMO_LOANS, _DEMO_SEED = 3, 60, 20240101


def _cmd_demo(args, context: Context) -> int:
    """The sample borrower's history (the window's sample data, but not marked as one: this file is the user's
    to keep), or with any of the options a large generated history (benchmarks). Only into an empty file."""
    from jiebei_tracker.services.demo import generate_history, sample_history
    from jiebei_tracker.services.workspace import has_records

    lang = lang_of(args)
    generated = (args.years, args.loans, args.seed) != (None, None, None)
    if generated:
        years = _DEMO_YEARS if args.years is None else whole_number(args.years, "--years", 1, 30, lang=lang)
        loans = _DEMO_LOANS if args.loans is None else whole_number(args.loans, "--loans", 1, 1_000_000, lang=lang)
        seed = _DEMO_SEED if args.seed is None else whole_number(args.seed, "--seed", 0, 2**62, lang=lang)
    path = context.database.path
    if has_records(context.database):
        raise InvalidValue("--db", str(path), say("demo_taken", lang))
    if generated:
        history = generate_history(today=context.today, years=years, loans=loans, seed=seed)
        what = say("demo_generated", lang, count=len(history.loans), years=years)
    else:
        history = sample_history(today=context.today)
        what = say("demo_sample", lang, count=len(history.loans), platforms=len(history.platform_kinds))
    context.ledger.add_history(
        history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds
    )
    print(say("demo_added", lang, what=what, path=path), file=context.out)
    return EXIT_OK


_CORE_COMMANDS: dict[str, Handler] = {
    "add-loan": _cmd_add_loan,
    "delete-loan": _cmd_delete_loan,
    "pay": _cmd_pay,
    "payoff": _cmd_payoff,
    "prepay": _cmd_prepay,
    "platform": _cmd_platform,
    "limit": _cmd_limit,
    "note": _cmd_note,
    "resolve-note": _cmd_resolve_note,
    "demo": _cmd_demo,
}
