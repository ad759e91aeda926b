"""The first-run welcome: what the app does, and three ways in — add a loan, import a CSV, or look at sample data."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from jiebei_tracker.ui.common import app_icon, icon


class WelcomeView(QWidget):
    """Shown while the database holds no loan."""

    add_loan_requested = Signal()
    """The user wants to type in a first loan."""
    import_requested = Signal()
    """The user wants to import a CSV file of loans."""
    sample_requested = Signal()
    """The user wants to look around with the sample data first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logo = QLabel()
        self.logo.setPixmap(app_icon().pixmap(QSize(72, 72)))
        self.title = QLabel()
        self.title.setObjectName("welcome_title")
        self.text = QLabel()
        # A fixed width lets a centred, wrapped label work out its height (a maximum width does not).
        self.text.setWordWrap(True)
        self.text.setFixedWidth(600)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = self._way(icon("new-loan"), self.add_loan_requested)
        self.import_button = self._way(icon("import"), self.import_requested)
        self.sample_button = self._way(icon("sample"), self.sample_requested)
        self.add_button.setDefault(True)
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        self.privacy.setFixedWidth(600)
        self.privacy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.privacy.setEnabled(False)  # drawn in the palette's quieter text colour, readable in light and dark
        ways = QHBoxLayout()
        ways.setSpacing(16)
        ways.addStretch(1)
        for button in (self.add_button, self.import_button, self.sample_button):
            ways.addWidget(button)
        ways.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.logo, self.title, self.text):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        layout.addLayout(ways)
        layout.addSpacing(18)
        layout.addWidget(self.privacy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate_ui()

    def _way(self, picture, signal) -> QPushButton:
        button = QPushButton(picture, "")
        button.setIconSize(QSize(28, 28))
        button.setMinimumSize(QSize(200, 64))
        button.clicked.connect(signal.emit)
        return button

    def retranslate_ui(self) -> None:
        title = self.tr("Welcome to Jiebei Tracker")
        self.title.setText(f"<h1>{title}</h1>")
        self.text.setText(
            self.tr(
                "Record each loan you have — 借呗, 微粒贷, 京东金条, bank loans, credit cards — and the app builds its "
                "repayment schedule, tracks what you have paid, shows what is due, and warns you about the habits "
                "that get credit limits cut."
            )
        )
        self.add_button.setText(self.tr("Add your first loan…"))
        self.import_button.setText(self.tr("Import a CSV file…"))
        self.sample_button.setText(self.tr("Look around with sample data"))
        self.privacy.setText(
            self.tr(
                "Everything stays in one file on this computer, readable only by you. The sample data lives in "
                "a separate file and never mixes with yours."
            )
        )
        for label in (self.text, self.privacy):  # a centred wrapped label is only as tall as told
            label.setFixedHeight(label.heightForWidth(label.width()))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
