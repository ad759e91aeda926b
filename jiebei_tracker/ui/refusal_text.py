"""What the app refuses, said in the reader's language: a value the ledger or a form will not take
(``'2024-02-30': no such day``), and what an import reports: a bad cell's place
(``loans.csv 第 4 行，“借款日期”列``) and its reason.

The domain, the ledger and the importers word their reasons in English; each one a person can meet is listed
here with its Chinese (context ``Refusal`` of the translation file), and those that carry a figure (a date, an
amount, a range, the choices) are matched by pattern. A reason not listed is shown as written, so nothing is ever
hidden. The window reads the translators it installed (``lang=None``: the window's language); the command line,
which has no Qt application, asks for ``zh_CN`` and gets the same file read by a translator of its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTranslator

from jiebei_tracker.domain.dates import MONTH_NAMES
from jiebei_tracker.importers.columns import COLUMNS
from jiebei_tracker.importers.errors import RowError, error_report
from jiebei_tracker.ui.i18n import translations_folder

# A source text → its translation in context ``Refusal`` (the source itself when it has none).
Say = Callable[[str], str]

# The value a reason quotes first (``'2024-02-30': no such day``), in Python's repr quotes.
_QUOTED = re.compile(r"""^(?P<quote>['"])(?P<value>.*?)(?P=quote): (?P<rest>.*)$""", re.S)


def _window_say(text: str) -> str:
    return QCoreApplication.translate("Refusal", text)


@functools.cache
def _file_say(language: str) -> Say:
    """The translation file of ``language`` read by a translator of its own: no application, nothing installed."""
    translator = QTranslator()
    data = (translations_folder() / f"jiebei_tracker_{language}.qm").read_bytes()
    translator.load(data)

    def say(text: str, _data: bytes = data) -> str:  # the translator reads ``data`` in place: keep it alive
        return translator.translate("Refusal", text) or text

    return say


def _say(lang: str | None) -> Say | None:
    """How to say a text in ``lang`` (None: the window's language), or None for English, the texts' own. The
    window's language is asked of ``qt_text``, which loads Qt's widgets: only the window asks, so the command line
    needs QtCore alone (no graphics libraries on a server)."""
    if lang is None:
        from jiebei_tracker.qt_text import display_language

        return _window_say if display_language().startswith("zh") else None
    return _file_say("zh_CN") if lang.startswith("zh") else None


# Every fixed reason a person can meet.
KNOWN = (
    # values as typed or read from a file
    QT_TRANSLATE_NOOP("Refusal", "is empty"),
    QT_TRANSLATE_NOOP("Refusal", "not a date (e.g. 2024-03-05, 2024/3/5, 2024年3月5日)"),
    QT_TRANSLATE_NOOP("Refusal", "not an amount of money (e.g. 12000, 12,000.50, ¥1,234.50)"),
    QT_TRANSLATE_NOOP("Refusal", "not an amount of money"),
    QT_TRANSLATE_NOOP("Refusal", "more than two decimal places (the smallest unit is 0.01 yuan)"),
    QT_TRANSLATE_NOOP("Refusal", "must be more than zero"),
    QT_TRANSLATE_NOOP("Refusal", "cannot be negative"),
    QT_TRANSLATE_NOOP("Refusal", "not a rate (e.g. 9.12%, 0.0912, or daily 0.03%)"),
    QT_TRANSLATE_NOOP("Refusal", "not a rate"),
    QT_TRANSLATE_NOOP("Refusal", "a rate cannot be negative"),
    QT_TRANSLATE_NOOP("Refusal", "is in the future"),
    QT_TRANSLATE_NOOP("Refusal", "not yes or no (是/否, Y/N, true/false, 1/0)"),
    QT_TRANSLATE_NOOP("Refusal", "not yes or no (是/否, Y/N, true/false, 1/0), nor a date"),
    QT_TRANSLATE_NOOP("Refusal", "not a number of months (e.g. 12, 12期, 12个月)"),
    QT_TRANSLATE_NOOP("Refusal", "not a whole number (e.g. 3)"),
    QT_TRANSLATE_NOOP("Refusal", "not a whole number"),
    QT_TRANSLATE_NOOP("Refusal", "name the platform (e.g. 借呗)"),
    QT_TRANSLATE_NOOP("Refusal", "not a multiplier (e.g. 1.5, or 150%)"),
    QT_TRANSLATE_NOOP("Refusal", "says not resolved, but a resolved date is given"),
    QT_TRANSLATE_NOOP("Refusal", "only an inquiry (查询记录) has a reason"),
    QT_TRANSLATE_NOOP("Refusal", "more cells than the header row has columns (a separator?)"),
    QT_TRANSLATE_NOOP("Refusal", "give the date"),
    QT_TRANSLATE_NOOP("Refusal", "must be less than the principal"),
    QT_TRANSLATE_NOOP("Refusal", "give a fee per installment or a monthly fee rate, not both"),
    QT_TRANSLATE_NOOP("Refusal", "interest-free days need interest by the day"),
    # what the ledger will not do
    QT_TRANSLATE_NOOP("Refusal", "no loan has this id or number (see `jiebei-tracker loans`)"),
    QT_TRANSLATE_NOOP("Refusal", "no such loan"),
    QT_TRANSLATE_NOOP("Refusal", "no such repayment"),
    QT_TRANSLATE_NOOP("Refusal", "no such repayment (changed since)"),
    QT_TRANSLATE_NOOP("Refusal", "no such credit-report note"),
    QT_TRANSLATE_NOOP("Refusal", "no such limit record"),
    QT_TRANSLATE_NOOP("Refusal", "no such import (`imports` lists them)"),
    QT_TRANSLATE_NOOP("Refusal", "say what the credit report shows"),
    QT_TRANSLATE_NOOP("Refusal", "give the platform's name"),
    QT_TRANSLATE_NOOP("Refusal", "is settled already"),
    QT_TRANSLATE_NOOP("Refusal", "is settled: no installment is left to pay late"),
    QT_TRANSLATE_NOOP("Refusal", "a repayment is recorded after this day"),
    QT_TRANSLATE_NOOP("Refusal", "a repayment with this reference was recorded since"),
    QT_TRANSLATE_NOOP("Refusal", "the last installment's principal is what is left"),
    QT_TRANSLATE_NOOP("Refusal", "more than the loan has left"),
    QT_TRANSLATE_NOOP("Refusal", "the rebuilt schedule does not take the repayments recorded"),
    QT_TRANSLATE_NOOP("Refusal", "its repayments no longer fit the schedule (changed since)"),
    QT_TRANSLATE_NOOP("Refusal", "no longer exists"),
    QT_TRANSLATE_NOOP("Refusal", "is empty: give the annual rate (年化利率) or the daily rate (日利率)"),
    # files
    QT_TRANSLATE_NOOP("Refusal", "the file changed since it was checked; check it again"),
    QT_TRANSLATE_NOOP("Refusal", "already exists; choose a new file name"),
    QT_TRANSLATE_NOOP("Refusal", "already exists; choose an empty folder, or overwrite"),
    # what the system says of a file it cannot open (its strerror)
    QT_TRANSLATE_NOOP("Refusal", "No such file or directory"),
    QT_TRANSLATE_NOOP("Refusal", "Permission denied"),
    QT_TRANSLATE_NOOP("Refusal", "Is a directory"),
    # a list with nothing in it
    QT_TRANSLATE_NOOP("Refusal", "none yet"),
)


def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Reasons that carry a figure: the pattern, and the text whose translation has ``{0}``, ``{1}`` for its
    groups. More particular patterns come before the general ones they would also match."""
    return [
        (
            re.compile(r"^no such day: there is no month (-?\d+)$"),
            QT_TRANSLATE_NOOP("Refusal", "no such day: there is no month {0}"),
        ),
        (re.compile(r"^no such day(?:: .*)?$"), QT_TRANSLATE_NOOP("Refusal", "no such day")),
        (re.compile(r"^is before (\S+)$"), QT_TRANSLATE_NOOP("Refusal", "is before {0}")),
        (
            re.compile(r"^is in the future \(today is (\S+)\)$"),
            QT_TRANSLATE_NOOP("Refusal", "is in the future (today is {0})"),
        ),
        (re.compile(r"^must be (\d+) to (\d+) months$"), QT_TRANSLATE_NOOP("Refusal", "must be {0} to {1} months")),
        (re.compile(r"^must be (\d+) to (\d+) days$"), QT_TRANSLATE_NOOP("Refusal", "must be {0} to {1} days")),
        (
            re.compile(r"^must be 0 to (\d+) \(the loan has \d+ installments\)$"),
            QT_TRANSLATE_NOOP("Refusal", "must be 0 to {0} (the loan has {0} installments)"),
        ),
        (re.compile(r"^not one of: (.*)$", re.S), QT_TRANSLATE_NOOP("Refusal", "not one of: {0}")),
        (
            re.compile(r"^must be 0 to (\S+) times the daily rate$"),
            QT_TRANSLATE_NOOP("Refusal", "must be 0 to {0} times the daily rate"),
        ),
        (
            re.compile(r"^must be 0 to 10% of the principal a month — did you mean (\S+)%\?$"),
            QT_TRANSLATE_NOOP("Refusal", "must be 0 to 10% of the principal a month — did you mean {0}%?"),
        ),
        (
            re.compile(r"^must be 0 to 10% of the principal a month$"),
            QT_TRANSLATE_NOOP("Refusal", "must be 0 to 10% of the principal a month"),
        ),
        (re.compile(r"^must be (\S+) to (\S+)$"), QT_TRANSLATE_NOOP("Refusal", "must be {0} to {1}")),
        (
            re.compile(r"^(\S+%) a year is beyond any real loan — did you mean a percentage, e\.g\. 0\.05%\?$"),
            QT_TRANSLATE_NOOP("Refusal", "{0} a year is beyond any real loan — did you mean a percentage, e.g. 0.05%?"),
        ),
        (
            re.compile(r"^(\S+%) a year is beyond any real loan.*$"),
            QT_TRANSLATE_NOOP("Refusal", "{0} a year is beyond any real loan"),
        ),
        (
            re.compile(r"^cannot be read as (.+?) \(byte (0x[0-9a-f]{2})\); try another encoding$"),
            QT_TRANSLATE_NOOP("Refusal", "cannot be read as {0} (byte {1}); try another encoding"),
        ),
        (
            re.compile(r"^cannot be read as (.+?) \(it is (.+?)\); try another encoding$"),
            QT_TRANSLATE_NOOP("Refusal", "cannot be read as {0} (it is {1}); try another encoding"),
        ),
        (
            re.compile(r"^not text in UTF-8, GBK/GB18030 or UTF-16 \(byte (0x[0-9a-f]{2})\); .*$"),
            QT_TRANSLATE_NOOP(
                "Refusal",
                "not text in UTF-8, GBK/GB18030 or UTF-16 (byte {0}); if you know the encoding, choose it",
            ),
        ),
        (
            re.compile(r"^this (row|line) is in (\S+) but the file is (\S+); save the whole file in one encoding$"),
            QT_TRANSLATE_NOOP("Refusal", "this {0} is in {1} but the file is {2}; save the whole file in one encoding"),
        ),
        (re.compile(r"^cannot be read as (.*)$"), QT_TRANSLATE_NOOP("Refusal", "cannot be read as {0}")),
        (
            re.compile(r"^(\S+%) a day is unusual — did you mean an annual rate\?.*$", re.S),
            QT_TRANSLATE_NOOP(
                "Refusal",
                "{0} a day is unusual — did you mean an annual rate? Put it in the annual rate column, or write it "
                "as {0} a year",
            ),
        ),
        (
            re.compile(r"^(\S+%) a year is unusual — did you mean a daily rate\?.*$", re.S),
            QT_TRANSLATE_NOOP(
                "Refusal",
                "{0} a year is unusual — did you mean a daily rate? Put it in the daily rate column, or write it as "
                "{0} a day",
            ),
        ),
        (re.compile(r"^cannot read the file \((.*)\)$"), QT_TRANSLATE_NOOP("Refusal", "cannot read the file ({0})")),
        # the ledger's
        (
            re.compile(r"^is before the loan was taken \((\S+)\)$"),
            QT_TRANSLATE_NOOP("Refusal", "is before the loan was taken ({0})"),
        ),
        (
            re.compile(r"^is after a repayment already recorded on (\S+)$"),
            QT_TRANSLATE_NOOP("Refusal", "is after a repayment already recorded on {0}"),
        ),
        (
            re.compile(r"^more than the (\S+) left to pay on loan #(\d+) \(use payoff to settle early\)$"),
            QT_TRANSLATE_NOOP("Refusal", "more than the {0} left to pay on loan #{1} (use payoff to settle early)"),
        ),
        (
            re.compile(r"^more than is left to pay on loan #(\d+)$"),
            QT_TRANSLATE_NOOP("Refusal", "more than is left to pay on loan #{0}"),
        ),
        (
            re.compile(r"^would pay (\S+) more than loan #(\d+) owes$"),
            QT_TRANSLATE_NOOP("Refusal", "would pay {0} more than loan #{1} owes"),
        ),
        (
            re.compile(r"^is paid on loan #(\d+) beyond everything its schedule asks for$"),
            QT_TRANSLATE_NOOP("Refusal", "is paid on loan #{0} beyond everything its schedule asks for"),
        ),
        (re.compile(r"^loan #(\d+) is already settled$"), QT_TRANSLATE_NOOP("Refusal", "loan #{0} is already settled")),
        (re.compile(r"^already used by loan #(\d+)$"), QT_TRANSLATE_NOOP("Refusal", "already used by loan #{0}")),
        (
            re.compile(r"^loan #(\d+) has installments 1 to (\d+)$"),
            QT_TRANSLATE_NOOP("Refusal", "loan #{0} has installments 1 to {1}"),
        ),
        (
            re.compile(r"^installment (\d+) \(due (\S+)\) is still open: pay it first$"),
            QT_TRANSLATE_NOOP("Refusal", "installment {0} (due {1}) is still open: pay it first"),
        ),
        (
            re.compile(r"^no more than the (\S+) interest accrued since (\S+): nothing would go to the principal$"),
            QT_TRANSLATE_NOOP(
                "Refusal", "no more than the {0} interest accrued since {1}: nothing would go to the principal"
            ),
        ),
        (
            re.compile(r"^repays all the (\S+) principal left: pay the loan off early instead$"),
            QT_TRANSLATE_NOOP("Refusal", "repays all the {0} principal left: pay the loan off early instead"),
        ),
        (
            re.compile(
                r"^the repayments already recorded are (\S+) more than the new schedule asks for; delete some "
                r"repayments first$"
            ),
            QT_TRANSLATE_NOOP(
                "Refusal",
                "the repayments already recorded are {0} more than the new schedule asks for; delete some repayments "
                "first",
            ),
        ),
        (
            re.compile(r"^the repayments already recorded on loan #(\d+) are (\S+) more than this plan asks for$"),
            QT_TRANSLATE_NOOP(
                "Refusal", "the repayments already recorded on loan #{0} are {1} more than this plan asks for"
            ),
        ),
        (
            re.compile(r"^the principals must add up to the loan's (\S+)$"),
            QT_TRANSLATE_NOOP("Refusal", "the principals must add up to the loan's {0}"),
        ),
        (
            re.compile(r"^a part prepayment \(提前还部分\): loan #(\d+)'s schedule was rebuilt around it, .*$", re.S),
            QT_TRANSLATE_NOOP(
                "Refusal",
                "a part prepayment (提前还部分): loan #{0}'s schedule was rebuilt around it, so it cannot be edited or "
                "deleted on its own. Take it back with Undo (Ctrl+Z) right after making it, or edit the loan's terms, "
                "which builds its schedule again",
            ),
        ),
        (re.compile(r"^was already undone on (\S+)$"), QT_TRANSLATE_NOOP("Refusal", "was already undone on {0}")),
        (
            re.compile(
                r"^(\d+) loans? ha(?:s|ve) (\d+) installments? already due, and the file does not say whether they "
                r"were repaid; nothing was imported\. Say so with --past paid .*$",
                re.S,
            ),
            QT_TRANSLATE_NOOP(
                "Refusal",
                "{0} loans have {1} installments already due, and the file does not say whether they were repaid; "
                "nothing was imported. Say so with --past paid (repaid on schedule up to today) or --past unpaid (not "
                "repaid: overdue), or add a status (状态) or paid_installments (已还期数) column",
            ),
        ),
        (
            re.compile(r"^does not clear the loans in (\d+) months$"),
            QT_TRANSLATE_NOOP("Refusal", "does not clear the loans in {0} months"),
        ),
        # an imported file's rows
        (
            re.compile(r"^is used again \(first on line (\d+)\)$"),
            QT_TRANSLATE_NOOP("Refusal", "is used again (first on line {0})"),
        ),
        (
            re.compile(r"^no loan matches (.+), borrowed (\S+), (\S+) \(import the loans first\)$"),
            QT_TRANSLATE_NOOP("Refusal", "no loan matches {0}, borrowed {1}, {2} (import the loans first)"),
        ),
        (
            re.compile(r"^no loan has this id \(import the loans first\)$"),
            QT_TRANSLATE_NOOP("Refusal", "no loan has this id (import the loans first)"),
        ),
        (
            re.compile(r"^(\d+) is more than the loan's (\d+) installments$"),
            QT_TRANSLATE_NOOP("Refusal", "{0} is more than the loan's {1} installments"),
        ),
        (
            re.compile(r"^installment (\d+) falls due on (\S+), after today \((\S+)\)$"),
            QT_TRANSLATE_NOOP("Refusal", "installment {0} falls due on {1}, after today ({2})"),
        ),
        (
            re.compile(r"^no such platform \(known: (.*)\)$"),
            QT_TRANSLATE_NOOP("Refusal", "no such platform (known: {0})"),
        ),
    ]


def _missing_columns() -> list[tuple[re.Pattern[str], str]]:
    """The columns a file lacks: the pattern, and the text; the columns are named as Chinese heads them."""
    return [
        (
            re.compile(r"^missing column 'annual_rate' \(.*\) or 'daily_rate' \(.*\)$"),
            QT_TRANSLATE_NOOP("Refusal", "no column “{annual_rate}” nor “{daily_rate}”"),
        ),
        (
            re.compile(r"^missing column 'loan_id' \(.*\), or all of .* to find the loan \(no (.*)\)$"),
            QT_TRANSLATE_NOOP(
                "Refusal",
                "no column “{loan_id}”, nor all of “{platform}”, “{borrowed_on}” and “{principal}” to find the loan "
                "by (missing: {0})",
            ),
        ),
        # After the two above, which also start so.
        (re.compile(r"^missing column '(\w+)' \(.*\)$"), QT_TRANSLATE_NOOP("Refusal", "no column “{0}”")),
    ]


def column_word(name: str) -> str:
    """A column's name as a Chinese spreadsheet heads it (``borrowed_on`` → 借款日期): its first Chinese alias."""
    for columns in COLUMNS.values():
        for column in columns:
            if column.name == name:
                return next((alias for alias in column.aliases if _CJK.search(alias)), name)
    return name


_CJK = re.compile(r"[\u4e00-\u9fff]")


def reason_text(reason: str, lang: str | None = None) -> str:
    """``reason`` in ``lang`` (None: the window's language); as written in English, or when it is not listed."""
    say = _say(lang)
    return reason if say is None else _said(reason, say)


def _said(reason: str, say: Say) -> str:
    quoted = _QUOTED.match(reason)
    if quoted:
        return say(QT_TRANSLATE_NOOP("Refusal", "“{value}”: {reason}")).format(
            value=quoted["value"], reason=_said(quoted["rest"], say)
        )
    if reason in _KNOWN:
        return say(reason)
    month = _MONTH_TOO_SHORT.match(reason)
    if month:
        return say(QT_TRANSLATE_NOOP("Refusal", "no such day: {month}/{year} has {days} days")).format(
            month=MONTH_NAMES.index(month["month"]) + 1, year=month["year"], days=month["days"]
        )
    for pattern, text in _patterns():
        match = pattern.match(reason)
        if match:
            return say(text).format(*(_figure(group, say) for group in match.groups()))
    for pattern, text in _missing_columns():
        match = pattern.match(reason)
        if match:
            names = ["、".join(column_word(name) for name in group.split(", ")) for group in match.groups()]
            return say(text).format(*names, **{name: column_word(name) for name in _NAMED})
    return reason


_KNOWN = frozenset(KNOWN)


def _figure(group: str, say: Say) -> str:
    """A figure a reason carries, as the translation shows it: a reason itself (the system's, in ``cannot read the
    file (…)``) is said too, and a list (``known: 借呗, 微粒贷``; ``bullet (到期还本付息), …``) is written as Chinese
    writes one (借呗、微粒贷; bullet（到期还本付息）、…)."""
    if group in _KNOWN:
        return say(group)
    if not _CJK.search(group):
        return group
    return _ASIDE.sub(r"（\1）", group).replace(", ", "、")


_ASIDE = re.compile(r" \(([^()]*)\)")


_MONTH_TOO_SHORT = re.compile(
    rf"^no such day: (?P<month>{'|'.join(MONTH_NAMES)}) (?P<year>\d+) has (?P<days>\d+) days$"
)
_NAMED = ("annual_rate", "daily_rate", "loan_id", "platform", "borrowed_on", "principal")


def problem_text(message: str, lang: str | None = None) -> str:
    """A whole-file problem (``loans.csv:3: missing column …; missing column …``, an ImportFailure's message) in
    ``lang`` (None: the window's language): its place, then each of its reasons."""
    say = _say(lang)
    if say is None or not message:
        return message
    where = _WHERE.match(message)
    if where is None:
        return "；".join(_said(part, say) for part in _reasons(message))
    reasons = "；".join(_said(part, say) for part in _reasons(where["reason"]))
    if where["line"] is None:
        return say(QT_TRANSLATE_NOOP("Refusal", "{file}: {reason}")).format(file=where["file"], reason=reasons)
    return say(QT_TRANSLATE_NOOP("Refusal", "{file} line {line}: {reason}")).format(
        file=where["file"], line=where["line"], reason=reasons
    )


def _reasons(text: str) -> list[str]:
    """The reasons a whole-file problem joins with "; " (the columns missing), each whole (a reason may hold "; ")."""
    return re.split(r"; (?=missing column )", text)


# ``FILE: reason`` or ``FILE:LINE: reason``: the file's name runs to the first ": " (or ":LINE: ").
_WHERE = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+))?: (?P<reason>.*)$", re.S)


def row_error_text(error: RowError, file_name: str, lang: str | None = None) -> str:
    """A bad cell's place and reason: ``loans.csv:4: column '借款日期': …``, or in Chinese
    ``loans.csv 第 4 行，“借款日期”列：…``."""
    say = _say(lang)
    if say is None:
        return error.message(file_name)
    return say(QT_TRANSLATE_NOOP("Refusal", "{file} line {line}, column “{column}”: {reason}")).format(
        file=file_name, line=error.line, column=error.column, reason=_said(error.reason, say)
    )


def error_lines(
    errors: Iterable[RowError], file_name: str, *, total: int | None = None, lang: str | None = None
) -> list[str]:
    """The first errors of a file, each as ``row_error_text`` says it, then how many more there are."""
    say = _say(lang)
    if say is None:
        return error_report(errors, file_name, total=total)

    def more(name: str, hidden: int, all_of_them: int) -> str:
        return say(QT_TRANSLATE_NOOP("Refusal", "{file}: … and {count} more errors ({total} in all)")).format(
            file=name, count=hidden, total=all_of_them
        )

    def message(error: RowError, name: str) -> str:
        return row_error_text(error, name, lang)

    return error_report(errors, file_name, total=total, message=message, more=more)
