"""kill -9 during a passphrase conversion: the old file or the new one is there, whole — never neither.

    python benchmarks/encryption_safety.py [--kills 60]

A database with the demo history is converted again and again — set a passphrase, change it, remove it, in turn —
by a process killed with SIGKILL at a random moment of the conversion (from its start to a little past the
measured length of that kind of conversion, so some finish), KILLS times. After each kill the file must open
with the passphrase it had before or the one it was given, pass ``PRAGMA integrity_check`` (and
``cipher_integrity_check`` when encrypted), hold every row of every table, and stay readable by its owner only
(0600); the next conversion removes the temporary file a killed one left. Prints the figures (docs/data-safety.md
quotes them); tests/storage/test_encryption_safety.py runs it small. Needs the encryption extra (sqlcipher3).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jiebei_tracker.domain.errors import WrongPassphrase  # noqa: E402
from jiebei_tracker.storage.connections import connect_file, looks_encrypted, table_counts  # noqa: E402

KEYS = (None, "first passphrase 一", "second passphrase 二")  # the cycle: set, change, remove

_CONVERTER = r"""
import os, sys
from jiebei_tracker.storage.encryption import change_passphrase

old, new = os.environ.get("OLD_KEY") or None, os.environ.get("NEW_KEY") or None
print("start", flush=True)
change_passphrase(sys.argv[1], old, new)
print("done", flush=True)
"""


def _environment(old: str | None, new: str | None) -> dict[str, str]:
    # The passphrases go through the environment, never the command line (which other users can see).
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "OLD_KEY": old or "",
        "NEW_KEY": new or "",
    }


def _prepare(path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "jiebei_tracker", "--db", str(path), "demo"],
        check=True,
        capture_output=True,
        env=_environment(None, None),
    )


def _converter(path: Path, old: str | None, new: str | None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _CONVERTER, str(path)], stdout=subprocess.PIPE, text=True, env=_environment(old, new)
    )


def _contents(path: Path, key: str | None) -> dict[str, int] | str:
    """The row counts when the file opens with ``key`` and checks whole, else what is wrong."""
    try:
        connection = connect_file(path, key, read_only=True)
    except WrongPassphrase:
        return "does not open"
    try:
        if key is not None and connection.execute("PRAGMA cipher_integrity_check").fetchall():
            return "cipher_integrity_check failed"
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return "integrity_check failed"
        return table_counts(connection)
    finally:
        connection.close()


def _state(path: Path, old: str | None, new: str | None, expected: dict[str, int]) -> tuple[str, list[str]]:
    """Which file is there ("old" or "new"), and any problem."""
    problems = []
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        problems.append(f"the database is readable by others ({oct(stat.S_IMODE(path.stat().st_mode))})")
    tried = []  # (a change of passphrase: both are encrypted, and the one that is not there does not open)
    for which, key in (("old", old), ("new", new)):
        if looks_encrypted(path) != (key is not None):
            continue
        found = _contents(path, key)
        if found == expected:
            return which, problems
        tried.append(f"with the {which} passphrase: {found if isinstance(found, str) else 'rows differ'}")
    return "neither", [*problems, f"neither the old file nor the new one ({'; '.join(tried) or 'not tried'})"]


def kills(count: int, folder: Path, *, seed: int = 11) -> dict:
    path = folder / "convert.db"
    _prepare(path)
    with_plain = connect_file(path, None, read_only=True)
    expected = table_counts(with_plain)
    with_plain.close()
    calibration = folder / "calibration" / "convert.db"
    calibration.parent.mkdir()
    shutil.copy(path, calibration)
    lengths = []  # each kind's own length (set, change, remove), from the converter's start to its end
    for state in range(len(KEYS)):
        child = _converter(calibration, KEYS[state], KEYS[(state + 1) % len(KEYS)])
        assert child.stdout.readline().strip() == "start"
        started = time.perf_counter()
        child.communicate()
        lengths.append(time.perf_counter() - started)
    randomness = random.Random(seed)
    outcome = {"old": 0, "new": 0, "neither": 0}
    problems: list[str] = []
    leftovers = 0
    state = 0  # index into KEYS of the passphrase the file has
    for _round in range(count):
        old, new = KEYS[state], KEYS[(state + 1) % len(KEYS)]
        child = _converter(path, old, new)
        if child.stdout.readline().strip() != "start":  # it died before starting: nothing to kill
            child.wait()
            problems.append("the converter did not start")
            continue
        time.sleep(randomness.random() * lengths[state] * 1.2)  # a random moment of it (a few finish)
        child.send_signal(signal.SIGKILL)
        child.communicate()
        which, found = _state(path, old, new, expected)
        outcome[which] += 1
        problems += found
        leftovers += bool(list(folder.glob(".convert.db.*.convert")))
        if which == "new":
            state = (state + 1) % len(KEYS)
    finish = _converter(path, KEYS[state], KEYS[(state + 1) % len(KEYS)])  # one more, not killed: it tidies up
    finish.communicate()
    if finish.returncode != 0:
        problems.append("the conversion after the last kill failed")
    stale = len(list(folder.glob(".convert.db.*.convert")))
    return {
        "kills": count,
        "old_file_whole": outcome["old"],
        "new_file_whole": outcome["new"],
        "neither": outcome["neither"],
        "conversion_seconds": [round(length, 2) for length in lengths],
        "kills_that_left_a_temporary_file": leftovers,
        "temporary_files_left_at_the_end": stale,
        "problems": problems,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = kills(args.kills, Path(folder))
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if not (result["neither"] or result["problems"]) else 1


if __name__ == "__main__":
    sys.exit(main())
