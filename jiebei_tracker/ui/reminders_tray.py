"""Repayment reminders at start and while the app runs: system-tray notifications where a tray exists, always a
signal for the window to show them in the app, and the option to keep running in the tray when the window closes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from jiebei_tracker.services.health.reminders import Reminder, ReminderKind
from jiebei_tracker.ui.views.health.style import language_or_default

CHECK_INTERVAL_MS = 30 * 60 * 1000  # due dates move by days: every half hour is plenty
MESSAGE_MS = 15_000
LINES_SHOWN = 3


class ReminderNotifier(QObject):
    """Asks ``fetch`` for the reminders not yet shown today (``services.health.reminders.take_reminders_to_show``, which
    records them as shown) at ``start()`` and then every ``interval_ms``; emits them for the window and, where a
    system tray exists, also shows them as a tray notification.

    ``tray_available`` is asked of Qt when None (tests pass it). Without a tray, reminders are in-app only and the
    window always quits when closed."""

    reminders_due = Signal(list)
    """Emitted with the new reminders (a list of Reminder) so the window shows them in the app."""
    open_requested = Signal()
    """The user clicked the tray icon, its "Open" entry or a notification: show and raise the window."""
    quit_requested = Signal()
    """The user chose "Quit" in the tray menu."""
    keep_running_changed = Signal(bool)
    """The user switched "keep running in the tray" on or off (the window stores the setting)."""

    def __init__(
        self,
        *,
        fetch: Callable[[], Sequence[Reminder]],
        icon: QIcon | None = None,
        keep_running: bool = False,
        interval_ms: int = CHECK_INTERVAL_MS,
        tray_available: bool | None = None,
        language: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._language = language
        self._available = QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        self._told_still_running = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)
        self.keep_running_action = QAction(self)
        self.keep_running_action.setCheckable(True)
        self.keep_running_action.setChecked(keep_running and self._available)
        self.keep_running_action.setEnabled(self._available)
        self.keep_running_action.toggled.connect(self.keep_running_changed)
        self.open_action = QAction(self)
        self.open_action.triggered.connect(self.open_requested)
        self.quit_action = QAction(self)
        self.quit_action.triggered.connect(self.quit_requested)
        self.tray: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        if self._available:
            self.menu = QMenu()  # a menu cannot have a QObject parent: delete it with the notifier
            self.destroyed.connect(self.menu.deleteLater)
            self.menu.addAction(self.open_action)
            self.menu.addAction(self.keep_running_action)
            self.menu.addSeparator()
            self.menu.addAction(self.quit_action)
            self.tray = QSystemTrayIcon(icon or QIcon(), self)
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._on_activated)
            self.tray.messageClicked.connect(self.open_requested)
        self.retranslate_ui()

    @property
    def available(self) -> bool:
        """A system tray exists: notifications go there, and the app can keep running in it."""
        return self._available

    @property
    def keep_running(self) -> bool:
        return self._available and self.keep_running_action.isChecked()

    def set_keep_running(self, keep: bool) -> None:
        self.keep_running_action.setChecked(keep and self._available)

    def start(self) -> list[Reminder]:
        """Show the tray icon (if any), check at once, then every interval. Returns the first check's reminders."""
        if self.tray is not None:
            self.tray.show()
        self.timer.start()
        return self.check_now()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check_now(self) -> list[Reminder]:
        """Fetch the reminders not shown yet today; emit them and notify the tray. Returns them."""
        reminders = list(self._fetch())
        if reminders:
            self.reminders_due.emit(reminders)
            if self.tray is not None:
                title, body = self.notification_text(reminders)
                icon = (
                    QSystemTrayIcon.MessageIcon.Warning
                    if any(r.kind is ReminderKind.OVERDUE for r in reminders)
                    else QSystemTrayIcon.MessageIcon.Information
                )
                self.tray.showMessage(title, body, icon, MESSAGE_MS)
        return reminders

    def notification_text(self, reminders: Sequence[Reminder]) -> tuple[str, str]:
        """The notification's title and body: one reminder as it is, several as a count and the first lines."""
        language = language_or_default(self._language)
        if len(reminders) == 1:
            return reminders[0].title.get(language), reminders[0].message.get(language)
        title = self.tr("%n repayment reminder(s)", "", len(reminders))
        lines = [r.message.get(language) for r in reminders[:LINES_SHOWN]]
        if len(reminders) > LINES_SHOWN:
            lines.append(self.tr("… and %n more", "", len(reminders) - LINES_SHOWN))
        return title, "\n".join(lines)

    def handle_close(self, window: QWidget) -> bool:
        """Call from the window's closeEvent: when keeping running in the tray, hide the window and return True
        (the caller then ignores the event); otherwise return False and let it close."""
        if not self.keep_running:
            return False
        window.hide()
        if self.tray is not None and not self._told_still_running:
            self._told_still_running = True
            self.tray.showMessage(
                self.tr("Jiebei Tracker is still running"),
                self.tr("Repayment reminders keep coming. Quit from the tray icon's menu."),
                QSystemTrayIcon.MessageIcon.Information,
                MESSAGE_MS,
            )
        return True

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def retranslate_ui(self) -> None:
        self.keep_running_action.setText(self.tr("Keep running in the tray when the window is closed"))
        self.open_action.setText(self.tr("Open Jiebei Tracker"))
        self.quit_action.setText(self.tr("Quit"))
        if self.tray is not None:
            self.tray.setToolTip(self.tr("Jiebei Tracker — repayment reminders"))
