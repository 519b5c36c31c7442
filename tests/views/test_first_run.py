"""First run (issue 11): on a desk with no database the app offers a new station, the station's
server or the demo, and says where data and backups live."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop import app
from desktop.db import open_database
from desktop.services import accounts
from desktop.views.first_admin_dialog import FirstAdminDialog
from desktop.views.first_run_dialog import FirstRunDialog
from desktop.views.settings_store import SettingsStore


@pytest.fixture
def fresh_desk(tmp_path, monkeypatch, qapp):
    """An empty data folder, no STATION_DESK_DB, empty settings: ``(data folder, QSettings)``."""
    data = tmp_path / "data"
    monkeypatch.setenv("STATION_DESK_DATA_DIR", str(data))
    monkeypatch.delenv("STATION_DESK_DB", raising=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its hook
    yield data, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    logger = logging.getLogger("desktop")
    for handler in list(logger.handlers):  # run() logs into the data folder
        logger.removeHandler(handler)
        handler.close()


@pytest.fixture
def choices(monkeypatch):
    """Answer the first-run dialog with the queued choices (None = Quit); records what it showed."""
    queue: list[str | None] = []
    shown: list[str] = []

    def fake_exec(dialog):
        shown.append(dialog.paths_label.text())
        choice = queue.pop(0)
        button = {FirstRunDialog.NEW_STATION: dialog.new_button, FirstRunDialog.CONNECT_SERVER: dialog.server_button,
                  FirstRunDialog.OPEN_DEMO: dialog.demo_button, None: dialog.quit_button}[choice]
        button.click()
        return dialog.result()

    monkeypatch.setattr(FirstRunDialog, "exec", fake_exec)
    return queue, shown


def _dialog(qtbot, tmp_path) -> FirstRunDialog:
    dialog = FirstRunDialog(database_file=tmp_path / "station.db", backups_folder=tmp_path / "backups",
                            logs_folder=tmp_path / "logs")
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize(("button", "choice"), [("new_button", "new"), ("server_button", "server"),
                                               ("demo_button", "demo")])
def test_each_button_accepts_with_its_choice(qtbot, tmp_path, button, choice):
    dialog = _dialog(qtbot, tmp_path)
    getattr(dialog, button).click()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.choice == choice


def test_quit_rejects_without_a_choice(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    dialog.quit_button.click()
    assert dialog.result() == FirstRunDialog.DialogCode.Rejected
    assert dialog.choice is None


def test_the_dialog_shows_where_data_backups_and_logs_live(qtbot, tmp_path):
    text = _dialog(qtbot, tmp_path).paths_label.text()
    for path in (tmp_path / "station.db", tmp_path / "backups", tmp_path / "logs"):
        assert str(path) in text


def test_first_run_only_on_a_fresh_desk(fresh_desk, tmp_path, monkeypatch):
    data, qsettings = fresh_desk
    store = SettingsStore(qsettings)
    assert app.needs_first_run(store)

    (data / "station.db").write_bytes(b"")  # the local file exists: not a first run
    assert not app.needs_first_run(store)
    (data / "station.db").unlink()

    monkeypatch.setenv("STATION_DESK_DB", str(tmp_path / "elsewhere.db"))
    assert not app.needs_first_run(store)
    monkeypatch.delenv("STATION_DESK_DB")

    qsettings.setValue("database/kind", "server")
    assert not app.needs_first_run(store)


def test_new_station_creates_the_local_database_and_asks_for_the_first_admin(fresh_desk, choices, monkeypatch):
    data, qsettings = fresh_desk
    queue, shown = choices
    queue.append(FirstRunDialog.NEW_STATION)
    seen = []

    def fill_and_create(dialog):
        seen.append(type(dialog))
        dialog.station_code_edit.setText("DS")
        dialog.station_name_edit.setText("东山派出所")
        dialog.number_edit.setText("1001")
        dialog.name_edit.setText("张伟")
        dialog.password_edit.setText("correct-horse")
        dialog.repeat_edit.setText("correct-horse")
        dialog._create()
        assert dialog.login_result is not None
        return FirstAdminDialog.DialogCode.Rejected  # then closed: the test stops before the main window

    monkeypatch.setattr(FirstAdminDialog, "exec", fill_and_create)
    assert app.run(db_url=None, demo=False, lang="en", settings=qsettings) == app.EXIT_OK

    assert seen == [FirstAdminDialog]
    assert str(data / "station.db") in shown[0] and str(data / "backups") in shown[0]
    db = open_database(str(data / "station.db"), create=False)
    try:
        assert [s.code for s in accounts.list_stations(db)] == ["DS"]
        assert not accounts.needs_first_admin(db)
    finally:
        db.dispose()
    # The file now exists: the next start goes straight to the log-in.
    assert not app.needs_first_run(SettingsStore(qsettings))


def test_connect_to_server_opens_the_database_settings_and_uses_them(fresh_desk, choices, tmp_path, monkeypatch):
    from desktop.views.settings_dialog import SettingsDialog

    _data, qsettings = fresh_desk
    queue, shown = choices
    queue += [FirstRunDialog.CONNECT_SERVER, FirstRunDialog.CONNECT_SERVER]
    chosen = tmp_path / "chosen.db"
    reasons, opened = [], []

    def settings_exec(dialog):
        reasons.append(dialog.reason_label.isHidden())
        if len(reasons) == 1:
            return SettingsDialog.DialogCode.Rejected  # cancelled: back to the three choices
        dialog.form.path_edit.setText(str(chosen))
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", settings_exec)
    monkeypatch.setattr(app, "log_in", lambda db: opened.append(db.url.database))  # then "cancel" the log-in
    assert app.run(db_url=None, demo=False, lang="en", settings=qsettings) == app.EXIT_OK

    assert len(shown) == 2  # the first-run dialog came back after the cancelled settings
    assert reasons == [True, True]  # plain settings, no "cannot open" reason on a first run
    assert opened == [str(chosen)]
    assert qsettings.value("database/path") == str(chosen)


def test_open_demo_creates_the_demo_database(fresh_desk, choices, monkeypatch):
    from desktop.db.urls import demo_url

    data, qsettings = fresh_desk
    choices[0].append(FirstRunDialog.OPEN_DEMO)
    asked = []
    # The real demo takes a while to generate (tests/views/test_app.py covers it); cancel it here.
    monkeypatch.setattr(app, "ensure_demo_database", lambda url, **_kw: asked.append(url) or False)
    assert app.run(db_url=None, demo=False, lang="en", settings=qsettings) == app.EXIT_OK
    assert asked == [demo_url()]
    assert Path(demo_url().removeprefix("sqlite:///")).parent == data
    assert not (data / "station.db").exists()


def test_quitting_the_first_run_dialog_exits_and_creates_nothing(fresh_desk, choices):
    data, qsettings = fresh_desk
    choices[0].append(None)
    assert app.run(db_url=None, demo=False, lang="en", settings=qsettings) == app.EXIT_OK
    assert not (data / "station.db").exists()


def test_an_explicit_database_skips_the_first_run(fresh_desk, choices, tmp_path, monkeypatch):
    _data, qsettings = fresh_desk
    opened = []
    monkeypatch.setattr(app, "log_in", lambda db: opened.append(db.url.database))
    assert app.run(db_url=str(tmp_path / "given.db"), demo=False, lang="en", settings=qsettings) == app.EXIT_OK
    assert opened == [str(tmp_path / "given.db")]
    assert choices[1] == []
