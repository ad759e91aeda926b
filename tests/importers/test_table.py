"""Rows and lines: separators, the header row after title lines, quoted cells, padding, and the lines that are
not data — with line numbers as a text editor shows them."""

from __future__ import annotations

import pytest

from jiebei_tracker.importers.columns import FileKind, recognised_count
from jiebei_tracker.importers.errors import ImportFailure
from jiebei_tracker.importers.table import DataRows, delimiter_option, find_header, line_kind, read_rows


def _score(cells):
    return recognised_count(FileKind.LOANS, cells)


def _header(text, **options):
    return find_header(text, file_name="f.csv", score=_score, **options)


@pytest.mark.parametrize("separator", [",", "\t", ";", "|"])
def test_each_separator_is_detected_from_the_header_row(separator):
    text = separator.join(["平台", "借款日期", "借款金额"]) + "\n" + separator.join(["借呗", "2024-03-05", "12,000"])
    found = _header(text)
    assert found.delimiter == separator
    assert found.row.cells == ["平台", "借款日期", "借款金额"]
    rows = list(DataRows(text, found.delimiter, found.row.line, "f.csv"))
    expected_amount = "12,000" if separator != "," else "12"
    assert rows[0].cells[2] == expected_amount


@pytest.mark.parametrize(
    ("given", "expected"), [("tab", "\t"), ("\\t", "\t"), ("\t", "\t"), ("Comma", ","), ("；", ";")]
)
def test_separator_option_names(given, expected):
    assert delimiter_option(given, file_name="f.csv") == expected


def test_an_unknown_separator_option_is_refused():
    with pytest.raises(ImportFailure, match="unknown separator"):
        delimiter_option("colon", file_name="f.csv")


def test_the_header_is_found_after_title_and_blank_lines():
    text = "我的借款记录\n导出于 2026-01-01, 共 2 笔\n\n平台,借款日期,借款金额\n借呗,2024-03-05,100\n"
    found = _header(text)
    assert found.row.line == 4


def test_a_header_line_given_is_used_even_without_known_names():
    text = "title\nfoo,bar\n1,2\n"
    assert _header(text, header_line=2, delimiter=",").row.cells == ["foo", "bar"]
    with pytest.raises(ImportFailure, match="no row starts on line 9"):
        _header(text, header_line=9, delimiter=",")


def test_no_header_row_is_the_importers_own_error():
    with pytest.raises(ImportFailure, match="no header row found in the first 100 rows"):
        _header("a,b,c\n1,2,3\n")


def test_quoted_cells_keep_separators_and_line_breaks_and_lines_count_as_an_editor_does():
    text = 'platform,note\r\n借呗,"one, two"\r\n微粒贷,"line one\r\nline two\r\nline three"\r\n京东金条,last\r\n'
    rows = list(read_rows(text, ",", file_name="f.csv"))
    assert [row.line for row in rows] == [1, 2, 3, 6]
    assert rows[1].cells == ["借呗", "one, two"]
    assert rows[2].cells[1] == "line one\r\nline two\r\nline three"


def test_old_mac_line_ends_count_as_lines():
    rows = list(read_rows("a,b\r1,2\r3,4\r", ",", file_name="f.csv"))
    assert [row.line for row in rows] == [1, 2, 3]


def test_cells_padded_with_spaces_and_tabs_are_trimmed():
    rows = list(read_rows('  借呗  ,\t2024-03-05\t,   "12,000"  ,20240305001\t\n', ",", file_name="f.csv"))
    assert rows[0].cells == ["借呗", "2024-03-05", "12,000", "20240305001"]


@pytest.mark.parametrize(
    ("cells", "why"),
    [
        (["", "", ""], "blank"),
        ([], "blank"),
        (["-" * 40, "", ""], "separator"),
        (["====", "===="], "separator"),
        (["合计", "", "12000.00", ""], "summary"),
        (["共12笔记录", "", "", ""], "summary"),
        (["Total:", "", "5", ""], "summary"),
        (["借呗", "2024-03-05", "100", "12"], None),
    ],
)
def test_lines_after_the_header_that_are_not_data(cells, why):
    assert line_kind(cells) == why


def test_data_rows_skip_and_note_the_lines_that_are_not_data():
    text = "平台,借款日期,借款金额\n借呗,2024-03-05,100\n\n,,\n微粒贷,2024-04-01,200\n------\n合计,,300\n"
    rows = DataRows(text, ",", 1, "f.csv")
    assert [row.line for row in rows] == [2, 5]
    assert [(s.line, s.why) for s in rows.skipped] == [(3, "blank"), (4, "blank"), (6, "separator"), (7, "summary")]
