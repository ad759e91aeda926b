"""User settings kept in the database (so they travel with the data file and its backups)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from jiebei_tracker.domain.errors import InvalidValue
from jiebei_tracker.storage import settings as stored
from jiebei_tracker.storage.backups import RETENTION_KEY
from jiebei_tracker.storage.database import Database


@dataclass(frozen=True)
class GeneralSettings:
    """Settings the whole app uses. Feature-specific settings (rule thresholds, import profiles) are kept
    under their own keys with ``SettingsStore.get/put``."""

    grace_days: int = 0
    reminder_lead_days: int = 3
    language: str = ""  # "" follows the system locale; else "zh_CN" or "en"
    autopay_recording: str = "ask"  # AutopayRecording: ask / auto / off
    # How many automatic backups are kept (storage/backups.py Retention reads them from this same setting).
    backup_daily: int = 7
    backup_weekly: int = 4
    backup_monthly: int = 12
    backup_event_days: int = 30

    def __post_init__(self) -> None:
        if not 0 <= self.grace_days <= 30:
            raise InvalidValue("grace_days", self.grace_days, "must be 0 to 30 days")
        if not 0 <= self.reminder_lead_days <= 60:
            raise InvalidValue("reminder_lead_days", self.reminder_lead_days, "must be 0 to 60 days")
        if self.language not in ("", "zh_CN", "en"):
            raise InvalidValue("language", self.language, "must be zh_CN, en, or empty for the system's")
        if self.autopay_recording not in ("ask", "auto", "off"):
            raise InvalidValue("autopay_recording", self.autopay_recording, "must be ask, auto or off")
        for name, high in BACKUP_LIMITS.items():
            if not 0 <= getattr(self, name) <= high:
                raise InvalidValue(name, getattr(self, name), f"must be 0 to {high}")


BACKUP_LIMITS = {"backup_daily": 366, "backup_weekly": 520, "backup_monthly": 240, "backup_event_days": 3650}
_GENERAL_KEY = RETENTION_KEY  # one setting: the general ones, backup counts included


class SettingsStore:
    """JSON values under string keys; each write is its own transaction. Reads use the plain driver (the window
    reads its settings before anything else); writes are one transaction each, on the same driver."""

    def __init__(self, *, database: Database) -> None:
        self._database = database

    def get(self, key: str, default=None):
        with self._database.read() as connection:
            found = stored.setting_json(connection, key)
        return default if found is None else json.loads(found)

    def put(self, key: str, value) -> None:
        encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self._database.transaction(records=False) as session:
            stored.put_setting_json(session.connection().connection, key, encoded)

    def delete(self, key: str) -> None:
        with self._database.transaction(records=False) as session:
            stored.delete_setting(session.connection().connection, key)

    def general(self) -> GeneralSettings:
        stored = self.get(_GENERAL_KEY, {})
        known = {k: v for k, v in stored.items() if k in GeneralSettings.__dataclass_fields__}
        return GeneralSettings(**known)

    def put_general(self, settings: GeneralSettings) -> None:
        self.put(
            _GENERAL_KEY,
            {
                "grace_days": settings.grace_days,
                "reminder_lead_days": settings.reminder_lead_days,
                "language": settings.language,
                "autopay_recording": settings.autopay_recording,
                **{name: getattr(settings, name) for name in BACKUP_LIMITS},
            },
        )


def grace_days_in(connection) -> int:
    """The grace days setting, read on a connection already open (a write transaction's: the ledger's penalty
    interest counts from the due date plus these)."""
    found = stored.setting_json(connection, _GENERAL_KEY)
    days = json.loads(found).get("grace_days", 0) if found else 0
    return days if isinstance(days, int) and 0 <= days <= 30 else 0
