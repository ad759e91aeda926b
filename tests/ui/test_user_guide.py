"""Help ▸ User guide: the guide read in the window, offline, in the window's language, its links to the other guides
followed; the Chinese guide holds to the house style and keeps every section and picture of the English one."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl

from jiebei_tracker.ui.dialogs.user_guide import guide_path
from tests.chinese import half_width_slips, informal_you, missing_spaces


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


# -- the guide in the window's language ---------------------------------------------------------------------------

DOCS = guide_path().parent
CHINESE_GUIDE = DOCS / "user-guide.zh_CN.md"
SCREENSHOT_FOLDERS = (DOCS / "screenshots", DOCS.parent / "packaging" / "screenshots")
# The Chinese guide shows the health score chart as it sits on the Charts page (top left) in Chinese.
STANDS_FOR = {"charts": "chart-health"}


def test_in_chinese_help_user_guide_shows_the_chinese_guide(qtbot, window, translations):
    translations.apply("zh_CN")
    dialog = window.show_user_guide()
    qtbot.addWidget(dialog)
    assert dialog.browser.source().toLocalFile().endswith("user-guide.zh_CN.md")
    text = dialog.browser.toPlainText()
    assert "还款提醒与还款日历" in text and "Reminders and the repayment calendar" not in text
    assert dialog.windowTitle() == "使用指南"
    dialog.browser.anchorClicked.emit(QUrl("user-guide.md"))  # the link at the top: the English guide
    assert "Reminders and the repayment calendar" in dialog.browser.toPlainText()


def test_in_english_help_user_guide_shows_the_english_guide(qtbot, window, translations):
    translations.apply("en")
    dialog = window.show_user_guide()
    qtbot.addWidget(dialog)
    assert dialog.browser.source().toLocalFile().endswith("/user-guide.md")
    text = dialog.browser.toPlainText()
    assert "Reminders and the repayment calendar" in text and "还款提醒与还款日历" not in text
    assert dialog.windowTitle() == "User guide"


def test_the_open_guide_follows_a_change_of_language(qtbot, window, translations):
    dialog = window.show_user_guide()
    qtbot.addWidget(dialog)
    translations.apply("zh_CN")
    qtbot.waitUntil(lambda: dialog.browser.source().toLocalFile().endswith("user-guide.zh_CN.md"))
    assert dialog.windowTitle() == "使用指南" and "还款提醒与还款日历" in dialog.browser.toPlainText()
    translations.apply("en")
    qtbot.waitUntil(lambda: dialog.browser.source().toLocalFile().endswith("/user-guide.md"))


def test_a_language_without_its_own_guide_gets_the_english_one():
    from jiebei_tracker.ui.dialogs.user_guide import user_guide_path

    assert user_guide_path("zh_CN") == CHINESE_GUIDE and CHINESE_GUIDE.is_file()
    assert user_guide_path("en") == guide_path()
    assert user_guide_path("ja") == guide_path()


_FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(([^)\s]*)\)")


def prose_lines(markdown: str) -> list[str]:
    """The lines a reader reads: code blocks and code spans out, links and pictures as their text only."""
    text = _CODE_SPAN.sub("", _FENCED.sub("", markdown))
    return _LINK.sub(lambda link: link.group(2), text).split("\n")


def test_the_chinese_guide_is_written_as_chinese_is_written():
    lines = prose_lines(CHINESE_GUIDE.read_text(encoding="utf-8"))
    assert half_width_slips(lines) == []
    assert informal_you(lines) == []
    assert missing_spaces(lines) == []
    # The check reads the prose, not code or link targets, and still catches a slip next to them.
    assert prose_lines("见[说明](a.md#b)，运行 `x --y,z`。") == ["见说明，运行 。"]
    assert half_width_slips(prose_lines("见[说明](a.md),然后")) == ["见说明,然后"]
    assert missing_spaces(["导入CSV 文件", "共 12个月", "已于 2024年3月5日到期"]) == ["导入CSV 文件", "共 12个月"]


def _sections(markdown: str) -> list[tuple[str, list[str]]]:
    """Each ``##`` section (the text before the first one too) with the pictures it shows, in order."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in _FENCED.sub("", markdown).split("\n"):
        if line.startswith("## "):
            sections.append((line[3:], []))
        sections[-1][1].extend(target for bang, _, target in _LINK.findall(line) if bang)
    return sections


def _subject(picture: str) -> str:
    """What a screenshot shows, whatever its language, size or palette: dashboard-zh_CN.png and
    loans-en-dark.png are the dashboard and the loans list."""
    stem = Path(picture).stem
    stem = re.sub(r"-(en|zh_CN)(?=-|$)|-dark$|-\d+x\d+$", "", stem)
    return STANDS_FOR.get(stem, stem)


def _chinese_versions(subject: str) -> list[Path]:
    return [
        path for folder in SCREENSHOT_FOLDERS for path in folder.glob("*zh_CN*.png") if _subject(path.name) == subject
    ]


def test_the_chinese_guide_has_every_section_and_picture_of_the_english_one():
    english = _sections(guide_path().read_text(encoding="utf-8"))
    chinese = _sections(CHINESE_GUIDE.read_text(encoding="utf-8"))
    assert len(chinese) == len(english) > 4
    for (title, english_pictures), (chinese_title, chinese_pictures) in zip(english, chinese, strict=True):
        shown = {_subject(picture) for picture in chinese_pictures}
        assert shown == {_subject(picture) for picture in english_pictures}, (title, chinese_title)
        for picture in chinese_pictures:
            assert (DOCS / picture).is_file(), picture
            if "zh_CN" not in picture:  # an English picture only where there is no Chinese one of the same
                assert _chinese_versions(_subject(picture)) == [], picture
        for subject in shown:
            if _chinese_versions(subject):
                assert any("zh_CN" in p and _subject(p) == subject for p in chinese_pictures), subject
    headings = re.compile(r"^#{2,3} ", re.MULTILINE)
    assert len(headings.findall(CHINESE_GUIDE.read_text(encoding="utf-8"))) == len(
        headings.findall(guide_path().read_text(encoding="utf-8"))
    )


def test_each_guide_links_the_other_at_the_top():
    assert CHINESE_GUIDE.read_text(encoding="utf-8").split("\n")[0] == "[English](user-guide.md) | 简体中文"
    assert guide_path().read_text(encoding="utf-8").split("\n")[0] == "English | [简体中文](user-guide.zh_CN.md)"
