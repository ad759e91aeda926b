"""What the tests hold Chinese text to."""

from __future__ import annotations

import re

# Half-width punctuation touching a Chinese character (or a Chinese quote or dash) reads as a translation slip; Qt's
# own conventions keep theirs: mnemonics "(&F)", file filters "(*.db);;", and the article's numbering "策略 2(2)".
_CJK = "[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…]"
_HALF_WIDTH_NEXT_TO_CJK = re.compile(rf"(?<={_CJK})[,:;()?!]|[,:;()?!](?={_CJK})")
# In a Chinese text, also the slips a placeholder hides: "{name}:{platform},{day}" (the figures filled in are
# Chinese too), and a half-width bracket after a space, "例如 0.03 (%)".
_HALF_WIDTH_BY_A_PLACEHOLDER = re.compile(r"(?<=\})[,:;?!](?=\{)|(?<=\})[,;?!]|(?<= )\(")
_CHINESE = re.compile("[\u4e00-\u9fff]")
_LATIN = re.compile("[A-Za-z]")
_PLACEHOLDER = re.compile(r"\{\w*\}|%\w")


def _mostly_chinese(text: str) -> bool:
    """More Chinese characters than Latin letters, placeholders left out: a Chinese sentence, not an English one
    naming 借呗."""
    bare = _PLACEHOLDER.sub("", text)
    return len(_CHINESE.findall(bare)) >= max(len(_LATIN.findall(bare)), 1)


_QT_CONVENTIONS = re.compile(r"\(&\w\)|\(\*[^)]*\)|;;|\d\(\d\)")


def half_width_slips(texts: list[str]) -> list[str]:
    def slipped(text: str) -> bool:
        text = _QT_CONVENTIONS.sub("", text)
        return bool(
            _HALF_WIDTH_NEXT_TO_CJK.search(text)
            or (_mostly_chinese(text) and _HALF_WIDTH_BY_A_PLACEHOLDER.search(text))
        )

    return [text for text in texts if slipped(text)]


def informal_you(texts: list[str]) -> list[str]:
    """Texts that address the user as 你: the app says 您 throughout."""
    return [text for text in texts if "你" in text]


# Chinese next to Latin letters or digits takes a space between them ("导入 CSV 文件", "12 个月"); a date written the
# Chinese way keeps its digits against 年, 月 and 日 ("2024年3月5日").
_CHINESE_DATE = re.compile(r"\d{4}年(\d{1,2}月(\d{1,2}日)?)?|\d{1,2}月(\d{1,2}日)?")
_UNSPACED = re.compile(r"[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]")


def missing_spaces(texts: list[str]) -> list[str]:
    """Texts where a Chinese character touches a Latin letter or a digit with no space between them."""
    return [text for text in texts if _UNSPACED.search(_CHINESE_DATE.sub("0 日", text))]  # the date's outer edges kept
