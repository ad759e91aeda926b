"""Chart fixtures: a small hand-made history with exact figures, a generated one, and the Chinese locale."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from jiebei_tracker.services.series.data import ChartData, demo_chart_data
from tests.conftest import TODAY
from tests.scenarios import draft

JAN_15, FEB_1, FEB_20 = date(2026, 1, 15), date(2026, 2, 1), date(2026, 2, 20)


@pytest.fixture
def hand_made(ledger, database):
    """借呗 ¥12,000 (¥1,000 principal repaid 02-15, paid off 03-20), 微粒贷 ¥3,000 repaid 03-01, 京东金条 ¥5,000
    never repaid; 借呗's limit ¥60,000 cut to ¥30,000 on 2026-03-01."""
    jiebei = ledger.add_loan(
        draft("借呗", borrowed_on=JAN_15, principal_yuan=12_000, months=12, method="equal_principal", annual="0.12")
    ).created_id
    ledger.log_repayment(jiebei, paid_on=date(2026, 2, 10), amount_fen=10_000)
    ledger.log_repayment(jiebei, paid_on=date(2026, 2, 15), amount_fen=102_000)
    ledger.pay_off(jiebei, paid_on=date(2026, 3, 20))
    weilidai = ledger.add_loan(
        draft("微粒贷", borrowed_on=FEB_1, principal_yuan=3_000, months=1, method="bullet", annual="0")
    )
    ledger.log_repayment(weilidai.created_id, paid_on=date(2026, 3, 1), amount_fen=300_000)
    ledger.add_loan(draft("京东金条", borrowed_on=FEB_20, principal_yuan=5_000, months=3, method="bullet", annual="0"))
    ledger.record_limit("借呗", recorded_on=date(2025, 6, 1), limit_fen=6_000_000)
    ledger.record_limit("借呗", recorded_on=date(2026, 3, 1), limit_fen=3_000_000)
    return ChartData(database=database, today=lambda: TODAY)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A year of generated history (40 loans on seven platforms) as of TODAY."""
    data = demo_chart_data(tmp_path_factory.mktemp("generated"), today=TODAY, years=1, loans=40)
    yield data
    data.database.close()


@pytest.fixture
def empty_data(database):
    return ChartData(database=database, today=lambda: TODAY)


@pytest.fixture
def chinese():
    """The UI in Chinese for one test: vocabulary labels and axis labels switch with display_language()."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def screenshot_folder(tmp_path) -> Path:
    """$JIEBEI_SCREENSHOTS when set (to keep the pictures), else the test's own folder."""
    folder = Path(os.environ.get("JIEBEI_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def legend_text(chart) -> str:
    """A chart's legend as read: without the joiners that keep each entry on one line."""
    return chart.legend_label.text().replace("\u2060", "").replace("\u00a0", " ")
