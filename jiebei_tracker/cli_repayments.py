"""The CLI's repayment commands: list them with where each came from, correct or delete one, and record the
autopay deductions that fell due (``catch-up``)."""

from __future__ import annotations

from jiebei_tracker.cli_options import option_value, whole_number
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
    return {
        "repayments": repayments,
        "edit-repayment": edit_repayment,
        "delete-repayment": delete_repayment,
        "catch-up": catch_up_command,
    }


def repayments(args, context) -> int:
    from jiebei_tracker.cli_listings import dump_json, print_table
    from jiebei_tracker.services.loans import find_loan, list_repayments

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
        print("no repayments recorded" + (f" on loan #{loan_id}" if loan_id else ""), file=context.out)
        return 0
    print_table(
        ["id", "loan", "paid on", "amount", "payoff", "source", "note"],
        [
            [
                str(r.repayment_id),
                f"#{r.loan_id}",
                r.paid_on.isoformat(),
                format_yuan(r.amount_fen),
                "yes" if r.is_payoff else "",
                r.source.value,
                r.note,
            ]
            for r in lines
        ],
        context.out,
    )
    return 0


def _repayment_id(text: str) -> int:
    return whole_number(text, "ID", 1, 2**62)


def edit_repayment(args, context) -> int:
    from jiebei_tracker.domain.money import parse_positive_yuan
    from jiebei_tracker.domain.text import clean_note

    repayment_id = _repayment_id(args.repayment_id)
    paid_on = option_value(parse_date, args.on, "--on")
    amount = option_value(parse_positive_yuan, args.amount, "--amount")
    if paid_on is None and amount is None and args.note is None:
        from jiebei_tracker.domain.errors import InvalidValue

        raise InvalidValue("ID", args.repayment_id, "say what to change: --on, --amount or --note")
    note = option_value(clean_note, args.note, "--note")
    changes, _ = context.ledger.edit_repayment(repayment_id, paid_on=paid_on, amount_fen=amount, note=note)
    loan = next(iter(changes.loan_ids))
    print(f"repayment {repayment_id} on loan #{loan} changed; its installments were worked out again", file=context.out)
    return 0


def delete_repayment(args, context) -> int:
    repayment_id = _repayment_id(args.repayment_id)
    changes = context.ledger.delete_repayment(repayment_id)
    print(f"deleted repayment {repayment_id} of loan #{next(iter(changes.loan_ids))}", file=context.out)
    return 0


def catch_up_command(args, context) -> int:
    from jiebei_tracker.services.autopay import catch_up, pending

    as_of = option_value(parse_date, args.as_of, "--as-of") or context.today
    if as_of > context.today:
        from jiebei_tracker.domain.errors import InvalidValue

        raise InvalidValue("--as-of", args.as_of, "is in the future")
    if args.dry_run:
        found = pending(context.database, as_of=as_of)
    else:
        found, _ = catch_up(context.ledger, context.database, as_of=as_of)
    if not found:
        day = as_of.isoformat()
        print(f"no autopay installment due on or before {day} is waiting to be recorded", file=context.out)
        return 0
    for item in found:
        print(
            f"{item.due_on.isoformat()}  {item.platform}  loan #{item.loan_id}  "
            f"installment {item.seq}/{item.term_months}  {format_yuan(item.left_fen)}",
            file=context.out,
        )
    total = format_yuan(sum(item.left_fen for item in found))
    verb = "would record" if args.dry_run else "recorded"
    print(f"{verb} {len(found)} autopay installment(s) as paid on their due dates, {total}", file=context.out)
    return 0
