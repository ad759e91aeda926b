"""The menus as a keyboard user meets them: in each menu every mnemonic (the underlined letter, Alt+letter) leads to
one command only, in English and in Chinese, with the user's own data and with the sample data."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QApplication


def _mnemonics(actions) -> list[str]:
    found = []
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        match = re.search(r"&(\w)", action.text().replace("&&", ""))
        if match:
            found.append(match.group(1).lower())
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("sample", [False, True])
def test_each_menu_letter_opens_one_command(qtbot, make_window, workspace, translations, language, sample):
    window = make_window(workspace, sample=sample)
    translations.apply(language)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("借呗" if language == "zh_CN" else "Jiebei"))
    menus = [action.menu() for action in window.menuBar().actions()]
    letters = {menu.title(): _mnemonics(menu.actions()) for menu in menus}
    letters["menu bar"] = _mnemonics(window.menuBar().actions())
    repeated = {name: [k for k, n in Counter(found).items() if n > 1] for name, found in letters.items()}
    assert {name: keys for name, keys in repeated.items() if keys} == {}
    assert len(letters) >= 5 and len(next(iter(letters.values()))) >= 8  # the File menu: every command lettered


def test_the_window_names_the_app_once_in_each_language(qtbot, make_window, workspace, translations):
    window = make_window(workspace)
    for language, name in (("zh_CN", "借呗信用健康助手"), ("en", "Jiebei Tracker")):
        translations.apply(language)
        qtbot.waitUntil(lambda name=name: window.windowTitle() == name)  # the language change reaches the window
        assert QApplication.applicationDisplayName() == name
