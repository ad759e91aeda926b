"""The autopay check: installments of loans on autopay that fell due and are not recorded as paid, ticked to be
recorded as paid (the platform deducted them) or left open; and the notice shown when they were recorded unasked."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.qt_text import display_language, plain_label
from jiebei_tracker.services.dues import DueInstallment

# Background and text colours set together, so the notice reads the same in light and dark palettes.
_NOTICE_STYLE = "QFrame#autopay_notice { background: #e3effa; } QFrame#autopay_notice QLabel { color: #123a5c; }"
COLUMN_GAP = 24  # px of air before a column's widest text
NOTICE_SHOWN = 5  # installments named in the notice; the rest are counted


def installment_text(item: DueInstallment) -> str:
    """One installment inside a sentence: 借呗第 3/12 期 ¥1,050.09（2026年11月5日到期） / 借呗 installment 3 of 12,
    ¥1,050.09, due 2026-11-05."""
    chinese = display_language() == "zh_CN"
    platform = item.platform
    if chinese and platform[-1:].isascii() and platform[-1:].isalnum():
        platform += " "  # a Latin name is spaced off from the Chinese after it; a Chinese one is not
    day = f"{item.due_on.year}年{item.due_on.month}月{item.due_on.day}日" if chinese else item.due_on.isoformat()
    return QCoreApplication.translate(
        "AutopayCheckDialog", "{platform} installment {seq} of {term}, {amount}, due {day}"
    ).format(platform=platform, seq=item.seq, term=item.term_months, amount=format_yuan(item.left_fen), day=day)


class AutopayCheckDialog(QDialog):
    """Each pending installment with a tick box, ticked to start with. ``chosen()`` is what is ticked."""

    PLATFORM, INSTALLMENT, AMOUNT, DUE_ON = range(4)

    def __init__(self, *, items: Sequence[DueInstallment], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = list(items)
        self.setWindowTitle(self.tr("Autopay check"))
        explanation = QLabel(
            self.tr(
                "These installments of loans on autopay fell due and are not recorded as paid yet. If the platform "
                "deducted them, keep them ticked and record them as paid. An installment you untick stays open "
                "(with the later ones of its loan, as a deduction pays the earliest first): it counts as overdue "
                "once your grace days are over."
            )
        )
        explanation.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Installments to record as deducted"))
        self.table.setAccessibleDescription(
            self.tr("Tick each installment the platform deducted (Space); unticking one unticks its loan's later ones")
        )
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels(
            [self.tr("Platform"), self.tr("Installment"), self.tr("Amount due"), self.tr("Due date")]
        )
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # amounts and days line up on the right
        for column in (self.AMOUNT, self.DUE_ON):
            self.table.headerItem().setTextAlignment(column, right)
        self.rows: list[QTreeWidgetItem] = []
        for item in self.items:
            row = QTreeWidgetItem(
                [
                    item.platform,
                    self.tr("{seq} of {term}").format(seq=item.seq, term=item.term_months),
                    format_yuan(item.left_fen),
                    item.due_on.isoformat(),
                ]
            )
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(self.PLATFORM, Qt.CheckState.Checked)
            for column in (self.AMOUNT, self.DUE_ON):
                row.setTextAlignment(column, right)
            self.table.addTopLevelItem(row)
            self.rows.append(row)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.PLATFORM, QHeaderView.ResizeMode.Stretch)  # the platform takes the rest
        for column in (self.INSTALLMENT, self.AMOUNT, self.DUE_ON):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, self.table.columnWidth(column) + COLUMN_GAP)
        self._syncing = False
        self.table.itemChanged.connect(self._ticked)
        self.summary = QLabel()
        self.buttons = QDialogButtonBox()
        self.record_button = self.buttons.addButton(self.tr("Record as paid"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = self.buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.record_button.setDefault(True)
        self.record_button.setToolTip(self.tr("Record the ticked installments as paid (Ctrl+Z undoes it)"))
        self.later_button.setToolTip(self.tr("Leave them all open; you are asked again tomorrow"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._update_summary()
        self.resize(600, min(200 + 28 * len(self.items), 560))

    def chosen(self) -> list[DueInstallment]:
        """The installments ticked, in the order shown."""
        ticked = Qt.CheckState.Checked
        return [
            item for item, row in zip(self.items, self.rows, strict=True) if row.checkState(self.PLATFORM) == ticked
        ]

    def _ticked(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        """A deduction pays a loan's earliest open installment first: a later one can be paid only with the earlier
        ones, so unticking one unticks the loan's later ones, and ticking one ticks its earlier ones."""
        if self._syncing:
            return
        self._syncing = True
        changed = self.items[self.rows.index(row)]
        ticked = row.checkState(self.PLATFORM) == Qt.CheckState.Checked
        for item, other in zip(self.items, self.rows, strict=True):
            if item.loan_id == changed.loan_id and (item.seq < changed.seq if ticked else item.seq > changed.seq):
                other.setCheckState(self.PLATFORM, row.checkState(self.PLATFORM))
        self._syncing = False
        self._update_summary()

    def _update_summary(self) -> None:
        chosen = self.chosen()
        self.summary.setText(
            self.tr("Ticked: {count} of {total}, {amount} in all").format(
                count=len(chosen), total=len(self.items), amount=format_yuan(sum(item.left_fen for item in chosen))
            )
        )
        self.record_button.setEnabled(bool(chosen))

    @classmethod
    def ask(
        cls,
        *,
        items: Sequence[DueInstallment],
        answer: Callable[[list[DueInstallment] | None], object],
        parent: QWidget | None = None,
    ) -> AutopayCheckDialog:
        """Show the check over ``parent`` without waiting for it (it comes up unasked, at start or when the day
        changes): ``answer`` is then called with the installments ticked on Record as paid, or None on Not now."""
        dialog = cls(items=items, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: answer(dialog.chosen()))
        dialog.rejected.connect(lambda: answer(None))
        dialog.open()
        return dialog


class AutopayNotice(QFrame):
    """A strip above the pages saying which autopay installments were recorded as paid without asking, with Undo
    while that recording is the last thing done (Ctrl+Z undoes it too; the strip follows the undo stack)."""

    closed = Signal()
    """Emitted when the user closes the notice."""

    def __init__(self, *, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("autopay_notice")
        self.setStyleSheet(_NOTICE_STYLE)
        self._stack = stack
        self._items: list[DueInstallment] = []
        self._command = None
        self.text = plain_label()  # names platforms and loans
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo)
        self.close_button = QPushButton()
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        stack.indexChanged.connect(self._stack_moved)
        self.setVisible(False)
        self.retranslate_ui()

    def show_recorded(self, items: Sequence[DueInstallment]) -> None:
        """Say that ``items`` were just recorded as paid: the write on top of the undo stack."""
        self._items = list(items)
        self._command = self._stack.command(self._stack.index() - 1) if self._stack.index() > 0 else None
        self.retranslate_ui()
        self.setVisible(True)

    def recorded(self) -> list[DueInstallment]:
        return list(self._items)

    def is_undone(self) -> bool:
        """Whether the recording shown was taken back (here, with Ctrl+Z or from the Edit menu)."""
        return self._position() is None or self._stack.index() <= self._position()

    def can_undo(self) -> bool:
        """Whether Undo here would take back the recording shown (it is the last thing done)."""
        position = self._position()
        return position is not None and self._stack.index() == position + 1

    def undo(self) -> None:
        if self.can_undo():
            self._stack.undo()

    def dismiss(self) -> None:
        self.setVisible(False)
        self.closed.emit()

    def _stack_moved(self, _index: int) -> None:
        # The stack empties itself on its way out, with the window, when it may already be deleted.
        with contextlib.suppress(RuntimeError):
            self.retranslate_ui()

    def _position(self) -> int | None:
        if self._command is None:
            return None
        for index in range(self._stack.count()):
            if self._stack.command(index) is self._command:
                return index
        return None  # dropped from the stack: it was undone and something else done since

    def retranslate_ui(self) -> None:
        count = len(self._items)
        if self.is_undone():
            text = self.tr("Undone: these installments are open again ({count}).").format(count=count)
        else:
            named = [installment_text(item) for item in self._items[:NOTICE_SHOWN]]
            listed = self.tr("; ").join(named)
            if count > NOTICE_SHOWN:
                listed = self.tr("{listed}, and {more} more").format(listed=listed, more=count - NOTICE_SHOWN)
            text = self.tr("Autopay deductions recorded as paid ({count}): {listed}.").format(
                count=count, listed=listed
            )
        self.text.setText(text)
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setVisible(self.can_undo())
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
