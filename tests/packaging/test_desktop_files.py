"""The desktop entry passes desktop-file-validate (as shipped and as installed), the AppStream metainfo passes
appstreamcli validate, and the metainfo names this version, this app id and screenshots that exist.

The validators are Debian's desktop-file-utils and appstream; .ci/run installs them, so a machine without them
fails here with what to install rather than passing unchecked."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlparse

import pytest

from jiebei_tracker import APP_ID, __version__, desktop

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "resources" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
SCREENSHOTS = ROOT / "packaging" / "screenshots"


def validator(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: apt-get install {package} (.ci/run installs it)")
    return found


def validate_entry(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [validator("desktop-file-validate", "desktop-file-utils"), str(path)], capture_output=True, text=True
    )


def test_the_shipped_desktop_entry_is_valid():
    result = validate_entry(ENTRY)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_an_installed_entry_is_valid_with_a_path_that_needs_quoting(tmp_path, qapp):
    home = tmp_path / "share"
    desktop.install(home, [str(tmp_path / "my apps" / "jiebei $tracker" / "jiebei-tracker")])
    result = validate_entry(desktop.desktop_file(home))
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_validator_catches_a_bad_entry(tmp_path):
    bad = tmp_path / "bad.desktop"
    bad.write_text("[Desktop Entry]\nType=Application\nExec=jiebei-tracker\nCategories=Money;\n", encoding="utf-8")
    assert validate_entry(bad).returncode != 0


def validate_metainfo(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [validator("appstreamcli", "appstream"), "validate", "--no-net", "--pedantic", str(path)],
        capture_output=True,
        text=True,
    )


def test_the_metainfo_is_valid():
    result = validate_metainfo(METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_catches_a_bad_metainfo(tmp_path):
    bad = tmp_path / f"{APP_ID}.metainfo.xml"
    text = METAINFO.read_text(encoding="utf-8")  # a screenshot as a path, as it was: software centres need a URL
    bad.write_text(text.replace("https://raw.githubusercontent.com/", "", 1), encoding="utf-8")
    assert validate_metainfo(bad).returncode != 0


def test_the_metainfo_names_this_version_this_app_and_screenshots_that_exist():
    component = ElementTree.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == ENTRY.name
    latest = component.find("releases/release")
    assert latest is not None and latest.get("version") == __version__
    images = [image.text.strip() for image in component.iterfind("screenshots/screenshot/image")]
    assert images
    for address in images:
        url = urlparse(address)
        assert url.scheme == "https", address
        assert url.path.rsplit("/", 3)[-3:-1] == ["packaging", "screenshots"], address
        assert (SCREENSHOTS / Path(url.path).name).is_file(), f"{address}: no such picture in packaging/screenshots/"


def test_the_entry_names_the_icon_install_writes():
    lines = ENTRY.read_text(encoding="utf-8").splitlines()
    assert f"Icon={desktop.ICON_NAME}" in lines
    assert "Exec=jiebei-tracker" in lines  # install puts the running program's full path here
