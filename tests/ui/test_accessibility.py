"""Every control a person can reach has a name a screen reader can say, and a description that says what it does or
expects: the window's pages and its dialogs, walked control by control (what Qt's accessibility layer reports: the
name from the text, a label's buddy or a name set; the description from one set, or else the tooltip), in English
and in Chinese. And a chart tells its series apart by more than colour."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget, QWidget

from jiebei_tracker.domain.rules import Thresholds
from jiebei_tracker.domain.vocabulary import InstallmentStatus
from jiebei_tracker.services.dues import DueInstallment
from jiebei_tracker.services.settings import GeneralSettings
from jiebei_tracker.ui.dialogs.autopay_check import AutopayCheckDialog
from jiebei_tracker.ui.dialogs.forms import controls_in
from jiebei_tracker.ui.dialogs.limit_dialog import LimitDialog
from jiebei_tracker.ui.dialogs.loan_editor import LoanEditorDialog
from jiebei_tracker.ui.dialogs.note_dialog import NoteDialog
from jiebei_tracker.ui.dialogs.passphrase_dialog import PassphrasePrompt, ProtectDialog
from jiebei_tracker.ui.dialogs.repayment_dialog import RepaymentDialog
from jiebei_tracker.ui.dialogs.settings_dialog import SettingsDialog
from tests.conftest import TODAY
from tests.importers.samples import alipay_bytes, loans_csv
from tests.scenarios import draft

LANGUAGES = ["en", "zh_CN"]
_CJK = re.compile(r"[\u3400-\u9fff]")


def _reachable(root: QWidget):
    """The controls under ``root`` that a person can see, each with what Qt's accessibility layer says of it."""
    for widget in controls_in(root):
        if widget.isVisibleTo(root) and widget.window() is root.window():  # a dialog over it is checked on its own
            yield widget, QAccessible.queryAccessibleInterface(widget)


def _called(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"


def unnamed(root: QWidget) -> list[str]:
    """The controls under ``root`` that a person can see and whose accessible name is empty."""
    found = []
    for widget, interface in _reachable(root):
        if not (interface and interface.text(QAccessible.Text.Name).strip()):
            found.append(_called(widget))
    return found


def undescribed(root: QWidget, *, chinese: bool = False) -> list[str]:
    """The controls under ``root`` that a person can see whose description (what a screen reader reads after the
    name) is empty or only repeats the name, or, in Chinese, is not in Chinese."""
    found = []
    for widget, interface in _reachable(root):
        name = interface.text(QAccessible.Text.Name).strip() if interface else ""
        description = interface.text(QAccessible.Text.Description).strip() if interface else ""
        if not description or description.casefold() == name.casefold():
            found.append(f"{_called(widget)} {name!r}: no description")
        elif chinese and not _CJK.search(description):
            found.append(f"{_called(widget)} {name!r}: described in English: {description!r}")
    return found


def unexplained(root: QWidget, language: str) -> list[str]:
    """What ``unnamed`` and ``undescribed`` find under ``root``, on every tab of its tab widgets in turn."""
    found = {}
    tab_widgets = [tabs for tabs in root.findChildren(QTabWidget) if tabs.isVisibleTo(root)]
    for shown, index in [(None, 0), *((tabs, index) for tabs in tab_widgets for index in range(tabs.count()))]:
        if shown is not None:
            shown.setCurrentIndex(index)
        found.update(dict.fromkeys(f"no name: {control}" for control in unnamed(root)))
        found.update(dict.fromkeys(undescribed(root, chinese=language != "en")))
    for tabs in tab_widgets:
        tabs.setCurrentIndex(0)
    return list(found)


def test_every_control_of_every_page_has_a_name(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    qtbot.waitUntil(lambda: all(window.stack.is_built(page) for page in range(window.stack.count())))
    for page in range(window.stack.count()):
        window.show_page(page)
        assert unnamed(window) == [], page


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_control_of_every_page_says_what_it_does(qtbot, make_window, demo_workspace, translations, language):
    window = make_window(demo_workspace)
    qtbot.waitUntil(lambda: all(window.stack.is_built(page) for page in range(window.stack.count())))
    translations.apply(language)  # switched while open: each page's retranslate_ui describes its controls again
    QApplication.processEvents()  # the LanguageChange events Qt posted
    for page in range(window.stack.count()):
        window.show_page(page)
        assert unexplained(window, language) == [], page


def _repayment_dialog(workspace, tmp_path):
    loan_id = workspace.ledger.add_loan(draft(borrowed_on=date(2026, 10, 10), months=6)).created_id
    return RepaymentDialog(
        loan=workspace.loans([loan_id])[0],
        today=TODAY,
        quote=lambda day: workspace.payoff_quote(loan_id, paid_on=day),
        pay=lambda *args: None,
        pay_off=lambda *args: None,
        outlook=lambda day: workspace.repayment_outlook(loan_id, paid_on=day),
    )


DIALOGS = {
    "loan editor": lambda workspace, tmp_path: LoanEditorDialog(platforms=["借呗"], today=TODAY),
    "limit": lambda workspace, tmp_path: LimitDialog(platforms=["借呗"], today=TODAY, save=lambda *args: None),
    "note": lambda workspace, tmp_path: NoteDialog(today=TODAY, save=lambda *args: None),
    "settings": lambda workspace, tmp_path: SettingsDialog(
        general=GeneralSettings(), thresholds=Thresholds(), save=lambda *args: None
    ),
    "repayment": _repayment_dialog,
    "passphrase": lambda workspace, tmp_path: PassphrasePrompt(tmp_path / "tracker.db"),
    "protect": lambda workspace, tmp_path: ProtectDialog(tmp_path / "tracker.db", protected=True),
    "autopay check": lambda workspace, tmp_path: AutopayCheckDialog(
        items=[DueInstallment(1, 3, 12, "借呗", TODAY, 105_009, True, InstallmentStatus.UPCOMING)]
    ),
}


@pytest.mark.parametrize("make", list(DIALOGS.values())[:4], ids=list(DIALOGS)[:4])
def test_every_control_of_a_dialog_has_a_name(qtbot, make, workspace, tmp_path):
    dialog = make(workspace, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("make", DIALOGS.values(), ids=DIALOGS.keys())
def test_every_control_of_a_dialog_says_what_it_does(qtbot, make, workspace, tmp_path, translations, language):
    translations.apply(language)  # a dialog opens in the language shown
    dialog = make(workspace, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unexplained(dialog, language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_of_the_import_wizard_says_what_its_controls_do(
    qtbot, open_wizard, tmp_path, translations, language
):
    translations.apply(language)
    path = tmp_path / "loans.csv"
    path.write_text(loans_csv())  # loans of 2024: the check page asks whether they were repaid
    wizard = open_wizard(path)
    assert unexplained(wizard, language) == [], "file"
    wizard.next_button.click()
    assert wizard.pages.currentWidget() is wizard.columns_page
    assert unexplained(wizard, language) == [], "columns"
    with qtbot.waitSignal(wizard.work_finished, timeout=20_000):
        wizard.next_button.click()
    assert wizard.pages.currentWidget() is wizard.check_page
    assert wizard.check_page.past.isVisible()
    assert unexplained(wizard, language) == [], "check"
    wizard.check_page.past.per_loan.click()  # a list of the loans, with an answer each
    assert unexplained(wizard, language) == [], "check, loan by loan"
    assert unexplained(wizard.progress_page, language) == [], "progress"  # on screen only while it writes
    wizard.check_page.past.paid.click()
    with qtbot.waitSignal(wizard.work_finished, timeout=20_000):
        wizard.import_button.click()
    assert wizard.pages.currentWidget() is wizard.summary_page
    assert unexplained(wizard, language) == [], "summary"
    alipay = tmp_path / "alipay_record.csv"
    alipay.write_bytes(alipay_bytes())
    wizard = open_wizard(alipay)
    wizard.next_button.click()
    assert wizard.pages.currentWidget() is wizard.alipay_page
    wizard.alipay_page.select_row(0)
    assert unexplained(wizard, language) == [], "alipay"


def test_the_page_list_is_named(qtbot, make_window, workspace):
    window = make_window(workspace)
    interface = QAccessible.queryAccessibleInterface(window.navigation)
    assert interface.text(QAccessible.Text.Name) == "Pages"


def test_the_description_read_is_the_one_set_or_else_the_tooltip(qtbot):
    """Qt reads a control's tooltip as its description when none is set: a good tooltip serves both."""
    root = QWidget()
    qtbot.addWidget(root)
    button = QPushButton("Delete", root)
    assert len(undescribed(root)) == 1
    button.setToolTip("Delete")  # only the name again
    assert len(undescribed(root)) == 1
    button.setToolTip("Removes the selected loan")
    assert undescribed(root) == []
    button.setAccessibleDescription("Removes the selected loan and its repayments")
    description = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Description)
    assert description == "Removes the selected loan and its repayments"
    assert undescribed(root, chinese=True) != []


def _luminance(colour) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(part) for part in colour.getRgb()[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def test_quiet_texts_hints_and_empty_states_can_be_read(window):
    """Hints and empty states are labels drawn disabled: their grey keeps the 4.5 : 1 contrast WCAG asks of text
    (Fusion's own is 1.7 : 1)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    def contrast() -> float:
        palette = QApplication.instance().palette()
        quiet = _luminance(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText))
        ground = _luminance(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window))
        lighter, darker = max(quiet, ground), min(quiet, ground)
        return (lighter + 0.05) / (darker + 0.05)

    assert contrast() >= 4.5
    # The system turns dark: a dark palette arrives, its quiet grey worked out again.
    dark = QPalette(QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    dark.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#3a3a3a"))
    QApplication.setPalette(dark)
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert contrast() >= 4.5
