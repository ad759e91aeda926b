"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK's superset, what Excel saves
in China); the encoding found is reported so the user can overrule it."""

from __future__ import annotations

import codecs
import io
import os
import re
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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


# -- reading a file as it goes ---------------------------------------------------------------------------------
#
# A file of any size is read a chunk at a time, never whole: ``Source`` opens it (again) for each pass,
# ``detect_encoding`` looks at its first lines, ``TextLines`` hands out its decoded lines one by one. A line in the
# other common encoding than the file's (a UTF-8 row pasted into a GBK file, a GBK row in a UTF-8 file) is
# decoded as what it really is and reported (``Foreign``) rather than read as mojibake.

_CHUNK = 1 << 20
# Detection decides on this many lines with non-ASCII bytes (every line when fewer).
_VOTES = 200
# A line longer than this is judged on its first part (so a file without line breaks is not read whole).
_LONGEST_LINE = 4 << 20
_SURROGATE = re.compile("[\udc80-\udcff]")
# What a mixed file's message calls the two encodings it tells apart.
_SHORT_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GBK"}

BinarySource = bytes | bytearray | memoryview | str | os.PathLike | BinaryIO


class Source:
    """The bytes of a file, to be read from the start as many times as an import needs (detect, check, write):
    bytes in memory, a path (opened anew each time), or a binary file object (read in sized chunks only; one that
    cannot seek is first copied to a temporary file, a chunk at a time)."""

    def __init__(self, data: BinarySource | Source, *, file_name: str) -> None:
        self.file_name = file_name
        self._bytes: bytes | None = None
        self._path: Path | None = None
        self._file: BinaryIO | None = None
        self._start = 0
        if isinstance(data, Source):
            self._bytes, self._path, self._file, self._start = data._bytes, data._path, data._file, data._start
        elif isinstance(data, bytes | bytearray | memoryview):
            self._bytes = bytes(data)
        elif isinstance(data, str | os.PathLike):
            self._path = Path(data)
        elif _seekable(data):
            self._file, self._start = data, data.tell()
        else:
            self._file = _spooled(data, file_name)

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        """The bytes from the start, as a binary stream (closed afterwards unless it is the caller's)."""
        if self._bytes is not None:
            yield io.BytesIO(self._bytes)
        elif self._path is not None:
            try:
                stream = self._path.open("rb")
            except OSError as error:
                raise ImportFailure(self.file_name, f"cannot read the file ({error.strerror})") from None
            with stream:
                yield stream
        else:
            self._file.seek(self._start)
            yield self._file

    def checksum(self) -> tuple[int, int]:
        """The size and CRC-32 of the bytes, as a complete pass of ``TextLines`` notes them."""
        size = crc = 0
        with self.open() as stream:
            while chunk := _read(stream, _CHUNK, self.file_name):
                size += len(chunk)
                crc = zlib.crc32(chunk, crc)
        return size, crc


def _seekable(stream) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _spooled(stream, file_name: str) -> BinaryIO:
    copy = tempfile.TemporaryFile()  # noqa: SIM115 (handed to the Source, which reads it again and again)
    try:
        while chunk := stream.read(_CHUNK):
            copy.write(chunk)
    except OSError as error:
        copy.close()
        raise ImportFailure(file_name, f"cannot read the file ({error.strerror})") from None
    return copy


def text_codec(name: str, *, file_name: str) -> str:
    """codec_name, refusing a codec that is not a text encoding (rot13, hex, …)."""
    codec = codec_name(name, file_name=file_name)
    if not getattr(codecs.lookup(codec), "_is_text_encoding", True):
        raise ImportFailure(file_name, f"{codec!r} is not a text encoding")
    return codec


def detect_encoding(source: Source) -> str:
    """The encoding of the file: a byte order mark says it; else the lines with non-ASCII bytes vote, looking at
    the first ``_VOTES`` of them — UTF-8 when most are valid UTF-8, else GB18030 (GBK's superset)."""
    utf8 = other = 0
    with source.open() as stream:
        head = _read(stream, 4, source.file_name)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        carry = head
        while utf8 + other < _VOTES:
            chunk = _read(stream, _CHUNK, source.file_name)
            data = carry + chunk
            if chunk:
                cut = max(data.rfind(b"\n"), data.rfind(b"\r")) + 1
                if not cut and len(data) < _LONGEST_LINE:
                    carry = data
                    continue
                cut = cut or len(data)
                data, carry = data[:cut], data[cut:]
            if not data.isascii():
                for line in data.splitlines():
                    if not line.isascii():
                        if _valid_utf8(line):
                            utf8 += 1
                        else:
                            other += 1
            if not chunk:
                break
    return "utf-8" if utf8 > other or not other else "gb18030"


def _read(stream, size: int, file_name: str) -> bytes:
    try:
        return stream.read(size)
    except OSError as error:
        raise ImportFailure(file_name, f"cannot read the file ({error.strerror})") from None


def _valid_utf8(data: bytes) -> bool:
    try:
        codecs.utf_8_decode(data, "strict", False)  # not final: a long line may be cut inside a character
    except UnicodeDecodeError:
        return False
    return True


@dataclass(frozen=True)
class Foreign:
    """A line in another encoding than the file's: ``encoding`` is the one it is really in (utf-8 or gb18030),
    ``byte`` the first byte the file's encoding cannot read (None when it can, as mojibake)."""

    line: int
    encoding: str
    file_encoding: str
    byte: int | None
    chosen: bool  # the file's encoding was given by the user, not detected

    def row_reason(self) -> str:
        """Why the row is refused: ``this row is in UTF-8 but the file is GBK; save the whole file in one …``."""
        return (
            f"this row is in {_SHORT_NAMES[self.encoding]} but the file is {_SHORT_NAMES[self.file_encoding]}; "
            "save the whole file in one encoding"
        )

    def failure(self, file_name: str) -> ImportFailure:
        """The file cannot be read (the header row is in another encoding than the file's)."""
        if self.chosen:
            label = ENCODING_LABELS.get(self.file_encoding, self.file_encoding)
            what = f"byte 0x{self.byte:02x}" if self.byte is not None else f"it is {_SHORT_NAMES[self.encoding]}"
            reason = f"cannot be read as {label} ({what}); try another encoding"
        else:
            reason = (
                f"this line is in {_SHORT_NAMES[self.encoding]} but the file is "
                f"{_SHORT_NAMES[self.file_encoding]}; save the whole file in one encoding"
            )
        return ImportFailure(file_name, reason, line=self.line)


class TextLines:
    """A file's text, line by line (line ends kept, as ``open(newline="")`` gives them), read again from the start
    by each ``reader()``. Lines in the other encoding are decoded as what they are and listed as ``Foreign``.
    Each complete pass notes the file's size and CRC-32 in ``checksum`` (to tell whether it changed since)."""

    def __init__(self, source: Source, encoding: str, *, chosen: bool = False) -> None:
        self.source = source
        self.encoding = encoding
        self.chosen = chosen
        self.file_name = source.file_name
        self.checksum: tuple[int, int] | None = None
        self._mixable = encoding in ("utf-8", "utf-8-sig", "gb18030")

    @property
    def label(self) -> str:
        return ENCODING_LABELS.get(self.encoding, self.encoding)

    def reader(self) -> tuple[Iterator[str], list[Foreign]]:
        """The lines from the start, and the list each foreign line is added to as it is read."""
        foreign: list[Foreign] = []
        return self._lines(foreign), foreign

    def head(self, lines: int) -> str:
        """The first ``lines`` lines (for recognising a file by its notes)."""
        found = []
        for line in self.reader()[0]:
            found.append(line)
            if len(found) == lines:
                break
        return "".join(found)

    def _lines(self, foreign: list[Foreign]) -> Iterator[str]:
        codec = self.encoding
        # Bytes the encoding cannot read come through as lone surrogates (surrogateescape), so the line they are
        # on is known exactly; UTF-16 cannot escape them and stops at the first.
        errors = "strict" if codec.startswith("utf-16") else "surrogateescape"
        with self.source.open() as stream:
            tap = _Tap(stream)
            text = io.TextIOWrapper(io.BufferedReader(tap, _CHUNK), encoding=codec, errors=errors, newline="")
            number = 0
            try:
                for line in text:
                    number += 1
                    if not line.isascii():
                        if number == 1 and line.startswith("\ufeff"):
                            line = line[1:]
                        if self._mixable:
                            line = self._checked(line, number, foreign)
                        elif errors != "strict" and (bad := _SURROGATE.search(line)):
                            raise self._unreadable(number, _byte(bad))
                    yield line
            except UnicodeDecodeError as error:
                byte = error.object[error.start] if error.start < len(error.object) else 0
                raise ImportFailure(
                    self.file_name, f"cannot be read as {self.label} (byte 0x{byte:02x}); try another encoding"
                ) from None
            except OSError as error:
                raise ImportFailure(self.file_name, f"cannot read the file ({error.strerror})") from None
            self.checksum = (tap.size, tap.crc)

    def _checked(self, line: str, number: int, foreign: list[Foreign]) -> str:
        """The line as it should read; a line in the other encoding is noted in ``foreign``."""
        if self.encoding == "gb18030":
            bad = _SURROGATE.search(line)
            raw = line.encode("gb18030", "surrogateescape")
            try:
                real = raw.decode("utf-8")
            except UnicodeDecodeError:
                if bad:
                    raise self._unreadable(number, ord(bad.group()) - 0xDC00) from None
                return line  # GBK, as the file is
            # Valid UTF-8 that GBK also reads (as mojibake) is taken as UTF-8 when it holds a character only
            # three UTF-8 bytes spell (Chinese does): GBK text is almost never that by chance.
            if bad or max(real) >= "\u0800":
                foreign.append(Foreign(number, "utf-8", self.encoding, _byte(bad), self.chosen))
                return real
            return line
        bad = _SURROGATE.search(line)
        if not bad:
            return line
        try:
            real = line.encode("utf-8", "surrogateescape").decode("gb18030")
        except UnicodeDecodeError:
            raise self._unreadable(number, _byte(bad)) from None
        foreign.append(Foreign(number, "gb18030", self.encoding, _byte(bad), self.chosen))
        return real

    def _unreadable(self, number: int, byte: int) -> ImportFailure:
        if self.chosen:
            label = ENCODING_LABELS.get(self.encoding, self.encoding)
            return ImportFailure(
                self.file_name, f"cannot be read as {label} (byte 0x{byte:02x}); try another encoding", line=number
            )
        return ImportFailure(
            self.file_name,
            f"not text in UTF-8, GBK/GB18030 or UTF-16 (byte 0x{byte:02x}); "
            "if you know the encoding, choose it (--encoding)",
            line=number,
        )


def _byte(found: re.Match | None) -> int | None:
    return ord(found.group()) - 0xDC00 if found else None


class _Tap(io.RawIOBase):
    """Reads the caller's stream in sized chunks (never all at once), counting the bytes and their CRC-32;
    closing it leaves the stream open."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.size = 0
        self.crc = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.size += size
        self.crc = zlib.crc32(data, self.crc)
        return size


def open_text(data: BinarySource | Source, *, file_name: str, encoding: str | None = None) -> TextLines:
    """The file's lines in the encoding given, or detected."""
    source = data if isinstance(data, Source) else Source(data, file_name=file_name)
    if encoding is not None:
        return TextLines(source, text_codec(encoding, file_name=file_name), chosen=True)
    return TextLines(source, detect_encoding(source))
