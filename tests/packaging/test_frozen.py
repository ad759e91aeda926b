"""Smoke test of the frozen one-folder build (packaging/build.py): what a user who downloads the .tar.gz runs.

Needs PyInstaller (the build extra); without it the module is skipped, saying so — the only skip of the suite.
`JIEBEI_BUILD_SMOKE=1 .ci/run` installs the extra, builds once and points JIEBEI_FROZEN_APP at dist/jiebei-tracker;
without that variable the tests build into a temporary folder first (about a minute on two cores)."""

from __future__ import annotations

import json
import os
import re
import selectors
import subprocess
import sys
import tarfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip(
    "PyInstaller",
    reason="PyInstaller is not installed: pip install -e '.[build]' to smoke-test the frozen build "
    "(JIEBEI_BUILD_SMOKE=1 .ci/run does)",
)

from jiebei_tracker import APP_ID, __version__  # noqa: E402
from jiebei_tracker.services.settings import GeneralSettings  # noqa: E402
from jiebei_tracker.services.workspace import open_workspace  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
# The offscreen platform's own notes, ignored by the rest of the suite too (pyproject.toml: qt_log_ignore).
QT_NOISE = [
    re.compile(pattern)
    for pattern in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"][
        "qt_log_ignore"
    ]
]


@dataclass
class Build:
    folder: Path
    archive: Path

    @property
    def binary(self) -> Path:
        return self.folder / "jiebei-tracker"


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    given = os.environ.get("JIEBEI_FROZEN_APP")
    if given:
        folder = Path(given).resolve()
        assert (folder / "jiebei-tracker").is_file(), f"JIEBEI_FROZEN_APP={given}: no jiebei-tracker binary there"
    else:
        dist = tmp_path_factory.mktemp("dist")
        work = tmp_path_factory.mktemp("work")
        subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist), "--work", str(work)],
            check=True,
            capture_output=True,
            timeout=900,
        )
        folder = dist / "jiebei-tracker"
    archives = sorted(folder.parent.glob(f"jiebei-tracker-{__version__}-linux-*.tar.gz"))
    assert archives, f"no jiebei-tracker-{__version__}-linux-*.tar.gz beside {folder}"
    return Build(folder, archives[-1])


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """Nothing of the build machine's Python leaks in; the user's folders are the test's."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))
    }
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        JIEBEI_TRACKER_DB=str(tmp_path / "default.db"),
    )
    return environment


def run(build: Build, *arguments: str, env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(
        [str(build.binary), *arguments], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )
    assert result.returncode == 0, f"{arguments}: {result.stderr}"
    assert result.stderr == "", result.stderr
    return result.stdout


def test_the_folder_carries_the_qt_plugins_translations_resources_and_migrations_and_no_test_tools(build):
    internal = build.folder / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in (
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "platforms/libqwayland.so",
        "imageformats/libqsvg.so",
        "imageformats/libqpng.so" if (plugins / "imageformats" / "libqpng.so").exists() else "imageformats/libqjpeg.so",
        "iconengines/libqsvgicon.so",
        "platformthemes/libqxdgdesktopportal.so",
        "xcbglintegrations/libqxcb-glx-integration.so",
    ):
        assert (plugins / plugin).is_file(), plugin
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").is_file()
    package = internal / "jiebei_tracker"
    for data in (
        "resources/translations/jiebei_tracker_zh_CN.qm",
        "resources/icons/jiebei-tracker.svg",
        "resources/icons/window/dashboard.svg",
        f"resources/{APP_ID}.desktop",
        "docs/user-guide.md",
        "docs/user-guide.zh_CN.md",
        "storage/migrations/env.py",
        "storage/migrations/versions/0001_initial.py",
    ):
        assert (package / data).is_file(), data
    shipped = {path.name.split(".")[0].lower() for path in internal.iterdir()}
    assert shipped.isdisjoint({"pytest", "_pytest", "pytestqt", "hypothesis", "numpy_financial", "pyinstaller"})
    with tarfile.open(build.archive) as archive:
        names = archive.getnames()
    assert "jiebei-tracker/jiebei-tracker" in names
    assert all(name == "jiebei-tracker" or name.startswith("jiebei-tracker/") for name in names)
    size = sum(path.stat().st_size for path in build.folder.rglob("*") if path.is_file() and not path.is_symlink())
    print(
        f"\nbundle: folder {size / 2**20:.1f} MiB, {build.archive.name} {build.archive.stat().st_size / 2**20:.1f} MiB"
    )


def test_version(build, env, tmp_path):
    assert run(build, "--version", env=env, cwd=tmp_path).strip() == f"jiebei-tracker {__version__}"


def test_demo_loans_and_report(build, env, tmp_path):
    database = tmp_path / "new folder" / "demo.db"
    database.parent.mkdir()
    assert "added the sample history" in run(build, "--db", str(database), "demo", env=env, cwd=tmp_path)
    loans = json.loads(run(build, "--db", str(database), "loans", "--json", env=env, cwd=tmp_path))
    assert len(loans) == 9
    assert "借呗" in {loan["platform"] for loan in loans}
    report = tmp_path / "report.html"
    run(build, "--db", str(database), "report", "--html", str(report), "--lang", "zh_CN", env=env, cwd=tmp_path)
    html = report.read_text(encoding="utf-8")
    assert "健康报告" in html
    assert "data:image/png;base64," in html  # the charts, drawn offscreen by the frozen Qt


def test_import_a_gbk_csv(build, env, tmp_path):
    csv = tmp_path / "借款记录.csv"
    csv.write_bytes(
        "借款编号,平台,借款日期,借款金额,期数,还款方式,年化利率,用途,自动扣款,备注\n"
        "JB-1,借呗,2024-03-05,12000,12,等额本息,9.12%,日常消费,是,\n"
        "WL-1,微粒贷,2024/5/1,5000,6,先息后本,0.072,经营周转,否,\n".encode("gbk")
    )
    database = tmp_path / "import.db"
    out = run(build, "--db", str(database), "import", "loans", str(csv), "--past", "paid", env=env, cwd=tmp_path)
    assert "GB" in out.upper() or "2" in out
    loans = json.loads(run(build, "--db", str(database), "loans", "--json", env=env, cwd=tmp_path))
    assert {(loan["loan_id"], loan["platform"]) for loan in loans} == {("JB-1", "借呗"), ("WL-1", "微粒贷")}


def test_the_window_opens_in_chinese_and_stays_up_without_a_qt_warning(build, env, tmp_path):
    database = tmp_path / "window.db"
    run(build, "--db", str(database), "demo", env=env, cwd=tmp_path)
    workspace = open_workspace(database, backups=False)  # the window in Chinese, whatever locales the machine has
    workspace.save_general_settings(GeneralSettings(language="zh_CN"))
    workspace.close()
    env = {**env, "LC_ALL": "C.UTF-8", "JIEBEI_TRACKER_REPORT_FIRST_FRAME": "print"}
    process = subprocess.Popen(
        [str(build.binary), "--db", str(database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    try:
        # Wait for the first painted frame (the app says so on stdout), then for five seconds of the window up.
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            deadline = time.monotonic() + 60
            line = b""
            while not line.startswith(b"FIRST-FRAME") and time.monotonic() < deadline:
                if selector.select(timeout=deadline - time.monotonic()):
                    line = process.stdout.readline()
                    if not line:
                        break  # the process ended
        assert line.startswith(b"FIRST-FRAME"), f"no first frame; exit status {process.poll()}"
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=5)  # the point: still running after five seconds
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    assert [line for line in lines if not any(pattern.search(line) for pattern in QT_NOISE)] == []


def test_install_desktop_points_at_the_frozen_binary(build, env, tmp_path):
    out = run(build, "--install-desktop", env=env, cwd=tmp_path)
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"
    assert str(entry) in out
    assert f"Exec={build.binary.resolve()}" in entry.read_text(encoding="utf-8").splitlines()
    assert (Path(env["XDG_DATA_HOME"]) / "icons/hicolor/256x256/apps/jiebei-tracker.png").stat().st_size > 0
    run(build, "--uninstall-desktop", env=env, cwd=tmp_path)
    assert not entry.exists()
