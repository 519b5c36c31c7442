"""Every user setting, declared once with its key, type, default, bounds and Chinese label. No Qt.

The views store these through QSettings (``desktop/views/settings_store.py``); services never read
settings themselves, they receive the plain :class:`Settings` snapshot or single values from it
(STYLE.md: "each setting declared once, with type and default").

The database password is deliberately not a setting: it lives in the operating system's credential
store (DESIGN.md §6), keyed by :func:`credential_username`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from desktop.errors import ValidationError

SCHEMA_VERSION = 1  # bump with an upgrade step in settings_store when a key changes meaning

DB_LOCAL, DB_SERVER = "local", "server"
SERVER_TYPES = ("postgresql", "mysql")
DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306}
LANGUAGES = ("zh_CN", "en")


@dataclasses.dataclass(frozen=True)
class Option:
    """One setting. ``key`` is the QSettings key; ``name`` the :class:`Settings` field."""

    key: str
    name: str
    type: type
    default: Any
    label: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] | None = None
    unit: str = ""


OPTIONS: tuple[Option, ...] = (
    # Database: where the data lives. A local SQLite file, or a server (never the password).
    Option("database/kind", "db_kind", str, DB_LOCAL, "数据库位置", choices=(DB_LOCAL, DB_SERVER)),
    Option("database/path", "db_path", str, "", "数据库文件"),
    Option("database/server_type", "db_server_type", str, "postgresql", "服务器类型", choices=SERVER_TYPES),
    Option("database/host", "db_host", str, "", "服务器地址"),
    Option("database/port", "db_port", int, 5432, "端口", 1, 65535),
    Option("database/name", "db_name", str, "stationdesk", "数据库名"),
    Option("database/user", "db_user", str, "stationdesk", "用户名"),
    # Station shown on this desk.
    Option("station/code", "station_code", str, "", "派出所代码"),
    Option("station/name", "station_name", str, "", "派出所名称"),
    Option("ui/language", "language", str, "zh_CN", "界面语言", choices=LANGUAGES),
    # Duty day and security.
    Option("duty/cutover_hour", "cutover_hour", int, 8, "值班日交接时间", 0, 23, unit="时"),
    Option("security/idle_lock_minutes", "idle_lock_minutes", int, 15, "无操作锁屏时间", 1, 30, unit="分钟"),
    # Work-order default deadlines per priority, in hours.
    Option("work_orders/deadline_urgent_hours", "deadline_urgent_hours", int, 2, "紧急工单默认时限", 1, 8760,
           unit="小时"),
    Option("work_orders/deadline_high_hours", "deadline_high_hours", int, 24, "较急工单默认时限", 1, 8760,
           unit="小时"),
    Option("work_orders/deadline_normal_hours", "deadline_normal_hours", int, 72, "一般工单默认时限", 1, 8760,
           unit="小时"),
    Option("work_orders/deadline_long_term_hours", "deadline_long_term_hours", int, 720, "长期工单默认时限", 1,
           8760, unit="小时"),
    # Repeat-call rules.
    Option("repeat/same_caller_count", "same_caller_count", int, 2, "同一报警人：次数", 2, 50, unit="次"),
    Option("repeat/same_caller_hours", "same_caller_hours", int, 24, "同一报警人：时间范围", 1, 720, unit="小时"),
    Option("repeat/same_place_count", "same_place_count", int, 3, "同一地点：次数", 2, 50, unit="次"),
    Option("repeat/same_place_hours", "same_place_hours", int, 72, "同一地点：时间范围", 1, 720, unit="小时"),
    Option("repeat/same_event_callers", "same_event_callers", int, 2, "同一事件：报警人数", 2, 50, unit="人"),
    Option("repeat/same_event_minutes", "same_event_minutes", int, 30, "同一事件：时间范围", 1, 1440, unit="分钟"),
    # Legal clocks of cases (DESIGN.md §3): rules with the article they rest on, never literals in code.
    Option("cases/admin_limit_days", "case_admin_limit_days", int, 30, "行政案件办案期限", 1, 365, unit="日"),
    Option("cases/admin_extension_days", "case_admin_extension_days", int, 30, "经批准延长", 0, 365, unit="日"),
    Option("cases/admin_article", "case_admin_article", str, "《治安管理处罚法》办案期限条款（请按现行条文填写条号）",
           "期限依据"),
    Option("cases/warn_days", "case_warn_days", int, 25, "期限预警：受理后第", 1, 365, unit="日"),
    # Criminal-case stage deadlines as "stage:days" pairs, e.g. 拘留:37;侦查羁押:60.
    Option("cases/criminal_stage_days", "case_criminal_stage_days", str,
           "拘留:37;侦查羁押:60;取保候审:365;监视居住:180", "刑事案件阶段期限"),
    # Follow-up visits after a mediation agreement, in days after signing (comma-separated).
    Option("disputes/follow_up_days", "dispute_follow_up_days", str, "7,30", "协议回访安排"),
    # Scheduled backups of a local database: a folder (empty: "backups" beside the database file)
    # and how many daily copies to keep.
    Option("backup/folder", "backup_folder", str, "", "备份文件夹"),
    Option("backup/keep", "backup_keep", int, 14, "保留备份份数", 1, 365, unit="份"),
)

BY_KEY: dict[str, Option] = {option.key: option for option in OPTIONS}


def option(key: str) -> Option:
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown setting {key!r}") from None


def defaults() -> dict[str, Any]:
    return {o.key: o.default for o in OPTIONS}


def validate(key: str, value: Any) -> Any:
    """``value`` converted to the option's type, or :class:`ValidationError` with a Chinese message
    (``fields`` maps the key to it)."""
    opt = option(key)

    def refuse(message: str) -> ValidationError:
        return ValidationError(message, fields={key: message})

    if opt.type is int:
        if isinstance(value, bool):
            raise refuse(f"{opt.label}必须是整数")
        try:
            number = int(str(value).strip()) if not isinstance(value, int) else value
        except ValueError:
            raise refuse(f"{opt.label}必须是整数") from None
        if (opt.minimum is not None and number < opt.minimum) or (opt.maximum is not None and number > opt.maximum):
            raise refuse(f"{opt.label}应在 {opt.minimum}–{opt.maximum}{opt.unit} 之间")
        return number
    text = "" if value is None else str(value).strip()
    if opt.choices is not None and text not in opt.choices:
        raise refuse(f"{opt.label}无效：{text or '（空）'}")
    if len(text) > 500:
        raise refuse(f"{opt.label}太长（最多 500 个字符）")
    return text


def validate_all(values: Mapping[str, Any]) -> dict[str, Any]:
    """All values checked, plus the rules between them; raises one :class:`ValidationError` whose
    ``fields`` holds every problem (so each can be shown next to its field)."""
    merged = {**defaults(), **values}
    clean, errors = {}, {}
    for opt in OPTIONS:
        try:
            clean[opt.key] = validate(opt.key, merged[opt.key])
        except ValidationError as exc:
            errors.update(exc.fields)
    if clean.get("database/kind") == DB_SERVER:
        for key, message in (("database/host", "请填写服务器地址"), ("database/name", "请填写数据库名"),
                             ("database/user", "请填写用户名")):
            if key not in errors and not clean.get(key):
                errors[key] = message
    if errors:
        raise ValidationError(next(iter(errors.values())), fields=errors)
    return clean


def credential_username(values: Mapping[str, Any]) -> str:
    """The credential store's user name for a server: ``user@host:port/db``."""
    merged = {**defaults(), **values}
    return f"{merged['database/user']}@{merged['database/host']}:{merged['database/port']}/{merged['database/name']}"


def build_db_url(values: Mapping[str, Any], password: str | None = None) -> str:
    """The SQLAlchemy URL the settings describe (with ``password`` for a server).

    A local setting without a file falls back to :func:`desktop.db.urls.default_url`."""
    from sqlalchemy.engine import URL

    from desktop.db.urls import default_url, sqlite_url

    merged = {**defaults(), **values}
    if merged["database/kind"] != DB_SERVER:
        path = str(merged["database/path"] or "").strip()
        return sqlite_url(path) if path else default_url()
    url = URL.create(
        str(merged["database/server_type"]),
        username=str(merged["database/user"]) or None,
        password=password or None,
        host=str(merged["database/host"]) or None,
        port=int(merged["database/port"]),
        database=str(merged["database/name"]) or None,
    )
    return url.render_as_string(hide_password=False)


@dataclasses.dataclass(frozen=True)
class Settings:
    """A snapshot of every setting as plain values, passed to services and screens.

    The fields mirror :data:`OPTIONS` (a test checks it); defaults come from there only:
    ``Settings.from_values({})``."""

    db_kind: str
    db_path: str
    db_server_type: str
    db_host: str
    db_port: int
    db_name: str
    db_user: str
    station_code: str
    station_name: str
    language: str
    cutover_hour: int
    idle_lock_minutes: int
    deadline_urgent_hours: int
    deadline_high_hours: int
    deadline_normal_hours: int
    deadline_long_term_hours: int
    same_caller_count: int
    same_caller_hours: int
    same_place_count: int
    same_place_hours: int
    same_event_callers: int
    same_event_minutes: int
    case_admin_limit_days: int
    case_admin_extension_days: int
    case_admin_article: str
    case_warn_days: int
    case_criminal_stage_days: str
    dispute_follow_up_days: str
    backup_folder: str
    backup_keep: int

    def follow_up_days(self) -> list[int]:
        """Days after an agreement's signing when it is followed up (default 7 and 30)."""
        days = []
        for part in self.dispute_follow_up_days.replace("，", ",").split(","):
            part = part.strip()
            if part.isdigit() and 0 < int(part) <= 3650:
                days.append(int(part))
        return sorted(set(days)) or [7, 30]

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> Settings:
        merged = {**defaults(), **values}
        return cls(**{o.name: merged[o.key] for o in OPTIONS})

    def to_values(self) -> dict[str, Any]:
        return {o.key: getattr(self, o.name) for o in OPTIONS}

    def deadline_hours(self) -> dict[str, int]:
        """Default work-order deadline per priority (urgent, high, normal, long_term), in hours."""
        return {
            "urgent": self.deadline_urgent_hours,
            "high": self.deadline_high_hours,
            "normal": self.deadline_normal_hours,
            "long_term": self.deadline_long_term_hours,
        }
