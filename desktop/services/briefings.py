"""Briefings (晨会 / 周分析 / 月会商): compiling the period's figures and the draft → signed workflow
with directives that become work orders (DESIGN.md §3, §4). No Qt.

Every figure is a SQL aggregate over an indexed time range; the compiled dict is stored on the
briefing so a reprint shows the same numbers even after later imports (only ``recompile`` of a
draft rewrites it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, exists, extract, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.models import (
    Briefing,
    Case,
    Community,
    Directive,
    Dispute,
    FollowUp,
    Grid,
    Incident,
    IncidentCategory,
    Staff,
    Unit,
    WorkOrder,
)
from desktop.models.enums import (
    AuditAction,
    BriefingKind,
    BriefingStatus,
    CaseKind,
    DisputeStatus,
    Priority,
    RepeatKind,
    RiskLevel,
)
from desktop.services.cases import OPEN_STATES as CASE_OPEN_STATES
from desktop.services.permissions import require, roles_for
from desktop.services.repeats import clusters_in_range, duty_day_bounds
from desktop.services.statistics import add_months as _add_months
from desktop.services.statistics import change_pct
from desktop.services.statistics import year_back as _year_back
from desktop.services.warnings import warnings_summary
from desktop.services.work_orders import NewOrder, create_work_order
from desktop.services.work_orders.workflow import OPEN_STATES as ORDER_OPEN_STATES

BRIEFING_ROLES = roles_for("briefing.edit")  # the old name; desktop.services.permissions decides
NOTABLE_LIMIT = 200
TOP_GRIDS = 10
CASE_WARN_DAYS_BEFORE_DUE = 5   # the 25th day of a 30-day administrative limit
CRIMINAL_DUE_WITHIN_DAYS = 3
TITLE_MAX = 60
OPEN_DISPUTE_STATES = (str(DisputeStatus.REGISTERED), str(DisputeStatus.MEDIATING))


# --------------------------------------------------------------------------- periods


def _month_start(day: date, cutover_hour: int) -> datetime:
    return datetime.combine(day.replace(day=1), time(cutover_hour))


def period_for(kind: str, day: date, cutover_hour: int) -> tuple[datetime, datetime]:
    """The period a briefing of ``kind`` held on ``day`` covers, [start, end).

    daily: the duty day that ended at ``day``'s cut-over; weekly: the 7 duty days ending then;
    monthly: the previous calendar month's duty days (1st at cut-over .. 1st of this month at cut-over).
    """
    _start, end = duty_day_bounds(day, cutover_hour)
    end = end - timedelta(days=1)  # ``day`` at the cut-over
    if kind == BriefingKind.DAILY:
        return end - timedelta(days=1), end
    if kind == BriefingKind.WEEKLY:
        return end - timedelta(days=7), end
    if kind == BriefingKind.MONTHLY:
        this_month = day.replace(day=1)
        return _month_start(_add_months(this_month, -1), cutover_hour), _month_start(this_month, cutover_hour)
    raise ValidationError(f"未知的会商类型：{kind}", fields={"kind": "无效"})


def _previous(kind: str, start: datetime, end: datetime) -> tuple[datetime, datetime]:
    if kind == BriefingKind.MONTHLY:
        hour = time(start.hour, start.minute)
        return datetime.combine(_add_months(start.date(), -1), hour), start
    return start - timedelta(days=7), end - timedelta(days=7)


# --------------------------------------------------------------------------- compiling


def _iso(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _in(column: Any, start: datetime, end: datetime) -> Any:
    return and_(column >= start, column < end)


def _top_category() -> Any:
    return func.coalesce(IncidentCategory.parent_id, IncidentCategory.id)


def _category_counts(s: Session, station_id: int, start: datetime, end: datetime) -> dict[int | None, int]:
    top = _top_category().label("top")
    rows = s.execute(
        select(top, func.count()).select_from(Incident)
        .outerjoin(IncidentCategory, IncidentCategory.id == Incident.category_id)
        .where(Incident.station_id == station_id, _in(Incident.reported_at, start, end)).group_by(top)
    ).all()
    return {r[0]: int(r[1]) for r in rows}


def _incidents_section(s: Session, station_id: int, kind: str, start: datetime, end: datetime) -> dict:
    prev = _previous(kind, start, end)
    year = (_year_back(start, 1), _year_back(end, 1))
    cur_by = _category_counts(s, station_id, start, end)
    prev_by = _category_counts(s, station_id, *prev)
    year_by = _category_counts(s, station_id, *year)
    total, prev_total, year_total = sum(cur_by.values()), sum(prev_by.values()), sum(year_by.values())
    ids = {k for k in (*cur_by, *prev_by, *year_by) if k is not None}
    cats = {r.id: r for r in s.execute(
        select(IncidentCategory.id, IncidentCategory.code, IncidentCategory.name, IncidentCategory.sort_order)
        .where(IncidentCategory.id.in_(ids))).all()} if ids else {}

    def order(key: int | None) -> tuple:
        c = cats.get(key)
        return (-cur_by.get(key, 0), c is None, c.sort_order if c else 0, c.code if c else "")

    by_category = [
        {"code": cats[k].code if k in cats else None, "name": cats[k].name if k in cats else "未分类",
         "count": cur_by.get(k, 0), "prev": prev_by.get(k, 0), "last_year": year_by.get(k, 0)}
        for k in sorted({*cur_by, *prev_by, *year_by}, key=order)
    ]
    in_period = and_(Incident.station_id == station_id, _in(Incident.reported_at, start, end))
    by_community = [
        {"id": r[0], "name": r[1] or "未标注社区", "count": int(r[2])}
        for r in s.execute(
            select(Incident.community_id, Community.name, func.count()).select_from(Incident)
            .outerjoin(Community, Community.id == Incident.community_id).where(in_period)
            .group_by(Incident.community_id, Community.name).order_by(func.count().desc(), Community.name)
        ).all()
    ]
    by_grid = [
        {"id": r[0], "name": r[1], "count": int(r[2])}
        for r in s.execute(
            select(Incident.grid_id, Grid.name, func.count()).select_from(Incident)
            .join(Grid, Grid.id == Incident.grid_id).where(in_period)
            .group_by(Incident.grid_id, Grid.name).order_by(func.count().desc(), Grid.name).limit(TOP_GRIDS)
        ).all()
    ]
    hour = extract("hour", Incident.reported_at)
    by_hour = [0] * 24
    for h, n in s.execute(select(hour, func.count()).where(in_period).group_by(hour)).all():
        by_hour[int(h)] = int(n)
    parent = aliased(IncidentCategory)
    notable = [
        {"id": r[0], "number": r[1], "at": r[2].isoformat(), "category": r[3], "address": r[4], "summary": r[5]}
        for r in s.execute(
            select(Incident.id, Incident.number, Incident.reported_at, IncidentCategory.name, Incident.address,
                   Incident.summary)
            .join(IncidentCategory, IncidentCategory.id == Incident.category_id)
            .outerjoin(parent, parent.id == IncidentCategory.parent_id)
            .where(in_period, or_(IncidentCategory.criminal.is_(True), parent.criminal.is_(True)))
            .order_by(Incident.reported_at, Incident.id).limit(NOTABLE_LIMIT)
        ).all()
    ]
    section = {
        "total": total, "prev": prev_total, "last_year": year_total,
        "change_prev_pct": change_pct(total, prev_total), "change_year_pct": change_pct(total, year_total),
        "prev_period": [prev[0].isoformat(), prev[1].isoformat()],
        "year_period": [year[0].isoformat(), year[1].isoformat()],
        "by_category": by_category, "by_community": by_community, "by_grid": by_grid, "by_hour": by_hour,
        "notable": notable,
    }
    if kind == BriefingKind.MONTHLY:
        totals = [
            s.scalar(select(func.count()).select_from(Incident).where(
                Incident.station_id == station_id,
                _in(Incident.reported_at, _year_back(start, n), _year_back(end, n)))) or 0
            for n in (1, 2, 3)
        ]
        avg3 = sum(int(t) for t in totals) / 3
        section["avg3"] = avg3
        section["avg3_years"] = [int(t) for t in totals]
        section["change_avg3_pct"] = change_pct(total, avg3)
    return section


def _repeats_section(s: Session, station_id: int, start: datetime, end: datetime) -> dict:
    clusters = clusters_in_range(s, station_id, start, end)
    by_kind = {str(k): 0 for k in RepeatKind}
    for c in clusters:
        by_kind[c.kind] = by_kind.get(c.kind, 0) + 1
    return {
        "total": len(clusters), "by_kind": by_kind,
        "clusters": [{"id": c.id, "kind": c.kind, "match_key": c.match_key, "count": c.incident_count,
                      "first_at": c.first_at.isoformat(), "last_at": c.last_at.isoformat(),
                      "status": c.status, "numbers": list(c.numbers)} for c in clusters],
    }


def _case_rows(s: Session, *conditions: Any) -> list[dict]:
    rows = s.execute(
        select(Case.id, Case.number, Case.kind, Case.title, Case.stage, Case.due_at, Staff.name)
        .outerjoin(Staff, Staff.id == Case.officer_id).where(*conditions).order_by(Case.due_at, Case.id)
    ).all()
    return [{"id": r[0], "number": r[1], "kind": r[2], "title": r[3], "stage": r[4], "due_at": _iso(r[5]),
             "officer": r[6]} for r in rows]


def _cases_section(s: Session, station_id: int, start: datetime, end: datetime, now: datetime) -> dict:
    today = datetime.combine(now.date(), time())
    open_case = and_(Case.station_id == station_id, Case.status.in_(CASE_OPEN_STATES), Case.due_at.is_not(None))
    admin = _case_rows(s, open_case, Case.kind == CaseKind.ADMINISTRATIVE,
                       Case.due_at < today + timedelta(days=CASE_WARN_DAYS_BEFORE_DUE + 1))
    criminal = _case_rows(s, open_case, Case.kind == CaseKind.CRIMINAL,
                          Case.due_at < today + timedelta(days=CRIMINAL_DUE_WITHIN_DAYS + 1))
    for row in (*admin, *criminal):
        row["overdue"] = row["due_at"] is not None and row["due_at"] < today.isoformat()
    accepted = s.scalar(select(func.count()).select_from(Case).where(
        Case.station_id == station_id, _in(Case.accepted_at, start, end))) or 0
    closed = s.scalar(select(func.count()).select_from(Case).where(
        Case.station_id == station_id, _in(Case.closed_at, start, end))) or 0
    return {"admin_due": admin, "admin_overdue": sum(1 for r in admin if r["overdue"]),
            "criminal_due": criminal, "accepted": int(accepted), "closed": int(closed)}


def _dispute_rows(s: Session, *conditions: Any) -> list[dict]:
    rows = s.execute(
        select(Dispute.id, Dispute.number, Dispute.nature, Dispute.risk_level, Dispute.criminal_risk,
               Dispute.status, Dispute.registered_at, Dispute.summary, Dispute.cause)
        .where(*conditions).order_by(Dispute.registered_at, Dispute.id)
    ).all()
    return [{"id": r[0], "number": r[1], "nature": r[2], "risk_level": r[3], "criminal_risk": bool(r[4]),
             "status": r[5], "registered_at": _iso(r[6]), "summary": r[7] or r[8]} for r in rows]


def _disputes_section(s: Session, station_id: int, start: datetime, end: datetime) -> dict:
    mine = Dispute.station_id == station_id
    registered = s.scalar(select(func.count()).select_from(Dispute).where(
        mine, _in(Dispute.registered_at, start, end))) or 0
    high = _dispute_rows(s, mine, Dispute.status.in_(OPEN_DISPUTE_STATES),
                         Dispute.risk_level.in_([str(RiskLevel.HIGH), str(RiskLevel.MAJOR)]))
    # A 民转刑 risk stays on every briefing until the flag is lowered, whatever the status.
    criminal = _dispute_rows(s, mine, Dispute.criminal_risk.is_(True))
    later = aliased(FollowUp)
    due_rows = s.execute(
        select(FollowUp.dispute_id, Dispute.number, FollowUp.next_due)
        .join(Dispute, Dispute.id == FollowUp.dispute_id)
        .where(FollowUp.station_id == station_id, FollowUp.next_due.is_not(None), FollowUp.next_due < end.date(),
               ~exists().where(later.dispute_id == FollowUp.dispute_id, later.visited_on > FollowUp.visited_on))
        .order_by(FollowUp.next_due, FollowUp.dispute_id)
    ).all()
    follow_ups = [{"dispute_id": r[0], "number": r[1], "next_due": _iso(r[2])} for r in due_rows]
    return {"registered": int(registered), "high_risk": high, "criminal_risk": criminal,
            "follow_ups_due": follow_ups}


def _by_unit(s: Session, station_id: int, *conditions: Any) -> dict[str, int]:
    rows = s.execute(
        select(Unit.name, func.count()).select_from(WorkOrder).join(Unit, Unit.id == WorkOrder.unit_id)
        .where(WorkOrder.station_id == station_id, *conditions).group_by(Unit.name).order_by(Unit.name)
    ).all()
    return {r[0]: int(r[1]) for r in rows}


def _work_orders_section(s: Session, station_id: int, start: datetime, end: datetime, now: datetime) -> dict:
    open_ = WorkOrder.status.in_(ORDER_OPEN_STATES)
    issued = _by_unit(s, station_id, _in(WorkOrder.issued_at, start, end))
    closed = _by_unit(s, station_id, _in(WorkOrder.closed_at, start, end))
    overdue = _by_unit(s, station_id, open_, WorkOrder.deadline < now)
    carried = s.execute(
        select(WorkOrder.id, WorkOrder.number, WorkOrder.title, Unit.name, WorkOrder.status, WorkOrder.deadline)
        .join(Unit, Unit.id == WorkOrder.unit_id).join(Directive, Directive.id == WorkOrder.directive_id)
        .join(Briefing, Briefing.id == Directive.briefing_id)
        .where(WorkOrder.station_id == station_id, open_, Briefing.period_start < start)
        .order_by(WorkOrder.deadline, WorkOrder.id)
    ).all()
    return {
        "issued": sum(issued.values()), "closed": sum(closed.values()), "overdue": sum(overdue.values()),
        "issued_by_unit": issued, "closed_by_unit": closed, "overdue_by_unit": overdue,
        "open_from_directives": [{"id": r[0], "number": r[1], "title": r[2], "unit": r[3], "status": r[4],
                                  "deadline": _iso(r[5]), "overdue": r[5] < now} for r in carried],
    }


def compile_briefing(db: Database, station_id: int, kind: str, start: datetime, end: datetime, *,
                     now: datetime | None = None) -> dict:
    """The briefing's figures for [start, end) as a JSON-serialisable dict (times as ISO strings)."""
    if kind not in {str(k) for k in BriefingKind}:
        raise ValidationError(f"未知的会商类型：{kind}", fields={"kind": "无效"})
    now = (now or datetime.now()).replace(microsecond=0)
    with db.session(station_id=station_id) as s:
        result = {
            "kind": str(kind), "period_start": start.isoformat(), "period_end": end.isoformat(),
            "compiled_at": now.isoformat(),
            "incidents": _incidents_section(s, station_id, kind, start, end),
            "repeats": _repeats_section(s, station_id, start, end),
            "cases": _cases_section(s, station_id, start, end, now),
            "disputes": _disputes_section(s, station_id, start, end),
            "work_orders": _work_orders_section(s, station_id, start, end, now),
        }
    warnings = warnings_summary(db, station_id, start, end, now=now)
    result["warnings"] = warnings
    return result


# --------------------------------------------------------------------------- workflow


def _check_role(login: Any) -> None:
    require(login, "briefing.edit")


def _load(s: Session, briefing_id: int, version: int | None = None, *, draft: bool = True) -> Briefing:
    row = s.get(Briefing, briefing_id)
    if row is None:
        raise NotFound("找不到这次会商，可能已被删除。", hint="请刷新列表。")
    if version is not None and row.version != version:
        raise ConflictError("这次会商已被他人修改。", hint="请关闭后重新打开，查看最新内容再修改。")
    if draft and row.status != BriefingStatus.DRAFT:
        raise ValidationError("会商已签发，不能再修改", hint="如需更正，请添加补充说明。")
    return row


def find_briefing(db: Database, station_id: int, kind: str, day: date, *, cutover_hour: int) -> int | None:
    """The briefing already held (or being prepared) for ``kind`` on ``day``, if any (one indexed look-up)."""
    start, _end = period_for(kind, day, cutover_hour)
    with db.session(station_id=station_id) as s:
        return s.scalar(select(Briefing.id).where(Briefing.station_id == station_id, Briefing.kind == kind,
                                                  Briefing.period_start == start))


def open_briefing(db: Database, login: Any, kind: str, day: date, *, cutover_hour: int,
                  now: datetime | None = None) -> int:
    """The id of the briefing of ``kind`` for the period ending at ``day``'s cut-over; a new draft is
    created and compiled when there is none (an existing one is returned as it is)."""
    _check_role(login)
    start, end = period_for(kind, day, cutover_hour)
    sid = login.station_id
    with db.session(station_id=sid) as s:
        found = s.scalar(select(Briefing.id).where(Briefing.station_id == sid, Briefing.kind == kind,
                                                   Briefing.period_start == start))
    if found is not None:
        return found
    now = (now or datetime.now()).replace(microsecond=0)
    compiled = compile_briefing(db, sid, kind, start, end, now=now)
    try:
        with db.transaction(station_id=sid, staff_id=login.staff_id) as s:
            row = Briefing(station_id=sid, kind=str(kind), period_start=start, period_end=end,
                           status=BriefingStatus.DRAFT, compiled=compiled, compiled_at=now, chair_id=login.staff_id)
            s.add(row)
            s.flush()
            return row.id
    except (IntegrityError, ValidationError, ConflictError):
        # Another desk opened the same period at the same moment: use theirs.
        with db.session(station_id=sid) as s:
            found = s.scalar(select(Briefing.id).where(Briefing.station_id == sid, Briefing.kind == kind,
                                                       Briefing.period_start == start))
        if found is None:
            raise
        return found


def recompile(db: Database, login: Any, briefing_id: int, version: int, *, now: datetime | None = None) -> None:
    """Compile the figures again and store them (drafts only)."""
    _check_role(login)
    now = (now or datetime.now()).replace(microsecond=0)
    with db.session(station_id=login.station_id) as s:
        row = _load(s, briefing_id, version)
        kind, start, end = row.kind, row.period_start, row.period_end
    compiled = compile_briefing(db, login.station_id, kind, start, end, now=now)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        row = _load(s, briefing_id, version)
        row.compiled = compiled
        row.compiled_at = now


@dataclasses.dataclass(frozen=True)
class DirectiveView:
    id: int
    seq: int
    text: str
    targets: list[tuple[int, str | None, int | None, str | None]]  # (unit_id, unit, assignee_id, assignee)
    priority: str
    deadline: datetime | None
    orders: list[tuple[int, str, str]]  # (id, number, status)
    done: bool  # every order made from it is closed or cancelled (and there is at least one)


@dataclasses.dataclass(frozen=True)
class BriefingView:
    id: int
    version: int
    kind: str
    period_start: datetime
    period_end: datetime
    status: str
    held_at: datetime | None
    chair: tuple[int, str] | None
    attendees: str | None
    analysis: str | None
    compiled: dict
    compiled_at: datetime | None
    signed_at: datetime | None
    signed_by: tuple[int, str] | None
    addenda: list
    directives: list[DirectiveView]


def _targets_of(d: Directive) -> list[tuple[int, int | None]]:
    if d.targets:
        return [(int(t["unit_id"]), t.get("assignee_id")) for t in d.targets]
    return [(d.unit_id, d.assignee_id)] if d.unit_id is not None else []


def briefing_view(db: Database, station_id: int, briefing_id: int, *, now: datetime | None = None) -> BriefingView:
    """Everything a briefing screen or document shows."""
    with db.session(station_id=station_id) as s:
        row = _load(s, briefing_id, draft=False)
        directives = list(row.directives)
        staff_ids = {row.chair_id, row.signed_by_id} | {a for d in directives for _u, a in _targets_of(d)}
        unit_ids = {u for d in directives for u, _a in _targets_of(d)}
        staff = dict(s.execute(select(Staff.id, Staff.name).where(Staff.id.in_({i for i in staff_ids if i}))).all())
        units = dict(s.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids))).all()) if unit_ids else {}
        orders: dict[int, list[tuple[int, str, str]]] = {d.id: [] for d in directives}
        if orders:
            for oid, number, status, did in s.execute(
                select(WorkOrder.id, WorkOrder.number, WorkOrder.status, WorkOrder.directive_id)
                .where(WorkOrder.directive_id.in_(list(orders))).order_by(WorkOrder.id)
            ).all():
                orders[did].append((oid, number, status))
        views = [
            DirectiveView(id=d.id, seq=d.seq, text=d.text,
                          targets=[(u, units.get(u), a, staff.get(a)) for u, a in _targets_of(d)],
                          priority=d.priority, deadline=d.deadline, orders=orders[d.id],
                          done=bool(orders[d.id]) and all(o[2] not in ORDER_OPEN_STATES for o in orders[d.id]))
            for d in directives
        ]
        return BriefingView(
            id=row.id, version=row.version, kind=row.kind, period_start=row.period_start, period_end=row.period_end,
            status=row.status, held_at=row.held_at,
            chair=(row.chair_id, staff.get(row.chair_id)) if row.chair_id else None,
            attendees=row.attendees, analysis=row.analysis, compiled=dict(row.compiled or {}),
            compiled_at=row.compiled_at, signed_at=row.signed_at,
            signed_by=(row.signed_by_id, staff.get(row.signed_by_id)) if row.signed_by_id else None,
            addenda=list(row.addenda or []), directives=views,
        )


def save_draft(db: Database, login: Any, briefing_id: int, version: int, *, analysis: str | None = None,
               attendees: str | None = None, held_at: datetime | None = None, chair_id: int | None = None) -> None:
    """Save the editable fields of a draft (None leaves a field as it is)."""
    _check_role(login)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        row = _load(s, briefing_id, version)
        if chair_id is not None and s.get(Staff, chair_id) is None:
            raise ValidationError("主持人不存在", fields={"chair_id": "人员不存在"})
        if analysis is not None:
            row.analysis = analysis.strip() or None
        if attendees is not None:
            row.attendees = attendees.strip() or None
        if held_at is not None:
            row.held_at = held_at.replace(microsecond=0)
        if chair_id is not None:
            row.chair_id = chair_id


def _clean_directive(s: Session, text: str | None, targets: Sequence[tuple[int, int | None]] | None,
                     priority: str | None) -> dict:
    errors: dict[str, str] = {}
    if text is not None and not text.strip():
        errors["text"] = "请填写指令内容"
    if priority is not None and priority not in {str(p) for p in Priority}:
        errors["priority"] = "优先级无效"
    if targets is not None:
        if not targets:
            errors["targets"] = "请至少选择一个承办单位"
        for unit_id, assignee_id in targets:
            if s.get(Unit, unit_id) is None:
                errors["targets"] = "承办单位不存在"
            elif assignee_id is not None and s.get(Staff, assignee_id) is None:
                errors["targets"] = "承办人不存在"
        if len({u for u, _a in targets}) != len(targets):
            errors["targets"] = "同一单位只能选择一次"
    if errors:
        raise ValidationError("指令内容有误：" + "；".join(errors.values()), fields=errors)
    values: dict[str, Any] = {}
    if text is not None:
        values["text"] = text.strip()
    if priority is not None:
        values["priority"] = str(priority)
    if targets is not None:
        values["targets"] = [{"unit_id": int(u), "assignee_id": a} for u, a in targets]
        values["unit_id"], values["assignee_id"] = targets[0]
    return values


def add_directive(db: Database, login: Any, briefing_id: int, *, text: str,
                  targets: Sequence[tuple[int, int | None]], priority: str = "normal",
                  deadline: datetime | None = None) -> int:
    """Add a directive to a draft; returns its id."""
    _check_role(login)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        row = _load(s, briefing_id)
        values = _clean_directive(s, text, list(targets), priority)
        seq = (s.scalar(select(func.max(Directive.seq)).where(Directive.briefing_id == briefing_id)) or 0) + 1
        d = Directive(station_id=login.station_id, briefing_id=row.id, seq=seq,
                      deadline=deadline.replace(microsecond=0) if deadline else None, **values)
        s.add(d)
        s.flush()
        return d.id


def _load_directive(s: Session, directive_id: int) -> Directive:
    d = s.get(Directive, directive_id)
    if d is None:
        raise NotFound("找不到这条指令，可能已被删除。", hint="请刷新。")
    _load(s, d.briefing_id)
    return d


def update_directive(db: Database, login: Any, directive_id: int, *, text: str | None = None,
                     targets: Sequence[tuple[int, int | None]] | None = None, priority: str | None = None,
                     deadline: datetime | None = None, clear_deadline: bool = False) -> None:
    """Change a directive of a draft (None leaves a field as it is)."""
    _check_role(login)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        d = _load_directive(s, directive_id)
        for key, value in _clean_directive(s, text, None if targets is None else list(targets), priority).items():
            setattr(d, key, value)
        if clear_deadline:
            d.deadline = None
        elif deadline is not None:
            d.deadline = deadline.replace(microsecond=0)


def remove_directive(db: Database, login: Any, directive_id: int) -> None:
    """Delete a directive of a draft; the later ones move up so the numbers stay 1, 2, 3…"""
    _check_role(login)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        d = _load_directive(s, directive_id)
        briefing_id, seq = d.briefing_id, d.seq
        s.delete(d)
        s.flush()
        for later in s.scalars(select(Directive).where(Directive.briefing_id == briefing_id, Directive.seq > seq)
                               .order_by(Directive.seq)).all():
            later.seq -= 1
            s.flush()  # one at a time: (briefing_id, seq) is unique


def _order_title(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_MAX else text[:TITLE_MAX - 1] + "…"


def issue_and_sign(db: Database, login: Any, briefing_id: int, version: int, *,
                   now: datetime | None = None) -> list[int]:
    """Issue one work order per target of every directive, then sign the briefing; returns the ids
    of the directives' orders.

    Not one transaction: a work order takes its number under the station counter's lock in its
    own transaction (create_work_order). Issuing is therefore idempotent instead — a target that
    already has an order from this directive is skipped — so a failure part-way leaves a draft
    that can simply be signed again, and the briefing is signed only after every order exists.
    """
    _check_role(login)
    now = (now or datetime.now()).replace(microsecond=0)
    sid = login.station_id
    with db.session(station_id=sid) as s:
        row = _load(s, briefing_id, version)
        plan = [(d.id, d.text, d.priority, d.deadline, _targets_of(d)) for d in row.directives]
        existing = {(r[0], r[1]): r[2] for r in s.execute(
            select(WorkOrder.directive_id, WorkOrder.unit_id, WorkOrder.id)
            .where(WorkOrder.directive_id.in_([p[0] for p in plan]))).all()} if plan else {}
    ids: list[int] = []
    for directive_id, text, priority, deadline, targets in plan:
        for unit_id, assignee_id in targets:
            if (directive_id, unit_id) in existing:
                ids.append(existing[(directive_id, unit_id)])
                continue
            ids.append(create_work_order(db, login, NewOrder(
                title=_order_title(text), unit_id=unit_id, priority=priority, source_kind="directive",
                source_id=directive_id, instructions=text, assignee_id=assignee_id, deadline=deadline), now=now))
    with db.transaction(station_id=sid, staff_id=login.staff_id) as s:
        row = _load(s, briefing_id, version)
        row.status = BriefingStatus.SIGNED
        row.signed_at = now
        row.signed_by_id = login.staff_id
        s.flush()
        record_event(s, AuditAction.TRANSITION, table_name="briefings", record_id=row.id,
                     summary=f"签发会商 {row.kind} {row.period_start:%Y-%m-%d}，下发工单 {len(ids)} 张")
    return ids


def add_addendum(db: Database, login: Any, briefing_id: int, text: str, *, now: datetime | None = None) -> None:
    """Append a correction to a signed briefing (the signed content itself never changes)."""
    _check_role(login)
    text = (text or "").strip()
    if not text:
        raise ValidationError("请填写补充说明", fields={"text": "请填写补充说明"})
    now = (now or datetime.now()).replace(microsecond=0)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        row = _load(s, briefing_id, draft=False)
        if row.status != BriefingStatus.SIGNED:
            raise ValidationError("会商尚未签发，请直接修改草稿")
        # A new list: the JSON column only notices a reassignment.
        row.addenda = [*(row.addenda or []), {"at": now.isoformat(), "by": login.staff_id, "text": text}]


@dataclasses.dataclass(frozen=True)
class BriefingRow:
    id: int
    kind: str
    period_start: datetime
    period_end: datetime
    status: str
    held_at: datetime | None
    signed_at: datetime | None
    directives: int
    orders: int
    open_orders: int


def list_briefings(db: Database, station_id: int, *, kind: str | Iterable[str] | None = None) -> list[BriefingRow]:
    """The station's briefings, newest period first, with their directives' order counts."""
    open_ = func.sum(case((WorkOrder.status.in_(ORDER_OPEN_STATES), 1), else_=0))
    orders = (select(Directive.briefing_id.label("bid"), func.count(WorkOrder.id).label("orders"),
                     open_.label("open_orders"))
              .join(WorkOrder, WorkOrder.directive_id == Directive.id)
              .where(Directive.station_id == station_id).group_by(Directive.briefing_id).subquery())
    counts = (select(Directive.briefing_id.label("bid"), func.count().label("n"))
              .where(Directive.station_id == station_id).group_by(Directive.briefing_id).subquery())
    stmt = (select(Briefing.id, Briefing.kind, Briefing.period_start, Briefing.period_end, Briefing.status,
                   Briefing.held_at, Briefing.signed_at, counts.c.n, orders.c.orders, orders.c.open_orders)
            .outerjoin(counts, counts.c.bid == Briefing.id).outerjoin(orders, orders.c.bid == Briefing.id)
            .where(Briefing.station_id == station_id).order_by(Briefing.period_start.desc(), Briefing.kind))
    if kind is not None:
        stmt = stmt.where(Briefing.kind.in_([kind] if isinstance(kind, str) else [str(k) for k in kind]))
    with db.session(station_id=station_id) as s:
        rows = s.execute(stmt).all()
    return [BriefingRow(id=r[0], kind=r[1], period_start=r[2], period_end=r[3], status=r[4], held_at=r[5],
                        signed_at=r[6], directives=int(r[7] or 0), orders=int(r[8] or 0),
                        open_orders=int(r[9] or 0)) for r in rows]


__all__ = [
    "BriefingRow", "BriefingView", "DirectiveView", "add_addendum", "add_directive", "briefing_view", "change_pct",
    "compile_briefing", "issue_and_sign", "list_briefings", "open_briefing", "period_for", "recompile",
    "remove_directive", "save_draft", "update_directive",
]
