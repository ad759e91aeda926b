"""The import wizard's pages for CSV files: the file with how it is read and a live preview, the column
mapping with saved profiles, the check (counts, bad cells marked), progress with cancel, and the summary."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.importers.columns import Column
from jiebei_tracker.qt_text import display_language, plain_label
from jiebei_tracker.services.imports.service import COLUMNS, DELIMITERS, ENCODING_LABELS, FileKind
from jiebei_tracker.ui.dialogs.forms import describe
from jiebei_tracker.ui.dialogs.import_models import PreviewModel
from jiebei_tracker.ui.dialogs.import_past import PastQuestion

ALIPAY = "alipay"  # the kind choice for an Alipay statement, beside the FileKind values
_ERROR_STYLE = "color: #d1343a;"


def preview_table(model: PreviewModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(False)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setDefaultSectionSize(110)
    table.horizontalHeader().setStretchLastSection(True)  # the table fills the page, however few its columns
    table.verticalHeader().setDefaultSectionSize(22)
    return table


def _combo(items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    return combo


def select_data(combo: QComboBox, value) -> None:
    """Select the item holding ``value`` (the first item when none does)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class FilePage(QWidget):
    """Which file, what it holds, and how it is read — each detected, each changeable — with a live preview."""

    settings_changed = Signal()
    """Emitted when the user changes the kind, encoding, separator or header row."""
    choose_requested = Signal()
    """Emitted when the user asks to choose another file."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.guide = QLabel(
            self.tr(
                "Choose a CSV or text file of your loans, repayments, credit limits or credit-report notes, or an "
                "Alipay statement (支付宝交易明细). How it is read is detected below; change anything read wrong. "
                "Nothing is written until you press Import, and an import can be undone."
            )
        )
        self.guide.setWordWrap(True)
        self.path_label = plain_label()  # the file's name, and its messages, as they are
        self.path_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_requested)
        describe(self.choose_button, self.tr("Read another file instead of this one"))
        self.kind = _combo(
            [
                (self.tr("Detect"), None),
                (self.tr("Loans"), FileKind.LOANS),
                (self.tr("Repayments"), FileKind.REPAYMENTS),
                (self.tr("Credit limits"), FileKind.LIMITS),
                (self.tr("Credit-report notes"), FileKind.NOTES),
                (self.tr("Alipay statement (支付宝交易明细)"), ALIPAY),
            ]
        )
        self.encoding = _combo(
            [(self.tr("Detect"), None), *((label, codec) for codec, label in ENCODING_LABELS.items())]
        )
        separator_names = {
            ",": self.tr("Comma ,"),
            "\t": self.tr("Tab"),
            ";": self.tr("Semicolon ;"),
            "|": self.tr("Pipe |"),
        }
        self.separator = _combo([(self.tr("Detect"), None), *((separator_names[d], d) for d in DELIMITERS)])
        self.header_line = QSpinBox()
        self.header_line.setRange(0, 1_000_000)
        self.header_line.setSpecialValueText(self.tr("Detect"))
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = preview_table(self.model)
        self.table.setAccessibleName(self.tr("Preview of the file"))
        for widget, text in (
            (self.kind, self.tr("What the file holds: found by itself; choose it if it is found wrong")),
            (self.encoding, self.tr("How the file's characters are stored: choose another if the text looks garbled")),
            (self.separator, self.tr("The character between the columns of a line")),
            (self.header_line, self.tr("The number of the line that holds the column names")),
            (self.table, self.tr("The file's first lines as they are read now, the header row tinted")),
        ):
            describe(widget, text)
        chooser = QHBoxLayout()
        chooser.addWidget(self.path_label, 1)
        chooser.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("The file holds"), self.kind)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Separator"), self.separator)
        form.addRow(self.tr("Header row (line)"), self.header_line)
        layout = QVBoxLayout(self)
        layout.addWidget(self.guide)
        layout.addLayout(chooser)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        for combo in (self.kind, self.encoding, self.separator):
            combo.currentIndexChanged.connect(self.settings_changed)
        self.header_line.valueChanged.connect(self.settings_changed)

    def chosen_kind(self) -> FileKind | str | None:
        """A FileKind, ALIPAY, or None to detect (Qt hands the enum back as a plain str)."""
        value = self.kind.currentData()
        return FileKind(value) if value not in (None, ALIPAY) else value

    def chosen_encoding(self) -> str | None:
        return self.encoding.currentData()

    def chosen_separator(self) -> str | None:
        return self.separator.currentData()

    def chosen_header_line(self) -> int | None:
        return self.header_line.value() or None

    def show_detected(self, *, encoding: str, separator: str, header_line: int | None, kind: str) -> None:
        """Write what detection found into the "Detect" items, so the user sees it without opening the lists."""
        found = self.tr("Detect ({found})")
        self.encoding.setItemText(0, found.format(found=encoding) if encoding else self.tr("Detect"))
        self.separator.setItemText(0, found.format(found=separator) if separator else self.tr("Detect"))
        self.kind.setItemText(0, found.format(found=kind) if kind else self.tr("Detect"))
        self.header_line.setSpecialValueText(
            found.format(found=self.tr("line {line}").format(line=header_line)) if header_line else self.tr("Detect")
        )

    def show_status(self, text: str, *, problem: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(_ERROR_STYLE if problem else "")


class ColumnsPage(QWidget):
    """Each column of the file and the column it is imported as (filled in automatically, editable), with
    named profiles to save the mapping and use it again."""

    mapping_changed = Signal()
    """Emitted when the user maps a column differently."""
    profile_chosen = Signal(str)
    """Emitted with the name of the saved profile the user picked."""
    save_requested = Signal(str)
    """Emitted with the name to save the current mapping under."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self.combos: list[QComboBox] = []
        self.profiles = QComboBox()
        self.profiles.activated.connect(lambda _index: self.profile_chosen.emit(self.profiles.currentData() or ""))
        self.profile_name = QLineEdit()
        self.profile_name.setPlaceholderText(self.tr("Name, e.g. 招行导出"))
        self.save_button = QPushButton(self.tr("Save as profile"))
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.profile_name.text()))
        self.profile_name.setAccessibleName(self.tr("Profile name"))
        describe(self.profiles, self.tr("A column mapping you saved before: choosing one applies it"))
        describe(self.profile_name, self.tr("The name to save this column mapping under"))
        describe(self.save_button, self.tr("Keep this column mapping, to use again on files laid out the same way"))
        self.status = plain_label()
        self.status.setWordWrap(True)
        self._form_host = QWidget()
        self._form = QFormLayout(self._form_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._form_host)
        profiles_row = QHBoxLayout()
        profiles_row.addWidget(QLabel(self.tr("Saved profile")))
        profiles_row.addWidget(self.profiles, 1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.profile_name, 1)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each column of the file, and what it is imported as:")))
        layout.addLayout(profiles_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(save_row)

    def set_columns(self, kind: FileKind, headers: list[str], assignments: list[str], profiles: list[str]) -> None:
        """One row per header cell, with the canonical column it maps to ('' = ignored)."""
        while self._form.rowCount():
            self._form.removeRow(0)
        self._headers, self.combos = list(headers), []
        choices = [(self.tr("(ignore)"), "")] + [(column_title(column), column.name) for column in COLUMNS[kind]]
        for position, header in enumerate(headers):
            combo = _combo(choices)
            select_data(combo, assignments[position] if position < len(assignments) else "")
            if not header:  # a column without a name cannot be told apart next time, so it stays ignored
                combo.setEnabled(False)
            combo.currentIndexChanged.connect(self.mapping_changed)
            describe(combo, self.tr("What this column of the file is imported as; (ignore) leaves it out"))
            self.combos.append(combo)
            self._form.addRow(header or self.tr("(column {n}, no name)").format(n=position + 1), combo)
        self.profiles.clear()
        self.profiles.addItem(self.tr("(none)"), "")
        for name in profiles:
            self.profiles.addItem(name, name)

    def mapping(self) -> dict[str, str]:
        """Header text → canonical column ('' to ignore), for every named column."""
        return {header: combo.currentData() for header, combo in zip(self._headers, self.combos, strict=True) if header}

    def apply(self, columns: dict[str, str]) -> None:
        """Set the combos from a saved mapping (columns the profile does not name keep their choice)."""
        for header, combo in zip(self._headers, self.combos, strict=True):
            if header in columns:
                combo.blockSignals(True)
                select_data(combo, columns[header])
                combo.blockSignals(False)
        self.mapping_changed.emit()

    def show_status(self, text: str, *, problem: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(_ERROR_STYLE if problem else "")


def column_title(column: Column) -> str:
    """What a column is called in the window's language: its Chinese heading (平台, 借款日期) or plain English."""
    if display_language().startswith("zh"):
        return column.aliases[0]
    return _ENGLISH_TITLES.get(column.name, column.name)


# The columns in English as a person says them (the importer's canonical names are for files and scripts).
_ENGLISH_TITLES = {
    "loan_id": "Loan number",
    "platform": "Platform",
    "platform_kind": "Platform type",
    "penalty_multiplier": "Penalty multiplier",
    "borrowed_on": "Borrowed on",
    "principal": "Principal",
    "term_months": "Term (months)",
    "repayment_method": "Repayment method",
    "annual_rate": "Annual rate",
    "daily_rate": "Daily rate",
    "purpose": "Purpose",
    "autopay": "Autopay",
    "note": "Note",
    "paid_through": "Paid through",
    "paid_installments": "Installments paid",
    "status": "Status",
    "settled_on": "Settled on",
    "payoff_amount": "Payoff amount",
    "interest_basis": "Interest counted",
    "fee_upfront": "Service fee",
    "fee_per_installment": "Fee per installment",
    "fee_rate": "Monthly fee rate",
    "interest_free_days": "Interest-free days",
    "paid_on": "Paid on",
    "amount": "Amount",
    "payoff": "Paid off early",
    "source_ref": "Order number",
    "source": "Recorded from",
    "date": "Date",
    "limit": "Limit",
    "kind": "Kind",
    "text": "What the report shows",
    "resolved": "Resolved",
    "resolved_on": "Resolved on",
    "reason": "Inquiry reason",
    "institution": "Institution",
}


class CheckPage(QWidget):
    """What the import would do — new, already there, bad — with bad cells marked in the preview, and the question
    for loans whose rows do not say whether their installments already due were repaid."""

    valid_only_toggled = Signal(bool)
    """Emitted when the user switches "import only the good rows"."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.counts = plain_label()
        self.counts.setWordWrap(True)
        self.valid_only = QCheckBox(self.tr("Import only the good rows (leave the bad ones out)"))
        self.valid_only.toggled.connect(self.valid_only_toggled)
        self.model = PreviewModel(self)
        self.table = preview_table(self.model)
        self.errors = QPlainTextEdit()
        self.errors.setReadOnly(True)
        self.errors.setMaximumHeight(140)
        problems = QLabel(self.tr("Problems (the first 100):"))
        self.table.setAccessibleName(self.tr("The rows to import"))
        self.errors.setAccessibleName(problems.text())
        for widget, text in (
            (self.valid_only, self.tr("Leave out the rows with a problem and import the rest")),
            (self.table, self.tr("The file's rows; a bad cell is tinted, and its tooltip says what is wrong")),
            (self.errors, self.tr("One problem a line: the file, the line, the column and what is wrong")),
        ):
            describe(widget, text)
        # Values read otherwise than written (随借随还 as 先息后本): shown only when there are some.
        self.notices_label = QLabel(self.tr("Read differently from how they are written:"))
        self.notices = QPlainTextEdit()
        self.notices.setReadOnly(True)
        self.notices.setMaximumHeight(100)
        self.notices.setAccessibleName(self.notices_label.text())
        describe(self.notices, self.tr("One a line: the value as written, and how it is read"))
        self.past = PastQuestion()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.past)
        layout.addWidget(self.table, 1)
        layout.addWidget(problems)
        layout.addWidget(self.errors)
        layout.addWidget(self.notices_label)
        layout.addWidget(self.notices)
        layout.addWidget(self.valid_only)
        self.show_notices([])

    def show_notices(self, lines: list[str]) -> None:
        self.notices.setPlainText("\n".join(lines))
        self.notices_label.setVisible(bool(lines))
        self.notices.setVisible(bool(lines))


class ProgressPage(QWidget):
    """A progress bar and Cancel while the work runs on its own thread."""

    cancel_requested = Signal()
    """Emitted when the user presses Cancel."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = plain_label()
        self.bar = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        describe(self.cancel_button, self.tr("Stop: nothing is imported, your data stays as it was"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)

    def start(self, text: str, *, busy: bool) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0 if busy else 100)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)


class SummaryPage(QWidget):
    """What happened, once the work is over: a heading and the details."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.text = plain_label()
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addStretch(1)
