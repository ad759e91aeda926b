"""The ``no_autopay`` reminder (策略 1(1)), with how to switch autopay on for each platform."""

from __future__ import annotations

from jiebei_tracker.domain.book.records import Loan
from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules.flags import STRATEGY_1_1, Flag, Severity, Text
from jiebei_tracker.domain.rules.registry import Finding, rule
from jiebei_tracker.domain.rules.thresholds import Thresholds
from jiebei_tracker.domain.rules.wording import joined, loan_item, make_flag, plural
from jiebei_tracker.domain.vocabulary import PlatformKind

AUTOPAY_HOW_TO: dict[PlatformKind, Text] = {
    PlatformKind.INTERNET: Text(
        "在平台 App 的借款或还款设置里打开「到期自动还款」，并在到期前让绑定的余额或银行卡里留够钱。",
        "In the lender's app, open the loan's repayment settings and switch on automatic repayment on the due "
        "date; keep enough in the linked balance or card before each due date.",
    ),
    PlatformKind.BANK: Text(
        "在手机银行或柜台为这笔贷款签约「自动扣款」，指定一张借记卡，到期日前一天确认卡里余额充足。",
        "In mobile banking or at the counter, sign up for automatic deduction for this loan from a debit card, "
        "and check the card holds enough the day before each due date.",
    ),
    PlatformKind.CREDIT_CARD: Text(
        "在信用卡 App 里设置「自动还款」，选「全额还款」并绑定一张借记卡；只还最低额会产生利息。",
        "In the card's app, set up automatic repayment of the full statement balance from a debit card; paying "
        "only the minimum keeps interest running.",
    ),
    PlatformKind.CONSUMER_FINANCE: Text(
        "在消费金融 App 里绑定借记卡并开通代扣（自动扣款），确认扣款日与到期日一致。",
        "In the consumer-finance app, link a debit card and enable withholding (automatic deduction); check the "
        "deduction date matches the due date.",
    ),
    PlatformKind.MICROFINANCE: Text(
        "请贷款公司和您签一份借记卡代扣协议，每次扣款后保留凭证。",
        "Ask the company to set up a direct-debit (withholding) agreement on your debit card, and keep the receipt "
        "of each deduction.",
    ),
    PlatformKind.PRIVATE: Text(
        "民间借款没有平台代扣：在银行设置定期转账，或导出还款日历（.ics）设好提醒，每次还款都留转账记录。",
        "Private loans have no platform autopay: set up a standing bank transfer, or export the repayment calendar "
        "(.ics) with alarms, and keep a transfer record for every payment.",
    ),
}


# The platforms most people borrow on, in their own apps' words: their advice comes before the kind's.
_PLATFORM_HOW_TO: tuple[tuple[tuple[str, ...], Text], ...] = (
    (
        ("借呗", "花呗"),
        Text(
            "在支付宝的借呗（或花呗）页面进入还款设置，打开「到期自动还款」，并在到期前让余额宝或绑定的银行卡里留够钱。",
            "In Alipay, open 借呗 (or 花呗), go to its repayment settings and switch on automatic repayment on the due "
            "date; keep enough in Yu'e Bao or the linked card before each due date.",
        ),
    ),
    (
        ("微粒贷",),
        Text(
            "微粒贷在微信（或 QQ）钱包里：进入微粒贷的还款设置，打开「自动还款」，并在到期前让绑定的银行卡里留够钱。",
            "微粒贷 lives in the WeChat (or QQ) wallet: open its repayment settings and switch on automatic "
            "repayment; keep enough in the linked card before each due date.",
        ),
    ),
    (
        ("京东金条", "京东白条"),
        Text(
            "在京东金融 App 里进入金条（或白条）的还款设置，打开「自动还款」，并在到期前让绑定的银行卡里留够钱。",
            "In the JD Finance app, open 金条 (or 白条) repayment settings and switch on automatic repayment; keep "
            "enough in the linked card before each due date.",
        ),
    ),
)


def autopay_how_to(platform: str, kind: PlatformKind) -> Text:
    """How to switch autopay on for a loan of this platform: in that platform's own app where it is a well-known
    one (微粒贷 lives in WeChat, not Alipay), else as platforms of its kind do it."""
    for names, how_to in _PLATFORM_HOW_TO:
        if any(name in platform for name in names):
            return how_to
    return AUTOPAY_HOW_TO[kind]


@rule("no_autopay", STRATEGY_1_1, worst=Severity.LOW, cause=False)
def no_autopay(snapshot: Snapshot, thresholds: Thresholds) -> Finding | None:
    """A reminder for every loan still being repaid without autopay switched on."""
    loans = [loan for loan in snapshot.open_loans if not loan.autopay]
    if not loans:
        return None
    return Finding(Severity.LOW, lambda: _no_autopay_flag(snapshot, loans))


def _no_autopay_flag(snapshot: Snapshot, loans: list[Loan]) -> Flag:
    items = []
    for loan in loans:
        upcoming = loan.next_open()
        zh = en = ""
        extra = {}
        if upcoming is not None:
            zh = f"下一期 {upcoming.due_on.isoformat()} 到期 {format_yuan(upcoming.remaining_fen)}"
            en = f"next {format_yuan(upcoming.remaining_fen)} due {upcoming.due_on.isoformat()}"
            extra = {"dates": (("next_due_on", upcoming.due_on),)}
        items.append(loan_item(loan, zh, en, **extra))
    platforms = list(dict.fromkeys(loan.platform for loan in loans))
    kinds = {loan.platform: loan.platform_kind for loan in loans}
    # One line of advice for each different way of doing it, naming its platforms (two banks share one line).
    advice: dict[Text, list[str]] = {}
    for platform in platforms:
        advice.setdefault(autopay_how_to(platform, kinds[platform]), []).append(platform)
    return make_flag(
        snapshot,
        "no_autopay",
        Severity.LOW,
        title=Text("还有借款没开自动还款", "Loans not on autopay"),
        summary=Text(
            f"{len(loans)} 笔还款中的借款没有开通自动还款：{joined(platforms, 'zh_CN')}。",
            f"{plural(len(loans), 'active loan')} not on autopay: {joined(platforms, 'en')}.",
        ),
        items=items,
        advice=Text(
            "\n".join(
                ["每一期都开通自动还款，就不会因为忘记而逾期。"]
                + [f"{joined(names, 'zh_CN')}：{how.zh_CN}" for how, names in advice.items()]
            ),
            "\n".join(
                ["Put every installment on autopay so a forgotten date never turns into a late payment."]
                + [f"{joined(names, 'en')}: {how.en}" for how, names in advice.items()]
            ),
        ),
    )
