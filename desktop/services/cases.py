"""The case register (案件) and its legal clocks (DESIGN.md §3 "Case", §4 30-day closure rate). No Qt.

An administrative case must be closed within ``admin_limit_days`` of acceptance, extendable once
by ``admin_extension_days``; paused time (expert appraisal, 鉴定) does not count. A criminal case's
deadline comes from its stage (``case_criminal_stage_days``). The limits are a :class:`CaseRules`
built from the settings, never literals. ``Case.due_at`` caches the deadline and is recomputed on
every clock change, so the due/overdue lists are an indexed range query. While a pause is open the
clock is stopped: ``due_at`` is empty (the case cannot run out) and the days left are frozen at
what they were when the pause began. Days are counted in calendar dates, not hours.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, literal, select
from sqlalchemy import Date as SQLDate
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.models import Case, CaseClockEvent, Incident, Staff, Unit
from desktop.models.enums import AuditAction, CaseKind, CaseStatus, ClockEventKind
from desktop.services.paging import ColumnSpec, PagedQuery
from desktop.services.permissions import require

__all__ = [
    "CASE_STATUS_LABELS",
    "CLOSED_STATES",
    "DEFAULT_TITLES",
    "KIND_LABELS",
    "OPEN_STATES",
    "CaseDetail",
    "CaseRow",
    "CaseRules",
    "ClockEventRow",
    "case_detail",
    "case_list_query",
    "cases_due",
    "check_case",
    "close_case",
    "closure_rate_30",
    "compute_due",
    "create_case",
    "days_left",
    "extend",
    "parse_kind",
    "parse_stage_days",
    "parse_status",
    "pause_clock",
    "recompute_due",
    "resume_clock",
    "start_handling",
    "transfer_case",
    "update_case",
]

KIND_LABELS: dict[str, str] = {CaseKind.CRIMINAL: "刑事", CaseKind.ADMINISTRATIVE: "行政"}
CASE_STATUS_LABELS: dict[str, str] = {
    CaseStatus.ACCEPTED: "受理", CaseStatus.IN_PROGRESS: "办理中", CaseStatus.EXTENDED: "延长",
    CaseStatus.SUSPENDED: "中止", CaseStatus.CLOSED: "结案", CaseStatus.TRANSFERRED: "移送",
}
TONE_LABELS: dict[str, str] = {"overdue": "超期", "due_soon": "临期", "": ""}
CLOSED_STATES: tuple[str, ...] = (str(CaseStatus.CLOSED), str(CaseStatus.TRANSFERRED))
OPEN_STATES: tuple[str, ...] = tuple(str(s) for s in CaseStatus if str(s) not in CLOSED_STATES)
# Chinese column titles; a view passes its own translated titles keyed the same way.
DEFAULT_TITLES: dict[str, str] = {
    "number": "案件编号", "tone": "期限", "kind": "类型", "title": "案件名称", "category": "案由",
    "stage": "阶段", "accepted_at": "受理时间", "due_at": "办案期限", "days_left": "剩余天数",
    "status": "状态", "officer": "办案民警", "unit": "办案单位",
}
_FAR_FUTURE = datetime(9000, 1, 1)
_MAX_LEN = {"number": 40, "title": 200, "category": 100, "stage": 40}


# --------------------------------------------------------------------------- rules


def parse_stage_days(text: str | None) -> dict[str, int]:
    """``"拘留:37;侦查羁押:60"`` -> ``{"拘留": 37, "侦查羁押": 60}``. Full-width colons and semicolons,
    commas and new lines also separate; items without a positive whole number of days are skipped."""
    result: dict[str, int] = {}
    if not text:
        return result
    normal = unicodedata.normalize("NFKC", str(text))
    for item in re.split(r"[;,\n、]+", normal):
        name, sep, days = item.partition(":")
        name, days = name.strip(), days.strip()
        if sep and name and days.isdigit() and int(days) > 0:
            result[name] = int(days)
    return result


@dataclasses.dataclass(frozen=True)
class CaseRules:
    """The legal-clock rules in force (from the settings); ``admin_article`` is recorded on extensions."""

    admin_limit_days: int = 30
    admin_extension_days: int = 30
    admin_article: str = "《治安管理处罚法》办案期限条款"
    warn_days: int = 25
    criminal_stage_days: Mapping[str, int] = dataclasses.field(
        default_factory=lambda: parse_stage_days("拘留:37;侦查羁押:60;取保候审:365;监视居住:180"))

    @classmethod
    def from_settings(cls, settings: Any) -> CaseRules:
        return cls(
            admin_limit_days=int(settings.case_admin_limit_days),
            admin_extension_days=int(settings.case_admin_extension_days),
            admin_article=str(settings.case_admin_article),
            warn_days=int(settings.case_warn_days),
            criminal_stage_days=parse_stage_days(settings.case_criminal_stage_days),
        )

    @property
    def criminal_warn_margin(self) -> int:
        """Days before a criminal stage deadline at which it is due soon: the administrative margin."""
        return max(self.admin_limit_days - self.warn_days, 0)


def stage_days(rules: CaseRules, stage: str | None) -> int | None:
    """The days of a criminal-case stage: its exact name, else the longest configured name it
    contains (the case system writes 刑事拘留 where the rule says 拘留)."""
    name = (stage or "").strip()
    if not name:
        return None
    if name in rules.criminal_stage_days:
        return rules.criminal_stage_days[name]
    matches = [key for key in rules.criminal_stage_days if key and key in name]
    return rules.criminal_stage_days[max(matches, key=len)] if matches else None


def _clock(kind: str, accepted_at: datetime, events: Sequence[tuple[str, datetime]], extended: bool,
           stage: str | None, rules: CaseRules) -> tuple[datetime | None, datetime | None]:
    """(deadline counting only finished pauses, start of the open pause or None)."""
    if kind == CaseKind.CRIMINAL:
        days = stage_days(rules, stage)
        return (accepted_at + timedelta(days=days) if days else None), None
    paused = 0
    open_at: datetime | None = None
    for ev_kind, at in sorted(events, key=lambda e: e[1]):
        if ev_kind == ClockEventKind.PAUSE and open_at is None:
            open_at = at
        elif ev_kind == ClockEventKind.RESUME and open_at is not None:
            paused += (at.date() - open_at.date()).days
            open_at = None
    limit = rules.admin_limit_days + (rules.admin_extension_days if extended else 0)
    return accepted_at + timedelta(days=limit + paused), open_at


def compute_due(kind: str, accepted_at: datetime, events: Sequence[tuple[str, datetime]], extended: bool,
                stage: str | None, rules: CaseRules) -> datetime | None:
    """The legal deadline: accepted + limit (+ extension) + paused days for an administrative case,
    accepted + the stage's days for a criminal one. None while a pause is open (the clock is stopped)
    and for a criminal stage without configured days."""
    due, open_at = _clock(kind, accepted_at, events, extended, stage, rules)
    return None if open_at is not None else due


def days_left(kind: str, accepted_at: datetime, events: Sequence[tuple[str, datetime]], extended: bool,
              stage: str | None, rules: CaseRules, today: date) -> int | None:
    """Due date − today; while paused, due date − the pause's date (frozen)."""
    due, open_at = _clock(kind, accepted_at, events, extended, stage, rules)
    if due is None:
        return None
    return (due.date() - (open_at.date() if open_at is not None else today)).days


# --------------------------------------------------------------------------- validation


def parse_kind(value: Any) -> str | None:
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    if not text:
        return None
    if text in (CaseKind.CRIMINAL, CaseKind.ADMINISTRATIVE):
        return text
    if "刑" in text:
        return str(CaseKind.CRIMINAL)
    if "行政" in text or "治安" in text:
        return str(CaseKind.ADMINISTRATIVE)
    return None


_STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("移送", CaseStatus.TRANSFERRED), ("移交", CaseStatus.TRANSFERRED), ("结", CaseStatus.CLOSED),
    ("办结", CaseStatus.CLOSED), ("中止", CaseStatus.SUSPENDED), ("鉴定", CaseStatus.SUSPENDED),
    ("延", CaseStatus.EXTENDED), ("办理", CaseStatus.IN_PROGRESS), ("在办", CaseStatus.IN_PROGRESS),
    ("侦查", CaseStatus.IN_PROGRESS), ("受", CaseStatus.ACCEPTED),
)


def parse_status(value: Any) -> str | None:
    """A stored status, or the Chinese word of an export (已结案, 办理中, 已移送 …); None if unknown."""
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    if not text:
        return None
    if text in {str(s) for s in CaseStatus}:
        return text
    for word, status in _STATUS_WORDS:
        if word in text:
            return str(status)
    return None


def check_case(values: Mapping[str, Any], *, now: datetime) -> dict[str, Any]:
    """Clean values for the cases table, or :class:`ValidationError` with every field's problem
    (Chinese) in ``fields``. Accepts the stored kind/status codes or their Chinese words."""
    from desktop.services.importing.normalize import clean_number, clean_text, parse_time

    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    number = clean_number(values.get("number"))
    if not number:
        errors["number"] = "请填写案件编号"
    elif len(number) > _MAX_LEN["number"]:
        errors["number"] = f"案件编号太长（最多 {_MAX_LEN['number']} 个字符）"
    clean["number"] = number
    kind = parse_kind(values.get("kind"))
    if kind is None:
        errors["kind"] = "请选择案件类型（刑事或行政）" if not values.get("kind") else "案件类型应为刑事或行政（治安）"
    clean["kind"] = kind
    for key, label in (("title", "案件名称"), ("category", "案由"), ("stage", "阶段")):
        text = clean_text(values.get(key))
        if text is not None and len(text) > _MAX_LEN[key]:
            errors[key] = f"{label}太长（最多 {_MAX_LEN[key]} 个字符）"
        clean[key] = text
    if not clean["title"]:
        errors["title"] = "请填写案件名称"
    clean["summary"] = clean_text(values.get("summary"))
    for key, label, required in (("accepted_at", "受理时间", True), ("closed_at", "结案时间", False)):
        raw = values.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                errors[key] = f"请填写{label}"
            clean[key] = None
            continue
        try:
            # The future check is ours: parse_time's message speaks of 报警时间.
            clean[key] = parse_time(raw, now=_FAR_FUTURE)
        except ValueError as exc:
            errors[key] = f"{label}：{exc}"
            continue
        if clean[key] > now + timedelta(minutes=5):
            errors[key] = f"{label}晚于当前时间：{clean[key]:%Y-%m-%d %H:%M}"
    if clean.get("accepted_at") and clean.get("closed_at") and clean["closed_at"] < clean["accepted_at"]:
        errors["closed_at"] = "结案时间早于受理时间"
    status = values.get("status")
    if status not in (None, ""):
        clean["status"] = parse_status(status)
        if clean["status"] is None:
            errors["status"] = f"无法识别的案件状态：{status}"
    for key in ("officer_id", "unit_id", "incident_id"):
        value = values.get(key)
        clean[key] = int(value) if value not in (None, "") else None
    if errors:
        raise ValidationError(next(iter(errors.values())), fields=errors)
    return clean


def _check_references(session: Session, clean: Mapping[str, Any]) -> None:
    errors = {}
    for key, model, label in (("officer_id", Staff, "办案民警"), ("unit_id", Unit, "办案单位"),
                              ("incident_id", Incident, "关联警情")):
        if clean.get(key) is not None and session.get(model, clean[key]) is None:
            errors[key] = f"{label}不存在"
    if errors:
        raise ValidationError(next(iter(errors.values())), fields=errors)


def _check_writer(login: Any) -> None:
    require(login, "case.edit")


def _events_of(case_row: Case) -> list[tuple[str, datetime]]:
    return [(e.kind, e.at) for e in case_row.clock_events]


def refresh_due(case_row: Case, rules: CaseRules) -> None:
    """Store the deadline computed from the case and its events (call after any clock change)."""
    case_row.due_at = compute_due(case_row.kind, case_row.accepted_at, _events_of(case_row), case_row.extended,
                                  case_row.stage, rules)


# --------------------------------------------------------------------------- writes


def create_case(db: Database, login: Any, values: Mapping[str, Any], *, rules: CaseRules,
                now: datetime | None = None) -> int:
    """Register a case (status 受理 unless given) with its deadline; returns its id."""
    _check_writer(login)
    now = now or datetime.now()
    clean = check_case(values, now=now)
    clean["status"] = clean.get("status") or str(CaseStatus.ACCEPTED)
    if clean["status"] != CaseStatus.CLOSED and clean["closed_at"] is not None:
        clean["status"] = str(CaseStatus.CLOSED)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        _check_references(s, clean)
        if s.scalar(select(Case.id).where(Case.number == clean["number"])) is not None:
            message = f"案件编号 {clean['number']} 已存在"
            raise ValidationError(message, fields={"number": message})
        row = Case(station_id=login.station_id, extended=clean["status"] == CaseStatus.EXTENDED, **clean)
        s.add(row)
        refresh_due(row, rules)
        s.flush()
        return row.id


def _load(s: Session, case_id: int, version: int | None) -> Case:
    row = s.get(Case, case_id)
    if row is None:
        raise NotFound("找不到这个案件，可能已被删除。", hint="请刷新列表。")
    if version is not None and row.version != version:
        raise ConflictError("这个案件已被他人修改。", hint="请关闭后重新打开，查看最新内容再修改。")
    return row


def update_case(db: Database, login: Any, case_id: int, version: int, values: Mapping[str, Any], *,
                rules: CaseRules, now: datetime | None = None) -> None:
    """Save edited fields (number, kind, title, category, stage, accepted_at, officer, unit, summary)
    if nobody changed the case since ``version``; the deadline is recomputed with ``rules``. Status
    and closing go through the transition functions."""
    _check_writer(login)
    now = now or datetime.now()
    clean = check_case(values, now=now)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        row = _load(s, case_id, version)
        _check_references(s, clean)
        if clean["number"] != row.number and s.scalar(
                select(Case.id).where(Case.number == clean["number"])) is not None:
            message = f"案件编号 {clean['number']} 已存在"
            raise ValidationError(message, fields={"number": message})
        if row.clock_events and clean["accepted_at"] > min(e.at for e in row.clock_events):
            message = "受理时间不能晚于已登记的计时记录"
            raise ValidationError(message, fields={"accepted_at": message})
        for key in ("number", "kind", "title", "category", "stage", "accepted_at", "officer_id", "unit_id",
                    "incident_id", "summary"):
            setattr(row, key, clean[key])
        refresh_due(row, rules)
        s.flush()


def recompute_due(db: Database, station_id: int, staff_id: int | None, rules: CaseRules) -> int:
    """Recompute the stored deadline of every open case (after the rules changed); returns how many changed."""
    changed = 0
    with db.transaction(station_id=station_id, staff_id=staff_id) as s:
        for row in s.scalars(select(Case).where(Case.status.in_(OPEN_STATES))):
            old = row.due_at
            refresh_due(row, rules)
            changed += row.due_at != old
        s.flush()
    return changed


def _transition(db: Database, login: Any, case_id: int, version: int, summary: str, change: Any) -> None:
    _check_writer(login)
    with db.transaction(station_id=login.station_id, staff_id=login.staff_id) as s:
        row = _load(s, case_id, version)
        if row.status in CLOSED_STATES:
            raise ValidationError(f"案件已{CASE_STATUS_LABELS[row.status]}，不能再{summary}")
        change(s, row)
        s.flush()
        record_event(s, AuditAction.TRANSITION, table_name="cases", record_id=row.id,
                     summary=f"{summary} {row.number}"[:300])


def _last_event_at(row: Case) -> datetime:
    return max([row.accepted_at, *(e.at for e in row.clock_events)])


def _required(text: str | None, message: str, key: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(message, fields={key: message})
    return text


def _add_event(s: Session, row: Case, kind: str, at: datetime, reason: str, approver: str | None = None,
               article: str | None = None) -> None:
    row.clock_events.append(CaseClockEvent(station_id=row.station_id, kind=kind, at=at, reason=reason,
                                           approver=approver, article=article))


def pause_clock(db: Database, login: Any, case_id: int, version: int, *, reason: str, at: datetime | None = None,
                rules: CaseRules) -> None:
    """Stop an administrative case's clock (e.g. appraisal) with its reason; refused while already paused."""
    reason = _required(reason, "请填写暂停计时的原因（如鉴定）", "reason")
    at = (at or datetime.now()).replace(microsecond=0)

    def change(s: Session, row: Case) -> None:
        if row.kind != CaseKind.ADMINISTRATIVE:
            raise ValidationError("只有行政案件的办案期限可以暂停计时")
        if row.status == CaseStatus.SUSPENDED or _clock(row.kind, row.accepted_at, _events_of(row), row.extended,
                                                          row.stage, rules)[1] is not None:
            raise ValidationError("计时已暂停，不能再次暂停")
        if at < _last_event_at(row):
            raise ValidationError("暂停时间不能早于受理时间或上一条计时记录", fields={"at": "时间有误"})
        _add_event(s, row, ClockEventKind.PAUSE, at, reason)
        row.status = CaseStatus.SUSPENDED
        refresh_due(row, rules)

    _transition(db, login, case_id, version, "暂停计时", change)


def resume_clock(db: Database, login: Any, case_id: int, version: int, *, reason: str | None = None,
                 at: datetime | None = None, rules: CaseRules) -> None:
    """Restart a paused clock; the paused days are added to the deadline. Refused while running."""
    at = (at or datetime.now()).replace(microsecond=0)

    def change(s: Session, row: Case) -> None:
        if _clock(row.kind, row.accepted_at, _events_of(row), row.extended, row.stage, rules)[1] is None:
            raise ValidationError("计时未暂停，无需恢复")
        if at < _last_event_at(row):
            raise ValidationError("恢复时间不能早于暂停时间", fields={"at": "时间有误"})
        _add_event(s, row, ClockEventKind.RESUME, at, (reason or "").strip() or "恢复计时")
        row.status = CaseStatus.EXTENDED if row.extended else CaseStatus.IN_PROGRESS
        refresh_due(row, rules)

    _transition(db, login, case_id, version, "恢复计时", change)


def extend(db: Database, login: Any, case_id: int, version: int, *, reason: str, approver: str,
           at: datetime | None = None, rules: CaseRules) -> None:
    """Record the approved extension of an administrative case (once only), with the rule's article."""
    reason = _required(reason, "请填写延长的理由", "reason")
    approver = _required(approver, "请填写批准人（上一级机关）", "approver")
    at = (at or datetime.now()).replace(microsecond=0)

    def change(s: Session, row: Case) -> None:
        if row.kind != CaseKind.ADMINISTRATIVE:
            raise ValidationError("只有行政案件可以延长办案期限")
        if row.extended:
            raise ValidationError("办案期限已延长过一次，不能再次延长")
        if rules.admin_extension_days <= 0:
            raise ValidationError("现行规则不允许延长办案期限", hint="请在设置中查看延长天数。")
        _add_event(s, row, ClockEventKind.EXTENSION, max(at, row.accepted_at), reason, approver,
                   rules.admin_article)
        row.extended = True
        if row.status != CaseStatus.SUSPENDED:
            row.status = CaseStatus.EXTENDED
        refresh_due(row, rules)

    _transition(db, login, case_id, version, "延长办案期限", change)


def start_handling(db: Database, login: Any, case_id: int, version: int) -> None:
    """受理 -> 办理中."""
    def change(s: Session, row: Case) -> None:
        if row.status != CaseStatus.ACCEPTED:
            raise ValidationError("只有受理状态的案件可以转为办理中")
        row.status = CaseStatus.IN_PROGRESS

    _transition(db, login, case_id, version, "开始办理", change)


def _finish(db: Database, login: Any, case_id: int, version: int, at: datetime | None, status: str,
            word: str) -> None:
    at = (at or datetime.now()).replace(microsecond=0)

    def change(s: Session, row: Case) -> None:
        if at < row.accepted_at:
            raise ValidationError(f"{word}时间不能早于受理时间", fields={"at": "时间有误"})
        row.status = status
        row.closed_at = at

    _transition(db, login, case_id, version, word, change)


def close_case(db: Database, login: Any, case_id: int, version: int, *, at: datetime | None = None) -> None:
    """结案 (also from a paused clock: closing ends it)."""
    _finish(db, login, case_id, version, at, str(CaseStatus.CLOSED), "结案")


def transfer_case(db: Database, login: Any, case_id: int, version: int, *, at: datetime | None = None) -> None:
    """移送 (to another organ): the case leaves the register's clocks like a closed one."""
    _finish(db, login, case_id, version, at, str(CaseStatus.TRANSFERRED), "移送")


# --------------------------------------------------------------------------- reads


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def _date_diff(db: Database, later: Any, earlier: Any) -> ColumnElement[int]:
    """Whole calendar days from ``earlier`` to ``later`` (datetime columns or dates), per backend."""
    if db.backend == "postgresql":
        return cast(later, SQLDate) - cast(earlier, SQLDate)
    if db.backend == "sqlite":
        return cast(func.julianday(func.date(later)) - func.julianday(func.date(earlier)), Integer)
    return func.datediff(later, earlier)


def _tone_expr(today: date, rules: CaseRules) -> ColumnElement[str]:
    start = _midnight(today)
    open_ = Case.status.in_(OPEN_STATES)
    overdue = and_(open_, Case.due_at.is_not(None), Case.due_at < start)
    admin_soon = and_(Case.kind == CaseKind.ADMINISTRATIVE,
                      Case.accepted_at < _midnight(today - timedelta(days=rules.warn_days - 1)))
    criminal_soon = and_(Case.kind == CaseKind.CRIMINAL,
                         Case.due_at < _midnight(today + timedelta(days=rules.criminal_warn_margin + 1)))
    soon = and_(open_, Case.due_at.is_not(None), admin_soon | criminal_soon)
    return case((overdue, literal("overdue")), (soon, literal("due_soon")), else_=literal(""))


def _name_of(model: Any, fk: Any) -> Any:
    return select(model.name).where(model.id == fk).correlate(Case).scalar_subquery()


def case_list_query(db: Database, station_id: int, titles: Mapping[str, str] | None = None, *,
                    today: date | None = None, rules: CaseRules | None = None) -> PagedQuery:
    """The case register of a station. ``tone`` is 'overdue' / 'due_soon' / ''. Filters: ``kind``,
    ``status``, ``tone`` (equals), ``officer_id``, ``unit_id`` and ranges on ``accepted_at``/``due_at``."""
    t = {**DEFAULT_TITLES, **(titles or {})}
    today = today or date.today()
    rules = rules or CaseRules()
    columns = [
        ColumnSpec("number", t["number"], Case.number),
        ColumnSpec("tone", t["tone"], _tone_expr(today, rules), sortable=False, searchable=False, width=56,
                   labels=TONE_LABELS),
        ColumnSpec("kind", t["kind"], Case.kind, searchable=False, labels=KIND_LABELS),
        ColumnSpec("title", t["title"], Case.title),
        ColumnSpec("category", t["category"], Case.category),
        ColumnSpec("stage", t["stage"], Case.stage),
        ColumnSpec("accepted_at", t["accepted_at"], Case.accepted_at, "datetime"),
        ColumnSpec("due_at", t["due_at"], Case.due_at, "date"),
        ColumnSpec("days_left", t["days_left"],
                   case((Case.status.in_(OPEN_STATES), _date_diff(db, Case.due_at, literal(today))), else_=None),
                   "int", sort_expr=Case.due_at),
        ColumnSpec("status", t["status"], Case.status, searchable=False, labels=CASE_STATUS_LABELS),
        ColumnSpec("officer", t["officer"], _name_of(Staff, Case.officer_id), sort_expr=Case.officer_id),
        ColumnSpec("unit", t["unit"], _name_of(Unit, Case.unit_id), sort_expr=Case.unit_id),
    ]
    filters = [ColumnSpec(key, key, getattr(Case, key), "int") for key in ("officer_id", "unit_id")]
    return PagedQuery(db, station_id=station_id, base=select(Case.id), columns=columns, id_expr=Case.id,
                      filter_columns=filters)


@dataclasses.dataclass(frozen=True)
class ClockEventRow:
    id: int
    kind: str
    at: datetime
    reason: str
    approver: str | None
    article: str | None


@dataclasses.dataclass(frozen=True)
class CaseDetail:
    id: int
    version: int
    number: str
    kind: str
    title: str
    category: str | None
    stage: str | None
    accepted_at: datetime
    status: str
    extended: bool
    due_at: datetime | None
    closed_at: datetime | None
    officer_id: int | None
    officer: str | None
    unit_id: int | None
    unit: str | None
    incident_id: int | None
    summary: str | None
    days_left: int | None
    state: str  # 'running' | 'paused' | 'closed'
    overdue: bool
    due_soon: bool
    paused_since: datetime | None
    events: tuple[ClockEventRow, ...]


def _flags(kind: str, status: str, accepted_at: datetime, due_at: datetime | None, paused: bool, today: date,
           rules: CaseRules) -> tuple[bool, bool]:
    """(overdue, due_soon), the same rule as :func:`_tone_expr`."""
    if status in CLOSED_STATES or paused or due_at is None:
        return False, False
    overdue = today > due_at.date()
    if kind == CaseKind.CRIMINAL:
        soon = (due_at.date() - today).days <= rules.criminal_warn_margin
    else:
        soon = today >= accepted_at.date() + timedelta(days=rules.warn_days)
    return overdue, soon and not overdue


def case_detail(db: Database, station_id: int, case_id: int, *, today: date | None = None,
                rules: CaseRules | None = None) -> CaseDetail:
    today = today or date.today()
    rules = rules or CaseRules()
    with db.session(station_id=station_id) as s:
        row = _load(s, case_id, None)
        officer = s.scalar(select(Staff.name).where(Staff.id == row.officer_id)) if row.officer_id else None
        unit = s.scalar(select(Unit.name).where(Unit.id == row.unit_id)) if row.unit_id else None
        events = _events_of(row)
        due, open_at = _clock(row.kind, row.accepted_at, events, row.extended, row.stage, rules)
        closed = row.status in CLOSED_STATES
        state = "closed" if closed else ("paused" if open_at is not None else "running")
        left = None
        if due is not None and not closed:
            left = (due.date() - (open_at.date() if open_at is not None else today)).days
        overdue, soon = _flags(row.kind, row.status, row.accepted_at, row.due_at, open_at is not None, today, rules)
        return CaseDetail(
            id=row.id, version=row.version, number=row.number, kind=row.kind, title=row.title,
            category=row.category, stage=row.stage, accepted_at=row.accepted_at, status=row.status,
            extended=row.extended, due_at=row.due_at, closed_at=row.closed_at, officer_id=row.officer_id,
            officer=officer, unit_id=row.unit_id, unit=unit, incident_id=row.incident_id, summary=row.summary,
            days_left=left, state=state, overdue=overdue, due_soon=soon, paused_since=open_at,
            events=tuple(ClockEventRow(e.id, e.kind, e.at, e.reason, e.approver, e.article)
                         for e in row.clock_events),
        )


@dataclasses.dataclass(frozen=True)
class CaseRow:
    """An open case near or past its deadline, as ``cases due`` lists it."""

    id: int
    number: str
    kind: str
    title: str
    stage: str | None
    accepted_at: datetime
    due_at: datetime
    days_left: int
    overdue: bool
    status: str
    officer: str | None
    unit: str | None


def cases_due(db: Database, station_id: int, *, within_days: int, today: date | None = None) -> list[CaseRow]:
    """Open cases due within ``within_days`` days of today or overdue, by due date. One range over
    the (station, kind, status, due_at) index; paused cases have no deadline and are not listed."""
    today = today or date.today()
    limit = _midnight(today + timedelta(days=within_days + 1))
    with db.session(station_id=station_id) as s:
        rows = s.execute(
            select(Case.id, Case.number, Case.kind, Case.title, Case.stage, Case.accepted_at, Case.due_at,
                   Case.status, _name_of(Staff, Case.officer_id), _name_of(Unit, Case.unit_id))
            .where(Case.station_id == station_id, Case.kind.in_([str(k) for k in CaseKind]),
                   Case.status.in_(OPEN_STATES), Case.due_at < limit)
            .order_by(Case.due_at, Case.id)
        ).all()
    return [CaseRow(id=r[0], number=r[1], kind=r[2], title=r[3], stage=r[4], accepted_at=r[5], due_at=r[6],
                    days_left=(r[6].date() - today).days, overdue=r[6].date() < today, status=r[7],
                    officer=r[8], unit=r[9]) for r in rows]


def closure_rate_30(db: Database, station_id: int, start: datetime, end: datetime, *, today: date | None = None,
                    days: int = 30) -> tuple[int, int, float | None]:
    """治安案件30日办结率 (DESIGN.md §4) over administrative cases accepted in [start, end):
    (closed within ``days`` days of acceptance, closed or whose ``days`` have run out, ratio 0..1 or
    None when nothing counts). Counted in SQL."""
    today = today or date.today()
    run_out = Case.accepted_at < _midnight(today - timedelta(days=days))  # accepted date + days < today
    finished = Case.status.in_(CLOSED_STATES) & Case.closed_at.is_not(None)
    within = and_(finished, _date_diff(db, Case.closed_at, Case.accepted_at) <= days)
    with db.session(station_id=station_id) as s:
        num, den = s.execute(
            select(func.coalesce(func.sum(case((within, 1), else_=0)), 0),
                   func.coalesce(func.sum(case((finished | run_out, 1), else_=0)), 0))
            .where(Case.station_id == station_id, Case.kind == CaseKind.ADMINISTRATIVE,
                   Case.accepted_at >= start, Case.accepted_at < end)
        ).one()
    num, den = int(num), int(den)
    return num, den, (num / den if den else None)
