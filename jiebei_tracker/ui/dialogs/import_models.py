"""The import wizard's table models: the file's first rows (header row and bad cells marked), and the credit
rows of an Alipay statement with what each will become."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.qt_text import plain_tooltip
from jiebei_tracker.ui.refusal_text import reason_text

# Light tints readable in both palettes; each mark is also explained in the cell's tooltip.
HEADER_TINT = QColor("#d7e7f5")
BAD_TINT = QColor("#f6c9cb")
PRESENT_TEXT = QColor("#7a7a7a")
TITLE_TEXT = QColor("#9a9a9a")
# Where a cell's line breaks are shown in the one-line preview.
_LINE_BREAK = " ⏎ "

_NO_PARENT = QModelIndex()


class PreviewModel(QAbstractTableModel):
    """The first rows of a file as cells. Rows before the header row are greyed (title lines, ignored);
    the header row is tinted; a bad cell is tinted red with its reason as tooltip."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []  # RawRow
        self._width = 0
        self._header_line: int | None = None
        self._bad_cells: dict[tuple[int, int], str] = {}
        self._bad_rows: dict[int, str] = {}

    def set_rows(self, rows: list, header_line: int | None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._width = max((len(row.cells) for row in rows), default=0)
        self._header_line = header_line
        self._bad_cells, self._bad_rows = {}, {}
        self.endResetModel()

    def set_marks(self, bad_cells: dict[tuple[int, int], str], bad_rows: dict[int, str]) -> None:
        """``bad_cells``: (line, column index) → reason; ``bad_rows``: line → reason, for errors about no one cell."""
        self._bad_cells, self._bad_rows = dict(bad_cells), dict(bad_rows)
        if self._rows and self._width:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self._width - 1))

    def marked_cells(self) -> dict[tuple[int, int], str]:
        return dict(self._bad_cells)

    def row_line(self, row: int) -> int:
        return self._rows[row].line

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else self._width

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._rows[section].line) if 0 <= section < len(self._rows) else None
        return str(section + 1) if 0 <= section < self._width else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < self._width:
            return None
        row = self._rows[index.row()]
        cells = row.cells
        text = cells[index.column()] if index.column() < len(cells) else ""
        reason = self._bad_cells.get((row.line, index.column())) or self._bad_rows.get(row.line)
        if role == Qt.ItemDataRole.DisplayRole:
            return text.replace("\r\n", "\n").replace("\n", _LINE_BREAK)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(reason_text(reason)) if reason else None  # it quotes the file
        if role == Qt.ItemDataRole.BackgroundRole:
            if reason:
                return BAD_TINT
            return HEADER_TINT if row.line == self._header_line else None
        if role == Qt.ItemDataRole.ForegroundRole and self._header_line and row.line < self._header_line:
            return TITLE_TEXT
        if role == Qt.ItemDataRole.FontRole and row.line == self._header_line:
            font = QFont()
            font.setBold(True)
            return font
        return None


class AlipayRowsModel(QAbstractTableModel):
    """One line per credit row of the statement: what it is, what it will become, and why."""

    COLUMNS = 8

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._suggestions: list = []
        self._choices: list[str] = []  # what each row becomes, in words
        self._notes: list[str] = []  # why it was suggested ('' once the user chose otherwise)
        self._problems: dict[int, str] = {}  # line → problem with the choice

    def set_rows(self, suggestions: list) -> None:
        self.beginResetModel()
        self._suggestions, self._choices, self._notes, self._problems = list(suggestions), [], [], {}
        self.endResetModel()

    def update(self, choices: list[str], notes: list[str], problems: dict[int, str]) -> None:
        self._choices, self._notes, self._problems = list(choices), list(notes), dict(problems)
        if self._suggestions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._suggestions) - 1, self.COLUMNS - 1))

    def suggestion_at(self, row: int):
        return self._suggestions[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._suggestions)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headers(self) -> list[str]:
        return [
            self.tr("Line"),
            self.tr("Time"),
            self.tr("Platform"),
            self.tr("Kind"),
            self.tr("Amount"),
            self.tr("Status"),
            self.tr("Import as"),
            self.tr("Note"),
        ]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section] if 0 <= section < self.COLUMNS else None
        return None

    def _movement(self, movement: str) -> str:
        return {"disbursement": self.tr("loan paid out"), "repayment": self.tr("repayment")}.get(
            movement, self.tr("other")
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._suggestions):
            return None
        suggestion = self._suggestions[index.row()]
        row = suggestion.row
        problem = self._problems.get(row.line, "")
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                str(row.line),
                row.time,
                row.platform,
                self._movement(row.movement.value),
                format_yuan(row.amount_fen),
                row.status,
                self._choices[index.row()] if index.row() < len(self._choices) else "",
                problem or (self._notes[index.row()] if index.row() < len(self._notes) else ""),
            )
            return values[index.column()] if 0 <= index.column() < self.COLUMNS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(problem or f"{row.description} — {row.order_no}")
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return BAD_TINT
        if role == Qt.ItemDataRole.ForegroundRole and (suggestion.present or not row.money_moved):
            return PRESENT_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
