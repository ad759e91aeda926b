"""Files and folders the app creates for the user's data: private from the first byte (folders 0700, files
0600 created with O_EXCL and O_NOFOLLOW), written beside their place and linked in whole, never through a symlink.

The database, its lock, its backups and its copies all come through here, so the rule lives in one place.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from jiebei_tracker.domain.errors import FileProblem, FileTaken

PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` and any missing parents readable by the user only (0700). A folder already there keeps
    its mode: it may be the user's own (their home, a synced folder) — only the app's data folder is tightened,
    by ``tighten_data_folder``."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            pass
        except OSError as error:
            raise FileProblem(path, f"cannot create the folder ({error.strerror})") from None
        os.chmod(path, PRIVATE_FOLDER)  # mkdir's mode is masked by the umask
    if not folder.is_dir():
        raise FileProblem(folder, "is not a folder")
    return folder


def create_private_file(path: Path) -> int:
    """Create ``path`` new, 0600, refusing a file or a symlink already there; returns the open descriptor."""
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR | _NOFOLLOW | _CLOEXEC, PRIVATE_FILE)
    except FileExistsError:
        raise FileTaken(path) from None
    except OSError as error:
        raise FileProblem(path, f"cannot be created ({error.strerror})") from None
    os.fchmod(descriptor, PRIVATE_FILE)  # the umask may have taken more away, never less
    return descriptor


def temporary_beside(target: Path, purpose: str = "part") -> Path:
    """A new, empty private file in ``target``'s folder (hidden, named after it) to be written and then linked
    into place with ``link_into_place``."""
    for attempt in range(100):
        candidate = target.with_name(f".{target.name}.{os.getpid()}-{attempt}.{purpose}")
        try:
            os.close(create_private_file(candidate))
        except FileTaken:
            continue
        return candidate
    raise FileProblem(target, "cannot create a temporary file beside it")


def fsync_path(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY | _CLOEXEC)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def link_into_place(temporary: Path, target: Path, *, replace: bool = False) -> None:
    """Give the finished, fsynced ``temporary`` its name. Without ``replace``, a link: it fails when anything —
    a file, a symlink, even a dangling one — has the name, and never follows a symlink. With ``replace``,
    a rename over the old file (its old contents stay whole until then). The folder is fsynced after."""
    fsync_path(temporary)
    try:
        if replace:
            os.replace(temporary, target)
        else:
            os.link(temporary, target, follow_symlinks=False)
            temporary.unlink()
    except FileExistsError:
        temporary.unlink(missing_ok=True)
        raise FileTaken(target) from None
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise FileProblem(target, f"cannot be written ({error.strerror})") from None
    with contextlib.suppress(OSError):  # some file systems cannot fsync a folder; the file itself is on disk
        fsync_path(target.parent)


def check_target(target: Path, *, replace: bool = False) -> None:
    """FileProblem unless ``target`` may be written: its folder exists, and it does not (or ``replace``). Checked
    again when writing; a caller with slow work to do before writing asks first, to fail before that work."""
    if not target.parent.is_dir():
        raise FileProblem(target.parent, "does not exist; choose a folder that exists")
    if not replace and (target.exists() or target.is_symlink()):
        raise FileTaken(target)


def write_whole(target: Path, fill: Callable[[Path], None], *, replace: bool = False) -> Path:
    """Create ``target`` whole or not at all: ``fill(temporary)`` writes a private file beside it, which is then
    linked into place (see ``link_into_place``). The target's folder must exist: it is never created here."""
    target = Path(target)
    check_target(target, replace=replace)
    temporary = temporary_beside(target)
    try:
        fill(temporary)
    except BaseException:
        _remove_with_journal(temporary)
        raise
    _remove_with_journal(temporary, keep_file=True)
    link_into_place(temporary, target, replace=replace)
    return target


def _remove_with_journal(path: Path, *, keep_file: bool = False) -> None:
    """SQLite may leave a journal beside a file it wrote; remove both (or only the journals)."""
    for suffix in ("-journal", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    if not keep_file:
        path.unlink(missing_ok=True)


def remove_stale_conversions(path: Path) -> None:
    """The temporary files of passphrase conversions cut short (the app killed meanwhile; storage/encryption.py):
    ``.NAME.PID-N.convert`` beside the database whose process is gone."""
    for part in Path(path).parent.glob(f".{Path(path).name}.*.convert"):
        match = re.search(r"\.(\d+)-\d+\.convert$", part.name)
        if match and int(match.group(1)) != os.getpid() and not process_alive(int(match.group(1))):
            _remove_with_journal(part)


def tighten_data_folder(folder: Path) -> None:
    """The app's own data folder (the default one beside the database) is the user's only: 0700."""
    try:
        if folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid():
            os.chmod(folder, PRIVATE_FOLDER)
    except OSError:
        pass


def process_alive(pid: int) -> bool:
    """Whether a process of that id runs (a lock or a temporary file names the process that made it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's: alive
    return True
