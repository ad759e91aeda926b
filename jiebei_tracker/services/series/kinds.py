"""The six trend charts, the range presets they share, and which charts a change concerns."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from jiebei_tracker.services.changes import Changes


class ChartKind(StrEnum):
    """The six trend charts."""

    BORROWING = "borrowing"
    ON_TIME = "on_time"
    BALANCE = "balance"
    LIMITS = "limits"
    HEALTH = "health"
    PLATFORMS = "platforms"


class RangePreset(StrEnum):
    """How much of the history the charts show, ending today."""

    SIX_MONTHS = "6m"
    ONE_YEAR = "1y"
    THREE_YEARS = "3y"
    ALL = "all"


_PRESET_LENGTHS = {
    RangePreset.SIX_MONTHS: relativedelta(months=6),
    RangePreset.ONE_YEAR: relativedelta(years=1),
    RangePreset.THREE_YEARS: relativedelta(years=3),
}
MIN_SPAN_DAYS = 31


def preset_span(preset: RangePreset, *, as_of: date, first_day: date | None) -> tuple[date, date]:
    """The days a preset shows: the last 6 months / 1 year / 3 years up to ``as_of``, or everything from
    ``first_day`` (at least a month, so a brand-new history is not squeezed into a sliver)."""
    if preset is RangePreset.ALL:
        start = first_day or as_of - _PRESET_LENGTHS[RangePreset.ONE_YEAR]
        return min(start, as_of - timedelta(days=MIN_SPAN_DAYS)), as_of
    return as_of - _PRESET_LENGTHS[preset], as_of


_ALL_KINDS = frozenset(ChartKind)


def charts_affected(changes: Changes) -> frozenset[ChartKind]:
    """The charts whose numbers a change can move. Loans and repayments move every chart; limits move the limit
    chart and the health score; platform kinds and credit-report notes only the health score (its rules)."""
    if changes.loan_ids or changes.loans_added_or_removed or changes.payments:
        return _ALL_KINDS
    kinds = set()
    if changes.limits:
        kinds |= {ChartKind.LIMITS, ChartKind.HEALTH}
    if changes.platforms or changes.notes:
        kinds.add(ChartKind.HEALTH)
    return frozenset(kinds)
