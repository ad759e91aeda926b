"""A file that decodes but mixes encodings (a GBK file with a UTF-8 row pasted in, or the reverse) is caught row by
row: the rows are named, nothing is imported as mojibake."""

from __future__ import annotations

import csv
import io

import pytest

HEADER = ["平台", "借款日期", "借款金额", "期数", "还款方式", "年化利率"]


def _mixed(tmp_path, *, file_encoding: str, odd_encoding: str, odd_lines: set[int]):
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADER)
    for number in range(50):
        writer.writerow(["借呗", f"2025-{1 + number % 12:02d}-15", "1000", "3", "等额本息", "7.2%"])
    lines = text.getvalue().splitlines(keepends=True)
    data = b"".join(
        line.encode(odd_encoding if number in odd_lines else file_encoding) for number, line in enumerate(lines, 1)
    )
    path = tmp_path / "loans.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("file_encoding", "odd_encoding", "said"),
    [("gb18030", "utf-8", "this row is in UTF-8 but the file is GBK"),
     ("utf-8", "gb18030", "this row is in GBK but the file is UTF-8")],
)  # fmt: skip
def test_rows_in_another_encoding_are_named_and_nothing_is_imported(run, tmp_path, file_encoding, odd_encoding, said):
    path = _mixed(tmp_path, file_encoding=file_encoding, odd_encoding=odd_encoding, odd_lines={8, 30})

    status, out, err = run("import", "loans", str(path))

    assert status == 1
    assert "50 rows: 48 new, 0 already there, 2 bad" in out
    assert f"{path}:8: column '平台': {said}; save the whole file in one encoding" in err
    assert f"{path}:30: column '平台': {said}" in err
    status, out, _err = run("platforms")
    assert "借呗" not in out and "鍊" not in out  # nothing written, no mojibake platform


def test_the_good_rows_of_a_mixed_file_import_with_valid_only_and_no_mojibake_platform(run, tmp_path):
    path = _mixed(tmp_path, file_encoding="gb18030", odd_encoding="utf-8", odd_lines={5})

    status, out, _err = run("import", "loans", str(path), "--valid-only", "--past", "paid")

    assert status == 0 and "imported 49 loans" in out
    _status, listing, _err = run("platforms")
    assert "借呗" in listing and "鍊熷憲" not in listing
