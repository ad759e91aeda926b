"""Data-safety runs: writers that must wait their turn, and kill -9 at random moments.

    python benchmarks/data_safety.py writers [--processes 2] [--writes 200]
    python benchmarks/data_safety.py kills [--kills 110]

``writers``: PROCESSES processes each make WRITES changes to one database (a note each, through the ledger, as the
CLI and the window do) while a third keeps a long import-sized write going; every change must land: 0 failed, 0
lost. ``kills``: a process writes changes (each printed once committed) and makes backups while it is killed with
SIGKILL at a random moment, KILLS times; after each kill the database must pass ``integrity_check``, hold every
change it confirmed, and the backups folder must hold only whole backups, none readable by others.
Prints the figures (docs/data-safety.md quotes them). tests/storage/test_data_safety_runs.py runs both small.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WRITER = r"""
import sys
from datetime import date
from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.storage.database import open_database

path, name, writes = sys.argv[1], sys.argv[2], int(sys.argv[3])
database = open_database(path, write_attempts=3)
ledger = Ledger(database=database)
failed = 0
for number in range(writes):
    try:
        ledger.add_note(noted_on=date(2026, 1, 1), kind=NoteKind.INQUIRY, text=f"{name}-{number}")
    except Exception as error:
        failed += 1
        print(f"failed: {type(error).__name__}: {error}", file=sys.stderr)
database.close()
print(failed)
"""

_LONG_WRITER = r"""
import sys
from jiebei_tracker.storage.database import open_database

database = open_database(sys.argv[1], write_attempts=3)
rounds = int(sys.argv[2])
with database.activity("importing"):
    for _ in range(rounds):
        with database.transaction() as session:  # a long write, as an import of many rows is
            connection = session.connection()
            for day in range(2000):
                connection.exec_driver_sql(
                    "INSERT INTO setting (key, value_json) VALUES (?, '1') "
                    "ON CONFLICT(key) DO UPDATE SET value_json = '2'",
                    (f"long-{day}",),
                )
database.close()
print(0)
"""

_KILLED = r"""
import sys
from datetime import date
from jiebei_tracker.domain.vocabulary import NoteKind
from jiebei_tracker.services.ledger import Ledger
from jiebei_tracker.storage.backups import Reason, make_backup
from jiebei_tracker.storage.database import open_database

path, start = sys.argv[1], int(sys.argv[2])
database = open_database(path)
ledger = Ledger(database=database)
number = start
while True:
    ledger.add_note(noted_on=date(2026, 1, 1), kind=NoteKind.INQUIRY, text=f"kill-{number}")
    print(number, flush=True)  # confirmed: committed before this line
    number += 1
    if number % 7 == 0:
        make_backup(database, Reason.MANUAL)
"""


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _prepare(path: Path) -> None:
    """A database with a loan in it (so the day's backup has something to keep)."""
    subprocess.run(
        [sys.executable, "-m", "jiebei_tracker", "--db", str(path), "demo"],
        check=True,
        capture_output=True,
        env=_environment(),
    )


def writers(processes: int, writes: int, folder: Path) -> dict:
    path = folder / "writers.db"
    _prepare(path)
    started = time.perf_counter()
    long = subprocess.Popen(
        [sys.executable, "-c", _LONG_WRITER, str(path), "20"], stdout=subprocess.PIPE, text=True, env=_environment()
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), f"w{n}", str(writes)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(),
        )
        for n in range(processes)
    ]
    failed, errors = 0, []
    for child in children:
        out, err = child.communicate()
        failed += int(out.strip() or writes)
        errors += err.splitlines()[:3]
    long.communicate()
    seconds = time.perf_counter() - started
    with closing(sqlite3.connect(path)) as connection:
        landed = connection.execute("SELECT COUNT(*) FROM creditreportnote WHERE text LIKE 'w%-%'").fetchone()[0]
    return {
        "processes": processes,
        "writes": processes * writes,
        "failed": failed,
        "lost": processes * writes - failed - landed,
        "landed": landed,
        "seconds": round(seconds, 1),
        "errors": errors,
    }


def kills(count: int, folder: Path, *, seed: int = 7, min_confirmed: int = 1, jitter: bool = True) -> dict:
    """Kill a writing process ``count`` times at random moments; check the file after each kill."""
    path = folder / "kills.db"
    _prepare(path)
    randomness = random.Random(seed)
    confirmed: set[int] = set()
    problems = []
    next_number = 0
    for _round in range(count):
        child = subprocess.Popen(
            [sys.executable, "-c", _KILLED, str(path), str(next_number)],
            stdout=subprocess.PIPE,
            text=True,
            env=_environment(),
        )
        wanted = min_confirmed + randomness.randrange(12)  # a random moment: after N confirmed writes, mid-next
        for _ in range(wanted):
            line = child.stdout.readline()
            if not line:
                break
            confirmed.add(int(line))
            next_number = int(line) + 1
        if jitter:
            time.sleep(randomness.random() * 0.05)  # into the middle of the next write or backup
        child.send_signal(signal.SIGKILL)
        for line in child.stdout.read().split():  # confirmed before the kill landed
            confirmed.add(int(line))
            next_number = int(line) + 1
        child.wait()
        next_number += 1000  # a number never used, whatever the killed write was
        problems += _check_after_kill(path, confirmed)
    return {"kills": count, "confirmed": len(confirmed), "lost": _lost(path, confirmed), "problems": problems}


def _lost(path: Path, confirmed: set[int]) -> int:
    with closing(sqlite3.connect(path)) as connection:
        present = {
            int(text.removeprefix("kill-"))
            for (text,) in connection.execute("SELECT text FROM creditreportnote WHERE text LIKE 'kill-%'")
        }
    return len(confirmed - present)


def _check_after_kill(path: Path, confirmed: set[int]) -> list[str]:
    problems = []
    with closing(sqlite3.connect(path)) as connection:
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
    if _lost(path, confirmed):
        problems.append(f"{_lost(path, confirmed)} confirmed writes lost")
    backups = path.parent / "backups"
    for file in backups.iterdir() if backups.is_dir() else []:
        mode = stat.S_IMODE(file.lstat().st_mode)
        if mode & 0o077:
            problems.append(f"{file.name} is readable by others ({oct(mode)})")
        if not file.name.startswith("."):  # a finished backup: whole
            with closing(sqlite3.connect(f"file:{file}?mode=ro&immutable=1", uri=True)) as copy:
                if copy.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    problems.append(f"{file.name} is not whole")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    runs = parser.add_subparsers(dest="run", required=True)
    run_writers = runs.add_parser("writers")
    run_writers.add_argument("--processes", type=int, default=2)
    run_writers.add_argument("--writes", type=int, default=200)
    run_kills = runs.add_parser("kills")
    run_kills.add_argument("--kills", type=int, default=110)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.run == "writers":
            result = writers(args.processes, args.writes, Path(folder))
        else:
            result = kills(args.kills, Path(folder))
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if not (result.get("failed") or result.get("lost") or result.get("problems")) else 1


if __name__ == "__main__":
    sys.exit(main())
