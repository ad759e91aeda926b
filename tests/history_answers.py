"""Two versions of a rules ``Book`` compared by what they answer — the snapshots they make of days and the
installment lookups the rules make on those — rather than by what they keep inside: a version patched after a
change, or cut down, must answer as the records read or made afresh do."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from jiebei_tracker.domain.book import Book

_LOOKUPS = ("installments_due_between", "installments_settled_between", "installments_settled_late_between")


def assert_same_answers(got: Book, expected: Book, days: Iterable[date], *, grace_days: int = 0) -> None:
    for day in days:
        mine, theirs = got.snapshot(day, grace_days=grace_days), expected.snapshot(day, grace_days=grace_days)
        assert mine == theirs, day  # the loans as they stood that day, the payments made by then, limits, notes
        assert [mine.is_open(loan) for loan in mine.loans] == [theirs.is_open(loan) for loan in theirs.loans], day
        for lookup in _LOOKUPS:
            assert getattr(mine, lookup)(date.min, date.max) == getattr(theirs, lookup)(date.min, date.max), (
                lookup,
                day,
            )
