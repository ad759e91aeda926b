"""Build the frozen one-folder app with PyInstaller and pack it: `python packaging/build.py`.

Needs the build extra (`pip install -e '.[build]'`). Steps: build the wheel (no network, no build isolation), unpack
it into build/frozen/source (the package as pip installs it: resources, docs and migrations inside), freeze that copy
with packaging/jiebei-tracker.spec into dist/jiebei-tracker/, and pack the folder:

    Linux    dist/jiebei-tracker-<version>-linux-x86_64.tar.gz
    macOS    dist/jiebei-tracker-<version>-macos-<arch>.tar.gz   (holding "Jiebei Tracker.app")
    Windows  dist/jiebei-tracker-<version>-windows-<arch>.zip    (then: iscc packaging/jiebei-tracker.iss)

Prints the folder's and the archive's sizes. Only the Linux build is checked by CI (JIEBEI_BUILD_SMOKE=1 .ci/run).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "jiebei-tracker.spec"
NAME = "jiebei-tracker"


def version() -> str:
    text = (ROOT / "jiebei_tracker" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE).group(1)


def system_tag() -> str:
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(platform.machine().lower(), platform.machine())
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{machine}"


def folder_size(path: Path) -> int:
    return sum(entry.stat().st_size for entry in path.rglob("*") if entry.is_file() and not entry.is_symlink())


def stage_source(work: Path) -> Path:
    """The package exactly as the wheel installs it, unpacked into work/source."""
    wheels, source = work / "wheel", work / "source"
    for folder in (wheels, source):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    (wheel,) = wheels.glob("jiebei_tracker-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(source)
    return source


def render_icons(work: Path) -> Path:
    """The .ico (Windows) or .icns (macOS) the executable carries, rendered from the SVG with Qt."""
    folder = work / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform in ("win32", "darwin"):
        from jiebei_tracker.desktop import icon_image

        suffix, form = (".ico", "ICO") if sys.platform == "win32" else (".icns", "ICNS")
        if not icon_image(256).save(str(folder / f"{NAME}{suffix}"), form):
            raise SystemExit(f"build.py: error: Qt could not write {folder / (NAME + suffix)}")
    return folder


def pack(dist: Path, tag: str, release: str) -> Path:
    base = dist / f"{NAME}-{release}-{tag}"
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(base), "zip", dist, NAME))
    top = "Jiebei Tracker.app" if sys.platform == "darwin" else NAME
    archive = base.with_name(base.name + ".tar.gz")
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(dist / top, arcname=top)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the folder and archive go (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "frozen", help="scratch folder (build/frozen)")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("build.py: error: PyInstaller is not installed; pip install -e '.[build]'", file=sys.stderr)
        return 1
    dist, work, release = args.dist.resolve(), args.work.resolve(), version()
    source = stage_source(work)
    icons = render_icons(work)
    env = {
        **os.environ,
        "JIEBEI_BUILD_SOURCE": str(source),
        "JIEBEI_BUILD_ICONS": str(icons),
        "JIEBEI_BUILD_VERSION": release,
        # The staged copy comes before any editable install of the source tree, in PyInstaller's helpers too.
        "PYTHONPATH": os.pathsep.join([str(source), *filter(None, [os.environ.get("PYTHONPATH")])]),
    }
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "pyinstaller"),
            str(SPEC),
        ],
        check=True,
        env=env,
        cwd=work,
    )
    archive = pack(dist, system_tag(), release)
    folder = dist / NAME
    print(f"folder:  {folder}  {folder_size(folder) / 2**20:.1f} MiB")
    print(f"archive: {archive}  {archive.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as error:  # pip's or PyInstaller's own messages are above
        print(f"build.py: error: {' '.join(map(str, error.cmd[:4]))} … failed with exit status {error.returncode}",
              file=sys.stderr)
        sys.exit(1)
