"""Views shown in the main window."""
