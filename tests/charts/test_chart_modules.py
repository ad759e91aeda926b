"""Every chart module runs on its own with demo data (``python -m jiebei_tracker.charts.NAME --png FILE``), as the
pyqtgraph examples do; the picture it writes is checked."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

MODULES = ["borrowing", "on_time", "balance", "limits", "health", "platforms"]
OPTIONS = ["--width", "960", "--height", "540", "--today", "2026-11-28", "--years", "2", "--loans", "60"]


@pytest.fixture(scope="module")
def pictures(tmp_path_factory):
    """Run all six modules at once (each is a separate interpreter) and collect what they did."""
    folder = tmp_path_factory.mktemp("modules")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    running = {
        name: subprocess.Popen(
            [sys.executable, "-m", f"jiebei_tracker.charts.{name}", "--png", str(folder / f"{name}.png"), *OPTIONS],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in MODULES
    }
    results = {}
    for name, process in running.items():
        _out, errors = process.communicate(timeout=300)
        results[name] = (process.returncode, errors, folder / f"{name}.png")
    return results


@pytest.mark.parametrize("name", MODULES)
def test_a_chart_module_runs_alone_and_writes_its_picture(pictures, name):
    code, errors, path = pictures[name]
    assert code == 0, errors
    assert "Traceback" not in errors
    assert path.stat().st_size > 10_000
    image = QImage(str(path))
    assert (image.width(), image.height()) == (960, 540)
    colours = {image.pixel(x, y) for x in range(0, 960, 9) for y in range(0, 540, 9)}
    assert len(colours) > 30


def test_the_empty_option_shows_the_empty_state(tmp_path):
    target = tmp_path / "empty.png"
    result = subprocess.run(
        [sys.executable, "-m", "jiebei_tracker.charts.platforms", "--empty", "--png", str(target)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(target)).width() == 1200
