"""The CLI's repayment commands: list them with where each came from, correct or delete one, and record the
autopay deductions that fell due (``catch-up``)."""

from __future__ import annotations

from jiebei_tracker.cli_options import option_value, whole_number
from jiebei_tracker.cli_words import add_language_option, headers, lang_of, say, term
from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.money import fen_to_yuan, format_yuan


def register(commands) -> dict:
    """Add the repayment sub-commands; returns their handlers."""
    listing = commands.add_parser("repayments", help="list repayments with where each came from")
    listing.add_argument("loan", nargs="?", metavar="LOAN", help="only this loan's (its id or number)")
    listing.add_argument("--json", action="store_true")

    edit = commands.add_parser("edit-repayment", help="correct a repayment's date, amount or note")
    edit.add_argument("repayment_id", metavar="ID", help="the id `repayments` shows")
    edit.add_argument("--on", metavar="DATE")
    edit.add_argument("--amount", metavar="YUAN")
    edit.add_argument("--note")

    delete = commands.add_parser("delete-repayment", help="delete a repayment")
    delete.add_argument("repayment_id", metavar="ID", help="the id `repayments` shows")

    catch_up = commands.add_parser(
        "catch-up", help="record the autopay installments that fell due as paid in full on their due dates"
    )
    catch_up.add_argument("--as-of", metavar="DATE", help="record those due on or before DATE (default: today)")
    catch_up.add_argument("--dry-run", action="store_true", help="only list them")
    for parser in (listing, edit, delete, catch_up):
        add_language_option(parser)
    return {
        "repayments": repayments,
        "edit-repayment": edit_repayment,
        "delete-repayment": delete_repayment,
        "catch-up": catch_up_command,
    }


def repayments(args, context) -> int:
    from jiebei_tracker.cli_listings import dump_json, print_table
    from jiebei_tracker.services.loans import find_loan, list_repayments

    lang = lang_of(args)
    loan_id = find_loan(context.database, args.loan) if args.loan else None
    lines = list_repayments(context.database, loan_id=loan_id)
    if args.json:
        dump_json(
            [
                {
                    "id": r.repayment_id,
                    "loan_id": r.loan_id,
                    "paid_on": r.paid_on.isoformat(),
                    "amount": fen_to_yuan(r.amount_fen),
                    "payoff": r.is_payoff,
                    "source": r.source.value,
                    "note": r.note,
                }
                for r in lines
            ],
            context.out,
        )
        return 0
    if not lines:
        print(
            say("no_repayments_on", lang, number=loan_id) if loan_id else say("no_repayments", lang), file=context.out
        )
        return 0
    print_table(
        headers("repayments_headers", lang),
        [
            [
                str(r.repayment_id),
                f"#{r.loan_id}",
                r.paid_on.isoformat(),
                format_yuan(r.amount_fen),
                say("yes", lang) if r.is_payoff else "",
                term(r.source, lang),
                r.note,
            ]
            for r in lines
        ],
        context.out,
    )
    return 0


def _repayment_id(text: str, lang: str = "en") -> int:
    return whole_number(text, "ID", 1, 2**62, lang=lang)


def edit_repayment(args, context) -> int:
    from jiebei_tracker.domain.money import parse_positive_yuan
    from jiebei_tracker.domain.text import clean_note

    lang = lang_of(args)
    repayment_id = _repayment_id(args.repayment_id, lang)
    paid_on = option_value(parse_date, args.on, "--on")
    amount = option_value(parse_positive_yuan, args.amount, "--amount")
    if paid_on is None and amount is None and args.note is None:
        from jiebei_tracker.domain.errors import InvalidValue

        raise InvalidValue("ID", args.repayment_id, say("say_what", lang))
    note = option_value(clean_note, args.note, "--note")
    changes, _ = context.ledger.edit_repayment(repayment_id, paid_on=paid_on, amount_fen=amount, note=note)
    loan = next(iter(changes.loan_ids))
    print(say("edited", lang, id=repayment_id, number=loan), file=context.out)
    return 0


def delete_repayment(args, context) -> int:
    lang = lang_of(args)
    repayment_id = _repayment_id(args.repayment_id, lang)
    changes = context.ledger.delete_repayment(repayment_id)
    print(say("deleted_repayment", lang, id=repayment_id, number=next(iter(changes.loan_ids))), file=context.out)
    return 0


def catch_up_command(args, context) -> int:
    from jiebei_tracker.services.autopay import catch_up, pending

    lang = lang_of(args)
    as_of = option_value(parse_date, args.as_of, "--as-of") or context.today
    if as_of > context.today:
        from jiebei_tracker.domain.errors import InvalidValue

        raise InvalidValue("--as-of", args.as_of, say("in_future", lang))
    if args.dry_run:
        found = pending(context.database, as_of=as_of)
    else:
        found, _ = catch_up(context.ledger, context.database, as_of=as_of)
    if not found:
        print(say("no_catch_up", lang, day=as_of.isoformat()), file=context.out)
        return 0
    for item in found:
        day, amount = item.due_on.isoformat(), format_yuan(item.left_fen)
        number, seq, months = item.loan_id, item.seq, item.term_months
        line = say(
            "catch_up_line", lang, day=day, platform=item.platform, number=number, seq=seq, term=months, amount=amount
        )
        print(line, file=context.out)
    total = format_yuan(sum(item.left_fen for item in found))
    said = say("would_record" if args.dry_run else "recorded", lang, count=len(found), total=total)
    print(said, file=context.out)
    return 0
