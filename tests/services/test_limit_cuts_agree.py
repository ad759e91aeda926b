"""A limit cut is one thing everywhere: the platforms page's record list, the limits chart's marks, the report and
the dashboard's diagnosis all find the same cuts (domain/limits.py), including two records on one day."""

from __future__ import annotations

from datetime import date

from jiebei_tracker.domain.limits import limit_cuts
from jiebei_tracker.services.credit import list_platforms
from jiebei_tracker.services.demo import generate_history
from jiebei_tracker.services.series.data import ChartData
from jiebei_tracker.services.session import Session
from jiebei_tracker.storage.book import load_book
from tests.conftest import TODAY


def test_every_part_of_the_app_finds_the_same_cuts(database, ledger):
    history = generate_history(today=TODAY, years=3, loans=60, seed=11)
    ledger.add_history(history.loans, limits=history.limits, notes=history.notes, platform_kinds=history.platform_kinds)
    # The same day twice: up, then down (the later entry counts), and a cut right after a rise.
    ledger.record_limit("京东金条", recorded_on=date(2026, 6, 1), limit_fen=2_000_000)
    ledger.record_limit("京东金条", recorded_on=date(2026, 7, 1), limit_fen=2_500_000)
    ledger.record_limit("京东金条", recorded_on=date(2026, 7, 1), limit_fen=1_800_000)

    domain = {
        (cut.platform, cut.cut_on, cut.before_fen, cut.after_fen) for cut in limit_cuts(load_book(database).limits)
    }
    listed = {
        (platform.name, change.recorded_on, change.limit_fen - change.change_fen, change.limit_fen)
        for platform in list_platforms(database)
        for change in platform.limits
        if change.is_cut
    }
    charted = {
        (cut.platform, cut.cut_on, cut.before_fen, cut.after_fen)
        for cut in ChartData(database=database, today=lambda: TODAY).limits().cuts
    }
    assert ("京东金条", date(2026, 7, 1), 2_500_000, 1_800_000) in domain and len(domain) >= 2
    assert listed == domain == charted

    latest = max(domain, key=lambda cut: (cut[1], cut[0]))
    diagnosis = Session(database=database).latest_cut(TODAY)
    assert (diagnosis.cut.platform, diagnosis.cut.cut_on) == latest[:2]
