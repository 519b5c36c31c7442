"""The audit-log viewer's reads: a searchable list of a station's audit entries and chain
verification (DESIGN.md §6 Security, issue 10 point 5). No Qt.

Entries are written by desktop/db/audit.py in the same transaction as the change they describe and
can be neither changed nor deleted through the application (database triggers refuse it too). There
is deliberately no clean-up: nothing in StationDesk deletes audit entries, so they are kept for as
long as the database is (at least the year the rules ask for); an administrator who archives a
server database keeps the whole table.

A station's list shows its own chain plus the log-in attempts of the shared chain (a failed log-in
with an unknown staff number cannot be filed under any station).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from desktop.db import Database
from desktop.db.audit import GLOBAL_CHAIN, ChainReport, verify_chain
from desktop.models import AuditEntry, Staff
from desktop.models.enums import AuditAction
from desktop.services.paging import ColumnSpec, Filter, PagedQuery
from desktop.services.permissions import require

ACTION_LABELS: dict[str, str] = {str(k): v for k, v in {
    AuditAction.INSERT: "新建", AuditAction.UPDATE: "修改", AuditAction.DELETE: "删除",
    AuditAction.TRANSITION: "流转", AuditAction.LOGIN: "登录", AuditAction.LOGIN_FAILED: "登录失败",
    AuditAction.LOGOUT: "退出登录", AuditAction.EXPORT: "导出", AuditAction.PRINT: "打印",
    AuditAction.IMPORT: "导入", AuditAction.BULK: "批量操作", AuditAction.OTHER: "其他",
}.items()}

# What each table's records are called in the log (the tables a desk writes to).
TABLE_LABELS: dict[str, str] = {
    "stations": "派出所", "units": "单位", "communities": "社区", "grids": "网格", "staff": "人员",
    "staff_roles": "人员角色", "incident_categories": "警情类别", "incidents": "警情",
    "repeat_clusters": "重复警情", "repeat_cluster_incidents": "重复警情明细", "import_batches": "导入批次",
    "import_profiles": "导入方案", "cases": "案件", "case_clock_events": "案件期限记录", "warnings": "预警",
    "briefings": "晨会/研判", "directives": "指令", "work_orders": "工单", "work_order_events": "工单流转",
    "attachments": "附件", "disputes": "矛盾纠纷", "parties": "当事人", "dispute_parties": "纠纷当事人",
    "incident_parties": "警情当事人", "dispute_incidents": "纠纷关联警情", "mediation_sessions": "调解",
    "session_mediators": "调解员", "agreements": "调解协议", "agreement_parties": "协议当事人",
    "follow_ups": "回访", "transfers": "流转", "number_sequences": "编号", "export_profiles": "导出方案",
}

# Readable names of the fields that change most; others are shown by their column name.
FIELD_LABELS: dict[str, str] = {
    "number": "编号", "name": "姓名", "title": "标题", "status": "状态", "priority": "优先级",
    "summary": "摘要", "instructions": "要求", "deadline": "时限", "assignee_id": "承办人", "unit_id": "单位",
    "tracker_id": "跟踪人", "caller_name": "报警人", "caller_phone": "报警电话", "address": "地址",
    "reported_at": "报警时间", "category_id": "类别", "community_id": "社区", "grid_id": "网格",
    "officer_id": "处警人", "disposal": "处置结果", "phone": "电话", "id_number": "身份证号",
    "active": "启用", "failed_logins": "密码错误次数", "locked_until": "锁定至", "last_login_at": "最近登录",
    "password_hash": "密码", "roles": "角色", "role": "角色", "risk_level": "风险等级", "nature": "性质",
    "cause": "诱因", "text": "内容", "kind": "类型", "analysis": "研判意见", "closed_at": "办结时间",
    "accepted_at": "受理时间", "issued_at": "下发时间", "file_name": "文件名", "list": "列表", "rows": "行数",
    "file": "文件", "station_id": "派出所", "version": "版本", "must_change_password": "须改密码",
}

LOGIN_ACTIONS = (str(AuditAction.LOGIN), str(AuditAction.LOGIN_FAILED), str(AuditAction.LOGOUT))

DEFAULT_TITLES: dict[str, str] = {
    "at": "时间", "person": "人员", "action": "操作", "record_kind": "记录类型", "record_id": "记录编号",
    "summary": "摘要", "changes": "变更内容", "seq": "序号",
}
CHANGES_LIMIT = 1000  # characters of readable changes shown or exported per entry


# --------------------------------------------------------------------------- readable values


def action_label(action: str | None) -> str:
    return ACTION_LABELS.get(str(action), str(action or ""))


def table_label(table_name: str | None) -> str:
    return TABLE_LABELS.get(str(table_name), str(table_name or "")) if table_name else ""


def describe_changes(text: str | None) -> str:
    """The stored JSON of ``changes`` as a line a person reads: ``状态：issued → accepted；…``."""
    if not text:
        return ""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return str(text)[:CHANGES_LIMIT]
    if not isinstance(value, dict):
        return _plain(value)[:CHANGES_LIMIT]
    parts = []
    for key, change in value.items():
        label = FIELD_LABELS.get(key, key)
        if isinstance(change, list) and len(change) == 2:
            parts.append(f"{label}：{_plain(change[0])} → {_plain(change[1])}")
        elif isinstance(change, dict) and set(change) <= {"added", "removed"}:
            added = "、".join(_plain(v) for v in change.get("added") or [])
            removed = "、".join(_plain(v) for v in change.get("removed") or [])
            bits = ([f"增加 {added}"] if added else []) + ([f"去掉 {removed}"] if removed else [])
            parts.append(f"{label}：{'，'.join(bits)}")
        else:
            parts.append(f"{label}：{_plain(change)}")
    return "；".join(parts)[:CHANGES_LIMIT]


def _plain(value: Any) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ReadableChanges(Mapping[str, str]):
    """The ``labels`` of the changes column: any stored JSON maps to its readable line, so exports
    and prints of the list write what the screen shows (desktop/views/table_export.py)."""

    def __getitem__(self, key: str) -> str:
        return describe_changes(key)

    def get(self, key: Any, default: Any = None) -> Any:
        return describe_changes(key) if isinstance(key, str) else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


READABLE_CHANGES = ReadableChanges()


# --------------------------------------------------------------------------- the list


def audit_query(db: Database, station_id: int, titles: Mapping[str, str] | None = None, *,
                login: Any = None) -> PagedQuery:
    """The audit log of a station (its chain and the shared chain's log-in attempts), newest first
    when sorted by ``at``. Filter with :func:`audit_filter`. A person's ``login`` must hold audit.view."""
    if login is not None:
        require(login, "audit.view")
    t = {**DEFAULT_TITLES, **(titles or {})}
    person = select(Staff.name).where(Staff.id == AuditEntry.staff_id).correlate(AuditEntry).scalar_subquery()
    columns = [
        ColumnSpec("at", t["at"], AuditEntry.at, "datetime"),
        ColumnSpec("person", t["person"], person, sort_expr=AuditEntry.staff_id, searchable=False, width=90),
        ColumnSpec("action", t["action"], AuditEntry.action, searchable=False, width=80, labels=ACTION_LABELS),
        ColumnSpec("record_kind", t["record_kind"], AuditEntry.table_name, searchable=False, width=100,
                   labels=TABLE_LABELS),
        ColumnSpec("record_id", t["record_id"], AuditEntry.record_id, width=80),
        ColumnSpec("summary", t["summary"], AuditEntry.summary, width=260),
        ColumnSpec("changes", t["changes"], AuditEntry.changes, sortable=False, width=360, labels=READABLE_CHANGES),
        ColumnSpec("seq", t["seq"], AuditEntry.seq, "int", searchable=False, width=70),
    ]
    filters = [
        ColumnSpec("staff_id", "staff_id", AuditEntry.staff_id, "int"),
        ColumnSpec("table_name", "table_name", AuditEntry.table_name),
        ColumnSpec("chain_id", "chain_id", AuditEntry.chain_id, "int"),
    ]
    mine = or_(AuditEntry.station_id == station_id,
               and_(AuditEntry.chain_id == GLOBAL_CHAIN, AuditEntry.action.in_(LOGIN_ACTIONS)))
    # No station scoping by PagedQuery: the condition above already says which entries are ours.
    return PagedQuery(db, station_id=None, base=select(AuditEntry.id).where(mine), columns=columns,
                      id_expr=AuditEntry.id, filter_columns=filters)


def audit_filter(*, text: str = "", staff_id: int | None = None, action: str | list[str] | None = None,
                 table_name: str | None = None, record_id: Any = None, start: datetime | None = None,
                 end: datetime | None = None) -> Filter:
    """The list's filter: by person, action(s), record kind (and record id), period [start, end]
    (both inclusive) and free text (summary, record id, changes)."""
    equals: dict[str, Any] = {}
    if staff_id is not None:
        equals["staff_id"] = staff_id
    if action:
        equals["action"] = [str(a) for a in action] if isinstance(action, list | tuple) else str(action)
    if table_name:
        equals["table_name"] = table_name
    if record_id is not None and str(record_id) != "":
        equals["record_id"] = str(record_id)
    ranges = {"at": (start, end)} if start is not None or end is not None else {}
    return Filter(text=text, equals=equals, ranges=ranges)


@dataclasses.dataclass(frozen=True)
class Choice:
    value: Any
    label: str


def people(db: Database, station_id: int) -> list[Choice]:
    """The station's staff, for the person filter (id → "name (number)")."""
    with db.session(station_id=station_id) as s:
        rows = s.execute(select(Staff.id, Staff.name, Staff.number).order_by(Staff.name, Staff.id)).all()
    return [Choice(sid, f"{name}（{number}）") for sid, name, number in rows]


def actions() -> list[Choice]:
    return [Choice(k, v) for k, v in ACTION_LABELS.items()]


def record_kinds() -> list[Choice]:
    return [Choice(k, v) for k, v in sorted(TABLE_LABELS.items(), key=lambda kv: kv[1])]


@dataclasses.dataclass(frozen=True)
class EntryDetail:
    id: int
    chain_id: int
    seq: int
    at: datetime
    person: str
    action: str
    record_kind: str
    record_id: str | None
    summary: str
    changes: str
    entry_hash: str


def entry_detail(db: Database, station_id: int, entry_id: int) -> EntryDetail | None:
    """One entry of the station's log, readable, or None when it is not in that log."""
    with db.session() as s:
        row = s.execute(
            select(AuditEntry, Staff.name).outerjoin(Staff, Staff.id == AuditEntry.staff_id)
            .where(AuditEntry.id == entry_id)
        ).first()
        if row is None:
            return None
        e, name = row
        ours = e.station_id == station_id or (e.chain_id == GLOBAL_CHAIN and e.action in LOGIN_ACTIONS)
        if not ours:
            return None
        return EntryDetail(e.id, e.chain_id, e.seq, e.at, name or "", action_label(e.action),
                             table_label(e.table_name), e.record_id, e.summary or "",
                             describe_changes(e.changes), e.entry_hash)


# --------------------------------------------------------------------------- verification


@dataclasses.dataclass(frozen=True)
class ChainCheck:
    """One chain's verification, named for the user."""

    name: str
    report: ChainReport

    @property
    def ok(self) -> bool:
        return self.report.ok

    def text(self) -> str:
        r = self.report
        if r.ok:
            return f"{self.name}：完好（共 {r.entries} 条，哈希链校验通过）"
        return f"{self.name}：发现问题——{r.problem}"


@dataclasses.dataclass(frozen=True)
class Verification:
    chains: tuple[ChainCheck, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.chains)

    @property
    def first_problem(self) -> ChainReport | None:
        return next((c.report for c in self.chains if not c.ok), None)

    def text(self) -> str:
        return "\n".join(c.text() for c in self.chains)


def verify(db: Database, station_id: int) -> Verification:
    """Walk the station's chain and the shared chain (log-ins, code tables) and report each: intact,
    or the first entry that was changed, deleted or inserted outside the application."""
    with db.engine.connect() as conn:
        own = verify_chain(conn, station_id)
        shared = verify_chain(conn, GLOBAL_CHAIN)
    return Verification((ChainCheck("本所审计记录", own), ChainCheck("公共审计记录（登录等）", shared)))


__all__ = [
    "ACTION_LABELS", "FIELD_LABELS", "LOGIN_ACTIONS", "READABLE_CHANGES", "TABLE_LABELS", "ChainCheck", "Choice",
    "EntryDetail", "ReadableChanges", "Verification", "action_label", "actions", "audit_filter", "audit_query",
    "describe_changes", "entry_detail", "people", "record_kinds", "table_label", "verify",
]
