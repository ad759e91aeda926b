"""The rule registry: every rule is a function ``(snapshot, thresholds) -> Finding | None`` registered by its id.
A rule decides once; a ``Finding`` carries the severity it decided and writes its evidence out only when asked, so
the score history (which needs no evidence) runs the very same rules without paying for the words."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.rules.flags import Flag, Section, Severity
from jiebei_tracker.domain.rules.thresholds import Thresholds


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that fired: how severe, and how to write its flag (the evidence and the advice) when it is shown."""

    severity: Severity
    write: Callable[[], Flag]


RuleCheck = Callable[[Snapshot, Thresholds], Finding | None]


@dataclass(frozen=True)
class Rule:
    """A registered rule: its id, the article sections it comes from, the most severe flag it can raise, its check,
    and whether its flag can explain a limit cut (``cause``) or only advises (a reminder, however severe)."""

    rule_id: str
    article: tuple[Section, ...]
    worst: Severity
    check: RuleCheck
    cause: bool = True


# In registration order, which is the order of docs/health-rules.md (the rule modules are imported in that order).
RULES: dict[str, Rule] = {}


def rule(rule_id: str, *article: Section, worst: Severity, cause: bool = True) -> Callable[[RuleCheck], RuleCheck]:
    """Register a rule function under ``rule_id``; adding a rule is writing one decorated function. ``cause=False``:
    its flags advise, and a limit-cut diagnosis lists them as reminders, not as causes."""

    def register(check: RuleCheck) -> RuleCheck:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} is registered twice")
        RULES[rule_id] = Rule(rule_id, tuple(article), worst, check, cause)
        return check

    return register


def run_rules(
    snapshot: Snapshot, thresholds: Thresholds | None = None, *, only: Iterable[str] | None = None
) -> list[Flag]:
    """Every rule's flag (or only those of the rule ids in ``only``) as of the snapshot's date, in docs/health-rules.md
    order; rules that did not fire are left out."""
    thresholds = thresholds or Thresholds()
    wanted = None if only is None else set(only)
    flags = []
    for registered in RULES.values():
        if wanted is not None and registered.rule_id not in wanted:
            continue
        finding = registered.check(snapshot, thresholds)
        if finding is not None:
            flags.append(finding.write())
    return flags


def run_severities(snapshot: Snapshot, thresholds: Thresholds | None = None) -> list[tuple[str, Severity]]:
    """``(rule id, severity)`` of every flag ``run_rules`` gives, in the same order, without writing them."""
    thresholds = thresholds or Thresholds()
    found = []
    for registered in RULES.values():
        finding = registered.check(snapshot, thresholds)
        if finding is not None:
            found.append((registered.rule_id, finding.severity))
    return found
