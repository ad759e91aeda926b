"""Files the app writes for the user outside the database — reports, calendars, chart pictures — kept as private
as the database itself."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_private_file(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` readable and writable by the user only (0600), as the database is: reports,
    calendars and chart pictures show the user's borrowing. The file appears whole or not at all (written
    beside it, then renamed over it), and a file already there is replaced, not left with its old mode."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # created 0600
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
