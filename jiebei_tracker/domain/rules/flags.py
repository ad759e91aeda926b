"""What a rule says when it fires: severity, article section, the evidence it saw and advice, in zh_CN and en."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from jiebei_tracker.domain.vocabulary import _Labelled


class Severity(_Labelled):
    """How much a flag matters. ``rank`` orders them: critical 3 > high 2 > medium 1 > low 0 (a reminder)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @classmethod
    def _labels(cls):
        return {
            "low": ("提醒", "Reminder"),
            "medium": ("中", "Medium"),
            "high": ("高", "High"),
            "critical": ("严重", "Critical"),
        }

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.LOW: 0, Severity.MEDIUM: 1, Severity.HIGH: 2, Severity.CRITICAL: 3}


@dataclass(frozen=True)
class Text:
    """One message in both languages the app ships."""

    zh_CN: str
    en: str

    def get(self, language: str = "en") -> str:
        return self.zh_CN if language.startswith("zh") else self.en


ARTICLE_TITLE = "借呗额度下降的原因及恢复策略解析"
"""The article the rules come from, by its own (Chinese) title: its causes (原因) and strategies (策略) are the
sections cited."""


def cited(sections, language: str) -> str:
    """The sections as a flag cites them: ``原因 1；策略 3(1)``, or ``Cause 1; Strategy 3(1)``."""
    chinese = language.startswith("zh")
    return ("；" if chinese else "; ").join(s.zh_CN if chinese else s.en for s in sections)


@dataclass(frozen=True)
class Section:
    """A section of the article, cited as ``原因 1 / Cause 1`` or ``策略 1(1) / Strategy 1(1)``."""

    zh_CN: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh_CN} / {self.en}"


CAUSE_1 = Section("原因 1", "Cause 1")  # the user's credit behaviour: overdue, borrowing often, many platforms
CAUSE_2 = Section("原因 2", "Cause 2")  # unusual use of the money: speculation, moving it on
CAUSE_3 = Section("原因 3", "Cause 3")  # the platform's own risk policy
CAUSE_4 = Section("原因 4", "Cause 4")  # negative credit-report records
STRATEGY_1_1 = Section("策略 1(1)", "Strategy 1(1)")  # repay on time, use autopay
STRATEGY_1_2 = Section("策略 1(2)", "Strategy 1(2)")  # few platforms
STRATEGY_2_1 = Section("策略 2(1)", "Strategy 2(1)")  # living costs or business, not speculation; don't move it on
STRATEGY_2_2 = Section("策略 2(2)", "Strategy 2(2)")  # borrow moderately, not too often
STRATEGY_3_1 = Section("策略 3(1)", "Strategy 3(1)")  # settle overdue debts, ask about credit repair
STRATEGY_3_2 = Section("策略 3(2)", "Strategy 3(2)")  # no new negative records, no private lending
STRATEGY_4 = Section("策略 4", "Strategy 4")  # read the platform's notices, supply documents, ask for less


@dataclass(frozen=True)
class EvidenceItem:
    """One record that made a rule fire, with the dates, amounts and counts that matter, and a line of text.

    ``kind`` is ``installment``, ``loan``, ``platform`` or ``note``; the ids say which record it is.
    ``dates``, ``amounts_fen`` and ``counts`` are (name, value) pairs, e.g. ``("due_on", date(...))``.
    """

    kind: str
    text: Text
    loan_id: int | None = None
    installment_id: int | None = None
    seq: int | None = None
    note_id: int | None = None
    platform: str | None = None
    dates: tuple[tuple[str, date], ...] = ()
    amounts_fen: tuple[tuple[str, int], ...] = ()
    counts: tuple[tuple[str, int], ...] = ()

    def __init__(
        self,
        kind: str,
        text: Text,
        loan_id: int | None = None,
        installment_id: int | None = None,
        seq: int | None = None,
        note_id: int | None = None,
        platform: str | None = None,
        dates: tuple[tuple[str, date], ...] = (),
        amounts_fen: tuple[tuple[str, int], ...] = (),
        counts: tuple[tuple[str, int], ...] = (),
    ) -> None:
        # The fields above, set as one dict: a frozen dataclass's own __init__ makes a call per field, and the
        # rules make thousands of items for each month end of a long history. (dataclass keeps a class's own
        # __init__; tests/domain/test_rules.py checks that this one matches the fields.)
        _set(
            self,
            "__dict__",
            {
                "kind": kind,
                "text": text,
                "loan_id": loan_id,
                "installment_id": installment_id,
                "seq": seq,
                "note_id": note_id,
                "platform": platform,
                "dates": dates,
                "amounts_fen": amounts_fen,
                "counts": counts,
            },
        )

    def date(self, name: str) -> date | None:
        return dict(self.dates).get(name)

    def amount_fen(self, name: str) -> int | None:
        return dict(self.amounts_fen).get(name)

    def count(self, name: str) -> int | None:
        return dict(self.counts).get(name)


_set = object.__setattr__


@dataclass(frozen=True)
class Evidence:
    """What a rule saw: a one-sentence summary and the records behind it."""

    summary: Text
    items: tuple[EvidenceItem, ...] = ()

    @property
    def loan_ids(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(i.loan_id for i in self.items if i.loan_id is not None))

    @property
    def note_ids(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(i.note_id for i in self.items if i.note_id is not None))


@dataclass(frozen=True)
class Flag:
    """A rule that fired as of a date: how serious, where in the article, what it saw, what to do."""

    rule: str
    severity: Severity
    article: tuple[Section, ...]
    title: Text
    evidence: Evidence
    advice: Text
    as_of: date

    @property
    def article_text(self) -> str:
        """The sections cited, e.g. ``原因 1 / Cause 1; 策略 3(1) / Strategy 3(1)``."""
        return "; ".join(str(section) for section in self.article)

    def with_severity(self, severity: Severity) -> Flag:
        return replace(self, severity=severity)


def most_serious_first(flags: Iterable[Flag]) -> list[Flag]:
    """Flags by severity, worst first; ties keep their order (the order of docs/health-rules.md)."""
    return sorted(flags, key=lambda flag: -flag.severity.rank)
