"""How the hover read-outs write months and shares, in the display language."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from jiebei_tracker.qt_text import display_language


def month_name(month: date) -> str:
    """A month as people say it: 2026年3月 / Mar 2026."""
    if display_language() == "zh_CN":
        return f"{month.year}年{month.month}月"
    return f"{QLocale(QLocale.Language.English).monthName(month.month, QLocale.FormatType.ShortFormat)} {month.year}"


def percent(part: int, whole: int) -> str:
    """A share for reading (not money): one decimal place."""
    return f"{100 * part / whole:.1f}%" if whole else "—"
