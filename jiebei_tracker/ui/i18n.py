"""The window's languages: installing the translator for Chinese or English at run time, and building the files.

English is the source language (the texts in the code); Chinese comes from Qt Linguist files:
``resources/translations/jiebei_tracker_zh_CN.ts`` (the source translators edit) compiled to
``jiebei_tracker_zh_CN.qm`` (shipped inside the package). After changing any ``tr()`` text::

    python -m jiebei_tracker.ui.i18n update   # add new texts to the .ts (pyside6-lupdate over ui/ and charts/)
    # translate them: pyside6-linguist resources/translations/jiebei_tracker_zh_CN.ts, or edit the XML
    python -m jiebei_tracker.ui.i18n build    # compile the .qm (pyside6-lrelease)
    python -m jiebei_tracker.ui.i18n check    # what the test checks: every text translated, .qm up to date
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from jiebei_tracker import resources

SOURCE_LANGUAGE = "en"
TRANSLATED = ("zh_CN",)
LANGUAGES = (SOURCE_LANGUAGE, *TRANSLATED)
_PACKAGE = Path(__file__).resolve().parent.parent
# Every folder (scanned recursively) or file whose .py code holds texts for the window.
SOURCE_FOLDERS = (_PACKAGE / "ui", _PACKAGE / "charts", _PACKAGE / "app.py")


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else SOURCE_LANGUAGE


def resolve_language(setting: str) -> str:
    """The language to show for a setting: ``""`` follows the system locale."""
    return setting if setting in LANGUAGES else system_language()


def translations_folder():
    return resources.files() / "translations"


class Translations(QObject):
    """Installs the translators of one language into the application; switching needs no restart, because
    Qt sends every widget a LanguageChange event and each widget's retranslate_ui() sets its texts again."""

    language_changed = Signal(str)
    """Emitted with the language now shown (``zh_CN`` or ``en``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []
        self._data: list[bytes] = []  # QTranslator.load(bytes) keeps a pointer: the bytes must outlive it

    def apply(self, setting: str) -> str:
        """Show the language a setting asks for; returns it."""
        language = resolve_language(setting)
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed, self._data = [], []
        chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        QLocale.setDefault(
            chinese if language == "zh_CN" else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        )
        if language != SOURCE_LANGUAGE:
            self._install_data((translations_folder() / f"jiebei_tracker_{language}.qm").read_bytes())
            qt_file = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"
            if qt_file.exists():  # Qt's own texts: the standard buttons, the calendar, context menus
                self._install_data(qt_file.read_bytes())
        self.language = language
        self.language_changed.emit(language)
        return language

    def _install_data(self, data: bytes) -> None:
        translator = QTranslator(self)
        if translator.load(data):
            self._data.append(data)
            self._installed.append(translator)
            QCoreApplication.instance().installTranslator(translator)


# -- building the translation files (a developer command; not used at run time) ---------------------------


def _tool(name: str) -> str:
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    return str(Path(PySide6.__file__).parent / f"{name}{suffix}")


def ts_path(language: str) -> Path:
    return Path(str(translations_folder())) / f"jiebei_tracker_{language}.ts"


def update(ts_file: Path) -> None:
    """Bring ``ts_file`` in line with the sources: new texts added unfinished, vanished ones dropped. No line
    numbers are kept, so the file changes only when a text does."""
    import subprocess  # the translators' commands load what only they need (the window does not)

    command = [_tool("lupdate"), "-no-obsolete", "-locations", "none", "-extensions", "py"]
    command += [str(folder) for folder in SOURCE_FOLDERS] + ["-ts", str(ts_file)]
    subprocess.run(command, check=True, capture_output=True)


def build(ts_file: Path, qm_file: Path) -> None:
    import subprocess

    subprocess.run([_tool("lrelease"), str(ts_file), "-qm", str(qm_file)], check=True, capture_output=True)


def untranslated(ts_file: Path) -> list[str]:
    """Texts of ``ts_file`` without a finished translation, as ``context: text``."""
    import xml.etree.ElementTree as ElementTree

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
    """Problems with the shipped translations: texts in the sources without a Chinese translation, and .qm files
    that are not what the .ts compiles to."""
    import tempfile

    problems = []
    with tempfile.TemporaryDirectory() as folder:
        for language in TRANSLATED:
            shipped_ts = ts_path(language)
            fresh_ts = Path(folder) / shipped_ts.name
            fresh_ts.write_bytes(shipped_ts.read_bytes())
            update(fresh_ts)
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
        for language in TRANSLATED:
            update(ts_path(language))
            left = untranslated(ts_path(language))
            print(f"{ts_path(language)}: {len(left)} texts to translate")
            for text in left:
                print(f"  {text}")
        return 0
    if command[0] == "build":
        for language in TRANSLATED:
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
