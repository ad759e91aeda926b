"""The CLI's planning command: ``plan`` — when the open loans are paid off with a monthly budget, avalanche or
snowball, as text or JSON (amounts in yuan as strings with two decimals, months as YYYY-MM)."""

from __future__ import annotations

import json

from jiebei_tracker.cli_options import option_value
from jiebei_tracker.cli_output import display_width
from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import fen_to_yuan, format_yuan, parse_yuan
from jiebei_tracker.domain.planner import PayoffPlan, Strategy

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
    return {"plan": cmd_plan}


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
