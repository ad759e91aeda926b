"""Settings: the language, grace days, reminder lead days and autopay recording, and the health rules' thresholds
(docs/health-rules.md) with their defaults shown and a reset. The threshold rows come from the fields of the rules'
``Thresholds``, so a threshold added there appears here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.domain.money import format_yuan
from jiebei_tracker.domain.rules.thresholds import Thresholds
from jiebei_tracker.domain.vocabulary import AutopayRecording
from jiebei_tracker.qt_text import display_language
from jiebei_tracker.services.settings import GeneralSettings
from jiebei_tracker.ui.common import ERROR_STYLE
from jiebei_tracker.ui.dialogs.forms import FieldErrors, describe_buttons
from jiebei_tracker.ui.refusal_text import reason_text

FEN_PER_YUAN = 100
# Language names are written in their own language, as language menus do.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsDialog(QDialog):
    """``save(general, thresholds)`` is called on Save; a refused value is shown next to its field."""

    def __init__(
        self,
        *,
        general: GeneralSettings,
        thresholds: Thresholds,
        save: Callable[[GeneralSettings, Thresholds], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved = False
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(general.language), 0))
        self.grace_days = _spin(0, 30, self.tr(" days"))
        self.grace_days.setValue(general.grace_days)
        self.reminder_lead_days = _spin(0, 60, self.tr(" days"))
        self.reminder_lead_days.setValue(general.reminder_lead_days)
        self.autopay_recording = QComboBox()
        for choice in AutopayRecording:
            self.autopay_recording.addItem(choice.label(display_language()), choice.value)
        self.autopay_recording.setCurrentIndex(max(self.autopay_recording.findData(general.autopay_recording), 0))

        general_form = QFormLayout()
        general_error = QLabel()
        general_error.setStyleSheet(ERROR_STYLE)
        general_error.hide()
        self.general_errors = FieldErrors(general_form, general_error)
        self.general_errors.add_row(
            "language",
            self.tr("Language"),
            self.language,
            self.tr("The language of the window; Follow the system uses your computer's"),
        )
        self.general_errors.add_row(
            "grace_days",
            self.tr("Grace days"),
            self.grace_days,
            self.tr("A repayment this many days after its due date still counts as on time"),
        )
        self.general_errors.add_row(
            "reminder_lead_days",
            self.tr("Remind me before a due date"),
            self.reminder_lead_days,
            self.tr("How many days before each due date a reminder comes (and one on the day)"),
        )
        self.general_errors.add_row(
            "autopay_recording",
            self.tr("Autopay recording"),
            self.autopay_recording,
            self.tr("When an installment on autopay falls due and is not recorded: ask, record it as paid, or nothing"),
        )
        self.backup_spins = {
            "backup_daily": _spin(0, 366, self.tr(" days")),
            "backup_weekly": _spin(0, 520, self.tr(" weeks")),
            "backup_monthly": _spin(0, 240, self.tr(" months")),
            "backup_event_days": _spin(0, 3650, self.tr(" days")),
        }
        backup_labels = {
            "backup_daily": self.tr("Daily backups kept"),
            "backup_weekly": self.tr("Weekly backups kept"),
            "backup_monthly": self.tr("Monthly backups kept"),
            "backup_event_days": self.tr("Backups before imports kept for"),
        }
        backup_descriptions = {
            "backup_daily": self.tr("For how many days the newest backup of each day is kept"),
            "backup_weekly": self.tr("For how many weeks the newest backup of each week is kept"),
            "backup_monthly": self.tr("For how many months the newest backup of each month is kept"),
            "backup_event_days": self.tr(
                "For how many days the backup made before an import, upgrade or restore is kept"
            ),
        }
        for name, spin in self.backup_spins.items():
            spin.setValue(getattr(general, name))
            self.general_errors.add_row(name, backup_labels[name], spin, backup_descriptions[name])
        general_page = QWidget()
        general_layout = QVBoxLayout(general_page)
        general_layout.addLayout(general_form)
        general_layout.addWidget(
            _note(
                self.tr(
                    "Grace days: a repayment this many days after its due date still counts as on time, as some "
                    "platforms allow. Reminders come this many days before each due date, and on the day."
                )
            )
        )
        general_layout.addWidget(
            _note(
                self.tr(
                    "Autopay recording: when an installment of a loan on autopay falls due and is not recorded as "
                    "paid, ask you whether the platform deducted it, record it as paid right away (you can undo "
                    "it), or do nothing."
                )
            )
        )
        general_layout.addWidget(
            _note(
                self.tr(
                    "Backups: a copy of your data is made on the first change of each day, and before every import, "
                    "upgrade or restore, in the backups folder beside your data file. The newest of each day, week "
                    "and month is kept for as long as set here; File ▸ Restore from a backup… puts one back."
                )
            )
        )
        general_layout.addWidget(general_error)
        general_layout.addStretch(1)

        self.threshold_spins: dict[str, QSpinBox] = {}
        rules_form = QFormLayout()
        rules_error = QLabel()
        rules_error.setStyleSheet(ERROR_STYLE)
        rules_error.hide()
        self.threshold_errors = FieldErrors(rules_form, rules_error)
        defaults = Thresholds()
        labels = threshold_labels()
        section = None
        for item in fields(Thresholds):
            title, label = labels.get(item.name, (self.tr("Other"), item.name.replace("_", " ")))
            if title != section:
                section = title
                heading = QLabel(f"<b>{title}</b>")
                rules_form.addRow(heading)
            spin = _threshold_spin(item.name)
            spin.setValue(_shown(item.name, getattr(thresholds, item.name)))
            self.threshold_spins[item.name] = spin
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(spin)
            default = QLabel(self.tr("default {value}").format(value=_default_text(item.name, defaults)))
            default.setEnabled(False)
            row_layout.addWidget(default)
            row_layout.addStretch(1)
            self.threshold_errors.add_row(
                item.name,
                label,
                row,
                self.tr("The health check flags it from this number on (default {value})").format(
                    value=_default_text(item.name, defaults)
                ),
            )
        rules_inner = QWidget()
        rules_inner_layout = QVBoxLayout(rules_inner)
        rules_inner_layout.addWidget(
            _note(
                self.tr(
                    "The health check flags a habit once it reaches these numbers. The defaults follow "
                    "the article on why 借呗 limits are cut; change them if your platforms are stricter or milder."
                )
            )
        )
        rules_inner_layout.addLayout(rules_form)
        rules_inner_layout.addWidget(rules_error)
        rules_scroll = QScrollArea()
        rules_scroll.setWidgetResizable(True)
        rules_scroll.setWidget(rules_inner)

        self.tabs = QTabWidget()
        self.tabs.addTab(general_page, self.tr("General"))
        self.tabs.addTab(rules_scroll, self.tr("Health rules"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.reset_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.reset_button.setText(self.tr("Reset rules to defaults"))
        describe_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(
            self.tr("Save the settings and close this window")
        )
        self.reset_button.setToolTip(self.tr("Put every health rule back to its default (kept when you press Save)"))
        self.reset_button.clicked.connect(self.reset_thresholds)
        # It resets the rules only: shown with the rules' tab, not beside the general settings.
        self.tabs.currentChanged.connect(lambda index: self.reset_button.setVisible(index == self.tabs.count() - 1))
        self.reset_button.setVisible(self.tabs.currentIndex() == self.tabs.count() - 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(620, 560)

    def reset_thresholds(self) -> None:
        defaults = Thresholds()
        for name, spin in self.threshold_spins.items():
            spin.setValue(_shown(name, getattr(defaults, name)))
        self.threshold_errors.clear()

    def values(self) -> tuple[GeneralSettings, Thresholds] | None:
        """The settings as entered, or None with each refused value shown by its field."""
        self.general_errors.clear()
        self.threshold_errors.clear()
        general = thresholds = None
        try:
            general = GeneralSettings(
                grace_days=self.grace_days.value(),
                reminder_lead_days=self.reminder_lead_days.value(),
                language=self.language.currentData(),
                autopay_recording=self.autopay_recording.currentData(),
                **{name: spin.value() for name, spin in self.backup_spins.items()},
            )
        except InvalidValue as error:
            self.general_errors.show(error)
            self.tabs.setCurrentIndex(0)
        try:
            thresholds = Thresholds(
                **{name: _stored(name, spin.value()) for name, spin in self.threshold_spins.items()}
            )
        except InvalidValue as error:
            self.threshold_errors.set(error.field, _threshold_message(error))
            self.tabs.setCurrentIndex(1)
        if general is None or thresholds is None:
            return None
        return general, thresholds

    def submit(self) -> None:
        values = self.values()
        if values is None:
            return
        self._save(*values)
        self.saved = True
        self.accept()

    @classmethod
    def ask(cls, **kwargs) -> bool:
        """Show the settings; True when they were saved."""
        dialog = cls(**kwargs)
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved


def threshold_labels() -> dict[str, tuple[str, str]]:
    """Each threshold's rule (a section title) and label, in words."""
    late = QCoreApplication.translate("SettingsDialog", "Late repayments (cause 1, 4)")
    frequency = QCoreApplication.translate("SettingsDialog", "Borrowing too often (cause 1, strategy 2(2))")
    platforms = QCoreApplication.translate("SettingsDialog", "Credit on many platforms (cause 1, strategy 1(2))")
    inquiries = QCoreApplication.translate("SettingsDialog", "Too many credit applications (cause 1)")
    risky = QCoreApplication.translate("SettingsDialog", "Risky use of the money (cause 2, strategy 2(1))")
    transfer = QCoreApplication.translate("SettingsDialog", "Money moved on to other accounts (cause 2)")
    revolving = QCoreApplication.translate("SettingsDialog", "Borrowing to repay (策略 2(2))")
    memory = QCoreApplication.translate("SettingsDialog", "How long things count")
    return {
        "late_window_months": (late, QCoreApplication.translate("SettingsDialog", "Late repayments count for")),
        "late_recent_months": (
            late,
            QCoreApplication.translate("SettingsDialog", "Serious while the latest is within"),
        ),
        "frequency_short_days": (frequency, QCoreApplication.translate("SettingsDialog", "Short window")),
        "frequency_short_count": (
            frequency,
            QCoreApplication.translate("SettingsDialog", "New loans in the short window"),
        ),
        "frequency_long_days": (frequency, QCoreApplication.translate("SettingsDialog", "Long window")),
        "frequency_long_count": (
            frequency,
            QCoreApplication.translate("SettingsDialog", "New loans in the long window"),
        ),
        "platform_count": (platforms, QCoreApplication.translate("SettingsDialog", "Platforms owing at once")),
        "inquiry_count": (platforms, QCoreApplication.translate("SettingsDialog", "Credit inquiries")),
        "inquiry_window_months": (
            platforms,
            QCoreApplication.translate("SettingsDialog", "Inquiries counted within"),
        ),
        "many_inquiries_count": (
            inquiries,
            QCoreApplication.translate("SettingsDialog", "Hard inquiries"),
        ),
        "many_inquiries_months": (
            inquiries,
            QCoreApplication.translate("SettingsDialog", "Counted within"),
        ),
        "risky_limit_share_percent": (
            risky,
            QCoreApplication.translate("SettingsDialog", "Serious from this share of the limit"),
        ),
        "risky_amount_fen": (
            risky,
            QCoreApplication.translate("SettingsDialog", "Serious from this amount (no limit known)"),
        ),
        "transfer_count": (transfer, QCoreApplication.translate("SettingsDialog", "Loans moved on")),
        "transfer_window_days": (transfer, QCoreApplication.translate("SettingsDialog", "Counted within")),
        "revolving_days_before_due": (
            revolving,
            QCoreApplication.translate("SettingsDialog", "A new loan this close before a due date"),
        ),
        "event_memory_days": (memory, QCoreApplication.translate("SettingsDialog", "A repaid loan's use counts for")),
        "diagnosis_window_days": (memory, QCoreApplication.translate("SettingsDialog", "A limit cut looks back over")),
    }


def _unit(name: str) -> str:
    if name.endswith("_days"):
        return QCoreApplication.translate("SettingsDialog", " days")
    if name.endswith("_months"):
        return QCoreApplication.translate("SettingsDialog", " months")
    if name.endswith("_percent"):
        return " %"
    if name.endswith("_fen"):
        return QCoreApplication.translate("SettingsDialog", " yuan")
    return ""


def _shown(name: str, value: int) -> int:
    return value // FEN_PER_YUAN if name.endswith("_fen") else value


def _stored(name: str, value: int) -> int:
    return value * FEN_PER_YUAN if name.endswith("_fen") else value


def _default_text(name: str, defaults: Thresholds) -> str:
    value = getattr(defaults, name)
    if name.endswith("_fen"):
        return format_yuan(value)
    return f"{value}{_unit(name)}"


def _threshold_message(error: InvalidValue) -> str:
    if "cannot exceed" in error.reason:
        return QCoreApplication.translate(
            "SettingsDialog", "Cannot be longer than the period late repayments count for."
        )
    return QCoreApplication.translate("SettingsDialog", "Out of range: {reason}").format(
        reason=reason_text(error.reason)
    )


def _threshold_spin(name: str) -> QSpinBox:
    high = 2_000_000_000 if name.endswith("_fen") else 100_000
    return _spin(0, high, _unit(name))


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(110)
    if high > 100_000:
        spin.setGroupSeparatorShown(True)
    return spin


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)
    return label
