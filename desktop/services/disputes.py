"""Dispute mediation (矛盾纠纷调解, DESIGN.md §3 Dispute / Party / Agreement / Transfer): parties with
checked IDs, registration with the seven elements, the status rules, sessions, versioned agreements,
follow-ups, transfers, the list, the detail and the §4 rates. No Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.dialects.mysql import insert as mysql_insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.db.audit import record_event
from desktop.errors import ConflictError, NotFound, ValidationError
from desktop.models import NumberSequence
from desktop.models.dispute import (
    Agreement,
    AgreementParty,
    Dispute,
    DisputeParty,
    FollowUp,
    MediationSession,
    Party,
    SessionMediator,
    Transfer,
    dispute_incidents,
)
from desktop.models.enums import (
    AgreementStatus,
    AuditAction,
    DisputeNature,
    DisputeSource,
    DisputeStatus,
    Honoured,
    MediatorRole,
    PartyRole,
    ResolvedHow,
    RiskLevel,
    SessionOutcome,
    TransferDirection,
    TransferOutcome,
)
from desktop.services.accounts import LoginResult
from desktop.services.identity import _SEX_WORDS, check_resident_id, normalize_phone
from desktop.services.paging import ColumnSpec, PagedQuery
from desktop.services.permissions import allowed, require, roles_for

# --------------------------------------------------------------------------- labels

NATURE_LABELS: dict[str, str] = {
    "family": "婚恋家庭", "neighbour": "邻里", "land": "土地山林", "labour": "劳资", "debt": "经济债务",
    "property_mgmt": "物业", "medical": "医患", "traffic": "交通事故", "other": "其他",
}
SOURCE_LABELS: dict[str, str] = {
    "incident": "警情", "patrol": "排查", "visit": "走访", "transfer_in": "移交接收", "other": "其他",
}
RISK_LABELS: dict[str, str] = {"low": "低", "medium": "中", "high": "高", "major": "重大"}
STATUS_LABELS: dict[str, str] = {
    "registered": "排查登记", "mediating": "调解中", "resolved": "已化解", "failed": "调解不成", "transferred": "移交",
}
RESOLVED_HOW_LABELS: dict[str, str] = {"agreement": "达成协议", "other": "其他方式化解"}
ROLE_LABELS: dict[str, str] = {"applicant": "申请人", "respondent": "被申请人", "other": "其他当事人"}
MEDIATOR_ROLE_LABELS: dict[str, str] = {
    "officer": "民警", "people_mediator": "人民调解员", "lawyer": "律师", "legal_officer": "综治专干",
    "grid_worker": "网格员", "other": "其他",
}
OUTCOME_LABELS: dict[str, str] = {"agreement": "达成协议", "partial": "部分达成", "none": "未达成"}
AGREEMENT_STATUS_LABELS: dict[str, str] = {"draft": "草稿", "signed": "已签署", "superseded": "已被更正"}
HONOURED_LABELS: dict[str, str] = {"yes": "履行", "partly": "部分履行", "no": "未履行", "n/a": "不适用"}
DIRECTION_LABELS: dict[str, str] = {"to_centre": "移交矛调中心", "to_police": "移交派出所依法处理",
                                    "to_court": "诉讼"}
TRANSFER_OUTCOME_LABELS: dict[str, str] = {"resolved": "已化解", "unresolved": "未化解", "returned": "退回"}

REGION_SHORT = "城关"  # as the demo numbers agreements: 城关调字〔2025〕第12号
DEFAULT_ORGANISATION = "城关镇人民调解委员会"
CONFIRMATION_DAYS = 30  # 人民调解法 art. 33: joint application for judicial confirmation within 30 days
DEFAULT_FOLLOW_UP_DAYS = (7, 30)

D = DisputeStatus
# Status rules of DESIGN.md §3: registered → mediating → resolved | failed → transferred.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    D.REGISTERED: (D.MEDIATING,),
    D.MEDIATING: (D.RESOLVED, D.FAILED),
    D.FAILED: (D.TRANSFERRED,),
    D.RESOLVED: (),
    D.TRANSFERRED: (),
}
ENDED_STATES = (str(D.RESOLVED), str(D.FAILED), str(D.TRANSFERRED))
HIGH_RISKS = (str(RiskLevel.HIGH), str(RiskLevel.MAJOR))

_MAX_LEN = {"name": 50, "ethnicity": 20, "address": 300, "place": 300}


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _as_date(value: Any, field: str, errors: dict[str, str]) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        errors[field] = f"日期“{value}”无法识别，请写成 2025-03-06"
        return None


def _as_datetime(value: Any, field: str, errors: dict[str, str]) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0))
    try:
        return datetime.fromisoformat(str(value).strip()).replace(microsecond=0)
    except ValueError:
        errors[field] = f"时间“{value}”无法识别，请写成 2025-03-06 09:30"
        return None


def _refuse(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(next(iter(errors.values())), fields=errors)


# --------------------------------------------------------------------------- parties


@dataclasses.dataclass(frozen=True)
class Checked:
    """Clean values plus what a person should look at (not errors)."""

    values: dict[str, Any]
    warnings: dict[str, str]


@dataclasses.dataclass(frozen=True)
class PartyRow:
    id: int
    name: str
    sex: str | None
    birth_date: date | None
    id_number: str | None
    phone: str | None
    address: str | None
    role: str | None = None       # in a dispute: applicant / respondent / other
    ethnicity: str | None = None


def check_party(values: Mapping[str, Any], *, today: date | None = None) -> Checked:
    """Clean a party's values for the parties table, or :class:`ValidationError` with each field's
    problem in ``fields``. The ID must pass GB 11643 and agree with the given birth date and sex; a
    legacy 15-digit number is upgraded to 18; birth date and sex are taken from the ID when not given.
    An invalid phone is a warning: the typed text is kept in ``phone_raw``."""
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    clean: dict[str, Any] = {}
    name = _text(values.get("name"))
    if not name:
        errors["name"] = "请填写当事人姓名"
    elif len(name) > _MAX_LEN["name"]:
        errors["name"] = f"姓名太长（最多 {_MAX_LEN['name']} 个字）"
    clean["name"] = name
    sex_text = _text(values.get("sex"))
    sex = None
    if sex_text is not None:
        sex = _SEX_WORDS.get(sex_text)
        if sex is None:
            errors["sex"] = f"性别“{sex_text}”无法识别"
    birth = _as_date(values.get("birth_date"), "birth_date", errors)
    id_text = _text(values.get("id_number"))
    id_number = None
    if id_text:
        check = check_resident_id(id_text, birth_date=birth, sex=sex, today=today)
        if check.errors:
            errors["id_number"] = "；".join(check.errors)
        else:
            id_number = check.upgraded
            birth = birth or check.birth_date
            sex = sex or check.sex
            if check.legacy:
                warnings["id_number"] = f"15位旧身份证号码已升级为18位：{check.upgraded}"
            elif check.warnings:
                warnings["id_number"] = "；".join(check.warnings)
    clean.update(id_number=id_number, birth_date=birth, sex=sex)
    for key in ("ethnicity", "address"):
        text = _text(values.get(key))
        if text is not None and len(text) > _MAX_LEN[key]:
            errors[key] = f"内容太长（最多 {_MAX_LEN[key]} 个字）"
        clean[key] = text
    clean["note"] = _text(values.get("note"))
    phone_text = _text(values.get("phone"))
    phone = normalize_phone(phone_text)
    clean["phone"] = phone.normalized
    clean["phone_raw"] = phone_text
    if phone_text and not phone.valid:
        warnings["phone"] = f"电话号码无效：{phone.error or phone_text}（已保留原文）"
    _refuse(errors)
    return Checked(clean, warnings)


def _party_row(p: Party, role: str | None = None) -> PartyRow:
    return PartyRow(id=p.id, name=p.name, sex=p.sex, birth_date=p.birth_date, id_number=p.id_number,
                    phone=p.phone, address=p.address, role=role, ethnicity=p.ethnicity)


def find_parties(db: Database, station_id: int, text: str, limit: int = 20) -> list[PartyRow]:
    """Existing people whose name, ID number or phone matches ``text`` (exact ID/phone, name prefix)."""
    text = (text or "").strip()
    if not text:
        return []
    conditions = [Party.name.startswith(text, autoescape=True)]
    upper = text.upper()
    if len(upper) >= 4 and upper.replace("X", "").isdigit():
        conditions.append(Party.id_number.startswith(upper, autoescape=True))
    phone = normalize_phone(text)
    if phone.valid:
        conditions.append(Party.phone == phone.normalized)
    elif text.isdigit() and len(text) >= 4:
        conditions.append(Party.phone.startswith(text, autoescape=True))
    with db.session(station_id=station_id) as s:
        parties = s.scalars(select(Party).where(Party.station_id == station_id, or_(*conditions))
                            .order_by(Party.name, Party.id).limit(limit)).all()
        return [_party_row(p) for p in parties]


def _resolve_party(s: Session, station_id: int, ref: Any, today: date) -> int:
    """An existing party's id, or a new party from a values dict (reusing one with the same ID number)."""
    if isinstance(ref, int):
        if s.scalar(select(Party.id).where(Party.id == ref, Party.station_id == station_id)) is None:
            raise ValidationError("当事人不存在", fields={"parties": "当事人不存在"})
        return ref
    checked = check_party(ref, today=today)
    if checked.values["id_number"]:
        existing = s.scalar(select(Party.id).where(Party.station_id == station_id,
                                                   Party.id_number == checked.values["id_number"]))
        if existing is not None:
            return existing
    party = Party(station_id=station_id, **checked.values)
    s.add(party)
    s.flush()
    return party.id


# --------------------------------------------------------------------------- numbers


def _sequence_key(station_id: int, name: str, year: int):
    t = NumberSequence.__table__
    return (t.c.station_id == station_id) & (t.c.name == name) & (t.c.year == year)


def _ensure_sequence(db: Database, station_id: int, name: str, year: int) -> None:
    """The year's counter row, created in its own short transaction on the servers (as work orders do:
    creating it inside the allocating transaction can deadlock on MariaDB)."""
    if db.is_sqlite:
        return
    t = NumberSequence.__table__
    with db.engine.begin() as conn:
        if conn.execute(select(t.c.last_value).where(_sequence_key(station_id, name, year))).first() is not None:
            return
        values = {"station_id": station_id, "name": name, "year": year, "last_value": 0}
        if db.backend == "postgresql":
            conn.execute(pg_insert(t).values(**values).on_conflict_do_nothing())
        else:
            conn.execute(mysql_insert(t).values(**values).prefix_with("IGNORE"))


def _next_number(s: Session, db: Database, station_id: int, name: str, year: int) -> int:
    t = NumberSequence.__table__
    quiet = {"skip_audit": True}
    if db.is_sqlite:
        s.execute(sqlite_insert(t).values(station_id=station_id, name=name, year=year, last_value=0)
                  .on_conflict_do_nothing(), execution_options=quiet)
    current = s.execute(select(t.c.last_value).where(_sequence_key(station_id, name, year)).with_for_update(),
                        execution_options={"all_stations": True}).scalar_one()
    s.execute(update(t).where(_sequence_key(station_id, name, year)).values(last_value=current + 1),
              execution_options=quiet)
    return current + 1


def dispute_number(year: int, seq: int) -> str:
    return f"MT-{year}-{seq:04d}"


def agreement_number(year: int, seq: int) -> str:
    return f"{REGION_SHORT}调字〔{year}〕第{seq}号"


# --------------------------------------------------------------------------- registering


def _check_dispute(values: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Clean dispute values; with ``partial`` only the keys given are checked (an update)."""
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}

    def given(key: str) -> bool:
        return not partial or key in values

    if given("cause"):
        clean["cause"] = _text(values.get("cause"))
        if not clean["cause"]:
            errors["cause"] = "请填写纠纷诱因"
    if given("occurred_at"):
        clean["occurred_at"] = _as_datetime(values.get("occurred_at"), "occurred_at", errors)
    if given("place"):
        clean["place"] = _text(values.get("place"))
        if clean["place"] and len(clean["place"]) > _MAX_LEN["place"]:
            errors["place"] = f"地点太长（最多 {_MAX_LEN['place']} 个字）"
    if given("nature"):
        nature = _text(values.get("nature"))
        if nature not in {str(n) for n in DisputeNature}:
            errors["nature"] = "请选择纠纷性质"
        clean["nature"] = nature
    if given("scale"):
        try:
            clean["scale"] = int(values.get("scale") if values.get("scale") not in (None, "") else 2)
            if clean["scale"] < 1:
                errors["scale"] = "涉及人数至少为1"
        except (TypeError, ValueError):
            errors["scale"] = "涉及人数应为整数"
    for key in ("composition", "progression", "summary", "risk_reasons"):
        if given(key):
            clean[key] = _text(values.get(key))
    if given("source"):
        source = _text(values.get("source")) or DisputeSource.OTHER
        if source not in {str(x) for x in DisputeSource}:
            errors["source"] = "来源无效"
        clean["source"] = source
    for key in ("source_incident_id", "community_id", "grid_id", "lead_mediator_id"):
        if given(key) or (key == "source_incident_id" and "incident_id" in values):
            value = values.get(key, values.get("incident_id") if key == "source_incident_id" else None)
            clean[key] = int(value) if value not in (None, "") else None
    if clean.get("source") == DisputeSource.INCIDENT and given("source") and not clean.get("source_incident_id"):
        errors["source_incident_id"] = "来源为警情时请选择警情"
    if given("risk_level"):
        risk = _text(values.get("risk_level")) or RiskLevel.LOW
        if risk not in {str(r) for r in RiskLevel}:
            errors["risk_level"] = "风险等级无效"
        clean["risk_level"] = risk
        if risk in HIGH_RISKS and given("risk_reasons") and not clean.get("risk_reasons"):
            errors["risk_reasons"] = "高风险或重大风险请写明风险理由"
    if given("criminal_risk"):
        clean["criminal_risk"] = bool(values.get("criminal_risk"))
    _refuse(errors)
    return clean


def _check_refs(s: Session, station_id: int, clean: Mapping[str, Any]) -> None:
    from desktop.models import Community, Grid, Incident, Staff

    errors = {}
    for key, model, label in (("community_id", Community, "社区"), ("grid_id", Grid, "网格"),
                              ("source_incident_id", Incident, "来源警情"), ("lead_mediator_id", Staff, "主调解人")):
        if clean.get(key) is not None and s.scalar(
                select(model.id).where(model.id == clean[key], model.station_id == station_id)) is None:
            errors[key] = f"{label}不存在"
    _refuse(errors)


EDIT_ROLES = roles_for("dispute.edit")  # the old name; desktop.services.permissions decides


def can_edit(roles: Sequence[str]) -> bool:
    """Whether these roles may register and mediate disputes (not read-only or admin-only accounts)."""
    return allowed(roles, "dispute.edit")


def _login_ids(login: LoginResult) -> dict[str, int]:
    # Every write goes through here: refuse read-only accounts before anything is opened.
    require(login, "dispute.edit")
    return {"station_id": login.station_id, "staff_id": login.staff_id}


def register_dispute(db: Database, login: LoginResult, values: Mapping[str, Any],
                     parties: Sequence[tuple[int | Mapping[str, Any], str]], *, now: datetime | None = None) -> int:
    """Register a dispute with the seven elements and its parties; returns its id. The number is
    ``MT-{year}-{seq:04d}`` from the station's 'dispute' counter of the registration year."""
    _login_ids(login)  # refuse read-only accounts before a number is reserved
    at = _now(now)
    clean = _check_dispute(values)
    if not parties:
        raise ValidationError("请至少添加一名当事人", fields={"parties": "请至少添加一名当事人"})
    for _, role in parties:
        if role not in {str(r) for r in PartyRole}:
            raise ValidationError("当事人身份无效", fields={"parties": "当事人身份无效"})
    sid = login.station_id
    _ensure_sequence(db, sid, "dispute", at.year)
    with db.transaction(**_login_ids(login)) as s:
        seq = _next_number(s, db, sid, "dispute", at.year)
        _check_refs(s, sid, clean)
        ids: dict[int, str] = {}
        for ref, role in parties:
            pid = _resolve_party(s, sid, ref, at.date())
            ids.setdefault(pid, role)
        if "scale" not in values or values.get("scale") in (None, ""):
            clean["scale"] = max(2, len(ids)) if len(ids) > 1 else clean.get("scale", 2)
        dispute = Dispute(station_id=sid, number=dispute_number(at.year, seq), registered_at=at,
                          status=D.REGISTERED, **clean)
        dispute.party_links = [DisputeParty(party_id=pid, role=role) for pid, role in ids.items()]
        s.add(dispute)
        s.flush()
        if clean.get("source_incident_id"):
            s.execute(dispute_incidents.insert().values(dispute_id=dispute.id,
                                                        incident_id=clean["source_incident_id"]))
        record_event(s, AuditAction.INSERT, table_name="disputes", record_id=dispute.id,
                     summary=f"登记矛盾纠纷 {dispute.number}"[:300])
        return dispute.id


def _load(s: Session, model: Any, row_id: int, what: str) -> Any:
    row = s.scalars(select(model).where(model.id == row_id).with_for_update()).first()
    if row is None:
        raise NotFound(f"找不到这条{what}，可能已被删除。", hint="请刷新列表。")
    return row


def _check_version(row: Any, version: int | None, what: str) -> None:
    if version is not None and row.version != version:
        raise ConflictError(f"这条{what}已被他人修改。", hint="请关闭后重新打开，查看最新内容再修改。")


def update_dispute(db: Database, login: LoginResult, dispute_id: int, version: int, values: Mapping[str, Any], *,
                   now: datetime | None = None,
                   parties: Sequence[tuple[int | Mapping[str, Any], str]] | None = None) -> None:
    """Change the given elements of a dispute (and, with ``parties``, its parties) if nobody changed it
    since ``version`` was read. Lowering the risk is how a 民转刑 flag leaves the briefing."""
    at = _now(now)
    clean = _check_dispute(values, partial=True)
    with db.transaction(**_login_ids(login)) as s:
        dispute = _load(s, Dispute, dispute_id, "矛盾纠纷")
        _check_version(dispute, version, "矛盾纠纷")
        _check_refs(s, login.station_id, clean)
        old_risk = dispute.risk_level
        for key, value in clean.items():
            setattr(dispute, key, value)
        order = [str(r) for r in RiskLevel]
        if "criminal_risk" not in values and order.index(dispute.risk_level) < order.index(old_risk):
            dispute.criminal_risk = False  # DESIGN §3: the 民转刑 flag stays until the risk is lowered
        if parties is not None:
            if not parties:
                raise ValidationError("请至少添加一名当事人", fields={"parties": "请至少添加一名当事人"})
            ids: dict[int, str] = {}
            for ref, role in parties:
                if role not in {str(r) for r in PartyRole}:
                    raise ValidationError("当事人身份无效", fields={"parties": "当事人身份无效"})
                ids.setdefault(_resolve_party(s, login.station_id, ref, at.date()), role)
            dispute.party_links = [DisputeParty(party_id=pid, role=role) for pid, role in ids.items()]
        if dispute.risk_level in HIGH_RISKS and not dispute.risk_reasons:
            raise ValidationError("高风险或重大风险请写明风险理由", fields={"risk_reasons": "请写明风险理由"})
        s.flush()


def _apply_status(dispute: Dispute, status: str, how: str | None, reason: str | None, at: datetime) -> None:
    if status not in TRANSITIONS.get(dispute.status, ()):
        raise ValidationError(
            f"矛盾纠纷 {dispute.number} 当前状态为“{STATUS_LABELS.get(dispute.status, dispute.status)}”，"
            f"不能改为“{STATUS_LABELS.get(status, status)}”",
            fields={"status": "不允许的状态变更"}, hint="流程为：排查登记 → 调解中 → 已化解 或 调解不成 → 移交")
    if status == D.RESOLVED:
        if how not in {str(h) for h in ResolvedHow}:
            raise ValidationError("请选择化解方式（达成协议或其他方式）", fields={"how": "请选择化解方式"})
        dispute.resolved_how = how
    if status in (D.RESOLVED, D.FAILED):
        dispute.ended_at = at
    if status == D.FAILED and not _text(reason):
        raise ValidationError("请写明调解不成的原因", fields={"reason": "请写明原因"})
    if _text(reason):
        stamp = f"{at:%Y-%m-%d %H:%M} {STATUS_LABELS[status]}：{reason.strip()}"
        dispute.progression = f"{dispute.progression}\n{stamp}" if dispute.progression else stamp
    dispute.status = status


def set_status(db: Database, login: LoginResult, dispute_id: int, version: int | None, status: str, *,
               how: str | None = None, reason: str | None = None, now: datetime | None = None) -> None:
    """Move a dispute along DESIGN.md §3's rules; any other change is a :class:`ValidationError`."""
    at = _now(now)
    with db.transaction(**_login_ids(login)) as s:
        dispute = _load(s, Dispute, dispute_id, "矛盾纠纷")
        _check_version(dispute, version, "矛盾纠纷")
        old = dispute.status
        _apply_status(dispute, status, how, reason, at)
        s.flush()
        record_event(s, AuditAction.TRANSITION, table_name="disputes", record_id=dispute.id,
                     summary=f"矛盾纠纷 {dispute.number}：{STATUS_LABELS[old]} → {STATUS_LABELS[status]}"[:300])


# --------------------------------------------------------------------------- sessions


def add_session(db: Database, login: LoginResult, dispute_id: int, *, held_at: datetime, place: str | None = None,
                remote: bool = False, mediators: Sequence[tuple[int | str, str]], attendees: str | None = None,
                notes: str | None = None, outcome: str = SessionOutcome.NONE) -> int:
    """Record a mediation session; the first one moves a registered dispute to mediating. Mediators are
    staff (by id) or outside people (by name) with their role; the first staff mediator becomes the
    dispute's lead mediator when it has none."""
    from desktop.models import Staff

    errors: dict[str, str] = {}
    held = _as_datetime(held_at, "held_at", errors)
    if held is None and "held_at" not in errors:
        errors["held_at"] = "请填写调解时间"
    if not remote and not _text(place):
        errors["place"] = "请填写调解地点，或选择远程调解"
    if outcome not in {str(o) for o in SessionOutcome}:
        errors["outcome"] = "调解结果无效"
    if not mediators:
        errors["mediators"] = "请至少填写一名调解人员"
    for _, role in mediators:
        if role not in {str(r) for r in MediatorRole}:
            errors["mediators"] = "调解人员身份无效"
    _refuse(errors)
    with db.transaction(**_login_ids(login)) as s:
        dispute = _load(s, Dispute, dispute_id, "矛盾纠纷")
        if dispute.status not in (D.REGISTERED, D.MEDIATING):
            raise ValidationError(f"矛盾纠纷 {dispute.number} 已{STATUS_LABELS[dispute.status]}，不能再记录调解",
                                  fields={"status": "调解已结束"})
        rows = []
        for who, role in mediators:
            if isinstance(who, int):
                name = s.scalar(select(Staff.name).where(Staff.id == who, Staff.station_id == login.station_id))
                if name is None:
                    raise ValidationError("调解人员不存在", fields={"mediators": "调解人员不存在"})
                rows.append(SessionMediator(staff_id=who, name=name, role=role))
                if dispute.lead_mediator_id is None:
                    dispute.lead_mediator_id = who
            else:
                name = _text(who)
                if not name:
                    raise ValidationError("请填写调解人员姓名", fields={"mediators": "姓名为空"})
                rows.append(SessionMediator(name=name[:50], role=role))
        session = MediationSession(station_id=login.station_id, dispute_id=dispute.id, held_at=held,
                                   place=None if remote else _text(place), remote=bool(remote),
                                   attendees=_text(attendees), notes=_text(notes), outcome=outcome, mediators=rows)
        s.add(session)
        if dispute.status == D.REGISTERED:
            dispute.status = D.MEDIATING
        s.flush()
        return session.id


# --------------------------------------------------------------------------- agreements


_AGREEMENT_FIELDS = ("facts", "points", "terms", "performance", "performance_deadline", "copies", "organisation",
                     "mediators")


def _check_agreement(values: Mapping[str, Any], n_parties: int) -> dict[str, Any]:
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for key in ("facts", "points", "terms", "performance", "organisation", "mediators"):
        if key in values:
            clean[key] = _text(values[key])
    for key, label in (("facts", "主要事实"), ("terms", "协议内容")):
        if key in clean and not clean[key]:
            errors[key] = f"请填写{label}"
    if "performance_deadline" in values:
        clean["performance_deadline"] = _as_date(values["performance_deadline"], "performance_deadline", errors)
    if "copies" in values:
        copies = values["copies"]
        try:
            clean["copies"] = n_parties + 1 if copies in (None, "") else int(copies)
        except (TypeError, ValueError):
            errors["copies"] = "份数应为整数"
        else:
            if clean["copies"] < max(2, n_parties + 1):
                errors["copies"] = f"协议书至少一式 {max(2, n_parties + 1)} 份（每方当事人一份，调解组织留存一份）"
    if clean.get("mediators") and len(clean["mediators"]) > 200:
        clean["mediators"] = clean["mediators"][:200]
    _refuse(errors)
    return clean


def _session_mediator_names(s: Session, dispute_id: int) -> str | None:
    names = s.scalars(select(SessionMediator.name).join(MediationSession, MediationSession.id
                                                         == SessionMediator.session_id)
                      .where(MediationSession.dispute_id == dispute_id)
                      .order_by(MediationSession.held_at, SessionMediator.id)).all()
    unique = list(dict.fromkeys(names))
    return "、".join(unique)[:200] or None


def draft_agreement(db: Database, login: LoginResult, dispute_id: int, *, facts: str, points: str | None,
                    terms: str, performance: str | None, performance_deadline: date | None = None,
                    copies: int | None = None, organisation: str | None = None, now: datetime | None = None) -> int:
    """A draft 调解协议书 for a dispute under mediation, its parties taken from the dispute; returns its id.
    The number is ``城关调字〔year〕第n号`` from the station's 'agreement' counter."""
    _login_ids(login)
    at = _now(now)
    sid = login.station_id
    _ensure_sequence(db, sid, "agreement", at.year)
    with db.transaction(**_login_ids(login)) as s:
        dispute = _load(s, Dispute, dispute_id, "矛盾纠纷")
        if dispute.status not in (D.REGISTERED, D.MEDIATING):
            raise ValidationError(f"矛盾纠纷 {dispute.number} 已{STATUS_LABELS[dispute.status]}，不能再起草协议",
                                  fields={"status": "调解已结束"})
        if s.scalar(select(Agreement.id).where(Agreement.dispute_id == dispute.id,
                                               Agreement.status == AgreementStatus.DRAFT)) is not None:
            raise ValidationError("这起纠纷已有一份协议草稿，请修改该草稿", fields={"agreement": "已有草稿"})
        links = list(dispute.party_links)
        clean = _check_agreement({"facts": facts, "points": points, "terms": terms, "performance": performance,
                                  "performance_deadline": performance_deadline, "copies": copies,
                                  "organisation": organisation or DEFAULT_ORGANISATION}, len(links))
        seq = _next_number(s, db, sid, "agreement", at.year)
        agreement = Agreement(station_id=sid, dispute_id=dispute.id, number=agreement_number(at.year, seq),
                              agreement_version=1, status=AgreementStatus.DRAFT,
                              mediators=_session_mediator_names(s, dispute.id), **clean)
        agreement.signatories = [AgreementParty(party_id=link.party_id, role=link.role) for link in links]
        s.add(agreement)
        s.flush()
        return agreement.id


def update_agreement(db: Database, login: LoginResult, agreement_id: int, version: int, **changes: Any) -> None:
    """Change a draft agreement; a signed (or superseded) one is locked: use :func:`correct_agreement`."""
    unknown = set(changes) - set(_AGREEMENT_FIELDS)
    if unknown:
        raise ValueError(f"unknown agreement fields: {sorted(unknown)}")
    with db.transaction(**_login_ids(login)) as s:
        agreement = _load(s, Agreement, agreement_id, "调解协议")
        _check_version(agreement, version, "调解协议")
        if agreement.status != AgreementStatus.DRAFT:
            raise ValidationError(f"协议 {agreement.version_label} 已签署，不能修改",
                                  fields={"status": "已签署"}, hint="如需更正，请制作更正版本")
        clean = _check_agreement(changes, len(agreement.signatories))
        for key, value in clean.items():
            setattr(agreement, key, value)
        s.flush()


def _schedule_follow_ups(s: Session, dispute: Dispute, signed_on: date, days: Sequence[int]) -> None:
    """Planned visits: rows with ``next_due`` set and no visitor yet (filled by record_follow_up)."""
    for n in sorted(set(days)):
        due = signed_on + timedelta(days=n)
        s.add(FollowUp(station_id=dispute.station_id, dispute_id=dispute.id, visited_on=due, visitor_name="",
                       honoured=Honoured.NOT_APPLICABLE, next_due=due))


def sign_agreement(db: Database, login: LoginResult, agreement_id: int, version: int, *,
                   signed_at: date | datetime | None = None, sign_methods: Mapping[int, str] | None = None,
                   follow_up_days: Sequence[int] = DEFAULT_FOLLOW_UP_DAYS) -> None:
    """Sign (and so lock) a draft agreement: the dispute becomes resolved by agreement and follow-ups are
    scheduled ``follow_up_days`` after signing (Settings.follow_up_days()). ``sign_methods`` maps a
    party id to how they signed (default 签名)."""
    signed_on = signed_at.date() if isinstance(signed_at, datetime) else signed_at or date.today()
    at = datetime.combine(signed_on, time(0, 0)) if not isinstance(signed_at, datetime) else _now(signed_at)
    with db.transaction(**_login_ids(login)) as s:
        agreement = _load(s, Agreement, agreement_id, "调解协议")
        _check_version(agreement, version, "调解协议")
        if agreement.status != AgreementStatus.DRAFT:
            raise ValidationError(f"协议 {agreement.version_label} 已签署，不能再次签署", fields={"status": "已签署"})
        for signatory in agreement.signatories:
            signatory.signed_how = (sign_methods or {}).get(signatory.party_id, "signature")
        agreement.status = AgreementStatus.SIGNED
        agreement.signed_on = signed_on
        dispute = s.get(Dispute, agreement.dispute_id)
        if dispute.status not in (D.REGISTERED, D.MEDIATING):
            raise ValidationError(f"矛盾纠纷 {dispute.number} 已{STATUS_LABELS[dispute.status]}，不能再签署协议",
                                  fields={"status": "调解已结束"})
        if dispute.status == D.REGISTERED:
            dispute.status = D.MEDIATING
        if dispute.status == D.MEDIATING:
            _apply_status(dispute, D.RESOLVED, ResolvedHow.AGREEMENT, None, at)
        _schedule_follow_ups(s, dispute, signed_on, follow_up_days)
        s.flush()
        record_event(s, AuditAction.TRANSITION, table_name="agreements", record_id=agreement.id,
                     summary=f"签署调解协议 {agreement.version_label}"[:300])


def correct_agreement(db: Database, login: LoginResult, agreement_id: int, *, signed_at: date | None = None,
                      **changes: Any) -> int:
    """A correction of a signed agreement: a new signed version with the changes, the old one marked
    superseded and kept unchanged otherwise. Returns the new version's id."""
    unknown = set(changes) - set(_AGREEMENT_FIELDS)
    if unknown:
        raise ValueError(f"unknown agreement fields: {sorted(unknown)}")
    with db.transaction(**_login_ids(login)) as s:
        old = _load(s, Agreement, agreement_id, "调解协议")
        if old.status != AgreementStatus.SIGNED:
            raise ValidationError(f"只有已签署的当前版本可以更正（{old.version_label} 为"
                                  f"{AGREEMENT_STATUS_LABELS[old.status]}）", fields={"status": "不能更正"})
        clean = _check_agreement(changes, len(old.signatories))
        if not any(getattr(old, k) != v for k, v in clean.items()):
            raise ValidationError("更正内容与原协议相同", fields={"changes": "没有更改"})
        base = {k: getattr(old, k) for k in _AGREEMENT_FIELDS}
        base.update(clean)
        new = Agreement(station_id=old.station_id, dispute_id=old.dispute_id, number=old.number,
                        agreement_version=old.agreement_version + 1, supersedes_id=old.id,
                        status=AgreementStatus.SIGNED, signed_on=signed_at or date.today(),
                        confirmation_applied_on=old.confirmation_applied_on, **base)
        new.signatories = [AgreementParty(party_id=p.party_id, role=p.role, signed_how=p.signed_how)
                           for p in old.signatories]
        old.status = AgreementStatus.SUPERSEDED
        s.add(new)
        s.flush()
        record_event(s, AuditAction.INSERT, table_name="agreements", record_id=new.id,
                     summary=f"更正调解协议 {new.version_label}"[:300])
        return new.id


def confirmation_deadline(signed_at: date | datetime) -> date:
    """Last day for the joint application for judicial confirmation (人民调解法 art. 33: 30 days)."""
    day = signed_at.date() if isinstance(signed_at, datetime) else signed_at
    return day + timedelta(days=CONFIRMATION_DAYS)


@dataclasses.dataclass(frozen=True)
class ConfirmationRow:
    agreement_id: int
    label: str
    dispute_id: int
    dispute_number: str
    signed_on: date
    deadline: date
    days_left: int


def agreements_needing_confirmation(db: Database, station_id: int, *, today: date,
                                    within_days: int = 7) -> list[ConfirmationRow]:
    """Signed agreements not yet applied for judicial confirmation whose 30-day window closes within
    ``within_days`` (and has not closed yet), soonest first."""
    earliest = today - timedelta(days=CONFIRMATION_DAYS)
    latest = today - timedelta(days=CONFIRMATION_DAYS - within_days)
    with db.session(station_id=station_id) as s:
        rows = s.execute(
            select(Agreement.id, Agreement.number, Agreement.agreement_version, Agreement.dispute_id, Dispute.number,
                   Agreement.signed_on)
            .join(Dispute, Dispute.id == Agreement.dispute_id)
            .where(Agreement.station_id == station_id, Agreement.status == AgreementStatus.SIGNED,
                   Agreement.confirmation_applied_on.is_(None), Agreement.signed_on >= earliest,
                   Agreement.signed_on <= latest)
            .order_by(Agreement.signed_on, Agreement.id)).all()
    out = []
    for aid, number, v, did, dnum, signed in rows:
        deadline = confirmation_deadline(signed)
        out.append(ConfirmationRow(aid, f"{number}（第{v}版）", did, dnum, signed, deadline, (deadline - today).days))
    return out


# --------------------------------------------------------------------------- follow-ups


def record_follow_up(db: Database, login: LoginResult, follow_up_id: int, version: int, *, done_at: date | datetime,
                     visitor_id: int, honoured: str | bool, new_risk: str | None = None, notes: str | None = None,
                     next_due: date | None = None) -> int:
    """Record a visit for a due follow-up. A planned row is filled in; a revisit asked by an earlier
    visit becomes a new row (the earlier visit keeps its record and stops being due). ``honoured`` is
    True/False or one of yes/partly/no/n/a. A new risk level replaces the dispute's; lowering it below
    high clears the 民转刑 flag. Returns the id of the row holding the visit."""
    from desktop.models import Staff

    if isinstance(honoured, bool):
        honoured = Honoured.YES if honoured else Honoured.NO
    errors: dict[str, str] = {}
    if honoured not in {str(h) for h in Honoured}:
        errors["honoured"] = "请选择协议履行情况"
    if new_risk is not None and new_risk not in {str(r) for r in RiskLevel}:
        errors["new_risk"] = "风险等级无效"
    day = done_at.date() if isinstance(done_at, datetime) else done_at
    if day is None:
        errors["done_at"] = "请填写回访日期"
    _refuse(errors)
    with db.transaction(**_login_ids(login)) as s:
        row = _load(s, FollowUp, follow_up_id, "回访")
        _check_version(row, version, "回访")
        if row.next_due is None:
            raise ValidationError("这次回访已记录，无需再记", fields={"follow_up": "已回访"})
        name = s.scalar(select(Staff.name).where(Staff.id == visitor_id, Staff.station_id == login.station_id))
        if name is None:
            raise ValidationError("回访人不存在", fields={"visitor_id": "回访人不存在"})
        planned = row.visitor_id is None and not row.visitor_name
        if planned:
            target = row
        else:
            row.next_due = None
            target = FollowUp(station_id=row.station_id, dispute_id=row.dispute_id)
            s.add(target)
        target.visited_on = day
        target.visitor_id = visitor_id
        target.visitor_name = name
        target.honoured = honoured
        target.new_risk_level = new_risk
        target.notes = _text(notes)
        target.next_due = next_due
        if new_risk is not None:
            dispute = s.get(Dispute, row.dispute_id)
            dispute.risk_level = new_risk
            if new_risk not in HIGH_RISKS:
                dispute.criminal_risk = False
        s.flush()
        return target.id


@dataclasses.dataclass(frozen=True)
class FollowUpDue:
    id: int
    version: int
    dispute_id: int
    dispute_number: str
    cause: str
    due: date
    overdue: bool
    lead_mediator_id: int | None


def follow_ups_due(db: Database, station_id: int, *, today: date, staff_id: int | None = None) -> list[FollowUpDue]:
    """Follow-ups due today or earlier (and not yet done), oldest first; with ``staff_id`` those of the
    disputes that person leads."""
    with db.session(station_id=station_id) as s:
        q = (select(FollowUp.id, FollowUp.version, Dispute.id, Dispute.number, Dispute.cause, FollowUp.next_due,
                    Dispute.lead_mediator_id)
             .join(Dispute, Dispute.id == FollowUp.dispute_id)
             .where(FollowUp.station_id == station_id, FollowUp.next_due.is_not(None), FollowUp.next_due <= today)
             .order_by(FollowUp.next_due, FollowUp.id))
        if staff_id is not None:
            q = q.where(Dispute.lead_mediator_id == staff_id)
        rows = s.execute(q).all()
    return [FollowUpDue(fid, v, did, num, cause, due, due < today, lead)
            for fid, v, did, num, cause, due, lead in rows]


@dataclasses.dataclass(frozen=True)
class RiskRow:
    id: int
    number: str
    cause: str
    risk_level: str
    status: str
    registered_at: datetime


def criminal_risk_disputes(db: Database, station_id: int) -> list[RiskRow]:
    """Disputes flagged 民转刑风险: on every briefing until the risk is lowered (DESIGN.md §3),
    the highest risk first, then the oldest."""
    order = case({str(r): i for i, r in enumerate(reversed(list(RiskLevel)))}, value=Dispute.risk_level, else_=9)
    with db.session(station_id=station_id) as s:
        rows = s.execute(select(Dispute.id, Dispute.number, Dispute.cause, Dispute.risk_level, Dispute.status,
                                Dispute.registered_at)
                         .where(Dispute.station_id == station_id, Dispute.criminal_risk.is_(True))
                         .order_by(order, Dispute.registered_at, Dispute.id)).all()
    return [RiskRow(*r) for r in rows]


# --------------------------------------------------------------------------- transfers


def add_transfer(db: Database, login: LoginResult, dispute_id: int, *, direction: str, reason: str,
                 receiving_body: str, at: date | datetime | None = None,
                 raise_work_order: Mapping[str, Any] | None = None) -> int:
    """Record a transfer (流转). A failed dispute sent on becomes ``transferred``; a police → centre
    hand-over at registration keeps its status. ``raise_work_order`` (``unit_id``, ``title``, optional
    ``priority``, ``instructions``, ``assignee_id``, ``deadline``) also issues a work order with the
    dispute as source, in its own transaction after the transfer."""
    errors: dict[str, str] = {}
    if direction not in {str(d) for d in TransferDirection}:
        errors["direction"] = "请选择流转方向"
    if not _text(reason):
        errors["reason"] = "请写明流转原因"
    if not _text(receiving_body):
        errors["receiving_body"] = "请填写接收单位"
    _refuse(errors)
    day = at.date() if isinstance(at, datetime) else (at or date.today())
    if raise_work_order:
        # Checked first, so the transfer is not saved without its order.
        require(login, "workorder.issue")
    with db.transaction(**_login_ids(login)) as s:
        dispute = _load(s, Dispute, dispute_id, "矛盾纠纷")
        if dispute.status in (D.RESOLVED, D.TRANSFERRED):
            raise ValidationError(f"矛盾纠纷 {dispute.number} 已{STATUS_LABELS[dispute.status]}，不能再流转",
                                  fields={"status": "不能流转"})
        transfer = Transfer(station_id=login.station_id, dispute_id=dispute.id, direction=direction,
                            transferred_on=day, reason=_text(reason), receiver=_text(receiving_body)[:200])
        s.add(transfer)
        if dispute.status == D.FAILED:
            _apply_status(dispute, D.TRANSFERRED, None, None, datetime.combine(day, time(0, 0)))
        s.flush()
        transfer_id = transfer.id
        number = dispute.number
    if raise_work_order:
        from desktop.services.work_orders import NewOrder, create_work_order

        order = dict(raise_work_order)
        order.setdefault("title", f"矛盾纠纷 {number} 流转：{_text(reason)}"[:100])
        create_work_order(db, login, NewOrder(source_kind="dispute", source_id=dispute_id, **order))
    return transfer_id


def record_transfer_outcome(db: Database, login: LoginResult, transfer_id: int, version: int, *, outcome: str,
                            returned_at: date | datetime | None = None, notes: str | None = None) -> None:
    if outcome not in {str(o) for o in TransferOutcome}:
        raise ValidationError("请选择流转结果", fields={"outcome": "流转结果无效"})
    day = returned_at.date() if isinstance(returned_at, datetime) else (returned_at or date.today())
    with db.transaction(**_login_ids(login)) as s:
        transfer = _load(s, Transfer, transfer_id, "流转记录")
        _check_version(transfer, version, "流转记录")
        if day < transfer.transferred_on:
            raise ValidationError("结果日期不能早于流转日期", fields={"returned_at": "早于流转日期"})
        transfer.outcome = outcome
        transfer.outcome_on = day
        transfer.outcome_notes = _text(notes)
        s.flush()


# --------------------------------------------------------------------------- detail


@dataclasses.dataclass(frozen=True)
class MediatorRow:
    staff_id: int | None
    name: str
    role: str


@dataclasses.dataclass(frozen=True)
class SessionRow:
    id: int
    held_at: datetime
    place: str | None
    remote: bool
    mediators: list[MediatorRow]
    attendees: str | None
    notes: str | None
    outcome: str


@dataclasses.dataclass(frozen=True)
class AgreementRow:
    id: int
    version: int                 # the row version (optimistic locking)
    number: str
    agreement_version: int
    label: str
    status: str
    supersedes_id: int | None
    facts: str
    points: str | None
    terms: str
    performance: str | None
    performance_deadline: date | None
    copies: int
    mediators: str | None
    organisation: str | None
    signed_on: date | None
    confirmation_deadline: date | None
    confirmation_applied_on: date | None
    signatories: list[tuple[int, str, str, str | None]]  # (party id, name, role, signed how)


@dataclasses.dataclass(frozen=True)
class FollowUpRow:
    id: int
    version: int
    visited_on: date | None      # None while only planned
    due: date | None
    visitor_id: int | None
    visitor_name: str | None
    honoured: str | None
    new_risk_level: str | None
    notes: str | None


@dataclasses.dataclass(frozen=True)
class TransferRow:
    id: int
    version: int
    direction: str
    transferred_on: date
    reason: str
    receiver: str
    outcome: str | None
    outcome_on: date | None
    outcome_notes: str | None


@dataclasses.dataclass(frozen=True)
class DisputeDetail:
    id: int
    version: int
    number: str
    registered_at: datetime
    cause: str
    occurred_at: datetime | None
    place: str | None
    nature: str
    scale: int
    composition: str | None
    progression: str | None
    summary: str | None
    source: str
    source_incident_id: int | None
    community_id: int | None
    community: str | None
    grid_id: int | None
    grid: str | None
    risk_level: str
    risk_reasons: str | None
    criminal_risk: bool
    status: str
    resolved_how: str | None
    ended_at: datetime | None
    lead_mediator_id: int | None
    lead_mediator: str | None
    parties: list[PartyRow]
    sessions: list[SessionRow]
    agreements: list[AgreementRow]
    follow_ups: list[FollowUpRow]
    transfers: list[TransferRow]
    incidents: list[tuple[int, str]]
    orders: list[tuple[int, str, str]]

    @property
    def allowed_statuses(self) -> tuple[str, ...]:
        return TRANSITIONS.get(self.status, ())


def dispute_detail(db: Database, station_id: int, dispute_id: int) -> DisputeDetail:
    from desktop.models import Community, Grid, Incident, Staff
    from desktop.services.work_orders import orders_for_source

    with db.session(station_id=station_id) as s:
        d = s.get(Dispute, dispute_id)
        if d is None or d.station_id != station_id:
            raise NotFound("找不到这条矛盾纠纷，可能已被删除。", hint="请刷新列表。")
        parties = [_party_row(link.party, link.role) for link in
                   sorted(d.party_links, key=lambda x: (list(PartyRole).index(PartyRole(x.role)), x.party_id))]
        names = {p.id: p.name for p in parties}
        sessions = [SessionRow(x.id, x.held_at, x.place, x.remote,
                               [MediatorRow(m.staff_id, m.name, m.role)
                                for m in sorted(x.mediators, key=lambda m: m.id)],
                               x.attendees, x.notes, x.outcome) for x in d.sessions]
        agreements = [AgreementRow(
            a.id, a.version, a.number, a.agreement_version, a.version_label, a.status, a.supersedes_id, a.facts,
            a.points, a.terms, a.performance, a.performance_deadline, a.copies, a.mediators, a.organisation,
            a.signed_on, confirmation_deadline(a.signed_on) if a.signed_on else None, a.confirmation_applied_on,
            [(p.party_id, names.get(p.party_id, ""), p.role, p.signed_how) for p in a.signatories])
            for a in sorted(d.agreements, key=lambda a: (a.agreement_version, a.id))]
        follow_ups = []
        for f in sorted(d.follow_ups, key=lambda f: (f.visited_on, f.id)):
            planned = f.visitor_id is None and not f.visitor_name
            follow_ups.append(FollowUpRow(f.id, f.version, None if planned else f.visited_on, f.next_due,
                                          f.visitor_id, f.visitor_name or None, None if planned else f.honoured,
                                          f.new_risk_level, f.notes))
        transfers = [TransferRow(t.id, t.version, t.direction, t.transferred_on, t.reason, t.receiver, t.outcome,
                                 t.outcome_on, t.outcome_notes) for t in sorted(d.transfers, key=lambda t: (
                                     t.transferred_on, t.id))]
        incidents = [tuple(r) for r in s.execute(
            select(Incident.id, Incident.number).join(dispute_incidents, dispute_incidents.c.incident_id == Incident.id)
            .where(dispute_incidents.c.dispute_id == d.id).order_by(Incident.reported_at, Incident.id)).all()]
        community = s.scalar(select(Community.name).where(Community.id == d.community_id)) if d.community_id else None
        grid = s.scalar(select(Grid.name).where(Grid.id == d.grid_id)) if d.grid_id else None
        lead = s.scalar(select(Staff.name).where(Staff.id == d.lead_mediator_id)) if d.lead_mediator_id else None
        detail = DisputeDetail(
            id=d.id, version=d.version, number=d.number, registered_at=d.registered_at, cause=d.cause,
            occurred_at=d.occurred_at, place=d.place, nature=d.nature, scale=d.scale, composition=d.composition,
            progression=d.progression, summary=d.summary, source=d.source, source_incident_id=d.source_incident_id,
            community_id=d.community_id, community=community, grid_id=d.grid_id, grid=grid,
            risk_level=d.risk_level, risk_reasons=d.risk_reasons, criminal_risk=bool(d.criminal_risk),
            status=d.status, resolved_how=d.resolved_how, ended_at=d.ended_at, lead_mediator_id=d.lead_mediator_id,
            lead_mediator=lead, parties=parties, sessions=sessions, agreements=agreements, follow_ups=follow_ups,
            transfers=transfers, incidents=incidents, orders=[])
    orders = orders_for_source(db, station_id, "dispute", dispute_id)
    return dataclasses.replace(detail, orders=list(orders))


# --------------------------------------------------------------------------- list

DEFAULT_TITLES: dict[str, str] = {
    "number": "纠纷编号", "tone": "提示", "registered_at": "登记时间", "cause": "纠纷诱因", "nature": "性质",
    "risk": "风险等级", "status": "状态", "community": "社区", "mediator": "主调解人", "criminal_risk": "民转刑风险",
    "place": "地点",
}


def tone_expr() -> Any:
    """'risk' for a high/major risk or a 民转刑 flag, '' otherwise."""
    return case((or_(Dispute.risk_level.in_(HIGH_RISKS), Dispute.criminal_risk.is_(True)), "risk"), else_="")


def _name_of(model: Any, fk: Any) -> Any:
    return select(model.name).where(model.id == fk).correlate(Dispute).scalar_subquery()


def dispute_list_query(db: Database, station_id: int, titles: Mapping[str, str] | None = None, *,
                       today: date | None = None) -> PagedQuery:
    """The dispute list of a station. Filters: ``status``, ``nature``, ``risk_level``, ``community_id``,
    ``grid_id``, ``lead_mediator_id``, ``criminal_risk`` and ranges on ``registered_at`` / ``ended_at``.
    Codes are shown as stored; ``labels`` give the Chinese words for exports and prints."""
    from desktop.models import Community, Staff

    t = {**DEFAULT_TITLES, **(titles or {})}
    columns = [
        ColumnSpec("number", t["number"], Dispute.number),
        ColumnSpec("tone", t["tone"], tone_expr(), sortable=False, searchable=False, width=40),
        ColumnSpec("registered_at", t["registered_at"], Dispute.registered_at, "datetime"),
        ColumnSpec("cause", t["cause"], Dispute.cause),
        ColumnSpec("nature", t["nature"], Dispute.nature, searchable=False, labels=NATURE_LABELS),
        ColumnSpec("risk", t["risk"], Dispute.risk_level, searchable=False, labels=RISK_LABELS),
        ColumnSpec("status", t["status"], Dispute.status, searchable=False, labels=STATUS_LABELS),
        ColumnSpec("community", t["community"], _name_of(Community, Dispute.community_id),
                   sort_expr=Dispute.community_id, searchable=False),
        ColumnSpec("mediator", t["mediator"], _name_of(Staff, Dispute.lead_mediator_id),
                   sort_expr=Dispute.lead_mediator_id, searchable=False),
        ColumnSpec("criminal_risk", t["criminal_risk"], Dispute.criminal_risk, "bool", searchable=False),
        ColumnSpec("place", t["place"], Dispute.place),
    ]
    filters = [
        ColumnSpec("risk_level", "risk_level", Dispute.risk_level, searchable=False),
        ColumnSpec("community_id", "community_id", Dispute.community_id, "int"),
        ColumnSpec("grid_id", "grid_id", Dispute.grid_id, "int"),
        ColumnSpec("lead_mediator_id", "lead_mediator_id", Dispute.lead_mediator_id, "int"),
        ColumnSpec("ended_at", "ended_at", Dispute.ended_at, "datetime"),
    ]
    return PagedQuery(db, station_id=station_id, base=select(Dispute.id), columns=columns, id_expr=Dispute.id,
                      filter_columns=filters,
                      search=lambda word: or_(Dispute.number.contains(word, autoescape=True),
                                              Dispute.cause.contains(word, autoescape=True),
                                              Dispute.place.contains(word, autoescape=True)))


# --------------------------------------------------------------------------- statistics


def _rate(numerator: int, denominator: int) -> float | None:
    """Exact percentage (display rounds to one decimal); None where the base is 0."""
    return numerator * 100.0 / denominator if denominator else None


def _as_dt(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, time(0, 0))


def statistics(db: Database, station_id: int, start: date | datetime, end: date | datetime) -> dict[str, Any]:
    """DESIGN.md §4 for ``[start, end)``, in SQL aggregates: registered, resolved, failed (failed or later
    transferred, by when mediation ended), transfers and their outcomes, the mediation success rate
    (resolved / (resolved + failed)) and the transfer resolution rate (resolved / with an outcome), and
    per nature, community and lead mediator the registered / resolved / failed counts."""
    lo, hi = _as_dt(start), _as_dt(end)
    lo_d, hi_d = lo.date(), hi.date()
    in_reg = and_(Dispute.registered_at >= lo, Dispute.registered_at < hi)
    in_end = and_(Dispute.ended_at >= lo, Dispute.ended_at < hi)
    resolved = and_(in_end, Dispute.status == D.RESOLVED)
    failed = and_(in_end, Dispute.status.in_((D.FAILED, D.TRANSFERRED)))

    # One pass: counts per (nature, community, lead mediator) in SQL; the three breakdowns and the
    # totals are sums of those few group counts (separate GROUP BYs cost a table pass each).
    groups = (Dispute.nature, Dispute.community_id, Dispute.lead_mediator_id)
    counted = select(*groups, func.sum(case((in_reg, 1), else_=0)), func.sum(case((resolved, 1), else_=0)),
                     func.sum(case((failed, 1), else_=0)),
                     func.sum(case((and_(resolved, Dispute.resolved_how == ResolvedHow.AGREEMENT), 1), else_=0))
                     ).where(Dispute.station_id == station_id, or_(in_reg, in_end)).group_by(*groups)
    in_tr = and_(Transfer.station_id == station_id, Transfer.transferred_on >= lo_d, Transfer.transferred_on < hi_d)
    with db.session(station_id=station_id) as s:
        rows = s.execute(counted).all()
        tr_total, tr_with, tr_resolved = (int(x or 0) for x in s.execute(select(
            func.count(), func.sum(case((Transfer.outcome.is_not(None), 1), else_=0)),
            func.sum(case((Transfer.outcome == TransferOutcome.RESOLVED, 1), else_=0))).where(in_tr)).one())
    breakdowns: list[dict[Any, list[int]]] = [{}, {}, {}]
    totals = [0, 0, 0, 0]
    for row in rows:
        keys, figures = row[:3], [int(x or 0) for x in row[3:]]
        for index, key in enumerate(keys):
            sums = breakdowns[index].setdefault(key, [0, 0, 0])
            for i in range(3):
                sums[i] += figures[i]
        for i in range(4):
            totals[i] += figures[i]
    by_nature, by_community, by_mediator = (
        {key: {"registered": r, "resolved": ok, "failed": f, "success_rate": _rate(ok, ok + f)}
         for key, (r, ok, f) in sorted(b.items(), key=lambda kv: (kv[0] is None, str(kv[0])))}
        for b in breakdowns)
    reg, res, fail, by_agreement = totals
    return {
        "registered": reg, "resolved": res, "resolved_by_agreement": by_agreement, "failed": fail,
        "ended": res + fail, "success_rate": _rate(res, res + fail),
        "transfers": tr_total, "transferred": tr_total, "transfers_with_outcome": tr_with,
        "transfers_resolved": tr_resolved, "transfer_resolution_rate": _rate(tr_resolved, tr_with),
        "by_nature": by_nature, "by_community": by_community, "by_mediator": by_mediator,
    }


__all__ = [
    "AGREEMENT_STATUS_LABELS",
    "DIRECTION_LABELS",
    "HONOURED_LABELS",
    "MEDIATOR_ROLE_LABELS",
    "NATURE_LABELS",
    "OUTCOME_LABELS",
    "RESOLVED_HOW_LABELS",
    "RISK_LABELS",
    "ROLE_LABELS",
    "SOURCE_LABELS",
    "STATUS_LABELS",
    "TRANSFER_OUTCOME_LABELS",
    "TRANSITIONS",
    "AgreementRow",
    "Checked",
    "ConfirmationRow",
    "DisputeDetail",
    "FollowUpDue",
    "FollowUpRow",
    "MediatorRow",
    "PartyRow",
    "RiskRow",
    "SessionRow",
    "TransferRow",
    "add_session",
    "add_transfer",
    "agreement_number",
    "agreements_needing_confirmation",
    "can_edit",
    "check_party",
    "confirmation_deadline",
    "correct_agreement",
    "criminal_risk_disputes",
    "dispute_detail",
    "dispute_list_query",
    "dispute_number",
    "draft_agreement",
    "find_parties",
    "follow_ups_due",
    "record_follow_up",
    "record_transfer_outcome",
    "register_dispute",
    "set_status",
    "sign_agreement",
    "statistics",
    "update_agreement",
    "update_dispute",
]
