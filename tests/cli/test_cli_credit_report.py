"""`import credit-report FILE`: the report's inquiries become notes with their reason and institution, its overdue
accounts overdue records; a dry run writes nothing, importing again adds nothing, undo-import takes it back, and a
file that is not a credit report is refused saying what was expected."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("fixed_today")  # today is 2026-11-28

REPORTS = Path(__file__).parent.parent / "importers" / "credit_report"
SUMMARY = REPORTS / "summary_version.txt"


def _notes(run) -> list[dict]:
    return json.loads(run("notes", "--json")[1])


def test_a_dry_run_says_what_was_read_and_writes_nothing(run, db_path):
    run("note", "--on", "2026-01-01", "--kind", "other", "--text", "so the file exists")
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    status, out, err = run("import", "credit-report", str(SUMMARY), "--dry-run")
    assert status == 0, err
    assert "credit report of 2024-03-05:" in out and "dry run: nothing written" in out
    assert (
        "new: 2024-03-05 overdue_record: 重庆蚂蚁小微小额贷款有限公司 个人经营性贷款：最近 5 年内有 3 个月处于逾期状态"
        in out
    )
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_the_report_imports_once_with_reasons_and_undo_takes_it_back(run):
    status, out, _ = run("import", "credit-report", str(SUMMARY))
    assert status == 0 and "(import #1; `undo-import` takes it back)" in out
    notes = _notes(run)
    inquiries = [n for n in notes if n["kind"] == "inquiry"]
    assert inquiries and all(n["reason"] for n in inquiries)
    assert {n["reason"] for n in inquiries} >= {"loan_approval", "post_loan"}
    overdue = [n for n in notes if n["kind"] == "overdue_record"]
    assert [n["drops_off_on"] for n in overdue] == [None] * len(overdue)  # unresolved: 5 years after settled
    assert any("其中" not in n["text"] and "有逾期超过 90 天" in n["text"] for n in overdue)

    status, out, _ = run("import", "credit-report", str(SUMMARY))
    assert status == 0 and "nothing new to import" in out and f"{len(notes)} recorded already" in out
    assert len(_notes(run)) == len(notes)

    assert run("undo-import")[0] == 0
    assert _notes(run) == []


def test_post_loan_checks_on_the_report_never_raise_the_inquiry_flags(run, tmp_path):
    report = tmp_path / "report.txt"
    rows = "\n".join(f"{n}  2026.11.0{n}  深圳前海微众银行股份有限公司  贷后管理" for n in range(1, 6))
    report.write_text(
        f"个人信用报告\n报告时间：2026年11月20日\n机构查询记录明细\n编号  查询日期  查询机构  查询原因\n{rows}\n",
        encoding="utf-8",
    )
    assert run("import", "credit-report", str(report))[0] == 0
    assert {n["reason"] for n in _notes(run)} == {"post_loan"}
    rules = {f["rule"] for f in json.loads(run("flags", "--json")[1])}
    assert rules & {"multi_platform", "many_inquiries"} == set()
    # Three applications in the same weeks do.
    for day in ("2026-11-10", "2026-11-11", "2026-11-12"):
        run("note", "--on", day, "--kind", "inquiry", "--text", "某银行", "--reason", "loan_approval")
    assert "multi_platform" in {f["rule"] for f in json.loads(run("flags", "--json")[1])}


def test_a_file_that_is_not_a_credit_report_is_refused_in_one_line(run, tmp_path):
    other = tmp_path / "letter.txt"
    other.write_text("尊敬的客户：您好！这是一封信。\n", encoding="utf-8")
    status, out, err = run("import", "credit-report", str(other))
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and "机构查询记录明细" in err and "个人信用报告" in err


def test_reasons_and_institutions_travel_in_the_notes_file(run, tmp_path):
    assert run("import", "credit-report", str(SUMMARY))[0] == 0
    run("note", "--on", "2026-10-01", "--kind", "inquiry", "--text", "某机构")  # reason named nowhere: other
    assert run("export", str(tmp_path / "out"))[0] == 0
    header = (tmp_path / "out" / "notes.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith("reason,institution")
    other = tmp_path / "other.db"
    assert run("import", "notes", str(tmp_path / "out" / "notes.csv"), db=other)[0] == 0

    def kept(rows):
        return sorted((n["date"], n["kind"], n["text"], n["reason"], n["institution"]) for n in rows)

    assert kept(json.loads(run("notes", "--json", db=other)[1])) == kept(_notes(run))


def test_a_notes_file_names_a_reason_only_for_an_inquiry(run, tmp_path):
    notes = tmp_path / "notes.csv"
    notes.write_text(
        "日期,类型,内容,查询原因,查询机构\n"
        "2026-10-01,查询记录,某银行,贷后管理,某银行\n"
        "2026-10-02,逾期记录,信用卡逾期,贷款审批,\n",
        encoding="utf-8",
    )
    status, _, err = run("import", "notes", str(notes))
    assert status == 1 and "notes.csv:3" in err and "only an inquiry" in err
    assert _notes(run) == []
