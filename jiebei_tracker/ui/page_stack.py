"""The main window's pages, each built the first time it is shown or asked for.

Only the page the window opens on is made before the first frame; the others (and the modules they need) follow
once the window is on screen, one per turn of the event loop, so the first switch to any of them is instant."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """A stacked widget over page builders: an empty stand-in holds each page's place until it is built."""

    built = Signal(int, QWidget)
    """A page was just built (its index, the page)."""

    def __init__(self, builders: Sequence[Callable[[], QWidget]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builders = list(builders)
        self._pages: list[QWidget | None] = [None] * len(self._builders)
        for _builder in self._builders:
            self.addWidget(QWidget())

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built now if it was not yet."""
        page = self._pages[index]
        if page is None:
            page = self._builders[index]()
            self._pages[index] = page
            stand_in = self.widget(index)
            showing = self.currentIndex()
            # In before the stand-in goes, so that no other page is shown meanwhile (showing it would reload it).
            self.insertWidget(index, page)
            self.removeWidget(stand_in)
            self.setCurrentIndex(showing)
            stand_in.deleteLater()
            self.built.emit(index, page)
        return page

    def show_page(self, index: int) -> None:
        if 0 <= index < self.count():
            self.page(index)
            self.setCurrentIndex(index)

    def built_pages(self) -> list[QWidget]:
        return [page for page in self._pages if page is not None]

    def is_built(self, index: int) -> bool:
        return self._pages[index] is not None

    def build_the_rest(self) -> None:
        """Build the pages not made yet, one per turn of the event loop (the window stays responsive)."""
        waiting = [index for index, page in enumerate(self._pages) if page is None]
        if waiting:
            self.page(waiting[0])
            QTimer.singleShot(0, self, self.build_the_rest)
