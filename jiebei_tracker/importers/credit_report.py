"""The personal credit report (个人信用报告, from the credit reference center 征信中心 or a bank's app), read from its
text — pasted, a ``.txt`` file, or a PDF's text layer — into the inquiries it lists and the accounts it shows as
overdue. Nothing is written and nothing is copied: the file is only read.

What is read
------------

The inquiries, from the tables under these headings (each heading a line of its own, with or without a numbering
such as ``（一）`` or ``2.`` before it):

- ``机构查询记录明细`` — lenders' and others' inquiries (``own`` is False);
- ``本人查询记录明细`` or ``个人查询记录明细`` — the borrower's own (``own`` is True);
- ``查询记录明细`` alone — one table of both; a row is ``own`` when its reason is 本人查询.

A table starts with its header row, the four headers 编号 · 查询日期 · 查询机构 (or 查询操作员) · 查询原因 in any order
(the columns of the rows follow the header's order; the header may be broken over several lines). Without a header
the usual order is taken. Cells are separated by tabs, full-width spaces or any run of spaces. A row begins with
its 编号, the next number in sequence (1, 2, 3, … in each table): where 编号 is the first column, the line that
starts with that number; otherwise the line on which that number stands alone. Every line after it, up to the
next row, is part of the row, so a row broken over lines is read whole: a long institution name or reason that
wraps onto the next line (each cell's pieces in order), a date on one line and the rest on the next. Where the
pieces of a row could be put together more than one way, the reading whose reason is one the vocabulary knows
wins (``本人查询（互联网个人信用信息服`` + ``务平台）``); otherwise a continuation line belongs to the institution.
Skipped inside a table: blank lines, page footers and headers (``第 3 页，共 8 页``, ``-3-``, ``3/8``, a page
number alone, the title 个人信用报告, the line of 报告编号 / 报告时间 repeated on each page, rules of dashes) and
the header row repeated on a new page. A table ends at the next heading (说明, 本人声明, 异议标注, 公共信息明细,
查询记录汇总, any other ``…明细`` or a numbered part such as ``八 查询记录``), at a sentence (a line with ``。``
or ending with ``：``), or at the end of the text.

The dates: 2024-03-05, 2024.03.05, 2024/3/5, 2024年3月5日, 20240305 (full-width digits too, and the number run
into the date, ``12024.03.05``, as some PDFs give it). The reason: the vocabulary's names and synonyms
(``InquiryReason.parse``: 贷款审批, 本人查询（互联网个人信用信息服务平台）…); else the reason a longer text names
(``InquiryReason.named_in``: 本人查询（商业银行手机银行） is 本人查询); else, when the cell is not empty,
``InquiryReason.OTHER`` (特约商户实名审查, 客户准入资格审查). An own inquiry with no institution is put down as
``本人``.

The overdue accounts, from the credit transactions part, either of:

- the sentences of the report's summary version (简版): an account's paragraph, starting with its number and the
  day it was opened (``1.2019年06月15日招商银行发放的50,000元（人民币）个人消费贷款，…``), that says
  ``最近5年内有3个月处于逾期状态`` (a loan, a credit card) or ``最近5年内有3个月透支超过60天`` (a quasi-credit card,
  准贷记卡). ``account`` is the institution and the kind of account (``招商银行 个人消费贷款``), or the paragraph's
  first line when it is worded otherwise. ``longest_days`` is N where the paragraph says ``最长逾期N天``; where it
  says only ``其中1个月逾期超过90天`` (or 透支超过90天) it is 91, the fewest days those words allow; else None;
- when there is no such sentence, the table ``逾期（透支）信息汇总`` of the full version: one ``ReportOverdue`` per
  kind of account (非循环贷账户, 循环额度下分账户, 循环贷账户, 贷记卡账户, 准贷记卡账户) whose 月份数 is above 0,
  with a row per kind (``贷记卡账户 1 2 3,000 1`` under ``账户类型 账户数 月份数 …``) or a column per kind (a row
  ``月份数 0 0 0 2 0`` under the kinds). ``longest_days`` is None (the table gives months, not days).

The month-by-month repayment grid of each account in the full version is not read.

What is refused
---------------

``InvalidValue`` (its field names the place: ``pasted text:42``, or ``report.pdf page 3, line 12``): a text with
no query table (``no 机构查询记录明细 or 本人查询记录明细 section: is this the text of a 个人信用报告?``), and a row
that cannot be read — no date, two dates (a row's 编号 lost), a date that is no day, no reason, no institution, a
row with a date but no 编号, an 编号 out of sequence — quoting what was found. ``FileProblem``: a file that cannot
be read, is not text, is too large to be a report, or is a PDF that is damaged, locked with a password, or has no
text layer (a scan). A PDF encrypted only against changes (no password to open it, as banks' PDFs often are) is
read like any other.

A PDF's text comes page by page from pypdf; the radical forms some PDFs' fonts map their characters to (``⽇`` for
日, ``⻚`` for 页) are read as the characters they stand for, in pasted text too.
"""

from __future__ import annotations

import bisect
import io
import itertools
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from jiebei_tracker.domain.dates import parse_date
from jiebei_tracker.domain.errors import FileProblem, InvalidValue
from jiebei_tracker.domain.money import normalize_text, shortened
from jiebei_tracker.domain.vocabulary import InquiryReason
from jiebei_tracker.importers.decoding import decode
from jiebei_tracker.importers.errors import ImportFailure

# A credit report is a few hundred kilobytes of text, a few megabytes as a PDF: anything far bigger is not one.
MAX_TEXT_BYTES = 20 << 20
MAX_PDF_BYTES = 100 << 20
# Fewer characters than this on all pages of a PDF is no text layer (a scan may carry a stray mark or two).
_LEAST_TEXT = 20


@dataclass(frozen=True)
class ReportInquiry:
    """One row of 机构查询记录明细 or 本人查询记录明细."""

    number: int  # 编号
    day: date  # 查询日期
    institution: str  # 查询机构 (查询操作员), as written; 本人 for an own inquiry that names none
    reason: InquiryReason  # 查询原因
    line: int  # the line of the text the row starts on (1-based)
    own: bool  # from 本人查询记录明细 (or a 本人查询 in a table of both)


@dataclass(frozen=True)
class ReportOverdue:
    """One account the credit transactions show as overdue in the last five years."""

    account: str  # the institution and the kind of account (招商银行 个人消费贷款), or the kind (贷记卡账户)
    months_overdue: int  # months overdue in the last 5 years (最近5年内有N个月处于逾期状态, or 月份数)
    longest_days: int | None  # 最长逾期N天; 91 for 逾期超过90天 (at least that); None when not said
    line: int


@dataclass(frozen=True)
class CreditReport:
    """What the report says that the app uses: the day it was made, its inquiries and its overdue accounts."""

    report_date: date | None  # 报告时间 (else 查询时间) at the top, when found
    inquiries: tuple[ReportInquiry, ...]
    overdue: tuple[ReportOverdue, ...]


def read_credit_report_text(text: str, *, source: str = "pasted text") -> CreditReport:
    """The report in ``text`` (pasted, or a file's); ``source`` is what messages call it."""
    return _read(text, _Places(source))


def read_credit_report_file(path: str | os.PathLike[str]) -> CreditReport:
    """The report in a file: a PDF with a text layer (told by its first bytes, whatever its name), else text in
    UTF-8 (with or without BOM), UTF-16 with BOM or GB18030/GBK."""
    path = Path(path)
    data = _file_bytes(path)
    if data[:1024].lstrip().startswith(b"%PDF-"):
        lines: list[str] = []
        starts = []
        for page in _pdf_pages(data, path):
            starts.append(len(lines) + 1)
            lines += page.splitlines() or [""]
        return _read("\n".join(lines), _Places(str(path), tuple(starts)))
    try:
        text = decode(data, file_name=str(path)).text
    except ImportFailure as failure:
        where = "" if failure.line is None else f"line {failure.line}: "
        raise FileProblem(path, where + failure.reason) from None
    if "\x00" in text:
        raise FileProblem(path, "is neither text nor a PDF: save the report's text (.txt) or its PDF")
    return _read(text, _Places(str(path)))


# -- the file ---------------------------------------------------------------------------------------------------


def _file_bytes(path: Path) -> bytes:
    """The file's bytes, read once (a report is small); a file far larger than any report is refused unread."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_PDF_BYTES + 1)
    except OSError as error:
        raise FileProblem(path, f"cannot be read ({error.strerror})") from None
    limit = MAX_PDF_BYTES if data[:1024].lstrip().startswith(b"%PDF-") else MAX_TEXT_BYTES
    if len(data) > limit:
        raise FileProblem(path, f"is larger than {limit >> 20} MB: too large to be a credit report")
    return data


def _pdf_pages(data: bytes, path: Path) -> list[str]:
    """The text of each page of a PDF. A PDF that needs a password to open, is damaged, or has no text (a scan) is
    refused in one line."""
    locked = "this PDF is locked with a password: open it, save it again without one, or save the report's text"
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileProblem(path, locked)
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError:
        raise FileProblem(path, locked) from None
    except DependencyError:  # AES, which pypdf decrypts only with the cryptography package
        unreadable = "this PDF is encrypted in a way that cannot be read here (AES): save the report's text instead"
        raise FileProblem(path, unreadable) from None
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError) as error:
        raise FileProblem(path, f"is not a PDF that can be read ({type(error).__name__}: {error})") from None
    if sum(len("".join(page.split())) for page in pages) < _LEAST_TEXT:
        raise FileProblem(
            path, "this PDF has no text layer (a scanned image): save the report's text instead, or paste it"
        )
    return pages


# -- the text ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Places:
    """What a message calls a line: ``source:line``, or for a PDF the page and the line on it."""

    source: str
    page_starts: tuple[int, ...] = ()

    def at(self, line: int) -> str:
        if not self.page_starts:
            return f"{self.source}:{line}"
        page = bisect.bisect_right(self.page_starts, line)
        return f"{self.source} page {page}, line {line - self.page_starts[page - 1] + 1}"


def _radicals() -> dict[int, str]:
    """The radical forms (⽇, ⻚) some PDFs' fonts map characters to, and the characters they stand for: the Kangxi
    radicals and compatibility ideographs by Unicode's own mapping (NFKC), and the supplement's radicals that are
    whole characters (⻚ 页, ⻓ 长, ⻔ 门 …), which Unicode only lists as equivalents."""
    table = {}
    for code in itertools.chain(range(0x2F00, 0x2FD6), range(0xF900, 0xFB00)):
        same = unicodedata.normalize("NFKC", chr(code))
        if same != chr(code) and len(same) == 1:
            table[code] = same
    for radical, character in zip(
        "⺁⺇⺊⺌⺒⺓⺝⺟⺠⺩⻁⻄⻅⻆⻉⻋⻑⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
        "厂几卜小巳幺月母民王虎西见角贝车長长门青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
        strict=True,
    ):
        table[ord(radical)] = character
    return table


_RADICALS = _radicals()


def _clean(line: str) -> str:
    """A line as it is read: radical forms as characters, full-width digits and spaces as ASCII, no spaces around."""
    return normalize_text(line.translate(_RADICALS))


def _read(text: str, places: _Places) -> CreditReport:
    lines = [_clean(line) for line in text.splitlines()]
    sections = _query_sections(lines)
    if not sections:
        first = next((line for line in lines if line), "")
        raise InvalidValue(
            places.source,
            shortened(first, 30),
            "no 机构查询记录明细 or 本人查询记录明细 section: is this the text of a 个人信用报告?",
        )
    inquiries = [inquiry for section in sections for inquiry in _section_inquiries(lines, section, places)]
    in_tables = {index for _, start, end in sections for index in range(start, end)}
    return CreditReport(_report_date(lines), tuple(inquiries), tuple(_overdue(lines, in_tables)))


# Dates as a report writes them, inside a line (parse_date reads the one found).
_DATE_TEXT = (
    r"(?<!\d)(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*[日号])?(?!\d)"
    r"|(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
)
_DATE = re.compile(_DATE_TEXT)
_WHOLE_DATE = re.compile(f"(?:{_DATE_TEXT})")
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_NUMBER_ON_DATE = re.compile(r"^(\d{1,3})((?:19|20)\d{2}\s*[-/.年])")


def _report_date(lines: list[str]) -> date | None:
    """The day the report was made: 报告时间 (or 报告日期), else 查询时间, the first one the text gives."""
    for label in ("报告时间|报告日期", "查询时间"):
        pattern = re.compile(rf"(?:{label})\s*[:：]?\s*({_DATE_TEXT})")
        for line in lines:
            found = pattern.search(line)
            if found:
                try:
                    return parse_date(re.sub(r"\s+", "", found.group(1)), field="报告时间")
                except InvalidValue:
                    return None
    return None


# -- where the query tables are ---------------------------------------------------------------------------------

_NUMBERING = r"(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）]?[、.．]?)?"
# The headings of the query tables (the line with its spaces taken out) and whose inquiries each holds.
_QUERY_HEADING = re.compile(rf"^{_NUMBERING}(机构|本人|个人)?查询记录明细(?:[(（][^)）]*[)）])?[:：]?$")
_OWNERS = {"机构": False, "本人": True, "个人": True, None: None}
# Headings that end a table: the report's other parts, and any other …明细.
_TITLE = re.compile(
    rf"^{_NUMBERING}(?:报告说明|说明|本人声明|异议标注|异议信息提示|公共信息明细|公共记录|查询记录汇总|查询记录|"
    r"信贷交易信息明细|信贷交易信息提示|非信贷交易信息明细|信贷记录|信息概要|个人基本信息|重要提示|[^\s\d]{0,16}明细)"
    r"[:：]?$"
)
# A part's title with a Chinese numeral and a space, as the full version numbers them: 八 查询记录.
_PART = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．\s]\s*[\u4e00-\u9fff]{2,12}$")


def _spaceless(line: str) -> str:
    return "".join(line.split())


def _ends_table(line: str) -> bool:
    """Whether a line ends a query table: another heading, or a sentence (a row holds neither ``。`` nor ``：``
    at its end)."""
    bare = _spaceless(line)
    heading = _QUERY_HEADING.match(bare) or _TITLE.match(bare) or _PART.match(line)
    return bool(heading or "。" in line or bare.endswith(("：", ":")))


def _query_sections(lines: list[str]) -> list[tuple[bool | None, int, int]]:
    """Each query table: whose inquiries it holds (None: both), the index of its first line after the heading,
    and the index past its last."""
    sections = []
    for index, line in enumerate(lines):
        heading = _QUERY_HEADING.match(_spaceless(line))
        if heading is None:
            continue
        end = index + 1
        while end < len(lines) and not (lines[end] and not _is_noise(lines[end]) and _ends_table(lines[end])):
            end += 1
        sections.append((_OWNERS[heading.group(1)], index + 1, end))
    return sections


# Lines that are the page's furniture, not the table's: footers, the title and the report number repeated, rules.
_NOISE = re.compile(
    r"^(?:第\s*\d+\s*页\s*[,，/]?\s*(?:共\s*\d+\s*页)?"
    r"|共\s*\d+\s*页\s*[,，/]?\s*第\s*\d+\s*页"
    r"|[-—–－]+\s*\d+\s*[-—–－]+"
    r"|(?:page\s*)?\d+\s*(?:/|of)\s*\d+"
    r"|个人信用报告\s*(?:[(（][^)）]*[)）])?"
    r"|[(（]\s*(?:本人版|个人版|银行版|授权查询版|简版|详版)\s*[)）]"
    r"|(?:报告编号|报告时间|查询时间|被查询者\S*|姓名|证件类型|证件号码)\s*[:：].*"
    r"|报告编号\s*\d+.*"
    r"|[-_=─━—–·.\s]+)$",
    re.IGNORECASE,
)


def _is_noise(line: str) -> bool:
    return bool(_NOISE.match(line))


# -- the rows of a query table ----------------------------------------------------------------------------------

_HEADERS = {
    "编号": "number",
    "序号": "number",
    "查询日期": "day",
    "查询机构": "institution",
    "查询操作员": "institution",
    "查询原因": "reason",
}
_HEADER_WORDS = re.compile("|".join(_HEADERS))
_USUAL_ORDER = ("number", "day", "institution", "reason")


def _header_words(line: str) -> list[str] | None:
    """The columns a line of header words names, in order (编号 查询日期 查询机构 查询原因, or part of them when
    the header is broken over lines); None when the line is not only header words."""
    bare = _spaceless(line)
    if not bare or _HEADER_WORDS.sub("", bare):
        return None
    return [_HEADERS[word] for word in _HEADER_WORDS.findall(bare)]


def _tokens(line: str) -> list[str]:
    """A line's cells: dates kept whole (2024 年 3 月 5 日 is one cell) and parted from what they run into (a number
    before, an institution after), the time after a date dropped, the rest split at any run of white space."""
    line = _NUMBER_ON_DATE.sub(r"\1 \2", line)
    line = _DATE.sub(lambda found: f" {_spaceless(found.group(0))} ", line)
    return [token for token in line.split() if not _TIME.fullmatch(token)]


def _number(token: str) -> int | None:
    """An 编号: a number alone (1, or 1. as some copies give it)."""
    found = re.fullmatch(r"(\d{1,4})[.、]?", token)
    return int(found.group(1)) if found else None


def _section_inquiries(lines: list[str], section: tuple[bool | None, int, int], places: _Places) -> list:
    """The rows of one query table, each put together from the lines it spans."""
    own, start, end = section
    order: list[str] = []
    content: list[tuple[int, list[str]]] = []  # (line number, cells) of the lines that are neither noise nor header
    for index in range(start, end):
        line = lines[index]
        if not line or _is_noise(line):
            continue
        words = _header_words(line)
        if words is not None:
            if not content:
                order += [word for word in words if word not in order]
            continue
        content.append((index + 1, _tokens(line)))
    if len(order) < 2 or "number" not in order:
        order = list(_USUAL_ORDER)
    number_first = order[0] == "number"
    institution_first = _column(order, "institution") < _column(order, "reason")
    return [
        _inquiry(number, row, own, institution_first, places) for number, row in _rows(content, number_first, places)
    ]


def _column(order: list[str], name: str) -> int:
    return order.index(name) if name in order else _USUAL_ORDER.index(name)


def _starts_row(cells: list[str], expected: int, number_first: bool) -> bool:
    if number_first:
        return bool(cells) and _number(cells[0]) == expected
    return any(_number(cell) == expected for cell in cells)


def _rows(content: list[tuple[int, list[str]]], number_first: bool, places: _Places) -> list[tuple[int, list]]:
    """The table's lines grouped into rows by their 编号: each row's 编号 and its lines, as (line number, cells)."""
    rows: list[tuple[int, list[tuple[int, list[str]]]]] = []
    expected = 1
    for position, (number, cells) in enumerate(content):
        alone = len(cells) == 1 and _number(cells[0]) is not None
        if _starts_row(cells, expected, number_first):
            following = content[position + 1][1] if position + 1 < len(content) else []
            if alone and following and _number(following[0]) == expected:
                continue  # a page number that happens to be the next 编号, with the row itself after it
            rows.append((expected, [(number, cells)]))
            expected += 1
        elif alone:
            continue  # a page number on a line of its own
        elif any(_WHOLE_DATE.fullmatch(cell) for cell in cells) and (not rows or number_first):
            found = _number(cells[0]) if cells else None
            if not rows and found is None:
                reason = "a row without its 编号: the table's rows should begin with 1, 2, 3, …"
            elif found is not None:
                reason = f"编号 {found} where {expected} was expected: is a row missing, or out of order?"
            else:
                rows[-1][1].append((number, cells))
                continue
            raise InvalidValue(places.at(number), shortened(" ".join(cells), 40), reason)
        elif rows:
            rows[-1][1].append((number, cells))
    return rows


# Reading the pieces of a row more ways than this is not tried (a real row has two or three lines of a few cells).
_MOST_READINGS = 4096


def _inquiry(number: int, row: list, own: bool | None, institution_first: bool, places: _Places) -> ReportInquiry:
    """One row: its 编号, its one date, and its other cells parted into the institution and the reason."""
    first_line = row[0][0]
    where = places.at(first_line)
    found = shortened(" ".join(cell for _, cells in row for cell in cells), 40)
    cells_by_line = [list(cells) for _, cells in row]
    cells_by_line[0].remove(next(cell for cell in cells_by_line[0] if _number(cell) == number))
    dates = [cell for cells in cells_by_line for cell in cells if _WHOLE_DATE.fullmatch(cell)]
    if not dates:
        raise InvalidValue(where, found, "no 查询日期 in this row (a date such as 2024.03.05 or 2024年3月5日)")
    if len(dates) > 1:
        raise InvalidValue(where, found, "two dates in one row: is the 编号 of the next row missing?")
    try:
        day = parse_date(dates[0], field="查询日期")
    except InvalidValue as error:
        raise InvalidValue(where, found, f"查询日期 {dates[0]!r}: {error.reason}") from None
    text_cells = [[cell for cell in cells if cell != dates[0]] for cells in cells_by_line]
    institution, reason_text = _parted([cells for cells in text_cells if cells], institution_first)
    if not reason_text:
        raise InvalidValue(where, found, "no 查询原因 in this row")
    reason = _reason(reason_text)
    is_own = reason is InquiryReason.SELF if own is None else own
    if not institution:
        if not is_own:
            raise InvalidValue(where, found, "no 查询机构 in this row")
        institution = "本人"
    return ReportInquiry(number, day, institution, reason, first_line, is_own)


def _parted(lines: list[list[str]], institution_first: bool) -> tuple[str, str]:
    """The institution and the reason from a row's other cells, line by line: on each line some cells belong to
    the column on the left, the rest to the one on the right. Of the ways to cut them, the one whose reason the
    vocabulary knows wins, then one whose reason names a known reason; between equals, the usual reading: on the
    first line the last cell is the right-hand column's (one cell alone: the left one's), and the lines after it
    continue the institution."""
    if not lines:
        return "", ""
    first = len(lines[0])
    usual = [(first - 1 if institution_first else 1) if first > 1 else 1]
    usual += [len(cells) if institution_first else 0 for cells in lines[1:]]
    if math.prod(len(cells) + 1 for cells in lines) > _MOST_READINGS:
        readings = [tuple(usual)]
    else:
        readings = itertools.product(*(range(len(cells) + 1) for cells in lines))
    best, best_score = None, None
    for cuts in readings:
        left = _joined(cell for cells, cut in zip(lines, cuts, strict=True) for cell in cells[:cut])
        right = _joined(cell for cells, cut in zip(lines, cuts, strict=True) for cell in cells[cut:])
        institution, reason = (left, right) if institution_first else (right, left)
        score = (
            bool(reason) and _known(reason),
            bool(reason) and InquiryReason.named_in(reason) is not InquiryReason.OTHER,
            bool(institution),
            -sum(cut != wanted for cut, wanted in zip(cuts, usual, strict=True)),
        )
        if best_score is None or score > best_score:
            best, best_score = (institution, reason), score
    return best


def _joined(cells) -> str:
    """A cell's pieces put back together: with nothing between (a Chinese name broken anywhere), except a space
    between two Latin letters or digits (京东 JD Finance)."""
    text = ""
    for cell in cells:
        if text and text[-1].isascii() and text[-1].isalnum() and cell[0].isascii() and cell[0].isalnum():
            text += " "
        text += cell
    return text


def _known(text: str) -> bool:
    try:
        InquiryReason.parse(text, field="查询原因")
    except InvalidValue:
        return False
    return True


def _reason(text: str) -> InquiryReason:
    """The reason a cell gives: by the vocabulary's names, else by the one it names, else OTHER."""
    try:
        return InquiryReason.parse(text, field="查询原因")
    except InvalidValue:
        return InquiryReason.named_in(text)


# -- overdue accounts -------------------------------------------------------------------------------------------

_ACCOUNT_START = re.compile(
    r"^\d{1,3}\s*[.、．]\s*(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2})"
)
_ISSUED = re.compile(
    r"^\d{1,3}[.、．](?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-./]\d{1,2}[-./]\d{1,2})"
    r"(?P<institution>.+?)发放的(?:[\d,.]+(?:万)?元?[(（][^)）]*[)）])?(?P<kind>[^,，。(（]+)"
)
_MONTHS = re.compile(r"最近5年内?有(\d+)个月(?:处于逾期状态|透支超过60天)")
_OVER_90 = re.compile(r"其中(\d+)个月(?:逾期|透支)超过90天")
_LONGEST = re.compile(r"最长逾期(\d+)天")
# An account's paragraph is not longer than this many lines (a stray line never pulls in a page of text).
_ACCOUNT_LINES = 12
_KINDS = ("非循环贷账户", "循环额度下分账户", "循环贷账户", "贷记卡账户", "准贷记卡账户")
_KIND_OF = {name: kind for kind in _KINDS for name in (kind, kind.removesuffix("账户"))}


def _overdue(lines: list[str], skipped: set[int]) -> list[ReportOverdue]:
    """The overdue accounts: from the accounts' sentences, else from the summary table."""
    found = _overdue_sentences(lines, skipped)
    return found if found else _overdue_summary(lines, skipped)


def _overdue_sentences(lines: list[str], skipped: set[int]) -> list[ReportOverdue]:
    found = []
    for index, line in enumerate(lines):
        if index in skipped or not _ACCOUNT_START.match(line):
            continue
        paragraph = [line]
        for after in lines[index + 1 : index + _ACCOUNT_LINES]:
            if not after or _is_noise(after):
                continue
            bare = _spaceless(after)
            if _ACCOUNT_START.match(after) or _QUERY_HEADING.match(bare) or _TITLE.match(bare):
                break
            if bare.endswith(("：", ":")):
                break
            paragraph.append(after)
        text = _spaceless("".join(paragraph))
        months = _MONTHS.search(text)
        if months is None:
            continue
        longest = _LONGEST.search(text)
        over_90 = _OVER_90.search(text)
        if longest:
            longest_days = int(longest.group(1))
        elif over_90 and int(over_90.group(1)) > 0:
            longest_days = 91
        else:
            longest_days = None
        found.append(ReportOverdue(_account_name(text, line), int(months.group(1)), longest_days, index + 1))
    return found


def _account_name(text: str, first_line: str) -> str:
    """``招商银行 个人消费贷款`` from ``1.2019年06月15日招商银行发放的50,000元（人民币）个人消费贷款，…``; the first
    line without its number when the paragraph is worded otherwise."""
    issued = _ISSUED.match(text)
    if issued:
        return f"{issued.group('institution')} {issued.group('kind')}"
    return re.sub(r"^\d{1,3}\s*[.、．]\s*", "", first_line)


def _overdue_summary(lines: list[str], skipped: set[int]) -> list[ReportOverdue]:
    """The kinds of account with months overdue in the table 逾期（透支）信息汇总."""
    for index, line in enumerate(lines):
        bare = _spaceless(line).replace("（", "(").replace("）", ")")
        if index in skipped or "逾期(透支)信息汇总" not in bare:
            continue
        return _summary_rows(lines, index + 1)
    return []


def _summary_rows(lines: list[str], start: int) -> list[ReportOverdue]:
    found: list[ReportOverdue] = []
    months_column: int | None = None  # a row per kind: where 月份数 is among the figures
    kinds_across: list[str] = []  # a column per kind: the kinds in order
    for index in range(start, min(len(lines), start + 20)):
        line = lines[index]
        if not line or _is_noise(line):
            continue
        if _QUERY_HEADING.match(_spaceless(line)) or _TITLE.match(_spaceless(line)) or "汇总" in line:
            break
        cells = line.split()
        names = [cell for cell in cells if cell != "账户类型"]
        if "月份数" in names and "账户数" in names and cells[0] not in _KIND_OF:
            months_column = names.index("月份数")
        elif sum(cell in _KIND_OF for cell in cells) >= 2:
            kinds_across = [_KIND_OF[cell] for cell in cells if cell in _KIND_OF]
        elif cells[0] in _KIND_OF and months_column is not None:
            months = _count(cells[1:], months_column)
            if months:
                found.append(ReportOverdue(_KIND_OF[cells[0]], months, None, index + 1))
        elif cells[0] == "月份数" and kinds_across:
            for position, kind in enumerate(kinds_across):
                months = _count(cells[1:], position)
                if months:
                    found.append(ReportOverdue(kind, months, None, index + 1))
    return found


def _count(figures: list[str], position: int) -> int:
    """A whole number in a summary table (-- and blanks as 0)."""
    if position >= len(figures):
        return 0
    text = figures[position].replace(",", "")
    return int(text) if text.isdigit() else 0
