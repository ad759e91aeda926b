"""The rule registry: every rule is a function ``(snapshot, thresholds) -> Flag | None`` registered by its id, and
may have a quicker twin ``(snapshot, thresholds) -> Severity | None`` that decides the same without the evidence."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from jiebei_tracker.domain.rules.flags import Flag, Section, Severity
from jiebei_tracker.domain.rules.snapshot import Snapshot
from jiebei_tracker.domain.rules.thresholds import Thresholds

RuleCheck = Callable[[Snapshot, Thresholds], Flag | None]
SeverityCheck = Callable[[Snapshot, Thresholds], Severity | None]


@dataclass(frozen=True)
class Rule:
    """A registered rule: its id, the article sections it comes from, the most severe flag it can raise,
    its check, and (for rules whose evidence is costly to write out) a check of the severity alone."""

    rule_id: str
    article: tuple[Section, ...]
    worst: Severity
    check: RuleCheck
    severity: SeverityCheck | None = None


# In registration order, which is the order of RULES.md (the rule modules are imported in that order).
RULES: dict[str, Rule] = {}


def rule(rule_id: str, *article: Section, worst: Severity) -> Callable[[RuleCheck], RuleCheck]:
    """Register a rule function under ``rule_id``; adding a rule is writing one decorated function."""

    def register(check: RuleCheck) -> RuleCheck:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} is registered twice")
        RULES[rule_id] = Rule(rule_id, tuple(article), worst, check)
        return check

    return register


def severity_of(rule_id: str) -> Callable[[SeverityCheck], SeverityCheck]:
    """Register the severity-only check of the rule ``rule_id``: the severity its flag would have (None when it
    would not fire), found without writing the evidence out — for the score history, which needs no evidence.
    tests/domain/test_rule_severities.py holds every one to its full check."""

    def register(check: SeverityCheck) -> SeverityCheck:
        RULES[rule_id] = replace(RULES[rule_id], severity=check)
        return check

    return register


def run_rules(
    snapshot: Snapshot, thresholds: Thresholds | None = None, *, only: Iterable[str] | None = None
) -> list[Flag]:
    """Every rule's flag (or only those of the rule ids in ``only``) as of the snapshot's date, in RULES.md
    order; rules that did not fire are left out."""
    thresholds = thresholds or Thresholds()
    wanted = None if only is None else set(only)
    flags = []
    for registered in RULES.values():
        if wanted is not None and registered.rule_id not in wanted:
            continue
        flag = registered.check(snapshot, thresholds)
        if flag is not None:
            flags.append(flag)
    return flags


def run_severities(snapshot: Snapshot, thresholds: Thresholds | None = None) -> list[tuple[str, Severity]]:
    """``(rule id, severity)`` of every flag ``run_rules`` gives, in the same order, without their evidence."""
    thresholds = thresholds or Thresholds()
    found = []
    for registered in RULES.values():
        if registered.severity is not None:
            severity = registered.severity(snapshot, thresholds)
        else:
            flag = registered.check(snapshot, thresholds)
            severity = None if flag is None else flag.severity
        if severity is not None:
            found.append((registered.rule_id, severity))
    return found
