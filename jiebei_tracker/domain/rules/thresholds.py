"""The numbers the rules compare against, with docs/health-rules.md's defaults; every one is a user setting."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

from jiebei_tracker.domain.errors import InvalidValue


@dataclass(frozen=True)
class Thresholds:
    """Rule thresholds. Names carry their unit (``_days``, ``_months``, ``_count``, ``_percent``, ``_fen``)."""

    # late_history: late repayments count for this long; "high" while the latest is this recent.
    late_window_months: int = 24
    late_recent_months: int = 6
    # borrowing_frequency: this many new loans in any rolling short window, or this many in the long one.
    frequency_short_days: int = 30
    frequency_short_count: int = 3
    frequency_long_days: int = 90
    frequency_long_count: int = 6
    # multi_platform: balances on this many platforms on one day, or this many hard inquiries (applications for a
    # loan or a card, guarantee checks) in the last months — counted from the same day that many months before,
    # as the credit report counts 近3个月.
    platform_count: int = 3
    inquiry_count: int = 3
    inquiry_window_months: int = 3
    # many_inquiries: this many hard inquiries in this many months.
    many_inquiries_count: int = 6
    many_inquiries_months: int = 6
    # risky_purpose: "high" from this share of the platform's limit, or this amount where no limit is known.
    risky_limit_share_percent: int = 50
    risky_amount_fen: int = 2_000_000
    # transfer_out: this many loans moved to other accounts within the window.
    transfer_count: int = 2
    transfer_window_days: int = 90
    # revolving: a new loan taken this many days (or fewer) before another loan's due date.
    revolving_days_before_due: int = 7
    # How long a single loan's use (investment, repaying another loan, a private lender) keeps counting after it
    # was borrowed, when it has been repaid; while it is unpaid it always counts.
    event_memory_days: int = 90
    # Diagnosis: the flags in force this many days before a limit cut are its likely causes.
    diagnosis_window_days: int = 180

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            low, high = _BOUNDS[item.name]
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidValue(item.name, value, "not a whole number")
            if not low <= value <= high:
                raise InvalidValue(item.name, value, f"must be {low} to {high}")
        if self.late_recent_months > self.late_window_months:
            raise InvalidValue("late_recent_months", self.late_recent_months, "cannot exceed late_window_months")

    @property
    def lookback_days(self) -> int:
        """The furthest back any rule looks from its snapshot date (a month counted as 31 days, to be safe): loans
        fully settled before that cannot change any flag."""
        return 1 + max(
            self.late_window_months * 31,
            self.frequency_long_days,
            max(self.inquiry_window_months, self.many_inquiries_months) * 31,
            self.transfer_window_days,
            self.event_memory_days,
        )

    @classmethod
    def from_mapping(cls, values: Mapping[str, object] | None) -> Thresholds:
        """Thresholds from stored settings: missing keys keep their default, unknown keys are ignored
        (a setting left by another version), a bad value raises InvalidValue naming it."""
        known = {item.name for item in fields(cls)}
        return cls(**{key: value for key, value in (values or {}).items() if key in known})

    def to_mapping(self) -> dict[str, int]:
        return asdict(self)


_YEAR = 366
_BOUNDS: dict[str, tuple[int, int]] = {
    "late_window_months": (1, 120),
    "late_recent_months": (0, 120),
    "frequency_short_days": (1, _YEAR),
    "frequency_short_count": (2, 100),
    "frequency_long_days": (1, _YEAR),
    "frequency_long_count": (2, 100),
    "platform_count": (2, 50),
    "inquiry_count": (1, 100),
    "inquiry_window_months": (1, 24),
    "many_inquiries_count": (1, 100),
    "many_inquiries_months": (1, 24),
    "risky_limit_share_percent": (1, 100),
    "risky_amount_fen": (1, 10**12),
    "transfer_count": (1, 100),
    "transfer_window_days": (1, _YEAR),
    "revolving_days_before_due": (0, 60),
    "event_memory_days": (0, 10 * _YEAR),
    "diagnosis_window_days": (1, 10 * _YEAR),
}
