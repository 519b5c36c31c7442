"""The settings store (QSettings + credential store) and the settings dialog."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QSettings

from desktop.views import settings_store as store_module
from desktop.views.settings_dialog import SettingsDialog
from desktop.views.settings_store import KEYRING_SERVICE, SettingsStore

SECRET = "s3cret-Pa55word"


class MemoryKeyring(KeyringBackend):
    """A credential store in a dict, so tests never touch the developer's real one."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def no_memory_passwords(monkeypatch):
    monkeypatch.setattr(SettingsStore, "_memory_passwords", {})


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


SERVER = {"database/kind": "server", "database/server_type": "postgresql", "database/host": "10.0.0.5",
          "database/port": 5432, "database/name": "ds", "database/user": "desk"}


def test_store_defaults_and_round_trip(tmp_path):
    path = tmp_path / "settings.ini"
    store = SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))
    assert store.snapshot().idle_lock_minutes == 15
    store.save({"duty/cutover_hour": 6, "security/idle_lock_minutes": 5, "station/name": "东山派出所"})
    again = SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))
    snapshot = again.snapshot()
    assert (snapshot.cutover_hour, snapshot.idle_lock_minutes, snapshot.station_name) == (6, 5, "东山派出所")
    assert again.qsettings.value("settings/version") in (1, "1")


def test_invalid_stored_value_falls_back_to_default(settings):
    settings.setValue("security/idle_lock_minutes", "999")
    assert SettingsStore(settings).value("security/idle_lock_minutes") == 15


def test_password_goes_to_the_credential_store_not_the_settings_file(tmp_path, memory_keyring):
    path = tmp_path / "settings.ini"
    store = SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))
    clean = store.save(SERVER)
    assert store.set_password(clean, SECRET) is True
    store.qsettings.sync()
    assert memory_keyring.passwords == {(KEYRING_SERVICE, "desk@10.0.0.5:5432/ds"): SECRET}
    text = path.read_text(encoding="utf-8")
    assert "10.0.0.5" in text
    assert SECRET not in text and "password" not in text.lower()
    assert store.db_url() == f"postgresql://desk:{SECRET}@10.0.0.5:5432/ds"


def test_without_a_credential_store_the_password_stays_in_memory(tmp_path, no_keyring):
    path = tmp_path / "settings.ini"
    store = SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))
    assert not store.keyring_available()
    clean = store.save(SERVER)
    assert store.set_password(clean, SECRET) is False
    assert store.password(clean) == SECRET
    store.qsettings.sync()
    assert SECRET not in path.read_text(encoding="utf-8")


def test_dialog_saves_server_settings_and_password(qtbot, tmp_path, memory_keyring):
    path = tmp_path / "settings.ini"
    store = SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.server_radio.setChecked(True)
    assert form.server_page.isVisibleTo(form) and not form.local_page.isVisibleTo(form)
    form.host_edit.setText("10.0.0.5")
    form.database_edit.setText("ds")
    form.user_edit.setText("desk")
    form.password_edit.setText(SECRET)
    form._fields["security/idle_lock_minutes"].setValue(20)
    dialog.ok_button.click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.settings_result.idle_lock_minutes == 20
    assert memory_keyring.passwords[(KEYRING_SERVICE, "desk@10.0.0.5:5432/ds")] == SECRET
    store.qsettings.sync()
    assert SECRET not in path.read_text(encoding="utf-8")
    # Opened again, the form shows the stored values and the password from the credential store.
    again = SettingsDialog(SettingsStore(QSettings(str(path), QSettings.Format.IniFormat)))
    qtbot.addWidget(again)
    assert again.form.server_radio.isChecked()
    assert again.form.password_edit.text() == SECRET


def test_dialog_shows_validation_next_to_the_field(qtbot, settings, memory_keyring):
    dialog = SettingsDialog(SettingsStore(settings))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.server_radio.setChecked(True)
    dialog.form.host_edit.setText("")
    dialog.ok_button.click()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    label = dialog.form._errors["database/host"]
    assert label.isVisible() and label.text() == "请填写服务器地址"


def test_dialog_says_when_the_credential_store_is_unavailable(qtbot, settings, no_keyring, zh_translator):
    dialog = SettingsDialog(SettingsStore(settings))
    qtbot.addWidget(dialog)
    assert "系统凭据库不可用，密码不会保存，每次启动需重新输入" in dialog.form.keyring_label.text()


def test_test_connection_good(qtbot, settings, station_db, zh_translator):
    dialog = SettingsDialog(SettingsStore(settings))
    qtbot.addWidget(dialog)
    dialog.form.path_edit.setText(station_db.url.database)
    assert dialog.form.test_connection() is True
    assert dialog.form.test_result_label.text() == "连接成功，数据库结构是最新的。"


def test_test_connection_to_an_unreachable_server_shows_the_error_inline(qtbot, settings, memory_keyring):
    dialog = SettingsDialog(SettingsStore(settings))
    qtbot.addWidget(dialog)
    form = dialog.form
    form.server_radio.setChecked(True)
    form.host_edit.setText("127.0.0.1")
    form.port_spin.setValue(1)
    form.database_edit.setText("x")
    form.user_edit.setText("postgres")
    assert form.db_url() == "postgresql://postgres@127.0.0.1:1/x"
    form.test_button.click()
    qtbot.waitUntil(lambda: form.test_button.isEnabled() and form.test_result_label.text() != "")
    text = form.test_result_label.text()
    assert text and any("\u4e00" <= ch <= "\u9fff" for ch in text), text
    assert "Traceback" not in text


def test_start_up_reason_is_shown_at_the_top(qtbot, settings):
    dialog = SettingsDialog(SettingsStore(settings), reason="数据库所在的文件夹不存在：/nowhere")
    qtbot.addWidget(dialog)
    assert not dialog.reason_label.isHidden()
    assert "数据库所在的文件夹不存在" in dialog.reason_label.text()
    assert store_module.KEYRING_SERVICE == "StationDesk"


def test_test_connection_to_a_new_file_says_it_will_be_created(qtbot, settings, tmp_path):
    dialog = SettingsDialog(SettingsStore(settings))
    qtbot.addWidget(dialog)
    dialog.form.path_edit.setText(str(tmp_path / "new.db"))
    assert dialog.form.test_connection() is True
    assert "will be created" in dialog.form.test_result_label.text()
    assert not (tmp_path / "new.db").exists()  # testing does not create the file
