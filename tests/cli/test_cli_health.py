"""The health commands end to end through ``cli.main([...])``: flags, score, diagnose, reminders, report."""

from __future__ import annotations

import datetime as dt
import json
from datetime import date

import pytest
from icalendar import Calendar

from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.storage.book import load_book
from tests.chinese import half_width_slips, informal_you
from tests.conftest import TODAY
from tests.scenarios import draft

pytestmark = pytest.mark.usefixtures("fixed_today")


@pytest.fixture
def books(database):
    """An overdue 借呗 loan (first due 2026-10-20, unpaid), a 微粒贷 loan not on autopay due in 2 days, and a cut."""
    ledger = Ledger(database=database, today=lambda: TODAY)
    jiebei = ledger.add_loan(draft("借呗", borrowed_on=date(2026, 9, 20), external_id="JB-9", autopay=True))
    ledger.add_loan(draft("微粒贷", borrowed_on=date(2026, 10, 30), principal_yuan=3_000, autopay=False))
    ledger.record_limit("借呗", recorded_on=date(2026, 1, 1), limit_fen=5_000_000)
    ledger.record_limit("借呗", recorded_on=date(2026, 11, 10), limit_fen=2_000_000)
    return ledger, jiebei.created_id


def test_flags_json_has_rule_severity_article_evidence_and_advice(run, books, database):
    status, out, _ = run("flags", "--json", "--as-of", "2026-11-28")
    assert status == 0
    flags = json.loads(out)
    assert [f["rule"] for f in flags] == ["overdue", "no_autopay"]
    overdue = flags[0]
    assert set(overdue) >= {"rule", "severity", "article", "evidence", "advice"}
    assert overdue["severity"] == "critical"
    assert overdue["article"] == "原因 1 / Cause 1; 原因 4 / Cause 4; 策略 3(1) / Strategy 3(1)"
    first, second = overdue["evidence"]["items"]
    assert first["loan_id"] == "JB-9" and first["number"] == books[1]
    assert (first["seq"], first["due_on"], first["days_overdue"]) == (1, "2026-10-20", 39)
    total = load_book(database).loans[0].installments[0].total_fen
    assert first["unpaid"] == f"{total // 100}.{total % 100:02d}"
    assert second["due_on"] == "2026-11-20"
    assert "overdue" in overdue["evidence"]["summary"] and "¥" in overdue["advice"]


def test_flags_as_of_a_past_day_and_in_chinese(run, books):
    status, out, _ = run("flags", "--json", "--as-of", "2026-10-20")
    assert [f["rule"] for f in json.loads(out)] == []  # due that day: not overdue yet, 微粒贷 not borrowed yet
    status, out, _ = run("flags", "--as-of", "2026-11-28", "--lang", "zh_CN")
    assert status == 0
    assert out.startswith("截至 2026-11-28：2 个风险信号\n")
    assert "[严重] overdue — 有逾期未还的款项" in out and "\n  依据：" in out
    assert "\n  参考文章《借呗额度下降的原因及恢复策略解析》：原因 1；原因 4" in out  # named as the window does
    advice = out[out.rindex("  建议：") :].splitlines()  # the autopay advice: a line for the platform under it
    assert advice[1].startswith(" " * 8 + "微粒贷")  # lined up under the advice: "  建议：" takes 8 columns
    assert not any(word in out for word in ("as of", "article:", "evidence:", "advice:", "[critical]"))
    assert half_width_slips(out.splitlines()) == [] and informal_you(out.splitlines()) == []


def test_flags_text_when_all_is_well(run, database):
    status, out, _ = run("flags")
    assert status == 0 and "none of the article's warning signs" in out


def test_score_text_and_json(run, books):
    status, out, _ = run("score", "--as-of", "2026-11-28")
    assert status == 0
    assert out.startswith("health score 58/100 (At risk) as of 2026-11-28")  # 100 × 0.6 × 0.97 = 58.2
    assert json.loads(run("score", "--json", "--as-of", "2026-11-28")[1]) == {
        "as_of": "2026-11-28",
        "score": 58,
        "band": "at_risk",
        "flags": [{"rule": "overdue", "severity": "critical"}, {"rule": "no_autopay", "severity": "low"}],
    }


def test_diagnose_a_cut_and_a_platform_without_one(run, books):
    status, out, _ = run("diagnose", "借呗", "--json")
    assert status == 0
    result = json.loads(out)
    assert result["cut"] == {"date": "2026-11-10", "before": "50000.00", "after": "20000.00"}
    assert result["platform_policy"] is False
    assert [c["rule"] for c in result["causes"]] == ["overdue"]
    checklist = {item["key"]: item for item in result["checklist"]}
    assert checklist["overdue_amount"]["unit"] == "yuan" and checklist["overdue_amount"]["target"] == "0.00"
    assert checklist["overdue_amount"]["done"] is False
    assert checklist["limit"]["current"] == "20000.00" and checklist["limit"]["target"] == "50000.00"
    status, out, _ = run("diagnose", "借呗")
    assert "recovery checklist:" in out and "[ ] Overdue amount: ¥" in out
    status, out, _ = run("diagnose", "微粒贷")
    assert status == 0 and "never fell" in out
    assert json.loads(run("diagnose", "微粒贷", "--json")[1]) == {"platform": "微粒贷", "cut": None}


def test_diagnose_an_unknown_platform_is_bad_data(run, books):
    status, out, err = run("diagnose", "花呗")
    assert status == 1 and out == ""
    assert "error: PLATFORM '花呗': no such platform" in err


def test_reminders_list_and_ics(run, books, tmp_path):
    status, out, _ = run("reminders", "--as-of", "2026-11-28")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("Overdue") and "JB-9, installment 1" in lines[0]
    assert lines[1].startswith("Overdue") and "installment 2" in lines[1]
    assert lines[2].startswith("Due soon") and "in 2 days" in lines[2]
    assert lines[3].startswith("Not on autopay")
    status, out, _ = run("reminders", "--as-of", "2026-11-28", "--days", "1")
    assert "Due soon" not in out
    ics = tmp_path / "dues.ics"
    status, out, _ = run("reminders", "--days", "5", "--ics", str(ics))
    assert status == 0 and f"to {ics}" in out
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert len(events) == 24  # two 12-month loans, nothing paid yet
    assert {str(e["UID"]) for e in events} >= {f"jiebei-{books[1]}-1@jiebei-tracker.local"}
    trigger = next(e for e in events if e.walk("VALARM")).walk("VALARM")[0].decoded("TRIGGER")
    assert trigger == dt.timedelta(days=-5, hours=9)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("reminders", "--days", "x"), "--days 'x': not a whole number"),
        (("reminders", "--days", "61"), "--days '61': must be 0 to 60"),
        (("flags", "--as-of", "2026-02-30"), "--as-of '2026-02-30': no such day"),
        (("score", "--lang", "fr"), "--lang 'fr': must be en or zh_CN"),
    ],
)
def test_bad_values_exit_1_naming_the_option(run, database, args, message):
    status, out, err = run(*args)
    assert status == 1 and out == ""
    assert f"error: {message}" in err


def test_report_as_html_and_text(run, books, tmp_path):
    page = tmp_path / "report.html"
    status, out, _ = run("report", "--as-of", "2026-11-28", "--html", str(page), "--lang", "zh_CN")
    assert status == 0 and str(page) in out
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "借呗信用健康报告" in html
    assert "<span class='score at_risk'>58</span>" in html
    assert "id='flag-overdue'" in html and "id='dues'" in html and "降额诊断" in html
    status, out, _ = run("report", "--as-of", "2026-11-28")
    assert out.startswith("Health report as of 2026-11-28: score 58/100")
    assert "Overdue and due in the next 14 days:" in out
    assert "What the loans being repaid truly cost a year (fees included, by the IRR method), principal left:" in out
    assert "  7.20%" in out  # the books' loans: 7.2 % a year, no fees
    assert "还款中借款的真实年化利率" in html and "id='costs'" in html
