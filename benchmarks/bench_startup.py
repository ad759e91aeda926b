"""Start-up time, in one run: from process start to the main window shown with a 10-year demo history of 5,000 loans,
against the floor — a bare PySide6 window with one table. Target: within 2× of the floor.

    python benchmarks/bench_startup.py [--loans 5000] [--runs 7] [--fresh] [--frozen dist/jiebei-tracker] [--encrypted]

Each start is a fresh Python process (offscreen Qt), timed from just before it is spawned to the moment its main
window's first frame has been painted; the median of the runs is reported. The app starts exactly as a user starts it
(`jiebei-tracker --db FILE`: single-instance lock, database, language, the dashboard with its figures and lists). What
waits for the first frame (ui/first_frame.py) is not counted: loading SQLAlchemy and the ledger for the first write, the
reminders, the health check (worked out off the UI thread) and the charts. Not a test.

With --frozen FOLDER (the one-folder build of packaging/build.py), the same run also starts the frozen binary and the
venv's own jiebei-tracker script, interleaved, each timed from spawning it to the first frame the app itself reports
(JIEBEI_TRACKER_REPORT_FIRST_FRAME=quit; code cannot be slipped into a frozen binary), and reports the build's size:
the folder and the .tar.gz beside it.

With --encrypted, another series: the same history in a file protected with a passphrase (SQLCipher, the encryption
extra), the passphrase handed over as the system keyring would (the time to type it is not counted; the keyring's own
lookup is not either).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_loans_view import demo_database  # the same cached demo history

TARGET_RATIO = 2.0

# Both children report the wall-clock time once their main window has been painted for the first time, then quit.
# The report is posted from the main window's first paint event: that paint draws the whole window in one go (children
# included) before the event loop runs anything posted after it, so the time is taken once the first frame is done.
# Anything the program queued before that frame is counted too. A child that never paints its main window fails.
# The watch is on the main window alone, as the app's own first-frame hook is: an application-wide Python event
# filter would wrap every event's receiver for Python and itself cost the app ~55 ms (its many internal widgets'
# types made ready for Python) against a few for the floor's one table — a cost of the measuring, not of the app.
_REPORT = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def _report():
    print(f"SHOWN {time.time():.6f} {time.process_time():.6f}", flush=True)
    QApplication.quit()

class _FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWindow():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, _report)
        return False

_first_paint = _FirstPaint()
_init = QMainWindow.__init__
def _init_and_watch(self, *args, **kwargs):  # every main window, whenever it comes (the app's is a subclass)
    _init(self, *args, **kwargs)
    self.installEventFilter(_first_paint)
QMainWindow.__init__ = _init_and_watch
"""

FLOOR = (
    _REPORT
    + """
from PySide6.QtWidgets import QMainWindow, QTableWidget, QTableWidgetItem
app = QApplication([])
window = QMainWindow()
table = QTableWidget(30, 9)
for row in range(30):
    for column in range(9):
        table.setItem(row, column, QTableWidgetItem(f"{row}.{column}"))
window.setCentralWidget(table)
window.resize(1200, 760)
window.show()
app.exec()
"""
)

APP = (
    _REPORT
    + """
import sys
from jiebei_tracker.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""
)


BENCH_PASSPHRASE = "benchmark passphrase"  # a throwaway copy's

APP_ENCRYPTED = (
    _REPORT
    + f"""
import sys
from jiebei_tracker.services.files import protection
protection.remembered = lambda path: {BENCH_PASSPHRASE!r}  # as if remembered in the system keyring
from jiebei_tracker.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""
)


def encrypted_copy(path: Path, folder: Path) -> Path:
    """A copy of the demo database protected with the benchmark's passphrase."""
    import shutil

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from jiebei_tracker.storage.encryption import change_passphrase

    copy = folder / "encrypted.db"
    shutil.copy(path, copy)
    change_passphrase(copy, None, BENCH_PASSPHRASE)
    return copy


def start_once(code: str, *arguments: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds from spawning the child to its first frame, and the CPU seconds the child had used by
    then (less swayed by other processes on a busy machine)."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *arguments], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    shown = [line for line in result.stdout.splitlines() if line.startswith("SHOWN ")]
    if not shown:
        raise RuntimeError(f"the window never showed:\n{result.stdout}\n{result.stderr}")
    _, wall, cpu = shown[0].split()
    return float(wall) - started, float(cpu)


def start_program(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Like start_once, for a program run as it is (the frozen binary, the venv's script): the app reports its own
    first frame."""
    started = time.time()
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**env, "JIEBEI_TRACKER_REPORT_FIRST_FRAME": "quit"},
        timeout=120,
        check=False,
    )
    shown = [line for line in result.stdout.splitlines() if line.startswith("FIRST-FRAME ")]
    if not shown:
        raise RuntimeError(f"{command[0]}: the window never showed:\n{result.stdout}\n{result.stderr}")
    _, wall, cpu = shown[0].split()
    return float(wall) - started, float(cpu)


def venv_script() -> list[str]:
    script = Path(sys.executable).parent / "jiebei-tracker"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "jiebei_tracker"]


def tree_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def import_cost(module: str, env: dict[str, str]) -> float:
    """Seconds a fresh interpreter takes to import ``module`` (minus the bare interpreter's start)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout)
        for _ in range(3)
    ]
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--fresh", action="store_true", help="generate the demo database again")
    parser.add_argument(
        "--frozen", type=Path, metavar="FOLDER", help="also time this frozen build (dist/jiebei-tracker) and the venv"
    )
    parser.add_argument("--encrypted", action="store_true", help="also start on a passphrase-protected copy")
    args = parser.parse_args()
    frozen_binary = None
    if args.frozen is not None:
        frozen_binary = args.frozen / ("jiebei-tracker.exe" if sys.platform == "win32" else "jiebei-tracker")
        if not frozen_binary.is_file():
            parser.error(f"--frozen {args.frozen}: no jiebei-tracker binary in that folder (python packaging/build.py)")
    path = demo_database(args.loans, fresh=args.fresh)
    venv_run, frozen_run = [], []  # (wall, CPU) per start, with --frozen
    with tempfile.TemporaryDirectory() as home:
        # The app's window state and the single-instance socket go to a folder of this run, not the user's. Both
        # children keep compiled bytecode there too, as an installed app has it (pip compiles the package when it
        # installs it), even where PYTHONDONTWRITEBYTECODE is set (it is on some CI machines and sandboxes).
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        start_once(FLOOR, env=env)  # warm the file cache (and write the bytecode) for both
        start_once(APP, str(path), env=env)
        if frozen_binary is not None:  # the frozen binary's files into the cache too
            start_program([str(frozen_binary), "--db", str(path)], env)
        secret = encrypted_copy(path, Path(home)) if args.encrypted else None
        if secret is not None:
            start_once(APP_ENCRYPTED, str(secret), env=env)
        floor, app, encrypted = [], [], []  # (wall, CPU) per start
        for _ in range(args.runs):  # interleaved, so a busy moment of the machine hits all alike
            floor.append(start_once(FLOOR, env=env))
            app.append(start_once(APP, str(path), env=env))
            if secret is not None:
                encrypted.append(start_once(APP_ENCRYPTED, str(secret), env=env))
            if frozen_binary is not None:
                venv_run.append(start_program([*venv_script(), "--db", str(path)], env))
                frozen_run.append(start_program([str(frozen_binary), "--db", str(path)], env))
        window_modules = import_cost("jiebei_tracker.ui.main_window", env)
        sql_layer = import_cost("jiebei_tracker.services.ledger", env)
        qt_layer = import_cost("PySide6.QtWidgets", env)
    floor_wall, floor_cpu = ([start[k] for start in floor] for k in (0, 1))
    app_wall, app_cpu = ([start[k] for start in app] for k in (0, 1))
    floor_s, app_s = statistics.median(floor_wall), statistics.median(app_wall)
    ratio = app_s / floor_s
    print(f"demo history: {args.loans:,} loans over 10 years ({path})")
    for name, median, times in (
        ("floor (bare PySide6 window, one table):", floor_s, floor_wall),
        ("jiebei-tracker main window, dashboard: ", app_s, app_wall),
    ):
        print(f"{name} {median:.3f} s  (median of {args.runs}; {min(times):.3f}–{max(times):.3f})")
    print(
        f"ratio: {ratio:.2f}× the floor — {'within' if ratio <= TARGET_RATIO else 'OVER'} the {TARGET_RATIO:g}× target"
    )
    if encrypted:
        secret_s = statistics.median(start[0] for start in encrypted)
        print(
            f"encrypted database (SQLCipher):          {secret_s:.3f} s — {secret_s / app_s:.2f}× the plain "
            f"start, {secret_s / floor_s:.2f}× the floor"
        )
    cpu_floor, cpu_app = statistics.median(floor_cpu), statistics.median(app_cpu)
    print(
        f"CPU time of the process by its first frame: floor {cpu_floor:.3f} s, app {cpu_app:.3f} s — "
        f"{cpu_app / cpu_floor:.2f}× (medians; less swayed than wall time by other work on the machine)"
    )
    print(f"  importing PySide6.QtWidgets (in the floor too):                       ~{qt_layer:.3f} s")
    print(f"  importing the window and its services (PySide6 included):             ~{window_modules:.3f} s")
    print(
        f"  importing the ledger with SQLAlchemy and SQLModel (after the first frame, not counted): ~{sql_layer:.3f} s"
    )
    if frozen_binary is not None:
        archives = sorted(args.frozen.parent.glob(f"{args.frozen.name}-*.tar.gz"))
        archive = f", {archives[-1].name} {archives[-1].stat().st_size / 2**20:.1f} MiB" if archives else ""
        print(f"frozen build {args.frozen}: folder {tree_size(args.frozen) / 2**20:.1f} MiB{archive}")
        for name, runs in (("venv's jiebei-tracker script:", venv_run), ("frozen jiebei-tracker binary:", frozen_run)):
            wall = [start[0] for start in runs]
            cpu = statistics.median(start[1] for start in runs)
            print(
                f"{name} {statistics.median(wall):.3f} s to the first frame (median of {args.runs}; "
                f"{min(wall):.3f}–{max(wall):.3f}), CPU {cpu:.3f} s"
            )
        ratio = statistics.median(s[0] for s in frozen_run) / statistics.median(s[0] for s in venv_run)
        print(f"frozen / venv: {ratio:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
