"""The command line's language (``--lang en|zh_CN``) and the words its record-keeping commands say in both.

One ``--lang`` option for every command that prints something a person reads (``add_language_option``); it is
checked once, before the command runs (``language``). English is the default and stays as it always was: the
codes (``equal_installment``, ``settled``) and the rates as typed (``9.12% a year``). In Chinese the same lines
come out with the vocabulary's Chinese labels (``等额本息``, ``已结清``), rates as ``年化利率 9.12%`` or
``日利率 0.03%``, money as ``¥1,234.56`` and dates ISO. ``--json`` never changes: its keys and codes are the
same in both languages.

The health, plan and what-if commands keep their own tables (``cli_health._SAY``, ``cli_plan._SAY``); the
others' words are here, in ``WORDS``.
"""

from __future__ import annotations

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.rates import RateBasis
from jiebei_tracker.domain.rules.flags import ARTICLE_TITLE, Text, cited
from jiebei_tracker.importers.errors import error_report

LANGUAGES = ("en", "zh_CN")


def language(text: str, *, field: str) -> str:
    """``en`` or ``zh_CN`` (any case, ``zh-cn`` too); anything else is refused under ``field``."""
    for known in LANGUAGES:
        if text.replace("-", "_").lower() == known.lower():
            return known
    raise InvalidValue(field, text, "must be en or zh_CN")


def add_language_option(parser) -> None:
    """The one ``--lang`` option, as every command that has it takes it."""
    parser.add_argument("--lang", metavar="LANG", default="en", help="en (default) or zh_CN: the text's language")


def is_chinese(lang: str) -> bool:
    return lang.startswith("zh")


def term(value, lang: str) -> str:
    """A vocabulary term as the text output shows it: its code in English (what the output has always printed,
    and what the options take), its Chinese label in Chinese."""
    return value.label(lang) if is_chinese(lang) else value.value


def rate_words(rate, lang: str) -> str:
    """A rate as entered, saying per what: ``9.12% a year`` / ``年化利率 9.12%``, ``0.03% a day`` / ``日利率 0.03%``."""
    if not is_chinese(lang):
        return rate.in_words()
    word = "日利率" if rate.basis is RateBasis.DAILY else "年化利率"
    return f"{word} {rate.as_entered()}"


def article_line(sections, lang: str) -> str:
    """Where a flag comes from, naming the article as the window and the report do: ``参考文章《…》：原因 1；策略 1(2)``
    or ``From the article “…”: Cause 1; Strategy 1(2)``."""
    if is_chinese(lang):
        return f"参考文章《{ARTICLE_TITLE}》：{cited(sections, lang)}"
    return f"From the article “{ARTICLE_TITLE}”: {cited(sections, lang)}"


def say(key: str, lang: str, **values) -> str:
    """``WORDS[key]`` in ``lang`` with ``values`` filled in; ``{s}`` is the English plural ending of ``count``, and
    ``{days_s}`` that of ``days`` (of any whole number given)."""
    count = values.get("count")
    endings = {f"{name}_s": "" if value == 1 else "s" for name, value in values.items() if type(value) is int}
    return WORDS[key].get(lang).format(s="" if count == 1 else "s", **endings, **values)


def headers(key: str, lang: str) -> list[str]:
    """A table's column headers: ``WORDS[key]`` split at ``|``."""
    return WORDS[key].get(lang).split("|")


def refusal(field: str, value: object, reason: str, lang: str) -> str:
    """The one line a refused value gets on stderr: ``jiebei-tracker: error: --on 'x': reason``; in Chinese with
    full-width punctuation, Chinese quotes and the reason in Chinese (``reason_words``)."""
    if not is_chinese(lang):
        return f"jiebei-tracker: error: {field} {value!r}: {reason}"
    shown = "" if value is None else f" “{value}”"
    return f"jiebei-tracker：错误：{field}{shown}：{reason_words(reason, lang)}"


def reason_words(reason: str, lang: str) -> str:
    """A reason the domain, the ledger or an importer gave in English, said in ``lang`` as the window says it: from
    the same translation file (``ui.refusal_text``). Imported only when a reason is said in Chinese: Qt's modules
    would double the time every command takes to start."""
    if not is_chinese(lang):
        return reason
    from jiebei_tracker.ui.refusal_text import reason_text

    return reason_text(reason, lang)


def problem_words(message: str, lang: str) -> str:
    """A file's problem (``loans.csv:3: reason``: an import's, an export's) in ``lang``, as ``reason_words``."""
    if not is_chinese(lang):
        return message
    from jiebei_tracker.ui.refusal_text import problem_text

    return problem_text(message, lang)


def row_errors(errors, file_name: str, lang: str, *, total: int | None = None) -> list[str]:
    """A file's bad cells (``FILE:LINE: column 'X': reason``, then how many more) in ``lang``, as ``reason_words``."""
    if not is_chinese(lang):
        return error_report(errors, file_name, total=total)
    from jiebei_tracker.ui.refusal_text import error_lines

    return error_lines(errors, file_name, total=total, lang=lang)


def error_line(message: str, lang: str) -> str:
    """Any other one-line refusal the CLI writes itself."""
    return f"jiebei-tracker：错误：{message}" if is_chinese(lang) else f"jiebei-tracker: error: {message}"


# Chinese rules (tests/chinese.py): full-width punctuation inside Chinese, 您 never 你, a space between Chinese and
# digits or Latin, and the app's words (自动还款, 逾期未还, 提前结清, 提前还部分, 未还本金, 还款计划, 已结清…).
WORDS: dict[str, Text] = {
    # -- loans, schedule, platforms, notes ------------------------------------------------------------------
    "no_loans": Text(
        "还没有借款。用 `jiebei-tracker add-loan` 添加一笔，或用 `jiebei-tracker demo` 填入示例数据。",
        "no loans yet — add one with `jiebei-tracker add-loan`, or try `jiebei-tracker demo`",
    ),
    "loans_headers": Text(
        "#|借款编号|平台|借款日期|本金|期数|还款方式|利率|未还本金|下次还款日|下次应还|状态",
        "#|id|platform|borrowed|principal|months|method|rate|outstanding|next due|amount|status",
    ),
    "schedule_title": Text(
        "借款 #{number}{name}：{platform}，{day} 借款 {principal}，{months} 个月，{method}，{rate}，{basis}，"
        "真实年化利率 {apr}{source}；截至 {as_of}",
        "loan #{number}{name} — {platform}, {principal} borrowed {day}, {months} months, {method}, {rate}, "
        "interest {basis}, true APR {apr}{source}; as of {as_of}",
    ),
    "schedule_name": Text("（{name}）", " ({name})"),
    "schedule_source": Text("，还款计划：{source}", ", schedule {source}"),
    "schedule_headers": Text(
        "期数|到期日|本金|利息|手续费|合计|已还|状态", "seq|due|principal|interest|fee|total|paid|status"
    ),
    "platforms_headers": Text("平台|类型|额度|记录日期|变化", "platform|kind|limit|since|change"),
    "notes_headers": Text(
        "编号|日期|类型|查询原因|已解决|移出征信|内容", "id|date|kind|reason|resolved|leaves the report|text"
    ),
    "yes": Text("是", "yes"),
    "no": Text("否", "no"),
    "institution_text": Text("{institution}：{text}", "{institution}: {text}"),
    "five_years": Text("结清后 5 年", "5 years after settled"),
    # -- repayments, pay, payoff, prepay, catch-up ---------------------------------------------------------------
    "no_repayments": Text("还没有还款记录", "no repayments recorded"),
    "no_repayments_on": Text("借款 #{number} 还没有还款记录", "no repayments recorded on loan #{number}"),
    "repayments_headers": Text(
        "编号|借款|还款日期|金额|提前结清|来源|备注", "id|loan|paid on|amount|payoff|source|note"
    ),
    "logged": Text("已登记借款 #{number} 的还款 {amount}", "logged {amount} on loan #{number}"),
    "replaced_assumed": Text(
        "这笔还款取代了 {day} 按还款计划或自动扣款记下的还款（是同一期）",
        "it takes the place of the repayment assumed on {day} (from the schedule or autopay): the same installment",
    ),
    "proposed": Text("建议结清金额：{parts}", "proposed payoff: {parts}"),
    "due_one": Text(
        "已到期的 1 期（本金和利息）{amount}", "the installment already due (principal and interest) {amount}"
    ),
    "due_many": Text(
        "已到期的 {count} 期（本金和利息）{amount}",
        "{count} installment{s} already due (principal and interest) {amount}",
    ),
    "accrued": Text(
        "本金 {principal} + {days} 天的利息 {interest}",
        "principal {principal} + interest for {days} day{days_s} {interest}",
    ),
    "penalty": Text("罚息约 {amount}", "penalty interest about {amount}"),
    "estimate": Text(
        "（这是估算：请用 --amount 填写平台要求的金额）", " (an estimate: use --amount for what the platform asks)"
    ),
    "far_below": Text(
        "比 {day} 的建议结清金额 {quote} 低很多；如果这确实是您还的金额，请加上 --force",
        "is far below the proposed payoff of {quote} on {day}; use --force if this is what you paid",
    ),
    "paid_off": Text("已用 {amount} 提前结清借款 #{number}", "paid off loan #{number} with {amount}"),
    "prepaid": Text(
        "{day} 为借款 #{number} 提前还部分 {amount}：其中利息 {interest}，本金 {principal}；还剩 {count} 期，"
        "从 {first} 起每月 {regular}，最后一期 {last}（{last_day}）；节省利息 {saved}",
        "prepaid {amount} on loan #{number} on {day}: interest {interest}, principal {principal}; {count} "
        "installment{s} left, {regular} a month from {first}, last {last} on {last_day}; interest saved {saved}",
    ),
    "edited": Text(
        "借款 #{number} 的还款 {id} 已修改，各期已重新计算",
        "repayment {id} on loan #{number} changed; its installments were worked out again",
    ),
    "say_what": Text("请说明要改什么：--on、--amount 或 --note", "say what to change: --on, --amount or --note"),
    "deleted_repayment": Text("已删除借款 #{number} 的还款 {id}", "deleted repayment {id} of loan #{number}"),
    "in_future": Text("是将来的日期", "is in the future"),
    "no_catch_up": Text(
        "截至 {day}，没有待记录的自动还款",
        "no autopay installment due on or before {day} is waiting to be recorded",
    ),
    "catch_up_line": Text(
        "{day}  {platform}  借款 #{number}  第 {seq}/{term} 期  {amount}",
        "{day}  {platform}  loan #{number}  installment {seq}/{term}  {amount}",
    ),
    "would_record": Text(
        "将把 {count} 期自动还款记为在到期日已还，共 {total}",
        "would record {count} autopay installment{s} as paid on their due dates, {total}",
    ),
    "recorded": Text(
        "已把 {count} 期自动还款记为在到期日已还，共 {total}",
        "recorded {count} autopay installment{s} as paid on their due dates, {total}",
    ),
    # -- add-loan, delete-loan, platform, limit, note, resolve-note, demo -------------------------------------
    "added_loan": Text("已添加借款 #{number}{name}", "added loan #{number}{name}"),
    "on_schedule": Text(
        "已把 {count} 期记为在到期日按时还清，共 {amount}",
        "recorded {count} installment{s} as paid on their due dates, {amount}",
    ),
    "settled_on": Text("已记下 {day} 提前结清，金额 {amount}", "recorded the early settlement on {day}, {amount}"),
    "overdue_warning": Text(
        "注意：这笔借款有 {count} 期在今天之前到期，已记为逾期未还；如果其实已经还了，请删除这笔借款，"
        "再用 --paid-through DATE 或 --settled-on DATE 重新添加",
        "warning: {count} installment{s} of this loan fell due before today; recorded as not repaid "
        "(overdue); if they were repaid, delete the loan and add it again with --paid-through DATE or "
        "--settled-on DATE",
    ),
    "high_rate": Text("提示：{words} 非常高（年化利率超过 24%）", "note: {rate} is a very high rate (over 24% a year)"),
    "with_settled_on": Text("要和 --settled-on DATE 一起使用", "goes with --settled-on DATE"),
    "deleted_loan": Text("已删除借款 #{number}", "deleted loan #{number}"),
    "kind_or_penalty": Text(
        "请给出 --kind KIND、--penalty-multiplier M，或两者都给",
        "give --kind KIND, --penalty-multiplier M, or both",
    ),
    "platform_kind": Text("{name}：{kind}", "{name}: {kind}"),
    "platform_penalty": Text(
        "{name}：罚息为日利率的 {multiplier} 倍", "{name}: penalty interest {multiplier} × the daily rate"
    ),
    "limit": Text("{platform}：额度 {amount}", "{platform}: limit {amount}"),
    "added_note": Text("已添加征信记录 #{id}", "added note #{id}"),
    "resolved_note": Text("征信记录 #{id} 已标记为已解决", "note #{id} resolved"),
    "demo_taken": Text(
        "已经有记录；示例数据请用 --db 指定一个新文件",
        "already has records; use --db with a new file for the demo data",
    ),
    "demo_generated": Text("{years} 年内的 {count} 笔示例借款", "{count} demo loan{s} over {years} years"),
    "demo_sample": Text(
        "示例数据（{platforms} 个平台上的 {count} 笔借款）",
        "the sample history ({count} loan{s} on {platforms} platform{platforms_s})",
    ),
    "demo_added": Text("已把{what}添加到 {path}", "added {what} to {path}"),
    # -- whole numbers (IDs, --years, --days…) --------------------------------------------------------------------
    "not_whole": Text("不是整数", "not a whole number"),
    "out_of_range": Text("必须在 {low} 到 {high} 之间", "must be {low} to {high}"),
    # -- import, export, imports, undo-import -------------------------------------------------------------------
    "file_line": Text("{file}：{text}", "{file}: {text}"),
    "layout": Text(
        "{encoding}，{delimiter}分隔，表头在第 {line} 行{titles}",
        "{encoding}, {delimiter}-separated, header on line {line}{titles}",
    ),
    "titles": Text("（上方 {count} 行标题已忽略）", " ({count} title line{s} above it ignored)"),
    "delimiter_comma": Text("逗号", "comma"),
    "delimiter_tab": Text("制表符", "tab"),
    "delimiter_semicolon": Text("分号", "semicolon"),
    "delimiter_pipe": Text("竖线", "pipe"),
    "unknown_columns": Text("已忽略不认识的列：{columns}", "unknown columns ignored: {columns}"),
    "skipped": Text("跳过 {count} 行{why}：{lines}", "skipped {count} {why} line{s}: {lines}"),
    "skipped_blank": Text("空行", "blank"),
    "skipped_separator": Text("分隔线", "separator"),
    "skipped_summary": Text("汇总行", "summary"),
    "rows": Text(
        "共 {count} 行：新增 {new} 行，已存在 {present} 行，有错 {bad} 行",
        "{count} row{s}: {new} new, {present} already there, {bad} bad",
    ),
    "import_kind": Text("平台 {name}：类型 {kind}", "platform {name}: kind {kind}"),
    "import_penalty": Text(
        "平台 {name}：罚息为日利率的 {multiplier} 倍", "platform {name}: penalty interest {multiplier} × the daily rate"
    ),
    "notice": Text("提示：{message}", "notice: {message}"),
    "bad_rows": Text(
        "没有导入任何内容：请修正 {count} 行错误，或用 --valid-only 只导入正确的行",
        "nothing imported: fix the {count} bad row{s}, or use --valid-only to import the others",
    ),
    "would_import": Text("试运行：将导入 {what}，没有写入任何内容", "dry run: would import {what}; nothing written"),
    "imported": Text("已导入 {what}{left_out}", "imported {what}{left_out}"),
    "left_out": Text("（{count} 行有错，没有导入）", " ({count} bad row{s} left out)"),
    "count_loans": Text("{count} 笔借款", "{count} loan{s}"),
    "count_repayments": Text("{count} 笔还款", "{count} repayment{s}"),
    "count_limits": Text("{count} 条额度记录", "{count} credit limit{s}"),
    "count_notes": Text("{count} 条征信记录", "{count} credit-report note{s}"),
    "count_platforms": Text("{count} 个平台", "{count} platform{s}"),
    "nothing": Text("没有内容", "nothing"),
    "profile_kind": Text(
        "{profile}：这个导入模板用于{kind}文件，不能用于{wanted}文件",
        "{profile}: this profile is for {kind} files, not {wanted}",
    ),
    "kind_loans": Text("借款", "loans"),
    "kind_repayments": Text("还款", "repayments"),
    "kind_limits": Text("额度记录", "limits"),
    "kind_notes": Text("征信记录", "notes"),
    "kind_alipay": Text("支付宝账单", "alipay"),
    "kind_credit_report": Text("信用报告", "credit_report"),
    "dry_run": Text("试运行：没有写入任何内容", "dry run: nothing written"),
    "plan_read": Text(
        "{file}：共 {count} 期，{first} 至 {last}；利息 {interest}（按借款条件计算为 {computed}），费用 {fees}",
        "{file}: {count} installment{s}, {first} to {last}; interest {interest} (computed: {computed}), fees {fees}",
    ),
    "plan_used": Text(
        "借款 #{number}：还款计划已改为平台的还款计划", "loan #{number}: the schedule is now the platform's plan"
    ),
    "plans_read": Text("{file}：{count} 笔借款的还款计划", "{file}: the schedules of {count} loan{s}"),
    "plans_used": Text("已恢复 {count} 笔借款的还款计划", "put back the schedules of {count} loan{s}"),
    "report_read": Text(
        "{file}：信用报告{dated}：{inquiries} 条查询记录，{overdue} 个账户有逾期月份",
        "{file}: credit report{dated}: inquiries {inquiries}, accounts with overdue months {overdue}",
    ),
    "report_dated": Text("（{day}）", " of {day}"),
    "report_new": Text("  新增：{day} {kind}{reason}：{text}", "  new: {day} {kind}{reason}: {text}"),
    "report_reason": Text("（{reason}）", " [{reason}]"),
    "report_already": Text("  {count} 条已经记录过，保持不变", "  {count} recorded already: left as they are"),
    "nothing_new": Text("没有新的内容可导入", "nothing new to import"),
    "report_imported": Text(
        "已把 {inquiries} 条查询记录和 {overdue} 条逾期记录导入为征信记录（导入 #{id}；用 `undo-import` 可以撤销）",
        "imported as credit-report notes: inquiries {inquiries}, overdue records {overdue} (import #{id}; "
        "`undo-import` takes it back)",
    ),
    "alipay_read": Text(
        "{file}：支付宝交易明细，{encoding}，表头在第 {line} 行；共 {rows} 笔交易，其中 {credit} 笔与借贷有关",
        "{file}: Alipay transaction statement, {encoding}, header on line {line}; {rows} transactions, "
        "{credit} credit-related",
    ),
    "alipay_unreadable": Text(
        "没有导入任何内容：上面这些借贷记录无法读取", "nothing imported: the credit rows above cannot be read"
    ),
    "alipay_row": Text(
        "第 {line} 行：{day} {platform} {movement} {amount}", "line {line}: {day} {platform} {movement} {amount}"
    ),
    "movement_disbursement": Text("借款到账", "disbursement"),
    "movement_repayment": Text("还款", "repayment"),
    "movement_other": Text("其他", "other"),
    "alipay_repayment": Text("{what} → {reason}", "{what} → {reason}"),
    "alipay_as_is": Text("{what}：{reason}", "{what}: {reason}"),
    "alipay_add_loan": Text(
        "{what}：还没有记录，可以这样添加：{command}", "{what}: not recorded yet — add it with: {command}"
    ),
    "alipay_choose": Text(
        "{what}：{reason}（也可以在导入向导里选择借款）", "{what}: {reason} (or choose the loan in the import wizard)"
    ),
    "alipay_waiting": Text("；{count} 行需要您处理（见上）", "; waiting for you: {count} row{s} (see above)"),
    "alipay_would": Text(
        "试运行：将导入 {count} 笔还款（{present} 笔已存在）{tail}",
        "dry run: would import {count} repayment{s} ({present} already there){tail}",
    ),
    "alipay_imported": Text(
        "已导入 {count} 笔还款（{present} 笔已存在）{tail}",
        "imported {count} repayment{s} ({present} already there){tail}",
    ),
    "wrote": Text("已写入 {path}", "wrote {path}"),
    "no_imports": Text("还没有导入记录", "no imports yet"),
    "imports_headers": Text(
        "#|导入时间|文件|类型|借款|还款|额度记录|征信记录|平台|撤销",
        "#|imported|file|kind|loans|repayments|limits|notes|platforms|undone",
    ),
    "undone_on": Text("已于 {day} 撤销", "undone {day}"),
    "nothing_to_undo": Text(
        "没有可以撤销的导入（`imports` 会列出导入记录）", "no import to undo (`imports` lists them)"
    ),
    "no_such_import": Text("没有这个导入（`imports` 会列出导入记录）", "no such import (`imports` lists them)"),
    "undone": Text("已撤销导入 #{id}（{file}）：删除了 {removed}", "removed import #{id} ({file}): {removed}"),
    # -- backup, backups, restore --------------------------------------------------------------------------------
    "backed_up": Text("已把 {db} 备份到 {target}", "backed up {db} to {target}"),
    "no_backups": Text(
        "{db} 还没有备份（每天第一次修改时会自动备份）",
        "no backups of {db} yet (one is made on the first change of each day)",
    ),
    "backups_headers": Text("#|时间|原因|借款|还款|大小|文件", "#|made|why|loans|repayments|size|file"),
    "reason_daily": Text("当天首次修改", "first write of the day"),
    "reason_import": Text("导入前", "before an import"),
    "reason_migration": Text("升级前", "before an upgrade"),
    "reason_restore": Text("恢复前", "before a restore"),
    "reason_manual": Text("手动备份", "made by you"),
    "reason_passphrase": Text("修改密码前", "before a passphrase change"),
    "encrypted": Text("已加密", "encrypted"),
    "damaged": Text("已损坏", "damaged"),
    "restore_question": Text(
        "要用 {name}（{loans} 笔借款，{repayments} 笔还款）替换 {db} 中的数据吗？替换前会先备份现有数据。",
        "Replace the data in {db} with {name} ({loans} loans, {repayments} repayments)? What is there now is "
        "backed up first.",
    ),
    "restore_yes": Text("加上 --yes 才会继续；没有恢复任何内容", " Add --yes to go ahead; nothing was restored"),
    "restore_prompt": Text("{question} [y/N] ", "{question} [y/N] "),
    "not_restored": Text("没有恢复任何内容", "nothing was restored"),
    "restored": Text("已从 {source} 恢复 {db}", "restored {db} from {source}"),
    "kept_damaged": Text("无法打开的文件已保留为 {kept}", "the file that could not be opened is kept as {kept}"),
    "backed_up_before": Text("恢复前的数据已备份在 {before}", "the data before the restore is backed up in {before}"),
    "no_such_backup": Text(
        "{db} 没有这个备份；`backups` 列出了 {count} 个", "no such backup of {db}; `backups` lists {count}"
    ),
    "no_such_file": Text("没有这个文件，也不是 `backups` 列出的编号", "no such file, and not a number from `backups`"),
}


def lang_of(args) -> str:
    """The language a command was asked for (``en`` when it has no ``--lang``); already checked by ``cli._main``."""
    return getattr(args, "lang", None) or "en"
