"""Help ▸ User guide: the guide read in the window, offline, its links to the other guides followed."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from jiebei_tracker.ui.dialogs.user_guide import guide_path


def test_the_user_guide_opens_offline_and_follows_a_link_to_another_guide(qtbot, window):
    dialog = window.show_user_guide()
    qtbot.addWidget(dialog)
    browser = dialog.browser
    assert browser.source().toLocalFile().endswith("user-guide.md")
    assert "Reminders and the repayment calendar" in browser.toPlainText()
    assert not dialog.back_button.isEnabled()
    browser.anchorClicked.emit(QUrl("cli.md#credit-health-commands"))
    assert browser.source().toLocalFile().endswith("cli.md")
    assert "--lang zh_CN" in browser.toPlainText()
    assert dialog.back_button.isEnabled()
    dialog.back_button.click()
    assert browser.source().toLocalFile().endswith("user-guide.md")
    browser.anchorClicked.emit(QUrl("https://example.com/"))  # no network: not followed
    assert browser.source().toLocalFile().endswith("user-guide.md")


def test_a_picture_that_is_not_shipped_is_left_out_not_broken(qtbot):
    from jiebei_tracker.ui.dialogs.user_guide import GuideBrowser

    browser = GuideBrowser()
    qtbot.addWidget(browser)
    missing = QUrl.fromLocalFile(str(guide_path().parent / "no-such-picture.png"))
    assert browser.loadResource(2, missing).isNull()
    assert guide_path().is_file()


def test_the_help_menu_offers_the_guide_first(window):
    menu = window.commands.help_menu
    assert menu.actions()[0] is window.commands.user_guide and window.commands.user_guide.text() == "&User guide"
