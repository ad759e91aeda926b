"""The Chinese the app writes itself — flags, evidence, advice, limit-cut diagnoses, recovery checklists, reminders,
the report — uses full-width punctuation and addresses the user as 您, on a generated history that makes every rule
speak."""

from __future__ import annotations

import dataclasses
import re

from jiebei_tracker.domain.rules import Text
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.health import reminders, report
from jiebei_tracker.services.session import Session
from tests.chinese import half_width_slips, informal_you
from tests.conftest import TODAY


def _chinese(found: object, into: list[str]) -> list[str]:
    """Every Chinese text inside ``found`` (Text values, in dataclasses, tuples and lists, however deep)."""
    if isinstance(found, Text):
        into.append(found.zh_CN)
    elif isinstance(found, list | tuple):
        for item in found:
            _chinese(item, into)
    elif dataclasses.is_dataclass(found) and not isinstance(found, type):
        for field in dataclasses.fields(found):
            _chinese(getattr(found, field.name), into)
    return into


def test_the_apps_own_chinese_uses_full_width_punctuation(database, ledger):
    history = generate_history(today=TODAY, years=3, loans=120)
    ledger.add_history(history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds)

    texts = _chinese(Session(database=database).report(TODAY), [])
    texts += _chinese(reminders.pending_reminders(database, as_of=TODAY), [])

    rules = {flag.rule for flag in Session(database=database).report(TODAY).check.flags}
    assert len(rules) >= 7 and len(texts) > 500  # most rules spoke, with their evidence
    assert half_width_slips(texts) == []
    assert informal_you(texts) == []


def test_the_html_report_in_chinese_reads_the_same_way(database, ledger):
    history = generate_history(today=TODAY, years=3, loans=120)
    ledger.add_history(history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds)

    page = report.render_html(Session(database=database).report(TODAY), language="zh_CN")

    body = page.split("</style>", 1)[1]
    shown = [line for line in re.split(r"<[^>]+>", body) if line.strip()]
    assert half_width_slips(shown) == [] and informal_you(shown) == []
    assert "参考文章《借呗额度下降的原因及恢复策略解析》：" in body and "<b>建议：</b>" in body
    # Advice of several parts (autopay on several platforms) reads as paragraphs, not one run-on line.
    autopay = body.split("id='flag-no_autopay'", 1)[1].split("</div>", 1)[0]
    assert autopay.count("<p>") >= 3


def test_the_sample_and_demo_records_are_written_as_a_native_writer_would():
    """What the sample data shows the user (notes, loan notes, platform names) is held to the same rules."""
    import ast
    from pathlib import Path

    import jiebei_tracker.services.demo as demo

    texts = [
        node.value
        for node in ast.walk(ast.parse(Path(demo.__file__).read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert any("征信" in text or "逾期" in text for text in texts)
    assert half_width_slips(texts) == [] and informal_you(texts) == []
