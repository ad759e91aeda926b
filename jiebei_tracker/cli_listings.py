"""The CLI's listing commands — loans, schedule, platforms, notes — as aligned text or JSON.

JSON: dates ISO, amounts strings in yuan with two decimals, rates decimal strings, booleans true/false.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from jiebei_tracker.cli_options import option_value
from jiebei_tracker.cli_output import display_width
from jiebei_tracker.cli_words import add_language_option, headers, is_chinese, lang_of, rate_words, say, term
from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.money import fen_to_yuan, format_yuan
from jiebei_tracker.domain.rates import decimal_text
from jiebei_tracker.domain.text import printable
from jiebei_tracker.domain.vocabulary import NoteKind, ScheduleSource


def print_table(headers: Sequence[str], rows: list[Sequence[str]], out) -> None:
    """Aligned columns; a cell's tab or line break is shown as ``\\t`` / ``\\n`` so each row stays one line
    (the other control characters are escaped on their way out, see ``cli_output``)."""
    rows = [[printable(cell, one_line=True) for cell in row] for row in rows]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    for line in [headers, *rows]:
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(line)]
        print("  ".join(cells).rstrip(), file=out)


def register(commands) -> dict:
    """Add the listing sub-commands; returns their handlers."""
    for name, help_text in (
        ("loans", "list loans"),
        ("platforms", "list platforms and limits"),
        ("notes", "list credit-report notes"),
    ):
        listing = commands.add_parser(name, help=help_text)
        listing.add_argument("--json", action="store_true")
        add_language_option(listing)
    schedule_parser = commands.add_parser("schedule", help="a loan's schedule with status")
    schedule_parser.add_argument("loan", metavar="LOAN", help="the loan's id, or the number `loans` shows")
    schedule_parser.add_argument("--as-of", metavar="DATE")
    schedule_parser.add_argument("--json", action="store_true")
    add_language_option(schedule_parser)
    return {"loans": loans, "schedule": schedule, "platforms": platforms, "notes": notes}


def dump_json(value, out) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    print(file=out)


def loans(args, context) -> int:
    from jiebei_tracker.services.loans import list_loans

    lang = lang_of(args)
    summaries = list_loans(context.database, today=context.today)
    if args.json:
        dump_json([_loan_json(s) for s in summaries], context.out)
        return 0
    if not summaries:
        print(say("no_loans", lang), file=context.out)
        return 0
    rows = [
        [
            str(s.loan_id),
            s.external_id or "",
            s.platform,
            s.borrowed_on.isoformat(),
            format_yuan(s.principal_fen),
            f"{s.term_months}",
            term(s.method, lang),
            rate_words(s.rate, lang),
            format_yuan(s.outstanding_fen),
            s.next_due_on.isoformat() if s.next_due_on else "",
            format_yuan(s.next_due_fen) if s.next_due_fen else "",
            term(s.status, lang),
        ]
        for s in summaries
    ]
    print_table(headers("loans_headers", lang), rows, context.out)
    return 0


def _loan_json(s) -> dict:
    cost = s.cost
    return {
        "loan_id": s.ref,
        "number": s.loan_id,
        "platform": s.platform,
        "borrowed_on": s.borrowed_on.isoformat(),
        "principal": fen_to_yuan(s.principal_fen),
        "term_months": s.term_months,
        "method": s.method.value,
        "annual_rate": decimal_text(s.rate.annual),
        "interest_basis": s.interest_basis.value,
        "fee_upfront": fen_to_yuan(s.fees.upfront_fen),
        "fee_per_installment": fen_to_yuan(s.fees.per_installment_fen),
        "fee_rate": decimal_text(s.fees.monthly_rate),
        "interest_free_days": s.interest_free_days,
        "apr": str(cost.apr),
        "apr_effective": str(cost.effective),
        "purpose": s.purpose.value,
        "autopay": s.autopay,
        "outstanding": fen_to_yuan(s.outstanding_fen),
        "status": s.status.value,
    }


def schedule(args, context) -> int:
    from jiebei_tracker.services.loan_detail import loan_detail
    from jiebei_tracker.services.loans import find_loan

    lang = lang_of(args)
    as_of = option_value(parse_date, args.as_of, "--as-of") or context.today
    detail = loan_detail(context.database, find_loan(context.database, args.loan), as_of=as_of, today=context.today)
    if args.json:
        dump_json(
            {
                "loan_id": detail.summary.ref,
                "as_of": as_of.isoformat(),
                "interest_basis": detail.summary.interest_basis.value,
                "installments": [
                    {
                        "seq": line.seq,
                        "due_on": line.due_on.isoformat(),
                        "principal": fen_to_yuan(line.principal_fen),
                        "interest": fen_to_yuan(line.interest_fen),
                        "fee": fen_to_yuan(line.fee_fen),
                        "total": fen_to_yuan(line.total_fen),
                        "paid": fen_to_yuan(line.paid_fen),
                        "status": line.status.value,
                    }
                    for line in detail.schedule
                ],
            },
            context.out,
        )
        return 0
    s = detail.summary
    source = s.schedule_source.label(lang) if is_chinese(lang) else s.schedule_source.label().lower()
    title = say(
        "schedule_title",
        lang,
        number=s.loan_id,
        name=say("schedule_name", lang, name=s.external_id) if s.external_id else "",
        platform=s.platform,
        principal=format_yuan(s.principal_fen),
        day=s.borrowed_on.isoformat(),
        months=s.term_months,
        method=term(s.method, lang),
        rate=rate_words(s.rate, lang),
        basis=term(s.interest_basis, lang),
        apr=f"{s.cost.apr * 100:.2f}%",
        source="" if s.schedule_source is ScheduleSource.COMPUTED else say("schedule_source", lang, source=source),
        as_of=as_of.isoformat(),
    )
    print(title, file=context.out)
    fees = any(line.fee_fen for line in detail.schedule)  # a fee column only for a loan that charges one
    seq, due, principal, interest, fee, *rest = headers("schedule_headers", lang)
    print_table(
        [seq, due, principal, interest, *([fee] if fees else []), *rest],
        [
            [
                str(line.seq),
                line.due_on.isoformat(),
                format_yuan(line.principal_fen),
                format_yuan(line.interest_fen),
                *([format_yuan(line.fee_fen)] if fees else []),
                format_yuan(line.total_fen),
                format_yuan(line.paid_fen),
                term(line.status, lang),
            ]
            for line in detail.schedule
        ],
        context.out,
    )
    return 0


def platforms(args, context) -> int:
    from jiebei_tracker.services.credit import list_platforms

    lang = lang_of(args)
    summaries = list_platforms(context.database)
    if args.json:
        dump_json(
            [
                {
                    "platform": p.name,
                    "kind": p.kind.value,
                    "penalty_multiplier": decimal_text(p.penalty_multiplier),
                    "limits": [
                        {"date": c.recorded_on.isoformat(), "limit": fen_to_yuan(c.limit_fen)} for c in p.limits
                    ],
                }
                for p in summaries
            ],
            context.out,
        )
        return 0
    print_table(
        headers("platforms_headers", lang),
        [
            [
                p.name,
                term(p.kind, lang),
                format_yuan(p.current_limit_fen) if p.limits else "",
                p.limits[-1].recorded_on.isoformat() if p.limits else "",
                format_yuan(p.limits[-1].change_fen) if p.limits and p.limits[-1].change_fen is not None else "",
            ]
            for p in summaries
        ],
        context.out,
    )
    return 0


def notes(args, context) -> int:
    from jiebei_tracker.services.credit import list_notes

    lang = lang_of(args)
    records = list_notes(context.database)
    if args.json:
        dump_json(
            [
                {
                    "id": n.note_id,
                    "date": n.noted_on.isoformat(),
                    "kind": n.kind.value,
                    "text": n.text,
                    "resolved": n.resolved,
                    "resolved_on": n.resolved_on.isoformat() if n.resolved and n.resolved_on else None,
                    "reason": n.reason.value if n.reason else None,
                    "institution": n.institution or None,
                    "drops_off_on": n.drops_off_on.isoformat() if n.drops_off_on else None,
                }
                for n in records
            ],
            context.out,
        )
        return 0
    print_table(
        headers("notes_headers", lang),
        [
            [
                str(n.note_id),
                n.noted_on.isoformat(),
                term(n.kind, lang),
                term(n.reason, lang) if n.reason else "",
                "" if n.kind is NoteKind.INQUIRY and not n.resolved else say("yes" if n.resolved else "no", lang),
                _drop_off(n, lang),
                say("institution_text", lang, institution=n.institution, text=n.text)
                if n.institution and n.institution not in n.text
                else n.text,
            ]
            for n in records
        ],
        context.out,
    )
    return 0


def _drop_off(note, lang: str = "en") -> str:
    """When a negative record leaves the report, or that it will 5 years after it is settled."""
    if note.drops_off_on is not None:
        return note.drops_off_on.isoformat()
    return say("five_years", lang) if note.kind.value in ("overdue_record", "bad_debt", "guarantee") else ""
