"""Fixtures for the Qt tests: offscreen platform, a migrated SQLite database with an administrator,
settings in a temporary ini file, and the Chinese translator on demand."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings

from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.services import accounts

ADMIN_NUMBER = "1001"
ADMIN_PASSWORD = "correct-horse"


@pytest.fixture
def station(tmp_path):
    """A migrated SQLite file holding one station and its administrator (number 1001):
    ``(db, login_result)``."""
    db = open_database(str(tmp_path / "station.db"))
    upgrade(db)
    login = accounts.create_first_admin(
        db, station_code="DS", station_name="东山派出所", number=ADMIN_NUMBER, name="张伟", password=ADMIN_PASSWORD
    )
    yield db, login
    db.dispose()


@pytest.fixture
def station_db(station):
    return station[0]


@pytest.fixture
def admin_login(station) -> accounts.LoginResult:
    return station[1]


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """Settings in an ini file under tmp_path, never the developer's real ones."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def zh_translator(qapp):
    """The shipped Simplified Chinese translation, installed for one test."""
    from desktop.app import install_translators

    translators = install_translators(qapp, "zh_CN")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
