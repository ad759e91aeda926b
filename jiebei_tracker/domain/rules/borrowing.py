"""Rules on how much is borrowed: ``borrowing_frequency`` (原因 1, 策略 2(2)), ``multi_platform`` (策略 1(2)) and
``many_inquiries`` (原因 1)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from jiebei_tracker.domain.book.records import Loan
from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.cost import cost_of_flows
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules.flags import (
    CAUSE_1,
    STRATEGY_1_2,
    STRATEGY_2_2,
    EvidenceItem,
    Flag,
    Severity,
    Text,
)
from jiebei_tracker.domain.rules.inquiries import InquiryCount, hard_inquiries, inquiry_text, why_left_out
from jiebei_tracker.domain.rules.registry import Finding, rule
from jiebei_tracker.domain.rules.thresholds import Thresholds
from jiebei_tracker.domain.rules.wording import joined, loan_item, make_flag, plural
from jiebei_tracker.domain.vocabulary import PlatformKind


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def densest_window(loans: list[Loan], window_days: int) -> list[Loan]:
    """The most loans borrowed within any ``window_days`` consecutive days (loans sorted by date)."""
    best: list[Loan] = []
    first = 0
    for last, loan in enumerate(loans):
        while (loan.borrowed_on - loans[first].borrowed_on).days >= window_days:
            first += 1
        if last - first + 1 > len(best):
            best = loans[first : last + 1]
    return best


@rule("borrowing_frequency", CAUSE_1, STRATEGY_2_2, worst=Severity.HIGH)
def borrowing_frequency(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Too many new loans: the short-window count in any rolling window, or the long-window count, within the
    long window before the snapshot date (so a burst stays in force for that long)."""
    found = _too_often(snapshot, thresholds)
    if found is None:
        return None
    return Finding(Severity.HIGH, lambda: _borrowing_frequency_flag(snapshot, thresholds, *found))


def _borrowing_frequency_flag(snapshot: Snapshot, t: Thresholds, shown: list[Loan], window: int) -> Flag:
    first, last = shown[0].borrowed_on.isoformat(), shown[-1].borrowed_on.isoformat()
    total = format_yuan(sum(loan.principal_fen for loan in shown))
    return make_flag(
        snapshot,
        "borrowing_frequency",
        Severity.HIGH,
        title=Text("借款太频繁", "Borrowing too often"),
        summary=Text(
            f"{first} 至 {last} 之间新借了 {len(shown)} 笔，共 {total}"
            f"（{window} 天内 {t.frequency_short_count if window == t.frequency_short_days else t.frequency_long_count}"
            " 笔及以上就算频繁）。",
            f"{plural(len(shown), 'new loan')} between {first} and {last}, {total} in all "
            f"({t.frequency_short_count if window == t.frequency_short_days else t.frequency_long_count} or more "
            f"in {window} days counts as too often).",
        ),
        items=[loan_item(loan) for loan in shown],
        advice=Text(
            f"接下来至少 {t.frequency_short_days} 天不要再借新款。真需要用钱时，按实际需要一次借一笔、"
            "选能按月还得起的期限，而不是隔几天借一笔小额的。",
            f"Take no new loan for at least {t.frequency_short_days} days. When you do need money, borrow once for "
            "what you actually need, over a term whose monthly payment you can afford, instead of several small "
            "loans a few days apart.",
        ),
    )


def _too_often(snapshot: Snapshot, t: Thresholds) -> tuple[list[Loan], int] | None:
    """The loans that make borrowing too frequent and the window they fall in (None when it is not)."""
    recent = list(snapshot.loans_borrowed_since(snapshot.as_of - timedelta(days=t.frequency_long_days - 1)))
    burst = densest_window(recent, t.frequency_short_days)
    if len(burst) >= t.frequency_short_count:
        return burst, t.frequency_short_days
    if len(recent) >= t.frequency_long_count:
        return recent, t.frequency_long_days
    return None


@rule("multi_platform", CAUSE_1, STRATEGY_1_2, worst=Severity.HIGH)
def multi_platform(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Balances on too many platforms on the snapshot date, or too many credit inquiries in the window."""
    t = thresholds
    balances: dict[str, list[Loan]] = {}
    for loan in snapshot.open_loans:
        balances.setdefault(loan.platform, []).append(loan)
    inquiries = hard_inquiries(snapshot.notes, snapshot.as_of, t.inquiry_window_months)
    too_many_platforms = len(balances) >= t.platform_count
    too_many_inquiries = len(inquiries) >= t.inquiry_count
    if not (too_many_platforms or too_many_inquiries):
        return None
    return Finding(
        Severity.HIGH,
        lambda: _multi_platform_flag(snapshot, t, balances, inquiries, too_many_platforms, too_many_inquiries),
    )


def _multi_platform_flag(
    snapshot: Snapshot,
    t: Thresholds,
    balances: dict[str, list[Loan]],
    inquiries: InquiryCount,
    too_many_platforms: bool,
    too_many_inquiries: bool,
) -> Flag:
    owed = {name: sum(loan.outstanding_principal_fen for loan in loans) for name, loans in balances.items()}
    # Keep the platform whose open loans cost least by their true APR (weighted by what is owed on each); among
    # equals, the kind of lender that is usually cheapest (a bank before a credit card), then the larger balance.
    # Clear the others, smallest balance first.
    apr = {name: _owed_weighted_apr(loans) for name, loans in balances.items()}
    kinds = {name: loans[0].platform_kind for name, loans in balances.items()}
    keep = min(
        owed,
        key=lambda name: (apr[name], _COST_RANK.get(kinds[name], len(_COST_RANK)), -owed[name], name),
        default="",
    )
    wind_down = sorted((name for name in owed if name != keep), key=lambda name: (owed[name], name))
    items: list[EvidenceItem] = []
    summary_zh, summary_en, advice_zh, advice_en = [], [], [], []
    if too_many_platforms:
        for name in sorted(owed, key=lambda n: (-owed[n], n)):
            count = len(balances[name])
            items.append(
                EvidenceItem(
                    kind="platform",
                    text=Text(
                        f"{name}：{count} 笔未结清，本金余额 {format_yuan(owed[name])}",
                        f"{name}: {plural(count, 'loan')} open, {format_yuan(owed[name])} principal outstanding",
                    ),
                    platform=name,
                    amounts_fen=(("outstanding", owed[name]),),
                    counts=(("open_loans", count),),
                )
            )
        summary_zh.append(f"{snapshot.as_of.isoformat()} 同时在 {len(balances)} 个平台有未还清的借款")
        summary_en.append(f"on {snapshot.as_of.isoformat()} loans were outstanding on {len(balances)} platforms")
        cheapest = f"{apr[keep] * 100:.2f}%"
        advice_zh.append(
            f"把借款集中到一个平台（比如真实年化利率最低的{keep}，约 {cheapest}），"
            f"先还清{joined(wind_down, 'zh_CN')}的余额，还清后不再在这些平台借款。"
        )
        advice_en.append(
            f"Concentrate your borrowing on one platform (e.g. {keep}, the cheapest by true APR, about {cheapest}): "
            f"pay off {joined(wind_down, 'en')} first, smallest balance first, and stop borrowing there once they "
            "are clear."
        )
    if too_many_inquiries:
        items += inquiry_items(inquiries)
        months = t.inquiry_window_months
        summary_zh.append(
            f"近 {months} 个月（{inquiries.since.isoformat()} 起）征信上有 {len(inquiries)} 次"
            "贷款、信用卡审批或担保资格审查查询"
        )
        summary_en.append(
            f"{plural(len(inquiries), 'hard credit inquiry', 'hard credit inquiries')} (loan or card applications, "
            f"guarantee checks) in the last {plural(months, 'month')}, since {inquiries.since.isoformat()}"
        )
        advice_zh.append("暂停申请新的额度或贷款，每申请一次征信上就多一条查询记录。")
        advice_en.append(
            "Stop applying for new credit for now: every application leaves another inquiry on your report."
        )
    return make_flag(
        snapshot,
        "multi_platform",
        Severity.HIGH,
        title=Text("多头借贷：同时在多个平台借款或申请", "Credit on many platforms at once"),
        summary=Text("；".join(summary_zh) + "。", _sentence("; ".join(summary_en))),
        items=items,
        advice=Text("\n".join(advice_zh), "\n".join(advice_en)),
    )


def _owed_weighted_apr(loans: list[Loan]) -> Decimal:
    """The true APR (fees included, by the IRR method) of a platform's open loans, weighted by what is owed."""
    owed = sum(loan.outstanding_principal_fen for loan in loans)
    if owed <= 0:
        return cost_of_flows(loans[0].received_fen, loans[0].cash_flows).apr
    weighted = sum(
        cost_of_flows(loan.received_fen, loan.cash_flows).apr * loan.outstanding_principal_fen for loan in loans
    )
    return weighted / owed


# Lender kinds from usually cheapest to dearest: the tie-break between platforms that cost the same.
_COST_RANK = {
    PlatformKind.BANK: 0,
    PlatformKind.CONSUMER_FINANCE: 1,
    PlatformKind.INTERNET: 2,
    PlatformKind.CREDIT_CARD: 3,
    PlatformKind.MICROFINANCE: 4,
    PlatformKind.PRIVATE: 5,
}


def inquiry_items(inquiries: InquiryCount) -> list[EvidenceItem]:
    """The inquiries that counted, then those of the same months left out and why."""
    counted = [
        EvidenceItem(
            kind="note",
            text=inquiry_text(note),
            note_id=note.note_id,
            dates=(("noted_on", note.noted_on),),
        )
        for note in inquiries.counted
    ]
    left_out = []
    for note in inquiries.left_out:
        shown, why = inquiry_text(note), why_left_out(note)
        left_out.append(
            EvidenceItem(
                kind="note",
                text=Text(f"{shown.zh_CN} — 不计入：{why.zh_CN}", f"{shown.en} — not counted: {why.en}"),
                note_id=note.note_id,
                dates=(("noted_on", note.noted_on),),
                counts=(("counted", 0),),
            )
        )
    return counted + left_out


@rule("many_inquiries", CAUSE_1, STRATEGY_1_2, worst=Severity.MEDIUM)
def many_inquiries(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """Many hard inquiries (applications for credit) over the last months, whatever the balances."""
    t = thresholds
    inquiries = hard_inquiries(snapshot.notes, snapshot.as_of, t.many_inquiries_months)
    if len(inquiries) < t.many_inquiries_count:
        return None
    return Finding(Severity.MEDIUM, lambda: _many_inquiries_flag(snapshot, t, inquiries))


def _many_inquiries_flag(snapshot: Snapshot, t: Thresholds, inquiries: InquiryCount) -> Flag:
    months, count = t.many_inquiries_months, len(inquiries)
    return make_flag(
        snapshot,
        "many_inquiries",
        Severity.MEDIUM,
        title=Text("征信查询过多：近期申请太频繁", "Too many credit applications lately"),
        summary=Text(
            f"近 {months} 个月（{inquiries.since.isoformat()} 起）征信上有 {count} 次贷款、信用卡审批或担保资格审查"
            f"查询，达到 {t.many_inquiries_count} 次。",
            f"{plural(count, 'hard credit inquiry', 'hard credit inquiries')} in the last {plural(months, 'month')} "
            f"(since {inquiries.since.isoformat()}), {t.many_inquiries_count} or more.",
        ),
        items=inquiry_items(inquiries),
        advice=Text(
            "接下来几个月别再申请新的贷款或信用卡，也别到处点“测额度”：每次审批查询都会留在征信上。"
            "查询记录会随时间移出统计窗口，少申请几个月，数字自然会降下来。",
            'Apply for no new loan or card for the next few months, and do not tap "check my limit" offers: each '
            "approval check stays on your report. Inquiries age out of the window by themselves; a few quiet "
            "months bring the number down.",
        ),
    )
