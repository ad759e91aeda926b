"""Files the app writes for the user outside the database — reports, calendars, chart pictures — kept as private
as the database itself."""

from __future__ import annotations

import os
from pathlib import Path

from jiebei_tracker.storage.files import check_target, write_whole


def write_private_file(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` readable and writable by the user only (0600), as the database is: reports,
    calendars and chart pictures show the user's borrowing. The file appears whole or not at all, never through
    a symlink (see ``storage.files.write_whole``). A file already there is kept unless ``overwrite`` (the user
    said so: ``--overwrite``, or a save dialog that asked), then replaced rather than left with its old mode.
    A missing folder is refused, never created. Problems raise ``FileProblem``, a one-line message."""
    return write_whole(Path(path), lambda temporary: temporary.write_bytes(data), replace=overwrite)


def check_private_target(path: str | os.PathLike[str], *, overwrite: bool = False) -> None:
    """Whether ``write_private_file`` would accept ``path`` (FileProblem if not): asked before slow work."""
    check_target(Path(path), replace=overwrite)
