"""The article's rules (docs/health-rules.md): a snapshot of the Book (``domain.book``) as of a day in, flags with
evidence out.

Importing this package registers every rule. The rule modules are imported in the order of docs/health-rules.md,
which is the order ``run_rules`` reports in (so nothing above the loop below may import a rule module); a new rule
is one decorated function in one of them.
"""

from importlib import import_module

from jiebei_tracker.domain.rules.flags import Evidence, EvidenceItem, Flag, Section, Severity, Text, most_serious_first
from jiebei_tracker.domain.rules.registry import RULES, Rule, run_rules, run_severities
from jiebei_tracker.domain.rules.thresholds import Thresholds

for _module in ("repayment", "borrowing", "purpose", "credit", "autopay", "cost"):
    import_module(f"jiebei_tracker.domain.rules.{_module}")

__all__ = [
    "RULES",
    "Evidence",
    "EvidenceItem",
    "Flag",
    "Rule",
    "Section",
    "Severity",
    "Text",
    "Thresholds",
    "most_serious_first",
    "run_rules",
    "run_severities",
]
