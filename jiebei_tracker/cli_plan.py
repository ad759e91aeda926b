"""The CLI's planning commands, as text or JSON (amounts in yuan as strings with two decimals, months as
YYYY-MM): ``plan`` — when the open loans are paid off with a monthly budget, avalanche or snowball; ``what-if`` —
what borrowing, paying off, repaying part early or paying one installment late would do to the health check,
worked out on the records as they are with the change imagined: nothing is written."""

from __future__ import annotations

import json

from jiebei_tracker.cli_options import (
    add_terms_arguments,
    option_value,
    purpose_argument,
    terms_from_arguments,
    whole_number,
)
from jiebei_tracker.cli_output import display_width
from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import fen_to_yuan, format_yuan, parse_yuan
from jiebei_tracker.domain.planner import PayoffPlan, Strategy

DEFAULT_LATE_DAYS = 30
_STRATEGIES = {"avalanche": (Strategy.AVALANCHE,), "snowball": (Strategy.SNOWBALL,), "both": tuple(Strategy)}
_TITLES = {
    Strategy.AVALANCHE: "Avalanche — the highest true APR first",
    Strategy.SNOWBALL: "Snowball — the smallest balance first",
}


def register(commands) -> dict:
    """Add ``plan``; returns its handler."""
    plan = commands.add_parser(
        "plan", help="when the open loans are paid off with a monthly budget (avalanche or snowball)"
    )
    plan.add_argument("--budget", metavar="YUAN", required=True, help="what you can pay each month, in all")
    plan.add_argument("--strategy", choices=tuple(_STRATEGIES), default="both", help="default: both, side by side")
    plan.add_argument("--from", dest="start", metavar="DATE", help="the plan's first day (default: today)")
    plan.add_argument("--json", action="store_true")
    what_if = commands.add_parser(
        "what-if", help="what a new loan, a payoff or a late payment would do (nothing saved)"
    )
    changes = what_if.add_subparsers(dest="change", metavar="CHANGE", required=True)
    borrow = changes.add_parser("borrow", help="take a loan")
    borrow.add_argument("--platform", required=True, help="e.g. 借呗, 微粒贷, 京东金条")
    add_terms_arguments(borrow)
    borrow.add_argument("--autopay", action="store_true", help="repayments are deducted automatically")
    payoff = changes.add_parser("payoff", help="pay a loan off early")
    payoff.add_argument("--amount", metavar="YUAN", help="what you would pay (default: the proposed amount)")
    prepay = changes.add_parser("prepay", help="repay part of a loan early (提前还部分)")
    prepay.add_argument("--amount", required=True, metavar="YUAN")
    prepay.add_argument("--keep", required=True, choices=("payment", "term"))
    late = changes.add_parser("late", help="pay a loan's next installment late")
    late.add_argument(
        "--days", metavar="N", default=str(DEFAULT_LATE_DAYS), help=f"days late (default {DEFAULT_LATE_DAYS})"
    )
    for parser in (payoff, prepay, late):
        parser.add_argument("loan", metavar="LOAN", help="the loan's id, or the number `loans` shows")
    for parser in (borrow, payoff, prepay):
        parser.add_argument("--on", metavar="DATE", help="the day (default: today)")
    for parser in (borrow, payoff, prepay, late):
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--lang", metavar="LANG", default="en", help="en (default) or zh_CN: the flags' words")
    return {"plan": cmd_plan, "what-if": cmd_what_if}


def _budget(text: str, *, field: str) -> int:
    fen = parse_yuan(text, field=field)
    if fen < 0:
        raise InvalidValue(field, text, "cannot be negative")
    return fen


def cmd_plan(args, context) -> int:
    from jiebei_tracker.services.planner import payoff_plans

    budget = option_value(_budget, args.budget, "--budget")
    start = option_value(parse_date, args.start, "--from") or context.today
    found = payoff_plans(context.session, budget_fen=budget, start=start, strategies=_STRATEGIES[args.strategy])
    out = context.out
    if args.json:
        json.dump(
            {
                "budget": fen_to_yuan(budget),
                "from": start.isoformat(),
                "least_budget": fen_to_yuan(found.least_budget_fen),
                "strategies": [_plan_json(plan, found.refs) for plan in found.plans],
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        print(file=out)
        return 0
    if not found.refs:
        print(f"No loan is open on {start.isoformat()}: nothing to plan.", file=out)
        return 0
    print(
        f"{format_yuan(budget)} a month from {start.isoformat()} for {len(found.refs)} open loans "
        f"(the schedules ask at most {format_yuan(found.least_budget_fen)} in a month).",
        file=out,
    )
    for plan in found.plans:
        print(file=out)
        _print_plan(plan, found.refs, found.platforms, out)
    return 0


def _plan_json(plan: PayoffPlan, refs: dict[int, str]) -> dict:
    return {
        "strategy": plan.strategy.value,
        "debt_free_month": _month(plan.debt_free_month),
        "total_interest": fen_to_yuan(plan.interest_fen),
        "interest_saved": fen_to_yuan(plan.interest_saved_fen),
        "order": [refs[loan_id] for loan_id in plan.order],
        "months": [
            {
                "month": _month(month.month),
                "payments": {refs[loan_id]: fen_to_yuan(fen) for loan_id, fen in sorted(month.payments.items())},
                "extra": fen_to_yuan(month.extra_fen),
                "balance": fen_to_yuan(month.balance_fen),
            }
            for month in plan.months
        ],
    }


def _print_plan(plan: PayoffPlan, refs: dict[int, str], platforms: dict[int, str], out) -> None:
    print(_TITLES[plan.strategy], file=out)
    print(
        f"  debt-free in {_month(plan.debt_free_month)}; interest and fees {format_yuan(plan.interest_fen)}, "
        f"{format_yuan(plan.interest_saved_fen)} less than the schedules ask",
        file=out,
    )
    print("  cleared in this order: " + ", ".join(f"{refs[i]} ({platforms[i]})" for i in plan.order), file=out)
    loans = sorted(refs, key=lambda loan_id: plan.order.index(loan_id))
    headers = ["month", *(refs[i] for i in loans), "extra", "balance"]
    rows = [
        [
            _month(month.month),
            *(format_yuan(month.payments[i]) if i in month.payments else "" for i in loans),
            format_yuan(month.extra_fen),
            format_yuan(month.balance_fen),
        ]
        for month in plan.months
    ]
    widths = [max(display_width(row[n]) for row in [headers, *rows]) for n in range(len(headers))]
    for row in [headers, *rows]:
        cells = [row[0].ljust(widths[0])]
        cells += [" " * (widths[n] - display_width(cell)) + cell for n, cell in enumerate(row) if n]
        print("  " + "  ".join(cells), file=out)


def _month(day) -> str | None:
    return None if day is None else f"{day:%Y-%m}"


# -- what-if ------------------------------------------------------------------------------------------------


def cmd_what_if(args, context) -> int:
    from jiebei_tracker.cli_health import _language, flag_json
    from jiebei_tracker.domain.prepay import Keep
    from jiebei_tracker.services import whatif
    from jiebei_tracker.services.loans import find_loan

    language = option_value(_language, args.lang, "--lang")
    session = context.session
    on = option_value(parse_date, getattr(args, "on", None), "--on") or context.today
    if args.change == "borrow":
        terms, _ = terms_from_arguments(args, on)
        answer = whatif.borrow(
            session, platform=args.platform, terms=terms, purpose=purpose_argument(args), autopay=args.autopay
        )
        headline = (
            f"What if you borrow {format_yuan(terms.principal_fen)} from {args.platform.strip()} on {on.isoformat()} "
            f"({terms.term_months} months, {terms.method.value}, true APR {answer.cost.apr * 100:.2f}%)"
        )
    else:
        loan_id = find_loan(context.database, args.loan)
        if args.change == "payoff":
            amount = option_value(parse_yuan, args.amount, "--amount")
            answer = whatif.payoff(session, loan_id, on=on, amount_fen=amount)
            headline = f"What if you pay loan {args.loan} off on {on.isoformat()}"
        elif args.change == "prepay":
            amount = option_value(parse_yuan, args.amount, "--amount")
            answer = whatif.prepay(session, loan_id, on=on, amount_fen=amount, keep=Keep(args.keep))
            headline = f"What if you repay {format_yuan(amount)} of loan {args.loan} early on {on.isoformat()}"
        else:
            days = whole_number(args.days, "--days", 1, 365)
            answer = whatif.late(session, loan_id, days=days)
            headline = f"What if loan {args.loan}'s next installment is paid {days} days late"
    refs = {loan.loan_id: loan.ref for loan in session.book().loans} | {whatif.IMAGINED: whatif.NEW_LOAN_REF}
    if args.json:
        json.dump(_what_if_json(answer, language, refs, flag_json), context.out, ensure_ascii=False, indent=2)
        print(file=context.out)
        return 0
    _print_what_if(headline, answer, language, context.out)
    return 0


def _what_if_json(answer, language: str, refs: dict[int, str], flag_json) -> dict:
    found: dict = {
        "as_of": answer.as_of.isoformat(),
        "score_before": answer.before.score,
        "score_after": answer.after.score,
        "flags_added": [flag.rule for flag in answer.flags_added],
        "flags_removed": [flag.rule for flag in answer.flags_removed],
        "flags_changed": [
            {"rule": after.rule, "severity_before": before.severity.value, "severity_after": after.severity.value}
            for before, after in answer.flags_changed
        ],
        "flags": [flag_json(flag, language, refs) for flag in answer.after.flags],
        "outflow": [
            {"month": _month(month), "before": fen_to_yuan(before), "after": fen_to_yuan(after)}
            for month, before, after in answer.outflow
        ],
    }
    if answer.cost is not None:
        found["apr"], found["apr_effective"] = str(answer.cost.apr), str(answer.cost.effective)
    if answer.limit_use is not None:
        use = answer.limit_use
        found["limit_use"] = {
            "platform": use.platform,
            "limit": None if use.limit_fen is None else fen_to_yuan(use.limit_fen),
            "before": fen_to_yuan(use.before_fen),
            "after": fen_to_yuan(use.after_fen),
        }
    if answer.interest_saved_fen is not None:
        found["interest_saved"] = fen_to_yuan(answer.interest_saved_fen)
        found["installments_removed"] = answer.installments_removed
    if answer.late is not None:
        found["late"] = {
            "paid_on": answer.late.paid_on.isoformat(),
            "days_late": answer.late.days_late,
            "high_until": answer.late.high_until.isoformat(),
            "counts_until": answer.late.counts_until.isoformat(),
        }
    return found


def _print_what_if(headline: str, answer, language: str, out) -> None:
    before, after = answer.before, answer.after
    print(f"{headline}:", file=out)
    print(
        f"  health score {before.score} → {after.score} ({before.band.label('en')} → {after.band.label('en')}), "
        f"as of {answer.as_of.isoformat()}",
        file=out,
    )
    for label, flags in (("new warning signs", answer.flags_added), ("gone", answer.flags_removed)):
        for number, flag in enumerate(flags):
            if not number:
                print(f"  {label}:", file=out)
            print(f"    [{flag.severity.value}] {flag.rule} — {flag.title.get(language)}", file=out)
            if label != "gone":
                print(f"      {flag.evidence.summary.get(language)}", file=out)
    for number, (was, now) in enumerate(answer.flags_changed):
        if not number:
            print("  more or less serious:", file=out)
        print(f"    {now.rule}: {was.severity.value} → {now.severity.value} — {now.title.get(language)}", file=out)
    if not (answer.flags_added or answer.flags_removed or answer.flags_changed):
        print("  the warning signs stay as they are", file=out)
    if answer.limit_use is not None:
        use = answer.limit_use
        limit = "no limit recorded" if use.limit_fen is None else f"limit {format_yuan(use.limit_fen)}"
        if use.limit_fen is not None and use.after_fen > use.limit_fen:
            limit += ": more than the limit, the platform would not lend it"
        print(
            f"  owed on {use.platform}: {format_yuan(use.before_fen)} → {format_yuan(use.after_fen)} ({limit})",
            file=out,
        )
    if answer.interest_saved_fen is not None:
        print(
            f"  interest and fees saved: {format_yuan(answer.interest_saved_fen)}; "
            f"installments fewer: {answer.installments_removed}",
            file=out,
        )
    if answer.late is not None:
        late = answer.late
        print(
            f"  paid on {late.paid_on.isoformat()}: it counts as a late repayment until "
            f"{late.counts_until.isoformat()}, and weighs most until {late.high_until.isoformat()}",
            file=out,
        )
    print("  going out each month (before → after):", file=out)
    for month, was, now in answer.outflow:
        print(f"    {_month(month)}  {format_yuan(was):>12} → {format_yuan(now):>12}", file=out)
