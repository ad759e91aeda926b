"""A tiny builder of rule scenarios in plain domain records (no database): a loan, its repayments, limits, notes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from itertools import count

from jiebei_tracker.domain.book import Book, CreditNote, Installment, Loan, Repayment, Snapshot
from jiebei_tracker.domain.limits import LimitRecord
from jiebei_tracker.domain.payments import Payment, apply_payments
from jiebei_tracker.domain.schedule import NO_FEES, Fees, build_schedule
from jiebei_tracker.domain.vocabulary import InquiryReason, LoanPurpose, NoteKind, PlatformKind
from tests.scenarios import terms


class Records:
    """Collects loans (with repayments made as the test says), limits and notes; ``snapshot(day)`` gives what
    the rules see on that day. Ids are handed out in order from 1."""

    def __init__(self) -> None:
        self.loans: list[Loan] = []
        self.repayments: list[Repayment] = []
        self.limits: list[LimitRecord] = []
        self.notes: list[CreditNote] = []
        self.kinds: dict[str, PlatformKind] = {}
        self._ids = count(1)
        self._installment_ids = count(1)

    def loan(
        self,
        platform: str = "借呗",
        *,
        borrowed_on: date,
        principal_yuan: int = 12_000,
        months: int = 12,
        method: str = "equal_installment",
        purpose: LoanPurpose | str = LoanPurpose.DAILY,
        autopay: bool = True,
        kind: PlatformKind | str | None = None,
        paid: Iterable[tuple[int, int]] = (),
        payments: Iterable[tuple[date, int] | tuple[date, int, bool]] = (),
        annual: str = "0.072",
        fees: Fees = NO_FEES,
    ) -> Loan:
        """A loan. ``paid`` lists (installment seq, days after its due date) for installments paid in full then
        (0 = on the day, negative = early); ``payments`` adds other (date, fen[, is_payoff]) payments."""
        schedule = build_schedule(replace(terms(borrowed_on, principal_yuan, months, method, annual), fees=fees))
        made = [
            Payment(schedule[seq - 1].due_on + timedelta(days=days), schedule[seq - 1].total_fen) for seq, days in paid
        ]
        made += [Payment(*payment) for payment in payments]
        made.sort(key=lambda p: p.paid_on)
        loan_id = next(self._ids)
        states = apply_payments(schedule, made).states
        installments = tuple(
            Installment(
                next(self._installment_ids),
                loan_id,
                s.seq,
                s.due_on,
                s.installment.principal_fen,
                s.installment.interest_fen,
                s.paid_interest_fen,
                s.paid_principal_fen,
                s.settled_on,
                s.installment.fee_fen,
            )
            for s in states
        )
        platform_kind = PlatformKind(kind) if kind else self.kinds.get(platform, PlatformKind.INTERNET)
        self.kinds[platform] = platform_kind
        record = Loan(
            loan_id=loan_id,
            platform=platform,
            platform_kind=platform_kind,
            purpose=LoanPurpose(purpose),
            autopay=autopay,
            principal_fen=principal_yuan * 100,
            borrowed_on=borrowed_on,
            installments=installments,
            fee_upfront_fen=fees.upfront_fen,
            annual_rate=Decimal(annual),
        )
        self.loans.append(record)
        self.repayments += [
            Repayment(len(self.repayments) + n + 1, loan_id, p.paid_on, p.amount_fen, p.is_payoff)
            for n, p in enumerate(made)
        ]
        return record

    def limit(self, platform: str, recorded_on: date, yuan: int) -> None:
        self.limits.append(LimitRecord(platform, recorded_on, yuan * 100, len(self.limits) + 1))

    def note(
        self,
        noted_on: date,
        kind: NoteKind | str,
        text: str = "",
        resolved_on: date | None = None,
        reason: InquiryReason | str | None = None,
        institution: str = "",
    ) -> int:
        """A credit-report note; an inquiry given no reason takes the one its text names, as the ledger does."""
        note_id = len(self.notes) + 1
        kind, text = NoteKind(kind), text or str(kind)
        if kind is NoteKind.INQUIRY:
            reason = InquiryReason(reason) if reason else InquiryReason.named_in(text)
        self.notes.append(CreditNote(note_id, noted_on, kind, text, resolved_on, reason, institution))
        return note_id

    def history(self) -> Book:
        return Book.of(self.loans, self.repayments, self.limits, self.notes, self.kinds)

    def snapshot(self, as_of: date, *, grace_days: int = 0) -> Snapshot:
        return self.history().snapshot(as_of, grace_days=grace_days)


def on_time(last_seq: int) -> list[tuple[int, int]]:
    """``paid`` for installments 1..last_seq each paid on its due date."""
    return [(seq, 0) for seq in range(1, last_seq + 1)]
