"""The command line: commands over the services, JSON output, one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import text

from desktop.cli import main
from desktop.db import open_database
from desktop.db.migrate import head_revision
from tests.factories import make_incident, make_station


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    out = capsys.readouterr().out
    assert info.value.code == 0
    for command in ("db", "demo", "audit"):
        assert command in out


def test_db_upgrade_then_info_as_json(capsys, empty_url):
    code, out, _ = run(capsys, "db", "upgrade", "--db", empty_url, "--json")
    assert code == 0 and json.loads(out)["to"] == head_revision()
    db = open_database(empty_url)
    with db.transaction() as s:
        station, *_ = make_station(s)
        for i in range(4):
            make_incident(s, station, f"JQ{i}")
    db.dispose()
    code, out, _ = run(capsys, "db", "info", "--db", empty_url, "--json")
    info = json.loads(out)
    assert code == 0
    assert info["schema"] == {"state": "current", "current": head_revision(), "head": head_revision()}
    assert info["counts"]["incidents"] == 4 and info["counts"]["stations"] == 1
    assert info["backend"] in ("sqlite", "postgresql", "mariadb")


def test_db_info_human_output(capsys, tmp_path):
    url = str(tmp_path / "h.db")
    run(capsys, "db", "upgrade", "--db", url)
    code, out, _ = run(capsys, "db", "info", "--db", url)
    assert code == 0 and "结构版本" in out and "incidents" in out


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["db", "info", "--db", "postgresql://postgres@127.0.0.1:1/none"], "无法连接数据库服务器"),
        (["db", "info", "--db", "mysql+pymysql://root@127.0.0.1:3306/no_such_db_here"], "没有这个数据库"),
        (["db", "info", "--db", "oracle://x@y/z"], "不支持的数据库类型"),
        (["db", "backup", "out.db", "--db", "postgresql://postgres@127.0.0.1:1/none"], "无法连接"),
    ],
)
def test_errors_are_one_line_without_traceback(capsys, args, fragment):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert fragment in err
    assert "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1


def test_missing_local_file_for_info_is_an_error_not_a_new_file(capsys, tmp_path):
    code, _, err = run(capsys, "db", "info", "--db", str(tmp_path / "absent.db"))
    assert code == 2 and "不存在" in err
    assert not (tmp_path / "absent.db").exists()


def test_newer_database_is_refused_by_commands(capsys, tmp_path):
    url = str(tmp_path / "n.db")
    run(capsys, "db", "upgrade", "--db", url)
    db = open_database(url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    db.dispose()
    code, _, err = run(capsys, "db", "upgrade", "--db", url)
    assert code == 2 and "更新版本" in err
    code, _, err = run(capsys, "audit", "verify", "--db", url)
    assert code == 2


def test_backup_restore_and_audit_verify(capsys, tmp_path):
    url = str(tmp_path / "b.db")
    run(capsys, "db", "upgrade", "--db", url)
    db = open_database(url)
    with db.transaction() as s:
        make_station(s)
    db.dispose()
    code, out, _ = run(capsys, "db", "backup", str(tmp_path / "copy.db"), "--db", url, "--json")
    assert code == 0 and json.loads(out)["bytes"] > 0
    code, out, _ = run(capsys, "audit", "verify", "--db", url, "--json")
    chains = json.loads(out)["chains"]
    assert code == 0 and chains and all(c["ok"] for c in chains)
    code, out, _ = run(capsys, "db", "restore", str(tmp_path / "copy.db"), "--db", url, "--json")
    assert code == 0 and json.loads(out)["previous_copy"]


def test_tampered_audit_log_fails_verification(capsys, tmp_path):
    url = str(tmp_path / "t.db")
    run(capsys, "db", "upgrade", "--db", url)
    db = open_database(url)
    with db.transaction() as s:
        make_station(s)
    with db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER trg_audit_entries_no_update"))
        conn.execute(text("UPDATE audit_entries SET staff_id = 1 WHERE seq = 1"))
    db.dispose()
    code, _, err = run(capsys, "audit", "verify", "--db", url)
    assert code == 2 and "审计日志校验失败" in err


def test_read_only_database_gives_a_clear_message(capsys, tmp_path):
    path = tmp_path / "ro.db"
    run(capsys, "db", "upgrade", "--db", str(path))
    ro_url = f"sqlite:///file:{path}?mode=ro&uri=true"
    code, _, _err = run(capsys, "db", "upgrade", "--db", ro_url)
    # already current: nothing to write, so it succeeds; a write must fail clearly
    assert code == 0
    db = open_database(ro_url)
    from desktop.errors import DatabaseError

    with pytest.raises(DatabaseError) as info, db.transaction() as s:
        make_station(s)
    assert "只读" in info.value.message
    db.dispose()


def test_module_entry_point_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and "StationDesk" in result.stdout
