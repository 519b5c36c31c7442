"""The 数据备份 panel: lists the backups, backs up now, restores after a confirmation (then asks for
a restart), and is greyed with an explanation on a server database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from desktop.db.backup import list_backups, scheduled_backup
from desktop.models import Incident
from desktop.views.backup_panel import BackupPanel
from desktop.views.settings_store import SettingsStore


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    def unexpected(*args, **_kw):
        pytest.fail(f"unexpected message box: {args[1:]}")

    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def store(settings, tmp_path):
    store = SettingsStore(settings)
    store.save({**store.values(), "backup/folder": str(tmp_path / "bk"), "backup/keep": 5})
    return store


def _numbers(db):
    with db.session() as s:
        return list(s.scalars(select(Incident.number).order_by(Incident.number)))


def test_lists_backs_up_and_restores(qtbot, station, settings, store, tmp_path, monkeypatch):
    db, login = station
    old = scheduled_backup(db, tmp_path / "bk", keep=5, now=datetime.now() - timedelta(days=3))
    panel = BackupPanel(db, login, settings=settings, store=store)
    qtbot.addWidget(panel)
    assert str(tmp_path / "bk") in panel.folder_label.text() and "5" in panel.explanation.text()
    assert panel.table.rowCount() == 1 and not panel.restore_button.isEnabled()
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        s.add(Incident(number="JQ-AFTER", reported_at=datetime(2025, 6, 1, 9, 0)))
    made = panel.backup_now()
    assert made is not None and made.is_file() and panel.table.rowCount() == 2
    infos = panel.verify_all()
    assert [i.verified for i in infos] == [True, True]
    assert panel.table.item(0, 3).text() == "✓ Intact"

    panel.table.selectRow(1)  # the older one, without JQ-AFTER
    assert panel.selected_backup().path == old and panel.restore_button.isEnabled()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    assert not panel.restore_selected() and len(asked) == 1
    assert _numbers(db) == ["JQ-AFTER"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.restored):
        assert panel.restore_selected()
    assert _numbers(db) == []
    assert panel.restart_needed and "restart" in panel.status.text()
    assert not panel.backup_button.isEnabled() and not panel.restore_button.isEnabled()
    # The database as it was before the restore was kept aside (never pruned).
    kept = list_backups(db.sqlite_path.parent / "backups")
    assert [i.path.name.endswith("-before-upgrade.db") for i in kept] == [True]


def test_server_database_is_greyed_with_an_explanation(qtbot, admin_login, settings):
    login = admin_login

    class ServerDb:  # what the panel reads of a server Database
        is_sqlite = False
        sqlite_path = None

    panel = BackupPanel(ServerDb(), login, settings=settings, store=None)
    qtbot.addWidget(panel)
    assert "pg_dump" in panel.explanation.text()
    assert not any(w.isEnabled() for w in (panel.table, panel.backup_button, panel.restore_button,
                                            panel.verify_button))
