"""The user's files outside the ledger: backups of the database and putting one back (``backups``), and the
private files the app writes for the user — reports, calendars, chart pictures (``private``)."""
