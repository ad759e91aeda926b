"""Saving a chart as PNG from the window: a file name already taken is replaced only once the user said yes, and a
folder that does not exist is a message, not a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from jiebei_tracker.charts import base
from jiebei_tracker.charts.export import PngExportDialog
from jiebei_tracker.charts.platforms import PlatformsChart


def _chart(qtbot, data) -> PlatformsChart:
    chart = PlatformsChart()
    qtbot.addWidget(chart)
    chart.set_series(data.series(chart.kind))
    return chart


def _save(dialog: PngExportDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def test_a_typed_file_name_already_taken_is_replaced_only_when_the_user_says_yes(qtbot, tmp_path, monkeypatch):
    taken = tmp_path / "chart.png"
    taken.write_bytes(b"mine")
    dialog = PngExportDialog(suggested_path=tmp_path / "new.png")
    qtbot.addWidget(dialog)
    asked = []
    answers = iter([False, True])
    monkeypatch.setattr(dialog, "replace_file", lambda path: asked.append(path) or next(answers))
    dialog.path_edit.setText(str(taken))
    _save(dialog)
    assert asked == [taken] and dialog.result() != PngExportDialog.DialogCode.Accepted  # "No": the dialog stays
    _save(dialog)
    assert dialog.result() == PngExportDialog.DialogCode.Accepted
    fresh = PngExportDialog(suggested_path=tmp_path / "new.png")
    qtbot.addWidget(fresh)
    monkeypatch.setattr(fresh, "replace_file", lambda path: asked.append(path))
    _save(fresh)  # a new name: nothing to ask
    assert fresh.result() == PngExportDialog.DialogCode.Accepted and len(asked) == 2


def test_saving_into_a_missing_folder_is_a_message(qtbot, empty_data, tmp_path, monkeypatch):
    chart = _chart(qtbot, empty_data)
    missing = tmp_path / "nonexistent" / "chart.png"
    monkeypatch.setattr(PngExportDialog, "ask", classmethod(lambda cls, parent, suggested_path: (missing, 400, 300)))
    said = []
    monkeypatch.setattr(base, "message_box", lambda parent, icon, title, text, *rest: said.append((icon, text)))
    assert chart.save_png() is None
    assert said == [(QMessageBox.Icon.Warning, f"{missing.parent}: does not exist; choose a folder that exists")]
    assert not missing.parent.exists()


def test_the_window_replaces_a_file_the_dialog_asked_about(qtbot, empty_data, tmp_path, monkeypatch):
    chart = _chart(qtbot, empty_data)
    taken = tmp_path / "chart.png"
    taken.write_bytes(b"mine")
    monkeypatch.setattr(PngExportDialog, "ask", classmethod(lambda cls, parent, suggested_path: (taken, 400, 300)))
    assert chart.save_png() == taken
    assert taken.read_bytes().startswith(b"\x89PNG")
