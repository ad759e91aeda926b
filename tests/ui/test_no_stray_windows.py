"""No part of the window ever flashes up as a window of its own. A label or button shown before it is laid out in
its parent becomes, for a moment, a top-level window — which takes the focus from whatever the user is typing into
(a repayment dialog open while the dashboard's health check comes in, say)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from jiebei_tracker.services.session import Session
from jiebei_tracker.ui.views.charts_view import CHART_CLASSES
from jiebei_tracker.ui.views.health import AutopayChecklistWidget
from tests.conftest import TODAY
from tests.scenarios import draft

# Windows that are meant to be windows: dialogs, menus, pop-ups and tooltips.
_MEANT = {Qt.WindowType.Dialog, Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.Sheet}


class StrayWindows(QObject):
    """Every bare Qt widget (a QLabel, a QPushButton, …) shown as a window while installed."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            bare = type(watched).__module__.startswith("PySide6")
            if bare and watched.windowType() not in _MEANT:
                self.seen.append(f"{type(watched).__name__} {getattr(watched, 'text', lambda: '')()!r}")
        return False


@pytest.fixture
def strays(qapp):
    spy = StrayWindows()
    qapp.installEventFilter(spy)
    yield spy.seen
    qapp.removeEventFilter(spy)


@pytest.mark.parametrize("compact", [False, True], ids=["full", "compact"])
def test_no_chart_shows_a_part_as_a_window(qtbot, strays, compact):
    for chart_class in CHART_CLASSES.values():
        chart = chart_class(compact=compact)
        qtbot.addWidget(chart)
    assert strays == []


def test_the_autopay_checklist_lays_out_its_rows_before_showing_them(qtbot, strays, ledger, database):
    ledger.add_loan(draft("微粒贷", autopay=False))
    ledger.add_loan(draft("借呗", autopay=True))
    widget = AutopayChecklistWidget(load=lambda: Session(database=database).autopay_checklist(TODAY))
    qtbot.addWidget(widget)
    widget.show()
    widget.reload()
    assert [row.how_to_label.isHidden() for row in widget.rows] == [False, True]
    assert strays == []


def test_the_window_with_a_history_builds_every_page_without_a_stray_window(qtbot, strays, make_window, demo_workspace):
    window = make_window(demo_workspace)
    qtbot.waitUntil(lambda: all(window.stack.is_built(page) for page in range(window.stack.count())))
    with qtbot.waitSignal(window.health_panel.updated, timeout=10_000):
        window.health_panel.reload()
    for page in range(window.stack.count()):
        window.navigation.setCurrentRow(page)
        QApplication.processEvents()
    assert strays == []
