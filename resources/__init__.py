"""Icons, translations and desktop art, shipped inside the wheel as ``jiebei_tracker.resources``."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def files():
    """This folder: a plain path where the package sits on disk (every usual install), else importlib.resources'
    view of it (a package inside a zip). Importing importlib.resources costs about 10 ms of start-up (tempfile,
    shutil and the compression modules come with it), so it is imported only when it is needed.
    Worked out once: every icon asks for it."""
    folder = Path(__file__).resolve().parent
    if folder.is_dir():
        return folder
    from importlib.resources import files as package_files

    return package_files(__name__)
