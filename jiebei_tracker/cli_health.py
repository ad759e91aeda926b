"""The CLI's health commands — flags, score, diagnose, reminders, report — as readable text or JSON.

JSON: dates ISO, amounts strings in yuan with two decimals, booleans true/false. Texts (evidence, advice) are in
English unless ``--lang zh_CN`` is given.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from jiebei_tracker.cli_options import option_value, whole_number
from jiebei_tracker.cli_output import display_width
from jiebei_tracker.cli_words import add_language_option, article_line
from jiebei_tracker.cli_words import language as language_value
from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.errors import FileProblem
from jiebei_tracker.domain.money import fen_to_yuan, format_yuan
from jiebei_tracker.domain.rules.flags import Text, cited
from jiebei_tracker.services.files.private import check_private_target, write_private_file


def register(commands) -> dict:
    """Add the health sub-commands; returns their handlers."""
    flags = commands.add_parser("flags", help="the article's warning signs in force, with evidence and advice")
    score = commands.add_parser("score", help="the health score (0-100) and the flags behind it")
    for parser in (flags, score):
        parser.add_argument("--as-of", metavar="DATE", help="as the records stood that day (default: today)")
        parser.add_argument("--json", action="store_true")
    diagnose = commands.add_parser("diagnose", help="why a platform's limit was cut, and a recovery checklist")
    diagnose.add_argument("platform", metavar="PLATFORM")
    diagnose.add_argument("--json", action="store_true")
    reminders = commands.add_parser("reminders", help="repayments overdue, due today and due soon; .ics export")
    reminders.add_argument("--days", metavar="N", help="look this many days ahead (default: the setting, 3)")
    reminders.add_argument("--as-of", metavar="DATE")
    reminders.add_argument("--ics", metavar="FILE", help="also write a calendar of the installments to pay")
    reminders.add_argument("--overwrite", action="store_true", help="replace the --ics file if it exists")
    report = commands.add_parser("report", help="a printable health report")
    report.add_argument("--as-of", metavar="DATE")
    report.add_argument("--html", metavar="FILE", help="write the report as HTML (default: text on stdout)")
    report.add_argument("--no-charts", action="store_true", help="leave the charts out of the HTML report")
    report.add_argument("--overwrite", action="store_true", help="replace the --html file if it exists")
    for parser in (flags, score, diagnose, reminders, report):
        add_language_option(parser)
    return {
        "flags": cmd_flags,
        "score": cmd_score,
        "diagnose": cmd_diagnose,
        "reminders": cmd_reminders,
        "report": cmd_report,
    }


# -- option parsing ----------------------------------------------------------------------------------------


# Qt platforms that open a connection to a screen: without one (no DISPLAY, no WAYLAND_DISPLAY on Linux) they
# abort the whole process (rc 134, "xcb-cursor0 is needed" or "could not connect to display").
_SCREEN_PLATFORMS = ("xcb", "wayland")


def _headless_platform(environ, platform: str = sys.platform) -> str | None:
    """The Qt platform the report's charts are drawn with, when ``environ`` does not name a usable one: offscreen
    when QT_QPA_PLATFORM is unset or empty (pictures need no screen), or names a screen platform while there is
    no display to connect to (Linux and the BSDs). None: leave QT_QPA_PLATFORM as it is."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if not chosen:
        return "offscreen"
    no_display = (
        not platform.startswith(("win", "darwin", "cygwin"))
        and not environ.get("DISPLAY")
        and not environ.get("WAYLAND_DISPLAY")
    )
    names = [part.split(":")[0].strip() for part in chosen.split(";")]  # "wayland;xcb" tries each, "xcb:opt"
    if no_display and all(name.startswith(_SCREEN_PLATFORMS) for name in names):
        return "offscreen"
    return None


def _application():
    """The running QApplication, or one made for drawing the report's charts without a screen: QT_QPA_PLATFORM is
    set (``_headless_platform``) only while it is created, which is when Qt reads it."""
    import os

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        return app
    headless = _headless_platform(os.environ)
    saved = os.environ.get("QT_QPA_PLATFORM")
    if headless is not None:
        os.environ["QT_QPA_PLATFORM"] = headless
    try:
        return QApplication(["jiebei-tracker"])
    finally:
        if saved is None:
            os.environ.pop("QT_QPA_PLATFORM", None)
        else:
            os.environ["QT_QPA_PLATFORM"] = saved


def _chart_images(session, *, as_of: date, language: str) -> dict[str, bytes]:
    """The charts drawn offscreen (no window opens) in the report's language, for the HTML report."""
    from jiebei_tracker.charts.report_images import report_chart_images
    from jiebei_tracker.services.series.data import ChartData
    from jiebei_tracker.ui.i18n import Translations

    app = _application()
    translations = Translations(app)
    translations.apply(language)
    try:
        return report_chart_images(ChartData(session=session, today=lambda: as_of), as_of=as_of)
    finally:
        translations.apply("en")


def _options(args, context) -> tuple[date, str]:
    as_of = option_value(parse_date, getattr(args, "as_of", None), "--as-of") or context.today
    return as_of, option_value(language_value, args.lang, "--lang")


def _refused(problem: FileProblem, target: Path, *, overwrite: bool) -> int:
    """A file that cannot be written (a missing folder, a file already there) as one line on stderr; exit 1."""
    taken = not overwrite and (target.exists() or target.is_symlink())
    hint = ", or add --overwrite to replace it" if taken else ""
    print(f"jiebei-tracker: error: {problem}{hint}", file=sys.stderr)
    return 1


def _dump(value, out) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    print(file=out)


# -- JSON shapes -------------------------------------------------------------------------------------------


def flag_json(flag, language: str, refs: dict[int, str]) -> dict:
    """A flag as the JSON of ``flags``: rule, severity, article, title, evidence (summary and items), advice."""
    return {
        "rule": flag.rule,
        "severity": flag.severity.value,
        "article": flag.article_text,
        "title": flag.title.get(language),
        "evidence": {
            "summary": flag.evidence.summary.get(language),
            "items": [_item_json(item, language, refs) for item in flag.evidence.items],
        },
        "advice": flag.advice.get(language),
    }


def _item_json(item, language: str, refs: dict[int, str]) -> dict:
    found: dict = {"kind": item.kind}
    if item.loan_id is not None:
        # As `loans --json` names loans: "loan_id" is the platform's number (or ours), "number" ours.
        found["loan_id"] = refs.get(item.loan_id, str(item.loan_id))
        found["number"] = item.loan_id
    for key in ("seq", "installment_id", "note_id", "platform"):
        if getattr(item, key) is not None:
            found[key] = getattr(item, key)
    found.update((name, day.isoformat()) for name, day in item.dates)
    found.update((name, fen_to_yuan(fen)) for name, fen in item.amounts_fen)
    found.update(item.counts)
    found["text"] = item.text.get(language)
    return found


def _checklist_json(item, language: str) -> dict:
    def shown(value: int):
        return fen_to_yuan(value) if item.unit == "fen" else value

    return {
        "key": item.key,
        "rule": item.rule,
        "label": item.label.get(language),
        "current": shown(item.current),
        "target": shown(item.target),
        "start": None if item.start is None else shown(item.start),
        "unit": "yuan" if item.unit == "fen" else item.unit,
        "goal": item.goal.value,
        "done": item.done,
        "progress": item.progress_text(language),
    }


# The command line's own words around the rules' texts, in both languages (``--lang``).
_SAY = {
    "no_flags": Text(
        "截至 {day}：没有发现文章里说的风险信号，继续按时还款。",
        "as of {day}: none of the article's warning signs — keep repaying on time",
    ),
    "flags": Text("截至 {day}：{count} 个风险信号", "as of {day}: {count} warning sign{s}"),
    "evidence": Text("依据：", "evidence: "),
    "advice": Text("建议：", "advice: "),
    "more": Text("……另有 {count} 条（完整内容见 --json）", "… and {count} more (see --json)"),
    "score": Text("健康分 {score}/100（{band}），截至 {day}", "health score {score}/100 ({band}) as of {day}"),
    "no_cut": Text(
        "{platform}：没有降额记录，无需诊断（用 `jiebei-tracker limit` 记下额度）。",
        "{platform}: its recorded limit never fell — nothing to diagnose (record limits with `jiebei-tracker limit`)",
    ),
    "reminder": Text("提醒：", "reminder: "),
    "checklist": Text("额度恢复清单：", "recovery checklist:"),
    "nothing_due": Text(
        "截至 {day}：没有逾期，近期也没有要到期的还款。", "as of {day}: nothing overdue and nothing due soon"
    ),
    "wrote_ics": Text(
        "已把 {count} 期待还款写入日历文件 {path}", "wrote a calendar of {count} installment{s} to pay to {path}"
    ),
    "wrote_report": Text("已把截至 {day} 的健康报告写入 {path}", "wrote the health report as of {day} to {path}"),
    "report": Text(
        "健康报告，截至 {day}：健康分 {score}/100（{band}）", "Health report as of {day}: score {score}/100 ({band})"
    ),
    "dues": Text("逾期和未来 14 天内到期的还款：", "Overdue and due in the next 14 days:"),
    "no_dues": Text("没有逾期，未来 14 天内也没有到期的还款。", "Nothing overdue or due in 14 days."),
    "costs": Text(
        "还款中借款的真实年化利率（含手续费，按 IRR 方法），未还本金：",
        "What the loans being repaid truly cost a year (fees included, by the IRR method), principal left:",
    ),
}


def _say(key: str, language: str, **values) -> str:
    count = values.get("count")
    return _SAY[key].get(language).format(s="" if count == 1 else "s", **values)


def _severity(flag, language: str) -> str:
    """``high`` (the value the JSON and the docs use) in English; ``高`` in Chinese."""
    return flag.severity.label(language) if language.startswith("zh") else flag.severity.value


def _labelled(key: str, text: str, language: str, indent: str = "") -> str:
    """``advice: …`` with the lines after the first lined up under the first (CJK characters take two columns)."""
    label = indent + _say(key, language)
    return label + _lines(text, " " * display_width(label))


# -- commands ----------------------------------------------------------------------------------------------


def _check(context, as_of: date):
    check = context.session.health(as_of)
    refs = {loan.loan_id: loan.external_id or str(loan.loan_id) for loan in context.session.book().loans}
    return check, refs


def cmd_flags(args, context) -> int:
    as_of, language = _options(args, context)
    check, refs = _check(context, as_of)
    flags = sorted(check.flags, key=lambda flag: -flag.severity.rank)
    if args.json:
        _dump([flag_json(flag, language, refs) for flag in flags], context.out)
        return 0
    out = context.out
    day = as_of.isoformat()
    if not flags:
        print(_say("no_flags", language, day=day), file=out)
        return 0
    print(_say("flags", language, day=day, count=len(flags)), file=out)
    for flag in flags:
        print(file=out)
        print(f"[{_severity(flag, language)}] {flag.rule} — {flag.title.get(language)}", file=out)
        print("  " + article_line(flag.article, language), file=out)
        print(_labelled("evidence", flag.evidence.summary.get(language), language, "  "), file=out)
        for item in flag.evidence.items[:_ITEMS_SHOWN]:
            print(f"    - {item.text.get(language)}", file=out)
        if len(flag.evidence.items) > _ITEMS_SHOWN:
            print("    " + _say("more", language, count=len(flag.evidence.items) - _ITEMS_SHOWN), file=out)
        print(_labelled("advice", flag.advice.get(language), language, "  "), file=out)
    return 0


_ITEMS_SHOWN = 8


def cmd_score(args, context) -> int:
    as_of, language = _options(args, context)
    check, _ = _check(context, as_of)
    if args.json:
        _dump(
            {
                "as_of": as_of.isoformat(),
                "score": check.score,
                "band": check.band.value,
                "flags": [{"rule": f.rule, "severity": f.severity.value} for f in check.flags],
            },
            context.out,
        )
        return 0
    band = check.band.label(language)
    print(_say("score", language, score=check.score, band=band, day=as_of.isoformat()), file=context.out)
    for flag in sorted(check.flags, key=lambda f: -f.severity.rank):
        print(f"  [{_severity(flag, language)}] {flag.rule} — {flag.title.get(language)}", file=context.out)
    return 0


def cmd_diagnose(args, context) -> int:
    _, language = _options(args, context)
    diagnosis = context.session.platform_diagnosis(args.platform, context.today)
    platform = args.platform.strip()
    if diagnosis is None:
        if args.json:
            _dump({"platform": platform, "cut": None}, context.out)
        else:
            print(_say("no_cut", language, platform=platform), file=context.out)
        return 0
    cut = diagnosis.cut
    if args.json:
        refs = {loan.loan_id: loan.external_id or str(loan.loan_id) for loan in context.session.book().loans}
        _dump(
            {
                "platform": platform,
                "cut": {
                    "date": cut.cut_on.isoformat(),
                    "before": fen_to_yuan(cut.before_fen),
                    "after": fen_to_yuan(cut.after_fen),
                },
                "platform_policy": diagnosis.platform_policy,
                "article": "; ".join(str(s) for s in diagnosis.article),
                "explanation": diagnosis.explanation.get(language),
                "causes": [flag_json(flag, language, refs) for flag in diagnosis.causes],
                "reminders": [flag_json(flag, language, refs) for flag in diagnosis.reminders],
                "advice": diagnosis.advice.get(language),
                "checklist": [_checklist_json(item, language) for item in diagnosis.checklist],
            },
            context.out,
        )
        return 0
    out = context.out
    print(diagnosis.explanation.get(language), file=out)
    print(article_line(diagnosis.article, language), file=out)
    for number, flag in enumerate(diagnosis.causes, 1):
        summary = flag.evidence.summary.get(language)
        print(f"  {number}. [{_severity(flag, language)}] {flag.rule} — {summary}", file=out)
        print(f"     → {_lines(flag.advice.get(language), '       ')}", file=out)
    for flag in diagnosis.reminders:
        text = f"{flag.title.get(language)} — {flag.evidence.summary.get(language)}"
        print(_labelled("reminder", text, language, "  "), file=out)
    if diagnosis.platform_policy:
        print(_labelled("advice", diagnosis.advice.get(language), language), file=out)
    print(_say("checklist", language), file=out)
    for item in diagnosis.checklist:
        print(f"  [{'x' if item.done else ' '}] {item.progress_text(language)}", file=out)
    return 0


def cmd_reminders(args, context) -> int:
    from jiebei_tracker.services.health.reminders import ReminderKind
    from jiebei_tracker.services.settings import SettingsStore

    as_of, language = _options(args, context)
    if args.days is None:
        lead_days = SettingsStore(database=context.database).general().reminder_lead_days
    else:
        lead_days = whole_number(args.days, "--days", 0, 60)
    found = context.session.reminders(lead_days=lead_days, as_of=as_of)
    out = context.out
    dues = [r for r in found if r.kind is not ReminderKind.NO_AUTOPAY]
    nudges = [r for r in found if r.kind is ReminderKind.NO_AUTOPAY]
    if not dues:
        print(_say("nothing_due", language, day=as_of.isoformat()), file=out)
    for reminder in dues:
        print(f"{reminder.kind.label(language):<14} {reminder.message.get(language)}", file=out)
    for nudge in nudges:
        print(f"{nudge.kind.label(language):<14} {nudge.message.get(language)}", file=out)
    if args.ics:
        from jiebei_tracker.services.health.ics import export_ics

        target = Path(args.ics)
        try:
            count = export_ics(
                context.database,
                target,
                as_of=as_of,
                lead_days=lead_days,
                language=language,
                overwrite=args.overwrite,
            )
        except FileProblem as problem:
            return _refused(problem, target, overwrite=args.overwrite)
        print(_say("wrote_ics", language, count=count, path=args.ics), file=out)
    return 0


def cmd_report(args, context) -> int:
    from jiebei_tracker.services.health.report import render_html

    as_of, language = _options(args, context)
    report = context.session.report(as_of)
    if args.html:
        try:
            check_private_target(args.html, overwrite=args.overwrite)  # before the charts are drawn
            images = None if args.no_charts else _chart_images(context.session, as_of=as_of, language=language)
            html = render_html(report, language=language, chart_images=images)
            write_private_file(args.html, html.encode("utf-8"), overwrite=args.overwrite)
        except FileProblem as problem:
            return _refused(problem, Path(args.html), overwrite=args.overwrite)
        print(_say("wrote_report", language, day=as_of.isoformat(), path=args.html), file=context.out)
        return 0
    out = context.out
    check = report.check
    band = check.band.label(language)
    print(_say("report", language, day=as_of.isoformat(), score=check.score, band=band), file=out)
    for flag in sorted(check.flags, key=lambda f: -f.severity.rank):
        article = cited(flag.article, language)
        print(f"\n[{_severity(flag, language)}] {flag.title.get(language)} ({article})", file=out)
        print(f"  {flag.evidence.summary.get(language)}", file=out)
        print(f"  → {_lines(flag.advice.get(language), '    ')}", file=out)
    print("\n" + _say("dues" if report.dues else "no_dues", language), file=out)
    for due in report.dues:
        print(f"  {due.due_on.isoformat()}  {format_yuan(due.amount_fen):>12}  {due.message.get(language)}", file=out)
    if report.costs:
        print("\n" + _say("costs", language), file=out)
    for cost in report.costs:
        print(
            f"  {cost.apr * 100:>6.2f}%  {format_yuan(cost.outstanding_fen):>12}  {cost.platform} {cost.loan_ref} "
            f"({cost.borrowed_on.isoformat()})",
            file=out,
        )
    for diagnosis in report.diagnoses:
        print(f"\n{diagnosis.explanation.get(language)}", file=out)
        for item in diagnosis.checklist:
            print(f"  [{'x' if item.done else ' '}] {item.progress_text(language)}", file=out)
    return 0


def _lines(text: str, indent: str) -> str:
    """A text of several lines (advice in parts) printed under the first, indented to line up with it."""
    return text.replace("\n", "\n" + indent)
