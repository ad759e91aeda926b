"""Chart colours: the Okabe–Ito palette (told apart by readers with any common colour blindness), fitted to the
widget's light or dark palette. Lines also differ by dash and markers by shape, so colour is never the only cue."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPen

# Okabe & Ito, "Color Universal Design" (2008).
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#8C8C8C"


@dataclass(frozen=True)
class ChartTheme:
    """The colours one chart draws with. ``platforms`` are for series that stand side by side (platforms in
    the balance chart); the named roles keep one meaning across every chart."""

    dark: bool
    background: QColor
    foreground: QColor
    primary: QColor  # the main series
    secondary: QColor  # a second series beside it
    good: QColor
    warning: QColor  # late
    danger: QColor  # overdue, limit cuts, rule thresholds
    platforms: tuple[QColor, ...]
    other: QColor  # the "other platforms" group

    def faded(self, colour: QColor, alpha: int) -> QColor:
        faded = QColor(colour)
        faded.setAlpha(alpha)
        return faded

    def pen(self, colour: QColor, width: float = 2.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
        pen = QPen(colour, width)
        pen.setStyle(style)
        pen.setCosmetic(True)  # the same width at every zoom level
        return pen

    @property
    def threshold_pen(self) -> QPen:
        return self.pen(self.danger, 1.5, Qt.PenStyle.DashLine)


def theme_for(palette: QPalette) -> ChartTheme:
    """A theme matching ``palette``: its base colour behind the plots, its text colour for axes and labels."""
    background = palette.color(QPalette.ColorRole.Base)
    dark = background.lightness() < 128
    colours = [QColor(c) for c in (SKY_BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, BLUE, VERMILLION, YELLOW)]
    if not dark:
        # Dark blue leads on white; yellow is too faint on white to carry a series, so it goes last.
        colours = [QColor(c) for c in (BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW)]
    return ChartTheme(
        dark=dark,
        background=background,
        foreground=palette.color(QPalette.ColorRole.Text),
        primary=colours[0],
        secondary=QColor(ORANGE),
        good=QColor(BLUISH_GREEN),
        warning=QColor(ORANGE),
        danger=QColor(VERMILLION),
        platforms=tuple(colours),
        other=QColor(GREY),
    )
