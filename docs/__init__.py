"""The project's documentation, shipped inside the package as jiebei_tracker.docs so that Help ▸ User guide
shows it offline."""
