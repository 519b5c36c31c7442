"""The settings registry: declared once, defaults, validation, the database URL. No Qt."""

from __future__ import annotations

import dataclasses

import pytest

from desktop import settings
from desktop.errors import ValidationError


def test_every_option_is_a_settings_field_with_its_default():
    names = [f.name for f in dataclasses.fields(settings.Settings)]
    assert names == [o.name for o in settings.OPTIONS]
    snapshot = settings.Settings.from_values({})
    for opt in settings.OPTIONS:
        assert getattr(snapshot, opt.name) == opt.default
        assert isinstance(opt.default, opt.type)
        assert opt.label  # a Chinese label for messages
        if opt.minimum is not None:
            assert opt.minimum <= opt.default <= opt.maximum


def test_documented_defaults():
    s = settings.Settings.from_values({})
    assert s.cutover_hour == 8
    assert s.idle_lock_minutes == 15
    assert s.deadline_hours() == {"urgent": 2, "high": 24, "normal": 72, "long_term": 720}
    assert (s.same_caller_count, s.same_caller_hours) == (2, 24)
    assert (s.same_place_count, s.same_place_hours) == (3, 72)
    assert (s.same_event_callers, s.same_event_minutes) == (2, 30)
    assert "password" not in " ".join(o.key for o in settings.OPTIONS)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("duty/cutover_hour", "0", 0),
        ("duty/cutover_hour", 23, 23),
        ("security/idle_lock_minutes", "30", 30),
        ("database/kind", " server ", "server"),
        ("station/name", "  东山派出所 ", "东山派出所"),
    ],
)
def test_validate_converts(key, value, expected):
    assert settings.validate(key, value) == expected


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("duty/cutover_hour", 24, "值班日交接时间应在 0–23时 之间"),
        ("security/idle_lock_minutes", 31, "无操作锁屏时间应在 1–30分钟 之间"),
        ("security/idle_lock_minutes", 0, "无操作锁屏时间应在 1–30分钟 之间"),
        ("security/idle_lock_minutes", "abc", "无操作锁屏时间必须是整数"),
        ("database/server_type", "oracle", "服务器类型无效：oracle"),
        ("repeat/same_place_count", 1, "同一地点：次数应在 2–50次 之间"),
    ],
)
def test_validate_refuses_with_chinese_message(key, value, message):
    with pytest.raises(ValidationError) as info:
        settings.validate(key, value)
    assert info.value.fields == {key: message}


def test_validate_all_checks_server_fields():
    with pytest.raises(ValidationError) as info:
        settings.validate_all({"database/kind": "server", "database/host": "", "duty/cutover_hour": 99})
    assert info.value.fields["database/host"] == "请填写服务器地址"
    assert "duty/cutover_hour" in info.value.fields
    clean = settings.validate_all({"database/kind": "server", "database/host": "db1", "database/port": "5433"})
    assert clean["database/port"] == 5433


def test_unknown_key_is_a_programming_error():
    with pytest.raises(KeyError):
        settings.validate("no/such", 1)


def test_build_db_url(tmp_path, monkeypatch):
    values = {"database/kind": "server", "database/server_type": "postgresql", "database/host": "10.0.0.5",
              "database/port": 5432, "database/name": "ds", "database/user": "desk"}
    assert settings.build_db_url(values, "p@ss") == "postgresql://desk:p%40ss@10.0.0.5:5432/ds"
    assert settings.build_db_url(values) == "postgresql://desk@10.0.0.5:5432/ds"
    assert settings.credential_username(values) == "desk@10.0.0.5:5432/ds"
    local = {"database/kind": "local", "database/path": str(tmp_path / "a.db")}
    assert settings.build_db_url(local, "ignored") == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("STATION_DESK_DB", "sqlite:////fallback.db")
    assert settings.build_db_url({"database/kind": "local", "database/path": ""}) == "sqlite:////fallback.db"


def test_registry_has_no_qt():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(settings.__file__).read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m and m.startswith(("PySide6", "desktop.views")) for m in modules)
