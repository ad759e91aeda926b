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
from jiebei_tracker.cli_words import add_language_option
from jiebei_tracker.cli_words import language as language_value
from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import fen_to_yuan, format_yuan, parse_yuan
from jiebei_tracker.domain.planner import PayoffPlan, Strategy
from jiebei_tracker.domain.rules.flags import Text

DEFAULT_LATE_DAYS = 30
_STRATEGIES = {"avalanche": (Strategy.AVALANCHE,), "snowball": (Strategy.SNOWBALL,), "both": tuple(Strategy)}

# What the planning commands say around the figures, in both languages (``--lang``).
_SAY = {
    "avalanche": Text("雪崩法：先还真实年化最高的", "Avalanche — the highest true APR first"),
    "snowball": Text("雪球法：先还余额最小的", "Snowball — the smallest balance first"),
    "nothing_open": Text("{day} 没有还款中的借款，无需制定计划。", "No loan is open on {day}: nothing to plan."),
    "budget": Text(
        "从 {day} 起每月 {budget}，共 {count} 笔还款中的借款（按原计划单月最多需还 {least}）。",
        "{budget} a month from {day} for {count} open loans (the schedules ask at most {least} in a month).",
    ),
    "debt_free": Text(
        "  {month} 还清全部借款；利息和费用 {interest}，比按原计划还款少 {saved}",
        "  debt-free in {month}; interest and fees {interest}, {saved} less than the schedules ask",
    ),
    "order": Text("  还清顺序：{order}", "  cleared in this order: {order}"),
    "headers": Text("月份|提前多还|未还本金", "month|extra|balance"),
    "borrow": Text(
        "假如 {day} 从 {platform} 借 {amount}（{months} 个月，{method}，真实年化 {apr}）",
        "What if you borrow {amount} from {platform} on {day} ({months} months, {method}, true APR {apr})",
    ),
    "payoff": Text("假如 {day} 提前还清借款 {loan}", "What if you pay loan {loan} off on {day}"),
    "prepay": Text(
        "假如 {day} 提前还借款 {loan} 的 {amount}", "What if you repay {amount} of loan {loan} early on {day}"
    ),
    "late": Text(
        "假如借款 {loan} 的下一期逾期 {days} 天才还", "What if loan {loan}'s next installment is paid {days} days late"
    ),
    "score": Text(
        "  健康分 {before} → {after}（{band_before} → {band_after}），按 {day} 的情况推算",
        "  health score {before} → {after} ({band_before} → {band_after}), as of {day}",
    ),
    "added": Text("  会出现的风险信号：", "  new warning signs:"),
    "gone": Text("  会消失的风险信号：", "  gone:"),
    "changed": Text("  严重程度会变的：", "  more or less serious:"),
    "same": Text("  风险信号不变", "  the warning signs stay as they are"),
    "owed": Text(
        "  {platform} 未还本金：{before} → {after}（{limit}）", "  owed on {platform}: {before} → {after} ({limit})"
    ),
    "no_limit": Text("未记录额度", "no limit recorded"),
    "limit": Text("额度 {limit}", "limit {limit}"),
    "over_limit": Text(
        "额度 {limit}：超过额度，平台不会借出这么多",
        "limit {limit}: more than the limit, the platform would not lend it",
    ),
    "saved": Text(
        "  节省利息和费用：{saved}；减少期数：{count}",
        "  interest and fees saved: {saved}; installments fewer: {count}",
    ),
    "late_window": Text(
        "  如果在 {day} 才还上：到 {until} 之前都算逾期还款记录，{high} 之前影响最大",
        "  paid on {day}: it counts as a late repayment until {until}, and weighs most until {high}",
    ),
    "outflow": Text("  未来每月还款额（现在 → 这样做之后）：", "  going out each month (before → after):"),
}


def _say(key: str, language: str, **values) -> str:
    return _SAY[key].get(language).format(**values)


def register(commands) -> dict:
    """Add ``plan``; returns its handler."""
    plan = commands.add_parser(
        "plan", help="when the open loans are paid off with a monthly budget (avalanche or snowball)"
    )
    plan.add_argument("--budget", metavar="YUAN", required=True, help="what you can pay each month, in all")
    plan.add_argument("--strategy", choices=tuple(_STRATEGIES), default="both", help="default: both, side by side")
    plan.add_argument("--from", dest="start", metavar="DATE", help="the plan's first day (default: today)")
    plan.add_argument("--json", action="store_true")
    add_language_option(plan)
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
        add_language_option(parser)
    return {"plan": cmd_plan, "what-if": cmd_what_if}


def _budget(text: str, *, field: str) -> int:
    fen = parse_yuan(text, field=field)
    if fen < 0:
        raise InvalidValue(field, text, "cannot be negative")
    return fen


def cmd_plan(args, context) -> int:
    from jiebei_tracker.services.planner import payoff_plans

    language = option_value(language_value, args.lang, "--lang")
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
        print(_say("nothing_open", language, day=start.isoformat()), file=out)
        return 0
    least = format_yuan(found.least_budget_fen)
    said = _say(
        "budget", language, budget=format_yuan(budget), day=start.isoformat(), count=len(found.refs), least=least
    )
    print(said, file=out)
    for plan in found.plans:
        print(file=out)
        _print_plan(plan, found.refs, found.platforms, out, language)
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


def _print_plan(plan: PayoffPlan, refs: dict[int, str], platforms: dict[int, str], out, language: str) -> None:
    print(_say(plan.strategy.value, language), file=out)
    interest, saved = format_yuan(plan.interest_fen), format_yuan(plan.interest_saved_fen)
    print(_say("debt_free", language, month=_month(plan.debt_free_month), interest=interest, saved=saved), file=out)
    separator = "、" if language.startswith("zh") else ", "
    order = separator.join(f"{refs[i]} ({platforms[i]})" for i in plan.order)
    print(_say("order", language, order=order), file=out)
    loans = sorted(refs, key=lambda loan_id: plan.order.index(loan_id))
    month_word, extra_word, balance_word = _say("headers", language).split("|")
    headers = [month_word, *(refs[i] for i in loans), extra_word, balance_word]
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
    from jiebei_tracker.cli_health import flag_json
    from jiebei_tracker.domain.prepay import Keep
    from jiebei_tracker.services import whatif
    from jiebei_tracker.services.loans import find_loan

    language = option_value(language_value, args.lang, "--lang")
    session = context.session
    on = option_value(parse_date, getattr(args, "on", None), "--on") or context.today
    if args.change == "borrow":
        terms, _ = terms_from_arguments(args, on)
        answer = whatif.borrow(
            session, platform=args.platform, terms=terms, purpose=purpose_argument(args), autopay=args.autopay
        )
        headline = _say(
            "borrow",
            language,
            amount=format_yuan(terms.principal_fen),
            platform=args.platform.strip(),
            day=on.isoformat(),
            months=terms.term_months,
            method=terms.method.label(language) if language.startswith("zh") else terms.method.value,
            apr=f"{answer.cost.apr * 100:.2f}%",
        )
    else:
        loan_id = find_loan(context.database, args.loan)
        if args.change == "payoff":
            amount = option_value(parse_yuan, args.amount, "--amount")
            answer = whatif.payoff(session, loan_id, on=on, amount_fen=amount)
            headline = _say("payoff", language, loan=args.loan, day=on.isoformat())
        elif args.change == "prepay":
            amount = option_value(parse_yuan, args.amount, "--amount")
            answer = whatif.prepay(session, loan_id, on=on, amount_fen=amount, keep=Keep(args.keep))
            headline = _say("prepay", language, amount=format_yuan(amount), loan=args.loan, day=on.isoformat())
        else:
            days = whole_number(args.days, "--days", 1, 365)
            answer = whatif.late(session, loan_id, days=days)
            headline = _say("late", language, loan=args.loan, days=days)
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
    zh = language.startswith("zh")
    print(headline + ("：" if zh else ":"), file=out)
    bands = {"band_before": before.band.label(language), "band_after": after.band.label(language)}
    print(
        _say("score", language, before=before.score, after=after.score, day=answer.as_of.isoformat(), **bands), file=out
    )

    def severity(flag) -> str:
        return flag.severity.label(language) if zh else flag.severity.value

    for key, flags in (("added", answer.flags_added), ("gone", answer.flags_removed)):
        for number, flag in enumerate(flags):
            if not number:
                print(_say(key, language), file=out)
            print(f"    [{severity(flag)}] {flag.rule} — {flag.title.get(language)}", file=out)
            if key == "added":
                print(f"      {flag.evidence.summary.get(language)}", file=out)
    for number, (was, now) in enumerate(answer.flags_changed):
        if not number:
            print(_say("changed", language), file=out)
        print(f"    {now.rule}: {severity(was)} → {severity(now)} — {now.title.get(language)}", file=out)
    if not (answer.flags_added or answer.flags_removed or answer.flags_changed):
        print(_say("same", language), file=out)
    if answer.limit_use is not None:
        use = answer.limit_use
        if use.limit_fen is None:
            limit = _say("no_limit", language)
        else:
            over = use.after_fen > use.limit_fen
            limit = _say("over_limit" if over else "limit", language, limit=format_yuan(use.limit_fen))
        was, now = format_yuan(use.before_fen), format_yuan(use.after_fen)
        print(_say("owed", language, platform=use.platform, before=was, after=now, limit=limit), file=out)
    if answer.interest_saved_fen is not None:
        saved = format_yuan(answer.interest_saved_fen)
        print(_say("saved", language, saved=saved, count=answer.installments_removed), file=out)
    if answer.late is not None:
        late = answer.late
        days = {"day": late.paid_on.isoformat(), "until": late.counts_until.isoformat()}
        print(_say("late_window", language, high=late.high_until.isoformat(), **days), file=out)
    print(_say("outflow", language), file=out)
    for month, was, now in answer.outflow:
        print(f"    {_month(month)}  {format_yuan(was):>12} → {format_yuan(now):>12}", file=out)
