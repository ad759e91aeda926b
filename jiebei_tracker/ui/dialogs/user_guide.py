"""Help ▸ User guide: the project's own documentation (docs/, shipped in the package as ``jiebei_tracker.docs``)
read in the window, offline, the user guide in the window's language (``user-guide.zh_CN.md`` in Chinese, English
when a language has none). Links between the guides follow; links to the web are not opened (no network)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from jiebei_tracker.qt_text import display_language

GUIDE = "user-guide.md"


def guide_path(name: str = GUIDE) -> Path:
    """Where a guide is on disk (the package is installed as files, editable or not)."""
    return Path(str(files("jiebei_tracker.docs") / name))


def user_guide_path(language: str | None = None) -> Path:
    """The user guide in ``language`` (the window's display language by default): ``user-guide.<language>.md``,
    or the English ``user-guide.md`` when there is none in that language."""
    language = language or display_language()
    if language != "en":
        translated = guide_path(f"user-guide.{language}.md")
        if translated.is_file():
            return translated
    return guide_path()


def is_user_guide(path: Path) -> bool:
    """Whether a file is the user guide in one of its languages (not another page of the docs)."""
    return path.name == GUIDE or (path.name.startswith("user-guide.") and path.name.endswith(".md"))


class GuideBrowser(QTextBrowser):
    """Markdown guides, their links to each other followed; a picture is shown at most as wide as the page, and
    one that is not shipped (the screenshots, in an installed app) is left out rather than drawn broken."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._follow)

    def _follow(self, url: QUrl) -> None:
        if url.isLocalFile() or url.isRelative():
            target = self.source().resolved(url)
            if target.toLocalFile().endswith(".md") and Path(target.toLocalFile()).is_file():
                self.setSource(target, QTextDocument.ResourceType.MarkdownResource)
            elif url.hasFragment():
                self.scrollToAnchor(url.fragment())

    def loadResource(self, kind: int, url: QUrl):
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return super().loadResource(kind, url)
        path = Path(url.toLocalFile())
        if not path.is_file():
            return QImage()
        image = QImage(str(path))
        widest = max(self.viewport().width() - 24, 320)  # a screenshot fits the page instead of scrolling it
        return (
            image.scaledToWidth(widest, Qt.TransformationMode.SmoothTransformation) if image.width() > widest else image
        )


class UserGuideDialog(QDialog):
    """The user guide beside the window (not modal), with Back to return from a followed link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = GuideBrowser(self)
        self.browser.setSource(QUrl.fromLocalFile(str(user_guide_path())), QTextDocument.ResourceType.MarkdownResource)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.back_button = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.ActionRole)
        self.back_button.clicked.connect(self.browser.backward)
        self.back_button.setEnabled(False)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(860, 680)

    def changeEvent(self, event: QEvent) -> None:
        """The window's language changed while the guide is open: its title follows, and the user guide (when that
        is what is shown) turns to the guide in the new language."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "back_button"):
            self.setWindowTitle(self.tr("User guide"))
            self.back_button.setText(self.tr("Back"))
            shown = Path(self.browser.source().toLocalFile())
            wanted = user_guide_path()
            if is_user_guide(shown) and shown != wanted:
                self.browser.setSource(QUrl.fromLocalFile(str(wanted)), QTextDocument.ResourceType.MarkdownResource)
        super().changeEvent(event)
