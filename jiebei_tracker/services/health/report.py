"""The printable health report (HTML): score, flags with evidence and advice, upcoming dues, recent limit cuts, and
the charts once the charts engineer hands them in (``chart_images``: name → PNG bytes, embedded as base64)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from jiebei_tracker.domain.book import Book
from jiebei_tracker.domain.cost import COSTLY_APR, cost_of_flows
from jiebei_tracker.domain.diagnosis import Diagnosis, diagnose
from jiebei_tracker.domain.health import HealthBand, HealthCheck, check_health
from jiebei_tracker.domain.limits import limit_cuts
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules import Flag
from jiebei_tracker.domain.rules.flags import ARTICLE_TITLE, cited
from jiebei_tracker.services.health import HealthSettings
from jiebei_tracker.services.health.reminders import AutopayStatus, Reminder, autopay_by_platform, reminders_in

DUE_DAYS = 14
RECENT_CUT_DAYS = 180


@dataclass(frozen=True)
class LoanCost:
    """What a loan still being repaid truly costs a year (the IRR method, fees included), and what is left of it."""

    platform: str
    loan_ref: str
    borrowed_on: date
    outstanding_fen: int
    apr: Decimal


@dataclass(frozen=True)
class HealthReport:
    """Everything the report shows, as of one day."""

    as_of: date
    check: HealthCheck
    dues: tuple[Reminder, ...]  # overdue, today's and the next ``DUE_DAYS`` days'
    autopay: tuple[AutopayStatus, ...]
    diagnoses: tuple[Diagnosis, ...]  # limit cuts recorded in the last ``RECENT_CUT_DAYS`` days
    costs: tuple[LoanCost, ...] = ()  # the loans still being repaid, costliest first

    @property
    def band(self) -> HealthBand:
        return self.check.band


def report_of(book: Book, *, as_of: date, settings: HealthSettings) -> HealthReport:
    """What the report shows of ``book`` on ``as_of`` (``Session.report`` keeps it)."""
    t, grace = settings.thresholds, settings.grace_days
    snapshot = book.snapshot(as_of, grace_days=grace)
    # The latest recent cut of each platform; earlier cuts are history the latest diagnosis already covers.
    latest = {cut.platform: cut for cut in limit_cuts(snapshot.limits) if (as_of - cut.cut_on).days < RECENT_CUT_DAYS}
    return HealthReport(
        as_of=as_of,
        check=check_health(book, as_of, thresholds=t, grace_days=grace),
        dues=tuple(reminders_in(snapshot, lead_days=DUE_DAYS, nudges=False)),
        autopay=tuple(autopay_by_platform(snapshot)),
        diagnoses=tuple(diagnose(book, cut, as_of=as_of, thresholds=t, grace_days=grace) for cut in latest.values()),
        costs=tuple(_costs(snapshot)),
    )


def _costs(snapshot) -> list[LoanCost]:
    found = [
        LoanCost(
            loan.platform,
            loan.ref,
            loan.borrowed_on,
            loan.outstanding_principal_fen,
            cost_of_flows(loan.received_fen, loan.cash_flows).apr,
        )
        for loan in snapshot.open_loans
    ]
    return sorted(found, key=lambda cost: cost.apr, reverse=True)


# -- HTML --------------------------------------------------------------------------------------------------

_WORDS = {
    "title": ("借呗信用健康报告", "Credit health report"),
    "as_of": ("截至", "As of"),
    "score": ("健康分", "Health score"),
    "flags": ("需要注意的地方", "What needs attention"),
    "no_flags": (
        "您的记录中没有文章提到的风险信号，请继续按时还款。",
        "None of the article's warning signs. Keep repaying on time.",
    ),
    "article": ("参考文章", "From the article"),
    "evidence": ("依据", "What we saw"),
    "advice": ("建议", "What to do"),
    "dues": ("逾期和未来 14 天的还款", "Overdue and due in the next 14 days"),
    "no_dues": ("没有逾期，未来 14 天也没有到期的还款。", "Nothing overdue and nothing due in the next 14 days."),
    "due_on": ("到期日", "Due"),
    "loan": ("借款", "Loan"),
    "amount": ("金额", "Amount"),
    "status": ("状态", "Status"),
    "autopay": ("自动还款", "Autopay"),
    "platform": ("平台", "Platform"),
    "on_autopay": ("已开通/还款中", "On autopay / active"),
    "how": ("开通方法", "How to switch it on"),
    "cuts": ("降额诊断", "Limit-cut diagnosis"),
    "checklist": ("额度恢复清单", "Recovery checklist"),
    "charts": ("图表", "Charts"),
    "costs": ("还款中借款的真实年化利率", "What the loans being repaid cost"),
    "costs_note": (
        "按放贷机构须公示的 IRR 方法计算，手续费也算在内；有余钱时先提前还成本最高的。",
        "By the IRR method lenders must state, fees included; repay the costliest first when you can.",
    ),
    "borrowed": ("借款日", "Borrowed"),
    "outstanding": ("未还本金", "Principal left"),
    "apr": ("真实年化利率", "True APR"),
    "footer": (
        "本报告由借呗信用健康助手根据您自己记录的数据在本机生成，不含任何外部数据。",
        "Made on this computer by Jiebei Tracker from your own records; no outside data.",
    ),
}

_CSS = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; margin: 2em;
       max-width: 60em; line-height: 1.5; }
h1 { margin-bottom: 0; } .as-of { color: #666; margin-top: 0; }
.score { font-size: 3em; font-weight: bold; } .band { font-size: 1.2em; margin-left: .5em; }
.good { color: #2b7bb9; } .watch { color: #d98200; } .at_risk { color: #d1343a; }
.flag { border: 1px solid #ccc; border-left: 6px solid #999; padding: .5em 1em; margin: 1em 0;
        page-break-inside: avoid; break-inside: avoid; }
.flag.critical { border-left-color: #d1343a; } .flag.high { border-left-color: #d98200; }
.flag.medium { border-left-color: #c9a400; } .flag.low { border-left-color: #2b7bb9; }
.severity { font-weight: bold; text-transform: uppercase; font-size: .8em; }
.article { color: #666; font-size: .85em; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: .3em .5em;
        text-align: left; vertical-align: top; } td.money { text-align: right; white-space: nowrap; }
.overdue { color: #d1343a; font-weight: bold; }
.done { color: #2b7bb9; } figure { page-break-inside: avoid; } figure img { max-width: 100%; }
footer { color: #888; font-size: .8em; margin-top: 3em; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
"""


def render_html(report: HealthReport, *, language: str = "en", chart_images: dict[str, bytes] | None = None) -> str:
    """The report as one self-contained HTML page. ``chart_images`` maps a caption to PNG bytes; each is embedded
    (base64) in a "Charts" section — the hook for the charts once they exist."""
    lang = "zh_CN" if language.startswith("zh") else "en"

    def word(key: str) -> str:
        zh, en = _WORDS[key]
        return escape(zh if lang == "zh_CN" else en)

    check = report.check
    parts = [
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh_CN" else "en"}"><head><meta charset="utf-8">',
        f"<title>{word('title')} {report.as_of.isoformat()}</title><style>{_CSS}</style></head><body>",
        f"<h1>{word('title')}</h1><p class='as-of'>{word('as_of')} {report.as_of.isoformat()}</p>",
        f"<section id='score'><h2>{word('score')}</h2><span class='score {report.band.value}'>{check.score}</span>"
        f"<span class='band {report.band.value}'>{escape(report.band.label(lang))}</span></section>",
        f"<section id='flags'><h2>{word('flags')}</h2>",
    ]
    flags = sorted(check.flags, key=lambda f: -f.severity.rank)
    parts += [_flag_html(flag, lang, word) for flag in flags] or [f"<p>{word('no_flags')}</p>"]
    parts.append("</section>")
    parts.append(_dues_html(report.dues, lang, word))
    parts.append(_autopay_html(report.autopay, lang, word))
    parts.append(_costs_html(report.costs, word))
    for diagnosis in report.diagnoses:
        parts.append(_diagnosis_html(diagnosis, lang, word))
    if chart_images:
        parts.append(f"<section id='charts'><h2>{word('charts')}</h2>")
        for caption, png in chart_images.items():
            data = base64.b64encode(png).decode("ascii")
            parts.append(
                f"<figure><img alt='{escape(caption)}' src='data:image/png;base64,{data}'>"
                f"<figcaption>{escape(caption)}</figcaption></figure>"
            )
        parts.append("</section>")
    parts.append(f"<footer>{word('footer')}</footer></body></html>")
    return "\n".join(parts)


def _colon(lang: str) -> str:
    return "：" if lang == "zh_CN" else ": "


def _labelled(label: str, text: str, lang: str) -> str:
    """``label: text`` as paragraphs (one for each line of ``text``), with the language's colon."""
    first, *more = text.split("\n")
    return f"<p><b>{label}{_colon(lang)}</b>{escape(first)}</p>" + "".join(f"<p>{escape(line)}</p>" for line in more)


def _flag_html(flag: Flag, lang: str, word) -> str:
    items = "".join(f"<li>{escape(item.text.get(lang))}</li>" for item in flag.evidence.items)
    if lang == "zh_CN":
        source = f"（{word('article')}《{ARTICLE_TITLE}》：{escape(cited(flag.article, lang))}）"
    else:
        source = f"({word('article')} “{ARTICLE_TITLE}”: {escape(cited(flag.article, lang))})"
    return (
        f"<div class='flag {flag.severity.value}' id='flag-{flag.rule}'>"
        f"<span class='severity'>{escape(flag.severity.label(lang))}</span> "
        f"<strong>{escape(flag.title.get(lang))}</strong> <span class='article'>{source}</span>"
        + _labelled(word("evidence"), flag.evidence.summary.get(lang), lang)
        + (f"<ul>{items}</ul>" if items else "")
        + _labelled(word("advice"), flag.advice.get(lang), lang)
        + "</div>"
    )


def _dues_html(dues, lang: str, word) -> str:
    if not dues:
        return f"<section id='dues'><h2>{word('dues')}</h2><p>{word('no_dues')}</p></section>"
    rows = "".join(
        f"<tr class='{due.kind.value}'><td>{due.due_on.isoformat()}</td>"
        f"<td>{escape(due.platform)} {escape(due.loan_ref)} · {due.seq}</td>"
        f"<td class='money'>{format_yuan(due.amount_fen)}</td>"
        f"<td class='{'overdue' if due.kind.value == 'overdue' else ''}'>{escape(due.title.get(lang))}</td>"
        f"<td>{'✓' if due.autopay else '—'}</td></tr>"
        for due in dues
    )
    head = "".join(f"<th>{word(k)}</th>" for k in ("due_on", "loan", "amount", "status", "autopay"))
    return f"<section id='dues'><h2>{word('dues')}</h2><table><tr>{head}</tr>{rows}</table></section>"


def _costs_html(costs, word) -> str:
    if not costs:
        return ""
    rows = "".join(
        f"<tr><td>{escape(cost.platform)} {escape(cost.loan_ref)}</td><td>{cost.borrowed_on.isoformat()}</td>"
        f"<td class='money'>{format_yuan(cost.outstanding_fen)}</td>"
        f"<td class='money{' overdue' if cost.apr > COSTLY_APR else ''}'>{cost.apr * 100:.2f}%</td></tr>"
        for cost in costs
    )
    head = "".join(f"<th>{word(k)}</th>" for k in ("loan", "borrowed", "outstanding", "apr"))
    return (
        f"<section id='costs'><h2>{word('costs')}</h2><p>{word('costs_note')}</p>"
        f"<table><tr>{head}</tr>{rows}</table></section>"
    )


def _autopay_html(rows, lang: str, word) -> str:
    if not rows:
        return ""
    body = "".join(
        f"<tr><td>{escape(row.platform)}</td><td class='{'done' if row.done else 'overdue'}'>"
        f"{row.on_autopay} / {row.active_loans}</td><td>{'' if row.done else escape(row.how_to.get(lang))}</td></tr>"
        for row in rows
    )
    head = "".join(f"<th>{word(k)}</th>" for k in ("platform", "on_autopay", "how"))
    return f"<section id='autopay'><h2>{word('autopay')}</h2><table><tr>{head}</tr>{body}</table></section>"


def _diagnosis_html(diagnosis: Diagnosis, lang: str, word) -> str:
    causes = "".join(
        f"<li><span class='severity'>{escape(flag.severity.label(lang))}</span> {escape(flag.title.get(lang))}</li>"
        for flag in diagnosis.causes
    )
    checklist = "".join(
        f"<li class='{'done' if item.done else ''}'>{'☑' if item.done else '☐'} {escape(item.progress_text(lang))}</li>"
        for item in diagnosis.checklist
    )
    return (
        f"<section class='diagnosis'><h2>{word('cuts')}{_colon(lang)}{escape(diagnosis.cut.platform)}</h2>"
        f"<p>{escape(diagnosis.explanation.get(lang))}</p>"
        + (f"<ol>{causes}</ol>" if causes else "")
        + _labelled(word("advice"), diagnosis.advice.get(lang), lang)
        + f"<h3>{word('checklist')}</h3><ul>{checklist}</ul></section>"
    )
