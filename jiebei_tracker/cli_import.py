"""The CLI's import and export commands: ``import loans|repayments|limits|notes FILE``, ``import alipay FILE``
and ``export DIR``.

Exit status: 0 when the import (or the dry run) went through — with ``--valid-only``, also when bad rows were
left out and listed; 1 when the file cannot be read, or has bad rows and nothing was imported; 2 bad usage.
Reports go to stdout; errors (``FILE:LINE: column 'X': reason``) to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jiebei_tracker.domain.money import fen_to_yuan, format_yuan

EXIT_OK, EXIT_BAD_DATA = 0, 1
_KINDS = ("loans", "repayments", "limits", "notes")
_NOUNS = {"loans": "loans", "repayments": "repayments", "limits": "credit limits", "notes": "credit-report notes"}


def register(commands) -> dict:
    """Add ``import`` (one sub-command per kind of file) and ``export``; returns their handlers."""
    parser = commands.add_parser("import", help="import loans, repayments, limits or notes from CSV, or Alipay")
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
    export = commands.add_parser("export", help="write loans.csv, repayments.csv, limits.csv, notes.csv into DIR")
    export.add_argument("folder", metavar="DIR")
    export.add_argument("--overwrite", action="store_true", help="replace files of those names already in DIR")
    return {"import": run_import, "export": run_export}


def _service(context):
    from jiebei_tracker.services.imports import ImportService

    return ImportService(database=context.database, ledger=context.ledger, today=lambda: context.today)


def _read(path_text: str) -> bytes | None:
    try:
        return Path(path_text).read_bytes()
    except OSError as error:
        print(f"{path_text}: cannot read the file ({error.strerror})", file=sys.stderr)
        return None


def run_import(args, context) -> int:
    from jiebei_tracker.importers.errors import ImportFailure

    data = _read(args.file)
    if data is None:
        return EXIT_BAD_DATA
    service = _service(context)
    try:
        if args.import_kind == "alipay":
            return _import_alipay(args, context, service, data)
        return _import_csv(args, context, service, data)
    except ImportFailure as failure:
        print(failure.message(), file=sys.stderr)
        return EXIT_BAD_DATA


def _import_csv(args, context, service, data: bytes) -> int:
    from jiebei_tracker.importers.columns import FileKind
    from jiebei_tracker.importers.reading import ReadOptions

    kind = FileKind(args.import_kind)
    columns = None
    if args.profile:
        profile = service.profile(args.profile)
        if profile.kind is not kind:
            print(f"{args.profile}: this profile is for {profile.kind.value} files, not {kind.value}", file=sys.stderr)
            return EXIT_BAD_DATA
        columns = profile.columns
    options = ReadOptions(kind=kind, encoding=args.encoding, delimiter=args.delimiter, columns=columns)
    plan = service.plan(data, file_name=args.file, options=options)
    out = context.out
    print(f"{args.file}: {plan.layout.describe()}", file=out)
    if plan.layout.columns.unknown:
        print("unknown columns ignored: " + ", ".join(plan.layout.columns.unknown), file=out)
    for line in _skipped_summary(plan.layout.skipped):
        print(line, file=out)
    print(f"{plan.rows} rows: {plan.new} new, {plan.present} already there, {plan.bad} bad", file=out)
    for name, kind_set in plan.matched.platform_kinds.items():
        print(f"platform {name}: kind {kind_set.value}", file=out)
    for message in plan.error_messages():
        print(message, file=sys.stderr)
    noun = _NOUNS[kind.value]
    if plan.bad and not args.valid_only:
        print(f"nothing imported: fix the {plan.bad} bad rows, or use --valid-only to import the others", file=out)
        return EXIT_BAD_DATA
    past = _past_answer(args, context, plan)
    if past is False:
        return EXIT_BAD_DATA
    if args.dry_run:
        print(f"dry run: would import {plan.new} {noun}; nothing written", file=out)
        return EXIT_OK
    service.commit(plan, valid_only=args.valid_only, past=past)
    left_out = f" ({plan.bad} bad rows left out)" if plan.bad else ""
    print(f"imported {plan.new} {noun}{left_out}", file=out)
    return EXIT_OK


def _past_answer(args, context, plan):
    """The --past answer (None when not given); False, with the question printed, when the file has loans with
    installments already due that neither the file nor --past says were repaid or not."""
    from jiebei_tracker.services.imports import PastAnswer, past_question

    answer = PastAnswer(args.past) if getattr(args, "past", None) else None
    if answer is None:
        unanswered = plan.undecided(context.today)
        if unanswered:
            print(f"{args.file}: {past_question(unanswered)}", file=sys.stderr)
            return False
    return answer


def _skipped_summary(skipped) -> list[str]:
    by_reason: dict[str, list[int]] = {}
    for item in skipped:
        by_reason.setdefault(item.why, []).append(item.line)
    lines = []
    for why, numbers in by_reason.items():
        shown = ", ".join(str(n) for n in numbers[:10]) + (" …" if len(numbers) > 10 else "")
        lines.append(f"skipped {len(numbers)} {why} line{'s' if len(numbers) > 1 else ''}: {shown}")
    return lines


def _import_alipay(args, context, service, data: bytes) -> int:
    """Repayment rows that fit exactly one open loan are imported as its repayments (with their order numbers,
    so a second import adds nothing). Every other credit row is listed with what to do about it: a disbursement
    becomes a loan with ``add-loan … --id ORDER`` (the statement does not give the term, method or rate), and a
    repayment without a clear loan waits for the loan to be added, or for the import wizard."""
    from jiebei_tracker.importers.alipay import Movement
    from jiebei_tracker.importers.alipay_plan import Action

    plan = service.plan_alipay(data, file_name=args.file, encoding=args.encoding)
    statement, out = plan.statement, context.out
    print(
        f"{args.file}: Alipay transaction statement, {statement.encoding_label}, header on line "
        f"{statement.header_line}; {statement.rows_read} transactions, {len(statement.credit_rows)} credit-related",
        file=out,
    )
    if statement.errors:
        for message in plan.error_messages():
            print(message, file=sys.stderr)
        print("nothing imported: the credit rows above cannot be read", file=out)
        return EXIT_BAD_DATA
    to_write, waiting = 0, 0
    for suggestion in plan.suggestions:
        row = suggestion.row
        amount = format_yuan(row.amount_fen)
        what = f"line {row.line}: {row.day.isoformat()} {row.platform} {row.movement.value} {amount}"
        if suggestion.choice.action is Action.REPAYMENT:
            to_write += 1
            print(f"{what} → {suggestion.reason}", file=out)
        elif suggestion.present or not row.money_moved:
            print(f"{what}: {suggestion.reason}", file=out)
        elif row.movement is Movement.DISBURSEMENT:
            waiting += 1
            print(
                f"{what}: not recorded yet — add it with: jiebei-tracker add-loan --platform {row.platform} "
                f"--borrowed-on {row.day.isoformat()} --principal {fen_to_yuan(row.amount_fen)} --term N "
                f"--method METHOD --annual-rate R --id {row.order_no}",
                file=out,
            )
        else:
            waiting += 1
            print(f"{what}: {suggestion.reason} (or choose the loan in the import wizard)", file=out)
    tail = f"; {waiting} rows need you (see above)" if waiting else ""
    if args.dry_run:
        print(f"dry run: would import {to_write} repayments ({plan.present} already there){tail}", file=out)
        return EXIT_OK
    service.commit_alipay(plan, {})
    print(f"imported {to_write} repayments ({plan.present} already there){tail}", file=out)
    return EXIT_OK


def run_export(args, context) -> int:
    from jiebei_tracker.importers.errors import ImportFailure

    try:
        written = _service(context).export(args.folder, overwrite=args.overwrite)
    except ImportFailure as failure:
        print(failure.message(), file=sys.stderr)
        return EXIT_BAD_DATA
    for path in written.values():
        print(f"wrote {path}", file=context.out)
    return EXIT_OK
