"""Limit-cut diagnosis: why a platform's recorded limit most likely fell, and the recovery checklist to win it back.

The likely causes are the flags in force at any time in the window before the cut (180 days by default), most
serious first. Rules only switch on at an event — a loan borrowed, an installment falling overdue, a late
repayment, a credit-report note — so checking the window's first and last days and every event day in between
sees every flag that was ever in force in it. Reminders (``no_autopay``, ``costly_credit``: rules registered with
``cause=False``) are not causes; when no cause is found, the cut is put down to the platform's own risk policy
(原因 3) with Strategy 4's advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from jiebei_tracker.domain.book import Book
from jiebei_tracker.domain.limits import LimitCut
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.recovery import ChecklistItem, checklist, days_without_new_loan, limit_target
from jiebei_tracker.domain.rules import RULES, Flag, Section, Text, Thresholds, run_rules
from jiebei_tracker.domain.rules.flags import CAUSE_3, STRATEGY_4


@dataclass(frozen=True)
class Diagnosis:
    """The likely causes of a cut, what to do, and the checklist measured on ``as_of`` (today)."""

    cut: LimitCut
    as_of: date
    causes: tuple[Flag, ...]  # most serious first; each as it stood at its worst in the window
    reminders: tuple[Flag, ...]  # low-severity flags in force in the window (e.g. no autopay)
    explanation: Text
    advice: Text
    article: tuple[Section, ...]
    checklist: tuple[ChecklistItem, ...]

    @property
    def platform_policy(self) -> bool:
        """No behaviour of the user's explains the cut: most likely the platform's own risk policy (原因 3)."""
        return not self.causes


def event_days(history: Book, first: date, last: date, grace_days: int) -> list[date]:
    """``first``, ``last`` and every day between them on which a rule could switch on or get more severe."""
    days = {first, last}
    for loan in history.loans:
        if loan.borrowed_on > last:
            break  # loans are oldest first
        days.add(loan.borrowed_on)
        for inst in loan.installments:
            deadline = inst.deadline(grace_days)
            if inst.settled_on is None or inst.settled_on > deadline:
                days.add(deadline + timedelta(days=1))  # the first day it is overdue
                if inst.settled_on is not None:
                    days.add(inst.settled_on)  # the day it becomes a late repayment
    days.update(note.noted_on for note in history.notes)
    return sorted(day for day in days if first <= day <= last)


def flags_in_window(
    history: Book, first: date, last: date, *, thresholds: Thresholds, grace_days: int = 0
) -> list[Flag]:
    """Each rule's flag at its most severe between ``first`` and ``last`` (as on the latest day it was that
    severe), most serious first. Days are checked newest first, and a rule that has reached the most severe
    flag it can raise is not checked again."""
    relevant = history.without_loans_closed_before(first - timedelta(days=thresholds.lookback_days))
    worst: dict[str, Flag] = {}
    pending = set(RULES)
    for day in reversed(event_days(relevant, first, last, grace_days)):
        for flag in run_rules(relevant.snapshot(day, grace_days=grace_days), thresholds, only=pending):
            seen = worst.get(flag.rule)
            if seen is None or flag.severity.rank > seen.severity.rank:
                worst[flag.rule] = flag
            if flag.severity.rank >= RULES[flag.rule].worst.rank:
                pending.discard(flag.rule)
        if not pending:
            break
    order = list(RULES)
    return sorted(worst.values(), key=lambda flag: (-flag.severity.rank, order.index(flag.rule)))


def diagnose(history: Book, cut: LimitCut, *, as_of: date, thresholds: Thresholds, grace_days: int = 0) -> Diagnosis:
    """Why ``cut`` most likely happened, and a checklist measured on ``as_of`` with its starting values on the
    day of the cut."""
    window_days = thresholds.diagnosis_window_days
    found = flags_in_window(
        history,
        cut.cut_on - timedelta(days=window_days),
        cut.cut_on - timedelta(days=1),
        thresholds=thresholds,
        grace_days=grace_days,
    )
    causes = tuple(flag for flag in found if RULES[flag.rule].cause)
    reminders = tuple(flag for flag in found if not RULES[flag.rule].cause)
    now = history.snapshot(as_of, grace_days=grace_days)
    at_cut = history.snapshot(cut.cut_on, grace_days=grace_days)
    items = checklist(now, thresholds, [*causes, *reminders], start=at_cut)
    if not causes:
        items.insert(0, days_without_new_loan(now, thresholds, None))
    items.append(limit_target(now, cut.platform, cut.before_fen))
    drop = Text(
        f"{cut.platform} 的额度在 {cut.cut_on.isoformat()} 从 {format_yuan(cut.before_fen)} "
        f"降到 {format_yuan(cut.after_fen)}。",
        f"{cut.platform}'s limit fell from {format_yuan(cut.before_fen)} to {format_yuan(cut.after_fen)} "
        f"on {cut.cut_on.isoformat()}. ",
    )
    if causes:
        worst = causes[0]
        explanation = Text(
            drop.zh_CN + f"降额前 {window_days} 天里，您的记录中有 {len(causes)} 项平台看重的风险信号，"
            f"最严重的是「{worst.title.zh_CN}」。按下面的顺序逐项处理，清单会随您记下的还款和借款更新。",
            drop.en + f"In the {window_days} days before it, your records show {len(causes)} of the warning signs "
            f"platforms watch for, the most serious being “{worst.title.en}”. Work through them in this order; "
            "the checklist updates as you log repayments and loans.",
        )
        advice = Text("".join(flag.advice.zh_CN for flag in causes), " ".join(flag.advice.en for flag in causes))
        article = tuple(dict.fromkeys(section for flag in causes for section in flag.article))
    else:
        explanation = Text(
            drop.zh_CN + f"降额前 {window_days} 天里，您的记录中没有文中提到的风险行为，"
            "这次降额多半来自平台自身的风控调整（原因 3），比如对某些地区、行业或评分段统一收紧。",
            drop.en + f"Your records show none of the article's warning signs in the {window_days} days before "
            "it, so the cut most likely comes from the platform's own risk policy (Cause 3) — a general "
            "tightening for a region, an industry or a score band, for instance.",
        )
        advice = STRATEGY_4_ADVICE
        article = (CAUSE_3, STRATEGY_4)
    return Diagnosis(cut, as_of, causes, reminders, explanation, advice, article, tuple(items))


STRATEGY_4_ADVICE = Text(
    "留意平台的站内消息和公告，看看有没有对这次调整的说明；平台要您补充资料（比如收入或工作证明）就尽快提交；"
    "接下来一段时间少申请一些额度，继续按时还款，几个月后再记录一次额度看是否回升。",
    "Read the platform's messages and notices for any word on the change; if it asks for documents (proof of "
    "income or employment, say), send them promptly; ask for smaller amounts for a while, keep repaying on "
    "time, and record the limit again in a few months to see whether it has come back.",
)
