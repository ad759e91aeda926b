"""Repayment reminders — due in N days, due today, overdue — and autopay nudges; each shown at most once a day per
installment, which the ReminderLog table remembers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from jiebei_tracker.domain.book import Loan, Snapshot
from jiebei_tracker.domain.errors import DatabaseBusy
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules import Text
from jiebei_tracker.domain.rules.autopay import autopay_how_to
from jiebei_tracker.domain.vocabulary import InstallmentStatus, PlatformKind, _Labelled
from jiebei_tracker.services.settings import SettingsStore
from jiebei_tracker.storage.book import load_book, open_loan_ids
from jiebei_tracker.storage.database import Database
from jiebei_tracker.storage.queries import log_reminder_shown


class ReminderKind(_Labelled):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    NO_AUTOPAY = "no_autopay"

    @classmethod
    def _labels(cls):
        return {
            "overdue": ("已逾期", "Overdue"),
            "due_today": ("今天到期", "Due today"),
            "due_soon": ("即将到期", "Due soon"),
            "no_autopay": ("未开自动还款", "Not on autopay"),
        }


@dataclass(frozen=True)
class Reminder:
    """One reminder about one installment. ``days`` is days until due (due soon), 0 (due today, or past due but
    within the grace days) or days past due (overdue). ``amount_fen`` is what is still owed on the installment."""

    kind: ReminderKind
    loan_id: int
    loan_ref: str
    platform: str
    platform_kind: PlatformKind
    installment_id: int
    seq: int
    due_on: date
    amount_fen: int
    days: int
    autopay: bool
    title: Text
    message: Text
    how_to: Text | None = None  # how to switch autopay on (no_autopay nudges)


def _due_reminder(loan: Loan, inst, as_of: date, grace_days: int) -> Reminder:
    amount = format_yuan(inst.remaining_fen)
    name_zh = f"{loan.platform} 借款 {loan.ref} 第 {inst.seq} 期"
    name_en = f"{loan.platform} loan {loan.ref}, installment {inst.seq}"
    due = inst.due_on.isoformat()
    if inst.status(as_of, grace_days) is InstallmentStatus.OVERDUE:
        kind, days = ReminderKind.OVERDUE, (as_of - inst.due_on).days
        title = Text("还款已逾期", "Repayment overdue")
        penalty = format_yuan(loan.penalty_on(inst, as_of, grace_days))
        message = Text(
            f"{name_zh}：{amount} 已于 {due} 到期，逾期 {days} 天，罚息估计已有 {penalty}，请尽快还上。",
            f"{name_en}: {amount} was due {due}, {days} day{'s' if days != 1 else ''} ago, with penalty interest "
            f"of about {penalty} so far — please pay it now.",
        )
    elif inst.due_on <= as_of:
        kind, days = ReminderKind.DUE_TODAY, 0
        title = Text("今天还款", "Repayment due today")
        late = inst.due_on < as_of
        message = Text(
            f"{name_zh}：{amount} " + (f"已于 {due} 到期，今天还上仍在宽限期内。" if late else "今天到期。"),
            f"{name_en}: {amount} "
            + (f"was due {due}; paid today it is still within your grace days." if late else "is due today."),
        )
    else:
        kind, days = ReminderKind.DUE_SOON, (inst.due_on - as_of).days
        title = Text(f"{days} 天后还款", f"Repayment due in {days} day{'s' if days != 1 else ''}")
        message = Text(
            f"{name_zh}：{amount} 将于 {due} 到期（还有 {days} 天）。",
            f"{name_en}: {amount} is due {due}, in {days} day{'s' if days != 1 else ''}.",
        )
    if loan.autopay and kind is not ReminderKind.OVERDUE:
        message = Text(
            message.zh_CN + "已开通自动还款，请确认扣款账户余额充足。",
            message.en + " Autopay is on: make sure the account holds enough.",
        )
    return Reminder(
        kind, loan.loan_id, loan.ref, loan.platform, loan.platform_kind, inst.installment_id, inst.seq,
        inst.due_on, inst.remaining_fen, days, loan.autopay, title, message,
    )  # fmt: skip


def _autopay_nudge(loan: Loan, due: Reminder) -> Reminder:
    how_to = autopay_how_to(loan.platform, loan.platform_kind)
    return Reminder(
        ReminderKind.NO_AUTOPAY, loan.loan_id, loan.ref, loan.platform, loan.platform_kind, due.installment_id,
        due.seq, due.due_on, due.amount_fen, due.days, False,
        Text("开通自动还款", "Switch on autopay"),
        Text(
            f"{loan.platform} 借款 {loan.ref} 还没开自动还款，开了就不会因为忘记而逾期。{how_to.zh_CN}",
            f"{loan.platform} loan {loan.ref} is not on autopay; with it on, a forgotten date cannot make you late. "
            f"{how_to.en}",
        ),
        how_to,
    )  # fmt: skip


_ORDER = {ReminderKind.OVERDUE: 0, ReminderKind.DUE_TODAY: 1, ReminderKind.DUE_SOON: 2, ReminderKind.NO_AUTOPAY: 3}


def reminders_in(snapshot: Snapshot, *, lead_days: int, nudges: bool = True) -> list[Reminder]:
    """Every open installment due within ``lead_days`` of the snapshot date or already past due, overdue first
    (oldest first), then today's, then the coming ones; plus, with ``nudges``, one autopay nudge per loan that has
    such an installment and no autopay."""
    horizon = snapshot.as_of + timedelta(days=lead_days)
    found: list[Reminder] = []
    for loan in snapshot.open_loans:
        first = None
        for inst in loan.installments:
            if inst.settled_on is not None or inst.remaining_fen == 0:
                continue
            if inst.due_on > horizon:
                break
            reminder = _due_reminder(loan, inst, snapshot.as_of, snapshot.grace_days)
            found.append(reminder)
            first = first or reminder
        if nudges and first is not None and not loan.autopay:
            found.append(_autopay_nudge(loan, first))
    return sorted(found, key=lambda r: (_ORDER[r.kind], r.due_on, r.loan_id, r.seq))


def pending_reminders(
    database: Database, *, as_of: date, lead_days: int | None = None, grace_days: int | None = None, nudges: bool = True
) -> list[Reminder]:
    """The reminders for ``as_of`` (lead and grace days from the general settings unless given). Only the loans
    with something due are loaded."""
    general = SettingsStore(database=database).general()
    lead_days = general.reminder_lead_days if lead_days is None else lead_days
    grace_days = general.grace_days if grace_days is None else grace_days
    loan_ids = open_loan_ids(database, as_of=as_of, due_by=as_of + timedelta(days=lead_days))
    if not loan_ids:
        return []
    snapshot = load_book(database, loan_ids=loan_ids).snapshot(as_of, grace_days=grace_days)
    return reminders_in(snapshot, lead_days=lead_days, nudges=nudges)


def take_reminders_to_show(
    database: Database, *, today: date, lead_days: int | None = None, grace_days: int | None = None
) -> list[Reminder]:
    """The reminders not yet shown today, recorded as shown (in one transaction) so that asking again the same
    day gives none of them; tomorrow they come back if still due."""
    candidates = pending_reminders(database, as_of=today, lead_days=lead_days, grace_days=grace_days)
    if not candidates:
        return []  # nothing to record: no write, no wait for the write lock
    try:
        with database.transaction(records=False) as session:
            shown = _record_shown(session, candidates, today)
    except DatabaseBusy:
        return []  # another program is writing: these come back at the next check
    return shown


def _record_shown(session, candidates: list[Reminder], today: date) -> list[Reminder]:
    shown = []
    for reminder in candidates:
        # Insert-or-ignore against the table's unique (installment, kind, day): the row that goes in is the
        # proof this reminder was not shown yet, even if another process (the CLI, a second window) raced us.
        if log_reminder_shown(session, reminder.installment_id, reminder.kind.value, today):
            shown.append(reminder)
    return shown


@dataclass(frozen=True)
class AutopayStatus:
    """A platform's active loans and how many are on autopay, with how to switch it on there."""

    platform: str
    platform_kind: PlatformKind
    active_loans: int
    on_autopay: int
    loan_ids_without: tuple[int, ...]
    how_to: Text

    @property
    def done(self) -> bool:
        return self.on_autopay == self.active_loans


def autopay_by_platform(snapshot: Snapshot) -> list[AutopayStatus]:
    """The autopay checklist: each platform with active loans, those still missing autopay first."""
    by_platform: dict[str, list[Loan]] = {}
    for loan in snapshot.open_loans:
        by_platform.setdefault(loan.platform, []).append(loan)
    rows = [
        AutopayStatus(
            platform,
            loans[0].platform_kind,
            len(loans),
            sum(loan.autopay for loan in loans),
            tuple(loan.loan_id for loan in loans if not loan.autopay),
            autopay_how_to(platform, loans[0].platform_kind),
        )
        for platform, loans in by_platform.items()
    ]
    return sorted(rows, key=lambda row: (row.done, row.platform))
