"""What a ledger call changed, so each view can decide whether it needs to reload (after Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Changes:
    """``loan_ids``: loans whose rows, schedule or repayments changed. The flags say which other areas did.
    ``since`` is the first day on which what the rules see may differ (None: no day; ``date.min``: any): the
    Session fills it in when it applies the Changes to its Book (``services.session``). ``who`` names the ledger
    write that made them (``"log_repayment"``; joined with " + " when Changes are combined)."""

    loan_ids: frozenset[int] = field(default_factory=frozenset)
    loans_added_or_removed: bool = False
    payments: bool = False
    platforms: bool = False
    limits: bool = False
    notes: bool = False
    created_id: int | None = None
    since: date | None = None
    who: str = ""

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            loan_ids=self.loan_ids | other.loan_ids,
            loans_added_or_removed=self.loans_added_or_removed or other.loans_added_or_removed,
            payments=self.payments or other.payments,
            platforms=self.platforms or other.platforms,
            limits=self.limits or other.limits,
            notes=self.notes or other.notes,
            created_id=other.created_id if other.created_id is not None else self.created_id,
            since=min((day for day in (self.since, other.since) if day is not None), default=None),
            who=" + ".join(dict.fromkeys(name for who in (self.who, other.who) for name in who.split(" + ") if name)),
        )

    @property
    def any(self) -> bool:
        return bool(self.loan_ids) or any(
            (self.loans_added_or_removed, self.payments, self.platforms, self.limits, self.notes)
        )


@dataclass(frozen=True)
class RepaymentEdit:
    """What a repayment write did, as rows: undoing it removes ``added_ids`` and puts ``removed`` back."""

    added_ids: tuple[int, ...]
    removed: tuple[dict, ...] = ()

    @property
    def created_id(self) -> int | None:
        return self.added_ids[0] if self.added_ids else None
