"""Building the translation files (a developer command; the window never loads this). After changing any
``tr()`` text::

    python -m jiebei_tracker.ui.translation_files update   # new texts into the .ts (pyside6-lupdate)
    # translate them: pyside6-linguist resources/translations/jiebei_tracker_zh_CN.ts, or edit the XML
    python -m jiebei_tracker.ui.translation_files build    # compile the .qm (pyside6-lrelease)
    python -m jiebei_tracker.ui.translation_files check    # what the test checks: all translated, .qm up to date
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import PySide6

from jiebei_tracker.ui.i18n import SOURCE_LANGUAGE, TRANSLATED, translations_folder

# English needs a file too, for its plurals only: "%n day(s)" reads "1 day" / "3 days" once its forms are given.
FILES = (*TRANSLATED, SOURCE_LANGUAGE)

_PACKAGE = Path(__file__).resolve().parent.parent
# Every folder (scanned recursively) or file whose .py code holds texts for the window.
SOURCE_FOLDERS = (_PACKAGE / "ui", _PACKAGE / "charts", _PACKAGE / "app.py")


def _tool(name: str) -> str:
    suffix = ".exe" if sys.platform == "win32" else ""
    return str(Path(PySide6.__file__).parent / f"{name}{suffix}")


def ts_path(language: str) -> Path:
    return Path(str(translations_folder())) / f"jiebei_tracker_{language}.ts"


def update(ts_file: Path, *, plural_only: bool | None = None) -> None:
    """Bring ``ts_file`` in line with the sources: new texts added unfinished, vanished ones dropped. No line
    numbers are kept, so the file changes only when a text does. The source language's file holds the texts with
    plurals only."""
    command = [_tool("lupdate"), "-no-obsolete", "-locations", "none", "-extensions", "py"]
    if plural_only if plural_only is not None else Path(ts_file).name == ts_path(SOURCE_LANGUAGE).name:
        command += ["-pluralonly", "-target-language", "en_US"]
    command += [str(folder) for folder in SOURCE_FOLDERS] + ["-ts", str(ts_file)]
    subprocess.run(command, check=True, capture_output=True)


def build(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([_tool("lrelease"), str(ts_file), "-qm", str(qm_file)], check=True, capture_output=True)


def untranslated(ts_file: Path) -> list[str]:
    """Texts of ``ts_file`` without a finished translation, as ``context: text``."""
    missing = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
            if kind == "unfinished" or not all((form or "").strip() for form in forms):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def check() -> list[str]:
    """Problems with the shipped translations: texts in the sources without a Chinese translation (or, in English,
    a plural without its forms), and .qm files that are not what the .ts compiles to."""
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        for language in FILES:
            shipped_ts = ts_path(language)
            fresh_ts = Path(folder) / shipped_ts.name
            fresh_ts.write_bytes(shipped_ts.read_bytes())
            update(fresh_ts, plural_only=language == SOURCE_LANGUAGE)
            problems += [f"{language}: not translated: {text}" for text in untranslated(fresh_ts)]
            fresh_qm = Path(folder) / f"jiebei_tracker_{language}.qm"
            build(shipped_ts, fresh_qm)
            shipped_qm = shipped_ts.with_suffix(".qm")
            if not shipped_qm.exists() or shipped_qm.read_bytes() != fresh_qm.read_bytes():
                problems.append(f"{language}: {shipped_qm.name} is out of date: run `python -m {__spec__.name} build`")
    return problems


def main(argv: list[str] | None = None) -> int:
    command = (argv if argv is not None else sys.argv[1:]) or ["help"]
    if command[0] == "update":
        for language in FILES:
            update(ts_path(language))
            left = untranslated(ts_path(language))
            print(f"{ts_path(language)}: {len(left)} texts to translate")
            for text in left:
                print(f"  {text}")
        return 0
    if command[0] == "build":
        for language in FILES:
            build(ts_path(language), ts_path(language).with_suffix(".qm"))
            print(f"built {ts_path(language).with_suffix('.qm')}")
        return 0
    if command[0] == "check":
        problems = check()
        print("\n".join(problems) or "translations complete and built")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
