"""Shared phrasing for the rules: how a loan or installment is named in zh_CN and English, and flag assembly."""

from __future__ import annotations

from collections.abc import Iterable

from jiebei_tracker.domain.book.records import Installment, Loan
from jiebei_tracker.domain.book.snapshot import Snapshot
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules.flags import Evidence, EvidenceItem, Flag, Severity, Text
from jiebei_tracker.domain.rules.registry import RULES


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 loan``, ``2 loans``."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def loan_name(loan: Loan) -> Text:
    return Text(f"{loan.platform} 借款 {loan.ref}", f"{loan.platform} loan {loan.ref}")


def installment_name(loan: Loan, inst: Installment) -> Text:
    return Text(
        f"{loan.platform} 借款 {loan.ref} 第 {inst.seq} 期", f"{loan.platform} loan {loan.ref}, installment {inst.seq}"
    )


def loan_item(loan: Loan, zh_detail: str = "", en_detail: str = "", **extra) -> EvidenceItem:
    """Evidence naming a loan: borrowed on, principal, and whatever the rule adds."""
    name = loan_name(loan)
    zh = f"{name.zh_CN}：{loan.borrowed_on.isoformat()} 借入 {format_yuan(loan.principal_fen)}"
    en = f"{name.en}: {format_yuan(loan.principal_fen)} borrowed {loan.borrowed_on.isoformat()}"
    return EvidenceItem(
        kind="loan",
        text=Text(zh + (f"，{zh_detail}" if zh_detail else ""), en + (f", {en_detail}" if en_detail else "")),
        loan_id=loan.loan_id,
        platform=loan.platform,
        dates=(("borrowed_on", loan.borrowed_on), *extra.pop("dates", ())),
        amounts_fen=(("principal", loan.principal_fen), *extra.pop("amounts_fen", ())),
        **extra,
    )


def installment_item(loan: Loan, inst: Installment, zh_detail: str, en_detail: str, **figures) -> EvidenceItem:
    """Evidence naming an installment; each language's detail follows its name (``figures``: dates, amounts,
    counts)."""
    name = installment_name(loan, inst)
    return EvidenceItem(
        kind="installment",
        text=Text(name.zh_CN + zh_detail, name.en + en_detail),
        loan_id=loan.loan_id,
        installment_id=inst.installment_id,
        seq=inst.seq,
        platform=loan.platform,
        **figures,
    )


def joined(names: Iterable[str], language: str) -> str:
    return ("、" if language.startswith("zh") else ", ").join(names)


def make_flag(
    snapshot: Snapshot,
    rule_id: str,
    severity: Severity,
    *,
    title: Text,
    summary: Text,
    items: Iterable[EvidenceItem],
    advice: Text,
) -> Flag:
    """A flag citing the sections the rule was registered with."""
    return Flag(
        rule=rule_id,
        severity=severity,
        article=RULES[rule_id].article,
        title=title,
        evidence=Evidence(summary, tuple(items)),
        advice=advice,
        as_of=snapshot.as_of,
    )
