"""``station-desk --self-check`` (issue 11): passes on a good install, names what is missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from desktop import self_check
from desktop.db import open_database
from desktop.db.migrate import head_revision, schema_status, upgrade
from desktop.resources import ENV_RESOURCES_DIR

ALL_CHECKS = ["resources", "migrations", "database", "fonts", "translations", "qt", "pdf", "xlsx"]


def _by_name(results):
    return {r.name: r for r in results}


def test_every_check_passes_on_the_source_install(qapp):
    # qapp: the Qt check reuses the test session's QApplication instead of making its own.
    results = self_check.run_checks()
    assert [r.name for r in results] == ALL_CHECKS
    assert [(r.name, r.detail) for r in results if not r.ok] == []
    checks = _by_name(results)
    assert head_revision() in checks["migrations"].detail
    assert "创建管理员账号" in checks["translations"].detail
    assert "已嵌入中文字体" in checks["pdf"].detail


def test_a_missing_resources_folder_fails_with_clear_lines(qapp, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv(ENV_RESOURCES_DIR, str(empty))
    checks = _by_name(self_check.run_checks())

    failed = sorted(name for name, r in checks.items() if not r.ok)
    assert failed == ["qt", "resources", "translations"]
    resources = self_check.format_line(checks["resources"])
    assert resources.startswith("✗ 数据文件：缺少 ")
    for what in ("界面样式表", "程序图标", "界面翻译", str(empty)):
        assert what in resources
    assert "迁移" not in resources  # the migrations are still where they belong
    assert checks["translations"].detail == f"无法加载中文界面翻译：{empty / 'translations' / 'stationdesk_zh_CN.qm'}"
    assert "station-desk.png" in checks["qt"].detail


def test_a_database_at_head_passes_and_is_left_unchanged(qapp, tmp_path):
    path = tmp_path / "station.db"
    db = open_database(str(path))
    upgrade(db)
    db.dispose()
    before = path.read_bytes()
    checks = _by_name(self_check.run_checks(str(path)))
    assert checks["database"].ok, checks["database"].detail
    assert "未做修改" in checks["database"].detail
    assert path.read_bytes() == before


def test_a_database_behind_fails_and_is_not_upgraded(qapp, tmp_path):
    path = tmp_path / "old.db"
    db = open_database(str(path))
    upgrade(db, "0003")
    db.dispose()
    database = _by_name(self_check.run_checks(str(path)))["database"]
    assert not database.ok
    assert "0003" in database.detail and head_revision() in database.detail and "未做任何修改" in database.detail
    db = open_database(str(path), create=False)
    try:
        assert schema_status(db).current == "0003"
    finally:
        db.dispose()
    assert not list(tmp_path.glob("backups/*"))  # no upgrade, so no backup either


def test_a_missing_database_file_fails_without_creating_it(qapp, tmp_path):
    path = tmp_path / "nowhere.db"
    database = _by_name(self_check.run_checks(str(path)))["database"]
    assert not database.ok
    assert not path.exists()


def _cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "desktop", "--self-check", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def test_cli_self_check_prints_one_line_per_check_and_exits_zero():
    result = _cli()
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(ALL_CHECKS) + 1
    assert all(line.startswith("✓ ") for line in lines[:-1])
    assert "自检通过" in lines[-1]


def test_cli_self_check_json_and_failure_exit_code(tmp_path):
    result = _cli("--json", env_extra={ENV_RESOURCES_DIR: str(tmp_path)})
    assert result.returncode == 2, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert {c["name"] for c in report["checks"] if not c["ok"]} == {"resources", "translations", "qt"}


@pytest.mark.parametrize("argv", [["--self-check", "--db", "x.db", "--json"]])
def test_the_parser_accepts_the_self_check_options(argv):
    from desktop.cli import build_parser

    args = build_parser().parse_args(argv)
    assert args.self_check and args.json and args.db == "x.db" and args.command is None
