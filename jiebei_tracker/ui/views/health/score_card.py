"""The health score with its band and its monthly trend (a small line drawn from the score history)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from jiebei_tracker.domain.health import HealthBand
from jiebei_tracker.services.series.health import ScorePoint
from jiebei_tracker.ui.views.health.style import BAND_COLOURS, language_or_default


class TrendLine(QWidget):
    """The scores of the last months as a line on a 0–100 scale, the latest point marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scores: list[int] = []
        self.setMinimumSize(160, 48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_scores(self, scores: Sequence[int]) -> None:
        self._scores = list(scores)
        self.update()

    def scores(self) -> list[int]:
        return list(self._scores)

    def sizeHint(self) -> QSize:
        return QSize(220, 56)

    def paintEvent(self, event) -> None:
        if len(self._scores) < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin = 4
        width, height = self.width() - 2 * margin, self.height() - 2 * margin
        step = width / (len(self._scores) - 1)
        points = [QPointF(margin + i * step, margin + height * (100 - s) / 100) for i, s in enumerate(self._scores)]
        guide = QPen(self.palette().mid().color(), 1, Qt.PenStyle.DotLine)
        painter.setPen(guide)
        for level in (60, 80):  # the band boundaries
            y = margin + height * (100 - level) / 100
            painter.drawLine(QPointF(margin, y), QPointF(margin + width, y))
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        colour = BAND_COLOURS[HealthBand.of(self._scores[-1])]
        painter.setPen(QPen(colour, 2))
        painter.drawPath(path)
        painter.setBrush(colour)
        painter.drawEllipse(points[-1], 3.5, 3.5)
        painter.end()


class HealthScoreWidget(QWidget):
    """The score (0–100) in its band's colour, the band, the change since the previous month, and the trend.

    Feed it with ``set_data(score, history)``, or give ``load`` (returning ``(score, history)``) and call
    ``reload()``."""

    def __init__(
        self,
        *,
        load: Callable[[], tuple[int, Sequence[ScorePoint]]] | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._language = language
        self._score: int | None = None
        self._history: list[ScorePoint] = []
        self.caption = QLabel()
        self.score_label = QLabel("—")
        font = self.score_label.font()
        font.setPointSize(font.pointSize() * 3)
        font.setBold(True)
        self.score_label.setFont(font)
        self.band_label = QLabel()
        self.change_label = QLabel()
        self.trend = TrendLine()
        numbers = QVBoxLayout()
        numbers.addWidget(self.caption)
        numbers.addWidget(self.score_label)
        numbers.addWidget(self.band_label)
        numbers.addWidget(self.change_label)
        layout = QHBoxLayout(self)
        layout.addLayout(numbers)
        layout.addWidget(self.trend, 1)
        self.retranslate_ui()

    def set_data(self, score: int, history: Sequence[ScorePoint] = ()) -> None:
        """Show ``score`` (today's) and the monthly ``history`` (oldest first; its last point is today's)."""
        self._score = score
        self._history = list(history)
        self.trend.set_scores([point.score for point in self._history])
        self.retranslate_ui()

    def reload(self) -> None:
        if self._load is not None:
            self.set_data(*self._load())

    def score(self) -> int | None:
        return self._score

    def retranslate_ui(self) -> None:
        self.caption.setText(self.tr("Credit health score"))
        if self._score is None:
            self.score_label.setText("—")
            self.band_label.setText(self.tr("No records yet"))
            self.change_label.clear()
            return
        band = HealthBand.of(self._score)
        colour = BAND_COLOURS[band].name()
        self.score_label.setText(str(self._score))
        self.score_label.setStyleSheet(f"color: {colour};")
        self.band_label.setText(band.label(language_or_default(self._language)))
        self.band_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        previous = self._history[-2].score if len(self._history) >= 2 else None
        if previous is None:
            self.change_label.clear()
        elif self._score == previous:
            self.change_label.setText(self.tr("Same as last month"))
        else:
            arrow = "▲" if self._score > previous else "▼"
            self.change_label.setText(
                self.tr("{arrow} {points} since last month").format(arrow=arrow, points=abs(self._score - previous))
            )
        self.trend.setToolTip(
            self.tr("Monthly score, {first} to {last}").format(
                first=self._history[0].as_of.isoformat(), last=self._history[-1].as_of.isoformat()
            )
            if self._history
            else ""
        )

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
