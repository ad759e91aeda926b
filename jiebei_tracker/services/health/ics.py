"""Repayment calendar (.ics): every installment of the loans still being repaid, with alarms before and on the day.

Each installment keeps the same UID (``jiebei-<loan id>-<seq>@jiebei-tracker.local``) in every export, so importing
a newer file updates the events already in the user's calendar instead of adding copies. Installments paid that
fell due in the last 90 days stay in the file, marked paid and without alarms, so that the update silences any
alarm an earlier export set for them; older ones are left out (their alarms are long past).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from jiebei_tracker.domain.book import Installment, Loan, Snapshot
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.services.files.private import write_private_file
from jiebei_tracker.storage.book import load_book, open_loan_ids
from jiebei_tracker.storage.database import Database

UID_DOMAIN = "jiebei-tracker.local"
PRODID = "-//Jiebei Tracker//jiebei-tracker 借呗信用健康助手//ZH"
# Alarms ring at 09:00 local time: lead days before, and on the day itself.
ALARM_HOUR = 9
PAID_KEPT_DAYS = 90


def event_uid(loan_id: int, seq: int) -> str:
    return f"jiebei-{loan_id}-{seq}@{UID_DOMAIN}"


def _event(loan: Loan, inst: Installment, *, lead_days: int, language: str, stamp: datetime) -> Event:
    zh = language.startswith("zh")
    paid = inst.settled_on is not None
    amount = format_yuan(inst.total_fen if paid else inst.remaining_fen)
    count = len(loan.installments)
    if zh:
        summary = f"{'已还 ' if paid else ''}{loan.platform} 还款 {amount}（第 {inst.seq}/{count} 期）"
        detail = (
            f"{loan.platform} 借款 {loan.ref}，{loan.borrowed_on.isoformat()} 借入 {format_yuan(loan.principal_fen)}。"
        )
        detail += f"{inst.settled_on.isoformat()} 已还清。" if paid else f"应还 {amount}。"
        if not paid:
            detail += "已开通自动还款，请确认账户余额充足。" if loan.autopay else "未开通自动还款，请记得手动还款。"
    else:
        summary = f"{'Paid: ' if paid else ''}{loan.platform} repayment {amount} ({inst.seq} of {count})"
        detail = f"{loan.platform} loan {loan.ref}, {format_yuan(loan.principal_fen)} borrowed {loan.borrowed_on}. "
        detail += f"Paid in full on {inst.settled_on.isoformat()}." if paid else f"{amount} to pay."
        if not paid:
            detail += " Autopay is on: keep enough in the account." if loan.autopay else " Not on autopay: pay by hand."
    event = Event()
    event.add("uid", event_uid(loan.loan_id, inst.seq))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    # Calendars apply an update to a known UID when its sequence is higher: paid is the one change that matters.
    event.add("sequence", 1 if paid else 0)
    event.add("dtstart", inst.due_on)
    event.add("dtend", inst.due_on + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", detail)
    event.add("categories", ["借呗信用健康助手" if zh else "Jiebei Tracker"])
    event.add("transp", "TRANSPARENT")
    if not paid:
        for trigger in (timedelta(days=-lead_days, hours=ALARM_HOUR), timedelta(hours=ALARM_HOUR)):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", trigger)
            event.add_component(alarm)
    return event


def build_calendar(
    loans: Iterable[Loan],
    *,
    lead_days: int = 3,
    language: str = "en",
    stamp: datetime | None = None,
    paid_since: date | None = None,
) -> bytes:
    """The calendar of the installments of ``loans`` (as they stand in the snapshot they come from): all those
    still open, and the paid ones due on or after ``paid_since`` (all of them when None)."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add(
        "x-wr-calname", "借呗信用健康助手 还款日历" if language.startswith("zh") else "Jiebei Tracker repayments"
    )
    for loan in loans:
        for inst in loan.installments:
            if inst.settled_on is not None and paid_since is not None and inst.due_on < paid_since:
                continue
            calendar.add_component(_event(loan, inst, lead_days=lead_days, language=language, stamp=stamp))
    return calendar.to_ical()


def calendar_loans(snapshot: Snapshot) -> list[Loan]:
    """The loans a repayment calendar covers: those still being repaid on the snapshot date."""
    return list(snapshot.open_loans)


def export_ics(
    database: Database,
    path: Path,
    *,
    as_of: date,
    lead_days: int = 3,
    language: str = "en",
    stamp: datetime | None = None,
    overwrite: bool = False,
) -> int:
    """Write the repayment calendar of the loans being repaid on ``as_of`` to ``path``; returns how many
    installments still to pay it holds. A file already at ``path`` is kept unless ``overwrite`` (``FileProblem``
    then, as for a missing folder; see ``write_private_file``)."""
    snapshot = load_book(database, loan_ids=open_loan_ids(database, as_of=as_of)).snapshot(as_of)
    loans = calendar_loans(snapshot)
    paid_since = as_of - timedelta(days=PAID_KEPT_DAYS)
    write_private_file(
        path,
        build_calendar(loans, lead_days=lead_days, language=language, stamp=stamp, paid_since=paid_since),
        overwrite=overwrite,
    )
    return sum(1 for loan in loans for inst in loan.installments if inst.settled_on is None)
