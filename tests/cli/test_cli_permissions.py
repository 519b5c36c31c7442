"""Commands that change data or export personal data run as a logged-in user (issue 10): no
``--user``, a wrong password or a role without the right is refused, the database unchanged, and
the attempts count towards the lock-out like a desk's."""

from __future__ import annotations

import json

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.models import AuditEntry, Incident, Staff
from desktop.models.enums import Role
from desktop.services.stations import add_staff
from desktop.services.taxonomy import seed_categories
from tests.cli import CLI_PASSWORD, CLI_USER, as_user, enable_cli_login
from tests.factories import make_station


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(tmp_path):
    url = str(tmp_path / "desk.db")
    db = open_database(url)
    upgrade(db)
    with db.transaction() as s:
        seed_categories(s)
        station, _room, team, _duty = make_station(s)
        enable_cli_login(s)
        add_staff(s, station, number="V1", name="只读", roles={Role.VIEWER}, unit=team)
        enable_cli_login(s, "V1")
    db.dispose()
    path = tmp_path / "export.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["警情编号", "报警时间", "报警人", "联系电话", "发案地点", "警情类型", "简要警情"])
    wb.active.append(["A1", "2024-05-01 10:00", "甲", "13800000001", "东街1号", "噪音扰民", "吵"])
    wb.save(path)
    return url, str(path)


def _count(url, model, *where):
    db = open_database(url)
    try:
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(model).where(*where))
    finally:
        db.dispose()


def test_import_needs_a_user_with_the_right(capsys, desk, monkeypatch):
    url, path = desk
    code, out, _ = run(capsys, "import", "incidents", path, "--db", url, "--json")
    assert code == 2 and "--user" in json.loads(out)["error"]
    monkeypatch.setenv("STATION_DESK_PASSWORD", CLI_PASSWORD)
    code, out, _ = run(capsys, "import", "incidents", path, "--db", url, "--json", "--user", "V1")
    assert code == 2 and json.loads(out)["code"] == "permission"
    assert "导入数据" in json.loads(out)["error"]
    assert _count(url, Incident) == 0
    # A dry run reads only: no log-in needed.
    code, out, _ = run(capsys, "import", "incidents", path, "--db", url, "--json", "--dry-run")
    assert code == 0 and json.loads(out)["counts"]["imported"] == 1
    code, out, _ = run(capsys, "import", "incidents", path, "--db", url, "--json", *as_user(monkeypatch))
    assert code == 0 and json.loads(out)["counts"]["imported"] == 1
    with open_database(url).session() as s:
        creator = s.scalar(select(Incident.created_by_id))
        duty_id = s.scalar(select(Staff.id).where(Staff.number == CLI_USER))
    assert creator == duty_id  # the import is attributed to the user, not to nobody


def test_wrong_passwords_count_towards_the_lockout(capsys, desk, monkeypatch):
    url, _path = desk
    monkeypatch.setenv("STATION_DESK_PASSWORD", "not-the-password")
    for _ in range(5):
        code, out, _ = run(capsys, "repeats", "--from", "2024-05-01", "--to", "2024-05-01", "--refresh",
                           "--db", url, "--json", "--user", CLI_USER)
        assert code == 2
    assert "锁定" in json.loads(out)["error"]
    monkeypatch.setenv("STATION_DESK_PASSWORD", CLI_PASSWORD)
    code, out, _ = run(capsys, "repeats", "--from", "2024-05-01", "--to", "2024-05-01", "--refresh",
                       "--db", url, "--json", "--user", CLI_USER)
    assert code == 2 and "锁定" in json.loads(out)["error"]
    assert _count(url, AuditEntry, AuditEntry.action == "login_failed") == 6
    # Reading needs no user.
    code, _out, _ = run(capsys, "repeats", "--from", "2024-05-01", "--to", "2024-05-01", "--db", url, "--json")
    assert code == 0
