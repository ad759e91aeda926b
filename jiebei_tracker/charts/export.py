"""PNG export of a chart at a chosen size — the same rendering the health report uses — and the dialog that asks
for the size and the file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from jiebei_tracker.qt_text import message_box
from jiebei_tracker.services.files.private import write_private_file

if TYPE_CHECKING:  # a chart's own "Save as PNG…" calls this module: the type only, or the imports would circle
    from jiebei_tracker.charts.base import Chart

MIN_SIDE, MAX_SIDE = 200, 8000
DEFAULT_SIZE = (1200, 600)


def render_image(chart: Chart, width: int, height: int) -> QImage:
    """The chart drawn at exactly ``width`` × ``height`` pixels, as shown (series, time span, and any choice
    such as the platform of the limit chart), without the hover read-out. Works for a chart never shown on
    screen: a twin is laid out at that size without being shown, so nothing on screen moves or flickers."""
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ValueError(f"a chart image is {MIN_SIDE} to {MAX_SIDE} pixels a side, not {width} × {height}")
    twin = type(chart)(compact=chart.compact)
    try:
        twin.setPalette(chart.palette())
        twin.copy_view_from(chart)
        twin.readout.hide()
        twin.resize(width, height)
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        # The first render delivers the resize to the hidden widgets; pyqtgraph then lays its plots out on
        # posted events. Deliver those, put the time range back, and render for real.
        twin.render(image)
        QApplication.sendPostedEvents()
        twin.apply_view()
        image.fill(twin.palette().color(QPalette.ColorRole.Window))
        twin.render(image)
        return image
    finally:
        twin.deleteLater()


def render_png(chart: Chart, width: int, height: int) -> bytes:
    """The chart as PNG bytes at ``width`` × ``height`` (see ``render_image``)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render_image(chart, width, height).save(buffer, "PNG"):
        raise OSError("Qt could not encode the chart as PNG")
    buffer.close()
    return bytes(data.data())


def save_png(chart: Chart, path: Path, width: int, height: int, *, overwrite: bool = False) -> None:
    """Save the chart as a private PNG file; a file already there is kept unless ``overwrite``, and a missing
    folder is refused (``FileProblem``, see ``write_private_file``)."""
    write_private_file(path, render_png(chart, width, height), overwrite=overwrite)


class PngExportDialog(QDialog):
    """Asks for the picture size and the file to save a chart to."""

    def __init__(self, *, suggested_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save chart as PNG"))
        self.width_box = QSpinBox()
        self.height_box = QSpinBox()
        for box, value in ((self.width_box, DEFAULT_SIZE[0]), (self.height_box, DEFAULT_SIZE[1])):
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setSingleStep(100)
            box.setValue(value)
            box.setSuffix(self.tr(" px"))
        self.path_edit = QLineEdit(str(suggested_path))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_file)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_file)
        self._confirmed = ""  # a file the save dialog already asked about replacing
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Width:"), self.width_box)
        form.addRow(self.tr("Height:"), self.height_box)
        form.addRow(self.tr("File:"), path_row)
        form.addRow(buttons)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as PNG"), self.path_edit.text(), "PNG (*.png)")
        if path:
            self._confirmed = path  # QFileDialog asked before choosing a file that exists
            self.path_edit.setText(path if path.lower().endswith(".png") else f"{path}.png")

    def _accept_file(self) -> None:
        """Accept, after asking whether to replace a typed file name that is already taken."""
        path = Path(self.path_edit.text().strip())
        if path.exists() and str(path) != self._confirmed and not self.replace_file(path):
            return
        self.accept()

    def replace_file(self, path: Path) -> bool:
        """Whether to replace ``path``, which already exists (tests replace this)."""
        answer = message_box(
            self,
            QMessageBox.Icon.Question,
            self.tr("Save chart as PNG"),
            self.tr("{file} already exists. Replace it?").format(file=path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask(cls, parent: QWidget | None, *, suggested_path: Path) -> tuple[Path, int, int] | None:
        """The file and size chosen, or None when cancelled (tests replace this)."""
        dialog = cls(suggested_path=suggested_path, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path_edit.text().strip():
            return None
        return Path(dialog.path_edit.text().strip()), dialog.width_box.value(), dialog.height_box.value()
