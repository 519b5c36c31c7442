"""Warnings (预警信息): hand entry, the list, details, warning → work order → outcome, and the
figures the briefing shows. No Qt.

A warning comes from HQ, the station's own analysis or another department; one that needs action
becomes a work order (e.g. 劝阻 a potential fraud victim). The order's feedback does not change the
warning by itself: :func:`sync_from_orders` offers the latest report text and the screen records the
outcome with :func:`record_outcome`, so the command room decides what the warning's result is.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.models import Warning, WorkOrder, WorkOrderEvent
from desktop.models.enums import AuditAction, WarningKind, WarningStatus, WorkOrderEventKind
from desktop.services.accounts import LoginResult
from desktop.services.identity import check_resident_id, normalize_phone
from desktop.services.paging import ColumnSpec, PagedQuery
from desktop.services.permissions import require, roles_for

SOURCE_LABELS: dict[str, str] = {"hq": "上级推送", "own": "自主研判", "other_dept": "其他部门"}
KIND_LABELS: dict[str, str] = {"fraud": "反诈", "stability": "涉稳", "public_order": "治安", "hazard": "安全隐患",
                               "other": "其他"}
STATUS_LABELS: dict[str, str] = {"received": "待处置", "assigned": "已派单", "acted": "已处置", "closed": "已办结"}
OUTCOMES = ("reached", "not_reached", "dissuaded", "lost_money")
OUTCOME_LABELS: dict[str, str] = {"reached": "已联系", "not_reached": "未联系上", "dissuaded": "劝阻成功",
                                  "lost_money": "已被骗"}
# Not yet acted on: what the overdue rule and the briefing's "still open" count look at.
UNHANDLED: tuple[str, ...] = (str(WarningStatus.RECEIVED), str(WarningStatus.ASSIGNED))
NUMBER_PREFIX = "YJ"
FORM_FIELDS = ("number", "source", "kind", "received_at", "subject_name", "subject_phone", "subject_id_number",
               "subject_place", "content", "required_action", "deadline")
_MAX_LEN = {"number": 40, "subject_name": 50, "subject_place": 300}
_FAR_FUTURE = datetime(9999, 1, 1)
# Kept for readers of the old names; the matrix in desktop.services.permissions decides.
_EDIT_ROLES = roles_for("warning.edit")
_OUTCOME_ROLES = roles_for("warning.outcome")

DEFAULT_TITLES: dict[str, str] = {
    "number": "预警编号", "tone": "提示", "kind": "预警类型", "source": "来源", "received_at": "接收时间",
    "subject_name": "预警对象", "subject_phone": "联系电话", "subject_place": "地点", "deadline": "处置时限",
    "status": "状态", "overdue_mark": "超期",
}


def _seconds(moment: datetime | None) -> datetime:
    """Whole seconds: MySQL's DATETIME keeps no fraction and the overdue rule compares them."""
    return (moment or datetime.now()).replace(microsecond=0)


def is_overdue(status: str, deadline: datetime | None, now: datetime) -> bool:
    """Overdue = not yet acted on and now > deadline."""
    return deadline is not None and status in UNHANDLED and now > deadline


def overdue_condition(now: datetime) -> Any:
    return and_(Warning.status.in_(UNHANDLED), Warning.deadline.is_not(None), Warning.deadline < now)


# --------------------------------------------------------------------------- validation


@dataclasses.dataclass(frozen=True)
class Checked:
    """Clean values for the warnings table plus notes a person should look at (not errors)."""

    values: dict[str, Any]
    notes: dict[str, str]


def check_warning(values: Mapping[str, Any], *, now: datetime) -> Checked:
    """Validate one warning (typed in or an imported row): :class:`ValidationError` with each field's
    problem in ``fields`` (Chinese), or the clean values. ``number`` may be empty (one is generated)."""
    from desktop.services.importing.normalize import clean_number, clean_text, parse_time

    errors: dict[str, str] = {}
    notes: dict[str, str] = {}
    clean: dict[str, Any] = {}
    number = clean_number(values.get("number"))
    if number and len(number) > _MAX_LEN["number"]:
        errors["number"] = f"预警编号太长（最多 {_MAX_LEN['number']} 个字符）"
    clean["number"] = number
    for key, allowed, label in (("source", SOURCE_LABELS, "预警来源"), ("kind", KIND_LABELS, "预警类型")):
        value = clean_text(values.get(key))
        by_label = {v: k for k, v in allowed.items()}
        value = by_label.get(value, value)
        if not value:
            errors[key] = f"请选择{label}"
        elif value not in allowed:
            errors[key] = f"{label}无效：{value}"
        clean[key] = value
    raw_time = values.get("received_at")
    if raw_time is None or (isinstance(raw_time, str) and not raw_time.strip()):
        errors["received_at"] = "请填写接收时间"
    else:
        try:
            clean["received_at"] = parse_time(raw_time, now=now)
        except ValueError as exc:
            errors["received_at"] = str(exc).replace("报警时间", "接收时间")
    raw_deadline = values.get("deadline")
    clean["deadline"] = None
    if raw_deadline is not None and not (isinstance(raw_deadline, str) and not raw_deadline.strip()):
        try:
            clean["deadline"] = parse_time(raw_deadline, now=_FAR_FUTURE)
        except ValueError as exc:
            errors["deadline"] = str(exc)
        else:
            if clean.get("received_at") and clean["deadline"] <= clean["received_at"]:
                errors["deadline"] = "处置时限应晚于接收时间"
    for key in ("subject_name", "subject_place", "content", "required_action"):
        text = clean_text(values.get(key))
        if text is not None and key in _MAX_LEN and len(text) > _MAX_LEN[key]:
            errors[key] = f"内容太长（最多 {_MAX_LEN[key]} 个字符）"
        clean[key] = text
    if not clean["content"]:
        errors["content"] = "请填写预警内容"
    phone_text = clean_text(values.get("subject_phone"))
    clean["subject_phone"] = None
    if phone_text:
        phone = normalize_phone(phone_text)
        if phone.valid:
            clean["subject_phone"] = phone.normalized
        else:
            errors["subject_phone"] = f"电话号码无效：{phone.error or phone_text}"
    id_text = clean_text(values.get("subject_id_number"))
    clean["subject_id_number"] = None
    if id_text:
        ident = check_resident_id(id_text, today=now.date())
        if ident.errors:
            errors["subject_id_number"] = ident.errors[0]
        else:
            clean["subject_id_number"] = ident.upgraded or ident.normalized
            if ident.warnings:
                notes["subject_id_number"] = ident.warnings[0]
    if errors:
        raise ValidationError(next(iter(errors.values())), fields=errors)
    return Checked(clean, notes)


def natural_key(values: Mapping[str, Any]) -> tuple[str, datetime, str]:
    """What identifies a warning that has no number: the person (phone, else ID, else name), the
    received time and a hash of the content — so a list imported twice is recognised."""
    who = values.get("subject_phone") or values.get("subject_id_number") or values.get("subject_name") or ""
    content = re.sub(r"\s+", "", values.get("content") or "")
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    return str(who), _seconds(values["received_at"]), digest


def next_numbers(session: Session, day: datetime, count: int = 1) -> list[str]:
    """``count`` new numbers ``YJ-YYYYMMDD-NNNN`` for warnings received on ``day`` (the station's
    highest of that day plus one; the unique (station, number) key refuses a concurrent twin)."""
    prefix = f"{NUMBER_PREFIX}-{day:%Y%m%d}-"
    taken = session.scalars(select(Warning.number).where(Warning.number.like(prefix + "%"))).all()
    high = max((int(n[len(prefix):]) for n in taken if n[len(prefix):].isdigit()), default=0)
    return [f"{prefix}{high + i:04d}" for i in range(1, count + 1)]


def _require(login: LoginResult, action: str) -> None:
    require(login, action)


def _number_taken(session: Session, number: str, other_than: int | None = None) -> bool:
    query = select(Warning.id).where(Warning.number == number)
    if other_than is not None:
        query = query.where(Warning.id != other_than)
    return session.scalar(query) is not None


# --------------------------------------------------------------------------- hand entry


def create_warning(db: Database, login: LoginResult, values: Mapping[str, Any], *, now: datetime | None = None) -> int:
    """Save a typed-in warning (status 待处置); returns its id. Without a number one is generated."""
    _require(login, "warning.edit")
    now = _seconds(now)
    checked = check_warning(values, now=now)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        clean = dict(checked.values)
        if clean["number"] and _number_taken(s, clean["number"]):
            message = f"预警编号 {clean['number']} 已存在"
            raise ValidationError(message, fields={"number": message})
        if not clean["number"]:
            clean["number"] = next_numbers(s, clean["received_at"])[0]
        warning = Warning(station_id=login.station_id, status=WarningStatus.RECEIVED, **clean)
        s.add(warning)
        s.flush()
        return warning.id


def _load(session: Session, warning_id: int, version: int | None = None) -> Warning:
    warning = session.get(Warning, warning_id)
    if warning is None:
        raise NotFound("找不到这条预警，可能已被删除。", hint="请刷新列表。")
    if version is not None and warning.version != version:
        raise ConflictError(f"预警 {warning.number} 已被他人修改。", hint="请关闭后重新打开，查看最新内容再修改。")
    return warning


def update_warning(db: Database, login: LoginResult, warning_id: int, version: int, values: Mapping[str, Any], *,
                   now: datetime | None = None) -> None:
    """Save changes if nobody changed the warning since ``version`` was read (else ConflictError)."""
    _require(login, "warning.edit")
    now = _seconds(now)
    checked = check_warning(values, now=now)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        warning = _load(s, warning_id, version)
        clean = dict(checked.values)
        if not clean["number"]:
            clean["number"] = warning.number
        elif clean["number"] != warning.number and _number_taken(s, clean["number"], warning.id):
            message = f"预警编号 {clean['number']} 已存在"
            raise ValidationError(message, fields={"number": message})
        for key, value in clean.items():
            setattr(warning, key, value)
        s.flush()


# --------------------------------------------------------------------------- details and list


@dataclasses.dataclass(frozen=True)
class WarningDetail:
    id: int
    version: int
    number: str
    source: str
    kind: str
    received_at: datetime
    subject_name: str | None
    subject_phone: str | None
    subject_id_number: str | None
    subject_place: str | None
    content: str
    required_action: str | None
    deadline: datetime | None
    status: str
    handled_by_id: int | None
    acted_at: datetime | None
    result: str | None
    overdue: bool
    orders: list[tuple[int, str, str]]  # (id, number, status) of its work orders


def warning_detail(db: Database, station_id: int, warning_id: int, *, now: datetime | None = None) -> WarningDetail:
    now = _seconds(now)
    with db.session(station_id=station_id) as s:
        w = _load(s, warning_id)
        orders = s.execute(select(WorkOrder.id, WorkOrder.number, WorkOrder.status)
                           .where(WorkOrder.warning_id == w.id).order_by(WorkOrder.id)).all()
        return WarningDetail(
            id=w.id, version=w.version, number=w.number, source=w.source, kind=w.kind, received_at=w.received_at,
            subject_name=w.subject_name, subject_phone=w.subject_phone, subject_id_number=w.subject_id_number,
            subject_place=w.subject_place, content=w.content, required_action=w.required_action,
            deadline=w.deadline, status=w.status, handled_by_id=w.handled_by_id, acted_at=w.acted_at,
            result=w.result, overdue=is_overdue(w.status, w.deadline, now), orders=[tuple(r) for r in orders],
        )


def warning_list_query(db: Database, station_id: int, titles: Mapping[str, str] | None = None, *,
                       now: datetime | None = None) -> PagedQuery:
    """The warnings of a station. Filters (``equals``): ``kind``, ``source``, ``status``; ranges:
    ``received_at``, ``deadline``. ``tone`` is 'overdue' for an unhandled warning past its deadline."""
    t = {**DEFAULT_TITLES, **(titles or {})}
    now = _seconds(now)
    columns = [
        ColumnSpec("number", t["number"], Warning.number),
        ColumnSpec("tone", t["tone"], case((overdue_condition(now), "overdue"), else_=""), sortable=False,
                   searchable=False, width=56, labels={"overdue": t["overdue_mark"], "": ""}),
        ColumnSpec("kind", t["kind"], Warning.kind, searchable=False, labels=KIND_LABELS),
        ColumnSpec("source", t["source"], Warning.source, searchable=False, labels=SOURCE_LABELS),
        ColumnSpec("received_at", t["received_at"], Warning.received_at, "datetime"),
        ColumnSpec("subject_name", t["subject_name"], Warning.subject_name, mask="name"),
        ColumnSpec("subject_phone", t["subject_phone"], Warning.subject_phone, mask="phone"),
        ColumnSpec("subject_place", t["subject_place"], Warning.subject_place),
        ColumnSpec("deadline", t["deadline"], Warning.deadline, "datetime"),
        ColumnSpec("status", t["status"], Warning.status, searchable=False, labels=STATUS_LABELS),
    ]
    return PagedQuery(db, station_id=station_id, base=select(Warning.id), columns=columns, id_expr=Warning.id)


# --------------------------------------------------------------------------- warning -> work order -> outcome


def order_for_warning(db: Database, login: LoginResult, warning_id: int, *, unit_id: int,
                      assignee_id: int | None = None, deadline: datetime | None = None,
                      priority: str = "high", now: datetime | None = None) -> int:
    """Issue a work order for the warning (title from the warning, instructions from its required
    action) and mark the warning 已派单; returns the order's id. Without ``deadline`` the warning's own
    deadline applies when it is still ahead, else the priority's default."""
    from desktop.services.work_orders import NewOrder, create_work_order

    now = _seconds(now)
    with db.session(station_id=login.station_id) as s:
        w = _load(s, warning_id)
        if w.status not in UNHANDLED:
            raise ValidationError(f"预警 {w.number} 已处置，不能再派工单", hint="请刷新后查看预警的最新状态")
        who = w.subject_name or w.subject_phone or w.subject_place or ""
        title = f"{KIND_LABELS.get(w.kind, w.kind)}预警 {w.number}" + (f"：{who}" if who else "")
        instructions = w.required_action or w.content
        if deadline is None and w.deadline is not None and w.deadline > now:
            deadline = w.deadline
    order_id = create_work_order(db, login, NewOrder(
        title=title[:200], unit_id=unit_id, priority=priority, source_kind="warning", source_id=warning_id,
        instructions=instructions, assignee_id=assignee_id, deadline=deadline), now=now)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        w = _load(s, warning_id)
        if w.status == WarningStatus.RECEIVED:
            w.status = WarningStatus.ASSIGNED
            s.flush()
    return order_id


@dataclasses.dataclass(frozen=True)
class OrderFeedback:
    """The latest report (反馈) made on one of a warning's orders."""

    order_id: int
    order_number: str
    order_status: str
    at: datetime
    text: str | None


def sync_from_orders(db: Database, station_id: int, warning_id: int) -> OrderFeedback | None:
    """The latest feedback reported on the warning's orders (None when none was reported yet), for
    the screen to propose as the outcome's text."""
    with db.session(station_id=station_id) as s:
        _load(s, warning_id)
        row = s.execute(
            select(WorkOrder.id, WorkOrder.number, WorkOrder.status, WorkOrderEvent.at, WorkOrderEvent.text)
            .join(WorkOrderEvent, WorkOrderEvent.work_order_id == WorkOrder.id)
            .where(WorkOrder.warning_id == warning_id, WorkOrderEvent.kind == WorkOrderEventKind.REPORT)
            .order_by(WorkOrderEvent.at.desc(), WorkOrderEvent.id.desc()).limit(1)
        ).first()
    return OrderFeedback(*row) if row is not None else None


def record_outcome(db: Database, login: LoginResult, warning_id: int, version: int, outcome: str,
                   text: str | None, *, now: datetime | None = None) -> None:
    """Record what came of the warning: ``outcome`` one of :data:`OUTCOMES` and a note. The result
    reads ``已联系：…``; the warning becomes 已处置 with who and when."""
    _require(login, "warning.outcome")
    if outcome not in OUTCOMES:
        raise ValidationError(f"未知的处置结果：{outcome}", fields={"outcome": "请选择处置结果"})
    text = (text or "").strip()
    now = _seconds(now)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        w = _load(s, warning_id, version)
        if w.status == WarningStatus.CLOSED:
            raise ValidationError(f"预警 {w.number} 已办结，不能再登记处置结果")
        label = OUTCOME_LABELS[outcome]
        w.result = f"{label}：{text}" if text else label
        w.acted_at = now
        w.handled_by_id = login.staff_id
        w.status = WarningStatus.ACTED
        s.flush()
        record_event(s, AuditAction.TRANSITION, table_name="warnings", record_id=w.id,
                     summary=f"预警 {w.number} 处置结果：{w.result}"[:300], changes={"outcome": outcome})


def outcome_of(result: str | None) -> str | None:
    """The outcome code a stored result starts with (None when it names none)."""
    for code, label in OUTCOME_LABELS.items():
        if result and (result == label or result.startswith(label + "：")):
            return code
    return None


# --------------------------------------------------------------------------- briefing figures


def warnings_summary(db: Database, station_id: int, start: datetime, end: datetime, *,
                     now: datetime | None = None) -> dict[str, Any]:
    """Figures for [start, end): ``received`` (total), ``by_kind`` (kind -> count, every kind),
    ``not_acted`` (received in the period and not acted on yet) and ``overdue`` (all the station's
    unhandled warnings past their deadline at ``now``)."""
    now = _seconds(now)
    in_period = and_(Warning.station_id == station_id, Warning.received_at >= start, Warning.received_at < end)
    with db.session(station_id=station_id) as s:
        by_kind = dict(s.execute(select(Warning.kind, func.count()).where(in_period).group_by(Warning.kind)).all())
        not_acted = s.scalar(select(func.count()).select_from(Warning)
                             .where(in_period, Warning.status.in_(UNHANDLED))) or 0
        overdue = s.scalar(select(func.count()).select_from(Warning)
                           .where(Warning.station_id == station_id, overdue_condition(now))) or 0
    kinds = {str(k): int(by_kind.get(str(k), 0)) for k in WarningKind}
    return {"received": sum(kinds.values()), "by_kind": kinds, "not_acted": int(not_acted), "overdue": int(overdue)}


__all__ = [
    "DEFAULT_TITLES", "FORM_FIELDS", "KIND_LABELS", "OUTCOMES", "OUTCOME_LABELS", "SOURCE_LABELS", "STATUS_LABELS",
    "UNHANDLED", "Checked", "OrderFeedback", "WarningDetail", "check_warning", "create_warning", "is_overdue",
    "natural_key", "next_numbers", "order_for_warning", "outcome_of", "overdue_condition", "record_outcome",
    "sync_from_orders", "update_warning", "warning_detail", "warning_list_query", "warnings_summary",
]
