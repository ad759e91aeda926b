"""`--install-desktop` puts the entry and the icon into the user's XDG data folder, with Exec naming the running
program; `--uninstall-desktop` takes away exactly what install made."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from jiebei_tracker import APP_ID, desktop
from jiebei_tracker.cli import main


def tree(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*")} if folder.exists() else set()


def entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "xdg data"  # a space, as a home folder may have
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def expected_files() -> set[Path]:
    sizes = [f"{size}x{size}" for size in desktop.PNG_SIZES]
    return {
        Path("applications") / f"{APP_ID}.desktop",
        Path("icons/hicolor/scalable/apps/jiebei-tracker.svg"),
        *(Path("icons/hicolor") / size / "apps" / "jiebei-tracker.png" for size in sizes),
    }


def test_install_writes_the_entry_and_every_icon_size_and_uninstall_takes_back_exactly_that(qapp, home, capsys):
    # Things of other apps already there stay as they are.
    (home / "applications").mkdir(parents=True)
    (home / "applications" / "other.desktop").write_text("[Desktop Entry]\nName=Other\n", encoding="utf-8")
    (home / "icons" / "hicolor" / "48x48" / "apps").mkdir(parents=True)
    (home / "icons" / "hicolor" / "48x48" / "apps" / "other.png").write_bytes(b"png")
    before = tree(home)

    assert main(["--install-desktop"]) == 0
    added = tree(home) - before
    assert {path for path in added if (home / path).is_file()} == expected_files()
    assert f"installed the app in the application menu: {home / 'applications' / (APP_ID + '.desktop')}" in (
        capsys.readouterr().out
    )
    for size in desktop.PNG_SIZES:
        image = QImage(str(home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "jiebei-tracker.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # the icon is drawn, not an empty square
        assert image.pixelColor(0, 0).alpha() == 0  # and its rounded corner is transparent
    svg = home / "icons" / "hicolor" / "scalable" / "apps" / "jiebei-tracker.svg"
    assert svg.read_bytes() == (Path(desktop.resources.files()) / "icons" / "jiebei-tracker.svg").read_bytes()

    assert main(["--install-desktop"]) == 0  # again: the same files, nothing more
    assert tree(home) - before == added

    assert main(["--uninstall-desktop"]) == 0
    assert tree(home) == before
    assert "removed 6 files" in capsys.readouterr().out
    assert main(["--uninstall-desktop"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_uninstall_leaves_no_folder_it_made_behind(qapp, home):
    assert not home.exists()
    desktop.install(home, ["/opt/app/jiebei-tracker"])
    assert len(desktop.uninstall(home)) == len(expected_files())
    assert tree(home) == set()


def test_exec_is_the_venv_script_that_ran_it(home):
    """Run as a user runs it: the environment's own jiebei-tracker script (a venv, pipx) is what the menu starts."""
    script = Path(sys.executable).parent / "jiebei-tracker"
    assert script.is_file(), f"{script}: the test venv has no jiebei-tracker script (pip install -e .)"
    result = subprocess.run([str(script), "--install-desktop"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    installed = entry(home / "applications" / f"{APP_ID}.desktop")
    assert installed["Exec"] == str(script)
    assert installed["TryExec"] == str(script)
    assert installed["Icon"] == desktop.ICON_NAME
    assert installed["Name[zh_CN]"] == "借呗信用健康助手"


def test_exec_of_a_frozen_build_is_the_binary(monkeypatch, tmp_path):
    binary = tmp_path / "jiebei-tracker" / "jiebei-tracker"
    binary.parent.mkdir()
    binary.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(binary))
    assert desktop.launcher() == [str(binary.resolve())]


def test_without_a_script_python_runs_the_module(monkeypatch, tmp_path):
    python = tmp_path / "bin" / "python3"
    monkeypatch.setattr(sys, "executable", str(python))
    assert desktop.launcher() == [str(python), "-m", "jiebei_tracker"]


def test_exec_quotes_what_the_spec_reserves():
    assert desktop.exec_value(["/opt/jiebei/jiebei-tracker"]) == "/opt/jiebei/jiebei-tracker"
    assert desktop.exec_value(["/home/a b/bin/python", "-m", "x"]) == '"/home/a b/bin/python" -m x'
    # Inside quotes ", `, $ and \ take a backslash; the string value then doubles every backslash; % is doubled.
    assert desktop.exec_value(['/a"$`\\/100%']) == '"/a\\\\"\\\\$\\\\`\\\\\\\\/100%%"'


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop.data_home() == tmp_path / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_install_goes_alone(capsys):
    with pytest.raises(SystemExit) as exit_status:
        main(["--install-desktop", "loans"])
    assert exit_status.value.code == 2
    assert "--install-desktop goes alone, without a command" in capsys.readouterr().err
