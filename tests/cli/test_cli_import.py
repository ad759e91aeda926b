"""``import`` and ``export`` on the command line: reports, errors on stderr with their lines, exit statuses,
--dry-run, --valid-only, --encoding, --delimiter, --profile, Alipay, and the export read back in."""

from __future__ import annotations

import json

import pytest

from jiebei_tracker.importers.columns import FileKind
from jiebei_tracker.services.imports.service import ImportService
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.storage.database import open_database
from tests.importers.samples import alipay_bytes, loans_csv


@pytest.fixture
def loans_file(tmp_path):
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv(), encoding="utf-8-sig")
    return path


def _loan_ids(run, db=None) -> list[str]:
    status, out, _ = run("loans", "--json", db=db)
    assert status == 0
    return [loan["loan_id"] for loan in json.loads(out)]


def test_import_reports_what_it_read_and_a_second_import_adds_nothing(run, loans_file):
    status, out, err = run("import", "loans", str(loans_file), "--past", "unpaid")
    assert (status, err) == (0, "")
    assert f"{loans_file}: UTF-8 with BOM, comma-separated, header on line 1" in out
    assert "2 rows: 2 new, 0 already there, 0 bad" in out
    assert "imported 2 loans" in out
    status, out, _ = run("import", "loans", str(loans_file), "--past", "unpaid")
    assert status == 0
    assert "2 rows: 0 new, 2 already there, 0 bad" in out
    assert _loan_ids(run) == ["JB-1", "WL-1"]


def test_a_bad_row_is_reported_on_stderr_with_its_line_and_nothing_is_imported(run, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        loans_csv("JB-1,借呗,2024-03-05,12000,12,等额本息,9.12%,,,", "JB-2,借呗,2024-03-05,12000,0,等额本息,9.12%,,,")
    )
    status, out, err = run("import", "loans", str(path), "--past", "unpaid")
    assert status == 1
    assert err == f"{path}:3: column '期数': '0': must be 1 to 360 months\n"
    assert "nothing imported: fix the 1 bad row, or use --valid-only" in out
    assert _loan_ids(run) == []
    status, out, err = run("import", "loans", str(path), "--past", "unpaid", "--valid-only")
    assert status == 0
    assert f"{path}:3: column '期数'" in err
    assert "imported 1 loan (1 bad row left out)" in out
    assert _loan_ids(run) == ["JB-1"]


def test_dry_run_writes_nothing(run, loans_file):
    status, out, _ = run("import", "loans", str(loans_file), "--past", "unpaid", "--dry-run")
    assert status == 0
    assert "dry run: would import 2 loans; nothing written" in out
    assert _loan_ids(run) == []


def test_encoding_and_delimiter_can_be_given(run, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(loans_csv().replace(",", "\t").encode("gbk"))
    status, out, _ = run("import", "loans", str(path), "--past", "unpaid", "--encoding", "gbk", "--delimiter", "tab")
    assert status == 0
    assert "GB18030 / GBK, tab-separated" in out
    status, _, err = run("import", "loans", str(path), "--past", "unpaid", "--encoding", "utf-8", "--dry-run")
    assert status == 1
    assert err.startswith(f"{path}:1: cannot be read as UTF-8")


def test_a_saved_profile_maps_the_columns(run, db_path, tmp_path):
    database = open_database(db_path)
    service = ImportService(database=database, ledger=Ledger(database=database))
    service.save_profile("我的表", FileKind.LOANS, {"lender": "platform", "when": "borrowed_on", "sum": "principal"})
    database.close()
    path = tmp_path / "odd.csv"
    path.write_text("lender,when,sum,期数,还款方式,年化利率\n借呗,2024-03-05,12000,12,等额本息,9.12%\n")
    status, out, err = run("import", "loans", str(path), "--past", "unpaid", "--profile", "我的表")
    assert (status, err) == (0, "")
    assert "imported 1 loan" in out and "1 loans" not in out
    status, _, err = run("import", "loans", str(path), "--past", "unpaid", "--profile", "nope")
    assert status == 1
    assert "no column profile of this name (saved profiles: 我的表)" in err
    status, _, err = run("import", "repayments", str(path), "--profile", "我的表")
    assert status == 1
    assert "this profile is for loans files, not repayments" in err


def test_repayments_limits_and_notes(run, loans_file, tmp_path):
    run("import", "loans", str(loans_file), "--past", "unpaid")
    files = {
        "repayments": "借款编号,还款日期,还款金额\nJB-1,2024-04-05,1050.09\nJB-1,2024-04-05,1050.09\n",
        "limits": "平台|日期|额度\n借呗|2024-01-01|50000\n",
        "notes": "日期;类型;内容\n2024-01-01;查询记录;贷款审批\n",
    }
    for kind, text in files.items():
        path = tmp_path / f"{kind}.csv"
        path.write_text(text)
        status, out, err = run("import", kind, str(path))
        assert (status, err) == (0, ""), kind
        assert "already there, 0 bad" in out
    status, out, _ = run("schedule", "JB-1", "--json")
    assert [line["paid"] for line in json.loads(out)["installments"][:2]] == ["1050.09", "1050.09"]


def test_an_unreadable_or_missing_file_is_bad_data(run, tmp_path):
    status, _, err = run("import", "loans", str(tmp_path / "nope.csv"), "--past", "unpaid")
    assert status == 1
    assert "cannot read the file" in err
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x80\xff\x00\x81")
    status, _, err = run("import", "notes", str(junk))
    assert status == 1
    assert err.startswith(f"{junk}:1: not text in UTF-8, GBK/GB18030 or UTF-16")


def test_usage_errors_exit_2(run, loans_file):
    for args in (["import"], ["import", "alipay", str(loans_file), "--valid-only"], ["import", "debts", "x.csv"]):
        with pytest.raises(SystemExit) as caught:
            run(*args)
        assert caught.value.code == 2


def test_alipay_repayments_go_to_their_loan_once(run, loans_file, tmp_path):
    statement = tmp_path / "alipay.csv"
    statement.write_bytes(alipay_bytes())
    status, out, _ = run("import", "alipay", str(statement))
    assert status == 0
    assert "not recorded yet — add it with: jiebei-tracker add-loan --platform 借呗 --borrowed-on 2024-03-05" in out
    assert "--id 20240305001" in out
    assert "imported 0 repayments" in out
    run("import", "loans", str(loans_file), "--past", "unpaid")
    status, out, _ = run("import", "alipay", str(statement), "--dry-run")
    assert "dry run: would import 2 repayments (1 already there)" in out
    status, out, _ = run("import", "alipay", str(statement))
    assert "Alipay transaction statement, GB18030 / GBK, header on line" in out
    assert "6 transactions, 4 credit-related" in out
    assert "imported 2 repayments (1 already there)" in out
    status, out, _ = run("import", "alipay", str(statement))
    assert "imported 0 repayments (3 already there)" in out


def test_an_alipay_export_of_the_wrong_kind_is_named(run, tmp_path):
    path = tmp_path / "book.csv"
    path.write_text("支付宝记账本\n记账时间,分类,收支类型,金额\n")
    status, _, err = run("import", "alipay", str(path))
    assert status == 1
    assert "记账本" in err and "开具交易流水证明" in err


def test_export_writes_the_four_files_and_they_import_into_an_empty_database(run, loans_file, tmp_path):
    run("import", "loans", str(loans_file), "--past", "unpaid")
    status, out, _ = run("export", str(tmp_path / "out"))
    assert status == 0
    assert out.count("wrote ") == 4
    status, _, err = run("export", str(tmp_path / "out"))
    assert status == 1
    assert "already exists" in err
    assert run("export", str(tmp_path / "out"), "--overwrite")[0] == 0
    other = tmp_path / "other.db"
    for kind in ("loans", "repayments", "limits", "notes"):
        assert run("import", kind, str(tmp_path / "out" / f"{kind}.csv"), db=other)[0] == 0
    assert _loan_ids(run, db=other) == ["JB-1", "WL-1"]
