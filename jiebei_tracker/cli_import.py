"""The CLI's import and export commands: ``import loans|repayments|limits|notes FILE``, ``import alipay FILE``,
``import credit-report FILE``,
``export DIR``, ``imports [--json]`` and ``undo-import [ID]``.

Exit status: 0 when the import (or the dry run) went through — with ``--valid-only``, also when bad rows were
left out and listed; 1 when the file cannot be read, or has bad rows and nothing was imported; 2 bad usage.
Reports go to stdout, with the notices of values read otherwise than written (``notice: FILE:LINE: column 'X':
'随借随还' read as 先息后本 (interest first)``); errors (``FILE:LINE: column 'X': reason``) to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jiebei_tracker.cli_options import EXIT_BAD_DATA, EXIT_OK, whole_number
from jiebei_tracker.cli_words import (
    WORDS,
    add_language_option,
    headers,
    is_chinese,
    lang_of,
    problem_words,
    row_errors,
    say,
    term,
)
from jiebei_tracker.domain.money import fen_to_yuan, format_yuan

_KINDS = ("loans", "repayments", "limits", "notes")
_NOUNS = {"loans": "loans", "repayments": "repayments", "limits": "credit limits", "notes": "credit-report notes"}


def register(commands) -> dict:
    """Add ``import`` (one sub-command per kind of file) and ``export``; returns their handlers."""
    parser = commands.add_parser(
        "import", help="import loans, repayments, limits or notes from CSV, Alipay, or a platform's plan"
    )
    kinds = parser.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    for kind in _KINDS:
        sub = kinds.add_parser(kind, help=f"import {_NOUNS[kind]} from a CSV file")
        sub.add_argument("file", metavar="FILE")
        sub.add_argument("--dry-run", action="store_true", help="say what would happen; write nothing")
        sub.add_argument("--valid-only", action="store_true", help="import the good rows, list the bad ones")
        sub.add_argument("--encoding", metavar="E", help="utf-8, utf-8-sig, gbk (gb18030), utf-16; default: detect")
        sub.add_argument("--delimiter", metavar="D", help="comma, tab, semicolon or pipe; default: detect")
        sub.add_argument("--profile", metavar="NAME", help="a column mapping saved in the import wizard")
        if kind == "loans":
            sub.add_argument(
                "--past",
                choices=("paid", "unpaid"),
                help="for loans whose row does not say (status, paid_installments, paid_through): were the "
                "installments already due repaid on schedule up to today (paid), or not (unpaid: overdue)?",
            )
    alipay = kinds.add_parser("alipay", help="import credit repayments from an Alipay statement (支付宝交易明细)")
    alipay.add_argument("file", metavar="FILE")
    alipay.add_argument("--dry-run", action="store_true", help="say what would happen; write nothing")
    alipay.add_argument("--encoding", metavar="E", help="default: detect (Alipay writes GBK)")
    plan = kinds.add_parser("plan", help="use the platform's own repayment plan (还款计划) as a loan's schedule")
    plan.add_argument("loan", metavar="LOAN", help="the loan's id, or the number `loans` shows")
    plan.add_argument("file", metavar="FILE", help="期数 · 还款日 · 本金 · 利息 · 费用 · 应还金额, or the app's lines")
    plan.add_argument("--dry-run", action="store_true", help="say what would happen; write nothing")
    plan.add_argument("--encoding", metavar="E", help="utf-8, utf-8-sig, gbk (gb18030), utf-16; default: detect")
    report = kinds.add_parser(
        "credit-report", help="import the inquiries and overdue accounts of your credit report (个人信用报告)"
    )
    report.add_argument("file", metavar="FILE", help="the report's text (.txt), or a PDF with a text layer")
    report.add_argument("--dry-run", action="store_true", help="say what was read; write nothing")
    plans = kinds.add_parser("plans", help="put back the schedules an export wrote to plans.csv")
    plans.add_argument("file", metavar="FILE")
    plans.add_argument("--dry-run", action="store_true", help="say what would happen; write nothing")
    plans.add_argument("--encoding", metavar="E", help="default: detect")
    export = commands.add_parser(
        "export", help="write loans.csv, repayments.csv, limits.csv, notes.csv (and plans.csv) into DIR"
    )
    export.add_argument("folder", metavar="DIR")
    export.add_argument("--overwrite", action="store_true", help="replace files of those names already in DIR")
    listing = commands.add_parser("imports", help="list the imports made: when, which file, what each added")
    listing.add_argument("--json", action="store_true")
    undo = commands.add_parser("undo-import", help="take back what an import added (default: the latest one)")
    undo.add_argument("import_id", metavar="ID", nargs="?", help="the import's number, as `imports` lists it")
    for command in (*kinds.choices.values(), export, listing, undo):
        add_language_option(command)
    return {"import": run_import, "export": run_export, "imports": run_imports, "undo-import": run_undo_import}


def _service(context):
    from jiebei_tracker.services.imports.service import ImportService

    return ImportService(database=context.database, ledger=context.ledger, today=lambda: context.today)


def run_import(args, context) -> int:
    """The file is read from its path a line at a time (twice: to check it, then to write its new rows), never
    whole: a file of hundreds of megabytes imports in a few hundred megabytes of memory."""
    from jiebei_tracker.importers.errors import ImportFailure

    path = Path(args.file)
    service = _service(context)
    try:
        if args.import_kind == "alipay":
            return _import_alipay(args, context, service, path)
        if args.import_kind == "plan":
            return _import_plan(args, context, path)
        if args.import_kind == "plans":
            return _import_plans(args, context, path)
        if args.import_kind == "credit-report":
            return _import_credit_report(args, context, path)
        return _import_csv(args, context, service, path)
    except ImportFailure as failure:
        print(problem_words(failure.message(), lang_of(args)), file=sys.stderr)
        return EXIT_BAD_DATA


def _import_plan(args, context, path: Path) -> int:
    from jiebei_tracker.importers.plan import plan_schedule, read_plan_file
    from jiebei_tracker.services.loan_detail import loan_detail
    from jiebei_tracker.services.loans import find_loan

    loan_id = find_loan(context.database, args.loan)
    detail = loan_detail(context.database, loan_id, as_of=context.today, today=context.today)
    loan, before = detail.summary, detail.schedule
    lines = read_plan_file(path, encoding=args.encoding, file_name=args.file)
    schedule = plan_schedule(lines, principal_fen=loan.principal_fen, borrowed_on=loan.borrowed_on, source=args.file)
    interest, fees = sum(i.interest_fen for i in schedule), sum(i.fee_fen for i in schedule)
    lang = lang_of(args)
    said = say(
        "plan_read",
        lang,
        file=args.file,
        count=len(schedule),
        first=schedule[0].due_on.isoformat(),
        last=schedule[-1].due_on.isoformat(),
        interest=format_yuan(interest),
        computed=format_yuan(sum(line.interest_fen for line in before)),
        fees=format_yuan(fees),
    )
    print(said, file=context.out)
    if args.dry_run:
        print(say("dry_run", lang), file=context.out)
        return EXIT_OK
    context.ledger.use_platform_plan(loan_id, schedule)
    print(say("plan_used", lang, number=loan_id), file=context.out)
    return EXIT_OK


def _import_credit_report(args, context, path: Path) -> int:
    """The report's inquiries and overdue accounts as notes; what was read is listed first, a dry run stops there."""
    from jiebei_tracker.services.imports import credit_report

    _, report = credit_report.read_report(path=path)
    found = credit_report.plan(context.database, args.file, report, today=context.today)
    lang = lang_of(args)
    dated = say("report_dated", lang, day=report.report_date.isoformat()) if report.report_date else ""
    counts = {"inquiries": len(report.inquiries), "overdue": len(report.overdue)}
    print(say("report_read", lang, file=args.file, dated=dated, **counts), file=context.out)
    for entry in found.new:
        reason = say("report_reason", lang, reason=term(entry.reason, lang)) if entry.reason else ""
        day, kind = entry.noted_on.isoformat(), term(entry.kind, lang)
        print(say("report_new", lang, day=day, kind=kind, reason=reason, text=entry.text), file=context.out)
    if found.already:
        print(say("report_already", lang, count=found.already), file=context.out)
    if args.dry_run:
        print(say("dry_run", lang), file=context.out)
        return EXIT_OK
    changes = credit_report.commit(context.ledger, found)
    if not found.new:
        print(say("nothing_new", lang), file=context.out)
        return EXIT_OK
    counts = {"inquiries": found.inquiries, "overdue": found.overdue}
    print(say("report_imported", lang, id=changes.created_id, **counts), file=context.out)
    return EXIT_OK


def _import_plans(args, context, path: Path) -> int:
    """Every schedule of a plans file, each checked against its loan before any is written, then all at once."""
    from jiebei_tracker.domain.vocabulary import ScheduleSource
    from jiebei_tracker.importers.errors import ImportFailure
    from jiebei_tracker.importers.plan import plan_schedule, read_plans_file
    from jiebei_tracker.services.loans import list_loans

    kept = read_plans_file(path, encoding=args.encoding, file_name=args.file)
    loans = list_loans(context.database, today=context.today)
    by_id = {loan.external_id: loan for loan in loans if loan.external_id}
    by_terms = {(loan.platform, loan.borrowed_on, loan.principal_fen): loan for loan in loans}
    plans = []
    for plan in kept:
        loan = by_id.get(plan.loan_id) or by_terms.get((plan.platform, plan.borrowed_on, plan.loan_principal_fen))
        if loan is None:
            raise ImportFailure(
                args.file, f"no loan {plan.loan_id or plan.platform} of {plan.borrowed_on.isoformat()}", line=plan.line
            )
        schedule = plan_schedule(
            list(plan.lines), principal_fen=loan.principal_fen, borrowed_on=loan.borrowed_on, source=args.file
        )
        source = ScheduleSource.parse(plan.source, field="schedule")
        plans.append((loan.loan_id, schedule, source))
    lang = lang_of(args)
    print(say("plans_read", lang, file=args.file, count=len(plans)), file=context.out)
    if args.dry_run:
        print(say("dry_run", lang), file=context.out)
        return EXIT_OK
    context.ledger.use_plans(plans)
    print(say("plans_used", lang, count=len(plans)), file=context.out)
    return EXIT_OK


def _import_csv(args, context, service, path: Path) -> int:
    from jiebei_tracker.domain.rates import decimal_text
    from jiebei_tracker.importers.columns import FileKind
    from jiebei_tracker.importers.reading import ReadOptions

    lang = lang_of(args)
    kind = FileKind(args.import_kind)
    columns = None
    if args.profile:
        profile = service.profile(args.profile)
        if profile.kind is not kind:
            kinds = {"kind": _kind_name(profile.kind.value, lang), "wanted": _kind_name(kind.value, lang)}
            print(say("profile_kind", lang, profile=args.profile, **kinds), file=sys.stderr)
            return EXIT_BAD_DATA
        columns = profile.columns
    options = ReadOptions(kind=kind, encoding=args.encoding, delimiter=args.delimiter, columns=columns)
    plan = service.plan(path, file_name=args.file, options=options)
    out = context.out
    print(say("file_line", lang, file=args.file, text=_layout(plan.layout, lang)), file=out)
    if plan.layout.columns.unknown:
        separator = "、" if is_chinese(lang) else ", "
        print(say("unknown_columns", lang, columns=separator.join(plan.layout.columns.unknown)), file=out)
    for line in _skipped_summary(plan.layout.skipped, plan.layout.skipped_counts, lang):
        print(line, file=out)
    print(say("rows", lang, count=plan.rows, new=plan.new, present=plan.present, bad=plan.bad), file=out)
    for name, kind_set in plan.platform_kinds.items():
        print(say("import_kind", lang, name=name, kind=term(kind_set, lang)), file=out)
    for name, multiplier in plan.penalty_multipliers.items():
        print(say("import_penalty", lang, name=name, multiplier=decimal_text(multiplier)), file=out)
    for message in row_errors(plan.errors, plan.file_name, lang, total=plan.error_count):
        print(message, file=sys.stderr)
    for message in plan.notice_messages(lang):  # values read otherwise than written: not errors, but to be known
        print(say("notice", lang, message=message), file=out)
    what = say(f"count_{kind.value}", lang, count=plan.new)
    if plan.bad and not args.valid_only:
        print(say("bad_rows", lang, count=plan.bad), file=out)
        return EXIT_BAD_DATA
    past = _past_answer(args, context, plan)
    if past is False:
        return EXIT_BAD_DATA
    if args.dry_run:
        print(say("would_import", lang, what=what), file=out)
        return EXIT_OK
    service.commit(plan, valid_only=args.valid_only, past=past)
    left_out = say("left_out", lang, count=plan.bad) if plan.bad else ""
    print(say("imported", lang, what=what, left_out=left_out), file=out)
    return EXIT_OK


def _past_answer(args, context, plan):
    """The --past answer (None when not given); False, with the question printed, when the file has loans with
    installments already due that neither the file nor --past says were repaid or not."""
    from jiebei_tracker.services.imports.service import PastAnswer, past_question

    answer = PastAnswer(args.past) if getattr(args, "past", None) else None
    if answer is None and plan.undecided_count:
        question = past_question(plan.undecided_count, plan.undecided_installments)
        print(problem_words(f"{args.file}: {question}", lang_of(args)), file=sys.stderr)
        return False
    return answer


def _skipped_summary(skipped, counts, lang: str = "en") -> list[str]:
    """``skipped``: the first lines skipped for each reason; ``counts``: how many in all, by reason."""
    by_reason: dict[str, list[int]] = {}
    for item in skipped:
        by_reason.setdefault(item.why, []).append(item.line)
    lines = []
    separator, more = ("、", "……") if is_chinese(lang) else (", ", " …")
    for why, numbers in by_reason.items():
        count = counts[why]
        shown = separator.join(str(n) for n in numbers[:10]) + (more if count > 10 else "")
        reason = say(f"skipped_{why}", lang) if f"skipped_{why}" in WORDS else why
        lines.append(say("skipped", lang, count=count, why=reason, lines=shown))
    return lines


def _layout(layout, lang: str) -> str:
    """How a CSV file was read: ``UTF-8, comma-separated, header on line 1`` / ``UTF-8，逗号分隔，表头在第 1 行``."""
    if not is_chinese(lang):
        return layout.describe()
    titles = say("titles", lang, count=layout.header_line - 1) if layout.header_line > 1 else ""
    delimiter = (
        say(f"delimiter_{layout.delimiter_label}", lang)
        if f"delimiter_{layout.delimiter_label}" in WORDS
        else layout.delimiter_label
    )
    return say(
        "layout",
        lang,
        encoding=_encoding(layout.encoding_label, lang),
        delimiter=delimiter,
        line=layout.header_line,
        titles=titles,
    )


def _encoding(label: str, lang: str) -> str:
    """``UTF-8 with BOM`` as ``UTF-8（带 BOM）`` in Chinese."""
    return label.replace(" with BOM", "（带 BOM）") if is_chinese(lang) else label


def _kind_name(kind: str, lang: str) -> str:
    """An import's kind (``loans``, ``alipay``, ``credit_report``…) as ``imports`` shows it."""
    key = f"kind_{kind.replace('-', '_')}"
    return say(key, lang) if key in WORDS else kind


def _import_alipay(args, context, service, path: Path) -> int:
    """Repayment rows that fit exactly one open loan are imported as its repayments (with their order numbers,
    so a second import adds nothing). Every other credit row is listed with what to do about it: a disbursement
    becomes a loan with ``add-loan … --id ORDER`` (the statement does not give the term, method or rate), and a
    repayment without a clear loan waits for the loan to be added, or for the import wizard."""
    from jiebei_tracker.importers.alipay import Movement
    from jiebei_tracker.importers.alipay_plan import Action

    lang = lang_of(args)
    plan = service.plan_alipay(path, file_name=args.file, encoding=args.encoding)
    statement, out = plan.statement, context.out
    said = say(
        "alipay_read",
        lang,
        file=args.file,
        encoding=_encoding(statement.encoding_label, lang),
        line=statement.header_line,
        rows=statement.rows_read,
        credit=len(statement.credit_rows),
    )
    print(said, file=out)
    if statement.errors:
        for message in row_errors(statement.errors, plan.file_name, lang):
            print(message, file=sys.stderr)
        print(say("alipay_unreadable", lang), file=out)
        return EXIT_BAD_DATA
    to_write, waiting = 0, 0
    for suggestion in plan.suggestions:
        row = suggestion.row
        movement = say(f"movement_{row.movement.value}", lang) if is_chinese(lang) else row.movement.value
        where = {"line": row.line, "day": row.day.isoformat(), "platform": row.platform}
        what = say("alipay_row", lang, movement=movement, amount=format_yuan(row.amount_fen), **where)
        if suggestion.choice.action is Action.REPAYMENT:
            to_write += 1
            print(say("alipay_repayment", lang, what=what, reason=suggestion.reason), file=out)
        elif suggestion.present or not row.money_moved:
            print(say("alipay_as_is", lang, what=what, reason=suggestion.reason), file=out)
        elif row.movement is Movement.DISBURSEMENT:
            waiting += 1
            command = (
                f"jiebei-tracker add-loan --platform {row.platform} --borrowed-on {row.day.isoformat()} "
                f"--principal {fen_to_yuan(row.amount_fen)} --term N --method METHOD --annual-rate R "
                f"--id {row.order_no}"
            )
            print(say("alipay_add_loan", lang, what=what, command=command), file=out)
        else:
            waiting += 1
            print(say("alipay_choose", lang, what=what, reason=suggestion.reason), file=out)
    tail = say("alipay_waiting", lang, count=waiting) if waiting else ""
    if args.dry_run:
        print(say("alipay_would", lang, count=to_write, present=plan.present, tail=tail), file=out)
        return EXIT_OK
    service.commit_alipay(plan, {})
    print(say("alipay_imported", lang, count=to_write, present=plan.present, tail=tail), file=out)
    return EXIT_OK


def run_export(args, context) -> int:
    from jiebei_tracker.importers.errors import ImportFailure

    try:
        written = _service(context).export(args.folder, overwrite=args.overwrite)
    except ImportFailure as failure:
        print(problem_words(failure.message(), lang_of(args)), file=sys.stderr)
        return EXIT_BAD_DATA
    for path in written.values():
        print(say("wrote", lang_of(args), path=path), file=context.out)
    return EXIT_OK


_COUNTED = ("loans", "repayments", "limits", "notes", "platforms")


def run_imports(args, context) -> int:
    """Every import, newest first: its number, when, the file, its kind, what it added, and whether it was undone."""
    from jiebei_tracker.cli_listings import dump_json, print_table
    from jiebei_tracker.services.imports.history import list_imports

    lang = lang_of(args)
    records = list_imports(context.database)
    if args.json:
        dump_json(
            [
                {
                    "import_id": r.import_id,
                    "imported_at": r.imported_at.isoformat(),
                    "file_name": r.file_name,
                    "kind": r.kind,
                    **{name: getattr(r.counts, name) for name in _COUNTED},
                    "undone": r.undone,
                    "undone_on": r.undone_on.isoformat() if r.undone_on else None,
                }
                for r in records
            ],
            context.out,
        )
        return EXIT_OK
    if not records:
        print(say("no_imports", lang), file=context.out)
        return EXIT_OK
    rows = [
        [
            str(r.import_id),
            r.imported_at.isoformat(sep=" ", timespec="minutes"),
            r.file_name,
            _kind_name(r.kind, lang) if is_chinese(lang) else r.kind,
            *(str(getattr(r.counts, name)) for name in _COUNTED),
            say("undone_on", lang, day=r.undone_on.isoformat()) if r.undone_on else "",
        ]
        for r in records
    ]
    print_table(headers("imports_headers", lang), rows, context.out)
    return EXIT_OK


def run_undo_import(args, context) -> int:
    """Undo the import numbered ID, or the latest one not undone yet: what it added goes, nothing else changes.
    Refused (exit 1, the reason on stderr) when something recorded since depends on it."""
    from jiebei_tracker.domain.errors import InvalidValue
    from jiebei_tracker.services.imports.history import latest_undoable, list_imports

    lang = lang_of(args)
    if args.import_id is None:
        record = latest_undoable(context.database)
        if record is None:
            print(say("nothing_to_undo", lang), file=sys.stderr)
            return EXIT_BAD_DATA
    else:
        import_id = whole_number(args.import_id, "ID", 1, 2**62, lang=lang)
        record = next((r for r in list_imports(context.database) if r.import_id == import_id), None)
        if record is None:
            raise InvalidValue("import", import_id, say("no_such_import", lang))
    _, removed = context.ledger.undo_import_counted(record.import_id)
    what = _counted(removed, lang) if is_chinese(lang) else removed.describe()
    print(say("undone", lang, id=record.import_id, file=record.file_name, removed=what), file=context.out)
    return EXIT_OK


def _counted(counts, lang: str) -> str:
    """What an import added or its undo removed: ``2 笔借款、5 笔还款`` (``没有内容`` when nothing)."""
    parts = [say(f"count_{name}", lang, count=getattr(counts, name)) for name in _COUNTED if getattr(counts, name)]
    return "、".join(parts) or say("nothing", lang)
