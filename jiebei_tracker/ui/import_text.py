"""What an import reports, said in the window's language: a bad cell's place (``loans.csv 第 4 行，“借款日期”列``)
and its reason. The importers word their reasons in English (the command line prints them as they are); each one
they give is listed here with its translation, and those that carry a figure (a date, a range, the choices) are
matched by pattern. A reason not listed is shown as written, so nothing the file got wrong is ever hidden."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from jiebei_tracker.importers.columns import COLUMNS
from jiebei_tracker.importers.errors import RowError, error_report
from jiebei_tracker.qt_text import display_language

# The value a reason quotes first (``'2024-02-30': no such day``), in Python's repr quotes.
_QUOTED = re.compile(r"""^(?P<quote>['"])(?P<value>.*?)(?P=quote): (?P<rest>.*)$""", re.S)


def _known() -> dict[str, str]:
    """Every fixed reason the importers give, with its translation (each call spelled out with its literal, which is
    what the translation tools read)."""
    return {
        "is empty": QCoreApplication.translate("ImportReason", "is empty"),
        "not a date (e.g. 2024-03-05, 2024/3/5, 2024年3月5日)": QCoreApplication.translate(
            "ImportReason", "not a date (e.g. 2024-03-05, 2024/3/5, 2024年3月5日)"
        ),
        "not an amount of money (e.g. 12000, 12,000.50, ¥1,234.50)": QCoreApplication.translate(
            "ImportReason", "not an amount of money (e.g. 12000, 12,000.50, ¥1,234.50)"
        ),
        "not an amount of money": QCoreApplication.translate("ImportReason", "not an amount of money"),
        "more than two decimal places (the smallest unit is 0.01 yuan)": QCoreApplication.translate(
            "ImportReason", "more than two decimal places (the smallest unit is 0.01 yuan)"
        ),
        "must be more than zero": QCoreApplication.translate("ImportReason", "must be more than zero"),
        "cannot be negative": QCoreApplication.translate("ImportReason", "cannot be negative"),
        "not a rate (e.g. 9.12%, 0.0912, or daily 0.03%)": QCoreApplication.translate(
            "ImportReason", "not a rate (e.g. 9.12%, 0.0912, or daily 0.03%)"
        ),
        "not a rate": QCoreApplication.translate("ImportReason", "not a rate"),
        "a rate cannot be negative": QCoreApplication.translate("ImportReason", "a rate cannot be negative"),
        "is in the future": QCoreApplication.translate("ImportReason", "is in the future"),
        "not yes or no (是/否, Y/N, true/false, 1/0)": QCoreApplication.translate(
            "ImportReason", "not yes or no (是/否, Y/N, true/false, 1/0)"
        ),
        "not yes or no (是/否, Y/N, true/false, 1/0), nor a date": QCoreApplication.translate(
            "ImportReason", "not yes or no (是/否, Y/N, true/false, 1/0), nor a date"
        ),
        "not a number of months (e.g. 12, 12期, 12个月)": QCoreApplication.translate(
            "ImportReason", "not a number of months (e.g. 12, 12期, 12个月)"
        ),
        "not a whole number (e.g. 3)": QCoreApplication.translate("ImportReason", "not a whole number (e.g. 3)"),
        "name the platform (e.g. 借呗)": QCoreApplication.translate("ImportReason", "name the platform (e.g. 借呗)"),
        "not a multiplier (e.g. 1.5, or 150%)": QCoreApplication.translate(
            "ImportReason", "not a multiplier (e.g. 1.5, or 150%)"
        ),
        "says not resolved, but a resolved date is given": QCoreApplication.translate(
            "ImportReason", "says not resolved, but a resolved date is given"
        ),
        "only an inquiry (查询记录) has a reason": QCoreApplication.translate(
            "ImportReason", "only an inquiry (查询记录) has a reason"
        ),
        "more cells than the header row has columns (a separator?)": QCoreApplication.translate(
            "ImportReason", "more cells than the header row has columns (a separator?)"
        ),
    }


def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Reasons that carry a figure: the pattern, and the translation with ``{0}``, ``{1}`` for its groups."""
    return [
        (re.compile(r"^no such day(: .*)?$"), QCoreApplication.translate("ImportReason", "no such day")),
        (re.compile(r"^is before (\S+)$"), QCoreApplication.translate("ImportReason", "is before {0}")),
        (
            re.compile(r"^is in the future \(today is (\S+)\)$"),
            QCoreApplication.translate("ImportReason", "is in the future (today is {0})"),
        ),
        (
            re.compile(r"^must be (\d+) to (\d+) months$"),
            QCoreApplication.translate("ImportReason", "must be {0} to {1} months"),
        ),
        (re.compile(r"^not one of: (.*)$", re.S), QCoreApplication.translate("ImportReason", "not one of: {0}")),
        (
            re.compile(r"^must be 0 to (\S+) times the daily rate$"),
            QCoreApplication.translate("ImportReason", "must be 0 to {0} times the daily rate"),
        ),
        (
            re.compile(r"^(\S+%) a year is beyond any real loan.*$"),
            QCoreApplication.translate("ImportReason", "{0} a year is beyond any real loan"),
        ),
        (re.compile(r"^cannot be read as (.*)$"), QCoreApplication.translate("ImportReason", "cannot be read as {0}")),
        (
            re.compile(r"^(\S+%) a year is unusual — did you mean a daily rate\?.*$", re.S),
            QCoreApplication.translate(
                "ImportReason",
                "{0} a year is unusual — did you mean a daily rate? Put it in the daily rate column, or write it as "
                "{0} a day",
            ),
        ),
    ]


def _missing_columns() -> list[tuple[re.Pattern[str], str]]:
    """The columns a file lacks: the pattern, and the translation; the columns are named as Chinese heads them."""
    return [
        (
            re.compile(r"^missing column 'annual_rate' \(.*\) or 'daily_rate' \(.*\)$"),
            QCoreApplication.translate("ImportReason", "no column “{annual_rate}” nor “{daily_rate}”"),
        ),
        (
            re.compile(r"^missing column 'loan_id' \(.*\), or all of .* to find the loan \(no (.*)\)$"),
            QCoreApplication.translate(
                "ImportReason",
                "no column “{loan_id}”, nor all of “{platform}”, “{borrowed_on}” and “{principal}” to find the loan "
                "by (missing: {0})",
            ),
        ),
        # After the two above, which also start so.
        (
            re.compile(r"^missing column '(\w+)' \(.*\)$"),
            QCoreApplication.translate("ImportReason", "no column “{0}”"),
        ),
    ]


def column_word(name: str) -> str:
    """A column's name as a Chinese spreadsheet heads it (``borrowed_on`` → 借款日期): its first Chinese alias."""
    for columns in COLUMNS.values():
        for column in columns:
            if column.name == name:
                return next((alias for alias in column.aliases if _CJK.search(alias)), name)
    return name


_CJK = re.compile(r"[\u4e00-\u9fff]")


def reason_text(reason: str) -> str:
    """``reason`` in the window's language (as written when it is English, or not one the importers give)."""
    if not display_language().startswith("zh"):
        return reason
    quoted = _QUOTED.match(reason)
    if quoted:
        return QCoreApplication.translate("ImportReason", "“{value}”: {reason}").format(
            value=quoted["value"], reason=reason_text(quoted["rest"])
        )
    known = _known().get(reason)
    if known is not None:
        return known
    for pattern, said in _patterns():
        match = pattern.match(reason)
        if match:
            return said.format(*match.groups())
    for pattern, said in _missing_columns():
        match = pattern.match(reason)
        if match:
            names = ["、".join(column_word(name) for name in group.split(", ")) for group in match.groups()]
            return said.format(*names, **{name: column_word(name) for name in _NAMED})
    return reason


_NAMED = ("annual_rate", "daily_rate", "loan_id", "platform", "borrowed_on", "principal")


def problem_text(message: str) -> str:
    """A whole-file problem (``loans.csv:3: missing column …; missing column …``, an ImportFailure's message) in
    the window's language: its place, then each of its reasons."""
    if not display_language().startswith("zh") or not message:
        return message
    where = _WHERE.match(message)
    if where is None:
        return "；".join(reason_text(part) for part in _reasons(message))
    reasons = "；".join(reason_text(part) for part in _reasons(where["reason"]))
    if where["line"] is None:
        return QCoreApplication.translate("ImportReason", "{file}: {reason}").format(file=where["file"], reason=reasons)
    return QCoreApplication.translate("ImportReason", "{file} line {line}: {reason}").format(
        file=where["file"], line=where["line"], reason=reasons
    )


def _reasons(text: str) -> list[str]:
    """The reasons a whole-file problem joins with "; " (the columns missing), each whole (a reason may hold "; ")."""
    return re.split(r"; (?=missing column )", text)


# ``FILE: reason`` or ``FILE:LINE: reason``: the file's name runs to the first ": " (or ":LINE: ").
_WHERE = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+))?: (?P<reason>.*)$", re.S)


def row_error_text(error: RowError, file_name: str) -> str:
    """A bad cell's place and reason: ``loans.csv:4: column '借款日期': …``, or in Chinese
    ``loans.csv 第 4 行，“借款日期”列：…``."""
    if not display_language().startswith("zh"):
        return error.message(file_name)
    return QCoreApplication.translate("ImportReason", "{file} line {line}, column “{column}”: {reason}").format(
        file=file_name, line=error.line, column=error.column, reason=reason_text(error.reason)
    )


def error_lines(errors: Iterable[RowError], file_name: str, *, total: int | None = None) -> list[str]:
    """The first errors of a file, each as ``row_error_text`` says it, then how many more there are."""

    def more(name: str, hidden: int, all_of_them: int) -> str:
        return QCoreApplication.translate("ImportReason", "{file}: … and {count} more errors ({total} in all)").format(
            file=name, count=hidden, total=all_of_them
        )

    return error_report(errors, file_name, total=total, message=row_error_text, more=more)
