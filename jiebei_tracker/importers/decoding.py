"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK's superset, what Excel saves
in China); the encoding found is reported so the user can overrule it."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from jiebei_tracker.importers.errors import ImportFailure

# Names the user may give (CLI --encoding, the wizard's list) and what each is shown as.
ENCODING_LABELS = {
    "utf-8-sig": "UTF-8 with BOM",
    "utf-8": "UTF-8",
    "gb18030": "GB18030 / GBK",
    "utf-16": "UTF-16 with BOM",
}
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "utf8": "utf-8", "utf-16le": "utf-16-le"}


@dataclass(frozen=True)
class Decoded:
    """The file's text and the encoding it was read with (``encoding`` is a Python codec name)."""

    text: str
    encoding: str

    @property
    def label(self) -> str:
        return ENCODING_LABELS.get(self.encoding, self.encoding)


def codec_name(name: str, *, file_name: str) -> str:
    """The codec for a name the user gave; GBK and GB2312 are read as GB18030, which contains both."""
    cleaned = name.strip().lower().replace("_", "-")
    cleaned = _ALIASES.get(cleaned, cleaned)
    try:
        found = codecs.lookup(cleaned).name
    except LookupError:
        choices = ", ".join(ENCODING_LABELS)
        raise ImportFailure(file_name, f"unknown encoding {name!r} (try one of: {choices}, gbk)") from None
    return _ALIASES.get(found, found)


def decode(data: bytes, *, file_name: str, encoding: str | None = None) -> Decoded:
    """Read ``data`` with ``encoding`` if given, else detect it. A byte order mark is never part of the text."""
    if encoding is not None:
        codec = codec_name(encoding, file_name=file_name)
        return Decoded(_decode_with(data, codec, file_name).lstrip("\ufeff"), codec)
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_decode_with(data[len(codecs.BOM_UTF8) :], "utf-8", file_name), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(_decode_with(data, "utf-16", file_name), "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError as error:
        raise ImportFailure(
            file_name,
            f"not text in UTF-8, GBK/GB18030 or UTF-16 (byte 0x{data[error.start]:02x}); "
            "if you know the encoding, choose it (--encoding)",
            line=data.count(b"\n", 0, error.start) + 1,
        ) from None


def _decode_with(data: bytes, codec: str, file_name: str) -> str:
    try:
        return data.decode(codec)
    except LookupError:  # a codec that is not a text encoding (rot13, hex, …)
        raise ImportFailure(file_name, f"{codec!r} is not a text encoding") from None
    except UnicodeDecodeError as error:
        line = None if codec.startswith("utf-16") else data.count(b"\n", 0, error.start) + 1
        label = ENCODING_LABELS.get(codec, codec)
        raise ImportFailure(
            file_name, f"cannot be read as {label} (byte 0x{data[error.start]:02x}); try another encoding", line=line
        ) from None
