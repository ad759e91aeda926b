"""The health dashboard's widgets, standalone and fed plain records from the services (they never touch the
database): score and trend, flag cards, upcoming and overdue installments, autopay and recovery checklists, and
the in-app reminder banner."""

from jiebei_tracker.ui.views.health.autopay import AutopayChecklistWidget
from jiebei_tracker.ui.views.health.dues import DuesTableModel, OverdueDuesWidget, UpcomingDuesWidget
from jiebei_tracker.ui.views.health.flag_list import FlagCard, FlagListWidget
from jiebei_tracker.ui.views.health.recovery import RecoveryChecklistWidget
from jiebei_tracker.ui.views.health.reminder_banner import ReminderBanner
from jiebei_tracker.ui.views.health.score_card import HealthScoreWidget

__all__ = [
    "AutopayChecklistWidget",
    "DuesTableModel",
    "FlagCard",
    "FlagListWidget",
    "HealthScoreWidget",
    "OverdueDuesWidget",
    "RecoveryChecklistWidget",
    "ReminderBanner",
    "UpcomingDuesWidget",
]
