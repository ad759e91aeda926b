"""The Book: one model of everything the user recorded — loans with their installments (each with what was paid
on it and when it was settled), repayments, credit-limit records and credit-report (征信) notes — and the
``Snapshot`` of it on a day that the rules, the health check, the diagnosis, the reminders, the report and the
charts all read. ``storage.book.load_book`` is its one loader; ``services.session.Session`` keeps one, patched
after each change.
"""

from jiebei_tracker.domain.book.book import Book, first_difference
from jiebei_tracker.domain.book.records import CreditNote, Installment, Loan, Repayment, Repayments
from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.limits import LimitRecord

__all__ = [
    "Book",
    "CreditNote",
    "Installment",
    "LimitRecord",
    "Loan",
    "Repayment",
    "Repayments",
    "Snapshot",
    "first_difference",
]
