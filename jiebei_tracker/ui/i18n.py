"""The window's languages: installing the translator for Chinese or English at run time.

English is the source language (the texts in the code); Chinese comes from Qt Linguist files:
``resources/translations/jiebei_tracker_zh_CN.ts`` (the source translators edit) compiled to
``jiebei_tracker_zh_CN.qm`` (shipped inside the package); ``translation_files`` builds them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from jiebei_tracker import resources

SOURCE_LANGUAGE = "en"
TRANSLATED = ("zh_CN",)
LANGUAGES = (SOURCE_LANGUAGE, *TRANSLATED)


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
        # English has a file too, for its plurals ("%n day(s)" → "1 day", "3 days"); without it English still
        # reads, as "3 day(s)".
        compiled = translations_folder() / f"jiebei_tracker_{language}.qm"
        if language != SOURCE_LANGUAGE or compiled.is_file():
            self._install_data(compiled.read_bytes())
        if language != SOURCE_LANGUAGE:
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
