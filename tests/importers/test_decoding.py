"""Bytes → text: every encoding the issue lists is detected (and reported), and can be overruled."""

from __future__ import annotations

import codecs

import pytest

from jiebei_tracker.importers.decoding import decode
from jiebei_tracker.importers.errors import ImportFailure

TEXT = "平台,借款日期\n借呗,2024-03-05\n"


@pytest.mark.parametrize(
    ("data", "encoding", "label"),
    [
        (TEXT.encode("utf-8"), "utf-8", "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", "UTF-8 with BOM"),
        (TEXT.encode("gbk"), "gb18030", "GB18030 / GBK"),
        (TEXT.encode("gb18030"), "gb18030", "GB18030 / GBK"),
        (TEXT.encode("utf-16"), "utf-16", "UTF-16 with BOM"),  # Excel's "Unicode text": LE with a BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", "UTF-16 with BOM"),
    ],
)
def test_each_encoding_is_detected_and_the_bom_is_not_text(data, encoding, label):
    decoded = decode(data, file_name="f.csv")
    assert decoded.text == TEXT
    assert (decoded.encoding, decoded.label) == (encoding, label)


def test_gb18030_only_characters_are_read():
    text = "平台\n𠀀借呗\n"  # a character GBK lacks and GB18030 has
    assert decode(text.encode("gb18030"), file_name="f.csv").text == text


def test_the_encoding_given_wins_over_detection():
    data = "借呗".encode("gbk")
    assert decode(data, file_name="f.csv", encoding="GBK").text == "借呗"
    assert decode(data, file_name="f.csv", encoding="gbk").encoding == "gb18030"
    # UTF-8 bytes that also decode as GB18030 come out as what the user said
    assert decode("借呗".encode(), file_name="f.csv", encoding="gb18030").text != "借呗"


def test_a_wrong_encoding_given_is_reported_with_its_line():
    data = "a\nb\n借呗\n".encode("gbk")
    with pytest.raises(ImportFailure) as caught:
        decode(data, file_name="f.csv", encoding="utf-8")
    assert caught.value.message().startswith("f.csv:3: cannot be read as UTF-8")


@pytest.mark.parametrize("name", ["klingon", "rot13", "hex"])
def test_an_unknown_or_non_text_encoding_is_refused(name):
    with pytest.raises(ImportFailure, match=r"f\.csv: "):
        decode(b"abc", file_name="f.csv", encoding=name)


def test_bytes_that_are_no_text_say_so_and_where():
    data = b"platform\nok\n\x80\xff\x80\n"
    with pytest.raises(ImportFailure) as caught:
        decode(data, file_name="f.csv")
    assert caught.value.line == 3
    assert "not text in UTF-8, GBK/GB18030 or UTF-16" in caught.value.reason
