"""The shipped translations: every text of the window (ui/ and charts/, whoever wrote it) has a Chinese translation,
and the compiled .qm in the package is what the .ts source compiles to (``translation_files check``)."""

from __future__ import annotations

from importlib.resources import files
from xml.etree import ElementTree

from jiebei_tracker.ui import translation_files as i18n
from tests.chinese import half_width_slips, informal_you


def test_every_text_is_translated_and_the_shipped_qm_is_up_to_date():
    assert i18n.check() == []


def test_the_compiled_translation_ships_inside_the_package():
    qm = files("jiebei_tracker.resources") / "translations" / "jiebei_tracker_zh_CN.qm"
    assert qm.read_bytes()[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # Qt's .qm magic number


def test_the_checker_notices_an_untranslated_text(tmp_path):
    ts = tmp_path / "t.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN"><context>'
        "<name>X</name><message><source>Done</source><translation>完成</translation></message>"
        '<message><source>New</source><translation type="unfinished"></translation></message>'
        '<message numerus="yes"><source>%n day(s)</source><translation><numerusform></numerusform></translation>'
        "</message></context></TS>",
        encoding="utf-8",
    )
    assert i18n.untranslated(ts) == ["X: New", "X: %n day(s)"]


def _translations() -> list[str]:
    ts = files("jiebei_tracker.resources") / "translations" / "jiebei_tracker_zh_CN.ts"
    root = ElementTree.fromstring(ts.read_bytes())
    return ["".join(node.itertext()) for node in root.iter("translation")]


def test_chinese_translations_use_full_width_punctuation_and_say_you_politely():
    assert half_width_slips(_translations()) == []
    assert informal_you(_translations()) == []


def test_the_punctuation_check_sees_a_slip_and_lets_qt_conventions_be():
    assert half_width_slips(["删除吗?", "新借款,3 期", "（已导入)", "好的"]) == ["删除吗?", "新借款,3 期", "（已导入)"]
    assert half_width_slips(["文件(&F)", "数据库文件 (*.db);;所有文件 (*)", "多头借贷（原因 1，策略 1(2)）"]) == []
    hidden = ["借款 {name}:{platform},{day}", "例如 0.03 (%)"]  # slips beside a placeholder or after a space
    assert half_width_slips([*hidden, "Loan {name}: {platform}, {day}", "{file}:{line}"]) == hidden


def test_english_says_one_day_and_three_days_not_day_s(translations):
    """The English file holds the plurals only: "%n day(s)" in the code reads as English does."""
    from PySide6.QtCore import QCoreApplication

    translations.apply("en")
    said = [QCoreApplication.translate("DuesTableModel", "In %n day(s)", "", n) for n in (1, 3)]
    assert said == ["In 1 day", "In 3 days"]
    forms = [form.text for form in ElementTree.parse(i18n.ts_path("en")).getroot().iter("numerusform")]
    assert forms and not [form for form in forms if "(s)" in form]
