"""Made-up borrowing histories: ``sample_history``, one typical borrower for looking around the app (the window's
sample data, ``jiebei-tracker demo``), and ``generate_history``, a large random one for benchmarks and tests
(deterministic per seed)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from jiebei_tracker.domain.payments import Payment, apply_payments, propose_payoff
from jiebei_tracker.domain.rates import Rate, RateBasis
from jiebei_tracker.domain.records import LoanDraft
from jiebei_tracker.domain.schedule import LoanTerms, build_schedule
from jiebei_tracker.domain.vocabulary import LoanPurpose, NoteKind, PlatformKind, RepaymentMethod, RepaymentSource
from jiebei_tracker.services.ledger import HistoricLoan, LimitEntry, NoteEntry


@dataclass(frozen=True)
class _DemoPlatform:
    name: str
    kind: PlatformKind
    weight: int
    limit_yuan: int
    daily_rates: tuple[str, ...] = ()  # internet lenders quote a daily rate
    annual_rates: tuple[str, ...] = ()


PLATFORMS = (
    _DemoPlatform("借呗", PlatformKind.INTERNET, 30, 50_000, daily_rates=("0.0002", "0.00025", "0.0003", "0.00035")),
    _DemoPlatform("微粒贷", PlatformKind.INTERNET, 20, 30_000, daily_rates=("0.0003", "0.0004", "0.0005")),
    _DemoPlatform("京东金条", PlatformKind.INTERNET, 15, 40_000, daily_rates=("0.00027", "0.00035", "0.00045")),
    _DemoPlatform("招商银行闪电贷", PlatformKind.BANK, 12, 200_000, annual_rates=("0.0348", "0.0398", "0.0588")),
    _DemoPlatform("中信银行信用卡", PlatformKind.CREDIT_CARD, 10, 60_000, annual_rates=("0.1296", "0.18")),
    _DemoPlatform("招联消费金融", PlatformKind.CONSUMER_FINANCE, 8, 50_000, annual_rates=("0.1095", "0.18", "0.24")),
    _DemoPlatform("某小额贷款公司", PlatformKind.MICROFINANCE, 5, 20_000, annual_rates=("0.24", "0.3")),
)

_METHODS = (
    (RepaymentMethod.EQUAL_INSTALLMENT, 55, (3, 6, 12, 24)),
    (RepaymentMethod.EQUAL_PRINCIPAL, 20, (3, 6, 12)),
    (RepaymentMethod.INTEREST_FIRST, 15, (3, 6, 12)),
    (RepaymentMethod.BULLET, 10, (1, 2, 3)),
)
_PURPOSES = (
    (LoanPurpose.DAILY, 50),
    (LoanPurpose.BUSINESS, 15),
    (LoanPurpose.EDUCATION, 5),
    (LoanPurpose.MEDICAL, 5),
    (LoanPurpose.INVESTMENT, 8),
    (LoanPurpose.TRANSFER, 7),
    (LoanPurpose.REPAY_OTHER_LOAN, 5),
    (LoanPurpose.OTHER, 5),
)


@dataclass(frozen=True)
class DemoHistory:
    loans: list[HistoricLoan]
    limits: list[LimitEntry]
    notes: list[NoteEntry]
    platform_kinds: dict[str, PlatformKind]


def _pick(rng: random.Random, weighted):
    return rng.choices([item[0] for item in weighted], weights=[item[1] for item in weighted])[0]


def generate_history(*, today: date, years: int = 3, loans: int = 60, seed: int = 20240101) -> DemoHistory:
    """``loans`` loans spread over the ``years`` before ``today``: mostly repaid on time, some late, a few
    overdue near ``today``, some paid off early; limit changes (a cut on 借呗 among them); credit notes."""
    rng = random.Random(seed)
    start = today - timedelta(days=365 * years)
    span_days = max((today - start).days - 5, 1)
    result: list[HistoricLoan] = []
    for number in range(loans):
        platform = rng.choices(PLATFORMS, weights=[p.weight for p in PLATFORMS])[0]
        method, _, terms = rng.choices(_METHODS, weights=[m[1] for m in _METHODS])[0]
        if platform.daily_rates:
            rate = Rate(Decimal(rng.choice(platform.daily_rates)) * 360, RateBasis.DAILY)
        else:
            rate = Rate(Decimal(rng.choice(platform.annual_rates)))
        borrowed_on = start + timedelta(days=rng.randrange(span_days))
        principal_yuan = rng.randrange(10, min(platform.limit_yuan, 60_000) // 100 + 1) * 100
        draft = LoanDraft(
            platform=platform.name,
            terms=LoanTerms(borrowed_on, principal_yuan * 100, rng.choice(terms), method, rate),
            purpose=_pick(rng, _PURPOSES),
            autopay=rng.random() < 0.7,
            external_id=f"DEMO-{number + 1:06d}",
        )
        result.append(HistoricLoan(draft, _demo_payments(rng, draft, today)))
    return DemoHistory(
        result, _demo_limits(rng, start, today), _demo_notes(rng, start, today), {p.name: p.kind for p in PLATFORMS}
    )


def _demo_payments(rng: random.Random, draft: LoanDraft, today: date) -> list[Payment]:
    schedule = build_schedule(draft.terms)
    payments: list[Payment] = []
    payoff_at = rng.randrange(1, len(schedule) + 1) if len(schedule) > 2 and rng.random() < 0.06 else None
    for inst in schedule:
        if payoff_at == inst.seq:
            day = inst.due_on - timedelta(days=rng.randrange(1, 20))
            if day < today and day > draft.terms.borrowed_on:
                states = apply_payments(schedule, payments).states
                quote = propose_payoff(states, rate=draft.terms.rate, borrowed_on=draft.terms.borrowed_on, paid_on=day)
                payments.append(Payment(day, quote.amount_fen, is_payoff=True))
                break
        roll = rng.random()
        if roll < 0.03 and (today - inst.due_on).days < 60:
            break  # stopped paying: this and later installments stay overdue
        if roll < 0.12:
            day = inst.due_on + timedelta(days=rng.randrange(1, 21))
        else:
            day = inst.due_on - timedelta(days=rng.randrange(0, 3) if not draft.autopay else 0)
        if day > today:
            break
        payments.append(Payment(max(day, draft.terms.borrowed_on), inst.total_fen))
    return payments


def _demo_limits(rng: random.Random, start: date, today: date) -> list[LimitEntry]:
    entries = []
    for platform in PLATFORMS:
        limit = platform.limit_yuan * 100
        day = start
        while day < today:
            entries.append(LimitEntry(platform.name, day, limit))
            day += timedelta(days=rng.randrange(120, 300))
            limit = max(100_000, int(limit * rng.choice((0.6, 0.8, 1.0, 1.2, 1.5))) // 100_000 * 100_000)
    cut_day = today - timedelta(days=rng.randrange(20, 90))
    entries.append(LimitEntry("借呗", cut_day, PLATFORMS[0].limit_yuan * 100 // 2))
    return entries


def _demo_notes(rng: random.Random, start: date, today: date) -> list[NoteEntry]:
    span = max((today - start).days, 1)

    def some_day() -> date:
        return start + timedelta(days=rng.randrange(span))

    notes = [
        NoteEntry(some_day(), NoteKind.INQUIRY, f"贷款审批查询 — {rng.choice(PLATFORMS).name}")
        for _ in range(max(3, span // 120))
    ]
    overdue_day = some_day()
    notes.append(
        NoteEntry(
            overdue_day,
            NoteKind.OVERDUE_RECORD,
            "信用卡逾期 1 期，已结清",
            resolved_on=min(today, overdue_day + timedelta(days=45)),
        )
    )
    notes.append(NoteEntry(some_day(), NoteKind.GUARANTEE, "为亲友经营贷款提供担保"))
    return sorted(notes, key=lambda n: n.noted_on)


# -- the sample: one typical borrower ---------------------------------------------------------------------
#
# Four platforms, each with a limit recorded before its first loan. Last year: a few loans, all repaid, one
# installment paid late. About nine months ago: three new loans within three weeks on three platforms, another
# installment paid late — and two months later 借呗 halves its limit (the diagnosis finds the burst, the
# balances on four platforms and the late repayment in the 180 days before it). Since then: fewer, smaller loans,
# on three platforms, one of them without autopay. As of ``today`` nothing is overdue and the check finds three
# flags — late_history (medium: the latest late repayment is over six months old), multi_platform (high: money
# owed on three platforms) and no_autopay (low) — for a score of 100 × 0.9 × 0.8 × 0.97 ≈ 70, in the watch band.
#
# Every day is a month before today's month and a day of that month (never past the 28th), so the gaps that
# matter hold whatever the date: no loan is taken in the seven days before another loan's due date (that would
# be ``revolving``), and the burst ends well over 90 days ago.

_SAMPLE_PLATFORMS = {
    "借呗": PlatformKind.INTERNET,
    "微粒贷": PlatformKind.INTERNET,
    "京东金条": PlatformKind.INTERNET,
    "招商银行信用卡": PlatformKind.CREDIT_CARD,
}


@dataclass(frozen=True)
class _SampleLoan:
    months_ago: int
    day: int
    platform: str
    principal_yuan: int
    term_months: int
    method: RepaymentMethod
    rate: Rate
    purpose: LoanPurpose
    autopay: bool
    note: str
    late_days: dict[int, int]  # installment seq → days after its due date it was paid (the rest are on time)


def _daily(rate: str) -> Rate:
    return Rate(Decimal(rate) * 360, RateBasis.DAILY)


_EI, _EP = RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.EQUAL_PRINCIPAL
_SAMPLE_LOANS = (
    # Last year's, all repaid; one installment paid six days late.
    _SampleLoan(20, 5, "借呗", 8_000, 6, _EI, _daily("0.0003"), LoanPurpose.DAILY, True, "搬家和押金", {}),
    _SampleLoan(
        18, 12, "招商银行信用卡", 6_000, 12, _EI, Rate(Decimal("0.1296")), LoanPurpose.DAILY, True, "买冰箱分期", {}
    ),
    _SampleLoan(16, 24, "微粒贷", 5_000, 6, _EP, _daily("0.0004"), LoanPurpose.MEDICAL, False, "看牙", {2: 6}),
    # The burst before the cut: three loans in three weeks; one installment paid five days late.
    _SampleLoan(9, 2, "京东金条", 6_000, 3, _EI, _daily("0.00035"), LoanPurpose.DAILY, True, "换手机", {}),
    _SampleLoan(9, 14, "借呗", 10_000, 6, _EI, _daily("0.0003"), LoanPurpose.BUSINESS, True, "网店进货", {}),
    _SampleLoan(9, 22, "微粒贷", 4_000, 3, _EP, _daily("0.0004"), LoanPurpose.DAILY, False, "房租", {1: 5}),
    # Since the cut: fewer loans, each well inside its limit.
    _SampleLoan(3, 20, "借呗", 12_000, 12, _EI, _daily("0.00025"), LoanPurpose.EDUCATION, True, "职业培训课程", {}),
    _SampleLoan(
        2, 5, "招商银行信用卡", 9_000, 6, _EI, Rate(Decimal("0.1296")), LoanPurpose.DAILY, True, "笔记本电脑分期", {}
    ),
    _SampleLoan(1, 8, "京东金条", 3_000, 3, _EI, _daily("0.00035"), LoanPurpose.DAILY, False, "家电维修", {}),
)
# (months before today's month, day of that month, platform, limit in yuan): each platform's first record comes
# before its first loan; 借呗's cut is the only fall.
_SAMPLE_LIMITS = (
    (21, 1, "借呗", 30_000),
    (19, 1, "招商银行信用卡", 25_000),
    (17, 1, "微粒贷", 20_000),
    (12, 3, "招商银行信用卡", 35_000),
    (10, 1, "京东金条", 15_000),
    (7, 18, "借呗", 15_000),
)
_SAMPLE_INQUIRIES = (
    (16, 22, "微众银行贷款审批查询（微粒贷）"),
    (9, 1, "京东金融贷款审批查询（京东金条）"),
    (9, 13, "重庆蚂蚁消费金融贷款审批查询（借呗）"),
    (9, 21, "微众银行贷款审批查询（微粒贷）"),
    (1, 7, "京东金融贷款审批查询（京东金条）"),
)


def _sample_day(today: date, months_ago: int, day: int) -> date:
    return today.replace(day=1) - relativedelta(months=months_ago) + timedelta(days=day - 1)


def sample_history(*, today: date) -> DemoHistory:
    """The sample borrower's records up to ``today`` (see the comment above for what they show)."""
    loans = []
    for number, spec in enumerate(_SAMPLE_LOANS, 1):
        terms = LoanTerms(
            _sample_day(today, spec.months_ago, spec.day),
            spec.principal_yuan * 100,
            spec.term_months,
            spec.method,
            spec.rate,
        )
        draft = LoanDraft(
            platform=spec.platform,
            terms=terms,
            purpose=spec.purpose,
            autopay=spec.autopay,
            note=spec.note,
            external_id=f"SAMPLE-{number:02d}",
        )
        payments = []
        for inst in build_schedule(terms):
            # Autopay takes the money on the due date; by hand, the sample borrower pays a day or two early.
            paid_on = inst.due_on + timedelta(
                days=spec.late_days.get(inst.seq, 0 if spec.autopay else -(1 + inst.seq % 2))
            )
            if paid_on > today:
                break
            payments.append(Payment(max(paid_on, terms.borrowed_on), inst.total_fen))
        source = RepaymentSource.AUTOPAY if spec.autopay else RepaymentSource.MANUAL
        loans.append(HistoricLoan(draft, payments, source=source))
    limits = [
        LimitEntry(platform, _sample_day(today, months_ago, day), limit_yuan * 100)
        for months_ago, day, platform, limit_yuan in _SAMPLE_LIMITS
    ]
    notes = [
        NoteEntry(_sample_day(today, months_ago, day), NoteKind.INQUIRY, text)
        for months_ago, day, text in _SAMPLE_INQUIRIES
    ]
    return DemoHistory(loans, limits, notes, dict(_SAMPLE_PLATFORMS))
