"""Start-up pieces of desktop/app.py: the error hook, the database error path, translators, style."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop import app


@pytest.fixture
def hook(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    log_file = app.setup_logging(tmp_path / "logs")
    yield app.install_excepthook(log_file)
    logger = logging.getLogger("desktop")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


@pytest.fixture
def shown_boxes(monkeypatch):
    shown = []

    def fake_exec(box):
        shown.append({"text": box.text(), "info": box.informativeText(), "details": box.detailedText()})
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def _raise_and_hook(hook, exc):
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001 - hand every kind to the hook
        hook(type(caught), caught, caught.__traceback__)


def test_excepthook_logs_trace_and_shows_friendly_dialog(qapp, hook, shown_boxes):
    assert sys.excepthook is hook
    _raise_and_hook(hook, ZeroDivisionError("boom in a slot"))
    assert len(shown_boxes) == 1
    box = shown_boxes[0]
    reference = box["details"].splitlines()[0]
    assert reference.startswith("E") and reference in box["info"]
    assert "ZeroDivisionError" in box["details"]
    text = hook.log_file.read_text(encoding="utf-8")
    assert reference in text and "ZeroDivisionError: boom in a slot" in text and "Traceback" in text


def test_excepthook_shows_expected_errors_as_their_message(qapp, hook, shown_boxes):
    from desktop.errors import ConflictError

    _raise_and_hook(hook, ConflictError("记录已被他人修改", hint="请刷新后重试"))
    assert shown_boxes[0]["text"] == "记录已被他人修改（请刷新后重试）"


def test_excepthook_survives_a_failing_dialog(qapp, hook, monkeypatch):
    def broken(*_args):
        raise RuntimeError("dialog broke")

    monkeypatch.setattr(hook, "show_dialog", broken)
    _raise_and_hook(hook, ValueError("first"))  # must not raise
    assert "ValueError: first" in hook.log_file.read_text(encoding="utf-8")


def test_unusable_database_shows_the_reason_and_exits_non_zero(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors = []
    monkeypatch.setattr(app, "show_error", lambda _parent, title, message: errors.append((title, message)))
    code = app.run(db_url=str(tmp_path / "missing-folder" / "x.db"), demo=False, lang="en")
    assert code == app.EXIT_ERROR
    assert len(errors) == 1
    assert "数据库所在的文件夹不存在" in errors[0][1]
    assert "missing-folder" in errors[0][1]


def test_a_newer_schema_is_refused_without_a_crash(qapp, tmp_path, monkeypatch):
    from sqlalchemy import text

    from desktop.db import open_database
    from desktop.db.migrate import upgrade

    path = tmp_path / "future.db"
    db = open_database(str(path))
    upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    db.dispose()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors = []
    monkeypatch.setattr(app, "show_error", lambda _parent, title, message: errors.append(message))
    assert app.run(db_url=str(path), demo=False, lang="en") == app.EXIT_ERROR
    assert "更新版本" in errors[0]


def test_english_needs_no_translator_and_chinese_loads_ours(qapp):
    assert app.install_translators(qapp, "en") == []
    installed = app.install_translators(qapp, "zh_CN")
    try:
        assert installed, "stationdesk_zh_CN.qm missing"
        assert any("stationdesk" in t.filePath() for t in installed)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_style_sheet_and_font_are_applied(qapp):
    application = app.create_application()
    assert application is qapp
    assert "QListWidget#navigation" in qapp.styleSheet()
    assert "WenQuanYi Micro Hei" in qapp.font().families()
    assert qapp.applicationName() == qapp.organizationName() == "StationDesk"


def test_demo_database_is_created_in_the_background_then_reused(qapp, tmp_path):
    from desktop.db import open_database
    from desktop.services.accounts import authenticate
    from desktop.services.bootstrap import is_empty
    from desktop.services.demo import DEMO_ACCOUNTS

    path = tmp_path / "demo.db"
    assert app.ensure_demo_database(str(path), years=1)
    db = open_database(str(path))
    try:
        assert not is_empty(db)
        number, name, _role, password = DEMO_ACCOUNTS[0]
        assert authenticate(db, number=number, password=password).name == name
    finally:
        db.dispose()
    assert app.ensure_demo_database(str(path), years=1)  # already filled: nothing to do


def test_cancelling_the_demo_creation_leaves_no_file(qapp, tmp_path, monkeypatch):
    from desktop.views import job_runner

    original_run = job_runner.JobRunner.run

    def run_then_cancel(self, func):
        self.progressed.connect(lambda *_: self.cancel())  # press Cancel at the first progress report
        return original_run(self, func)

    monkeypatch.setattr(job_runner.JobRunner, "run", run_then_cancel)
    path = tmp_path / "demo.db"
    assert app.ensure_demo_database(str(path), years=1) is False
    assert not path.exists()


def _settings_at(tmp_path, db_path):
    from PySide6.QtCore import QSettings

    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    qsettings.setValue("database/kind", "local")
    qsettings.setValue("database/path", str(db_path))
    return qsettings


def test_broken_database_from_settings_opens_the_settings_dialog(qapp, tmp_path, monkeypatch):
    from desktop.views.settings_dialog import SettingsDialog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.delenv("STATION_DESK_DB", raising=False)
    shown = []

    def fake_exec(dialog):
        shown.append(dialog.reason_label.text())
        return SettingsDialog.DialogCode.Rejected  # the user chose Quit

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    monkeypatch.setattr(app, "show_error", lambda *_a: pytest.fail("no plain error box for a settings database"))
    qsettings = _settings_at(tmp_path, tmp_path / "missing-folder" / "x.db")
    assert app.run(db_url=None, demo=False, lang="en", settings=qsettings) == app.EXIT_ERROR
    assert len(shown) == 1
    assert "数据库所在的文件夹不存在" in shown[0] and "missing-folder" in shown[0]


def test_fixing_the_database_in_the_dialog_retries(qapp, tmp_path, monkeypatch):
    from desktop.views.settings_dialog import SettingsDialog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    good = tmp_path / "good.db"
    reasons, opened = [], []

    def fake_exec(dialog):
        reasons.append(dialog.reason_label.text())
        dialog.form.path_edit.setText(str(good))
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    monkeypatch.setattr(app, "log_in", lambda db: opened.append(db.url.database))  # then "cancel" log-in
    qsettings = _settings_at(tmp_path, tmp_path / "missing-folder" / "x.db")
    assert app.run(db_url=None, demo=False, lang="en", settings=qsettings) == app.EXIT_OK
    assert len(reasons) == 1
    assert opened == [str(good)]
    qsettings.sync()
    assert qsettings.value("database/path") == str(good)
