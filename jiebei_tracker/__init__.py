"""Jiebei Tracker (借呗信用健康助手): keep your borrowing healthy, from your own local records."""

__version__ = "0.1.0"

# The reverse-DNS id the desktop knows the app by: the window's desktop file name, the installed .desktop entry
# (resources/io.github.jiebei_tracker.desktop) and the AppStream metainfo (packaging/).
APP_ID = "io.github.jiebei_tracker"
