"""`report --html` carries the six charts, drawn offscreen at the report's size and in its language."""

from __future__ import annotations

import base64
import re

from PySide6.QtGui import QImage

from jiebei_tracker.charts.report_images import REPORT_SIZE
from jiebei_tracker.cli import main
from tests.scenarios import draft


def _figures(html: str) -> list[tuple[str, QImage]]:
    found = re.findall(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'><figcaption>([^<]*)</figcaption>", html)
    return [(caption, QImage.fromData(base64.b64decode(data), "PNG")) for data, caption in found]


def test_the_html_report_embeds_every_chart(ledger, db_path, tmp_path, capsys, qapp):
    ledger.add_loan(draft(external_id="A"))
    report = tmp_path / "report.html"
    assert main(["--db", str(db_path), "report", "--html", str(report)]) == 0
    figures = _figures(report.read_text(encoding="utf-8"))
    assert [caption for caption, _ in figures] == [
        "Health score",
        "Borrowing frequency",
        "On-time repayment rate",
        "Outstanding principal by platform",
        "Platforms with a balance",
        "Credit limit and use",
    ]
    assert {(image.width(), image.height()) for _, image in figures} == {REPORT_SIZE}


def test_chart_captions_follow_the_report_language_and_can_be_left_out(ledger, db_path, tmp_path, capsys, qapp):
    ledger.add_loan(draft())
    chinese = tmp_path / "zh.html"
    assert main(["--db", str(db_path), "report", "--html", str(chinese), "--lang", "zh_CN"]) == 0
    assert "健康分" in [caption for caption, _ in _figures(chinese.read_text(encoding="utf-8"))]
    bare = tmp_path / "bare.html"
    assert main(["--db", str(db_path), "report", "--html", str(bare), "--no-charts"]) == 0
    assert _figures(bare.read_text(encoding="utf-8")) == []
