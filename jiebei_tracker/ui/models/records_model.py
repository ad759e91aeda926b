"""A read-only table model over a list of plain records: the base of every table the window shows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

_MONEY_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Roles as plain ints: views ask data() thousands of times, and comparing with the enum costs ten times as much.
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
LOAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The loan a line is about, in every table that lists loans or their installments."""


class TranslatedHeadersModel(QAbstractTableModel):
    """A table model whose column headers are translated texts, worked out once per language."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._header_texts: tuple[str, list[str]] | None = None  # (language, headers)

    def headers(self) -> list[str]:
        raise NotImplementedError

    def _headers(self) -> list[str]:
        """The headers in the language shown now: views ask thousands of times, so they are translated once
        per language (Translations.apply sets the default locale, which says which)."""
        language = QLocale().name()
        if self._header_texts is None or self._header_texts[0] != language:
            self._header_texts = (language, self.headers())
        return self._header_texts[1]

    def retranslate(self) -> None:
        """Headers and labels again, in the language now installed (models get no LanguageChange event)."""
        self._header_texts = None
        retranslate_table(self)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None


class RecordsTableModel(TranslatedHeadersModel):
    """A read-only table over a list of records; subclasses name the columns and format a cell."""

    money_columns: tuple[int, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._records: list = []

    def cell(self, record, column: int) -> str:
        raise NotImplementedError

    def set_records(self, records: list) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def matches(self, record, words: str) -> bool:
        """Whether every word of ``words`` appears (in any case) in some column of ``record`` as shown: what a
        page's search box keeps."""
        shown = " ".join(self.cell(record, column) for column in range(len(self._headers()))).casefold()
        return all(word in shown for word in words.casefold().split())

    def record_at(self, row: int):
        return self._records[row]

    def records(self) -> list:
        return list(self._records)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._records):
            return None
        if role == DISPLAY_ROLE:
            return self.cell(self._records[row], index.column())
        if role == ALIGNMENT_ROLE and index.column() in self.money_columns:
            return _MONEY_ALIGN
        return self.extra_data(self._records[row], index.column(), role)

    def extra_data(self, record, column: int, role: int):
        return None


def retranslate_table(model: QAbstractTableModel) -> None:
    columns, rows = model.columnCount(), model.rowCount()
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if columns and rows:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))
