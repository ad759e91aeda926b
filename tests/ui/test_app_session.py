"""The application: the user's own data opened with its language, and the sample data in its own file beside it,
shown with a clear banner and left again with one click."""

from __future__ import annotations

from jiebei_tracker.app import AppSession
from jiebei_tracker.services.settings import GeneralSettings
from jiebei_tracker.services.workspace import is_sample_file, open_workspace, sample_path_for
from tests.conftest import TODAY
from tests.scenarios import draft


def test_the_sample_data_lives_in_its_own_file_and_the_way_back_is_one_click(
    qtbot, tmp_path, translations, window_state, screenshot
):
    db_path = tmp_path / "tracker.db"
    own = open_workspace(db_path, today=lambda: TODAY)
    own.ledger.add_loan(draft("借呗", external_id="MINE-1"))
    own.close()
    session = AppSession(db_path=db_path, translations=translations, state=window_state, today=lambda: TODAY)
    try:
        first = session.window
        qtbot.addWidget(first)
        first.show()
        assert not first.is_sample and first.banner is None

        sample_window = session.open_sample()
        qtbot.addWidget(sample_window)
        sample_path = sample_path_for(db_path)
        assert sample_path == tmp_path / "tracker-sample.db" and sample_path.exists()
        assert session.workspace.database.path == sample_path
        assert sample_window.is_sample and sample_window.banner.isVisible()
        assert session.workspace.loan_count() == 9 and is_sample_file(sample_path)
        assert [loan.external_id for loan in session.own.loans()] == ["MINE-1"]  # the user's file is untouched
        assert not first.isVisible()
        screenshot(sample_window, "window-sample-en")

        back = session.open_own()
        qtbot.addWidget(back)
        assert not back.is_sample and back.isVisible()
        assert session.workspace is session.own and session.sample is None
        assert [loan.external_id for loan in back.workspace.loans()] == ["MINE-1"]
    finally:
        session.window.wait_for_workers()
        session.close()


def test_a_file_of_the_user_s_at_the_sample_s_name_is_left_alone(qtbot, tmp_path, translations):
    theirs = open_workspace(tmp_path / "tracker-sample.db", today=lambda: TODAY)
    theirs.ledger.add_loan(draft("微粒贷", external_id="THEIRS-1"))
    theirs.close()
    before = (tmp_path / "tracker-sample.db").read_bytes()
    session = AppSession(db_path=tmp_path / "tracker.db", translations=translations, today=lambda: TODAY)
    try:
        qtbot.addWidget(session.window)
        sample = session.open_sample()
        qtbot.addWidget(sample)
        assert session.workspace.database.path == tmp_path / "tracker-sample-2.db"
        assert session.workspace.loan_count() == 9
        assert sample.data_label.text() == f"Sample data: {tmp_path / 'tracker-sample-2.db'}"
        session.open_own()
        sample = session.open_sample()  # a second look refreshes the app's own sample, still beside theirs
        qtbot.addWidget(sample)
        assert session.workspace.database.path == tmp_path / "tracker-sample-2.db"
    finally:
        session.window.wait_for_workers()
        session.close()
    assert (tmp_path / "tracker-sample.db").read_bytes() == before


def test_the_language_chosen_in_the_sample_is_kept_for_the_user_s_own_data(qtbot, tmp_path, translations):
    session = AppSession(db_path=tmp_path / "tracker.db", translations=translations, today=lambda: TODAY)
    try:
        qtbot.addWidget(session.window)
        sample = session.open_sample()
        qtbot.addWidget(sample)
        sample.save_settings(GeneralSettings(language="zh_CN"), sample.workspace.thresholds())
        assert session.own.general_settings().language == "zh_CN"
        assert translations.language == "zh_CN"
    finally:
        session.window.wait_for_workers()
        session.close()


def test_the_session_opens_in_the_language_of_the_settings(qtbot, tmp_path, translations):
    own = open_workspace(tmp_path / "tracker.db", today=lambda: TODAY)
    own.save_general_settings(GeneralSettings(language="zh_CN"))
    own.close()
    session = AppSession(db_path=tmp_path / "tracker.db", translations=translations, today=lambda: TODAY)
    try:
        qtbot.addWidget(session.window)
        assert translations.language == "zh_CN"
        assert session.window.windowTitle() == "借呗信用健康助手"
    finally:
        session.window.wait_for_workers()
        session.close()
