"""The app in the desktop's application menu (Linux and other freedesktop.org desktops): ``jiebei-tracker
--install-desktop`` writes the desktop entry and the icon into the user's XDG data folder, ``--uninstall-desktop``
takes away exactly those files.

    $XDG_DATA_HOME (else ~/.local/share)
      applications/io.github.jiebei_tracker.desktop     Exec= the program running now (frozen binary or script)
      icons/hicolor/scalable/apps/jiebei-tracker.svg
      icons/hicolor/{48,64,128,256}x…/apps/jiebei-tracker.png   rendered from the SVG with Qt
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from jiebei_tracker import APP_ID, resources

ICON_NAME = "jiebei-tracker"
PNG_SIZES = (48, 64, 128, 256)
SCRIPT = "jiebei-tracker"


def data_home() -> Path:
    """$XDG_DATA_HOME when it is an absolute path (the spec says to ignore a relative one), else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def desktop_file(home: Path) -> Path:
    return home / "applications" / f"{APP_ID}.desktop"


def icon_files(home: Path) -> dict[Path, int | None]:
    """Where each icon goes, with its size in pixels (None: the SVG itself)."""
    hicolor = home / "icons" / "hicolor"
    files: dict[Path, int | None] = {hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg": None}
    for size in PNG_SIZES:
        files[hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"] = size
    return files


def installed_files(home: Path) -> list[Path]:
    return [desktop_file(home), *icon_files(home)]


def launcher() -> list[str]:
    """The command that starts this very program: the frozen binary; else the ``jiebei-tracker`` script of the
    environment it runs in (a venv, pipx); else this Python with ``-m jiebei_tracker``."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).parent / (SCRIPT + (".exe" if sys.platform == "win32" else ""))
    if script.is_file():
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "jiebei_tracker"]


_RESERVED = re.compile(r'[\s"\'\\><~|&;$*?#()`]')


def exec_value(command: list[str]) -> str:
    """The Exec= value: each argument quoted as the Desktop Entry spec asks when it holds a reserved character
    (inside quotes ", `, $ and \\ take a backslash), then backslashes doubled for the string value itself."""
    quoted = []
    for argument in command:
        if _RESERVED.search(argument):
            argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
        quoted.append(argument.replace("%", "%%"))
    return " ".join(quoted).replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """The shipped entry (resources/io.github.jiebei_tracker.desktop) with Exec and TryExec naming ``command``."""
    text = (resources.files() / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    text = re.sub(r"^Exec=.*$", lambda _: "Exec=" + exec_value(command), text, count=1, flags=re.MULTILINE)
    return text.replace("[Desktop Entry]\n", "[Desktop Entry]\nTryExec=" + exec_value(command[:1]) + "\n", 1)


def icon_image(size: int) -> QImage:
    """The app's icon rendered at ``size`` pixels square, transparent around it (Qt's SVG renderer; no display
    needed: a QGuiApplication on the offscreen platform is made if none runs)."""
    if QGuiApplication.instance() is None:
        global _renderer_app
        _renderer_app = QGuiApplication(["jiebei-tracker", "-platform", "offscreen"])
    svg = (resources.files() / "icons" / f"{ICON_NAME}.svg").read_bytes()
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError(f"{ICON_NAME}.svg: Qt cannot read this SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


_renderer_app: QGuiApplication | None = None


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: written beside, then renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the desktop entry and the icons; returns the files written (the same list uninstall removes)."""
    home = data_home() if home is None else home
    command = launcher() if command is None else command
    for path, size in icon_files(home).items():
        if size is None:
            _write(path, (resources.files() / "icons" / f"{ICON_NAME}.svg").read_bytes())
        else:
            buffer = QByteArray()
            device = QBuffer(buffer)
            device.open(QIODevice.OpenModeFlag.WriteOnly)
            if not icon_image(size).save(device, "PNG"):
                raise OSError(f"{path}: Qt could not render the {size}×{size} icon")
            _write(path, bytes(buffer.data()))
    _write(desktop_file(home), desktop_entry(command).encode("utf-8"))
    return installed_files(home)


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove the files install writes, and the folders of theirs left empty (up to the data folder itself);
    returns the files that were there."""
    home = data_home() if home is None else home
    removed = []
    for path in installed_files(home):
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
        folder = path.parent
        while folder != home and home in folder.parents and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed
