"""The app as people install it: the frozen build, the desktop entry and icon, the wheel in a fresh venv."""
