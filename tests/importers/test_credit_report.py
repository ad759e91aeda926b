"""The personal credit report (个人信用报告) read from its text, a text file or a PDF's text layer: the inquiries of
机构查询记录明细 and 本人查询记录明细 put back together across wrapped lines and page breaks, the overdue accounts,
and what cannot be read refused with its place. The report texts here are made up, laid out as the 征信中心's
summary version (简版) and full version (二代) come out when copied or saved."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from jiebei_tracker.domain.errors import FileProblem, InvalidValue
from jiebei_tracker.domain.vocabulary import InquiryReason
from jiebei_tracker.importers.credit_report import (
    CreditReport,
    ReportInquiry,
    ReportOverdue,
    read_credit_report_file,
    read_credit_report_text,
)

SAMPLES = Path(__file__).parent / "credit_report"
R = InquiryReason


def _rows(report: CreditReport) -> list[tuple]:
    return [(i.number, i.day, i.institution, i.reason, i.line, i.own) for i in report.inquiries]


CLEAN = """\
机构查询记录明细
编号  查询日期  查询机构  查询原因
1  2024-03-05  蚂蚁消费金融有限公司  贷款审批
2  2024-02-11  招商银行股份有限公司信用卡中心  信用卡审批
3  2023-12-01  重庆蚂蚁小微小额贷款有限公司  贷后管理
4  2023-10-20  某某融资担保有限公司  担保资格审查
"""


def test_a_clean_table_is_read_row_by_row():
    report = read_credit_report_text(CLEAN)
    assert report == CreditReport(
        None,
        (
            ReportInquiry(1, date(2024, 3, 5), "蚂蚁消费金融有限公司", R.LOAN_APPROVAL, 3, False),
            ReportInquiry(2, date(2024, 2, 11), "招商银行股份有限公司信用卡中心", R.CARD_APPROVAL, 4, False),
            ReportInquiry(3, date(2023, 12, 1), "重庆蚂蚁小微小额贷款有限公司", R.POST_LOAN, 5, False),
            ReportInquiry(4, date(2023, 10, 20), "某某融资担保有限公司", R.GUARANTEE_CHECK, 6, False),
        ),
        (),
    )


def test_rows_broken_across_lines_are_put_back_together():
    text = (
        "机构查询记录明细\n"
        "编号\t查询日期\t查询机构\t查询原因\n"
        "1\t2024.02.20\t深圳前海微众银行股份有\t贷款审批\n"  # the name wraps; the reason is on the first line
        "限公司\n"
        "2\t2024.02.11\n"  # the date alone, the rest on the next line
        "招商银行股份有限公司信用卡中心\t信用卡审批\n"
        "3\n"  # the number alone
        "2024.01.30\n"
        "京东科技 Jingdong\n"  # Latin pieces keep a space between them
        "Technology 贷款审批\n"
        "本人查询记录明细\n"
        "编号 查询日期 查询机构 查询原因\n"
        "1 2024.03.05 中国人民银行征信中心 本人查询（互联网个人信用信\n"  # the reason wraps
        "息服务平台）\n"
    )
    assert _rows(read_credit_report_text(text)) == [
        (1, date(2024, 2, 20), "深圳前海微众银行股份有限公司", R.LOAN_APPROVAL, 3, False),
        (2, date(2024, 2, 11), "招商银行股份有限公司信用卡中心", R.CARD_APPROVAL, 5, False),
        (3, date(2024, 1, 30), "京东科技Jingdong Technology", R.LOAN_APPROVAL, 7, False),
        (1, date(2024, 3, 5), "中国人民银行征信中心", R.SELF, 13, True),
    ]


def test_a_table_broken_across_pages_with_footers_and_the_header_again():
    report = read_credit_report_file(SAMPLES / "full_version_pages.txt")
    assert report.report_date == date(2024, 3, 5)
    assert _rows(report) == [
        (1, date(2024, 2, 20), "蚂蚁消费金融有限公司", R.LOAN_APPROVAL, 30, False),
        (2, date(2024, 2, 11), "招商银行股份有限公司信用卡中心", R.CARD_APPROVAL, 31, False),
        (3, date(2024, 1, 30), "深圳前海微众银行股份有限公司", R.LOAN_APPROVAL, 33, False),
        (4, date(2023, 12, 1), "重庆蚂蚁小微小额贷款有限公司", R.POST_LOAN, 35, False),
        # after 第 2 页，共 3 页, the title, the report number and the header again
        (5, date(2023, 10, 15), "北京京东世纪贸易有限公司（京东金融）", R.OTHER, 41, False),  # 特约商户实名审查
        (6, date(2023, 9, 2), "中国人寿财产保险股份有限公司北京市分公司", R.INSURANCE_CHECK, 42, False),
        (7, date(2023, 5, 20), "招商银行股份有限公司信用卡中心", R.POST_LOAN, 43, False),
        (1, date(2024, 3, 5), "中国人民银行征信中心", R.SELF, 46, True),
        (2, date(2023, 6, 1), "招商银行股份有限公司", R.SELF, 48, True),  # 本人查询（商业银行手机银行）
    ]


def test_the_summary_version_its_operators_own_inquiries_and_overdue_sentences():
    report = read_credit_report_file(SAMPLES / "summary_version.txt")
    assert report.report_date == date(2024, 3, 5)
    assert _rows(report) == [
        (1, date(2024, 2, 20), "蚂蚁消费金融有限公司/xfjr01", R.LOAN_APPROVAL, 35, False),
        (2, date(2024, 1, 8), "招商银行股份有限公司信用卡中心/zs0807", R.CARD_APPROVAL, 36, False),
        (3, date(2023, 11, 30), "深圳前海微众银行股份有限公司/wzyh", R.POST_LOAN, 37, False),
        (1, date(2024, 3, 5), "本人", R.SELF, 40, True),
        (2, date(2023, 6, 1), "本人", R.SELF, 41, True),
    ]
    # The accounts that never were overdue say nothing of months; the loan's sentence wraps onto a second line.
    assert report.overdue == (
        ReportOverdue("招商银行股份有限公司信用卡中心 贷记卡", 2, None, 17),
        ReportOverdue("重庆蚂蚁小微小额贷款有限公司 个人经营性贷款", 3, 91, 23),
    )


def test_without_account_sentences_the_overdue_summary_table_gives_one_entry_per_kind():
    report = read_credit_report_file(SAMPLES / "full_version_pages.txt")
    assert report.overdue == (ReportOverdue("非循环贷账户", 3, None, 14), ReportOverdue("贷记卡账户", 2, None, 17))


def test_an_overdue_summary_with_a_column_per_kind():
    text = (
        "逾期（透支）信息汇总\n"
        "账户类型 非循环贷账户 循环额度下分账户 循环贷账户 贷记卡账户 准贷记卡账户\n"
        "账户数 0 0 1 0 1\n"
        "月份数 0 0 4 0 2\n"
        "呆账信息汇总\n"
        "本人查询记录明细\n"
    )
    report = read_credit_report_text(text)
    assert report.overdue == (ReportOverdue("循环贷账户", 4, None, 4), ReportOverdue("准贷记卡账户", 2, None, 4))


def test_overdue_sentences_of_a_quasi_credit_card_and_a_longest_overdue():
    text = (
        "1.2015年3月10日中国银行股份有限公司发放的准贷记卡（人民币账户），截至2024年2月，信用额度5,000。"
        "最近5年内有4个月透支超过60天，没有发生过90天以上透支。\n"
        "2.2020-05-01京东金融发放的12,000元（人民币）个人消费贷款，最近5年内有1个月处于逾期状态，最长逾期35天。\n"
        "机构查询记录明细\n"
    )
    assert read_credit_report_text(text).overdue == (
        ReportOverdue("中国银行股份有限公司 准贷记卡", 4, None, 1),
        ReportOverdue("京东金融 个人消费贷款", 1, 35, 2),
    )


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2024.03.05", date(2024, 3, 5)),
        ("2024年3月5日", date(2024, 3, 5)),
        ("2024 年 03 月 05 日", date(2024, 3, 5)),
        ("2024/3/5", date(2024, 3, 5)),
        ("20240305", date(2024, 3, 5)),
        ("２０２４．０３．０５", date(2024, 3, 5)),
    ],
)
def test_the_ways_a_date_is_written(written, day):
    text = f"机构查询记录明细\n1 {written} 蚂蚁消费金融有限公司 贷款审批\n"
    assert read_credit_report_text(text).inquiries[0].day == day


def test_a_number_run_into_its_date_and_a_time_after_it():
    text = "机构查询记录明细\n12024.03.05 10:01:02 蚂蚁消费金融有限公司 贷款审批\n"
    assert _rows(read_credit_report_text(text)) == [
        (1, date(2024, 3, 5), "蚂蚁消费金融有限公司", R.LOAN_APPROVAL, 2, False)
    ]


def test_headers_in_another_order_give_the_columns():
    text = "机构查询记录明细\n查询日期  编号  查询原因  查询机构\n2024.03.05  1  贷款审批  深圳前海微众银行股份有\n"
    text += "限公司\n"
    assert _rows(read_credit_report_text(text)) == [
        (1, date(2024, 3, 5), "深圳前海微众银行股份有限公司", R.LOAN_APPROVAL, 3, False)
    ]


def test_a_page_number_alone_is_not_a_row():
    text = (
        "机构查询记录明细\n"
        "1 2024.03.05 蚂蚁消费金融有限公司 贷款审批\n"
        "7\n"  # the page's number
        "2\n"  # the next page's number, which happens to be the next 编号
        "2 2024.02.01 招商银行股份有限公司信用卡中心 信用卡审批\n"
    )
    assert [(i.number, i.institution, i.line) for i in read_credit_report_text(text).inquiries] == [
        (1, "蚂蚁消费金融有限公司", 2),
        (2, "招商银行股份有限公司信用卡中心", 5),
    ]


def test_a_combined_table_marks_the_own_inquiries_and_radical_forms_are_read_as_characters():
    text = "查询记录明细\n编号 查询⽇期 查询机构 查询原因\n1 2024.03.05 招商银⾏ 贷款审批\n"
    text += "2 2024.03.01 本⼈ 本⼈查询（临柜）\n"
    assert _rows(read_credit_report_text(text)) == [
        (1, date(2024, 3, 5), "招商银行", R.LOAN_APPROVAL, 3, False),
        (2, date(2024, 3, 1), "本人", R.SELF, 4, True),
    ]


def test_an_own_inquiry_without_an_institution_is_the_borrower():
    text = "本人查询记录明细\n1 2024.03.05 本人查询（互联网个人信用信息服务平台）\n"
    assert _rows(read_credit_report_text(text)) == [(1, date(2024, 3, 5), "本人", R.SELF, 2, True)]


def test_an_empty_table_and_its_explanations_give_no_rows():
    text = "机构查询记录明细\n无\n本人查询记录明细\n编号 查询日期 查询机构 查询原因\n说明\n1.本报告仅供本人使用。\n"
    assert read_credit_report_text(text) == CreditReport(None, (), ())


def test_a_table_ends_at_the_next_heading_or_a_sentence():
    text = CLEAN + "报告说明\n1 2024-01-01 这不是一行 贷款审批\n"
    assert len(read_credit_report_text(text).inquiries) == 4
    text = CLEAN + "以上信息仅供参考。\n5 2024-01-01 不在表里 贷款审批\n"
    assert len(read_credit_report_text(text).inquiries) == 4


@pytest.mark.parametrize(
    "text",
    ["", "借款合同\n甲方：张三\n乙方：某某银行\n第一条 借款金额 50,000元\n", "查询记录汇总\n贷款审批 1\n"],
)
def test_text_with_no_query_table_is_refused(text):
    with pytest.raises(InvalidValue) as refused:
        read_credit_report_text(text, source="contract.txt")
    assert refused.value.field == "contract.txt"
    assert "no 机构查询记录明细 or 本人查询记录明细 section: is this the text of a 个人信用报告?" in str(refused.value)


@pytest.mark.parametrize(
    ("row", "said"),
    [
        (
            "3 蚂蚁消费金融有限公司 贷款审批",
            "pasted text:4: '3 蚂蚁消费金融有限公司 贷款审批': no 查询日期 in this row",
        ),
        (
            "3 2024.02.30 蚂蚁消费金融有限公司 贷款审批",
            "pasted text:4: '3 2024.02.30 蚂蚁消费金融有限公司 贷款审批': 查询日期 '2024.02.30': no such day",
        ),
        (
            "3 2024.02.03 蚂蚁消费金融有限公司",
            "pasted text:4: '3 2024.02.03 蚂蚁消费金融有限公司': no 查询原因 in this row",
        ),
        ("3 2024.02.03 贷款审批", "no 查询机构 in this row"),
        (
            "4 2024.02.03 蚂蚁消费金融有限公司 贷款审批",
            "pasted text:4: '4 2024.02.03 蚂蚁消费金融有限公司 贷款审批': 编号 4 where 3 was expected",
        ),
        ("3 2024.02.03 蚂蚁消费金融有限公司 贷款审批 2024.02.04", "two dates in one row"),
    ],
)
def test_a_row_that_cannot_be_read_is_refused_with_its_line(row, said):
    text = "机构查询记录明细\n1 2024.03.05 招商银行 贷款审批\n2 2024.03.04 招商银行 贷款审批\n" + row + "\n"
    with pytest.raises(InvalidValue) as refused:
        read_credit_report_text(text)
    assert said in str(refused.value)


def test_a_row_without_its_number_is_refused():
    with pytest.raises(InvalidValue, match=r"pasted text:3: .*a row without its 编号"):
        read_credit_report_text("机构查询记录明细\n编号 查询日期 查询机构 查询原因\n2024.03.05 招商银行 贷款审批\n")


def test_an_unknown_reason_is_read_as_other():
    report = read_credit_report_text("机构查询记录明细\n1 2024.03.05 某某支付有限公司 特约商户实名审查\n")
    assert report.inquiries[0].reason is R.OTHER


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_a_text_file_in_the_usual_encodings(tmp_path, encoding):
    path = tmp_path / "征信报告.txt"
    text = (SAMPLES / "summary_version.txt").read_text(encoding="utf-8")
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    assert read_credit_report_file(path) == read_credit_report_text(text)


def test_a_file_that_cannot_be_used_is_a_file_problem(tmp_path):
    with pytest.raises(FileProblem, match="cannot be read"):
        read_credit_report_file(tmp_path / "missing.txt")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    with pytest.raises(FileProblem):
        read_credit_report_file(binary)


# -- PDF -------------------------------------------------------------------------------------------------------


def _cjk_family() -> str | None:
    from PySide6.QtGui import QFontDatabase

    return next((family for family in QFontDatabase.families() if "CJK SC" in family), None)


def _qt_pdf(path: Path, pages: list[list[str]], *, cells: bool = True) -> None:
    """A PDF made as a report's is: each cell drawn as its own text at its place on the line (cells are
    separated by two spaces in ``pages``; pypdf gives each on a line of its own), or with ``cells=False`` each
    line drawn whole (pypdf gives it back as one line, tabs between its parts), a page at a time."""
    from PySide6.QtGui import QFont, QFontMetrics, QPageSize, QPainter, QPdfWriter

    family = _cjk_family()
    if family is None:
        pytest.skip("no CJK font installed (fonts-noto-cjk) to draw the report with")
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    font = QFont(family)
    font.setPointSize(9)
    painter.setFont(font)
    metrics = QFontMetrics(font)
    for number, lines in enumerate(pages):
        if number:
            writer.newPage()
        for row, line in enumerate(lines):
            x = 30
            for cell in line.split("  ") if cells else [line]:
                painter.drawText(x, 40 + 16 * row, cell.strip())
                x += metrics.horizontalAdvance(cell.strip()) + 24
    painter.end()


PDF_PAGES = [
    [
        "个人信用报告",
        "报告编号：2024030510234512345678  报告时间：2024.03.05 10:23:45",
        "机构查询记录明细",
        "编号  查询日期  查询机构  查询原因",
        "1  2024.02.20  蚂蚁消费金融有限公司  贷款审批",
        "2  2024年2月11日  招商银行股份有限公司信用卡中  信用卡审批",
        "心",
        "第 1 页，共 2 页",
    ],
    [
        "报告编号：2024030510234512345678",
        "编号  查询日期  查询机构  查询原因",
        "3  2024.01.30  深圳前海微众银行股份有限公司  贷后管理",
        "本人查询记录明细",
        "编号  查询日期  查询机构  查询原因",
        "1  2024.03.05  中国人民银行征信中心  本人查询（互联网个人信用信息服务平台）",
        "第 2 页，共 2 页",
    ],
]


@pytest.mark.parametrize("cells", [True, False], ids=["cell by cell", "line by line"])
def test_a_pdf_with_a_text_layer_made_by_qt(qapp, tmp_path, cells):
    # Qt's PDF maps some characters to radical forms (⽇ for 日, ⾏ for 行, ⻚ for 页): they are read back as the
    # characters, so the names and reasons come out as printed.
    path = tmp_path / "report.pdf"
    _qt_pdf(path, PDF_PAGES, cells=cells)
    report = read_credit_report_file(path)
    assert report.report_date == date(2024, 3, 5)
    assert [(i.number, i.day, i.institution, i.reason, i.own) for i in report.inquiries] == [
        (1, date(2024, 2, 20), "蚂蚁消费金融有限公司", R.LOAN_APPROVAL, False),
        (2, date(2024, 2, 11), "招商银行股份有限公司信用卡中心", R.CARD_APPROVAL, False),
        (3, date(2024, 1, 30), "深圳前海微众银行股份有限公司", R.POST_LOAN, False),
        (1, date(2024, 3, 5), "中国人民银行征信中心", R.SELF, True),
    ]


def test_a_bad_row_in_a_pdf_is_named_by_its_page(qapp, tmp_path):
    path = tmp_path / "report.pdf"
    pages = [PDF_PAGES[0], ["编号  查询日期  查询机构  查询原因", "3  深圳前海微众银行股份有限公司  贷后管理"]]
    _qt_pdf(path, pages)
    # Cell by cell, page 2 reads 编号, 查询日期, 查询机构, 查询原因, then the row's 3 on its fifth line.
    with pytest.raises(InvalidValue, match=r"report\.pdf page 2, line 5: '3 深圳.*': no 查询日期 in this row"):
        read_credit_report_file(path)


def _pdf_bytes(writer: PdfWriter) -> bytes:
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def test_a_pdf_without_text_a_scan_is_refused(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf_bytes(writer))
    with pytest.raises(FileProblem) as refused:
        read_credit_report_file(path)
    assert str(refused.value) == (
        f"{path}: this PDF has no text layer (a scanned image): save the report's text instead, or paste it"
    )


def test_a_pdf_locked_with_a_password_is_refused_one_locked_only_against_changes_is_read(qapp, tmp_path):
    plain = tmp_path / "plain.pdf"
    _qt_pdf(plain, PDF_PAGES)
    locked, protected = tmp_path / "locked.pdf", tmp_path / "protected.pdf"
    for path, user_password in ((locked, "123456"), (protected, "")):
        writer = PdfWriter(clone_from=PdfReader(plain))
        writer.encrypt(user_password=user_password, owner_password="bank", algorithm="RC4-128")
        path.write_bytes(_pdf_bytes(writer))
    with pytest.raises(FileProblem, match="this PDF is locked with a password"):
        read_credit_report_file(locked)
    assert read_credit_report_file(protected) == read_credit_report_file(plain)


def test_a_damaged_pdf_is_refused(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <<\n")
    with pytest.raises(FileProblem, match="is not a PDF that can be read"):
        read_credit_report_file(path)
